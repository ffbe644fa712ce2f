"""The reading workers: processes that each read the pages sent down a pipe (`serve`), and this
process's end of each (`Worker`: jobs written, answers collected in order), started with
`start_method` and waited for with `reap`. `Readers` (readers.py) puts them to work.
"""

from __future__ import annotations

import asyncio
import ctypes
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
from typing import Any, NamedTuple, Protocol, TypeVar
from zoneinfo import ZoneInfo

from monitor.errors import MonitorError
from monitor.figures.reading import Reading, article_reading, page_article, read
from monitor.models import Article, Link, Target

# Seconds a worker may take to finish its page and exit when a pass ends, before it is killed.
EXIT_WAIT_SECONDS = 5.0
# Bytes a job pipe holds (Linux): room for the pages queued for one worker.
PIPE_BYTES = 1 << 20
_LENGTH = 4  # bytes of the big-endian length before each message to and from a worker
# Free memory a worker's heap keeps at its top (glibc's M_TOP_PAD): a page's parse and reading
# free what they made, and glibc gave the top of the heap back to the system after a page only to
# take it again for the next, zeroed, a fault per 4 KiB: 30,000-60,000 a worker in some passes.
_M_TOP_PAD = -2
HEAP_PAD = 64 << 20
# Jobs a worker takes at once from those already queued for it: it extracts each one's article,
# then reads each one's figures, then sends their answers in one write. A page's parse
# (lexbor's tree, ~1 MB touched) pushes figure reading's patterns and tables out of the core's
# cache, and figure reading pushes the parser's out in turn; in runs of pages each stays warm
# (the same instructions in 15-20 % less CPU). One write wakes the pass once for the batch.
BATCH = 16
BATCH_BYTES = 4 << 20  # and no more pages than this holds: a batch of big pages stays small


R = TypeVar("R")
# What the pass keeps of a page it read, made from its Reading and its content where the page
# was read (in a worker, in parallel): a pass stores rows, so its own process only writes them.
Then = Callable[[Reading, bytes], R]


def as_read(reading: Reading, content: bytes) -> Reading:
    """Readers' default `then`: the Reading itself."""
    return reading


class NotAnArticle(NamedTuple):
    """read()'s answer for a page that is not an article, as values: it crosses processes."""

    message: str
    hint: str | None


def read_then(
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
    return NotAnArticle(*outcome)


# A job, as it crosses to a worker: content, url, content type, body selector, link and the
# source's region. The time zone and targets are the same for every page of a pass: a worker
# gets them once.
Job = tuple[bytes, str, str | None, str | None, Link | None, tuple[str, ...]]
# A page's outcome: what `then` made of its Reading, or a non-article's message and hint.
Outcome = Any


class Process(Protocol):
    """A worker process as this process watches it: a multiprocessing Process, or a worker the
    zygote forked (zygote.Hatched)."""

    @property
    def sentinel(self) -> int: ...

    @property
    def exitcode(self) -> int | None: ...

    def is_alive(self) -> bool: ...

    def join(self, timeout: float | None = None) -> None: ...

    def kill(self) -> None: ...


class Worker:
    """This process's end of one worker: jobs are answered in the order they were sent.
    Messages are framed as multiprocessing.Connection frames them (a 4-byte signed length)."""

    def __init__(
        self,
        process: Process,
        jobs: asyncio.WriteTransport,
        answers: asyncio.ReadTransport,
        reader: asyncio.StreamReader,
    ):
        self.process = process
        self.jobs = jobs
        self.answers = answers
        self.reader = reader
        self.waiting: deque[asyncio.Future[Outcome]] = deque()
        self.gone: MonitorError | None = None  # set when the worker has stopped
        self.collector = asyncio.get_running_loop().create_task(self._collect())

    @classmethod
    async def connect(cls, process: Process, jobs: Connection, answers: Connection) -> Worker:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=1 << 20)
        answers_end, _ = await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(reader), answers
        )
        jobs_end, _ = await loop.connect_write_pipe(asyncio.Protocol, jobs)
        return cls(process, jobs_end, answers_end, reader)

    def submit(self, job: Job) -> asyncio.Future[Outcome]:
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
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


def widen(pipe: Connection) -> None:
    # A pipe holds 64 KiB, about one page: jobs queued for a worker would be written in
    # pieces, each a wake-up for both processes, and a worker whose answers this process has
    # not read yet would wait. Room for a few pages costs nothing.
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        with suppress(OSError):  # above /proc/sys/fs/pipe-max-size for this user
            fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def load(worker: Worker) -> int:
    return len(worker.waiting)


