"""The period a sentence speaks of (_period): a year or its half (2024年, 上半年), a span (“十三五”,
2021年以来, 过去五年), or the year published in (全年, 截至9月底), from the years that date what
it says, not a base's (比2020年…) nor a cutoff's (2000年底前建成的…). Split from cues.py."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.bases import without_base
from monitor.figures.cutoffs import cutoff
from monitor.figures.five_years import plan_end, plan_named, plan_year, year_back, years_back
from monitor.figures.months import HALF as _HALF
from monitor.figures.months import first_half_named, part_at, since_new_year
from monitor.figures.months import months_period as _months_period

# (not 自去年末以来: since then, this year's)
_LAST_YEAR = re.compile(
    r"去年(?<![比较同从由]去年)(?![底末]以来)|上年(?<![比较同从由]上年)(?![底末]以来)"
)
# (?<![0-9])((?:19|20)[0-9]{2})\s*年, the look-behind after the first letter; or the year
# written bare before the part of it it names (2022全年, 2023上半年)
_YEAR = re.compile(
    r"((?:1(?<![0-9]1)9|2(?<![0-9]2)0)[0-9]{2})"
    r"(?:\s*年(?:度)?|(?=全年|年度|上半年|下半年|一季度|前三季度))(上半年|下半年|一季度|前三季度)?"
)
_SPAN_TO = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*")  # 2020年至2024年
_SINCE_WORDS = re.compile(r"[^，,。；;0-9]{1,14}?以来")  # 自2016年实施补偿机制以来

# A span from a year named up to now (2021年至今年9月, 2019年至今)
_TO_NOW = re.compile(r"\s*(?:至|到)\s*(?:今年|今|目前|现在)")


def _since(text: str, y0: int, y1: int) -> bool:
    """Whether the year at text[y0:y1] starts a span to now: 2021年以来, 自2016年实施…机制以来,
    2021年至今年9月, 自2018年开始."""
    if text.startswith("以来", y1) or _TO_NOW.match(text, y1):
        return True
    # (自2016年实施补偿机制以来; 自2018年开始, 从2019年起: on from that year)
    return text[y0 - 1 : y0] in ("自", "从") and (
        bool(_SINCE_WORDS.match(text, y1)) or text.startswith(("开始", "起"), y1)
    )


def _period(text: str, published: date | None, relative: bool = True) -> str | None:
    """The period a sentence speaks of: 2024, 2024H1, 2016-2020 (十三五 or 过去五年); with
    `relative`, also the year a text speaks of without naming it (全年, 截至9月底, 前三季度):
    the year published in, unless a frame (2023年工作回顾) says another."""
    if not text:
        return None
    if "基础上" in text:  # 今年将在去年新建6.4万个的基础上，再新建7万个: the base's year is not it
        text = without_base(text)
    if "年" not in text and "五" not in text and not first_half_named(text):
        # every period below is written with 年, or is a plan (十三五); but for months
        if relative and ("月" in text or "季度" in text):
            return _months_period(text, published)
        return None
    years = _dating_years(text, published) if "年" in text else []
    if years:
        last = years[-1]
        since = _since(text, last.start(), last.end())
        if since and published and int(last.group(1)) < published.year:
            return f"{last.group(1)}-{published.year}"  # 2021年以来累计…: the span to now
        bare = _BARE_START.search(text) if "年" not in text[: last.start()] else None
        if bare and bare.end() == last.start():  # 2021—2023年: its first year written bare
            return f"{bare.group(1)}-{last.group(1)}"
        begun = years[-2] if len(years) > 1 and not last.group(2) else None
        if begun and _SPAN_TO.fullmatch(text, begun.end(), last.start()):
            return f"{begun.group(1)}-{last.group(1)}"  # 2020年至2024年: the whole span
        return last.group(1) + (_HALF.get(last.group(2) or "") or part_at(text, last.end()))
    end = plan_end(text) if "末" in text else None
    if end is not None:  # “十五五”末: the plan's last year
        return str(end)
    named = plan_year(text)
    if named is not None:  # “十五五”开局之年: the plan's first year
        return str(named)
    plan = plan_named(text)
    if plan is not None:
        first, since = plan
        if since:  # “十四五”以来: from the plan's first year to now
            return f"{first}-{published.year}" if published and published.year > first else None
        return f"{first}-{first + 4}"
    if published is None:
        return None
    y = published.year
    if (span := years_back(text, published)) is not None:
        return span  # 过去五年, 三年来, 近三年: the years looked back on
    half = "H1" if first_half_named(text) else "H2" if "下半年" in text else ""
    if last_year := _LAST_YEAR.search(text):  # 去年1—9月: its first three quarters; 去年以来
        return _last_years(text, last_year.end(), y, half)
    if back := year_back(text, published):
        return f"{back}{half}"
    if "今年" in text or half or since_new_year(text):  # 今年1—6月: its part; 年初以来
        return f"{y}{half or (part_at(text, text.find('今年') + 2) if '今年' in text else '')}"
    if "明年" in text:
        return str(y + 1)
    if "新的一年" in text:  # read in a year's first half, that year; in its last months, the next
        return str(y if published.month <= 6 else y + 1)
    if not relative:
        return None
    if THE_YEAR.search(text):
        return str(y)  # 全年新建216家, 年内完工: the year published in
    return _months_period(text, published)


_BASE_WORDS = ("比", "较", "与", "同", "由")  # 比2020年下降11.3%: a base, not the period


def _dating_years(text: str, published: date | None) -> list[re.Match[str]]:
    """The years in `text` that may date what it says: not a base (比2020年下降11.3%), nor a
    cutoff long past that picks the things counted (2000年底前建成的城镇老旧小区)."""
    years = list(_YEAR.finditer(text))
    cut = "前" in text and published is not None
    if not cut and not any(text[y.start() - 1 : y.start()] in _BASE_WORDS for y in years):
        return years  # (most texts: every year dates)
    return [
        y
        for y in years
        if text[y.start() - 1 : y.start()] not in _BASE_WORDS
        and not (cut and published is not None and cutoff(text, y.group(1), y.end(), published))
    ]


_BARE_START = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*[—\-–－~～至到]\s*(?=(?:19|20)[0-9]{2}\s*年)"
)
# the year published in (全年新建216家, 年内完工, 年度计划新建…); not the plan a share is of
# (…，前三季度…，完成全年任务的79%: the share's period is the part's, as with 年度任务的)
THE_YEAR = re.compile(
    r"全年(?!(?:目标|任务|计划)+的)|年度(?=目标|任务|计划)(?!(?:目标|任务|计划)+的)|年内|(?<![0-9去明])年底前|本年|当年"
)


def _last_years(text: str, end: int, y: int, half: str) -> str:
    """The period of 去年 ending at `end` in a text published in year `y`: last year or its part,
    or the span from it to now (去年以来)."""
    if text.startswith("以来", end):
        return f"{y - 1}-{y}"
    return f"{y - 1}{half or part_at(text, end)}"
