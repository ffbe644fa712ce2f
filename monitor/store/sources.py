"""Each source's health (its last fetch, its failures in a row) and each URL's validators (ETag,
Last-Modified, the content's hash) for the next conditional GET."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from monitor.models import Page, Validators
from monitor.store.database import Database
from monitor.store.records import SourceHealth, health_of

# A fetch that worked: the source's health is reset, its counters and time brought up to date.
_SUCCESS = """INSERT INTO sources(id, url, last_fetch_at, last_success_at, last_status,
        consecutive_failures, last_error, last_links)
    VALUES (?, ?, ?, ?, ?, 0, NULL, ?)
    ON CONFLICT(id) DO UPDATE SET url = excluded.url,
        last_fetch_at = excluded.last_fetch_at,
        last_success_at = excluded.last_success_at,
        last_status = excluded.last_status, consecutive_failures = 0,
        last_error = NULL,
        last_links = COALESCE(excluded.last_links, sources.last_links)"""
_CHECKED = "UPDATE validators SET checked_at = ? WHERE url = ?"  # a 304: the validators hold


def hash_content(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class Sources(Database):
    """The `sources` and `validators` tables."""

    def health(self, source_id: str) -> SourceHealth | None:
        row = self.conn.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        return health_of(row) if row else None

    def record_success(
        self, source_id: str, url: str, *, at: datetime, status: int, links: int | None
    ) -> None:
        with self.transaction() as tx:
            tx.execute(_SUCCESS, (source_id, url, at.isoformat(), at.isoformat(), status, links))

    def record_unchanged(self, pages: Sequence[tuple[str, Page]], *, at: datetime) -> None:
        """Sources whose page answered 304 (source id, page), in one transaction: the check
        time of their validators and their health. Nothing else changes for them, so a pass
        writes these in batches (a commit per source was a fifth of an unchanged pass)."""
        when = at.isoformat()
        with self.transaction() as tx:
            tx.executemany(
                _CHECKED, [(page.fetched_at.isoformat(), page.requested_url) for _, page in pages]
            )
            tx.executemany(
                _SUCCESS,
                [
                    (ident, page.requested_url, when, when, page.status, None)
                    for ident, page in pages
                ],
            )

    def record_failure(
        self, source_id: str, url: str, *, at: datetime, error: str, status: int | None
    ) -> None:
        with self.transaction() as tx:
            tx.execute(
                """INSERT INTO sources(id, url, last_fetch_at, last_status,
                       consecutive_failures, last_error)
                   VALUES (?, ?, ?, ?, 1, ?)
                   ON CONFLICT(id) DO UPDATE SET url = excluded.url,
                       last_fetch_at = excluded.last_fetch_at,
                       last_status = excluded.last_status,
                       consecutive_failures = sources.consecutive_failures + 1,
                       last_error = excluded.last_error""",
                (source_id, url, at.isoformat(), status, error),
            )

    def validators_for(self, urls: Sequence[str]) -> dict[str, Validators]:
        """The validators of many URLs in a few queries (one per 500), for a pass's start."""
        rows = self._rows_for("SELECT url, etag, last_modified FROM validators", urls)
        return {row[0]: Validators(etag=row[1], last_modified=row[2]) for row in rows}

    def save_validators(self, page: Page, *, content_hash: str | None = None) -> None:
        """Remember what the server said, keyed by the URL we asked for (`content_hash`: the
        content's hash when the caller already has it)."""
        key = page.requested_url
        if page.not_modified:
            with self.transaction() as tx:
                tx.execute(_CHECKED, (page.fetched_at.isoformat(), key))
            return
        with self.transaction() as tx:
            tx.execute(
                """INSERT INTO validators(url, etag, last_modified, content_hash, checked_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
                       last_modified = excluded.last_modified,
                       content_hash = excluded.content_hash, checked_at = excluded.checked_at""",
                (
                    key,
                    page.validators.etag,
                    page.validators.last_modified,
                    content_hash or hash_content(page.content),
                    page.fetched_at.isoformat(),
                ),
            )
