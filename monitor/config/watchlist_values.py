"""The value checks a watchlist is read with: a YAML value in, a checked Python value out.

A wrong value raises Invalid, whose message follows the key's name and says what to write.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from monitor.config.schedule import parse_cron, parse_duration, parse_size
from monitor.config.yamlfile import LineList
from monitor.units import normalise

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_NAMED = re.compile(r"(?P<name>[^<>]*)<(?P<address>[^<>\s]+)>")
_EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;.][^@\s<>,;]*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")  # breaks and controls: not in headers
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Magnitudes written into a unit (万套) or after a number (4.37万亿); 千/百 alone are not
# magnitudes here, since 千克 and 百分点 are units of their own.
_MULTIPLIERS = (
    ("万亿", 10**12),
    ("千亿", 10**11),
    ("百亿", 10**10),
    ("十亿", 10**9),
    ("千万", 10**7),
    ("百万", 10**6),
    ("十万", 10**5),
    ("亿", 10**8),
    ("万", 10**4),
)
# A value as the watchlist writes it: digits (1,244 or 4.37), a magnitude, a unit (个, 万套, %).
_MAGNITUDES = "|".join(word for word, _ in _MULTIPLIERS)
_NUMBER = re.compile(rf"([+-]?\d+(?:,\d{{3}})*(?:\.\d+)?)\s*({_MAGNITUDES})?\s*([^\d\s]{{1,6}})?")
# Words that qualify a value rather than count it (约80, 80左右): they belong in `qualifier:`.
_QUALIFIER = re.compile(r"左右|上下|以上|以下|约|近|超过?|逾|余|多|不少于|不低于|至少|力争")
_DURATION_HINT = "a duration like 30m, 2h or 1d"


class Invalid(ValueError):
    """A value is wrong; the message follows the key's name, `line` overrides the key's line."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def show(value: Any) -> str:
    if value is None:
        return "empty"
    if is_bool(value):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value) if _CONTROL.search(value) else f"'{value}'"  # one line, always
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


def is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def suggest(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"must be text, not {show(value)}")
    return str(value).strip()


def boolean(value: Any) -> bool:
    if not is_bool(value):
        raise Invalid(f"must be true or false, not {show(value)}")
    return bool(value)


