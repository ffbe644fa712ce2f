"""What an HTTP answer means to a fetch: a Page (200, or 304 with the validators kept), a
redirect to follow, a Retry (429, 5xx; Retry-After obeyed up to a cap) or a FetchError; the
body read within the limits (body.py) and binary bodies refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

from monitor.errors import FetchError
from monitor.fetching.body import MAGIC, Accept, Response, acceptable, read_body, too_large
from monitor.fetching.failures import Retry, retry_after, status_hint
from monitor.models import Page, Validators

# Retry-After beyond this is not waited for inside a pass: the URL fails with the time to come
# back, and the next scheduled pass tries again. A minute keeps one slow host from holding a pass.
RETRY_AFTER_CAP = 60.0

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Redirect:
    location: str


async def answer(
    response: Response,
    url: str,
    accept: Accept | None,  # None: take any body (robots.txt is read whatever its label)
    limit: int,
    truncate: bool,
    clock: Callable[[], datetime],
) -> Page | Redirect:
    """The Page or Redirect `response` to a GET of `url` makes; Retry or FetchError otherwise.
    `truncate`: a body past `limit` is cut there rather than refused."""
    status = response.status_code
    content_type = response.headers.get("content-type")
    validators = Validators(
        etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified")
    )
    if status in _REDIRECTS and response.headers.get("location"):
        return Redirect(urljoin(url, response.headers["location"].strip()))
    if status == 304:
        return Page(url, url, 304, b"", content_type, validators, clock())
    if status == 429 or status >= 500:
        raise _retry_for(response, url, clock)
    if status >= 400:
        raise FetchError(f"HTTP {status}", url=url, status=status, hint=status_hint(status))
    if not 200 <= status < 300:
        raise FetchError(f"unexpected HTTP {status}", url=url, status=status)
    if accept is not None and not acceptable(content_type, accept):
        raise FetchError(
            f"content type {content_type!r} is not a {'page' if accept == 'html' else accept}",
            url=url,
            hint="monitor reads HTML pages and RSS/Atom feeds, not files",
        )
    length = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if not truncate and encoding == "identity" and length.isdigit() and int(length) > limit:
        raise too_large(url, limit)
    content = await read_body(response, url, encoding, limit, truncate)
    for magic, what in MAGIC.items():
        if accept is not None and content.startswith(magic):
            raise FetchError(
                f"binary body ({what})", url=url, hint="monitor reads HTML pages and feeds"
            )
    return Page(url, url, status, content, content_type, validators, clock())


def _retry_for(response: Response, url: str, clock: Callable[[], datetime]) -> Retry:
    status = response.status_code
    error = FetchError(f"HTTP {status}", url=url, status=status, hint=status_hint(status))
    wait = retry_after(response.headers.get("retry-after"), clock())
    if wait is not None and wait > RETRY_AFTER_CAP:
        when = clock().astimezone(UTC).timestamp() + wait
        at = datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d %H:%M UTC")
        raise FetchError(
            f"HTTP {status}: the server asks us to come back in {wait:.0f} s",
            url=url,
            status=status,
            hint=f"retry after {at}; the next pass will try again",
        )
    return Retry(error, wait)


def keep_validators(page: Page, sent: Validators) -> Page:
    """A 304 may omit the validators; the ones we sent are still the current ones then."""
    kept = Validators(
        etag=page.validators.etag or sent.etag,
        last_modified=page.validators.last_modified or sent.last_modified,
    )
    return Page(page.url, page.requested_url, 304, b"", page.content_type, kept, page.fetched_at)
