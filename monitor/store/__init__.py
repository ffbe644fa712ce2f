"""The store: articles, figures, source health and digests in SQLite under `state/`, with
the schema migrated forward on open, and the lock that keeps one monitor per state folder."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from monitor.store.batch import Batch
    from monitor.store.lock import hold
    from monitor.store.state import Store, hash_content

__all__ = [
    "Batch",
    "Store",
    "hash_content",
    "hold",
]

_HOMES = {
    "Batch": "batch",
    "Store": "state",
    "hash_content": "state",
    "hold": "lock",
}


def __getattr__(name: str) -> Any:
    # Verbs load on first use, so importing the stage costs nothing until one is called.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