def integer(low: int, high: int | None = None) -> Callable[[Any], int]:
    span = f"from {low} to {high}" if high is not None else f"of at least {low}"

    def convert(value: Any) -> int:
        if (
            is_bool(value)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            raise Invalid(f"must be a whole number {span}, not {show(value)}")
        return int(value)

    return convert


def duration(
    minimum: timedelta, example: str = _DURATION_HINT, maximum: timedelta = timedelta(days=366)
) -> Callable[[Any], timedelta]:
    """A duration between `minimum` and `maximum`: beyond a year (or the key's own bound) a
    value is a typo, and a huge one would overflow the scheduler's clock arithmetic."""

    def convert(value: Any) -> timedelta:
        try:
            if not isinstance(value, str):
                raise ValueError
            parsed = parse_duration(value)
        except ValueError:
            raise Invalid(f"must be {example}, not {show(value)}") from None
        except OverflowError:
            parsed = timedelta.max
        if parsed < minimum:
            raise Invalid(f"must be at least {_format_duration(minimum)}, not {show(value)}")
        if parsed > maximum:
            raise Invalid(f"must be at most {_format_duration(maximum)}, not {show(value)}")
        return parsed

    return convert


def seconds(
    minimum: timedelta, example: str, maximum: timedelta = timedelta(hours=1)
) -> Callable[[Any], float]:
    def convert(value: Any) -> float:
        return duration(minimum, example, maximum)(value).total_seconds()

    return convert


def _format_duration(span: timedelta) -> str:
    total = span.total_seconds()
    if total >= 86400 and total % 86400 == 0:
        return f"{int(total // 86400)}d"
    if total >= 3600 and total % 3600 == 0:
        return f"{int(total // 3600)}h"
    if total >= 60 and total % 60 == 0:
        return f"{int(total // 60)}m"
    return f"{total:g}s" if total >= 1 else f"{int(total * 1000)}ms"


def size(value: Any) -> int:
    if isinstance(value, int) and not is_bool(value) and value > 0:
        return int(value)
    try:
        if not isinstance(value, str):
            raise ValueError
        parsed = parse_size(value)
    except ValueError:
        raise Invalid(f"must be a size like 5MB or 512KB (or bytes), not {show(value)}") from None
    if parsed <= 0:
        raise Invalid(f"must be more than 0 bytes, not {show(value)}")
    return parsed


def choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in options:
            hint = suggest(value, options) if isinstance(value, str) else ""
            raise Invalid(f"must be one of {', '.join(options)}, not {show(value)}{hint}")
        return str(value)

    return convert


def texts(value: Any) -> tuple[str, ...]:
    """A list of text, or one text as a one-item list."""
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if not isinstance(value, list):
        raise Invalid(f"must be a list of text like [北京, 本市], not {show(value)}")
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise Invalid(f"must hold only text, not {show(item)}", item_line(value, index))
        items.append(item.strip())
    return tuple(items)


def nonempty_texts(value: Any) -> tuple[str, ...]:
    items = texts(value)
    if not items:
        raise Invalid("is empty: list at least one word that articles about it use")
    return items


def item_line(seq: Any, index: int) -> int | None:
    """The item's line, if `seq` came from the YAML parser (it is a LineList)."""
    return seq.line_of(index) if isinstance(seq, LineList) else None


def ident(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise Invalid(
            "must be lowercase letters, digits, '.', '_' or '-', starting with a letter"
            f" or digit, like bj-gov-news; not {show(value)}"
        )
    return str(value)


def url(value: Any) -> str:
    try:
        parts = urlsplit(value.strip()) if isinstance(value, str) else None
        good = parts is not None and parts.scheme in ("http", "https") and bool(parts.hostname)
        good = good and parts is not None and " " not in value.strip() and parts.port != 0
    except ValueError:  # a bad port or a broken [IPv6] host
        good = False
    if not good:
        raise Invalid(
            "must be a full http:// or https:// address with a host, like"
            f" https://www.beijing.gov.cn/ywdt/; not {show(value)}"
        )
    return str(value).strip()


def hosts(value: Any) -> tuple[str, ...]:
    names = texts(value)
    for name in names:
        if not _HOST.fullmatch(name.lower()):
            raise Invalid(f"must list host names like news.cn, not URLs or patterns: {show(name)}")
    return tuple(name.lower() for name in names)


def email(value: Any) -> str:
    if isinstance(value, str) and _CONTROL.search(value.strip()):
        raise Invalid(f"must be one address on one line, not {show(value)}")
    if not isinstance(value, str) or not _EMAIL.fullmatch(value.strip()):
        raise Invalid(f"must be an email address like analyst@example.org, not {show(value)}")
    return value.strip()


def sender(value: Any) -> str:
    """An address, or a display name and an address: 政策监测 <monitor@example.org>."""
    if isinstance(value, str) and _CONTROL.search(value.strip()):
        return email(value)  # says it must be one line
    if isinstance(value, str):
        named = _NAMED.fullmatch(value.strip())
        if named and _EMAIL.fullmatch(named["address"]):
            name = named["name"].strip().strip('"').strip()
            return f"{name} <{named['address']}>" if name else named["address"]
    try:
        return email(value)
    except Invalid:
        raise Invalid(
            "must be an email address like monitor@example.org, or a name and an address"
            f" like 政策监测 <monitor@example.org>; not {show(value)}"
        ) from None


def emails(value: Any) -> tuple[str, ...]:
    addresses = texts(value)
    for index, address in enumerate(addresses):
        try:
            email(address)
        except Invalid as err:
            err.line = item_line(value, index)
            raise
    return addresses


def env_name(value: Any) -> str:
    if not isinstance(value, str) or not _ENV_NAME.fullmatch(value):
        raise Invalid(
            "must name an environment variable, like MONITOR_SMTP_PASSWORD (not hold"
            f" the password itself); not {show(value)}"
        )
    return str(value)


def subject(value: Any) -> str:
    written = text(value)
    if _CONTROL.search(written):
        # A line break in a mail header would end it: every digest would then fail to send.
        raise Invalid(
            "must be one line: no line breaks or control characters (a folded YAML string?),"
            f" not {show(value)}"
        )
    try:
        written.format(date="2024-01-01", moved=3, board="3 项有进展")
    except (KeyError, IndexError, ValueError):
        raise Invalid(
            "may use only the placeholders {date}, {moved} and {board}; write {{ and }} for"
            " literal braces,"
            f" not {show(value)}"
        ) from None
    return written


def selector(value: Any) -> str:
    css = text(value)
    if not _is_selector(css):
        raise Invalid(f'{show(css)} is not a CSS selector: write one like "ul.list a"')
    return css


@functools.lru_cache(maxsize=1024)
def _is_selector(css: str) -> bool:
    """Remembered: a site's sources share their selectors, and each check sets up lexbor's CSS
    engine (2000 sources with `body:` took 0.15 s, before the first request of a pass)."""
    # lexbor closes an unclosed [ or ( at the end, as CSS allows; in a watchlist it is a typo.
    if any(css.count(a) != css.count(b) for a, b in ("[]", "()")):
        return False
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError  # only for a selector

    try:
        LexborHTMLParser("<p></p>").css(css)
    except SelectolaxError:
        return False
    return True


def iso_date(value: Any) -> date:
    try:
        if isinstance(value, str) and _DATE.fullmatch(value.strip()):
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise Invalid(f"must be a date like 2024-12-31, not {show(value)}")


def timezone(value: Any) -> ZoneInfo:
    try:
        if isinstance(value, str):
            return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    hint = suggest(value, available_timezones()) if isinstance(value, str) else ""
    raise Invalid(f"must be an IANA time zone name like Asia/Shanghai, not {show(value)}{hint}")


def quantity(value: Any) -> tuple[Decimal, str | None]:
    """A number, or text like 1万, 4.37万亿, 7万套, 25%: the value in base units and its unit."""
    number: Decimal | None = None
    unit: str | None = None
    if isinstance(value, int | float) and not is_bool(value):
        number = Decimal(str(value))
    elif isinstance(value, str) and (match := _NUMBER.fullmatch(value.strip())):
        factor = dict(_MULTIPLIERS).get(match.group(2) or "", 1)
        number = Decimal(match.group(1).replace(",", "")) * factor
        unit = match.group(3)
    if isinstance(value, str) and _QUALIFIER.search(value):
        raise Invalid(
            f"must be a number like 80, 1万 or 4.37万亿, not {show(value)}: write a word like"
            " 约, 近 or 以上 as qualifier: (about, nearly, at_least …)"
        )
    if number is None or not number.is_finite():
        raise Invalid(f"must be a number like 80, 1万 or 4.37万亿, not {show(value)}")
    return number, unit


def split_unit(unit: str) -> tuple[int, str]:
    """万套 → (10000, 套): a magnitude in a unit moves into the value; the rest is spelt as
    figures spell it (公斤 → 千克)."""
    factor = 1
    for prefix, magnitude in _MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            factor, unit = magnitude, unit[len(prefix) :]
            break
    return factor, normalise(unit) or unit


def cron(zone: ZoneInfo) -> Callable[[Any], str]:
    """A 5-field cron string that APScheduler accepts in `zone`."""

    def convert(value: Any) -> str:
        try:
            parse_cron(value if isinstance(value, str) else str(value), zone)
        except ValueError as err:
            raise Invalid(str(err)) from None
        return str(value)

    return convert
