"""Read the watchlist YAML into a `Watchlist`, strictly: every problem found in one go.

`load(path)` and `loads(text, path)` return the records of `models`, or raise WatchlistError
whose problems read like a compiler's: `watchlist.yaml:14: unknown key 'evry' in source ...`.
The keys and the reading of one mapping are in keys.py, each section's record in sections.py.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from pathlib import Path
from typing import Any, Protocol

from monitor.config import kept, yamlfile
from monitor.config import watchlist_values as check
from monitor.config.channels import read_report
from monitor.config.keys import KEYS, Report, Section
from monitor.config.sections import (
    read_delivery,
    read_digest,
    read_limits,
    read_sources,
    read_targets,
    source_settings,
)
from monitor.errors import WatchlistError
from monitor.models import SHANGHAI, Watchlist

# Far above any real watchlist (10,000 sources are about 1 MiB); a bigger file is the wrong one.
MAX_WATCHLIST_BYTES = 16 * 2**20


def _parse(text: str, report: Report) -> Any:
    try:
        return yamlfile.parse(text)
    except yamlfile.YamlProblems as err:
        for line, message in err.problems:
            report.add(line, message)
        raise report.error() from None


def loads(text: str, path: Path) -> Watchlist:
    """Validate watchlist text; `path` is only used, as given, to name the file in problems."""
    report = Report(path)
    root = _parse(text, report) if text.strip() else None
    if not isinstance(root, yamlfile.LineMap):
        shown = "empty" if root is None else f"{check.show(root)}, not a mapping of keys"
        report.add(
            1,
            f"the watchlist is {shown}: it needs at least sources: and targets:"
            " (see docs/watchlist.md)",
        )
        raise report.error()
    top = Section(report, root, "", KEYS["top"], 1)
    zone = top.get("timezone", check.timezone) or SHANGHAI
    defaults_map = top.mapping("defaults", "defaults")
    defaults: dict[str, Any] = {}
    broken_after = 3
    if defaults_map is not None:
        defaults = defaults_map.values(source_settings())
        broken_after = defaults_map.get("broken_after", check.integer(1)) or broken_after
    limits = read_limits(top.mapping("limits", "limits"))
    digest = read_digest(top.mapping("digest", "digest"), zone)
    delivery = read_delivery(top.mapping("delivery", "delivery"), digest, report)
    sources = read_sources(top, defaults)
    targets = read_targets(top)
    report_settings = read_report(top.mapping("report", "report"), path)
    if report.problems:
        raise report.error()
    return Watchlist(
        path=path,
        timezone=zone,
        sources=tuple(sources),
        targets=tuple(targets),
        digest=digest,
        delivery=delivery,
        limits=limits,
        broken_after=broken_after,
        report=report_settings,
    )


class Cache(Protocol):
    """Where a validated watchlist can be kept between runs (the state database)."""

    def get_cached(self, key: str) -> bytes | None: ...

    def put_cached(self, key: str, value: bytes) -> None: ...


def load(path: Path, *, cache: Cache | None = None) -> Watchlist:
    """Read and validate the watchlist file at `path`.

    With `cache`, a file validated before (the same text, by the same validator code) is not
    parsed again: a watchlist of thousands of sources still takes tens of milliseconds to
    validate, and a run from cron every hour need not pay that each time.
    """
    text = _read(path)
    if cache is None:
        return loads(text, path)
    key = "watchlist:" + hashlib.sha256(f"{kept.validator_version()}\0{text}".encode()).hexdigest()
    data = cache.get_cached(key)
    found = kept.loads(data) if data is not None else None
    if found is not None:
        return dataclasses.replace(found, path=path)
    result = loads(text, path)
    cache.put_cached(key, kept.dumps(result))
    return result


def _read(path: Path) -> str:
    """The file's text: a regular file of at most MAX_WATCHLIST_BYTES, read without blocking
    (a FIFO would hang a run, /dev/zero would fill its memory)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise WatchlistError(
            [f"{path}: no watchlist here: create one, or pass --watchlist with the file to use"]
        ) from None
    except IsADirectoryError:
        raise _not_a_file(path, "a folder") from None
    except OSError as err:
        raise WatchlistError([f"{path}: cannot read the watchlist: {err.strerror}"]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _not_a_file(path, "a folder")
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(path, "a device, pipe or socket")
        if info.st_size > MAX_WATCHLIST_BYTES:
            raise _too_big(path)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_WATCHLIST_BYTES + 1)
        if len(data) > MAX_WATCHLIST_BYTES:  # it grew while we looked
            raise _too_big(path)
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise WatchlistError([f"{path}: is not UTF-8 text: save it as UTF-8"]) from None
    except OSError as err:
        raise WatchlistError([f"{path}: cannot read the watchlist: {err.strerror}"]) from None
    finally:
        os.close(fd)


def _not_a_file(path: Path, what: str) -> WatchlistError:
    return WatchlistError(
        [f"{path}: is {what}, not a watchlist file: pass --watchlist with the file to use"]
    )


def _too_big(path: Path) -> WatchlistError:
    return WatchlistError(
        [
            f"{path}: is larger than {MAX_WATCHLIST_BYTES // 2**20} MiB, too large for a"
            " watchlist: is it the right file?"
        ]
    )
