"""Reading a pass's pages: `Readers` runs `read` in this process for a short pass and moves it
to worker processes once a pass has many pages, so that reading uses every core while this
process fetches and stores. What a worker sends back is what the pass's `then` makes of a page.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, Generic, TypeVar, overload
from zoneinfo import ZoneInfo

from monitor.errors import ExtractError
from monitor.figures.reading import Reading
from monitor.figures.workers import (
    Job,
    NotAnArticle,
    Outcome,
    Then,
    Worker,
    as_read,
    load,
    read_then,
    reap,
    serve,
    start_method,
    widen,
)
from monitor.figures.zygote import Hatched, Zygote
from monitor.models import Link, Target

# Pages read in this process before reading moves to workers: a worker costs ~10 ms to fork,
# so small passes (and the tests) never start one.
INLINE_PAGES = 48
# Worker processes: one per core, up to this many; this process keeps fetching and storing.
MAX_WORKERS = 4
# Pages fetched but not yet read, per worker: enough that a worker never waits while this
# process is busy storing or off the CPU (4 left each worker idle a sixth of a first pass;
# 16: 0.1 s faster on 2000 pages), few enough that a pass holds at most ~50 page bodies.
QUEUED_PER_WORKER = 16


def worker_count() -> int:
    """Worker processes a pass with many pages reads with."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


R = TypeVar("R")


class Readers(Generic[R]):
    """Within a pass: `async with Readers(16, tz=tz, targets=targets) as r:`, then for each page
    `async with r.turn(): page = fetch(...); reading = await r.read(page.content, ...)`."""

    @overload
    def __init__(
        self: Readers[Reading],
        in_flight: int,
        *,
        tz: ZoneInfo,
        targets: Sequence[Target],
        inline_pages: int = INLINE_PAGES,
        expected_pages: int = 0,
        zygote: Zygote | None = None,
    ): ...

    @overload
    def __init__(
        self: Readers[R],
        in_flight: int,
        *,
        tz: ZoneInfo,
        targets: Sequence[Target],
        inline_pages: int = INLINE_PAGES,
        expected_pages: int = 0,
        zygote: Zygote | None = None,
        then: Then[R],
    ): ...

    def __init__(
        self,
        in_flight: int,
        *,
        tz: ZoneInfo,
        targets: Sequence[Target],
        inline_pages: int = INLINE_PAGES,
        expected_pages: int = 0,
        zygote: Zygote | None = None,
        then: Then[Any] = as_read,
    ):
        """`in_flight`: requests the fetcher may have open at once (its concurrency).
        `expected_pages`: pages the pass will surely read; when they are more than
        `inline_pages`, the workers start at once, while the first pages are still fetched.
        `then(reading, content)`: what `read` returns for a page (a module-level function: it
        runs in the workers); the Reading itself by default. `zygote`: the run's, forked at its
        start (zygote.py): the workers come from it, their modules imported already."""
        self._then = then
        self._zygote = zygote
        self._tz = tz
        self._targets = tuple(targets)
        self._inline_left = inline_pages
        self._start_now = expected_pages > inline_pages
        self._workers: list[Worker] = []
        # One start, however many pages ask for workers at once: a start awaits (each worker's
        # pipes are connected to the loop), and pages that came meanwhile each started a set
        # of their own (a first pass through 41 list pages forked 22 workers).
        self._starting = asyncio.Lock()
        self._count = worker_count()
        # Every request in flight plus a few pages queued per worker: no more page bodies
        # than that are ever held at once, however many sources the watchlist has.
        self._room = asyncio.Semaphore(max(1, in_flight) + self._count * QUEUED_PER_WORKER)

    async def __aenter__(self) -> Readers[R]:
        if self._start_now:
            await self._start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.close()
        for worker in workers:
            with suppress(asyncio.CancelledError):
                await worker.collector
        await reap([w.process for w in workers])
        for worker in workers:
            if isinstance(worker.process, Hatched):
                worker.process.close()

    def turn(self) -> asyncio.Semaphore:
        """`async with` it to hold one of the few places for a page between fetching and
        reading it: fetching waits when reading falls behind, so page bodies never pile up."""
        return self._room

    async def read(
        self,
        content: bytes,
        *,
        url: str,
        content_type: str | None,
        body: str | None,
        link: Link | None = None,
        region: tuple[str, ...] = (),
    ) -> R:
        """What `then` makes of the page's Reading; ExtractError for a page that is not an
        article (no `link`)."""
        outcome: Outcome
        if not self._workers and self._inline_left > 0:
            self._inline_left -= 1
            outcome = read_then(
                self._then,
                content,
                url=url,
                content_type=content_type,
                body=body,
                tz=self._tz,
                targets=self._targets,
                link=link,
                region=region,
            )
        else:
            if not self._workers:
                async with self._starting:
                    if not self._workers:
                        await self._start()
            job: Job = (content, url, content_type, body, link, region)
            outcome = await min(self._workers, key=load).submit(job)
        if isinstance(outcome, NotAnArticle):
            raise ExtractError(outcome.message, url=url, hint=outcome.hint)
        result: R = outcome
        return result

    async def _start(self) -> None:
        """One worker per core, each on two pipes: jobs go one way and readings come back,
        without the threads and queues of a ProcessPoolExecutor (~0.3 ms a page here)."""
        if self._zygote is not None:
            hatched = self._zygote.hatch(self._tz, self._targets, self._then)
            for worker, our_jobs, our_answers in hatched:
                self._workers.append(await Worker.connect(worker, our_jobs, our_answers))
            if self._workers:
                return
        context = multiprocessing.get_context(start_method())
        forked = context.get_start_method() == "fork"
        ours: list[Connection] = []  # this process's ends: job writers, answer readers
        try:
            for _ in range(self._count):
                their_jobs, our_jobs = multiprocessing.Pipe(duplex=False)
                our_answers, their_answers = multiprocessing.Pipe(duplex=False)
                widen(our_jobs)
                widen(our_answers)
                ours += (our_jobs, our_answers)
                # A forked worker closes its copies of our ends (its siblings' too): then
                # end-of-file reaches it as soon as the pass ends or dies.
                inherited = tuple(c.fileno() for c in ours) if forked else ()
                process: BaseProcess = context.Process(  # type: ignore[attr-defined]
                    target=serve,
                    args=(
                        their_jobs,
                        their_answers,
                        self._tz,
                        self._targets,
                        self._then,
                        inherited,
                    ),
                    name="monitor-reader",
                    daemon=True,
                )
                process.start()
                their_jobs.close()
                their_answers.close()
                self._workers.append(await Worker.connect(process, our_jobs, our_answers))
        except BaseException:
            for connection in ours:
                connection.close()
            raise
