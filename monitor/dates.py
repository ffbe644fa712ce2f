"""Find an article's publication date: meta tags, then the visible dateline, then the URL.

Returns an aware datetime in the watchlist's zone, or None when the page does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "pubdate",
    "publishdate", "publish_date", "publish-date", "publishtime", "publication_date",
    "datepublished",
    "article:published", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "weibo: article:create_at", "firstpublishedtime",
    "og:release_date", "release_date", "created", "date", "time",
)  # fmt: skip
_ISO = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?"  # 2023年11月4日 周六 14:20
    r"(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
    r"(?:\s*(Z|[+-]\d\d:?\d\d))?"
)
_MIDNIGHT = time(0, 0)
_WEEKDAY = re.compile(r"\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?:(\d\d)(\d\d)(\d\d)?)?(?!\d)")
# 发布时间：, 发布日期, 时间：, 發佈時間：; not 北京时间 in a sentence
_LABELLED = re.compile(
    r"(?:(?:发布|發布|發佈|发表|發表|更新|成文|印发|印發)(?:时间|時間|日期)\s*[:：]?|"
    r"(?:时间|時間|日期)\s*[:：])\s*"
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[-/_]?(\d\d)[-/_]?(\d\d)(?=[/_.-]|$)|"
    r"[/_]t((?:19|20)\d\d)(\d\d)(\d\d)_"
)


def find_date(meta: dict[str, str], text: str, url: str, tz: ZoneInfo) -> datetime | None:
    """The date meta gives, else the page's dateline, else the URL's; a meta date without a time
    takes the time of a dateline on the same day."""
    shown = _dateline(text, tz)
    for key in META_KEYS:
        value = meta.get(key)
        if value and (found := parse_date(value, tz)):
            if shown is not None and found.time() == _MIDNIGHT and shown.date() == found.date():
                return shown
            return found
    if shown is not None:
        return shown
    in_url = _URL_DATE.search(url)
    if in_url:
        return _build([group for group in in_url.groups() if group is not None], tz)
    return None


def _dateline(text: str, tz: ZoneInfo) -> datetime | None:
    """A labelled date (发布时间：…), else the first date that is not a page header's "today"
    (2024年1月23日 星期二)."""
    for label in _LABELLED.finditer(text):
        found = _from_match(_ISO.match(text, label.end()), tz)
        if found:
            return found
    for match in _ISO.finditer(text):
        if _WEEKDAY.search(match.group(0)):  # a page header's today, its clock too
            continue
        found = _from_match(match, tz)
        if found is not None:
            return found
    return None


def parse_date(value: str, tz: ZoneInfo) -> datetime | None:
    """A date written as ISO 8601, 2024-01-23 07:40, 2024/1/23, 2024年1月23日 or 20240123."""
    value = value.strip()
    found = _from_match(_ISO.search(value), tz)
    if found:
        return found
    return _from_match(_COMPACT.search(value), tz)


def _from_match(match: re.Match[str] | None, tz: ZoneInfo) -> datetime | None:
    if match is None:
        return None
    return _build(match.groups(), tz)


def _build(groups: Sequence[str | None], tz: ZoneInfo) -> datetime | None:
    """A datetime from year, month, day[, hour, minute, second[, UTC offset]] as matched."""
    numbers = [int(group or 0) for group in groups[:6]]
    offset = groups[6] if len(groups) > 6 else None
    try:
        naive = datetime(*numbers)  # type: ignore[arg-type]  # noqa: DTZ001 - the zone is set below
    except (TypeError, ValueError):
        return None
    if not offset:
        return naive.replace(tzinfo=tz)
    if offset == "Z":
        offset = "+00:00"
    try:
        aware = datetime.fromisoformat(naive.isoformat() + offset[:3] + ":" + offset[-2:])
    except ValueError:
        return naive.replace(tzinfo=tz)
    return aware.astimezone(tz)
