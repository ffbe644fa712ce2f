"""A lean HTTP/1.1 transport for httpx on asyncio streams: a connection opened to a checked
address (TLS checked against the host's name) or an idle one reused, the request sent and the
response head read; the body is read off the connection in connection.py. Failures are raised
as httpx exceptions.

httpx's own pool (httpcore) costs about 1.2-1.8 ms of CPU per request; this one about 0.3 ms
(bench/README.md). It is the default because it reads every odd answer of the differential
suite as httpx does (bare-LF and folded header lines, Content-Length lists and duplicates, 1xx
before the answer, close-delimited bodies, trailers…; tests/test_odd_responses.py).
MONITOR_TRANSPORT=httpx chooses httpx's pool; it speaks no proxies and no HTTP/2, so a proxy in
the environment still means httpx's pool.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections.abc import Mapping, Sequence
from typing import Protocol

import httpx

from monitor.errors import MonitorError
from monitor.fetching import http1
from monitor.fetching.connection import Body, Connection, IdleConnections, LeanResponse, within
from monitor.fetching.politeness import Resolver

# Longest response head (status line and headers) we read; a longer one is refused.
MAX_HEAD_BYTES = 65_536
Timeouts = Mapping[str, float | None]  # connect, read, write: seconds, as httpx passes them


class URLParts(Protocol):
    """What the transport reads of a URL: httpx.URL has it, and so has the Fetcher's Target."""

    @property
    def raw_scheme(self) -> bytes: ...
    @property
    def raw_host(self) -> bytes: ...
    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int | None: ...
    @property
    def raw_path(self) -> bytes: ...


