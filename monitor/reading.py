"""Reading a fetched page: the article (extract), its figures and the targets it mentions.

`read(...) -> Reading` is pure; `Readers` runs it in this process for a short pass and moves it
to worker processes once a pass has many pages, so that reading uses every core while this
process fetches and stores.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from types import TracebackType
from zoneinfo import ZoneInfo

from monitor import extract, figures
from monitor.errors import ExtractError
from monitor.models import Article, Figure, Link, Target

# Pages read in this process before reading moves to workers: a worker costs ~10 ms to fork,
# so small passes (and the tests) never start one.
INLINE_PAGES = 48
# Worker processes: one per core, up to this many; this process keeps fetching and storing.
MAX_WORKERS = 4
# Pages fetched but not yet read, per worker: enough to keep workers busy, few enough that a
# pass never holds many page bodies at once.
QUEUED_PER_WORKER = 4
# How often a worker checks that its pass is still alive.
PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True)
class Reading:
    article: Article
    figures: list[Figure]
    mentions: list[str]  # ids of the targets the article names


def read(
    content: bytes,
    *,
    url: str,
    content_type: str | None,
    body: str | None,
    tz: ZoneInfo,
    targets: Sequence[Target],
    link: Link | None = None,
) -> Reading | tuple[str, str | None]:
    """What a page says; for a page that is not an article, the ExtractError's message and
    hint (values, so they cross a process boundary), unless `link` stands in for it."""
    try:
        article = extract.extract(
            content, url=url, content_type=content_type, body_selector=body, tz=tz
        )
    except ExtractError as exc:
        if link is None:
            return exc.message, exc.hint
        # A linked page that is no article is remembered, so it is not fetched again.
        article = Article(url=url, title=link.title or url, published=link.published, text="")
    if link is not None and article.published is None and link.published is not None:
        article = Article(article.url, article.title, link.published, article.text)
    published = article.published.date() if article.published else None
    found = figures.find_figures(article.text, targets, published=published)
    return Reading(article, found, mentioned(article.text, targets))


def mentioned(text: str, targets: Sequence[Target]) -> list[str]:
    """Targets whose keyword, and region where one is set, the article names."""
    return [
        t.id
        for t in targets
        if any(k in text for k in t.keywords) and (not t.region or any(r in text for r in t.region))
    ]


class Readers:
    """Within a pass: `async with Readers(16) as r:`, then for each page
    `async with r.turn(): page = fetch(...); reading = await r.read(page.content, ...)`."""

    def __init__(self, in_flight: int, *, inline_pages: int = INLINE_PAGES):
        """`in_flight`: requests the fetcher may have open at once (its concurrency)."""
        self._inline_left = inline_pages
        self._pool: ProcessPoolExecutor | None = None
        self._workers = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
        # Every request in flight plus a few pages queued per worker: no more page bodies
        # than that are ever held at once, however many sources the watchlist has.
        self._room = asyncio.Semaphore(max(1, in_flight) + self._workers * QUEUED_PER_WORKER)

    async def __aenter__(self) -> Readers:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Hold one of the few places for a page between fetching and reading it: fetching
        waits when reading falls behind, so page bodies never pile up in memory."""
        async with self._room:
            yield

    async def read(
        self,
        content: bytes,
        *,
        url: str,
        content_type: str | None,
        body: str | None,
        tz: ZoneInfo,
        targets: Sequence[Target],
        link: Link | None = None,
    ) -> Reading:
        """The page's Reading; ExtractError for a page that is not an article (no `link`)."""
        job = partial(
            read,
            content,
            url=url,
            content_type=content_type,
            body=body,
            tz=tz,
            targets=targets,
            link=link,
        )
        if self._pool is None and self._inline_left > 0:
            self._inline_left -= 1
            outcome = job()
        else:
            if self._pool is None:
                self._pool = _pool(self._workers)
            outcome = await asyncio.get_running_loop().run_in_executor(self._pool, job)
        if isinstance(outcome, Reading):
            return outcome
        message, hint = outcome
        raise ExtractError(message, url=url, hint=hint)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(_start_method()), initializer=_watch_parent
    )


def _start_method() -> str | None:
    # fork: workers start in milliseconds with every module already imported. But forking a
    # process that runs other threads (the daemon's scheduler, asyncio's resolver) can copy a
    # lock some thread holds; then workers come from a clean forkserver instead.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else None


def _watch_parent() -> None:
    """In a worker: exit when the process that started us is gone (a pass killed, say), rather
    than wait forever on a queue whose other end a forked sibling still holds open."""
    parent = os.getppid()  # the pass, or the forkserver, which ends with the pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()
