"""Read the watchlist YAML into a `Watchlist`, strictly: every problem found in one go.

`load(path)` and `loads(text, path)` return the records of `models`, or raise WatchlistError
whose problems read like a compiler's: `watchlist.yaml:14: unknown key 'evry' in source ...`.
"""

from __future__ import annotations

import difflib
import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from monitor import __version__
from monitor.config import watchlist_values as check
from monitor.config import yamlfile
from monitor.errors import WatchlistError
from monitor.models import (
    Baseline,
    Delivery,
    DigestSettings,
    FetchLimits,
    Pledge,
    SmtpSettings,
    Source,
    Target,
    Watchlist,
)

T = TypeVar("T")

DEFAULT_TIMEZONE = "Asia/Shanghai"

# Every key the file may hold, by section; anything else is an unknown key.
KEYS: dict[str, tuple[str, ...]] = {
    "top": ("timezone", "defaults", "digest", "delivery", "sources", "targets", "limits"),
    "defaults": ("every", "per_host_concurrency", "per_host_delay", "max_articles", "broken_after"),
    "limits": (
        "connect_timeout",
        "read_timeout",
        "total_timeout",
        "max_bytes",
        "max_redirects",
        "concurrency",
        "retries",
        "robots",
        "user_agent",
    ),
    "digest": ("schedule", "to", "from", "subject", "send_empty"),
    "delivery": ("method", "smtp"),
    "smtp": ("host", "port", "starttls", "ssl", "username", "password_env", "timeout"),
    "source": (
        "id",
        "url",
        "type",
        "name",
        "links",
        "body",
        "every",
        "per_host_concurrency",
        "per_host_delay",
        "allow_hosts",
        "max_articles",
        "enabled",
    ),
    "target": ("id", "title", "keywords", "region", "exclude", "unit", "pledge", "baseline"),
    "pledge": ("value", "scope", "by", "announced", "qualifier"),
    "baseline": ("value", "as_of"),
}


@dataclass
class _Report:
    path: Path
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    def error(self) -> WatchlistError:
        ordered = sorted(self.problems, key=lambda problem: problem[0])
        return WatchlistError([f"{self.path}:{line}: {message}" for line, message in ordered])


class _Map:
    """One mapping of the file, read key by key; each problem is filed with its key's line."""

    def __init__(
        self,
        report: _Report,
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
    ) -> _Map | None:
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
        return _Map(self.report, node, where, KEYS[key], self.line_of(key), forbidden=forbidden)


# --- sections -------------------------------------------------------------------------------


def _source_settings() -> dict[str, Callable[[Any], Any]]:
    """The keys `defaults` sets for every source and a source may override."""
    return {
        "every": check.duration(timedelta(minutes=1)),
        "per_host_concurrency": check.integer(1, 16),
        "per_host_delay": check.seconds(timedelta(0), "a duration like 1s, 500ms or 0s"),
        "max_articles": check.integer(1),
    }


def _limits(section: _Map | None) -> FetchLimits:
    if section is None:
        return FetchLimits()
    timeout = check.seconds(timedelta(milliseconds=1), "a duration like 10s or 1m")
    return FetchLimits(
        **section.values(
            {
                "connect_timeout": timeout,
                "read_timeout": timeout,
                "total_timeout": timeout,
                "max_bytes": check.size,
                "max_redirects": check.integer(0, 20),
                "concurrency": check.integer(1, 256),
                "retries": check.integer(0, 10),
                "robots": check.boolean,
                "user_agent": check.text,
            }
        )
    )


def _digest(section: _Map | None, zone: ZoneInfo) -> DigestSettings:
    if section is None:
        return DigestSettings()
    settings = section.values(
        {
            "schedule": check.cron(zone),
            "to": check.emails,
            "from": check.email,
            "subject": check.subject,
            "send_empty": check.boolean,
        }
    )
    if "from" in settings:
        settings["sender"] = settings.pop("from")
    return DigestSettings(**settings)


def _delivery(section: _Map | None, digest: DigestSettings, report: _Report) -> Delivery:
    if section is None:
        return Delivery()
    method = section.get("method", check.choice(("outbox", "smtp"))) or "outbox"
    password = (
        "password must not be written in the watchlist: write the password in an"
        " environment variable and name it with password_env, like"
        " password_env: MONITOR_SMTP_PASSWORD"
    )
    smtp_map = section.mapping("smtp", "delivery.smtp", forbidden={"password": password})
    smtp = None
    if smtp_map is not None:
        host = smtp_map.require("host", check.text, "add host: smtp.example.org")
        options = smtp_map.values(
            {
                "port": check.integer(1, 65535),
                "starttls": check.boolean,
                "ssl": check.boolean,
                "username": check.text,
                "password_env": check.env_name,
                "timeout": check.seconds(timedelta(seconds=1), "a duration like 30s"),
            }
        )
        if options.get("ssl") and "starttls" not in options:
            options["starttls"] = False  # ssl wraps the whole connection; no upgrade after it
        if options.get("ssl") and options.get("starttls"):
            report.add(
                smtp_map.line_of("ssl"),
                "starttls and ssl cannot both be true: use"
                " ssl: true for port 465, or starttls: true for port 587 (in delivery.smtp)",
            )
        if host is not None:
            smtp = SmtpSettings(host=host, **options)
    if method == "smtp":
        if "smtp" not in section.node:
            report.add(
                section.line_of("method"),
                "delivery method smtp needs smtp settings: add"
                " smtp: {host: smtp.example.org} under delivery, or use method: outbox",
            )
        if not digest.to:
            report.add(
                section.line_of("method"),
                "delivery method smtp needs recipients: add to: [you@example.org] under digest",
            )
    return Delivery(method="smtp" if method == "smtp" else "outbox", smtp=smtp)


