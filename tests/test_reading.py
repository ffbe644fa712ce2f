"""Reading pages in this process and in worker processes gives the same answers."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor.errors import ExtractError, MonitorError
from monitor.figures.readers import Readers
from monitor.figures.reading import Reading, read
from monitor.figures.workers import _take, start_method
from monitor.models import Link, Target

TZ = ZoneInfo("Asia/Shanghai")
TARGETS = (Target(id="shq", title="一刻钟便民生活圈", keywords=("一刻钟便民生活圈",), unit="个"),)
PAGE = (
    "<html><head><meta charset='utf-8'><title>便民生活圈建设提速</title></head><body>"
    "<div class='article'><h1>便民生活圈建设提速</h1>"
    "<p>发布时间：2024-10-20</p>"
    "<p>记者从市商务局获悉，截至目前，本市已建成501个一刻钟便民生活圈，覆盖居民超过九成。</p>"
    "<p>下一步，本市将继续推进便民生活圈建设，让居民在家门口享受更加便利的生活服务。</p>"
    "</div></body></html>"
).encode()
NOT_AN_ARTICLE = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def read_all(inline_pages: int, pages: list[tuple[bytes, Link | None]]) -> list[object]:
    async def go() -> list[object]:
        out: list[object] = []
        async with Readers(4, tz=TZ, targets=TARGETS, inline_pages=inline_pages) as readers:
            for i, (content, link) in enumerate(pages):
                async with readers.turn():
                    try:
                        out.append(
                            await readers.read(
                                content,
                                url=f"http://127.0.0.1/{i}.html",
                                content_type="text/html",
                                body=None,
                                link=link,
                            )
                        )
                    except ExtractError as exc:
                        out.append((type(exc), exc.message, exc.url))
        return out

    return asyncio.run(go())


def test_workers_read_what_this_process_reads() -> None:
    pages: list[tuple[bytes, Link | None]] = [(PAGE, None), (NOT_AN_ARTICLE, None)]
    inline, pooled = read_all(10, pages), read_all(0, pages)
    assert inline == pooled
    first = inline[0]
    assert isinstance(first, Reading)
    assert first.mentions == ["shq"]
    assert [f.quantity.value for f in first.figures] == [501]
    assert inline[1][0] is ExtractError  # type: ignore[index]


def test_pages_sent_at_once_are_read_in_batches_each_answered_as_read_alone() -> None:
    # A worker takes the pages queued for it at once (their articles, then their figures):
    # each answer is still its own page's, in order, a non-article's error and a link's stand-in
    # among them.
    when = datetime(2024, 10, 20, tzinfo=TZ)
    pages: list[tuple[bytes, Link | None]] = [
        (PAGE, None),
        (NOT_AN_ARTICLE, None),
        (PAGE.replace(b"501", b"502"), None),
        (NOT_AN_ARTICLE, Link("x", "链接标题", when)),
    ] * 5

    async def at_once() -> list[object]:
        async with Readers(4, tz=TZ, targets=TARGETS, inline_pages=0) as readers:

            async def one(i: int, content: bytes, link: Link | None) -> object:
                async with readers.turn():
                    try:
                        return await readers.read(
                            content,
                            url=f"http://127.0.0.1/{i}.html",
                            content_type="text/html",
                            body=None,
                            link=link,
                        )
                    except ExtractError as exc:
                        return (type(exc), exc.message, exc.url)

            return list(await asyncio.gather(*(one(i, c, lk) for i, (c, lk) in enumerate(pages))))

    assert asyncio.run(at_once()) == read_all(len(pages), pages)


def test_a_worker_takes_the_jobs_queued_for_it_up_to_a_batch() -> None:
    ours, theirs = multiprocessing.Pipe(duplex=False)
    jobs = [
        (bytes(100 * n), f"http://127.0.0.1/{n}.html", None, None, None, ()) for n in range(1, 6)
    ]
    for job in jobs:
        theirs.send_bytes(pickle.dumps(job))
    assert _take(ours, 3, 1 << 20) == jobs[:3]  # no more than a batch
    assert _take(ours, 3, 1) == jobs[3:4]  # nor more bytes than a batch holds: one page at least
    theirs.close()
    assert _take(ours, 3, 1 << 20) == jobs[4:]  # what is left before the end of the jobs
    with pytest.raises(EOFError):
        _take(ours, 3, 1 << 20)


def test_workers_come_from_a_forkserver_when_other_threads_run() -> None:
    # Forking beside a running thread could copy a lock it holds: a forkserver is used then.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert start_method() in ("forkserver", None)
        pooled = read_all(0, [(PAGE, None)])
    finally:
        stop.set()
        other.join()
    assert pooled == read_all(10, [(PAGE, None)])


@pytest.mark.parametrize("inline_pages", [10, 0], ids=["inline", "workers"])
def test_a_linked_page_that_is_no_article_is_remembered_empty(inline_pages: int) -> None:
    when = datetime(2024, 10, 20, tzinfo=TZ)
    [reading] = read_all(inline_pages, [(NOT_AN_ARTICLE, Link("x", "链接标题", when))])
    assert isinstance(reading, Reading)
    assert (reading.article.title, reading.article.text, reading.article.published) == (
        "链接标题",
        "",
        when,
    )


def test_read_returns_extract_errors_as_values() -> None:
    outcome = read(
        NOT_AN_ARTICLE,
        url="http://127.0.0.1/x",
        content_type=None,
        body=None,
        tz=TZ,
        targets=TARGETS,
    )
    assert isinstance(outcome, tuple)
    assert outcome[0]  # the message, a plain value that crosses a process boundary


def _one_read(readers: Readers, i: int = 0) -> object:
    async def go() -> object:
        async with readers.turn():
            return await readers.read(
                PAGE, url=f"http://127.0.0.1/{i}.html", content_type="text/html", body=None
            )

    return go()


def test_workers_start_at_once_for_a_pass_of_new_pages_and_stop_with_it() -> None:
    async def go() -> tuple[int, object]:
        # expected_pages above inline_pages: workers start before the first page arrives,
        # and every page goes to them.
        async with Readers(4, tz=TZ, targets=TARGETS, expected_pages=100) as readers:
            started = len(multiprocessing.active_children())
            reading = await _one_read(readers)
        return started, reading

    started, reading = asyncio.run(go())
    assert started >= 1
    assert reading == read_all(10, [(PAGE, None)])[0]
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_fails_its_pages_with_a_clear_error() -> None:
    async def go() -> None:
        async with Readers(4, tz=TZ, targets=TARGETS, inline_pages=0) as readers:
            await _one_read(readers)
            for child in multiprocessing.active_children():
                os.kill(child.pid or 0, signal.SIGKILL)

            async def eight_pages() -> None:  # whichever worker a page goes to, it is gone
                for i in range(8):
                    await _one_read(readers, i)

            with pytest.raises(MonitorError, match="reading worker stopped"):
                await eight_pages()

    asyncio.run(go())


def test_pages_that_ask_for_workers_at_once_start_one_set() -> None:
    from monitor.figures.readers import worker_count

    async def go() -> tuple[int, list[object]]:
        async with Readers(32, tz=TZ, targets=TARGETS, inline_pages=0) as readers:
            readings = await asyncio.gather(*(_one_read(readers, i) for i in range(24)))
            return len(multiprocessing.active_children()), list(readings)

    started, readings = asyncio.run(go())
    assert started == worker_count()  # each page that came while they started made more
    assert readings == read_all(10, [(PAGE, None)] * 24)


BUG_IN_A_WORKER = """
import asyncio
from zoneinfo import ZoneInfo
from monitor.pages import extract
from monitor.figures.readers import Readers

