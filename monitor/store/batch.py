"""Batching a pass's writes: many small units, each all or nothing, committed together."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from monitor.errors import StateError
from monitor.store.faults import state_error

if TYPE_CHECKING:
    from monitor.store.database import Database

BATCH_UNITS = 64  # units of writes (a source, an article) committed together in a pass
BATCH_SECONDS = 0.2  # longest a batch holds the database's write lock
# Turns of the event loop a scheduled commit waits for more units. While its callback waits in
# the loop's queue the loop only polls its sockets and pipes, never sleeps on them, so the lock
# is still never held across a network wait; but in a busy pass, where answers arrive a few a
# turn, the units of the next turns share the commit (a first pass of 2000 pages: 420-716
# commits became 200-260, SQLite's CPU 0.41 -> 0.30 s; each commit writes again the index pages
# it touched). When the pass does wait, the loop spins these turns first: microseconds.
COMMIT_TURNS = 16


class Batch:
    """Units of writes that each stand or fall whole (a savepoint each), committed together
    every `units` units or `seconds`, whichever comes first: a commit per article was a third
    of a first pass's database time (bench/README.md). What a crash loses is the last
    uncommitted units, whose pages are fetched and read again by the next pass.

    Never across a network wait: in an event loop, a unit also schedules a commit a few turns
    of the loop later (COMMIT_TURNS), which all come before the loop blocks on sockets again.
    Units finishing in those turns still share a commit, and another process or
    daemon job waiting for the write lock gets it as soon as this pass waits on the network
    (holding it across those waits made concurrent daemon jobs fail with "locked").

    A unit must not await: the connection, and so the open transaction, is the pass's.
    """

    def __init__(self, store: Database, units: int, seconds: float):
        self.store, self.units, self.seconds = store, units, seconds
        self._done = 0
        self._since = 0.0
        # Set when SQLite rolled the whole open transaction back (a full disk does): the units
        # before it are gone, so no later unit may commit as if they were there.
        self._lost: BaseException | None = None
        self._scheduled = False  # a commit waits for the event loop's next turn

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
        elif not self._scheduled:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # not in an event loop: nothing to wait for but the caller
                return
            self._scheduled = True
            loop.call_soon(self._commit_soon)

    def commit(self) -> None:
        if self.store.conn.in_transaction:
            self.store.conn.execute("COMMIT")

    def _commit_soon(self, turns: int = COMMIT_TURNS) -> None:
        """A later turn of the loop: commit what the units of the turns since wrote, unless
        that was done (or went wrong) meanwhile."""
        if turns > 1 and self._lost is None and self.store.conn.in_transaction:
            asyncio.get_running_loop().call_soon(self._commit_soon, turns - 1)
            return
        self._scheduled = False
        if self._lost is not None:
            return
        try:
            self.commit()
        except sqlite3.Error as exc:  # a callback cannot raise: the next unit, or the end, will
            self._lost = exc

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Commit what is left; after an error, roll the open units back instead."""
        if kind is None and self._lost is None:
            self.commit()
            return
        if self.store.conn.in_transaction:
            with suppress(sqlite3.Error):  # the error may be the database's own
                self.store.conn.execute("ROLLBACK")
        if kind is None and self._lost is not None:  # a scheduled commit failed
            raise state_error(self._lost, self.store.path) or StateError(
                f"a write of this pass failed: {self._lost}", where=str(self.store.path)
            )
