"""Schedules as written in a watchlist: durations (30m, 1h30m, 500ms), sizes (5MB), cron strings
(the cron reading itself is in cron.py).

Pure parsing: each function takes the text and returns a value, or raises ValueError whose
message says what was expected, ready to put after `file:line:`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from monitor.config.cron import CRON_EXAMPLE, parse_cron

__all__ = ["CRON_EXAMPLE", "parse_cron", "parse_duration", "parse_size"]

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|d|h|m|s)")
_DURATION = re.compile(r"(?:\d+(?:\.\d+)?(?:ms|d|h|m|s))+")
_UNIT_SECONDS: dict[str, Decimal] = {
    "d": Decimal(86400),
    "h": Decimal(3600),
    "m": Decimal(60),
    "s": Decimal(1),
    "ms": Decimal("0.001"),
}

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)", re.IGNORECASE)
_SIZE_FACTORS = {
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}


def parse_duration(text: str) -> timedelta:
    """'1h30m' → 1:30:00. Units: d, h, m, s, ms; parts may repeat in any order, each adds."""
    compact = text.strip().replace(" ", "")
    if not _DURATION.fullmatch(compact):
        raise ValueError(
            f"{text!r} is not a duration: write a number and a unit, like 30m, 2h or 1d"
        )
    seconds = sum(
        (Decimal(number) * _UNIT_SECONDS[unit] for number, unit in _DURATION_PART.findall(compact)),
        Decimal(0),
    )
    return timedelta(seconds=float(seconds))


def parse_size(text: str) -> int:
    """'5MB' → 5_000_000 bytes (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024)."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a size: write bytes as a number, or like 512KB or 5MB")
    try:
        number = Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern only lets decimals through
        raise ValueError(f"{text!r} is not a size") from None
    return int(number * _SIZE_FACTORS[match.group(2).lower()])
