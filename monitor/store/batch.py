"""Batching a pass's writes: many small units, each all or nothing, committed together."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from monitor.errors import StateError
from monitor.store.faults import state_error

if TYPE_CHECKING:
    from monitor.store.state import Store

BATCH_UNITS = 64  # units of writes (a source, an article) committed together in a pass
BATCH_SECONDS = 0.2  # longest a batch holds the database's write lock


class Batch:
    """Units of writes that each stand or fall whole (a savepoint each), committed together
    every `units` units or `seconds`, whichever comes first: a commit per article was a third
    of a first pass's database time (bench/README.md). What a crash loses is the last
    uncommitted units, whose pages are fetched and read again by the next pass.

    A unit must not await: the connection, and so the open transaction, is the pass's.
    """

    def __init__(self, store: Store, units: int, seconds: float):
        self.store, self.units, self.seconds = store, units, seconds
        self._done = 0
        self._since = 0.0
        # Set when SQLite rolled the whole open transaction back (a full disk does): the units
        # before it are gone, so no later unit may commit as if they were there.
        self._lost: BaseException | None = None

    @contextmanager
    def unit(self) -> Iterator[None]:
        conn = self.store.conn
        if self._lost is not None:
            raise state_error(self._lost, self.store.path) or StateError(
                f"an earlier write of this pass failed: {self._lost}",
                where=str(self.store.path),
                hint="nothing more is written in this pass; the next run does its work again",
            )
        if not conn.in_transaction:
            self.store.begin()
            self._done, self._since = 0, time.monotonic()
        conn.execute("SAVEPOINT unit")
        try:
            yield
        except BaseException as exc:
            if not conn.in_transaction:  # SQLite ended the transaction itself
                self._lost = exc
                raise
            conn.execute("ROLLBACK TO unit")
            conn.execute("RELEASE unit")
            raise
        conn.execute("RELEASE unit")
        self._done += 1
        if self._done >= self.units or time.monotonic() - self._since >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self.store.conn.in_transaction:
            self.store.conn.execute("COMMIT")

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Commit what is left; after an error, roll the open units back instead."""
        if kind is None:
            self.commit()
        elif self.store.conn.in_transaction:
            with suppress(sqlite3.Error):  # the error may be the database's own
                self.store.conn.execute("ROLLBACK")
