"""Fetch pages politely and within stated limits: one httpx client per pass, robots.txt,
per-host pacing, conditional GET, retries. `Fetcher.get(url) -> Page` (200 or 304) or FetchError.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import httpx
from protego import Protego

from monitor import USER_AGENT
from monitor.errors import FetchError
from monitor.fetching.body import MAGIC, Accept, Response, acceptable, drain, read_body, too_large
from monitor.fetching.politeness import AddressGuard, HostPace, Resolver, resolve_host
from monitor.fetching.transport import LeanTransport, Timeouts, proxy_in_env, transport_for_env
from monitor.fetching.urls import Target, parse_url, port_of
from monitor.models import FetchLimits, Page, Source, Validators

log = logging.getLogger("monitor")

if TYPE_CHECKING:
    from monitor.fetching.browser import Renderer

# Retry-After beyond this is not waited for inside a pass: the URL fails with the time to come
# back, and the next scheduled pass tries again. A minute keeps one slow host from holding a pass.
RETRY_AFTER_CAP = 60.0
# robots.txt is read up to this size; RFC 9309 asks crawlers to parse at least 500 KiB.
ROBOTS_MAX_BYTES = 512_000
# A robots.txt Crawl-delay raises the per-host delay, up to this many seconds, so that one site
# asking for an hour between requests cannot stall a pass.
CRAWL_DELAY_CAP = 30.0

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT_HEADERS: dict[Accept, str] = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": (
        "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
    ),
    "any": "*/*",
}


@dataclass(frozen=True)
class _Redirect:
    location: str


class _Retry(Exception):
    """A transient failure: try again after `wait` seconds (None: the usual backoff)."""

    def __init__(self, error: FetchError, wait: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.wait = wait


class Fetcher:
    """One pass's HTTP: `async with Fetcher(limits) as f: page = await f.get(url, source=s)`.

    Every request's host is checked by the address guard, whatever the transport, and the
    connection goes to the address that was checked (behind a proxy, the proxy connects).
    `resolver` answers a host's addresses (the system's resolver by default).
    """

    def __init__(
        self,
        limits: FetchLimits,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], datetime] | None = None,
        backoff: float = 1.0,  # seconds before the first retry, doubled for each further one
        resolver: Resolver = resolve_host,
    ):
        self._limits = limits
        self._transport = transport
        self._clock = clock or (lambda: datetime.now(UTC))
        self._backoff = backoff
        self._user_agent = limits.user_agent or USER_AGENT
        self._client: httpx.AsyncClient | None = None
        self._lean: LeanTransport | None = None  # called directly, without the client
        self._timeouts: Timeouts = {
            "connect": limits.connect_timeout,
            "read": limits.read_timeout,
            "write": limits.read_timeout,
            "pool": limits.connect_timeout,
        }
        # Sent with every request, as httpx's client would send them (Host goes first).
        self._base_headers = [
            # Only encodings we decompress ourselves, so the size limit applies as we inflate.
            (b"Accept-Encoding", b"gzip, deflate"),
            (b"Connection", b"keep-alive"),
            (b"User-Agent", self._user_agent.encode()),
        ]
        self._global = asyncio.Semaphore(max(1, limits.concurrency))
        self._hosts: dict[str, HostPace] = {}
        self._robots: dict[str, Protego | str | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._addresses = AddressGuard(limits.connect_timeout, resolver=resolver)
        self._pinned = True  # requests go to checked addresses (not through a proxy)
        self._homes: dict[str, tuple[str, int, str]] = {}  # source URL → host, port, URL
        self._renderer: Renderer | None = None  # headless Chromium, for `render: browser`

    async def __aenter__(self) -> Fetcher:
        limits = self._limits
        # Ours unless one was injected: httpx's pool costs ~4x the CPU per request.
        transport = self._transport or transport_for_env()
        if isinstance(transport, LeanTransport):
            # Called directly: httpx's client layer (request and response models, cookie jar)
            # cost more CPU per request than our whole transport. Nothing here needs cookies.
            transport.addresses = self._addresses.addresses
            self._lean = transport
            return self
        self._pinned = self._transport is not None or not proxy_in_env()
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(**self._timeouts),
            limits=httpx.Limits(
                max_connections=max(1, limits.concurrency),
                max_keepalive_connections=max(1, limits.concurrency),
            ),
            # Only encodings we decompress ourselves, so the size limit applies as we inflate.
            headers={"User-Agent": self._user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,  # each hop is checked: address, robots.txt, loop
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._lean is not None:
            await self._lean.aclose()
            self._lean = None
        if self._renderer is not None:
            await self._renderer.aclose()
            self._renderer = None

    async def get(
        self,
        url: str,
        *,
        source: Source,
        validators: Validators | None = None,
        accept: Accept = "any",
    ) -> Page:
        """A 200 Page with its content, or a 304 Page without; FetchError for anything else.
        A source with `render: browser` has its pages rendered by headless Chromium.
        With -v (debug logging) each fetch is logged with its status and time."""
        if not log.isEnabledFor(logging.DEBUG):
            return await self._get(url, source=source, validators=validators, accept=accept)
        started = time.monotonic()
        try:
            page = await self._get(url, source=source, validators=validators, accept=accept)
        except FetchError as exc:
            log.debug("GET %s failed in %.2f s: %s", url, time.monotonic() - started, exc.message)
            raise
        log.debug(
            "GET %s %d, %d bytes in %.2f s%s",
            url,
            page.status,
            len(page.content),
            time.monotonic() - started,
            f" (from {page.url})" if page.url != url else "",
        )
        return page

    async def _get(
        self, url: str, *, source: Source, validators: Validators | None, accept: Accept
    ) -> Page:
        if source.render == "browser" and accept == "html":
            return await self._render(url, source)
        headers = {"Accept": _ACCEPT_HEADERS[accept]}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        current = url
        seen = {url}
        for _hop in range(self._limits.max_redirects + 1):
            outcome = await self._request(
                current, source, headers, accept, self._limits.max_bytes, robots=self._limits.robots
            )
            if isinstance(outcome, Page):
                if outcome.status == 304 and validators is not None:
                    outcome = _keep_validators(outcome, validators)
                return Page(
                    url=outcome.url,
                    requested_url=url,
                    status=outcome.status,
                    content=outcome.content,
                    content_type=outcome.content_type,
                    validators=outcome.validators,
                    fetched_at=outcome.fetched_at,
                )
            if outcome.location in seen:
                raise FetchError(
                    f"redirect loop: {current} leads back to {outcome.location}",
                    url=url,
                    hint="the site redirects in a circle; check the URL in a browser",
                )
            seen.add(outcome.location)
            current = outcome.location
        raise FetchError(
            f"too many redirects (more than {self._limits.max_redirects}), last to {current}",
            url=url,
            hint="use the final URL in the watchlist, or raise max_redirects",
        )

    async def _render(self, url: str, source: Source) -> Page:
        """The page after its scripts ran, within the same limits and politeness as a GET
        (monitor/fetching/browser.py says how)."""
        from monitor.fetching.browser import Renderer

        async def guard(request_url: str, kind: str) -> None:
            target = parse_url(request_url)
            await self._check_address(target, source)  # the browser goes out on its own
            if self._limits.robots and kind in ("document", "xhr", "fetch"):  # content, not code
                await self._check_robots(target, source)

        await guard(url, "document")
        if self._renderer is None:
            self._renderer = Renderer(self._user_agent, self._clock)
        async with self._slot(self._host(parse_url(url).host, source)):
            return await self._renderer.render(url, limits=self._limits, guard=guard)

    # --- one hop ----------------------------------------------------------------------------

    async def _request(
        self,
        url: str,
        source: Source,
        headers: dict[str, str],
        accept: Accept | None,
        limit: int,
        *,
        robots: bool,
        truncate: bool = False,
    ) -> Page | _Redirect:
        target = parse_url(url)
        await self._check_address(target, source)
        if robots:
            await self._check_robots(target, source)
        host = self._host(target.host, source)
        tries = self._limits.retries
        for attempt in range(tries + 1):
            try:
                async with self._slot(host):
                    try:
                        async with asyncio.timeout(self._limits.total_timeout):
                            return await self._exchange(target, headers, accept, limit, truncate)
                    except TimeoutError:
                        # Not retried: a server that cannot finish in the total time will not do
                        # better at once, and retrying would triple what a slow drip costs us.
                        raise FetchError(
                            f"no complete answer within {self._limits.total_timeout:g} s",
                            url=url,
                            hint="too slow, or a drip; raise total_timeout if the site is slow",
                        ) from None
            except _Retry as retry:
                if attempt == tries:
                    raise retry.error from None
                if retry.wait is not None:
                    host.defer(retry.wait)  # the server asked: hold every request to this host
                    await asyncio.sleep(retry.wait)
                else:
                    await asyncio.sleep(self._backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _exchange(
        self,
        target: Target,
        headers: dict[str, str],
        accept: Accept | None,
        limit: int,
        truncate: bool,
    ) -> Page | _Redirect:
        url = str(target)
        response: Response
        try:
            if self._lean is not None:
                raw = [(b"Host", target.netloc), *self._base_headers]
                raw += [(name.encode(), value.encode()) for name, value in headers.items()]
                response = await self._lean.get(target, raw, self._timeouts)
            else:
                response = await self._send(target, headers)
        except httpx.HTTPError as exc:
            raise _failure(exc, url, reading=False) from None
        try:
            try:
                outcome = await self._answer(response, url, accept, limit, truncate)
            except (FetchError, _Retry):
                await drain(response)
                raise
            await drain(response)
            return outcome
        except httpx.HTTPError as exc:
            raise _failure(exc, url, reading=True) from None
        finally:
            await response.aclose()

    async def _send(self, target: Target, headers: dict[str, str]) -> httpx.Response:
        """The exchange through httpx's client, at the checked address: the URL names the
        address, while the Host header and TLS (SNI, the certificate) keep the host's name."""
        assert self._client is not None, "use Fetcher inside `async with`"
        request = self._client.build_request("GET", str(target), headers=headers)
        if self._pinned:
            # httpx's pool tries one address; the lean transport tries each in turn.
            address = (await self._addresses.addresses(target.host, port_of(target)))[0]
            if address != target.host:
                request.url = request.url.copy_with(host=address)
                request.extensions["sni_hostname"] = target.host
        return await self._client.send(request, stream=True)

    async def _answer(
        self,
        response: Response,
        url: str,
        accept: Accept | None,  # None: take any body (robots.txt is read whatever its label)
        limit: int,
        truncate: bool,
    ) -> Page | _Redirect:
        status = response.status_code
        content_type = response.headers.get("content-type")
        validators = Validators(
            etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified")
        )
        if status in _REDIRECTS and response.headers.get("location"):
            return _Redirect(urljoin(url, response.headers["location"].strip()))
        if status == 304:
            return Page(url, url, 304, b"", content_type, validators, self._clock())
        if status == 429 or status >= 500:
            raise self._retry_for(response, url)
        if status >= 400:
            raise FetchError(f"HTTP {status}", url=url, status=status, hint=_status_hint(status))
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
        return Page(url, url, status, content, content_type, validators, self._clock())

    def _retry_for(self, response: Response, url: str) -> _Retry:
        status = response.status_code
        error = FetchError(f"HTTP {status}", url=url, status=status, hint=_status_hint(status))
        wait = _retry_after(response.headers.get("retry-after"), self._clock())
        if wait is not None and wait > RETRY_AFTER_CAP:
            when = self._clock().astimezone(UTC).timestamp() + wait
            at = datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d %H:%M UTC")
            raise FetchError(
                f"HTTP {status}: the server asks us to come back in {wait:.0f} s",
                url=url,
                status=status,
                hint=f"retry after {at}; the next pass will try again",
            )
        return _Retry(error, wait)

    # --- politeness -------------------------------------------------------------------------

    def _host(self, name: str, source: Source) -> HostPace:
        # A host's pace is set by the first source that reaches it in this pass: sources that
        # share a host share its limits rather than adding their allowances up.
        host = self._hosts.get(name)
        if host is None:
            host = self._hosts[name] = HostPace(source.per_host_concurrency, source.per_host_delay)
        return host

    @asynccontextmanager
    async def _slot(self, host: HostPace) -> AsyncIterator[None]:
        # Wait for the host first, then take a global slot: a request queued behind a slow
        # host's delay must not hold one of the global slots other hosts could use.
        async with host.slots:
            await host.turn()
            async with self._global:
                yield

    async def _check_robots(self, target: Target, source: Source) -> None:
        origin = f"{target.scheme}://{target.netloc.decode('ascii')}"
        if origin not in self._robots:  # read once per pass: the first request waits for it
            lock = self._robots_locks.setdefault(origin, asyncio.Lock())
            async with lock:
                if origin not in self._robots:
                    self._robots[origin] = await self._load_robots(origin, source, target.host)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise FetchError(
                f"robots.txt could not be read ({rules}), so the site counts as closed to robots",
                url=str(target),
                hint="RFC 9309: an unreachable robots.txt means disallow; the next pass retries",
            )
        if rules is not None and not rules.can_fetch(str(target), self._user_agent):
            raise FetchError(
                "robots.txt disallows this URL for monitor",
                url=str(target),
                hint="the site asks robots to keep out; choose another page or set robots: false",
            )

    async def _load_robots(self, origin: str, source: Source, host: str) -> Protego | str | None:
        """Protego rules; None when there are none (allowed); a reason when unreachable."""
        url = origin + "/robots.txt"
        headers = {"Accept": "text/plain,*/*;q=0.1"}
        try:
            for _hop in range(5):  # RFC 9309: follow at least five redirects
                outcome = await self._request(
                    url,
                    source,
                    headers,
                    None,
                    ROBOTS_MAX_BYTES,
                    robots=False,
                    truncate=True,
                )
                if isinstance(outcome, Page):
                    break
                url = outcome.location
            else:
                return None  # too many redirects counts as unavailable (RFC 9309 §2.3.1.2)
        except _Untrusted:
            raise  # the site's own failure, not its robots.txt's: say so
        except FetchError as error:
            # Policy (RFC 9309 §2.3.1): 4xx means there are no rules, so everything is allowed;
            # 5xx, 429, timeouts and broken connections mean "unreachable", so nothing is.
            if error.status is not None and 400 <= error.status < 500 and error.status != 429:
                return None
            return error.message
        rules = Protego.parse(outcome.content.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(self._user_agent)
        if delay:
            hostrec = self._host(host, source)
            hostrec.delay = max(hostrec.delay, min(float(delay), CRAWL_DELAY_CAP))
        return rules

    async def _check_address(self, target: Target, source: Source) -> None:
        """Refuse private, loopback, link-local … addresses unless the source itself is on one."""
        home = self._homes.get(source.url)
        if home is None:
            # A page source's URL is the target itself: no second parse.
            parsed = target if str(target) == source.url else parse_url(source.url)
            home = self._homes[source.url] = (parsed.host, port_of(parsed), source.url)
        await self._addresses.check(target.host, port_of(target), str(target), source=home)


# --- helpers ------------------------------------------------------------------------------------

# How httpx's failures read, in one place: the first kind that matches says what happened
# before the response arrived and while its body was read, and whether another try may help.
_FAILURES: tuple[tuple[type[httpx.HTTPError], str, str, bool], ...] = (
    (httpx.TimeoutException, "timed out", "timed out reading", True),
    (httpx.NetworkError, "connection failed", "connection broke", True),
    (httpx.RemoteProtocolError, "connection failed", "connection broke", True),
    (httpx.HTTPError, "request failed", "request failed", False),
)


class _Untrusted(FetchError):
    """The server's TLS certificate did not verify: no retry, and robots.txt counts as
    unreadable for this reason only, never as "unreachable"."""


def _failure(exc: httpx.HTTPError, url: str, *, reading: bool) -> FetchError | _Retry:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, ssl.SSLCertVerificationError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        return _Untrusted(
            f"the TLS certificate is not trusted: {cause.verify_message}",
            url=url,
            hint="if the site's certificate comes from your own CA, set SSL_CERT_FILE to a "
            "bundle that holds it",
        )
    _, before, during, retried = next(f for f in _FAILURES if isinstance(exc, f[0]))
    what = during if reading else before
    if isinstance(exc, httpx.TimeoutException):
        error = FetchError(f"{what} ({type(exc).__name__})", url=url)
    else:
        error = FetchError(f"{what}: {exc or type(exc).__name__}", url=url)
    return _Retry(error) if retried else error


def _retry_after(value: str | None, now: datetime) -> float | None:
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


def _keep_validators(page: Page, sent: Validators) -> Page:
    # A 304 may omit the validators; the ones we sent are still the current ones then.
    kept = Validators(
        etag=page.validators.etag or sent.etag,
        last_modified=page.validators.last_modified or sent.last_modified,
    )
    return Page(page.url, page.requested_url, 304, b"", page.content_type, kept, page.fetched_at)


def _status_hint(status: int) -> str | None:
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
