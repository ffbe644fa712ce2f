"""A reference value (比去年增加5500亿元, 从54万亿元增加到…): a difference or a starting point,
not the figure; but a plan named as the base of a comparison (比年度目标300个多12个) gives the
plan's size."""

from __future__ import annotations

import re

from monitor.figures.attribution import _Match
from monitor.figures.cues import _CUT, _FROM, _REFERENCE, EARLIER_LEVEL, EARLIER_WORK
from monitor.figures.firsts import opening
from monitor.figures.measures import compared, compared_before, since_period_start
from monitor.figures.restating import restates
from monitor.models import Quantity

# A plan named right before its size, the result set against it (比年度目标300个多12个,
# 比省定控制指标1500人少114人); not a gap (低于…目标值5%以内)
_PLAN_NAMED_BEFORE = re.compile(r"(?:目标|任务|计划|控制指标|控制数)(?:数|值)?(?:是|为)?$")


def plan_compared(sentence: str, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] is the size of a plan a result is set against
    (…，比年度目标【300个】多12个)."""
    return sentence[end : end + 1] in ("多", "少") and bool(
        _PLAN_NAMED_BEFORE.search(sentence, max(0, start - 12), start)
    )


def compared_base(sentence: str, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] is the base a comparison's change follows (比去年
    实际完成的【812部】增加近两成): what is compared with, no count of another noun."""
    return bool(_CHANGE_AFTER.match(sentence, end)) and bool(
        _COMPARED_WITH.search(sentence, max(0, start - 16), start)
    )


# 比/较 opening the phrase the number ends (a year's digits in it: 较2023年全年的), and the change
# right after it
_COMPARED_WITH = re.compile(r"[比较](?:(?:19|20)[0-9]{2}|[^，,。；;0-9]){0,14}$")
# …or the base named right before a bracket holding its value (较上年同期（3.4%）, 比上年(4.7%));
# not 较 as an adverb (增长较快（5.3%）) nor 比 of a ratio (比重, 比例)
_BASE_NAMED = re.compile(
    r"(?<![同环])[比较](?![快慢多少大小高低好为强弱例重率较])"
    r"(?:(?:19|20)[0-9]{2}|[^，,。；;0-9（(]){1,14}[（(]$"
)
_CHANGE_AFTER = re.compile(r"多|少|增加|增长|减少|下降|提高|降低|高出|低出|上升")


# A level in per cent stated, then its change in points with no base (比重达到53.4%、提高1.6个
# 百分点; 森林覆盖率为66.9%，提高0.2个百分点): the level's change over the year. Not after a
# growth (增长4.2%、提高0.3个百分点: the change of a growth rate).
_LEVEL_THEN_CHANGE = re.compile(
    r"(?:达到|为|达|(?:提高|提升|上升|增加|下降|降低)(?:到|至)|升至|增至|降至)[约近]?[0-9.]+[%％]"
    r"[，,、](?:同比|比上年)?(?:提高|提升|上升|增加|下降|降低|减少|回落)了?$"
)


def level_changed(sentence: str, at: int) -> bool:
    """Whether the change in points at `at` follows a level in per cent stated right before it,
    with no base of its own: the level's change over the year."""
    return _LEVEL_THEN_CHANGE.search(sentence, max(0, at - 30), at) is not None


# A span opened before a change in points with no base of its own (“十四五”以来…提高了18个百分点,
# 2020年以来…提升5.6个百分点): the span's start is its base
_SINCE_THEN_CHANGE = re.compile(
    r"以来[，,]?[^，,。；;]{0,24}?(?:提高|提升|上升|增加|下降|降低|减少|回落)了?(?:约|近)?$"
)


def since_start(sentence: str, c0: int, at: int) -> bool:
    """Whether the change in points at `at` is over a span its sentence opens (…以来) before it,
    in its clause or the one before."""
    if "以来" not in sentence[:at]:
        return False
    start = max(sentence.rfind(mark, 0, max(c0 - 1, 0)) for mark in "，,；;。") + 1
    return _SINCE_THEN_CHANGE.search(sentence, start, at) is not None


# A change of a count over the same period before, right before it (同比减少86人, 环比增加42公里)
_ON_YEAR_CHANGE = re.compile(r"(?:同比|环比)(?:净增|净减|增加|减少|多|少)了?$")
# (or over last year named, for a rate after it: 比2023年增加104万吨，增长2.6%, the rate of what
# changed by it)
_OVER_YEAR_CHANGE = re.compile(
    r"(?:同比|环比|[比较](?:上年|去年|上一年|(?:19|20)[0-9]{2}\s*年))(?:净增|净减|增加|减少|多|少)了?$"
)


