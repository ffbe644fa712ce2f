"""A total's parts given in brackets right after it (新建改造公厕60座（新建20座、改造40座）,
建成口袋公园26个（城区17个、乡镇9个）): parts, as after 其中; not the plan the brackets name
(（年度目标5000个）, （计划120公里）), read as a pledge."""

from __future__ import annotations

import re

# an amount ending right before the bracket: a number, then its unit word (60座, 9个, 3.6万户);
# not a rate or a share (增长15%左右（…）, 任务的85%（…）): a rate has no parts
_AMOUNT_END = re.compile(r"[0-9][0-9.]*[万亿]?[\u4e00-\u9fff]{0,3}$")
# the plan, or a period named inside the brackets before the number (（2024年…）, （去年同期…）:
# a base or a past level): not a part
_PLAN = re.compile(r"目标|任务|计划|年度|全年|预计|同比|增长|下降|[0-9]{4}年|去年|上年|同期")

# a share alone in the brackets (…已完成5个（63%）, …120条（95.2%）): no part of the count
_SHARE_ALONE = re.compile(r"\s*[0-9][0-9.]*\s*[%％]\s*[）)]")


# The plan's noun, then a bracket opened to say what it holds (占年度目标任务（新建…80个）的65%,
# 全年计划（新改建…300公里）): the amounts inside are the plan's sizes; not a result the bracket
# says (超额完成全年计划（实际建成…56个）, …任务（已建成…）)
PLAN_BRACKET = re.compile(
    r"(?:任务|目标|计划|指标)[（(](?:(?!实际|已|累计|截至|截止|完成|建成|完工|竣工|达到)[^（()）])*$"
)


def open_bracket(sentence: str, at: int) -> int:
    """Where the bracket still open at `at` opened (the last one before it, not closed before
    it), or -1."""
    opened = max(sentence.rfind("（", 0, at), sentence.rfind("(", 0, at))
    if opened < 0 or max(sentence.rfind("）", opened, at), sentence.rfind(")", opened, at)) >= 0:
        return -1
    return opened


def gloss_end(sentence: str, start: int) -> int:
    """Where the words end that a bracket opening right before `start` glosses (老年食堂（助餐点）:
    the kind said before the first names both), or -1."""
    return start - 1 if start >= 1 and sentence[start - 1] in "（(" else -1


def closes_between(sentence: str, start: int, end: int) -> bool:
    """Whether a bracket closes in sentence[start:end]."""
    return sentence.find("）", start, end) >= 0 or sentence.find(")", start, end) >= 0


def in_brackets_after_total(sentence: str, at: int) -> bool:
    """Whether the number at `at` is inside brackets that open right after an amount and name
    no plan before it."""
    opened = open_bracket(sentence, at)
    if opened <= 0:
        return False
    if not _AMOUNT_END.search(sentence, max(0, opened - 8), opened):
        return False
    if _SHARE_ALONE.match(sentence, opened + 1):
        return False  # 已完成5个（63%）: the share that count is of something, no part of it
    return _PLAN.search(sentence, opened, at) is None
