"""What SQLite and the file system say when the state cannot be used, as one StateError.

A full disk, a damaged database page or a read-only state folder is the user's to fix, not a
bug: `state_error(exc, where)` names it and says what to do, or returns None for anything
else (which stays a bug).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from monitor.errors import StateError

_KEEP = "nothing is lost: the next run does this pass's work again"
_FULL = (
    "the disk holding the state is full",
    f"free some space or pass --state DIR on another disk; {_KEEP}",
)
_READ_ONLY = (
    "the state cannot be written (a read-only folder or file?)",
    "make the state folder and its files writable for this user, or pass --state DIR",
)
_DAMAGED = (
    "the state database is damaged",
    "move it aside (e.g. monitor.db → monitor.db.broken) to start afresh, or restore a"
    " backup; digests already in the outbox are never overwritten",
)
_IO = ("the state database could not be read or written (disk I/O error)", "check the disk")

# SQLite's primary result codes (sqlite_errorname, Python 3.11+) and what each means to a user.
_SQLITE: dict[str, tuple[str, str]] = {
    "SQLITE_FULL": _FULL,
    "SQLITE_READONLY": _READ_ONLY,
    "SQLITE_CANTOPEN": _READ_ONLY,
    "SQLITE_PERM": _READ_ONLY,
    "SQLITE_CORRUPT": _DAMAGED,
    "SQLITE_NOTADB": _DAMAGED,
    "SQLITE_IOERR": _IO,
}
_ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOSPC: _FULL,
    errno.EDQUOT: ("the disk quota for the state is used up", _FULL[1]),
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _READ_ONLY,
    errno.EPERM: _READ_ONLY,
    errno.EIO: _IO,
}


def state_error(
    exc: BaseException, where: Path | str | None, *, untouched: bool = False
) -> StateError | None:
    """The user-side condition behind `exc` as one StateError, or None if it is none of them;
    `untouched`: it came before anything was written, and the message says so."""
    found: tuple[str, str] | None = None
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        found = next((v for k, v in _SQLITE.items() if name.startswith(k)), None)
        if found is None and "database or disk is full" in str(exc):
            found = _FULL
    elif isinstance(exc, OSError) and exc.errno is not None:
        found = _ERRNO.get(exc.errno)
        where = exc.filename or where
    if found is None:
        return None
    message, hint = found
    if untouched:
        hint += "; nothing was changed"
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    error = StateError(f"{message} ({detail})", where=str(where) if where else None, hint=hint)
    error.__cause__ = exc
    return error
