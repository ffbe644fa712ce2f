"""A plan of another size than the target's: the watchlist gives each target's pledge, and a plan
the sentence gives for it, of the pledge's scope and year, that is less than half or more than
twice its size is another plan or another thing's (a batch: 第二批共有45个小区列入改造计划 for a
pledge of 260; a part: 其中城区新建停车泊位不少于1500个 for 8000), not this pledge said again. A
pledge raised or cut (目标上调为1.1万个 for 9000) stays within that band and is kept, as are a plan
of another scope (泊位总量年底达到30万个 beside a pledge of 8000 new ones), one of a period of its
own (“十四五”期间…, 下半年…) and a year's part of a pledge over years (今年计划新建300公里 of a
three-year 1000公里).
"""

from __future__ import annotations

import re

from monitor.figures import units
from monitor.figures.one_value import Drop
from monitor.models import Figure, Target

# How far a plan may stand from the pledge and still be that pledge, raised or cut
_LOW, _HIGH = 0.5, 2


def other_plans(figures: list[Figure], targets: dict[str, Target], drop: Drop) -> list[Figure]:
    """`figures` without the plans of another size than their target's pledge; each left out is
    told to `drop` with the reason."""
    if not any(f.kind == "pledge" for f in figures):
        return figures  # most sentences: results only
    kept: list[Figure] = []
    for figure in figures:
        target = targets.get(figure.target_id)
        size = _pledge_size(figure, target) if target is not None else None
        if (
            size is not None
            and not _LOW <= float(figure.value) / size <= _HIGH
            and not (float(figure.value) < size and _over_years(target))
        ):
            shown = f"{target.pledge.value.normalize():f}" if target and target.pledge else ""
            why = f"a plan of another size than the target's pledge ({shown}): another plan"
            drop(figure.quantity, target, why)
            continue
        kept.append(figure)
    return kept


# A level the plan raises the things to (提升到, 增加至): where they will stand, no additions
_RAISED_TO = re.compile(r"(?:提升|提高|增加|增长|扩大|增)(?:到|至)[约近超逾]?$")
# A title naming a span of years or a plan of several (2024—2026年, 三年行动, “十四五”)
_YEARS_SPAN = re.compile(
    r"(?:19|20)[0-9]{2}\s*(?:年)?\s*[-—–~～至到]\s*(?:19|20)?[0-9]{2}|[两三四五]年|十[一二三四五六]五"
)


def _over_years(target: Target | None) -> bool:
    """Whether the target's pledge runs over more than a year (三年行动…1000公里): a year's plan
    is a part of it, smaller than the whole (今年计划新建300公里)."""
    pledge = target.pledge if target else None
    if target is None or pledge is None:
        return False
    if pledge.by and pledge.announced:
        return pledge.by.year > pledge.announced.year
    return _YEARS_SPAN.search(target.title) is not None


def _pledge_size(figure: Figure, target: Target) -> float | None:
    """The target's pledge in the figure's unit, when the figure is a plan of the pledge's scope
    in a unit the pledge converts to; None else."""
    pledge = target.pledge
    if figure.kind != "pledge" or pledge is None or figure.scope != pledge.scope:
        return None
    if figure.scope not in ("new", "cumulative") or pledge.value <= 0:
        return None
    if figure.period and (pledge.by is None or figure.period != str(pledge.by.year)):
        return None  # “十四五”期间…650万套, 下半年…2.5万个: a plan of its own period, said as such
    if _RAISED_TO.search(figure.sentence, max(0, figure.start - 6), figure.start):
        return None  # 托位数将提升到4万个: a level to reach, not the additions a pledge counts
    size = units.convert(pledge.value, target.unit, figure.unit)
    return float(size) if size else None
