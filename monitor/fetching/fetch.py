"""Fetch pages politely and within stated limits: one httpx client per pass, robots.txt,
per-host pacing, conditional GET, retries. `Fetcher.get(url) -> Page` (200 or 304) or FetchError.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from monitor import USER_AGENT
from monitor.errors import FetchError
from monitor.fetching.answer import Redirect, answer, keep_validators
from monitor.fetching.body import Accept, Response, drain
from monitor.fetching.failures import Retry, failure
from monitor.fetching.politeness import AddressGuard, HostPace, Resolver, resolve_host
from monitor.fetching.robots import ROBOTS_MAX_BYTES, Robots
from monitor.fetching.transport import LeanTransport, Timeouts, proxy_in_env, transport_for_env
from monitor.fetching.urls import Target, parse_url, port_of
from monitor.models import FetchLimits, Page, Source, Validators

log = logging.getLogger("monitor")

if TYPE_CHECKING:
    from monitor.fetching.browser import Renderer

_ACCEPT_HEADERS: dict[Accept, str] = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": (
        "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
    ),
    "any": "*/*",
}


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
        self._robots = Robots(self._user_agent, self._robots_hop, self._host)
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
                    outcome = keep_validators(outcome, validators)
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
                await self._robots.check(target, source)

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
    ) -> Page | Redirect:
        target = parse_url(url)
        await self._check_address(target, source)
        if robots:
            await self._robots.check(target, source)
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
            except Retry as retry:
                if attempt == tries:
                    raise retry.error from None
                if retry.wait is not None:
                    host.defer(retry.wait)  # the server asked: hold every request to this host
                    await asyncio.sleep(retry.wait)
                else:
                    await asyncio.sleep(self._backoff * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _robots_hop(self, url: str, source: Source) -> Page | Redirect:
        """One hop of robots.txt for Robots: any content type, cut at its size limit."""
        headers = {"Accept": "text/plain,*/*;q=0.1"}
        return await self._request(
            url, source, headers, None, ROBOTS_MAX_BYTES, robots=False, truncate=True
        )

    async def _exchange(
        self,
        target: Target,
        headers: dict[str, str],
        accept: Accept | None,
        limit: int,
        truncate: bool,
    ) -> Page | Redirect:
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
            raise failure(exc, url, reading=False) from None
        try:
            try:
                outcome = await answer(response, url, accept, limit, truncate, self._clock)
            except (FetchError, Retry):
                await drain(response)
                raise
            await drain(response)
            return outcome
        except httpx.HTTPError as exc:
            raise failure(exc, url, reading=True) from None
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

    async def _check_address(self, target: Target, source: Source) -> None:
        """Refuse private, loopback, link-local … addresses unless the source itself is on one."""
        home = self._homes.get(source.url)
        if home is None:
            # A page source's URL is the target itself: no second parse.
            parsed = target if str(target) == source.url else parse_url(source.url)
            home = self._homes[source.url] = (parsed.host, port_of(parsed), source.url)
        await self._addresses.check(target.host, port_of(target), str(target), source=home)
