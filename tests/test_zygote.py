"""Reading workers forked from a zygote (figures/zygote.py) read as the pass's own process does,
fail their pages clearly when killed, and never outlive the pass."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from monitor import cli_run
from monitor.errors import MonitorError
from monitor.figures.readers import INLINE_PAGES, Readers
from monitor.figures.zygote import Hatched, Zygote
from monitor.store.database import count_articles
from monitor.store.state import Store
from tests.factories import save
from tests.test_reading import PAGE, TARGETS, TZ, read_all

pytestmark = pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="Linux pidfds")


@pytest.fixture(autouse=True)
def one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a run: other tests' servers may still be finishing their requests on threads
    of their own, which a zygote refuses to fork beside (see the next test)."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_no_zygote_is_forked_beside_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert Zygote.start(2) is None
    finally:
        stop.set()
        other.join()


def _read_with(zygote: Zygote, pages: int = 1) -> tuple[list[object], list[type]]:
    """Readings of `pages` pages, and the kinds of process that read them."""

    async def go() -> tuple[list[object], list[type]]:
        out: list[object] = []
        async with Readers(4, tz=TZ, targets=TARGETS, inline_pages=0, zygote=zygote) as readers:
            for i in range(pages):
                async with readers.turn():
                    out.append(
                        await readers.read(
                            PAGE, url=f"http://127.0.0.1/{i}.html", content_type=None, body=None
                        )
                    )
            kinds: list[type] = [type(w.process) for w in readers._workers]
        return out, kinds

    return asyncio.run(go())


def test_hatched_workers_read_what_this_process_reads() -> None:
    zygote = Zygote.start(2)
    assert zygote is not None
    with zygote:
        readings, kinds = _read_with(zygote, pages=3)
    assert kinds == [Hatched, Hatched]
    assert readings == read_all(10, [(PAGE, None)] * 3)
    assert not zygote.process.is_alive()


def test_a_zygote_never_told_to_hatch_exits_when_closed() -> None:
    zygote = Zygote.start(2)
    assert zygote is not None
    started = time.monotonic()
    with zygote:
        pass
    assert not zygote.process.is_alive() and zygote.process.exitcode == 0
    assert time.monotonic() - started < 4  # not the 5 s of a kill


def test_without_its_zygote_a_pass_forks_its_own_workers() -> None:
    zygote = Zygote.start(2)
    assert zygote is not None
    with zygote:
        os.kill(zygote.process.pid or 0, signal.SIGKILL)
        zygote.process.join()
        readings, kinds = _read_with(zygote)
    assert all(kind is not Hatched for kind in kinds) and kinds
    assert readings == read_all(10, [(PAGE, None)])


def test_a_hatched_worker_that_dies_fails_its_pages_with_its_exit_code() -> None:
    async def go(zygote: Zygote) -> None:
        async with Readers(4, tz=TZ, targets=TARGETS, inline_pages=0, zygote=zygote) as readers:
            async with readers.turn():
                await readers.read(PAGE, url="http://127.0.0.1/0", content_type=None, body=None)
            for worker in readers._workers:
                os.kill(worker.process.pid, signal.SIGKILL)  # type: ignore[attr-defined]

            async def eight_pages() -> None:  # whichever worker a page goes to, it is gone
                for i in range(8):
                    async with readers.turn():
                        await readers.read(
                            PAGE, url=f"http://127.0.0.1/{i}.html", content_type=None, body=None
                        )

            with pytest.raises(MonitorError, match=r"reading worker stopped \(exit code -9\)"):
                await eight_pages()

    zygote = Zygote.start(2)
    assert zygote is not None
    with zygote:
        asyncio.run(go(zygote))
    assert not zygote.process.is_alive()


HATCHED_THEN_WAIT = """
import asyncio
from zoneinfo import ZoneInfo
from monitor.figures.readers import Readers
from monitor.figures.zygote import Zygote

async def main(zygote):
    async with Readers(4, tz=ZoneInfo("UTC"), targets=(), expected_pages=100, zygote=zygote) as r:
        pids = [w.process.pid for w in r._workers] + [zygote.process.pid]
        print(" ".join(str(p) for p in pids), flush=True)
        await asyncio.sleep(60)

with Zygote.start(2) as zygote:
    asyncio.run(main(zygote))
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_hatched_workers_and_their_zygote_exit_when_the_pass_is_killed() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", HATCHED_THEN_WAIT], stdout=subprocess.PIPE, text=True
    ) as pass_:
        assert pass_.stdout is not None
        pids = [int(pid) for pid in pass_.stdout.readline().split()]
        assert len(pids) == 3
        pass_.kill()
    deadline = time.monotonic() + 5
    while any(_running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(p) for p in pids)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_run_forks_a_zygote_only_for_many_sources_the_state_has_not_read(
    tmp_path: Path,
) -> None:
    def watchlist(sources: int) -> Path:
        path = tmp_path / f"w{sources}.yaml"
        lines = ["sources:"] + [
            f"  - {{id: s{n}, url: 'http://127.0.0.1/{n}', type: page}}" for n in range(sources)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    fresh, read = tmp_path / "fresh", tmp_path / "read"
    with cli_run._zygote(watchlist(INLINE_PAGES), fresh) as none:
        assert none is None
    with cli_run._zygote(watchlist(INLINE_PAGES + 1), fresh) as zygote:
        assert isinstance(zygote, Zygote)
    assert not zygote.process.is_alive()
    assert not fresh.exists()  # nothing made before the run takes its lock
    with Store.open(read) as store:  # a later pass: its pages were read before
        for n in range(INLINE_PAGES + 1):
            save(store, f"http://127.0.0.1/{n}", "本市已建成501个一刻钟便民生活圈。", [])
    assert count_articles(read) == INLINE_PAGES + 1
    with cli_run._zygote(watchlist(INLINE_PAGES + 1), read) as none:
        assert none is None
    with cli_run._zygote(tmp_path / "missing.yaml", fresh) as none:
        assert none is None
    lists = tmp_path / "lists.yaml"  # a first pass discovers up to 50 articles a list
    lists.write_text("sources:\n  - {id: l, url: 'http://127.0.0.1/list'}\n", encoding="utf-8")
    with cli_run._zygote(lists, fresh) as zygote:
        assert isinstance(zygote, Zygote)
    with cli_run._zygote(lists, read) as none:  # later passes: a few new articles a list
        assert none is None
