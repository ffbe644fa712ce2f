"""Reading a pass's pages: `Readers` runs `read` in this process for a short pass and moves it
to worker processes once a pass has many pages, so that reading uses every core while this
process fetches and stores. What a worker sends back is what the pass's `then` makes of a page.
"""

from __future__ import annotations

import asyncio
import fcntl
import multiprocessing
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, Generic, NamedTuple, TypeVar, overload
from zoneinfo import ZoneInfo

from monitor.errors import ExtractError, MonitorError
from monitor.figures.reading import Reading, read
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
# Seconds a worker may take to finish its page and exit when a pass ends, before it is killed.
EXIT_WAIT_SECONDS = 5.0
# Bytes a job pipe holds (Linux): room for the pages queued for one worker.
PIPE_BYTES = 1 << 20
_LENGTH = 4  # bytes of the big-endian length before each message to and from a worker


R = TypeVar("R")
# What the pass keeps of a page it read, made from its Reading and its content where the page
# was read (in a worker, in parallel): a pass stores rows, so its own process only writes them.
Then = Callable[[Reading, bytes], R]


def as_read(reading: Reading, content: bytes) -> Reading:
    """Readers' default `then`: the Reading itself."""
    return reading


class _NotAnArticle(NamedTuple):
    """read()'s answer for a page that is not an article, as values: it crosses processes."""

    message: str
    hint: str | None


def _read_then(
    then: Then[Any],
    content: bytes,
    *,
    url: str,
    content_type: str | None,
    body: str | None,
    tz: ZoneInfo,
    targets: Sequence[Target],
    link: Link | None,
    region: tuple[str, ...],
) -> object:
    outcome = read(
        content,
        url=url,
        content_type=content_type,
        body=body,
        tz=tz,
        targets=targets,
        link=link,
        region=region,
    )
    if isinstance(outcome, Reading):
        return then(outcome, content)
    return _NotAnArticle(*outcome)


# A job, as it crosses to a worker: content, url, content type, body selector, link and the
# source's region. The time zone and targets are the same for every page of a pass: a worker
# gets them once.
_Job = tuple[bytes, str, str | None, str | None, Link | None, tuple[str, ...]]
# A page's outcome: what `then` made of its Reading, or a non-article's message and hint.
_Outcome = Any


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
        then: Then[Any] = as_read,
    ):
        """`in_flight`: requests the fetcher may have open at once (its concurrency).
        `expected_pages`: pages the pass will surely read; when they are more than
        `inline_pages`, the workers start at once, while the first pages are still fetched.
        `then(reading, content)`: what `read` returns for a page (a module-level function: it
        runs in the workers); the Reading itself by default."""
        self._then = then
        self._tz = tz
        self._targets = tuple(targets)
        self._inline_left = inline_pages
        self._start_now = expected_pages > inline_pages
        self._workers: list[_Worker] = []
        self._count = max(1, min(MAX_WORKERS, os.cpu_count() or 1))
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
        await _reap([w.process for w in workers])

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
        outcome: _Outcome
        if not self._workers and self._inline_left > 0:
            self._inline_left -= 1
            outcome = _read_then(
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
                await self._start()
            job: _Job = (content, url, content_type, body, link, region)
            outcome = await min(self._workers, key=_load).submit(job)
        if isinstance(outcome, _NotAnArticle):
            raise ExtractError(outcome.message, url=url, hint=outcome.hint)
        result: R = outcome
        return result

    async def _start(self) -> None:
        """One worker per core, each on two pipes: jobs go one way and readings come back,
        without the threads and queues of a ProcessPoolExecutor (~0.3 ms a page here)."""
        from monitor.pages import extract  # noqa: F401  # once here, not in each worker

        context = multiprocessing.get_context(_start_method())
        forked = context.get_start_method() == "fork"
        ours: list[Connection] = []  # this process's ends: job writers, answer readers
        try:
            for _ in range(self._count):
                their_jobs, our_jobs = multiprocessing.Pipe(duplex=False)
                our_answers, their_answers = multiprocessing.Pipe(duplex=False)
                _widen(our_jobs)
                ours += (our_jobs, our_answers)
                # A forked worker closes its copies of our ends (its siblings' too): then
                # end-of-file reaches it as soon as the pass ends or dies.
                inherited = tuple(c.fileno() for c in ours) if forked else ()
                process: BaseProcess = context.Process(  # type: ignore[attr-defined]
                    target=_serve,
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
                self._workers.append(await _Worker.connect(process, our_jobs, our_answers))
        except BaseException:
            for connection in ours:
                connection.close()
            raise


class _Worker:
    """This process's end of one worker: jobs are answered in the order they were sent.
    Messages are framed as multiprocessing.Connection frames them (a 4-byte signed length)."""

    def __init__(
        self,
        process: BaseProcess,
        jobs: asyncio.WriteTransport,
        answers: asyncio.ReadTransport,
        reader: asyncio.StreamReader,
    ):
        self.process = process
        self.jobs = jobs
        self.answers = answers
        self.reader = reader
        self.waiting: deque[asyncio.Future[_Outcome]] = deque()
        self.gone: MonitorError | None = None  # set when the worker has stopped
        self.collector = asyncio.get_running_loop().create_task(self._collect())

    @classmethod
    async def connect(cls, process: BaseProcess, jobs: Connection, answers: Connection) -> _Worker:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=1 << 20)
        answers_end, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), answers
        )
        jobs_end, _ = await loop.connect_write_pipe(asyncio.Protocol, jobs)
        return cls(process, jobs_end, answers_end, reader)

    def submit(self, job: _Job) -> asyncio.Future[_Outcome]:
        future: asyncio.Future[_Outcome] = asyncio.get_running_loop().create_future()
        if self.gone is not None:
            future.set_exception(self.gone)
            return future
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        # No drain: Readers.turn() bounds the pages in flight, so the buffer stays small.
        self.jobs.write(len(data).to_bytes(_LENGTH, "big", signed=True) + data)
        self.waiting.append(future)
        return future

    def close(self) -> None:
        self.jobs.close()  # the worker reads end-of-file and exits
        self.collector.cancel()

    async def _collect(self) -> None:
        try:
            while True:
                size = int.from_bytes(await self.reader.readexactly(_LENGTH), "big", signed=True)
                if size == -1:  # multiprocessing's frame for 2 GiB and more
                    size = int.from_bytes(await self.reader.readexactly(8), "big")
                answer = pickle.loads(await self.reader.readexactly(size))
                future = self.waiting.popleft()  # a cancelled reader still gets its answer
                if future.done():
                    continue
                if isinstance(answer, BaseException):
                    future.set_exception(answer)
                else:
                    future.set_result(answer)
        except (asyncio.IncompleteReadError, ConnectionError):
            self.process.join(1.0)  # it has closed its pipe: it is exiting, or has exited
            self.gone = MonitorError(
                f"a reading worker stopped (exit code {self.process.exitcode})",
                hint="it may have been killed or run out of memory; run the pass again",
            )
            while self.waiting:
                future = self.waiting.popleft()
                if not future.done():
                    future.set_exception(self.gone)
        finally:
            self.answers.close()


