"""A plan restated beside a result (…，超额完成了700万亩的年度建设任务; 对照年初定下的300万亩
目标，…): the number followed by the plan's own noun is the subject's pledge, said again."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import TYPE_CHECKING

from monitor.figures.firsts import opening
from monitor.figures.plan_words import PLAN_WORK

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match

# …，全年新建50个的目标有望提前完成; …，超额完成了700万亩的年度建设任务: a number followed by the
# plan's own noun restates the subject's pledge, whatever the clause opens with.
_RESTATES = re.compile(
    r"(?:（[^）]{1,4}）|\([^)]{1,4}\))?(?:以上|左右)?的?(?:年度|全年)?"
    r"(?:" + PLAN_WORK + r"|民生实事)?"  # (50处整治任务: the work's plan)
    r"(?:预期|发行)?(?:目标|任务|计划(?![内外])|额度|限额)(?!完成率|进度)"
)
_RESTATES = opening(_RESTATES)  # searched only where a match can start (firsts.py)
PLAN_NOUNS = ("目标", "任务", "的计划")  # (…，按照全年推广8万辆的计划，…: the plan restated)
# a clause ending with a plan's size and noun (对照年初定下的300万亩目标，), before the subject
_RESTATED_BEFORE = re.compile(
    r"[0-9][万亿]?[\u4e00-\u9fff]{0,3}?(?:以上|左右)?的?(?:年度|全年)?(?:建设)?(?:目标|任务)[^，,。；]{0,3}$"
)
_start = attrgetter("start")


def restates(sentence: str, at: int) -> bool:
    """Whether the number ending at `at` is followed by the plan's noun (600部的目标)."""
    return bool(_RESTATES.match(sentence, at))


def restated_before(sentence: str, end: int) -> bool:
    """Whether sentence[:end] ends with a clause restating a plan's size (…300万亩目标)."""
    return _RESTATED_BEFORE.search(sentence, 0, end) is not None


def last_match(by_clause: dict[int, list[_Match]], before: int) -> _Match | None:
    """The sentence's last keyword before `before`, whatever clause it is in; for a plan restated
    before the sentence names its subject (对照年初定下的300万亩目标，…新增…), its first one."""
    found = [m for ms in by_clause.values() for m in ms if m.end <= before]
    if not found:
        return min((m for ms in by_clause.values() for m in ms), key=_start, default=None)
    return max(found, key=_start)
