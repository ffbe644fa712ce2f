"""Bounded passes: one page cannot hold up the others.

A list page of 100,000 links, and a source whose articles come slowly, share a pass with fast
sources: the fast ones store everything, the slow one stops at limits.source_timeout keeping
what it read. Daemon jobs firing together (one slow, several fast, each its own pass and
connection) all store what they read: no write transaction is held across a network wait.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor import pipeline
from monitor.config import watchlist
from monitor.daemon import Daemon
from monitor.store import database
from monitor.store.state import Store

NOW = datetime(2024, 7, 22, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
FAST_SOURCES = ("fast1", "fast2", "fast3")
HUGE_LINKS = 100_000


def _article(path: str) -> bytes:
    n = sum(map(ord, path)) % 500 + 100
    return (
        f"<html><head><meta charset='utf-8'><title>便民生活圈建设进展 {path}</title></head>"
        f"<body><h1>便民生活圈建设进展</h1><p>2024-07-20</p><p>本市一刻钟便民生活圈建设稳步推进，"
        f"全市已建成{n}个一刻钟便民生活圈，覆盖居民超过百万人。记者从市商务局获悉此事。</p>"
        "</body></html>"
    ).encode()


def _list(prefix: str, count: int) -> bytes:
    items = "".join(
        f"<li><a href='/{prefix}/2024/07/a{i}.html'>一刻钟便民生活圈建设新进展第{i}篇</a>"
        "<span>2024-07-20</span></li>"
        for i in range(count)
    )
    return f"<html><body><ul class='list'>{items}</ul></body></html>".encode()


class Site:
    """Fast lists, a slow one (its articles after the first take `slow` seconds each), and a
    list page of 100,000 links under one parent, on 127.0.0.1."""

    def __init__(self, slow: float):
        self.slow = slow
        self.slow_started = threading.Event()  # a slow article has been asked for
        huge = "".join(
            f"<a href='/huge/2024/07/h{i}.html'>便民生活圈第{i}号消息</a> "
            for i in range(HUGE_LINKS)
        )
        self.huge = f"<html><body><div class='main'>{huge}</div></body></html>".encode()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path
                if path == "/robots.txt":
                    body = b""
                elif path == "/huge/list.html":
                    body = site.huge
                elif path.endswith("/list.html"):
                    prefix = path.split("/")[1]
                    body = _list(prefix, 4 if prefix == "slow" else 3)
                elif path.startswith("/huge/"):
                    self.send_error(404)
                    return
                else:
                    if path.startswith("/slow/") and not path.endswith("/a0.html"):
                        site.slow_started.set()
                        time.sleep(site.slow)
                    body = _article(path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # a client that gave up
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _watchlist(tmp_path: Path, base: str, ids: tuple[str, ...], source_timeout: str) -> Path:
    sources = "".join(
        f"  - {{id: {i}, url: '{base}/{i}/list.html', type: list, max_articles: 50}}\n" for i in ids
    )
    path = tmp_path / "watchlist.yaml"
    path.write_text(
        "defaults: {per_host_concurrency: 16, per_host_delay: 0s}\n"
        f"limits: {{retries: 0, robots: false, source_timeout: {source_timeout},"
        " concurrency: 32, max_bytes: 20MB}\n"
        f"sources:\n{sources}"
        "targets:\n  - {id: circles, title: 便民生活圈, keywords: [一刻钟便民生活圈], unit: 个,"
        " region: [本市, 全市]}\n",
        encoding="utf-8",
    )
    return path


def _stored(state: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{state / 'monitor.db'}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT source_id, count(*) FROM articles GROUP BY source_id")
        return dict(rows.fetchall())
    finally:
        conn.close()


def test_a_huge_list_and_a_slow_source_hold_up_no_other(tmp_path: Path) -> None:
    ids = ("huge", "slow", *FAST_SOURCES)
    with Site(slow=20.0) as site:
        _pass_within_bounds(tmp_path, site, ids)


def _pass_within_bounds(tmp_path: Path, site: Site, ids: tuple[str, ...]) -> None:
    wl = watchlist.load(_watchlist(tmp_path, site.base, ids, "6s"))
    state = tmp_path / "state"
    store = Store.open(state)
    started = time.monotonic()
    try:
        report = pipeline.run_pass(wl, store, now=NOW, state_dir=state, digest_mode="never")
    finally:
        store.close()
    seconds = time.monotonic() - started
    results = {r.source_id: r for r in report.sources}
    print(
        f"\npass with a {len(site.huge) / 1e6:.1f} MB list of {HUGE_LINKS} links and a slow "
        f"source (source_timeout 6s): {seconds:.2f} s"
    )
    assert results["huge"].links == HUGE_LINKS and results["huge"].ok
    assert not results["slow"].ok
    assert "took longer than 6 s in all (limits.source_timeout)" in (results["slow"].error or "")
    stored = _stored(state)
    assert all(stored.get(s) == 3 for s in FAST_SOURCES), stored
    assert stored.get("slow") == 1  # its quick article, read before the bound, is kept
    assert seconds < 15  # bounded: the slow source's articles would take 20 s each


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(slow=2.5) as running:
        yield running


def test_daemon_jobs_firing_together_all_store_what_they_read(
    tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A short wait for the write lock: a pass that held it across a 2.5 s article fetch would
    # make the fast jobs give up, as they did after 10 s in a real daemon.
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 1.0)
    path = _watchlist(tmp_path, site.base, ("slow", *FAST_SOURCES), "1h")
    state = tmp_path / "state"
    daemon = Daemon(watchlist.load(path), state)
    Store.open(state).close()
    slow = threading.Thread(target=daemon._source_job, args=["slow"])
    slow.start()
    # Its quick first article is read and written while the slow ones are asked for; it now
    # waits on the network. (Committed or not: a reader cannot tell, so watch the server.)
    assert site.slow_started.wait(10)
    time.sleep(0.5)
    fast = [threading.Thread(target=daemon._source_job, args=[s]) for s in FAST_SOURCES]
    started = time.monotonic()
    for thread in fast:
        thread.start()
    for thread in fast:
        thread.join(30)
    fast_seconds = time.monotonic() - started
    slow.join(30)
    stored = _stored(state)
    print(f"\nthree fast daemon jobs beside a slow one: {fast_seconds:.2f} s; stored {stored}")
    assert {d.job: d.report.sources[0].ok for d in daemon.done} == {
        "source:slow": True,
        **{f"source:{s}": True for s in FAST_SOURCES},
    }
    assert stored == {"slow": 4, **dict.fromkeys(FAST_SOURCES, 3)}
