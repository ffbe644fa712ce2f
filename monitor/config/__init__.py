"""The watchlist: read `watchlist.yaml`, check every key and value (all problems at once),
and turn it into the frozen `Watchlist` the other stages take; durations, sizes and cron
strings are parsed here too."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from monitor.config.schedule import parse_cron, parse_duration, parse_size
    from monitor.config.watchlist import load, loads

__all__ = [
    "load",
    "loads",
    "parse_cron",
    "parse_duration",
    "parse_size",
]

_HOMES = {
    "load": "watchlist",
    "loads": "watchlist",
    "parse_cron": "schedule",
    "parse_duration": "schedule",
    "parse_size": "schedule",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