def on_year_change(sentence: str, start: int) -> bool:
    """Whether the count starting at `start` follows 同比/环比 (or 比上年, 比2023年) and a change
    (同比减少86人)."""
    return _OVER_YEAR_CHANGE.search(sentence, max(0, start - 12), start) is not None


# What a result beat the plan by, the plan's noun right before the number (超过年度计划400亿元,
# 超出年度目标4200个, 较年初目标多完成4200个; not 超过4万个的年度目标, the plan restated)
_EXCESS = re.compile(
    r"(?:(?:超出|超过|高出|多出|多于)了?|[比较])(?:年度|全年|年初|今年|当年)?(?:确定的|既定的)?"
    r"(?:计划|目标|任务|预期|预算)(?:任务|目标)?(?:多(?:完成|出|建成|新增)?了?|(?:提高|高出|增加)了?)?$"
)
_EXCESS = opening(_EXCESS)  # searched only where a match can start (firsts.py)

# …the count done, then by how much it beat the plan (超额完成4200个, 多完成36座), the plan
# named between (超额完成年度目标任务5000人, 超额完成全年计划任务6000个, 超额完成年度计划300套)
_OVER_BY = re.compile(
    r"(?:超额|多)(?:完成|实现)了?(?:(?:年度|全年|年初|今年)?(?:目标|计划|预期)?(?:任务|目标|计划))?$"
)


def is_reference(
    sentence: str, c0: int, c1: int, q: Quantity, match: _Match, twin: Quantity | None = None
) -> bool:
    """比去年增加5500亿元, 从54万亿元增加到…, 超过原定的近2万亿元: the number is a difference or
    a starting point, not the figure. A growth rate after 比上年 is still the figure, and so is
    a cut named between the reference and the number (比改革前减轻企业负担5000亿元): a cut is
    always measured from a baseline. A number giving again in another unit the amount right
    before it (`twin`: 增加6万吨（1.2亿斤）) is read as that amount is."""
    if twin is not None and twin.start < q.start:
        t0 = max(sentence.rfind(ch, 0, twin.start) for ch in "，,；;") + 1
        return is_reference(sentence, t0, c1, twin, match)
    head = sentence[c0 : q.start]
    if head.endswith(("（", "(")) and _BASE_NAMED.search(head):
        return True  # 较去年同期（-1.1%）提高…: the base's value, in brackets after its name
    if head.endswith(("的", "的\n")) and (EARLIER_LEVEL.search(head) or EARLIER_WORK.search(head)):
        # 由去年底的63家增加到71家, 比去年实际新增的7.4万个还要多: a figure of an earlier date
        return False
    if restates(sentence, q.end) or plan_compared(sentence, q.start, q.end):
        return False  # 比省里下达的5万亩任务多出3000亩, 比年度目标300个多12个: the pledge
    if _EXCESS.search(head):
        return True  # 超过年度计划400亿元, 比年度目标提高了2个百分点: what the result beat it by
    over = _OVER_BY.search(head) if not sentence.startswith("的", q.end) else None
    if over and any(c.isdigit() for c in sentence[: c0 + over.start()]):
        # …6.42万个，超额完成4200个: by how much, after the count done (not 超额完成1万亿元的
        # 年度投资计划: the plan's size)
        return True
    if q.unit == "百分点":  # 同比提高4.2个百分点: a per-cent target's change; else a reference
        changed = (
            compared(head)
            or compared_before(sentence, head)  # (与2022年相比，…下降0.7个百分点)
            or level_changed(sentence, q.start)  # 比重达到53.4%、提高1.6个百分点
            or since_start(sentence, c0, q.start)  # “十四五”以来…提高了18个百分点
        )
        return not (any(t.unit == "%" for t in match.targets) and changed)
    if since_period_start(head, match.targets):
        return False  # 比上年末净增6200个: what the year has added so far, not a reference
    if q.unit not in ("%", "倍") and _ON_YEAR_CHANGE.search(head):
        return True  # 死亡人数同比减少86人: the change over last year's, not the level
    refs = list(_REFERENCE.finditer(head)) if _REFERENCE.search(head) else []  # mostly none
    if refs and not (q.unit in ("%", "倍") and refs[-1].group().startswith(("比", "较", "相比"))):
        cut = c0 + refs[-1].end() <= match.start < q.start and bool(
            _CUT.search(sentence, c0 + refs[-1].end(), match.end)
        )
        if not cut:
            return True
    tail = sentence[q.end : c1]
    return ("到" in tail or "至" in tail) and bool(_FROM.search(head))
