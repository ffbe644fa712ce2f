"""One monitor at a time per state folder: an flock on `state/monitor.lock`.

The kernel drops the lock when its holder dies, so a killed run never leaves a stale lock;
the holder's pid is written into the file only so that the message can name it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from monitor.errors import StateError

LOCK_NAME = "monitor.lock"
POLL = 0.1  # seconds between two tries while waiting


def lock_path(state_dir: Path) -> Path:
    return state_dir / LOCK_NAME


@contextmanager
def hold(path: Path, *, wait: float = 30.0, what: str | None = None) -> Iterator[None]:
    """Hold the lock at `path` for the block, waiting up to `wait` seconds for another holder.

    Raises StateError naming the holder's pid when it is still held after `wait` seconds.
    """
    what = what or str(path.parent)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StateError(
            f"cannot create the lock file: {exc.strerror}",
            where=str(path),
            hint="pass --state DIR with a folder you can write to",
        ) from exc
    try:
        _acquire(fd, path, wait=wait, what=what)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # the lock goes with the fd; an empty file names nobody
    finally:
        os.close(fd)


def holder(path: Path) -> int | None:
    """The pid written by the process holding the lock, if it wrote one."""
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def in_use(path: Path) -> int | None:
    """The pid of a live holder (0 if it wrote none), or None when nobody holds the lock."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return holder(path) or 0
    finally:
        os.close(fd)  # closing drops the shared lock if we got it
    return None


def _acquire(fd: int, path: Path, *, wait: float, what: str) -> None:
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                break
            time.sleep(POLL)
    pid = holder(path)
    who = f"pid {pid}" if pid else "pid unknown"
    raise StateError(
        f"another monitor ({who}) is using {what}; gave up after waiting {wait:g} s: let it "
        "finish, stop the daemon, or pass --wait SECONDS to wait longer"
    )