def _sources(top: _Map, defaults: dict[str, Any]) -> list[Source]:
    sources: list[Source] = []
    ids: dict[str, int] = {}
    urls: dict[str, tuple[str, int]] = {}
    for item, where, line in _items(
        top, "sources", "source", "add at least one source with an id and a url"
    ):
        entry = _Map(top.report, item, where, KEYS["source"], line)
        ident = entry.require("id", check.ident, "give it a short id like bj-gov-news")
        url = entry.require(
            "url", check.url, "add the page's address, like https://www.beijing.gov.cn/ywdt/"
        )
        own = entry.values(
            {
                **_source_settings(),
                "type": check.choice(("list", "feed", "page")),
                "name": check.text,
                "links": check.selector,
                "body": check.selector,
                "allow_hosts": check.hosts,
                "enabled": check.boolean,
            }
        )
        _unique_id(entry, ident, line, ids, "source")
        if url is not None:
            parts = urlsplit(url)
            key = parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()
            if key in urls:
                first, first_line = urls[key]
                top.report.add(
                    entry.line_of("url"),
                    f"{where} has the same url as source"
                    f" '{first}' (line {first_line}): keep only one of them",
                )
            urls.setdefault(key, (ident or where, line))
        if ident is not None and url is not None:
            # The one place where defaults apply: the source's own settings win.
            sources.append(Source(id=ident, url=url, line=line, **{**defaults, **own}))
    return sources


def _unique_id(entry: _Map, ident: str | None, line: int, ids: dict[str, int], noun: str) -> None:
    """Report an id used before; remember where each id first appears."""
    if ident is None:
        return
    if ident in ids:
        entry.report.add(
            entry.line_of("id"),
            f"duplicate {noun} id '{ident}' (first at line {ids[ident]}):"
            f" give each {noun} its own id",
        )
    ids.setdefault(ident, line)


def _targets(top: _Map) -> list[Target]:
    targets: list[Target] = []
    ids: dict[str, int] = {}
    for item, where, line in _items(
        top, "targets", "target", "add at least one target with an id, a title and keywords"
    ):
        entry = _Map(top.report, item, where, KEYS["target"], line)
        ident = entry.require("id", check.ident, "give it a short id like bj-2024-childcare")
        title = entry.require("title", check.text, "say in a few words what was pledged")
        keywords = entry.require(
            "keywords",
            check.nonempty_texts,
            "list the words articles about it use, like [普惠托位, 托位]",
        )
        own = entry.values({"region": check.texts, "exclude": check.texts, "unit": check.text})
        _unique_id(entry, ident, line, ids, "target")
        factor, unit = check.split_unit(own["unit"]) if "unit" in own else (1, None)
        pledge_map = entry.mapping("pledge", f"target '{ident or where}', pledge")
        baseline_map = entry.mapping("baseline", f"target '{ident or where}', baseline")
        units: list[str] = []
        pledge = _pledge(pledge_map, factor, unit, units)
        baseline = _baseline(baseline_map, factor, unit, units)
        if ident is not None and title is not None and keywords is not None:
            targets.append(
                Target(
                    id=ident,
                    title=title,
                    keywords=keywords,
                    line=line,
                    region=own.get("region", ()),
                    exclude=own.get("exclude", ()),
                    unit=unit or (units[0] if units else None),
                    pledge=pledge,
                    baseline=baseline,
                )
            )
    return targets


def _value(section: _Map, factor: int, unit: str | None, units: list[str]) -> Decimal | None:
    """The section's value in base units; a unit written in it must agree with the target's."""
    read = section.require("value", check.quantity, "add the number, like value: 80")
    if read is None:
        return None
    number, written = read
    if written is None:
        return number * factor
    written_factor, written_unit = check.split_unit(written)
    if unit is not None and written_unit != unit:
        shown = check.show(section.node["value"])
        section.report.add(
            section.line_of("value"),
            f"value {shown} is in {written_unit} but the"
            f" target's unit is {unit}: make them agree{section.suffix}",
        )
        return None
    units.append(written_unit)
    return number * written_factor


