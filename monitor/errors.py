"""The one error tree. `str(err)` is the message a user sees: where, what, and what to do.

MonitorError
 ├── WatchlistError   the watchlist file is wrong (one or more problems, each with file:line)
 ├── UsageError       the command line names something that is not there (a target id)
 ├── FetchError       a URL could not be fetched within the limits (URL + reason)
 ├── ExtractError     a page is not an article we can read (URL + reason)
 ├── StateError       the state folder or database cannot be used
 └── DeliveryError    a digest could not be delivered (it stays pending and is retried)
"""

from __future__ import annotations

# Control characters as their escapes (\r, \n, \x1b), so that a problem is always one line.
_ESCAPES = {c: repr(chr(c))[1:-1] for c in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029) if c != 0x09}


class MonitorError(Exception):
    """Base of every error monitor raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class WatchlistError(MonitorError):
    """Every problem found in a watchlist, in one go."""

    exit_code = 2

    def __init__(self, problems: list[str]):
        # One line each, whatever a quoted value held: a line break shows as \r or \n.
        self.problems = [p.translate(_ESCAPES) for p in problems]
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


class UsageError(MonitorError):
    """The command line asks for something that does not exist, like an unknown target id."""

    exit_code = 2


class FetchError(MonitorError):
    """A URL could not be fetched; `where` is the URL."""

    def __init__(
        self, message: str, *, url: str, hint: str | None = None, status: int | None = None
    ):
        self.url = url
        self.status = status
        super().__init__(message, where=url, hint=hint)


class ExtractError(MonitorError):
    """A page is not an article we can read; `where` is the URL."""

    def __init__(self, message: str, *, url: str, hint: str | None = None):
        self.url = url
        super().__init__(message, where=url, hint=hint)


class StateError(MonitorError):
    """The state folder or its database cannot be used."""


class DeliveryError(MonitorError):
    """A digest could not be delivered; it stays pending.

    `uncertain` is set when the server may have taken it (the connection dropped after the
    message was sent): a retry then sends the same message, with the same Message-ID.
    """

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
        uncertain: bool = False,
    ):
        self.uncertain = uncertain
        super().__init__(message, where=where, hint=hint)
