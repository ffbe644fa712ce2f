"""Reading workers forked from one process that imported reading's modules once: `Zygote` is
forked at a run's start, before the watchlist is read, and imports extraction and figures on
the other core while this process reads the watchlist (~60 ms of CPU, which each worker spent
again after its own fork); told the pass's targets, it forks the workers (`Hatched`), waits for
them and reports their exit codes. Linux only (pidfds); elsewhere workers fork as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import select
import signal
import struct
from collections.abc import Sequence
from contextlib import suppress
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any
from zoneinfo import ZoneInfo

from monitor.figures.workers import Then, serve, widen
from monitor.models import Target

# A page read once before the workers fork, so that what reading makes on its first page
# (patterns compiled on first use, lazy imports: ~20 ms of CPU) is made once, not per worker.
_SAMPLE = (
    "<html><head><meta charset='utf-8'><title>便民生活圈建设提速</title></head><body>"
    "<div class='article'><h1>便民生活圈建设提速</h1><p>发布时间：2024-10-20</p>"
    "<p>截至目前，本市已建成501个一刻钟便民生活圈，今年将新建80个，同比增长5.2%。</p>"
    "<table><tr><th>区</th><th>年度任务</th><th>完成数</th></tr>"
    "<tr><td>东城区</td><td>10</td><td>8</td></tr></table></div></body></html>"
).encode()
_EXIT = struct.Struct("=ii")  # a worker's pid and exit code, as the zygote reports them
_PIDS = struct.Struct("=i")


class Hatched:
    """A worker the zygote forked: a grandchild of this process, watched through a pidfd (it
    becomes readable when the worker exits); its pid and exit code come from the zygote. Its
    pid is asked for only when needed (the zygote may still be forking when pages are sent)."""

    def __init__(self, zygote: Zygote, number: int):
        self._zygote = zygote
        self._number = number
        self._sentinel: int | None = None

    @property
    def pid(self) -> int | None:
        return self._zygote.pid_of(self._number)

    @property
    def sentinel(self) -> int:
        if self._sentinel is None:
            pid = self.pid
            try:
                if pid is None:
                    raise ProcessLookupError
                self._sentinel = os.pidfd_open(pid)
            except ProcessLookupError:  # never forked, or gone already: reads as exited
                self._sentinel, gone = os.pipe()
                os.close(gone)
        return self._sentinel

    def is_alive(self) -> bool:
        return not _readable(self.sentinel, 0)

    def join(self, timeout: float | None = None) -> None:
        _readable(self.sentinel, timeout)

    def kill(self) -> None:
        with suppress(ProcessLookupError, OSError):
            signal.pidfd_send_signal(self.sentinel, signal.SIGKILL)

    @property
    def exitcode(self) -> int | None:
        pid = self.pid
        if pid is None or self.is_alive():
            return None
        return self._zygote.exit_code(pid)

    def close(self) -> None:
        if self._sentinel is not None:
            os.close(self._sentinel)


class Zygote:
    """`with Zygote.start(count) as z:` before the watchlist is read; then `z.hatch(tz,
    targets, then)` (in Readers) gives `count` workers, each with this process's ends of its
    job and answer pipes. A zygote never told to hatch exits when it is closed."""

    def __init__(self, process: BaseProcess, control: Connection, status: int, ends: list[Any]):
        self.process = process
        self._control = control  # setup goes down it; closing it ends an idle zygote
        self._status = status  # pids, then exit codes, come up it
        self._ends: list[tuple[Connection, Connection]] | None = ends  # ours: jobs, answers
        self._codes: dict[int, int] = {}
        self._hatched = 0  # workers asked for
        self._pids: list[int] | None = None  # theirs, read from the zygote when first needed

    @classmethod
    def start(cls, count: int) -> Zygote | None:
        """None where it cannot be used (no fork or pidfds, other threads running)."""
        if not hasattr(os, "pidfd_open") or "fork" not in multiprocessing.get_all_start_methods():
            return None
        import threading

        if threading.active_count() > 1:  # forking beside threads could copy a held lock
            return None
        ours: list[tuple[Connection, Connection]] = []
        theirs: list[tuple[Connection, Connection]] = []
        for _ in range(count):
            their_jobs, our_jobs = multiprocessing.Pipe(duplex=False)
            our_answers, their_answers = multiprocessing.Pipe(duplex=False)
            widen(our_jobs)
            widen(our_answers)
            ours.append((our_jobs, our_answers))
            theirs.append((their_jobs, their_answers))
        their_control, control = multiprocessing.Pipe(duplex=False)
        status, their_status = os.pipe()
        mine = [c.fileno() for pair in ours for c in pair] + [control.fileno(), status]
        process = multiprocessing.get_context("fork").Process(
            target=_zygote,
            args=(their_control, their_status, theirs, mine),
            name="monitor-zygote",
            daemon=True,
        )
        process.start()
        for pair in theirs:
            for connection in pair:
                connection.close()
        their_control.close()
        os.close(their_status)
        return cls(process, control, status, ours)

    def hatch(
        self, tz: ZoneInfo, targets: tuple[Target, ...], then: Then[Any]
    ) -> list[tuple[Hatched, Connection, Connection]]:
        """The workers, reading with these targets, their pipes ready for pages while the
        zygote forks them; [] when the zygote has gone or hatched already (then the caller
        forks its own)."""
        ends, self._ends = self._ends, None
        if ends is None:
            return []
        try:
            if not self.process.is_alive():
                raise OSError("the zygote has exited")
            self._control.send_bytes(pickle.dumps((tz, targets, then)))
        except OSError:  # reading moves to workers of our own
            for pair in ends:
                for connection in pair:
                    connection.close()
            return []
        self._hatched = len(ends)
        return [(Hatched(self, n), jobs, answers) for n, (jobs, answers) in enumerate(ends)]

    def pid_of(self, number: int) -> int | None:
        """The pid of the `number`th worker hatched; None if the zygote died before it forked
        them all."""
        if self._pids is None:
            data = _read_exactly(self._status, _PIDS.size * self._hatched)
            self._pids = [p for (p,) in _PIDS.iter_unpack(data[: len(data) // 4 * 4])]
        return self._pids[number] if number < len(self._pids) else None

    def exit_code(self, pid: int, wait: float = 1.0) -> int | None:
        """A hatched worker's exit code, once the zygote has reaped it (None if not yet)."""
        while pid not in self._codes and _readable(self._status, wait):
            data = _read_exactly(self._status, _EXIT.size)
            if len(data) < _EXIT.size:
                break
            worker, code = _EXIT.unpack(data)
            self._codes[worker] = code
        return self._codes.get(pid)

    def close(self) -> None:
        """An idle zygote exits; one that hatched exits after its workers (Readers stops them)."""
        if self._ends is not None:
            for pair in self._ends:
                for connection in pair:
                    connection.close()
            self._ends = None
        self._control.close()

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
        self.process.join(5.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        os.close(self._status)


def _zygote(
    control: Connection,
    status: int,
    ends: list[tuple[Connection, Connection]],
    inherited: Sequence[int],
) -> None:
    for fd in inherited:  # the pass's ends: end-of-file must reach the workers when it stops
        with suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the pass; the pass stops us
    from monitor.figures import tables  # noqa: F401  (what serve() imports: here, once)
    from monitor.pages import extract  # noqa: F401

    _warm_up()
    # What is alive now lives as long as the workers: their collector need not walk it (nor
    # write to it, which would copy the pages they share with us).
    gc.freeze()
    try:
        tz, targets, then = pickle.loads(control.recv_bytes())
    except (EOFError, OSError):
        return  # the pass needed no workers, or is gone
    pids = []
    for n, (jobs, answers) in enumerate(ends):
        pid = os.fork()
        if pid == 0:  # a worker: its own pipes only, then read until the pass ends
            code = 1
            try:
                for k, pair in enumerate(ends):
                    if k != n:
                        pair[0].close()
                        pair[1].close()
                control.close()
                os.close(status)
                serve(jobs, answers, tz, targets, then, ())
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    for pair in ends:
        pair[0].close()
        pair[1].close()
    control.close()
    with suppress(OSError):  # the pass may be gone; its workers still need reaping
        os.write(status, b"".join(_PIDS.pack(p) for p in pids))
    for _ in pids:
        pid, code = os.waitpid(-1, 0)
        with suppress(OSError):
            os.write(status, _EXIT.pack(pid, os.waitstatus_to_exitcode(code)))


def _warm_up() -> None:
    from monitor.figures.reading import read

    target = Target("sample", "一刻钟便民生活圈", ("一刻钟便民生活圈",), unit="个")
    with suppress(Exception):  # only a head start: a worker would do the same on its first page
        read(
            _SAMPLE,
            url="http://127.0.0.1/",
            content_type=None,
            body=None,
            tz=ZoneInfo("UTC"),
            targets=(target,),
        )


def _readable(fd: int, timeout: float | None) -> bool:
    return bool(select.select([fd], [], [], timeout)[0])


def _read_exactly(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return data
