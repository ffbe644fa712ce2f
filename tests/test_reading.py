"""Reading pages in this process and in worker processes gives the same answers."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from monitor.errors import ExtractError
from monitor.models import Link, Target
from monitor.reading import Readers, Reading, _start_method, read

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
        async with Readers(4, inline_pages=inline_pages) as readers:
            for i, (content, link) in enumerate(pages):
                async with readers.turn():
                    try:
                        out.append(
                            await readers.read(
                                content,
                                url=f"http://127.0.0.1/{i}.html",
                                content_type="text/html",
                                body=None,
                                tz=TZ,
                                targets=TARGETS,
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


def test_workers_come_from_a_forkserver_when_other_threads_run() -> None:
    # Forking beside a running thread could copy a lock it holds: a forkserver is used then.
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert _start_method() in ("forkserver", None)
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
