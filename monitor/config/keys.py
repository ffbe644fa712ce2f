"""Every key the watchlist may hold, and the reader of one mapping of the file (`Section`): it
files each problem (an unknown key, a missing one, a bad value) with its line in a `Report`."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from monitor.config import watchlist_values as check
from monitor.config import yamlfile
from monitor.errors import WatchlistError

T = TypeVar("T")

# Every key the file may hold, by section; anything else is an unknown key.
KEYS: dict[str, tuple[str, ...]] = {
    "top": (
        "timezone",
        "defaults",
        "digest",
        "delivery",
        "sources",
        "targets",
        "limits",
        "report",
    ),
    "defaults": ("every", "per_host_concurrency", "per_host_delay", "max_articles", "broken_after"),
    "limits": (
        "connect_timeout",
        "read_timeout",
        "total_timeout",
        "source_timeout",
        "max_bytes",
        "max_redirects",
        "concurrency",
        "retries",
        "robots",
        "user_agent",
    ),
    "digest": ("schedule", "to", "from", "subject", "send_empty"),
    "delivery": ("method", "smtp", "channels"),
    "channel": ("id", "url", "secret_env"),
    "report": ("url", "dir"),
    "smtp": ("host", "port", "starttls", "ssl", "username", "password_env", "timeout"),
    "source": (
        "id",
        "url",
        "type",
        "name",
        "links",
        "body",
        "render",
        "every",
        "per_host_concurrency",
        "per_host_delay",
        "allow_hosts",
        "region",
        "max_articles",
        "enabled",
    ),
    "target": ("id", "title", "keywords", "region", "exclude", "unit", "pledge", "baseline"),
    "pledge": ("value", "scope", "by", "announced", "qualifier"),
    "baseline": ("value", "as_of"),
}


@dataclass
class Report:
    path: Path
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    def error(self) -> WatchlistError:
        ordered = sorted(self.problems, key=lambda problem: problem[0])
        return WatchlistError([f"{self.path}:{line}: {message}" for line, message in ordered])


class Section:
    """One mapping of the file, read key by key; each problem is filed with its key's line."""

    def __init__(
        self,
        report: Report,
        node: yamlfile.LineMap,
        where: str,
        keys: tuple[str, ...],
        line: int,
        *,
        forbidden: dict[str, str] | None = None,
    ):
        self.report, self.node, self.where, self.line = report, node, where, line
        self.misspelt: set[str] = set()
        place = f" in {where}" if where else ""
        for key in node:
            if key in keys:
                continue
            if forbidden and key in forbidden:
                self.report.add(self.line_of(key), forbidden[key] + self.suffix)
                continue
            close = difflib.get_close_matches(str(key), keys, n=1)
            if close:
                self.misspelt.add(close[0])
                hint = f"did you mean '{close[0]}'?"
            else:
                hint = "expected one of: " + ", ".join(keys)
            self.report.add(self.line_of(key), f"unknown key '{key}'{place} ({hint})")

    @property
    def suffix(self) -> str:
        return f" (in {self.where})" if self.where else ""

    def line_of(self, key: Any) -> int:
        """The key's line; the mapping's own for a missing key or one merged in by `<<:`."""
        return self.node.line_of(key) or self.line

    def get(self, key: str, convert: Callable[[Any], T]) -> T | None:
        if key not in self.node:
            return None
        try:
            return convert(self.node[key])
        except check.Invalid as err:
            self.report.add(err.line or self.line_of(key), f"{key} {err}{self.suffix}")
            return None

    def require(self, key: str, convert: Callable[[Any], T], fix: str) -> T | None:
        if key not in self.node:
            if key not in self.misspelt:
                self.report.add(self.line, f"{key} is missing{self.suffix}: {fix}")
            return None
        return self.get(key, convert)

    def values(self, converters: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
        """The keys that are present and valid, converted; the rest keep their defaults."""
        read = {key: self.get(key, convert) for key, convert in converters.items()}
        return {key: value for key, value in read.items() if value is not None}

    def mapping(
        self, key: str, where: str, *, forbidden: dict[str, str] | None = None
    ) -> Section | None:
        if key not in self.node:
            return None
        node = self.node[key]
        if not isinstance(node, yamlfile.LineMap):
            self.report.add(
                self.line_of(key),
                f"{key} must be a mapping of keys like"
                f" {KEYS[key][0]}: ..., not {check.show(node)}{self.suffix}",
            )
            return None
        return Section(self.report, node, where, KEYS[key], self.line_of(key), forbidden=forbidden)
