"""The rest of a plan (其余…, 还将…) and its batches: a part of the year's plan the sentence
gives before or after it, not a plan of its own; and whether an amount is in a target's unit."""

from __future__ import annotations

import re

from monitor.figures import units
from monitor.figures.binding import Making, Number
from monitor.figures.cues import PLAN_AFTER, REST_OPENS
from monitor.models import Quantity, Target

# What is still to come (还将, 还要, 尚需) and, further on, the whole of the year it ends in
# (全年新增总量将达到…, 届时全年…总数可达…)
_STILL_TO_COME = re.compile(r"还(?:将|要|需|会|可|能)|尚(?:需|将|要)|仍(?:将|需|要)")
_WHOLE_AFTER = re.compile(
    r"[，,](?:届时|到时)?[^，,。；]{0,4}?(?:全年|年度|今年)[^，,。；]{0,14}?"
    r"(?:总数|总量|总计|共计|合计|累计|(?:将|可|能|有望|可望|预计)(?:达到?|突破|超过|完成))"
)


def _rest_before_whole(making: Making, n: Number, target: Target) -> bool:
    """Whether the number is what is still to come in its year (还将建成400个) and a later
    clause gives the year's whole in the target's unit: then it is a part of that plan."""
    still = _STILL_TO_COME.search(making.read.text, n.c0, n.q.start)
    return still is not None and _whole_after(making, n, target)


def _whole_after(making: Making, n: Number, target: Target) -> bool:
    """Whether a clause after the number gives the year's whole in the target's unit."""
    whole = _WHOLE_AFTER.search(making.read.text, n.q.end)
    return whole is not None and any(
        q.start >= whole.end() and _in_unit(q, target.unit) for q in making.read.quantities
    )


# The rest of the things counted, right before the number (今年剩余的1.8亿元, 剩下的12个)
_REST_BEFORE = re.compile(r"(?:其余|剩余|余下|剩下)的?[约近超逾]?$")


def _rest_of_plan(making: Making, n: Number, target: Target) -> bool:
    """Whether the number is the rest of a plan the sentence gives, before its clause or after
    it (…，确保完成全年5亿元的发放计划; 全年60个的建设任务; the year's whole: …，全年可完成32个)."""
    sentence = making.read.text
    if not (REST_OPENS.match(sentence, n.c0) or _REST_BEFORE.search(n.head)):
        return False
    return (
        _plan_given(making, n, target)
        or _whole_after(making, n, target)
        or any(
            q.start > n.q.end and _in_unit(q, target.unit) and PLAN_AFTER.match(sentence, q.end)
            for q in making.read.quantities
        )
    )


def _plan_given(making: Making, n: Number, target: Target) -> bool:
    """Whether the sentence gave the target's plan before the clause at n.c0: its amount, or
    its noun (已完成年度任务的四分之三，剩下的750户…)."""
    before = making.read.text[: n.c0]
    return target.id in making.pledged or any(w in before for w in ("任务", "目标", "计划"))


def _in_unit(q: Quantity, unit: str | None) -> bool:
    """Whether `q` is an amount in the target's unit or its family (亿元 for 元, 万人次)."""
    have, want = units.normalise(q.unit), units.normalise(unit)
    if have is None or want is None or have == want or units.same_family(have, want):
        return True
    return units.convert(q.value, have, want) is not None


# People named by a noun phrase after a bare number (126万农村人口, 150万建档立卡群众): a count
# of people, in 人, whatever the target's unit; a word of money after 的 (36亿的投资, 120亿的财政
# 资金): a sum of money, in 元
_PEOPLE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:人口|群众|居民|农民|职工|学生|儿童|老人|老年人|患者|妇女|残疾人)"
)
_MONEY_AFTER = re.compile(
    r"的[\u4e00-\u9fff]{0,4}?(?:投资|资金|收入|产值|营收|销售额|成交额|贷款|补贴)"
)


def unit_after(sentence: str, end: int) -> str | None:
    """The unit the words after a bare number ending at `end` give it: 人 or 元; None if none."""
    if _PEOPLE_AFTER.match(sentence, end):
        return "人"
    return "元" if _MONEY_AFTER.match(sentence, end) else None
