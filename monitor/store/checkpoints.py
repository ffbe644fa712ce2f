"""A batch's checkpoints, mostly on a thread of their own. SQLite's automatic checkpoint copied
40 MB of log into the database inside a commit of the pass (35-120 ms in its event loop, the
reading workers idle for most of it), so while a batch writes it is off. Every CHECKPOINT_UNITS
units a thread with its own connection copies the log beside the pass's commits; once it has
caught up, the pass's own connection copies the little that came since, right after a commit
(a few ms): then its next transaction finds the whole log copied and starts it again from the
beginning, as SQLite's own checkpoint would have (a log copied only beside the commits never
restarts, and grows by the whole pass).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from monitor.store.schema import BUSY_TIMEOUT, CHECKPOINT_PAGES

# Units of writes between two checkpoints (a first pass writes ~40 KB of log a unit). What the
# last one leaves, the database's close copies at the pass's end, both cores idle; copies made
# more often cost CPU meanwhile (bench/bench_store.py, 2000 pages: every 500 units, writes
# 0.21 s of CPU and a close of 22-33 ms; 250: 0.21-0.23 s, 12-24 ms; 150: 0.23-0.25 s, 7-18 ms).
CHECKPOINT_UNITS = 250
ROUNDS = 4  # copies the thread makes at most, each of what the pass committed meanwhile
LEFT = 256  # pages of log the thread may leave to the pass's connection (1 MiB)


class Checkpoints:
    """`start()` when a batch begins, `committed(units)` after each of its commits (on the
    batch's connection), `stop()` when it ends: SQLite's own checkpoints are back then."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path
        self._units = 0
        self._wake = threading.Event()
        self._caught_up = threading.Event()  # the thread is done: the pass copies the rest
        self._busy = False  # the thread was woken and has not caught up yet
        self._stopping = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.conn.execute("PRAGMA wal_autocheckpoint=0")

    def committed(self, units: int) -> None:
        if self._caught_up.is_set():
            self._caught_up.clear()
            self._busy = False
            # What came since the thread's copy; complete, the next transaction restarts the log.
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        self._units += units
        if self._busy or self._units < CHECKPOINT_UNITS:
            return
        self._units, self._busy = 0, True
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="monitor-checkpoints")
            self._thread.daemon = True
            self._thread.start()
        self._wake.set()

    def stop(self) -> None:
        """Ends the thread (after its copy); the database's close copies the rest."""
        if self._thread is not None:
            self._stopping = True
            self._wake.set()
            self._thread.join()
            self._thread = None
        self.conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                for _ in range(ROUNDS):
                    ((busy, log, copied),) = conn.execute(
                        "PRAGMA wal_checkpoint(PASSIVE)"
                    ).fetchall()
                    if busy or log - copied <= LEFT:
                        break
                self._caught_up.set()
        except sqlite3.Error:
            # A checkpoint is only an early copy: whatever kept it from the database, the
            # pass's own writes meet too and report; the close copies the log in any case.
            self._caught_up.set()
        finally:
            if conn is not None:
                conn.close()
