"""Fetching: each due source over HTTP, politely (robots.txt, one request per host at a time,
a delay, conditional GET), through a lean transport; a `Page` out, a 304 included. The only
stage that talks to the network."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

# httpx imports its command-line client whenever click and pygments happen to be installed
# (click comes with apprise): about 9 ms of every start, before a pass can begin, for a client
# monitor never runs. Marked absent, httpx's own fallback stands in (httpx.main says to install
# httpx[cli]).
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

if TYPE_CHECKING:
    from monitor.fetching.fetch import Fetcher
    from monitor.fetching.transport import LeanTransport, transport_for_env

__all__ = [
    "Fetcher",
    "LeanTransport",
    "transport_for_env",
]

_HOMES = {
    "Fetcher": "fetch",
    "LeanTransport": "transport",
    "transport_for_env": "transport",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
