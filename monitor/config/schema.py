"""The watchlist as a JSON Schema, for editors (yaml-language-server): the keys and their nesting
come from keys.KEYS, the table the validator reads, so the two cannot drift; value types are
given where they are plain (bool, whole number, a closed set). `monitor check` stays the judge.
"""

from __future__ import annotations

from typing import Any

from monitor.config.keys import KEYS

# Sections that sit under a key of another section: key → (section, a list of them?)
_NESTED: dict[str, tuple[str, bool]] = {
    "defaults": ("defaults", False),
    "digest": ("digest", False),
    "delivery": ("delivery", False),
    "limits": ("limits", False),
    "report": ("report", False),
    "smtp": ("smtp", False),
    "channels": ("channel", True),
    "sources": ("source", True),
    "targets": ("target", True),
    "pledge": ("pledge", False),
    "baseline": ("baseline", False),
}
_BOOLEAN = {"robots", "send_empty", "starttls", "ssl", "enabled"}
_WHOLE = {
    "per_host_concurrency",
    "max_articles",
    "broken_after",
    "max_redirects",
    "concurrency",
    "retries",
    "port",
}
_CHOICES = {
    "type": ["list", "feed", "page"],
    "method": ["outbox", "smtp"],
    "render": ["http", "browser"],
    "scope": ["new", "cumulative", "rate"],
    "qualifier": ["exact", "about", "at_least", "at_most", "nearly"],
}
_TEXT_OR_LIST = {"to", "keywords", "region", "exclude", "allow_hosts"}
_DURATION = {
    "every",
    "per_host_delay",
    "connect_timeout",
    "read_timeout",
    "total_timeout",
    "source_timeout",
    "timeout",
}
DURATION_PATTERN = r"^\s*(\d+(\.\d+)?\s*(ms|d|h|m|s)\s*)+$"


def json_schema() -> dict[str, Any]:
    """The whole watchlist's schema (JSON Schema draft 2020-12)."""
    top = _section("top")
    top["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    top["title"] = "monitor watchlist"
    top["description"] = "Every key: docs/watchlist.md (`monitor docs watchlist`)."
    top["required"] = ["sources", "targets"]
    return top


def _section(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {key: _value(key) for key in KEYS[name]},
    }


def _value(key: str) -> dict[str, Any]:
    if key in _NESTED:
        section, many = _NESTED[key]
        inner = _section(section)
        return {"type": "array", "items": inner} if many else inner
    if key in _BOOLEAN:
        return {"type": "boolean"}
    if key in _WHOLE:
        return {"type": "integer"}
    if key in _CHOICES:
        return {"enum": _CHOICES[key]}
    if key in _TEXT_OR_LIST:
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    if key in _DURATION:
        return {"type": "string", "pattern": DURATION_PATTERN}
    return {}  # text, numbers written as text (1万个), dates: `monitor check` reads them
