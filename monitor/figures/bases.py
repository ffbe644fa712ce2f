"""The base a plan or a result is built on (在去年新建52个的基础上，今年再…): its time and cues
are the base's, not the figure's, and a number inside it is a result of the year it names; and
the demand work followed (按照…要求), whose 要求 is no directive."""

from __future__ import annotations

import re
from datetime import date

from monitor.models import FigureKind

_ON_BASE = re.compile(r"在[^，,。；]{0,40}?基础上")


def without_base(text: str) -> str:
    """`text` without the base a figure is built on (在去年新建52个的基础上): its time and its
    cues are the base's, not the figure's."""
    return _ON_BASE.sub("", text)


# the year a base names (在【去年】新建…的基础上, 在【2023年】…): the year its figure is of
# …or this year's work said done in it (在今年已建成…, 在已完成…的基础上): a result of this year
_BASE_YEAR = re.compile(r"去年|上年|前年|((?:19|20)[0-9]{2})\s*年")
_DONE_IN_BASE = re.compile(r"已经?(?:累计)?(?:建成|完成|新建|新增|开工|改造|实施|筹集|发放)")


def on_base(sentence: str, at: int, published: date | None) -> tuple[FigureKind, str] | None:
    """For a number at `at` inside the base a plan or a result is built on (在去年建成充电桩
    【5.8万个】的基础上，今年再…): a result of the year the base names, whatever the sentence
    around it plans; so is an earlier year's work a figure is compared with (比去年实际建成的
    【58个】); None for a number outside a base, or a base naming no year."""
    if sentence[at - 1 : at] == "的" and (
        work := _COMPARED_WORK.search(sentence, max(0, at - 24), at)
    ):
        # 比去年实际建成的58个, 较2023年完成的820部: the year's work a plan is compared with
        year = work.group(1) or _year_back(work.group(), published)
        return ("achieved", year) if year else None
    if "基础上" not in sentence:
        return None
    for base in _ON_BASE.finditer(sentence):
        if not base.start() < at < base.end():
            continue
        year = _BASE_YEAR.search(sentence, base.start(), at)
        if year is not None and year.group(1):
            return "achieved", year.group(1)
        if (
            year is None
            and published is not None
            and _DONE_IN_BASE.search(sentence, base.start(), at)
        ):
            # (将在今年已建成112个…的基础上，确保…: work done, whatever is planned on it)
            return "achieved", str(published.year)
        if year is None or published is None:
            return None
        back = 2 if year.group() == "前年" else 1
        return "achieved", str(published.year - back)
    return None


# An earlier year's work a figure is compared with (比去年实际建成的…, 较2023年完成的…, 高于2023年
# 完成的…, 低于去年新增的…)
# (after 实际 any verb is the work done: 比去年实际推广的7.1万辆, 实际接待的…)
_COMPARED_WORK = re.compile(
    r"(?:[比较]|[高低多少]于)(?:去年|上年|前年|((?:19|20)[0-9]{2})\s*年)(?:全年)?"
    r"(?:实际[\u4e00-\u9fff]{1,3}?|(?:实际)?(?:新增|新建|完成|筹集|开工|改造|建成|发行|净增|加装|建设))"
    r"了?的$"
)


# …比去年实际完成的812部增加近两成: the base compared with, up to its change
_COMPARED_PHRASE = re.compile(
    r"[比较](?:去年|上年|前年|(?:19|20)[0-9]{2}\s*年)[^，,。；]{0,10}?的[约近]?[0-9.]+[万亿]?"
    r"[\u4e00-\u9fff]{0,3}?(?=多|少|增加|增长|减少|下降|提高|降低|上升)"
)


def without_compared(text: str) -> str:
    """`text` without an earlier year's work it compares with (比去年实际完成的812部): its cues
    (实际, 去年) are that figure's, not those of the change after it."""
    return _COMPARED_PHRASE.sub("", text)


def _year_back(words: str, published: date | None) -> str | None:
    """The year 去年/上年 (前年) names, counted back from `published`."""
    if published is None:
        return None
    return str(published.year - (2 if "前年" in words else 1))


# A demand named as the standard work followed (按照年度目标要求，…; 对照省里要求，…): no directive
_FOLLOWED = re.compile(
    r"(?:按照|根据|对照|遵照|依照|依据|按|落实|贯彻|达到|符合|满足)[^，,。；]{0,16}?要求"
)


def without_followed(text: str) -> str:
    """`text` without the demands it names as what the work followed (按照…要求): their 要求 is
    no directive (…厅要求，今年… is: cues._PLEDGE)."""
    return _FOLLOWED.sub("", text)
