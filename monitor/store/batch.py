"""Batching a pass's writes: many small units, each all or nothing, committed together."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from monitor.errors import StateError
from monitor.store.checkpoints import Checkpoints
from monitor.store.faults import state_error

if TYPE_CHECKING:
    from monitor.store.database import Database

BATCH_UNITS = 64  # units of writes (a source, an article) committed together in a pass
BATCH_SECONDS = 0.2  # longest a batch holds the database's write lock while units come
# Longest a unit waits for its commit in an event loop, however the pass goes on meanwhile: the
# write lock is held at most this long across a network wait. Each commit writes again every
# index page it touched (the articles' and validators' keys are URLs, spread over their
# indexes): a first pass of 2000 pages with a commit every 16 turns of the loop made 400-725
# commits of 3-5 units and wrote ~170 MB of log for a 17 MB database; at this window, ~25
# units a commit (bench/bench_store.py: 4 units a commit 171 MB and 0.28 s of CPU, 32 units
# 79 MB and 0.19 s).
COMMIT_SECONDS = 0.025


class Batch:
    """Units of writes that each stand or fall whole (a savepoint each), committed together
    every `units` units or `seconds`, whichever comes first: a commit per article was a third
    of a first pass's database time (bench/README.md). What a crash loses is the last
    uncommitted units, whose pages are fetched and read again by the next pass.

    In an event loop a unit also sets a timer that commits `window` seconds after the batch's
    first unit whatever comes, so the write lock is never held longer than that while the
    pass waits on the network: another process or daemon job waiting for it gets it then
    (holding it across whole network waits made concurrent daemon jobs fail with "locked").

    A unit must not await: the connection, and so the open transaction, is the pass's.
    """

    def __init__(self, store: Database, units: int, seconds: float, window: float = COMMIT_SECONDS):
        self.store, self.units, self.seconds, self.window = store, units, seconds, window
        self._done = 0
        self._since = 0.0
        # Set when SQLite rolled the whole open transaction back (a full disk does): the units
        # before it are gone, so no later unit may commit as if they were there.
        self._lost: BaseException | None = None
        self._timer: asyncio.TimerHandle | None = None  # the open batch's commit, in a loop
        self._checkpoints = Checkpoints(store.conn, store.path)

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
        elif self._timer is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # not in an event loop: nothing to wait for but the caller
                return
            wait = max(0.0, self._since + self.window - time.monotonic())
            self._timer = loop.call_later(wait, self._commit_later)

    def commit(self) -> None:
        self._cancel_timer()
        if self.store.conn.in_transaction:
            self.store.conn.execute("COMMIT")
            self._checkpoints.committed(self._done)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _commit_later(self) -> None:
        """The batch's window is over: commit what its units wrote, unless that was done (or
        went wrong) meanwhile."""
        self._timer = None
        if self._lost is not None:
            return
        try:
            self.commit()
        except sqlite3.Error as exc:  # a callback cannot raise: the next unit, or the end, will
            self._lost = exc

    def __enter__(self) -> Batch:
        self._checkpoints.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Commit what is left; after an error, roll the open units back instead."""
        self._cancel_timer()
        try:
            self._end(kind)
        finally:
            with suppress(sqlite3.Error):  # a fault of the database's own is raised already
                self._checkpoints.stop()

    def _end(self, kind: type[BaseException] | None) -> None:
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
