"""A batch's checkpoints (store/checkpoints.py): the log is copied beside the pass's commits and
still restarts, and a pass killed at any moment loses nothing it committed."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.store import checkpoints
from monitor.store.state import Store

PAYLOAD = "本市已建设验收422个一刻钟便民生活圈。" * 40  # ~2 KiB a unit, as an article's text
_AT = datetime(2026, 1, 1, tzinfo=UTC)


def _unit(store: Store, n: int) -> None:
    store.record_failure(f"s{n:05d}", f"http://127.0.0.1/{n}", at=_AT, error=PAYLOAD, status=500)


def _pass(store: Store, units: int, per_turn: int = 5) -> None:
    async def go() -> None:
        with store.batch(units=20, seconds=60) as writes:
            for n in range(units):
                with writes.unit():
                    _unit(store, n)
                if n % per_turn == 0:
                    await asyncio.sleep(0)

    asyncio.run(go())


def test_a_long_batch_copies_its_log_and_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints, "CHECKPOINT_UNITS", 100)
    store = Store.open(tmp_path)
    _pass(store, 3000)
    wal = (tmp_path / "monitor.db-wal").stat().st_size
    # 3000 units write ~30 MB of log (each commit writes again the pages it touched); copied
    # and restarted every 100 units it stays a small part of that.
    assert wal < 8 * 2**20, wal
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] > 0  # SQLite's, back
    store.close()
    with closing(sqlite3.connect(tmp_path / "monitor.db")) as other:
        assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert other.execute("SELECT count(*) FROM sources").fetchone()[0] == 3000


KILLED = """
import asyncio, sys
from datetime import UTC, datetime
from pathlib import Path
from monitor.store import checkpoints
from monitor.store.state import Store

checkpoints.CHECKPOINT_UNITS = 50
store = Store.open(Path(sys.argv[1]))
at = datetime(2026, 1, 1, tzinfo=UTC)

async def go():
    with store.batch(units=10, seconds=60) as writes:
        for n in range(10**6):
            with writes.unit():
                store.record_failure(f"s{n:07d}", "http://127.0.0.1/", at=at,
                                     error="本市已建设验收422个一刻钟便民生活圈。" * 40, status=500)
            await asyncio.sleep(0)
            # committed: no transaction open, after the units bound (10) or the batch's window
            # (a timer in the loop, which commits at any count of units)
            if not store.conn.in_transaction:
                print(n + 1, flush=True)

asyncio.run(go())
"""


@pytest.mark.parametrize("seconds", [0.3, 0.7, 1.1])
def test_a_pass_killed_while_its_log_is_copied_loses_nothing_committed(
    tmp_path: Path, seconds: float
) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", KILLED, str(tmp_path)], stdout=subprocess.PIPE, text=True
    ) as pass_:
        assert pass_.stdout is not None
        committed = 0
        while committed <= 50:  # the thread has copies to make before the kill is timed (a
            line = pass_.stdout.readline()  # loaded machine starts the pass late)
            if not line:
                break
            committed = int(line)
        time.sleep(seconds)
        pass_.send_signal(signal.SIGKILL)
        committed = max([committed, *(int(line) for line in pass_.stdout.read().split())])
    assert committed > 50  # the thread had copies to make
    with closing(sqlite3.connect(tmp_path / "monitor.db")) as other:
        assert other.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert other.execute("SELECT count(*) FROM sources").fetchone()[0] >= committed
