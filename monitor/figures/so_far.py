"""Whether a time phrase says the period a figure covers is under way or over (1—10月份,
截至7月底, 前三季度 once it has ended, 8月末 gone by): a result, not a plan."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from monitor.figures.cues import MONTH_SPAN
from monitor.figures.months import past_month_end

# A time phrase saying the period is under way or over: a result, not a plan.
_TO_DATE = re.compile(
    r"(?=[0-9一二三四五六七八九十前截今同环提超])(?:"
    + MONTH_SPAN
    + r"|前[一二三四五六七八九十两0-9]{1,2}个?月|截至|截止|今年以来|同比|环比|提前完成|超额完成)"
)
_PART_OF_YEAR = re.compile(r"(上半年|下半年|前三季度|一季度|二季度|三季度|四季度)")
_PART_END = {
    "一季度": (3, 31),
    "上半年": (6, 30),
    "二季度": (6, 30),
    "前三季度": (9, 30),
    "三季度": (9, 30),
    "下半年": (12, 31),
    "四季度": (12, 31),
}


@lru_cache(maxsize=256)
def under_way(text: str, published: date | None) -> bool:
    """A time phrase in `text` that says the figure covers time already past: 1—10月份, 前八个月,
    截至7月底, 同比, 提前完成; or a part of the year (上半年, 前三季度) over when published."""
    if _TO_DATE.search(text) or past_month_end(text, published):
        return True  # (8月末，…余额5412亿元: at a month's end gone by)
    part = _PART_OF_YEAR.search(text)
    if part is None:
        return False
    if published is None:
        return True
    month, day = _PART_END[part.group(1)]
    year = re.search(r"((?:19|20)[0-9]{2})\s*年" + part.group(1), text)
    end = date(int(year.group(1)) if year else published.year, month, day)
    return end <= published


# The first months of a year (一季度, 1—2月, 前两个月, 开年以来), not last year's (去年一季度):
# a text read early in a year naming them speaks of the year just begun
YEAR_BEGUN = re.compile(
    r"(?=[一首开年前1-3二三])(?<!去年)(?<!上年)(?:一季度|首季|开年以来|年初以来|前[两二三]个月"
    r"|(?<![0-9十])[1-3一二三]\s*(?:[—\-－~～至到]\s*[2-3二三]\s*)?月份?(?![底末]))"
)
# A clause right after a level setting it against a past one (，较年初增加…; ，同比增长…)
CHANGE_SINCE = re.compile(
    r"[，,](?:较|比)(?:年初|上年末|去年底|上年底|上年|去年|上月)(?:同期)?"
    r"(?:增加|增长|减少|下降|提高|降低|净增)|[，,]同比(?:增长|下降|增加|减少|提高|降低)"
)
