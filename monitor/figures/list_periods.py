"""The items of a 分别 list that are periods (2023年, 上半年, 1—5月, 全年): each value is its own
period's figure (lists.listed pairs them); split from lists.py."""

from __future__ import annotations

import re

_PERIOD = re.compile(
    r"(?:[0-9]{4}|今|去|前|明)年(?:度|底|末|全年)?|(?:[0-9]{4}\s*年)?(?:第?[一二三四1-4]季度|[上下]半年|全年"
    r"|前三季度|前[0-9一二三四五六七八九十两]{1,2}个?月(?:份)?"
    r"|(?:[0-9]{1,2}\s*[—\-–－~～至到]\s*)?[0-9]{1,2}月(?:份|底|末)?)"
)


_SUBJECT_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}")
_SUBJECT_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?=(?:" + _PERIOD.pattern + ")$)")


def bare_periods(items: tuple[str, ...]) -> tuple[str, ...] | None:
    """A list of periods whose first item opens with its subject (杭州2022年) or whose last goes
    on to it in a few letters (2022年沈阳, 2023年口袋公园; not 上半年地区生产总值, whose noun the
    list's values are of, period by period): the periods alone; None for any other list."""
    first, last = items[0], items[-1]
    if not all(map(is_period, items[1:-1])):
        return None
    if not is_period(first) and (lead := _SUBJECT_BEFORE.match(first)):
        first = first[lead.end() :]
    if not is_period(last) and (own := _PERIOD.match(last)):
        last = own.group() if _SUBJECT_AFTER.fullmatch(last, own.end()) else last
    out = (first, *items[1:-1], last)
    return out if out != items and all(map(is_period, out)) else None


def is_period(item: str) -> bool:
    """Whether a list item is a period (2023年, 上半年, 3月底): the values are its figures."""
    return _PERIOD.fullmatch(item) is not None
