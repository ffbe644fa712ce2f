"""What the store hands back: source health, stored figures with their article, mentions and
digests, as frozen records built from database rows."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from monitor.models import Figure, Quantity


@dataclass(frozen=True)
class SourceHealth:
    source_id: str
    url: str
    last_fetch_at: str | None
    last_success_at: str | None
    last_status: int | None
    consecutive_failures: int
    last_error: str | None
    last_links: int | None


@dataclass(frozen=True)
class Observation:
    """A stored figure with the article it came from."""

    id: int
    target_id: str
    figure: Figure
    article_url: str
    article_title: str
    source_id: str
    story: str
    published: datetime | None
    observed_at: datetime
    digest_id: int | None
    verdict: str | None = None  # rejected | accepted, by `monitor reject|accept ID`
    verdict_why: str | None = None
    corrected_in: int | None = None  # the digest that carried its 更正 line

    @property
    def rejected(self) -> bool:
        return self.verdict == "rejected"


@dataclass(frozen=True)
class Mention:
    target_id: str
    article_url: str
    title: str
    source_id: str
    story: str
    published: datetime | None


@dataclass(frozen=True)
class DigestRecord:
    id: int
    created_at: str
    period_start: str | None
    period_end: str
    message_id: str
    message: bytes
    status: str
    attempts: int
    last_error: str | None
    last_outcome: str | None
    delivered_at: str | None
    location: str | None
    chat: str | None = None  # the short form for chat channels (None before schema version 3)
    sending_at: str | None = None  # a delivery attempt began then (cleared by its outcome)


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def health_of(row: sqlite3.Row) -> SourceHealth:
    fields = dict(row)
    fields["source_id"] = fields.pop("id")
    return SourceHealth(**fields)


# The rows observation_of reads: each observation with its article's title, source and story.
OBSERVATIONS = """SELECT o.*, a.title AS a_title, a.source_id AS a_source, a.story AS a_story
                  FROM observations o JOIN articles a ON a.url = o.article_url"""


def observation_of(row: sqlite3.Row) -> Observation:
    quantity = Quantity(
        value=Decimal(row["value"]),
        unit=row["unit"],
        qualifier=row["qualifier"],
        value_high=Decimal(row["value_high"]) if row["value_high"] else None,
        start=row["fstart"],
        end=row["fend"],
        surface=row["surface"],
    )
    figure = Figure(
        target_id=row["target_id"],
        quantity=quantity,
        kind=row["kind"],
        scope=row["scope"],
        sentence=row["sentence"],
        start=row["fstart"],
        end=row["fend"],
        period=row["period"],
        direction=row["direction"],
        measure=row["measure"],
    )
    observed = from_iso(row["observed_at"])
    assert observed is not None
    return Observation(
        id=row["id"],
        target_id=row["target_id"],
        figure=figure,
        article_url=row["article_url"],
        article_title=row["a_title"],
        source_id=row["a_source"],
        story=row["a_story"],
        published=from_iso(row["published"]),
        observed_at=observed,
        digest_id=row["digest_id"],
        verdict=row["verdict"],
        verdict_why=row["verdict_why"],
        corrected_in=row["corrected_in"],
    )


def digest_of(row: sqlite3.Row) -> DigestRecord:
    return DigestRecord(**{**dict(row), "message": bytes(row["message"])})
