"""`monitor export` and `history --format`: every observation as CSV or JSON, one row at a time
(constant memory however many there are), in columns that stay put (docs/export.md).

CSV is UTF-8 with a byte-order mark, which Excel needs to read Chinese; JSON is one array with
an object per line, values as exact numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Literal, TextIO

from monitor.models import Target, Watchlist
from monitor.report import plausibility
from monitor.report.levels import is_progress
from monitor.store import stream
from monitor.store.records import Observation
from monitor.store.state import Store

Format = Literal["csv", "json"]
BOM = "\ufeff"

# The columns, in order; new columns are only ever added at the end (docs/export.md).
COLUMNS = (
    "id",
    "target",
    "target_title",
    "value",
    "value_high",
    "unit",
    "kind",
    "scope",
    "period",
    "qualifier",
    "status",
    "surface",
    "sentence",
    "title",
    "outlet",
    "source",
    "url",
    "published",
    "observed_at",
    "measure",
    "direction",
)
_NUMBERS = {"id", "value", "value_high"}


def rows(
    watchlist: Watchlist,
    store: Store,
    *,
    since: datetime | None = None,
    target_ids: tuple[str, ...] | None = None,
) -> Iterator[dict[str, str | None]]:
    """Each observation as a row of COLUMNS, text values, in the order they were stored.

    Which figures wait as 待核实 is worked out one target at a time first (only their ids are
    kept); then every row streams from the database.
    """
    titles = {t.id: t.title for t in watchlist.targets}
    names = {s.id: s.label for s in watchlist.sources}
    doubted: set[int] = set()
    for target in watchlist.targets:
        if target_ids is None or target.id in target_ids:
            doubted |= unconfirmed(target, store.observations(target_id=target.id))
    for obs in stream.observations(store, since=since, target_ids=target_ids):
        yield _row(obs, status_of(obs, doubted), titles, names)


def unconfirmed(target: Target, observations: Sequence[Observation]) -> set[int]:
    """The ids of the achieved figures that wait as 待核实, as the digest judges them."""
    progress = [o for o in observations if is_progress(o, target) and not o.rejected]
    checks = plausibility.assess(target, progress)
    return {o.id for o in progress if not checks[o.id].confirmed and o.verdict != "accepted"}


def status_of(obs: Observation, doubted: set[int]) -> str:
    return "rejected" if obs.rejected else "待核实" if obs.id in doubted else "reported"


def _row(
    obs: Observation, status: str, titles: dict[str, str], names: dict[str, str]
) -> dict[str, str | None]:
    fig = obs.figure
    high = fig.quantity.value_high
    return {
        "id": str(obs.id),
        "target": obs.target_id,
        "target_title": titles.get(obs.target_id, ""),
        "value": _number(fig.value),
        "value_high": None if high is None else _number(high),
        "unit": fig.unit,
        "kind": fig.kind,
        "scope": fig.scope,
        "period": fig.period,
        "qualifier": fig.qualifier,
        "status": status,
        "surface": fig.quantity.surface,
        "sentence": fig.sentence,
        "title": obs.article_title,
        "outlet": names.get(obs.source_id, obs.source_id),
        "source": obs.source_id,
        "url": obs.article_url,
        "published": obs.published.isoformat() if obs.published else None,
        "observed_at": obs.observed_at.isoformat(),
        "measure": fig.measure,
        "direction": fig.direction,
    }


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")  # 4370000000000, not 4.37E+12


def write(out: TextIO, records: Iterable[dict[str, str | None]], fmt: Format) -> int:
    """Write the rows to `out` (opened with newline=""); returns how many were written."""
    match fmt:
        case "csv":
            return _csv(out, records)
        case "json":
            return _json(out, records)


def _csv(out: TextIO, records: Iterable[dict[str, str | None]]) -> int:
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets expect
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(["" if record[c] is None else record[c] for c in COLUMNS])
        count += 1
    return count


def _json(out: TextIO, records: Iterable[dict[str, str | None]]) -> int:
    count = 0
    out.write("[")
    for record in records:
        item: dict[str, object] = dict(record)
        for column in _NUMBERS:
            item[column] = _exact(record[column])
        out.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count


def _exact(text: str | None) -> int | float | str | None:
    """A JSON number that reads back as exactly this decimal; the text where none does."""
    if text is None:
        return None
    if "." not in text:
        return int(text)  # Python writes integers of any size exactly
    number = float(text)
    return number if Decimal(repr(number)) == Decimal(text) else text
