"""daemon: per-source intervals, the digest on its cron, reloads and a clean stop, run fast
(sources every second, an injected clock) against the demo site on loopback."""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import httpx
import pytest

from monitor import demo
from monitor.config import watchlist
from monitor.daemon import DIGEST_JOB, SOURCE_JOB, Daemon, Timing, digest_trigger
from monitor.models import Watchlist
from monitor.store import lock
from monitor.store.state import Store

ROOT = Path(__file__).resolve().parent.parent
FAST = Timing(reload_every=0.1, retry_every=timedelta(seconds=0.2))
PASSES = demo.load_site().passes


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.getMessage()}")


@pytest.fixture
def logs() -> Iterator[Records]:
    logger = logging.getLogger("monitor")
    handler, level = Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.fixture
def site() -> Iterator[demo.DemoServer]:
    server = demo.DemoServer(demo.load_site())
    with server.running():
        yield server


def _fast(wl: Watchlist, every: float = 1.0) -> Watchlist:
    """The YAML validator keeps `every` at a minute or more; records built here need not."""
    sources = tuple(dataclasses.replace(s, every=timedelta(seconds=every)) for s in wl.sources)
    return dataclasses.replace(wl, sources=sources)


def _write(path: Path, base: str, *, drop: str | None = None, bad: bool = False) -> None:
    text = demo.demo_watchlist(base)
    if drop:
        text = text.replace(f"  - id: {drop}\n", f"  - id: {drop}\n    enabled: false\n")
    if bad:
        text = text.replace("  every: 1h", "  every: often")
    path.write_text(text, encoding="utf-8")


def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _start(daemon: Daemon) -> threading.Thread:
    thread = threading.Thread(target=daemon.serve, daemon=True)
    thread.start()
    return thread


def _outbox(state: Path) -> list[Path]:
    return sorted((state / "outbox").glob("*.eml")) if (state / "outbox").exists() else []


def test_sources_on_their_intervals_and_the_digest_on_its_cron(
    tmp_path: Path, site: demo.DemoServer, logs: Records
) -> None:
    wl_path, state = tmp_path / "watchlist.yaml", tmp_path / "state"
    _write(wl_path, site.base)
    clock = [PASSES[0]]
    site.now = PASSES[0]
    daemon = Daemon(_fast(watchlist.load(wl_path)), state, clock=lambda: clock[0], timing=FAST)
    thread = _start(daemon)
    try:
        # a first pass at start fetches everything and sends the first digest
        _until(lambda: len(daemon.done) >= 1)
        assert len(_outbox(state)) == 1
        assert daemon.done[0].job == "start" and len(daemon.done[0].report.sources) == 4
        _until(lambda: daemon.scheduler.running)
        jobs = {job.id for job in daemon.scheduler.get_jobs()}
        assert jobs == {DIGEST_JOB} | {SOURCE_JOB + s for s in ("bjgov", "bjrb", "jxj", "broken")}
        # each source runs again on its own one-second interval
        _until(lambda: all(_runs(daemon, s) >= 2 for s in ("bjgov", "bjrb", "jxj")))
        # the digest job ticks often, but builds nothing until the cron (08:00) has fired
        time.sleep(0.6)
        assert len(_outbox(state)) == 1
        # April: new articles appear before 08:00 and are fetched on the sources' intervals …
        site.now = PASSES[1]
        clock[0] = PASSES[1].replace(hour=7, minute=59)
        seen = {s: _runs(daemon, s) for s in ("bjgov", "bjrb", "jxj")}
        _until(lambda: all(_runs(daemon, s) > n for s, n in seen.items()))
        assert len(_outbox(state)) == 1
        # … then the clock passes 08:00: one more digest, with them, and no more
        clock[0] = PASSES[1]
        _until(lambda: len(_outbox(state)) == 2)
        april = message_from_bytes(_outbox(state)[1].read_bytes(), policy=policy.default)
        assert "1.8万套" in april.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        time.sleep(0.6)
        assert len(_outbox(state)) == 2
    finally:
        daemon.stop()
        thread.join(10)
    assert not thread.is_alive()
    assert not daemon.scheduler.running
    store = Store.open(state)
    try:
        assert store.pending_digests() == []
        assert store.health("broken").consecutive_failures >= 2  # a broken source stops nothing
    finally:
        store.close()
    assert any("daemon stopped" in line for line in logs.lines)
    assert not any(line.startswith("ERROR") for line in logs.lines), logs.lines


def _runs(daemon: Daemon, source_id: str) -> int:
    return sum(d.job == SOURCE_JOB + source_id for d in daemon.done)


