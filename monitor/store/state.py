"""SQLite state under `state/`: source health, validators, articles, observations, digests.

`Store.open(folder)` migrates the schema forward (schema.py); every write is idempotent by key,
so a pass that is killed and repeated neither loses nor duplicates anything. The records it
returns are in records.py, the batching of a pass's writes in batch.py.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from monitor.errors import StateError
from monitor.models import Article, Figure, Page, Validators
from monitor.store.batch import BATCH_SECONDS, BATCH_UNITS, Batch
from monitor.store.faults import state_error
from monitor.store.records import (
    OBSERVATIONS,
    DigestRecord,
    Mention,
    Observation,
    SourceHealth,
    digest_of,
    from_iso,
    health_of,
    observation_of,
)
from monitor.store.schema import BUSY_TIMEOUT, CHECKPOINT_PAGES, DB_NAME, MIGRATIONS

_SET_FACT = """INSERT INTO runs(key, value) VALUES (?, ?)
               ON CONFLICT(key) DO UPDATE SET value = excluded.value"""
_CHECKED = "UPDATE validators SET checked_at = ? WHERE url = ?"  # a 304: the validators hold
# By content, not by insertion: sources fetched concurrently save in any order, and a digest
# rebuilt after a crash must read the same as the one an uninterrupted pass builds.
_OBSERVATION_ORDER = "COALESCE(o.published, o.observed_at), o.article_url, o.sentence, o.fstart"


def story_key(article: Article) -> str:
    """The same story syndicated by several outlets shares this key: its normalised body (its
    tables' cells too: two monthly reports may differ in their tables alone)."""
    cells = "".join(cell for table in article.tables for row in table.rows for cell in row)
    body = "".join(article.text.split())[: 2000 - min(len(cells), 1000)] + cells
    return hashlib.sha256(body[:2000].encode()).hexdigest()[:24]


def hash_content(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


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


class Store:
    """One SQLite database: `with Store.open(folder) as store:` closes it when the block ends."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    # --- opening and migrating -----------------------------------------------------------

    @classmethod
    def open(cls, folder: Path) -> Store:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError(
                f"cannot create the state folder: {exc.strerror}",
                where=str(folder),
                hint="pass --state DIR with a folder you can write to",
            ) from exc
        path = folder / DB_NAME
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            # A checkpoint (the only fsync with synchronous=NORMAL) per 40 MB of log rather than
            # per 4 MB: a first pass of 2000 pages spent 0.29 s in 170 fsyncs, now 0.15 s in 17.
            conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
            # The journal of each write unit's savepoint (Batch) in memory: on disk, SQLite
            # spilled every unit past 64 KiB to a temp file of its own, made and deleted again
            # (a first pass of 2000 pages wrote 250 MB to 280 such files, four times its log).
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path)
            store._migrate()
        except BaseException as exc:
            if conn is not None:
                conn.close()  # not left for the garbage collector (Python 3.13 warns of it)
            if not isinstance(exc, sqlite3.DatabaseError):
                raise
            if _is_locked(exc):
                raise _locked(path) from exc
            raise state_error(exc, path, untouched=True) or StateError(
                f"the state database cannot be used: {exc}",
                where=str(path),
                hint="move it aside to start afresh, or restore a backup; nothing was changed",
            ) from exc
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StateError(
                f"the database has schema version {version}, newer than this monitor knows "
                f"({len(MIGRATIONS)})",
                where=str(self.path),
                hint="upgrade monitor; nothing was changed",
            )
        for number in range(version, len(MIGRATIONS)):
            with self.transaction():
                for statement in MIGRATIONS[number].split(";"):
                    if self._done_before(statement):
                        continue  # run before (a version number set back): again, it would fail
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    def _done_before(self, statement: str) -> bool:
        """A column, table or index the statement adds is there already."""
        if added := _ADD_COLUMN.match(statement):
            rows = self.conn.execute(f"PRAGMA table_info({added[1]})")
            return any(row[1] == added[2] for row in rows)
        if created := _CREATE.match(statement):
            found = "SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?"
            return bool(self.conn.execute(found, (created[1].lower(), created[2])).fetchone())
        return False

    def batch(self, *, units: int = BATCH_UNITS, seconds: float = BATCH_SECONDS) -> Batch:
        """Many small units of writes, committed together: see Batch."""
        return Batch(self, units, seconds)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; inside another transaction, part of that one (all or
        nothing together), so that a caller can make several writes one commit."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.begin()
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def begin(self) -> None:
        """BEGIN IMMEDIATE: take the write lock now, or say who holds it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _is_locked(exc):
                raise _locked(self.path) from exc
            raise

    # --- small key/value facts about runs ------------------------------------------------

    def get_fact(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_fact(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.execute(_SET_FACT, (key, value))

    # --- a cache of derived data (the validated watchlist), safe to lose ---------------------

    def get_cached(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def put_cached(self, key: str, value: bytes) -> None:
        """Keep `value` under `key`, replacing what was kept under the same prefix."""
        prefix = key.split(":", 1)[0] + ":"
        with self.transaction() as tx:
            tx.execute("DELETE FROM cache WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))
            tx.execute("INSERT INTO cache(key, value) VALUES (?, ?)", (key, value))

    # --- sources and validators ------------------------------------------------------------

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

    # --- articles, mentions, observations --------------------------------------------------

    def known_articles(self, urls: Sequence[str]) -> set[str]:
        return {str(row[0]) for row in self._rows_for("SELECT url FROM articles", urls)}

    def _rows_for(self, select: str, urls: Sequence[str]) -> Iterator[sqlite3.Row]:
        """`select ... WHERE url IN (urls)`, 500 URLs a query (SQLite limits the parameters)."""
        for i in range(0, len(urls), 500):
            chunk = list(urls[i : i + 500])
            yield from self.conn.execute(
                f"{select} WHERE url IN ({','.join('?' * len(chunk))})", chunk
            )

    def article_hash(self, url: str) -> str | None:
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return str(row[0]) if row else None

    def save_article(
        self,
        article: Article,
        *,
        source_id: str,
        fetched_at: datetime,
        content_hash: str,
        mentions: Sequence[str],
        figures: Sequence[Figure],
    ) -> int:
        """Store an article with what it says of each target, in one transaction.

        Returns how many observations were new. Saving the same article twice adds nothing;
        a changed article (a new `content_hash`) replaces its text and adds its new figures.
        """
        url, published = article.url, _iso(article.published)
        with self.transaction() as tx:
            tx.execute(
                _ARTICLE,
                (
                    url,
                    source_id,
                    article.title,
                    published,
                    fetched_at.isoformat(),
                    content_hash,
                    story_key(article),
                    article.text,
                ),
            )
            # executemany: one prepared statement for all rows (its rowcount is their sum).
            tx.executemany(_MENTION, [(target_id, url) for target_id in mentions])
            if not figures:
                return 0
            observed = fetched_at.isoformat()
            rows = [_observation_row(fig, url, published, observed) for fig in figures]
            return tx.executemany(_OBSERVATION, rows).rowcount

    def observations(
        self, *, target_id: str | None = None, pending: bool | None = None
    ) -> list[Observation]:
        """Observations oldest first; `pending` True: not yet in any digest."""
        sql = f"{OBSERVATIONS} WHERE 1=1"
        args: list[object] = []
        if target_id is not None:
            sql += " AND o.target_id = ?"
            args.append(target_id)
        if pending is True:
            sql += " AND o.digest_id IS NULL"
        elif pending is False:
            sql += " AND o.digest_id IS NOT NULL"
        sql += f" ORDER BY {_OBSERVATION_ORDER}"
        return [observation_of(r) for r in self.conn.execute(sql, args)]

    def reported_observations(self, target_id: str) -> list[Observation]:
        """Observations already delivered in a digest, oldest first."""
        rows = self.conn.execute(
            f"""{OBSERVATIONS} JOIN digests d ON d.id = o.digest_id
                WHERE o.target_id = ? AND d.status = 'delivered' ORDER BY {_OBSERVATION_ORDER}""",
            (target_id,),
        )
        return [observation_of(r) for r in rows]

    def pending_mentions(self) -> list[Mention]:
        rows = self.conn.execute(
            """SELECT m.target_id, m.article_url, a.title, a.source_id, a.story, a.published
               FROM mentions m JOIN articles a ON a.url = m.article_url
               WHERE m.digest_id IS NULL ORDER BY a.published, m.article_url"""
        )
        return [Mention(r[0], r[1], r[2], r[3], r[4], from_iso(r[5])) for r in rows]

    # --- digests ---------------------------------------------------------------------------

    def create_digest(
        self,
        *,
        created_at: datetime,
        period_start: datetime | None,
        period_end: datetime,
        message_id: str,
        message: bytes,
        observation_ids: Sequence[int],
        mention_keys: Sequence[tuple[str, str]],
        facts: Mapping[str, str] | None = None,
        correction_ids: Sequence[int] = (),
        chat: str | None = None,
        channels: Sequence[str] = (),
    ) -> int:
        """Record a built digest and claim what it covers (and set `facts`), in one transaction.

        `correction_ids`: rejected figures an earlier digest reported, corrected (更正) in this one.
        With `chat`, its short form for chat channels, pending for each of `channels`.
        """
        with self.transaction() as tx:
            tx.executemany(_SET_FACT, list((facts or {}).items()))
            cur = tx.execute(
                """INSERT INTO digests(created_at, period_start, period_end, message_id,
                       message, status, chat) VALUES (?, ?, ?, ?, ?, 'pending', ?)""",
                (
                    created_at.isoformat(),
                    _iso(period_start),
                    period_end.isoformat(),
                    message_id,
                    message,
                    chat,
                ),
            )
            digest_id = int(cur.lastrowid or 0)
            tx.executemany(
                "INSERT INTO channel_deliveries(digest_id, channel, status) "
                "VALUES (?, ?, 'pending')",
                [(digest_id, name) for name in channels if chat is not None],
            )
            tx.executemany(
                "UPDATE observations SET digest_id = ? WHERE id = ? AND digest_id IS NULL",
                [(digest_id, oid) for oid in observation_ids],
            )
            tx.executemany(
                "UPDATE mentions SET digest_id = ? WHERE target_id = ? AND article_url = ? "
                "AND digest_id IS NULL",
                [(digest_id, t, u) for t, u in mention_keys],
            )
            tx.executemany(
                "UPDATE observations SET corrected_in = ? WHERE id = ? AND corrected_in IS NULL",
                [(digest_id, oid) for oid in correction_ids],
            )
        return digest_id

    def release_digest(self, digest_id: int) -> None:
        """Forget an undelivered digest so its contents go into the next one."""
        with self.transaction() as tx:
            tx.execute("UPDATE observations SET digest_id = NULL WHERE digest_id = ?", (digest_id,))
            tx.execute("UPDATE mentions SET digest_id = NULL WHERE digest_id = ?", (digest_id,))
            tx.execute(
                "UPDATE observations SET corrected_in = NULL WHERE corrected_in = ?", (digest_id,)
            )
            tx.execute("DELETE FROM digests WHERE id = ? AND status = 'pending'", (digest_id,))

    def pending_digests(self) -> list[DigestRecord]:
        rows = self.conn.execute("SELECT * FROM digests WHERE status = 'pending' ORDER BY id")
        return [digest_of(r) for r in rows]

    def digests(self) -> list[DigestRecord]:
        return [digest_of(r) for r in self.conn.execute("SELECT * FROM digests ORDER BY id")]

    def mark_sending(self, digest_id: int, *, at: datetime) -> None:
        """Committed before the message goes out: a run killed while sending leaves this, and
        the next run knows the server may have the message."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE digests SET sending_at = ? WHERE id = ?", (at.isoformat(), digest_id)
            )

    def mark_delivered(self, digest_id: int, *, at: datetime, location: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                """UPDATE digests SET status = 'delivered', delivered_at = ?, location = ?,
                       attempts = attempts + 1, last_error = NULL, last_outcome = NULL,
                       sending_at = NULL
                   WHERE id = ?""",
                (at.isoformat(), location, digest_id),
            )

    def mark_failed(self, digest_id: int, *, error: str, uncertain: bool) -> None:
        """`uncertain`: the server may have taken it (the connection dropped after DATA)."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE digests SET attempts = attempts + 1, last_error = ?, last_outcome = ?, "
                "sending_at = NULL WHERE id = ?",
                (error, "unknown" if uncertain else "failed", digest_id),
            )


_ARTICLE = """INSERT INTO articles(url, source_id, title, published, fetched_at, content_hash,
                  story, text)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT(url) DO UPDATE SET title = excluded.title,
                  published = COALESCE(excluded.published, articles.published),
                  fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
                  story = excluded.story, text = excluded.text"""
_MENTION = "INSERT OR IGNORE INTO mentions(target_id, article_url) VALUES (?, ?)"
_OBSERVATION = """INSERT OR IGNORE INTO observations(target_id, article_url, sentence, fstart,
                      fend, value, value_high, unit, qualifier, surface, kind, scope, period,
                      published, observed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _observation_row(
    fig: Figure, url: str, published: str | None, observed: str
) -> tuple[object, ...]:
    q = fig.quantity
    high = None if q.value_high is None else str(q.value_high)
    return (
        fig.target_id,
        url,
        fig.sentence,
        fig.start,
        fig.end,
        str(q.value),
        high,
        q.unit,
        q.qualifier,
        q.surface,
        fig.kind,
        fig.scope,
        fig.period,
        published,
        observed,
    )


_ADD_COLUMN = re.compile(r"\s*ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)
_CREATE = re.compile(r"\s*CREATE (TABLE|INDEX) (\w+)", re.IGNORECASE)


def _is_locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _locked(path: Path) -> StateError:
    return StateError(
        f"the state database is locked by another program (waited {BUSY_TIMEOUT:g} s)",
        where=str(path),
        hint="close the program holding it (an sqlite3 shell?) and run again; nothing was changed",
    )