def _widen(pipe: Connection) -> None:
    # A pipe holds 64 KiB, about one page: jobs queued for a worker would be written in
    # pieces, each a wake-up for both processes. Room for a few pages costs nothing.
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        with suppress(OSError):  # above /proc/sys/fs/pipe-max-size for this user
            fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _load(worker: _Worker) -> int:
    return len(worker.waiting)


async def _reap(processes: Sequence[BaseProcess]) -> None:
    """Wait (without blocking the loop) for workers to exit; kill those that will not."""
    deadline = asyncio.get_running_loop().time() + EXIT_WAIT_SECONDS
    while any(p.is_alive() for p in processes):
        if asyncio.get_running_loop().time() > deadline:
            for p in processes:
                if p.is_alive():
                    p.kill()
                    p.join()
            return
        await asyncio.sleep(0.005)


def _serve(
    jobs: Connection,
    answers: Connection,
    tz: ZoneInfo,
    targets: tuple[Target, ...],
    then: Then[Any],
    inherited: Sequence[int],
) -> None:
    """A worker: read each job, answer with what `then` made of its Reading (or the error),
    and exit at end-of-file, which comes when the pass is over or has died (SIGKILL included)."""
    for fd in inherited:
        with suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the pass; the pass stops us
    while True:
        try:
            content, url, content_type, body, link, region = pickle.loads(jobs.recv_bytes())
        except (EOFError, OSError):
            return  # the pass is over, or gone
        answer: object
        try:
            answer = _read_then(
                then,
                content,
                url=url,
                content_type=content_type,
                body=body,
                tz=tz,
                targets=targets,
                link=link,
                region=region,
            )
        except Exception as exc:  # a bug in reading: the pass reports it as its own
            answer = exc
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            data = pickle.dumps(RuntimeError(f"reading {url} failed: {answer!r}"))
        try:
            answers.send_bytes(data)
        except OSError:
            return  # the pass is gone


def _start_method() -> str | None:
    # fork: workers start in milliseconds with every module already imported. But forking a
    # process that runs other threads (the daemon's scheduler, asyncio's resolver) can copy a
    # lock some thread holds; then workers come from a clean forkserver instead.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else None
