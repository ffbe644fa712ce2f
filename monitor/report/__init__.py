"""The report: compare each target's newest figures with the last reported and with the pledge,
build the digest from the store and its templates, and deliver it to the outbox or by SMTP."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from monitor.report.diff import update
    from monitor.report.digest import build, compose

__all__ = [
    "build",
    "compose",
    "update",
]

_HOMES = {
    "build": "digest",
    "compose": "digest",
    "update": "diff",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