def test_the_digest_cron_fires_at_eight_in_the_watchlist_timezone(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.yaml"
    _write(path, "http://127.0.0.1:9")
    wl = watchlist.load(path)
    cron, retry = digest_trigger(wl, timedelta(minutes=10)).triggers
    after = datetime.fromisoformat("2024-07-22T09:00:00+08:00")
    fire = cron.get_next_fire_time(None, after)
    assert fire.isoformat() == "2024-07-23T08:00:00+08:00"  # 08:00 Beijing time
    assert fire.astimezone(UTC).hour == 0
    assert retry.interval == timedelta(minutes=10)  # pending mail is retried in between


def test_edits_reschedule_and_a_bad_file_keeps_the_last_good_one(
    tmp_path: Path, site: demo.DemoServer, logs: Records
) -> None:
    wl_path, state = tmp_path / "watchlist.yaml", tmp_path / "state"
    _write(wl_path, site.base)
    site.now = PASSES[0]
    daemon = Daemon(watchlist.load(wl_path), state, clock=lambda: PASSES[0], timing=FAST)
    thread = _start(daemon)
    try:
        _until(lambda: daemon.scheduler.get_job(SOURCE_JOB + "jxj") is not None)
        _write(wl_path, site.base, drop="jxj")
        _until(lambda: daemon.scheduler.get_job(SOURCE_JOB + "jxj") is None)
        assert daemon.scheduler.get_job(SOURCE_JOB + "bjgov") is not None
        good = daemon.watchlist

        _write(wl_path, site.base, bad=True)
        _until(lambda: any("still running the last good one" in line for line in logs.lines))
        assert daemon.watchlist is good
        errors = [line for line in logs.lines if line.startswith("ERROR")]
        assert any("watchlist.yaml:" in line and "'often'" in line for line in errors), errors
        assert daemon.scheduler.get_job(SOURCE_JOB + "bjgov") is not None

        _write(wl_path, site.base)  # fixed: jxj is back
        _until(lambda: daemon.scheduler.get_job(SOURCE_JOB + "jxj") is not None)
    finally:
        daemon.stop()
        thread.join(10)
    assert not thread.is_alive()


class SlowTransport(httpx.AsyncBaseTransport):
    """Loopback HTTP with a pause before each answer, so that a stop arrives mid-pass."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.started = threading.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import asyncio

        self.started.set()
        await asyncio.sleep(0.15)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def test_a_stop_during_a_pass_lets_it_finish_its_writes(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    wl_path, state = tmp_path / "watchlist.yaml", tmp_path / "state"
    _write(wl_path, site.base)
    site.now = PASSES[2]
    transport = SlowTransport()
    daemon = Daemon(
        watchlist.load(wl_path), state, clock=lambda: PASSES[2], timing=FAST, transport=transport
    )
    thread = _start(daemon)
    assert transport.started.wait(5)
    daemon.stop()  # mid-pass
    thread.join(20)
    assert not thread.is_alive()
    assert [d.job for d in daemon.done] == ["start"]
    assert len(_outbox(state)) == 1  # the pass completed: fetched, stored, digest delivered
    store = Store.open(state)
    try:
        assert store.observations(pending=True) == [] and store.pending_digests() == []
    finally:
        store.close()


def test_sigterm_stops_the_cli_daemon_cleanly(tmp_path: Path, site: demo.DemoServer) -> None:
    wl_path, state = tmp_path / "watchlist.yaml", tmp_path / "state"
    _write(wl_path, site.base)
    site.now = PASSES[-1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "--watchlist",
            str(wl_path),
            "--state",
            str(state),
            "daemon",
        ],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert proc.stderr is not None
        lines = []
        while not any("digest delivered" in line for line in lines):
            line = proc.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        assert lock.holder(lock.lock_path(state)) == proc.pid
        busy = subprocess.run(
            [
                sys.executable,
                "-m",
                "monitor",
                "--watchlist",
                str(wl_path),
                "--state",
                str(state),
                "run",
                "--wait",
                "0",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert busy.returncode == 1 and f"another monitor (pid {proc.pid})" in busy.stderr
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=15)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 0
    log = "".join(lines) + rest
    assert "daemon started" in log and "daemon stopped" in log and "Traceback" not in log
    assert lock.holder(lock.lock_path(state)) is None


def test_the_passes_remembered_are_bounded(
    tmp_path: Path, site: demo.DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor import daemon as daemons

    monkeypatch.setattr(daemons, "DONE_KEPT", 3)
    wl_path = tmp_path / "watchlist.yaml"
    _write(wl_path, site.base)
    daemon = Daemon(watchlist.load(wl_path), tmp_path / "state", clock=lambda: PASSES[0])
    for n in range(5):
        daemon._pass(f"job{n}", [], "never", all_sources=False)  # no source: a quick pass
    assert [d.job for d in daemon.done] == ["job2", "job3", "job4"]
