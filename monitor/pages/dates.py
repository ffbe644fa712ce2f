"""Find an article's publication date: meta tags, then the visible dateline, then the URL.

Returns an aware datetime in the watchlist's zone, or None when the page does not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, time
from itertools import chain
from typing import Protocol
from zoneinfo import ZoneInfo

META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "pubdate",
    "publishdate", "publish_date", "publish-date", "publishtime", "publication_date",
    "datepublished",
    "article:published", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "weibo: article:create_at", "firstpublishedtime",
    "og:release_date", "release_date", "created", "date", "time",
)  # fmt: skip
# Dates of the last change: a page's date only when nothing else gives one, or the year that a
# dateline without one ("发布时间：10-08 12:00") leaves out.
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "dateupdate", "datemodified", "dcterms.modified",
    "weibo: article:update_at", "lastmod", "last-modified",
)  # fmt: skip
_ISO = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[(（]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?"  # 2023年11月4日 周六 14:20
    r"(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
    r"(?:\s*(Z|[+-]\d\d:?\d\d))?"
)
_MIDNIGHT = time(0, 0)
_DATELINE_MAX = 80  # characters; a longer line is a paragraph, its dates are the story's
_CLAUSE_MIN = 24  # characters; a line this long written in clauses (，。) is prose too
_CLAUSE = re.compile("[，。；]")
_META_DATE_NAME = re.compile(r"time|date", re.IGNORECASE)
_META_NOT_PUBLISHED = re.compile(
    r"modif|updat|expir|last|revisit|cache|valid|end|build", re.IGNORECASE
)
_WEEKDAY = re.compile(r"\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?:(\d\d)(\d\d)(\d\d)?)?(?!\d)")
# 发布时间：, 发布日期, 时间：, 發佈時間：; not 北京时间 in a sentence
_LABELLED = re.compile(
    r"(?:(?:发布|發布|發佈|发表|發表|更新|成文|印发|印發)(?:时间|時間|日期)\s*[:：]?|"
    r"(?:时间|時間|日期)\s*[:：])\s*"
)
# The characters a _LABELLED match can start with. The regex engine finds no such start in the
# pattern by itself, so it would try the pattern at every position of a page's text.
_LABEL_START = re.compile("[发發更成印时時日]")
# After a label only: 10-08 12:00, 10月8日 12:00
_NO_YEAR = re.compile(
    r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![-/.]?\d)\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[-/_]?(\d\d)[-/_]?(\d\d)(?=[/_.-]|$)|"
    r"[/_]t((?:19|20)\d\d)(\d\d)(\d\d)_"
)


class ScriptDates(Protocol):
    """What a page's scripts say of its date: JSON-LD's datePublished, a script variable's."""

    def declared(self) -> str: ...

    def date_variable(self) -> datetime | None: ...


def find_date(
    meta: dict[str, str],
    text: str | Callable[[], str],
    url: str,
    tz: ZoneInfo,
    *,
    scripts: ScriptDates | None = None,
) -> datetime | None:
    """The date meta (or JSON-LD) gives, else the page's dateline, else one a script sets, else
    the URL's; a meta date without a time takes the time of a dateline on the same day. text:
    the page's text, or a function making it (a meta date with a time of day needs none)."""
    found = _meta_date(meta, tz)
    if found is None and scripts is not None:
        found = parse_date(scripts.declared(), tz)
    if found is not None and found.time() != _MIDNIGHT:
        return found
    text = text if isinstance(text, str) else text()
    return _shown_date(found, meta, text, url, tz, scripts)


def _meta_date(meta: dict[str, str], tz: ZoneInfo) -> datetime | None:
    for value in chain((meta.get(key) for key in META_KEYS), _other_meta_dates(meta)):
        if value and (found := parse_date(value, tz)):
            return found
    return None


def _shown_date(
    in_meta: datetime | None,
    meta: dict[str, str],
    text: str,
    url: str,
    tz: ZoneInfo,
    scripts: ScriptDates | None,
) -> datetime | None:
    """The date from the page's text, given the meta date without a time of day (or None): the
    dateline where it falls on the meta date's day, else the meta date; without a meta date,
    the dateline, else a yearless one placed by the last change or the URL, else either."""
    shown = _dateline(text, tz)
    if in_meta is not None:
        return shown if shown is not None and shown.date() == in_meta.date() else in_meta
    if shown is not None:
        return shown
    if scripts is not None and (scripted := scripts.date_variable()) is not None:
        return scripted
    in_url = _URL_DATE.search(url)
    from_url = (
        _build([group for group in in_url.groups() if group is not None], tz) if in_url else None
    )
    modified = next(
        (found for key in MODIFIED_KEYS if (found := parse_date(meta.get(key, ""), tz))), None
    )
    known = modified or from_url
    if known is not None and (partial := _yearless_dateline(text, known, tz)) is not None:
        return partial
    return from_url or modified


def _yearless_dateline(text: str, known: datetime, tz: ZoneInfo) -> datetime | None:
    """A labelled dateline without its year ("发布时间：10-08 12:00"), in the year of a date the
    page gives elsewhere (last change, URL) or the year before when that would be later; the
    known date itself where it is the same day, being the more precise."""
    for label in _labels(text):
        match = _NO_YEAR.match(text, label.end())
        if match is None:
            continue
        month, day, *clock = match.groups()
        if (int(month), int(day)) == (known.month, known.day):
            return known
        found = _build([str(known.year), month, day, *clock], tz)
        if found is not None and found > known:
            found = _build([str(known.year - 1), month, day, *clock], tz)
        return found
    return None


def _labels(text: str) -> Iterator[re.Match[str]]:
    """What _LABELLED.finditer(text) gives, trying the pattern only where a label can start."""
    at = 0
    while (cue := _LABEL_START.search(text, at)) is not None:
        label = _LABELLED.match(text, cue.start())
        if label is None:
            at = cue.start() + 1
        else:
            yield label
            at = label.end()


def _dateline(text: str, tz: ZoneInfo) -> datetime | None:
    """A labelled date (发布时间：…), else the first date that is not a page header's "today"
    (2024年1月23日 星期二)."""
    for label in _labels(text):
        found = _from_match(_ISO.match(text, label.end()), tz)
        if found:
            return found
    for match in _ISO.finditer(text):
        if _WEEKDAY.search(match.group(0)):  # a page header's today, its clock too
            continue
        if _in_sentence(text, match):  # "2009年5月14日在南京逝世": the story's date, not the page's
            continue
        found = _from_match(match, tz)
        if found is not None:
            return found
    return None


def _in_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a date sits in a long line of prose rather than on a dateline."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) > _DATELINE_MAX or (
        len(line) > _CLAUSE_MIN and _CLAUSE.search(line) is not None
    )


def _other_meta_dates(meta: dict[str, str]) -> Iterator[str]:
    """Values of the page's other meta tags named for a time or date ("apub:time", "pubtime"),
    not those of a change, an expiry or a cache."""
    for key, value in meta.items():
        if _META_DATE_NAME.search(key) and not _META_NOT_PUBLISHED.search(key):
            yield value


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
