"""One SQLite database under `state/`: opened with its pragmas and its schema migrated forward
(schema.py), transactions that nest, and two small tables any part may use: facts about runs
and a cache of derived data that is safe to lose."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Self

from monitor.errors import StateError
from monitor.store.batch import BATCH_SECONDS, BATCH_UNITS, COMMIT_SECONDS, Batch
from monitor.store.faults import state_error
from monitor.store.schema import BUSY_TIMEOUT, CHECKPOINT_PAGES, DB_NAME, MIGRATIONS

SET_FACT = """INSERT INTO runs(key, value) VALUES (?, ?)
              ON CONFLICT(key) DO UPDATE SET value = excluded.value"""


class Database:
    """The connection and its transactions; `Store` (state.py) adds what the tables hold."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    # --- opening and migrating -----------------------------------------------------------

    @classmethod
    def open(cls, folder: Path) -> Self:
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

    def __enter__(self) -> Self:
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

    # --- transactions ------------------------------------------------------------------------

    def batch(
        self,
        *,
        units: int = BATCH_UNITS,
        seconds: float = BATCH_SECONDS,
        window: float = COMMIT_SECONDS,
    ) -> Batch:
        """Many small units of writes, committed together: see Batch."""
        return Batch(self, units, seconds, window)

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

    def _rows_for(self, select: str, urls: Sequence[str]) -> Iterator[sqlite3.Row]:
        """`select ... WHERE url IN (urls)`, 500 URLs a query (SQLite limits the parameters)."""
        for i in range(0, len(urls), 500):
            chunk = list(urls[i : i + 500])
            yield from self.conn.execute(
                f"{select} WHERE url IN ({','.join('?' * len(chunk))})", chunk
            )

    # --- small key/value facts about runs ------------------------------------------------

    def get_fact(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM runs WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_fact(self, key: str, value: str) -> None:
        with self.transaction() as tx:
            tx.execute(SET_FACT, (key, value))

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


def count_articles(folder: Path) -> int:
    """Articles stored under `folder`, read without taking a lock or making anything: 0 when
    there is no database (yet), or it cannot be read now."""
    path = folder / DB_NAME
    if not path.is_file():
        return 0
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.1)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


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
