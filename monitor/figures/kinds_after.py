"""A kind of the things after their whole: a sentence that gives the target's things bare, then
a kind of them named by a word before the keyword, past a comma (计划新增托位1200个，普惠托位700个),
gives the kind as a part of the whole, not another value of it (after 、 or a verb of its own,
wholes.kind_beside_whole tells it). The part is left out where the whole was read before it, of
the same kind, scope, period and unit, and is the smaller; a kind alone (普惠托位 with no whole
before it), or one the target's title names, is the target's own.
"""

from __future__ import annotations

import re

from monitor.figures.nouns import WORK_VERB
from monitor.figures.one_value import _CLAUSE_END as _CLAUSE_MARK
from monitor.figures.one_value import Drop
from monitor.models import Figure, Target

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,4}$")
_REACH = 8  # letters between the keyword and its amount (普惠托位700个; 公共充电桩达8600个)
# words before a keyword that say when or how, not which kind (今年, 全市, 累计, 已)
_NO_KIND = re.compile(r"(?:今年|去年|全年|全[省市区县国]|本[省市]|累计|共|已经?|其中|目前|新)$")

_WHY = "a kind of the things ({}) after their whole ({}): a part, not another value"


def kinds_after(figures: list[Figure], targets: dict[str, Target], drop: Drop) -> list[Figure]:
    """`figures` (one sentence's, in order) without a kind's amount after its whole's; each
    left out is told to `drop` with the reason."""
    if len(figures) < 2:
        return figures
    wholes: dict[tuple[object, ...], Figure] = {}
    kept: list[Figure] = []
    for figure in figures:
        target = targets.get(figure.target_id)
        key = (figure.target_id, figure.kind, figure.scope, figure.period, figure.unit)
        if target is None or figure.scope in ("rate", "share_of_pledge"):
            kept.append(figure)
            continue
        kind = _kind_word(figure, target)
        whole = wholes.get(key)
        if kind is None:
            wholes.setdefault(key, figure)
        elif whole is not None and figure.value < whole.value and kind not in target.title:
            drop(figure.quantity, target, _WHY.format(kind, whole.quantity.surface))
            continue
        kept.append(figure)
    return kept


def _kind_word(figure: Figure, target: Target) -> str | None:
    """The word naming a kind of the target's things right before its keyword ahead of the
    amount (普惠 in 普惠托位700个); None where the keyword stands bare (新增托位1200个) or no
    keyword is near."""
    sentence = figure.sentence
    head = sentence[max(0, figure.start - 24) : figure.start]
    head = head[max((m.end() for m in _CLAUSE_MARK.finditer(head)), default=0) :]
    at, keyword = max(((head.rfind(k), k) for k in target.keywords), default=(-1, ""))
    if at < 0 or len(head) - at - len(keyword) > _REACH:
        return None
    before = head[:at]
    verb = max((m.end() for m in WORK_VERB.finditer(before)), default=0)
    run = _HAN_RUN.search(before[verb:])
    if run is None or _NO_KIND.search(run.group()):
        return None
    return run.group()