async def reap(processes: Sequence[Process]) -> None:
    """Wait (without blocking the loop) for workers to exit; kill those that will not."""
    try:
        async with asyncio.timeout(EXIT_WAIT_SECONDS):
            for process in processes:
                await _exited(process)
    except TimeoutError:
        for process in processes:
            if process.is_alive():
                process.kill()
    for process in processes:
        process.join()


async def _exited(process: Process) -> None:
    """Until the process has exited: its sentinel becomes readable then (no polling: a pass
    used to wait up to 5 ms more for its workers at its end)."""
    loop = asyncio.get_running_loop()
    gone: asyncio.Future[None] = loop.create_future()

    def ready() -> None:
        if not gone.done():
            gone.set_result(None)

    loop.add_reader(process.sentinel, ready)
    try:
        if process.is_alive():
            await gone
    finally:
        loop.remove_reader(process.sentinel)


def serve(
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
    _keep_heap()
    # Reading's modules are imported here, on this worker's core, while the pass sends its
    # first requests: imported in the pass's process before forking, they held those up.
    from monitor.figures import tables  # noqa: F401
    from monitor.pages import extract  # noqa: F401

    while True:
        try:
            batch = _take(jobs, BATCH, BATCH_BYTES)
        except (EOFError, OSError):
            return  # the pass is over, or gone
        articles = [_article(job, tz) for job in batch]
        frames = []
        for (content, url, _, _, _, region), article in zip(batch, articles, strict=True):
            answer = _answer(then, content, article, targets, region)
            try:
                data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                data = pickle.dumps(RuntimeError(f"reading {url} failed: {answer!r}"))
            frames.append(_frame(data))
        try:
            _write_all(answers.fileno(), b"".join(frames))
        except OSError:
            return  # the pass is gone


def _take(jobs: Connection, most: int, most_bytes: int) -> list[Job]:
    """The next job (waited for), and those already queued behind it, up to `most` jobs in all
    or until their pages hold `most_bytes`."""
    batch: list[Job] = [pickle.loads(jobs.recv_bytes())]
    size = len(batch[0][0])
    with suppress(EOFError, OSError):  # the next call meets it again, and returns
        while len(batch) < most and size < most_bytes and jobs.poll():
            batch.append(pickle.loads(jobs.recv_bytes()))
            size += len(batch[-1][0])
    return batch


def _frame(data: bytes) -> bytes:
    """A message as Connection.send_bytes frames it: its length (4 bytes, signed; -1 and 8 more
    from 2 GiB on), then the bytes."""
    if len(data) > 0x7FFFFFFF:
        return (-1).to_bytes(_LENGTH, "big", signed=True) + len(data).to_bytes(8, "big") + data
    return len(data).to_bytes(_LENGTH, "big", signed=True) + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _article(job: Job, tz: ZoneInfo) -> Article | tuple[str, str | None] | Exception:
    content, url, content_type, body, link, _ = job
    try:
        return page_article(
            content, url=url, content_type=content_type, body=body, tz=tz, link=link
        )
    except Exception as exc:  # a bug in reading: the pass reports it as its own
        return exc


def _answer(
    then: Then[Any],
    content: bytes,
    article: Article | tuple[str, str | None] | Exception,
    targets: Sequence[Target],
    region: tuple[str, ...],
) -> object:
    """What the worker sends back for a page: as read_then's, or the exception reading it."""
    if isinstance(article, Exception):
        return article
    if not isinstance(article, Article):
        return NotAnArticle(*article)
    try:
        return then(article_reading(article, targets=targets, region=region), content)
    except Exception as exc:  # a bug in reading: the pass reports it as its own
        return exc


def _keep_heap() -> None:
    """Have the C library keep HEAP_PAD of free memory at the heap's top rather than give it
    back after each page (glibc; elsewhere nothing changes). Only pages written to take memory:
    the peak a worker holds is what its largest page needs, as before."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_TOP_PAD, HEAP_PAD)


def start_method() -> str | None:
    # fork: workers start in milliseconds with every module already imported. But forking a
    # process that runs other threads (the daemon's scheduler, asyncio's resolver) can copy a
    # lock some thread holds; then workers come from a clean forkserver instead.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else None