def broken(*args, **kwargs):
    raise ValueError("a bug")

extract.extract = broken  # the workers fork from here, patch included

async def main():
    async with Readers(4, tz=ZoneInfo("UTC"), targets=(), inline_pages=0) as readers:
        async with readers.turn():
            await readers.read(b"<p>x</p>", url="http://127.0.0.1/1.html",
                               content_type="text/html", body=None)

try:
    asyncio.run(main())
except ValueError as exc:
    print("raised:", exc)
"""


def test_a_bug_in_a_worker_is_raised_in_the_pass() -> None:
    # A fresh interpreter has no other threads, so its workers fork and see the patch.
    out = subprocess.run(
        [sys.executable, "-c", BUG_IN_A_WORKER], capture_output=True, text=True, timeout=60
    )
    assert out.stdout.strip() == "raised: a bug", out.stderr


WORKERS_THEN_WAIT = """
import asyncio, multiprocessing, sys
from zoneinfo import ZoneInfo
from monitor.figures.readers import Readers

async def main():
    async with Readers(4, tz=ZoneInfo("UTC"), targets=(), expected_pages=100):
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        await asyncio.sleep(60)

asyncio.run(main())
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_exit_when_their_pass_is_killed() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", WORKERS_THEN_WAIT], stdout=subprocess.PIPE, text=True
    ) as pass_:
        assert pass_.stdout is not None
        workers = [int(pid) for pid in pass_.stdout.readline().split()]
        assert workers
        pass_.kill()
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(w) for w in workers)
