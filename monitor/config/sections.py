"""Each section of the watchlist read into its record: the sources with their defaults, the
targets with pledge and baseline, the fetch limits, the digest and its delivery."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from monitor.config import watchlist_values as check
from monitor.config import yamlfile
from monitor.config.channels import read_channels
from monitor.config.keys import KEYS, Report, Section
from monitor.models import (
    Baseline,
    Delivery,
    DigestSettings,
    FetchLimits,
    Pledge,
    SmtpSettings,
    Source,
    Target,
)


def source_settings() -> dict[str, Callable[[Any], Any]]:
    """The keys `defaults` sets for every source and a source may override."""
    return {
        "every": check.duration(timedelta(minutes=1)),
        "per_host_concurrency": check.integer(1, 16),
        "per_host_delay": check.seconds(timedelta(0), "a duration like 1s, 500ms or 0s"),
        "max_articles": check.integer(1),
    }


def read_limits(section: Section | None) -> FetchLimits:
    if section is None:
        return FetchLimits()
    timeout = check.seconds(timedelta(milliseconds=1), "a duration like 10s or 1m")
    return FetchLimits(
        **section.values(
            {
                "connect_timeout": timeout,
                "read_timeout": timeout,
                "total_timeout": timeout,
                "source_timeout": check.seconds(
                    timedelta(seconds=1), "a duration like 10m", timedelta(hours=6)
                ),
                "max_bytes": check.size,
                "max_redirects": check.integer(0, 20),
                "concurrency": check.integer(1, 256),
                "retries": check.integer(0, 10),
                "robots": check.boolean,
                "user_agent": check.text,
            }
        )
    )


def read_digest(section: Section | None, zone: ZoneInfo) -> DigestSettings:
    if section is None:
        return DigestSettings()
    settings = section.values(
        {
            "schedule": check.cron(zone),
            "to": check.emails,
            "from": check.sender,
            "subject": check.subject,
            "send_empty": check.boolean,
        }
    )
    if "from" in settings:
        settings["sender"] = settings.pop("from")
    return DigestSettings(**settings)


def read_delivery(section: Section | None, digest: DigestSettings, report: Report) -> Delivery:
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
    return Delivery(
        method="smtp" if method == "smtp" else "outbox", smtp=smtp, channels=read_channels(section)
    )


def read_sources(top: Section, defaults: dict[str, Any]) -> list[Source]:
    sources: list[Source] = []
    ids: dict[str, int] = {}
    urls: dict[str, tuple[str, int]] = {}
    for item, where, line in _items(
        top, "sources", "source", "add at least one source with an id and a url"
    ):
        entry = Section(top.report, item, where, KEYS["source"], line)
        ident = entry.require("id", check.ident, "give it a short id like bj-gov-news")
        url = entry.require(
            "url", check.url, "add the page's address, like https://www.beijing.gov.cn/ywdt/"
        )
        own = entry.values(
            {
                **source_settings(),
                "type": check.choice(("list", "feed", "page")),
                "name": check.text,
                "links": check.selector,
                "body": check.selector,
                "render": check.choice(("http", "browser")),
                "allow_hosts": check.hosts,
                "region": check.texts,
                "enabled": check.boolean,
            }
        )
        _unique_id(entry, ident, line, ids, "source")
        if own.get("render") == "browser" and own.get("type") == "feed":
            top.report.add(
                entry.line_of("render"),
                f"render: browser is for list and page sources, not a feed (in {where}):"
                " a feed is data that no script builds; remove render",
            )
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


def _unique_id(
    entry: Section, ident: str | None, line: int, ids: dict[str, int], noun: str
) -> None:
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


def read_targets(top: Section) -> list[Target]:
    targets: list[Target] = []
    ids: dict[str, int] = {}
    for item, where, line in _items(
        top, "targets", "target", "add at least one target with an id, a title and keywords"
    ):
        entry = Section(top.report, item, where, KEYS["target"], line)
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


def _value(section: Section, factor: int, unit: str | None, units: list[str]) -> Decimal | None:
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


def _pledge(
    section: Section | None, factor: int, unit: str | None, units: list[str]
) -> Pledge | None:
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
    section: Section | None, factor: int, unit: str | None, units: list[str]
) -> Baseline | None:
    if section is None:
        return None
    value = _value(section, factor, unit, units)
    as_of = section.get("as_of", check.iso_date)
    return Baseline(value=value, as_of=as_of) if value is not None else None


def _items(top: Section, key: str, noun: str, fix: str) -> list[tuple[yamlfile.LineMap, str, int]]:
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
