"""One sentence, one value of a result: a sentence giving a target two different amounts done,
of the same scope, period, stage and unit, under one verb (新增学位1.2万个，…新增学位2700个 for a
school-places target; 家电以旧换新320万台，手机以旧换新150万台) is counting two things, and the
reader could not tell them apart: the first, nearest the keyword as read, is kept, the later one
dropped. Two amounts stay side by side where the text makes them two readings of one thing: a
verb of work of its own at the later (启动1200户…，完成改造980户; 开工1200部，已有860部主体完工:
two stages), or a time of its own between them (其中3月份, 去年底…现在, 从…提高到…). Plans are
left alone (a plan's parts and its floor and stretch are listed side by side: 室内…600处，室外…
1500处; 确保…，力争…), as are shares and rates, which the readers pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from monitor.models import Figure, Quantity, Target

# How a check says it left a number out, and why (Making.drop: the trace `--explain` shows)
Drop = Callable[[Quantity, Target | None, str], None]

# Words between the two that make them two readings of one thing: a time of its own (其中3月份,
# 今年以来), from one level to the next (从…提高到…)
_TWO_TIMES = re.compile(r"[月季年日周]|以来|累计|当期|至今|目前|现在|如今|当前|到|至")
# Work done to the things counted: a verb of its own before the later amount makes it a stage
_WORK = re.compile(
    r"启动|开工|竣工|完工|建成|投产|投用|开通|落实|完成|签约|到位|交付|改扩建|改造|新建|新增|"
    r"提升|实施|开放|下达|安排|明确|确定|筹集|分配|供应|打造|设立|培育"
)
_CLAUSE_END = re.compile(r"[，,；;。、：:（(]")

_WHY = "the sentence gave another value of the same figure before it ({}): two values, one thing"


def one_value(figures: list[Figure], targets: dict[str, Target], drop: Drop) -> list[Figure]:
    """`figures` (one sentence's, in order) without the later of two amounts of one figure;
    each left out is told to `drop` with the reason."""
    if len(figures) < 2:
        return figures
    first: dict[tuple[object, ...], Figure] = {}
    kept: list[Figure] = []
    for figure in figures:
        key = (
            figure.target_id,
            figure.kind,
            figure.scope,
            figure.period,
            figure.measure,
            figure.unit,
            figure.direction,
        )
        earlier = first.setdefault(key, figure)
        if earlier is not figure and _another_things(earlier, figure):
            why = _WHY.format(earlier.quantity.surface)
            drop(figure.quantity, targets.get(figure.target_id), why)
            continue
        kept.append(figure)
    return kept


def _another_things(earlier: Figure, later: Figure) -> bool:
    """Whether `later`, an amount of the same figure as `earlier`, counts another thing."""
    if later.kind != "achieved" or later.scope not in ("new", "cumulative"):
        return False
    if later.value == earlier.value:
        return False
    if _TWO_TIMES.search(later.sentence, earlier.start, later.start):
        return False
    return not _other_work(earlier, later)


def _other_work(earlier: Figure, later: Figure) -> bool:
    """Whether a verb of work at `later` (the last between the two figures, or one after it in
    its clause: 860部主体完工) is not the one that leads `earlier`."""
    text = later.sentence
    end = _CLAUSE_END.search(text, later.end)
    between = list(_WORK.finditer(text, earlier.end, later.start))
    between += _WORK.finditer(text, later.end, end.start() if end else len(text))
    if not between:
        return False
    before = list(_WORK.finditer(text, max(0, earlier.start - 16), earlier.start))
    return not before or before[-1].group() != between[-1].group()
