"""Pages: fetched bytes into text and records. Decode the charset (GBK pages too), find the
article links on list pages and feeds, and extract an article's title, date and body text."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from monitor.native import use_sources_if_stale

# The modules compiled by scripts/native, if any, while they are the build of their sources
NATIVE = use_sources_if_stale(__path__)

if TYPE_CHECKING:
    from monitor.pages.charset import decode
    from monitor.pages.dates import find_date
    from monitor.pages.discover import canonical, links


__all__ = [
    "canonical",
    "decode",
    "find_date",
    "links",
]

_HOMES = {
    "canonical": "discover",
    "decode": "charset",
    "find_date": "dates",
    "links": "discover",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