def _pledge(section: _Map | None, factor: int, unit: str | None, units: list[str]) -> Pledge | None:
    if section is None:
        return None
    value = _value(section, factor, unit, units)
    dates = section.values({"by": check.iso_date, "announced": check.iso_date})
    other = section.values(
        {
            "scope": check.choice(("new", "cumulative", "rate")),
            "qualifier": check.choice(("exact", "about", "at_least", "at_most", "nearly")),
        }
    )
    if "by" in dates and "announced" in dates and dates["by"] < dates["announced"]:
        section.report.add(
            section.line_of("by"),
            f"by {dates['by']} is before announced"
            f" {dates['announced']}: check both dates{section.suffix}",
        )
    return Pledge(value=value, **dates, **other) if value is not None else None


def _baseline(
    section: _Map | None, factor: int, unit: str | None, units: list[str]
) -> Baseline | None:
    if section is None:
        return None
    value = _value(section, factor, unit, units)
    as_of = section.get("as_of", check.iso_date)
    return Baseline(value=value, as_of=as_of) if value is not None else None


def _items(top: _Map, key: str, noun: str, fix: str) -> list[tuple[yamlfile.LineMap, str, int]]:
    """The mappings of a required, non-empty list, each with a name for messages and its line."""
    if key not in top.node:
        if key not in top.misspelt:
            top.report.add(1, f"{key} is missing: {fix}")
        return []
    seq = top.node[key]
    if not isinstance(seq, yamlfile.LineList) or not seq:
        empty = seq is None or isinstance(seq, yamlfile.LineList)
        shown = "empty" if empty else f"{check.show(seq)}, not a list"
        top.report.add(top.line_of(key), f"{key} is {shown}: {fix}")
        return []
    items = []
    for index, item in enumerate(seq):
        line = check.item_line(seq, index) or top.line_of(key)
        ident = item.get("id") if isinstance(item, yamlfile.LineMap) else None
        where = f"{noun} '{ident}'" if isinstance(ident, str) else f"{noun} #{index + 1}"
        if not isinstance(item, yamlfile.LineMap):
            top.report.add(
                line,
                f"{where} must be a mapping of keys, starting '- id: ...', not {check.show(item)}",
            )
            continue
        items.append((item, where, line))
    return items


# --- the file -------------------------------------------------------------------------------


def _parse(text: str, report: _Report) -> Any:
    try:
        return yamlfile.parse(text)
    except yamlfile.YamlProblems as err:
        for line, message in err.problems:
            report.add(line, message)
        raise report.error() from None


def loads(text: str, path: Path) -> Watchlist:
    """Validate watchlist text; `path` is only used, as given, to name the file in problems."""
    report = _Report(path)
    root = _parse(text, report) if text.strip() else None
    if not isinstance(root, yamlfile.LineMap):
        shown = "empty" if root is None else f"{check.show(root)}, not a mapping of keys"
        report.add(
            1,
            f"the watchlist is {shown}: it needs at least sources: and targets:"
            " (see docs/watchlist.md)",
        )
        raise report.error()
    top = _Map(report, root, "", KEYS["top"], 1)
    zone = top.get("timezone", check.timezone) or ZoneInfo(DEFAULT_TIMEZONE)
    defaults_map = top.mapping("defaults", "defaults")
    defaults: dict[str, Any] = {}
    broken_after = 3
    if defaults_map is not None:
        defaults = defaults_map.values(_source_settings())
        broken_after = defaults_map.get("broken_after", check.integer(1)) or broken_after
    limits = _limits(top.mapping("limits", "limits"))
    digest = _digest(top.mapping("digest", "digest"), zone)
    delivery = _delivery(top.mapping("delivery", "delivery"), digest, report)
    sources = _sources(top, defaults)
    targets = _targets(top)
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
    )


class Cache(Protocol):
    """Where a validated watchlist can be kept between runs (the state database)."""

    def get_cached(self, key: str) -> bytes | None: ...

    def put_cached(self, key: str, value: bytes) -> None: ...


def load(path: Path, *, cache: Cache | None = None) -> Watchlist:
    """Read and validate the watchlist file at `path`.

    With `cache`, a file validated before (same text, same path, same monitor) is not parsed
    again: a watchlist of thousands of sources still takes tens of milliseconds to validate,
    and a run from cron every hour need not pay that each time.
    """
    text = _read(path)
    if cache is None:
        return loads(text, path)
    key = (
        "watchlist:"
        + hashlib.sha256("\0".join((__version__, str(path.resolve()), text)).encode()).hexdigest()
    )
    kept = cache.get_cached(key)
    if kept is not None:
        try:
            found = pickle.loads(kept)
        except Exception:  # an unreadable cache entry is only a cache miss
            found = None
        if isinstance(found, Watchlist):
            return found
    result = loads(text, path)
    cache.put_cached(key, pickle.dumps(result))
    return result


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WatchlistError(
            [f"{path}: no watchlist here: create one, or pass --watchlist with the file to use"]
        ) from None
    except IsADirectoryError:
        raise WatchlistError(
            [f"{path}: is a folder, not a watchlist file: pass --watchlist with the file to use"]
        ) from None
    except UnicodeDecodeError:
        raise WatchlistError([f"{path}: is not UTF-8 text: save it as UTF-8"]) from None
    except OSError as err:
        raise WatchlistError([f"{path}: cannot read the watchlist: {err.strerror}"]) from None
    return text
