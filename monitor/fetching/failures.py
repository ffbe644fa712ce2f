"""How fetching fails, in one place: httpx's failures as FetchErrors (`failure`, one table), the
transient ones as `Retry`, an untrusted certificate as `Untrusted`, HTTP statuses' hints and
Retry-After.
"""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from monitor.errors import FetchError


class Retry(Exception):
    """A transient failure: try again after `wait` seconds (None: the usual backoff)."""

    def __init__(self, error: FetchError, wait: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.wait = wait


# How httpx's failures read, in one place: the first kind that matches says what happened
# before the response arrived and while its body was read, and whether another try may help.
FAILURES: tuple[tuple[type[httpx.HTTPError], str, str, bool], ...] = (
    (httpx.TimeoutException, "timed out", "timed out reading", True),
    (httpx.NetworkError, "connection failed", "connection broke", True),
    (httpx.RemoteProtocolError, "connection failed", "connection broke", True),
    (httpx.HTTPError, "request failed", "request failed", False),
)


class Untrusted(FetchError):
    """The server's TLS certificate did not verify: no retry, and robots.txt counts as
    unreadable for this reason only, never as "unreachable"."""


def failure(exc: httpx.HTTPError, url: str, *, reading: bool) -> FetchError | Retry:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ssl.SSLCertVerificationError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        return Untrusted(
            f"the TLS certificate is not trusted: {cause.verify_message}",
            url=url,
            hint="if the site's certificate comes from your own CA, set SSL_CERT_FILE to a "
            "bundle that holds it",
        )
    _, before, during, retried = next(f for f in FAILURES if isinstance(exc, f[0]))
    what = during if reading else before
    if isinstance(exc, httpx.TimeoutException):
        error = FetchError(f"{what} ({type(exc).__name__})", url=url)
    else:
        error = FetchError(f"{what}: {exc or type(exc).__name__}", url=url)
    return Retry(error) if retried else error


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # HTTP dates are GMT
    return max(0.0, (when - now).total_seconds())


def status_hint(status: int) -> str | None:
    match status:
        case 404 | 410:
            return "the page is gone; check the URL in the watchlist"
        case 401 | 403:
            return "the site refuses us; it may block robots or need a login"
        case 429:
            return "the site asks us to slow down; raise per_host_delay"
        case _ if status >= 500:
            return "the server failed; it is retried next pass"
    return None