class LeanTransport(httpx.AsyncBaseTransport):
    """`httpx.AsyncClient(transport=LeanTransport())`: HTTP/1.1 with keep-alive, no proxies.

    It never limits how many connections are open: the Fetcher's concurrency limits do that.
    """

    def __init__(
        self, *, ssl_context: ssl.SSLContext | None = None, addresses: Resolver | None = None
    ):
        self._ssl_context = ssl_context
        # Where a host may be reached: the Fetcher's address guard, so that a connection goes
        # to an address that was checked. Without it, the system's resolver is asked.
        self.addresses = addresses
        self._idle = IdleConnections()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        status, http10, headers, stream = await self.send(
            request.method,
            request.url,
            request.headers.raw,
            request.extensions.get("timeout", {}),
            body=await request.aread(),
            has_length="content-length" in request.headers,
        )
        return httpx.Response(
            status,
            headers=headers,
            stream=stream,
            extensions={"http_version": b"HTTP/1.0" if http10 else b"HTTP/1.1"},
        )

    async def get(
        self, url: URLParts, headers: Sequence[tuple[bytes, bytes]], timeouts: Timeouts
    ) -> LeanResponse:
        """GET `url` with exactly `headers` (Host included), without httpx's client: its
        request and response models cost more CPU than the exchange itself (bench/README.md).
        Redirects are not followed and no cookies are kept; the Fetcher needs neither."""
        status, _, raw, stream = await self.send("GET", url, headers, timeouts)
        return LeanResponse(status, http1.header_map(raw), stream)

    async def send(
        self,
        method: str,
        url: URLParts,
        headers: Sequence[tuple[bytes, bytes]],
        timeouts: Timeouts,
        *,
        body: bytes = b"",
        has_length: bool = False,
    ) -> tuple[int, bool, list[tuple[bytes, bytes]], Body]:
        """(status, is HTTP/1.0, headers, body stream) of one exchange."""
        scheme = url.raw_scheme
        if scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"cannot fetch {scheme.decode('ascii', 'replace')}")
        port = url.port or (443 if scheme == b"https" else 80)
        origin = (scheme, url.raw_host, port)
        payload = http1.request(method, url.raw_path, headers, body, has_length)
        while True:
            connection = self._idle.take(origin)
            reused = connection is not None
            if connection is None:
                connection = await self._open(url, port, scheme, timeouts.get("connect"))
            try:
                raw = await self._exchange(connection, payload, timeouts)
                break
            except (asyncio.IncompleteReadError, ConnectionError) as exc:
                connection.close()
                if reused and method in ("GET", "HEAD"):
                    continue  # the server closed a kept-alive connection: go again on another
                raise httpx.RemoteProtocolError(
                    f"server closed the connection without a response: {exc}"
                ) from None
            except BaseException:
                connection.close()
                raise
        try:
            status, http10, fields = http1.parse_head(raw)
            length, chunked, keep_alive = http1.framing(method, status, http10, fields)
        except httpx.RemoteProtocolError:
            connection.close()
            raise
        stream = Body(
            self._idle,
            origin,
            connection,
            length=length,
            chunked=chunked,
            keep_alive=keep_alive,
            read_timeout=timeouts.get("read"),
        )
        return status, http10, fields, stream

    async def _exchange(self, connection: Connection, payload: bytes, timeouts: Timeouts) -> bytes:
        try:
            connection.writer.write(payload)
            if connection.writer.transport.get_write_buffer_size():  # else all sent already
                await within(connection.writer.drain(), timeouts.get("write"))
        except TimeoutError:
            raise httpx.WriteTimeout("timed out sending the request") from None
        while True:
            try:
                raw = await within(
                    http1.read_head(connection.reader, MAX_HEAD_BYTES), timeouts.get("read")
                )
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the response") from None
            # An interim 1xx (100 Continue, 103 Early Hints) is followed by the real response.
            if not (raw[9:10] == b"1" and raw[:5] == b"HTTP/" and raw[10:12] != b"01"):
                return raw

    async def _open(
        self, url: URLParts, port: int, scheme: bytes, timeout: float | None
    ) -> Connection:
        context = None
        if scheme == b"https":
            if self._ssl_context is None:
                # certifi's bundle (or $SSL_CERT_FILE), as httpx uses; made only when a pass
                # meets its first https URL
                self._ssl_context = httpx.create_ssl_context()
            context = self._ssl_context
        try:
            return await within(self._connect(url.host, port, context), timeout)
        except TimeoutError:
            raise httpx.ConnectTimeout(f"no connection to {url.host}:{port} in time") from None
        except ssl.SSLCertVerificationError as exc:
            raise httpx.ConnectError(f"certificate not trusted: {exc.verify_message}") from exc
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from None

    async def _connect(self, host: str, port: int, context: ssl.SSLContext | None) -> Connection:
        """A connection to the first of the host's addresses that answers; TLS checks the
        certificate against the host's name, whichever address it came from."""
        addresses = await self.addresses(host, port) if self.addresses else [host]
        for n, address in enumerate(addresses):
            try:
                reader, writer = await asyncio.open_connection(
                    address,
                    port,
                    ssl=context,
                    server_hostname=host if context is not None else None,
                    limit=MAX_HEAD_BYTES,
                )
            except ssl.SSLError:
                raise  # the server answered: another address of it would say the same
            except OSError:
                if n == len(addresses) - 1:
                    raise
                continue
            return Connection(reader, writer)
        raise OSError(f"{host} has no address")

    async def aclose(self) -> None:
        await self._idle.aclose()


def transport_for_env() -> httpx.AsyncBaseTransport | None:
    """The lean transport (the default), or None (httpx's own pool) when MONITOR_TRANSPORT=httpx
    asks for it or a proxy is configured in the environment."""
    choice = os.environ.get("MONITOR_TRANSPORT", "lean").strip().lower()
    if choice == "httpx":
        return None
    if choice != "lean":
        raise MonitorError(
            f"MONITOR_TRANSPORT={choice!r} is not a transport", hint="use 'lean' or 'httpx'"
        )
    if proxy_in_env():
        return None  # httpx reads proxy settings (and NO_PROXY) from the environment
    return LeanTransport()


def proxy_in_env() -> bool:
    """Whether the environment names an HTTP proxy, which httpx's client would then use."""
    proxies = ("http_proxy", "https_proxy", "all_proxy")
    return any(os.environ.get(name) or os.environ.get(name.upper()) for name in proxies)
