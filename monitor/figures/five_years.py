"""Five-year plans a sentence names (“十四五”期间, “十四五”以来, “十五五”末): their years."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.firsts import opening

# (the plan's name right before the sum of its work, “十四五”累计…, “十三五”共新建…: its years)
_PLAN = re.compile(
    r"“?(十[一二三四五六七八九]|[一二三四五六七八九])五”?"
    r"(?:规划|时期|期间|(?=累计|共(?![享同])|合计|总计))"
)
_PLAN_SINCE = re.compile(r"“?(十[一二三四五六七八九]|[一二三四五六七八九])五”?以来")
# The end of a five-year plan (“十五五”末, “十四五”期末, 十四五规划期末)
_PLAN_END = re.compile(
    r"“?(十[一二三四五六七八九]|[一二三四五六七八九])五”?(?:规划)?(?:时期|期)?末"
)

# A plan's first or last year named by its place (“十五五”开局之年, “十四五”收官之年)
_PLAN_YEAR = re.compile(
    r"“?(十[一二三四五六七八九]|[一二三四五六七八九])五”?(?:规划)?的?"
    r"(?:(开局之年|开局年|首年|第一年|起步之年)|收官之年|收官年|最后一年)"
)

_PLAN_YEAR_WORDS = re.compile(r"开局|收官|首年|第一年|起步之年|最后一年")


def plan_year(text: str) -> int | None:
    """The year `text` names as a five-year plan's first or last (“十五五”开局之年: 2026)."""
    if not _PLAN_YEAR_WORDS.search(text):  # (the plan's own pattern, with “? first, tries every
        return None  # place)
    found = _PLAN_YEAR.search(text)
    if found is None:
        return None
    first = _first_year(_plan_number(found.group(1)))
    return first if found.group(2) else first + 4


def plan_named(text: str) -> tuple[int, bool] | None:
    """The first year of the five-year plan `text` names (“十四五”期间: 2021), and whether it is
    named as the start of a span to now (“十四五”以来); None if it names none."""
    if "五" not in text:  # (both are written with 五, and their search, with “? first, tries
        return None  # every place)
    plan = _PLAN.search(text) or _PLAN_SINCE.search(text)
    if plan is None:
        return None
    return _first_year(_plan_number(plan.group(1))), plan.re is _PLAN_SINCE


def plan_end(text: str) -> int | None:
    """The last year of the five-year plan whose end `text` names (“十五五”末: 2030), if any."""
    found = _PLAN_END.search(text)
    if found is None:
        return None
    return _first_year(_plan_number(found.group(1))) + 4


def _first_year(n: int) -> int:
    return 1953 + 5 * (n - 1) if n < 3 else 1966 + 5 * (n - 3)  # 1963-65 was no plan


def _plan_number(word: str) -> int:
    digits = "一二三四五六七八九"
    if word.startswith("十"):
        return 10 + (digits.index(word[1]) + 1 if len(word) > 1 else 0)
    return digits.index(word) + 1


_ONE_YEAR_BACK = ("过去一年", "一年来", "过去的一年")


def year_back(text: str, published: date) -> int:
    """The year 过去一年 / 一年来 speak of: the one before the year published in, but in a
    year-end summary (November on) the year ending; 0 if the text says neither."""
    if "一年" not in text or not any(word in text for word in _ONE_YEAR_BACK):
        return 0
    return published.year - (1 if published.month < 11 else 0)


# N years looked back on (过去三年, 近三年, 三年来, 十年间, 三年新建): a span, not a year; not
# 近年来 (no N), a year's own digits (2023年来) nor a run of years (连续三年, 每年)
_YEARS_BACK = re.compile(
    r"(?:过去(?:的)?|近)([二两三四五六七八九十]{1,2}|[0-9]{1,2})个?年(?![前后底末])"
    r"|(?<![0-9.年续每第])([二两三四五六七八九十]{1,2}|[0-9]{1,2})年(?:来|以来|间"
    # (三年筹集, 四年累计新增: N years before the verb of the work they summed; a title's
    # 三年新改建, 3年超1.5万个: or before the mark their sum passed; 五年年均增长, 十年增加…: or
    # before the change over them)
    r"|(?=累计|共|合计|新增|新建|新开工|新改建|改建|建成|筹集|完成|改造|开工|超|突破|逾"
    r"|年均|增加|增长|提高))"
)
_YEARS_BACK = opening(_YEARS_BACK)  # searched only where a match can start (firsts.py)
# a plan's first years (“十四五”前三年, 头两年): a span of their own
_PLAN_FIRST_YEARS = re.compile(
    r"(十[一二三四五六七八九]|[一二三四五六七八九])五”?(?:规划|时期)?的?[前头]([二两三四2-4])年"
)
# what every branch of _YEARS_BACK holds, opening with a letter: a quick test before it
_MAY_LOOK_BACK = re.compile(
    r"过去|近|年(?:来|以来|间|累计|共|合计|新增|新建|新开工|新改建|改建|建成|筹集|完成|改造|开工"
    r"|超|突破|逾|年均|增加|增长|提高)"
)
# a plan's words: N years before the verb of the work are then the years to come
_PLANNED = re.compile(r"计划|将|力争|争取|拟|确保|用[^，,。；]{0,4}时间|目标")
_TENS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def years_back(text: str, published: date) -> str | None:
    """The span N years looked back on cover: 过去五年, the full years before the one published
    in; 三年来, 近三年, the years to it, or, read in a report's season (by March), to the year
    before; None if the text names none."""
    plan = _PLAN_FIRST_YEARS.search(text) if "五" in text else None
    if plan is not None:  # “十四五”前三年: the plan's first three years
        first = _first_year(_plan_number(plan.group(1)))
        count = plan.group(2)
        return f"{first}-{first + (int(count) if count.isdigit() else _TENS[count]) - 1}"
    found = _YEARS_BACK.search(text) if _MAY_LOOK_BACK.search(text) else None
    if found is None:
        return None
    word = found.group(1) or found.group(2)
    if word.isdigit():
        n = int(word)
    else:  # 三, 十, 十五, 二十
        tens, _, ones = word.rpartition("十") if "十" in word else ("", "", word)
        n = (_TENS.get(tens, 1) * 10 if "十" in word else 0) + _TENS.get(ones, 0)
    if n < 2:
        return None
    if found.group(2) and found.group().endswith("年") and _PLANNED.search(text):  # 计划三年新建
        if text.endswith("明后", 0, found.start()):  # 明后两年: the two years after this one
            return f"{published.year + 1}-{published.year + n}"
        return f"{published.year}-{published.year + n - 1}"
    past = found.group(1) is not None and "过去" in found.group()  # (the full years before)
    end = published.year - 1 if past or published.month <= 3 else published.year
    return f"{end - n + 1}-{end}"
