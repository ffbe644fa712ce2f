"""A lean HTTP/1.1 transport for httpx on asyncio streams: keep-alive connections per origin,
Content-Length, chunked and read-to-close bodies; failures raised as httpx exceptions.

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
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from typing import Protocol, TypeVar

import httpx

from monitor.errors import MonitorError
from monitor.fetching import http1
from monitor.fetching.politeness import Resolver

# Longest response head (status line and headers) we read; a longer one is refused.
MAX_HEAD_BYTES = 65_536
# Bytes asked of the socket per read; a 50 KB page mostly arrives in one or two.
READ_CHUNK = 65_536
# Idle connections kept per origin; the Fetcher's concurrency limit keeps fewer busy anyway.
MAX_IDLE_PER_ORIGIN = 32
# Seconds a closing pass waits for its idle connections to finish closing (TLS's close_notify).
CLOSE_WAIT = 1.0

_T = TypeVar("_T")
_Origin = tuple[bytes, bytes, int]
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


async def _within(awaitable: Awaitable[_T], seconds: float | None) -> _T:
    # asyncio.timeout rather than wait_for: 3.11's wait_for can swallow an outer cancellation
    # when the inner read finishes at the same moment, and then a total deadline never fires.
    if seconds is None:
        return await awaitable
    async with asyncio.timeout(seconds):
        return await awaitable


async def _read(reader: asyncio.StreamReader, size: int, seconds: float | None) -> bytes:
    # Most of a page is already buffered when its head has been read: take it without
    # arming a timer (a timer per read was ~10 % of a request's CPU).
    if reader._buffer:  # type: ignore[attr-defined]  # see _Connection.usable
        return await reader.read(size)
    return await _within(reader.read(size), seconds)


class _Connection:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer

    def close(self) -> None:
        self.writer.close()

    async def closed(self) -> None:
        try:
            async with asyncio.timeout(CLOSE_WAIT):
                await self.writer.wait_closed()
        except (OSError, TimeoutError):
            pass  # closing anyway: nothing more to do for it

    @property
    def usable(self) -> bool:
        # A server that closed an idle connection has left EOF (or junk) in our buffer.
        # StreamReader has no public "is anything buffered?"; _buffer is stable since 3.4.
        buffered = len(self.reader._buffer)  # type: ignore[attr-defined]
        return not buffered and not self.writer.is_closing() and not self.reader.at_eof()


class _Body(httpx.AsyncByteStream):
    """The response body, read from the connection as the caller iterates; the connection
    goes back to the pool when the body was read to its end and the server keeps it open."""

    def __init__(
        self,
        transport: LeanTransport,
        origin: _Origin,
        connection: _Connection,
        *,
        length: int | None,  # None: chunked, or read until the server closes
        chunked: bool,
        keep_alive: bool,
        read_timeout: float | None,
    ):
        self._transport = transport
        self._origin = origin
        self._connection: _Connection | None = connection
        self._left = length
        self._chunked = chunked
        self._keep_alive = keep_alive
        self._timeout = read_timeout
        self._done = length == 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._done or self._connection is None:
            return
        reader = self._connection.reader
        try:
            if self._chunked:
                async for data in self._chunks(reader):
                    yield data
            elif self._left is not None:
                while self._left:
                    data = await _read(reader, min(self._left, READ_CHUNK), self._timeout)
                    if not data:
                        raise httpx.RemoteProtocolError("connection closed before the body ended")
                    self._left -= len(data)
                    yield data
            else:
                self._keep_alive = False  # the body ends where the connection does
                while data := await _read(reader, READ_CHUNK, self._timeout):
                    yield data
            self._done = True
        except TimeoutError:
            raise httpx.ReadTimeout("timed out reading the body") from None
        except (ConnectionError, OSError) as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from None

    async def _chunks(self, reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
        while True:
            line = await _within(reader.readline(), self._timeout)
            if not line.endswith(b"\n"):
                raise httpx.RemoteProtocolError("connection closed inside a chunked body")
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise httpx.RemoteProtocolError(f"bad chunk size line {line[:40]!r}") from None
            if size < 0:
                raise httpx.RemoteProtocolError(f"bad chunk size line {line[:40]!r}")
            if size == 0:
                while True:  # trailers, up to the empty line
                    line = await _within(reader.readline(), self._timeout)
                    if not line.endswith(b"\n"):
                        raise httpx.RemoteProtocolError("connection closed in chunk trailers")
                    if line in (b"\r\n", b"\n"):
                        return
            left = size
            while left:
                data = await _read(reader, min(left, READ_CHUNK), self._timeout)
                if not data:
                    raise httpx.RemoteProtocolError("connection closed inside a chunk")
                left -= len(data)
                yield data
            if await _within(reader.readline(), self._timeout) not in (b"\r\n", b"\n"):
                raise httpx.RemoteProtocolError("chunk not followed by CRLF")

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        if self._done and self._keep_alive:
            self._transport._release(self._origin, connection)
        else:
            connection.close()  # unread bytes would be read as the next response


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
        self._idle: dict[_Origin, list[_Connection]] = {}

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
    ) -> tuple[int, bool, list[tuple[bytes, bytes]], _Body]:
        """(status, is HTTP/1.0, headers, body stream) of one exchange."""
        scheme = url.raw_scheme
        if scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"cannot fetch {scheme.decode('ascii', 'replace')}")
        port = url.port or (443 if scheme == b"https" else 80)
        origin = (scheme, url.raw_host, port)
        payload = http1.request(method, url.raw_path, headers, body, has_length)
        while True:
            connection = self._take(origin)
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
        stream = _Body(
            self,
            origin,
            connection,
            length=length,
            chunked=chunked,
            keep_alive=keep_alive,
            read_timeout=timeouts.get("read"),
        )
        return status, http10, fields, stream

    async def _exchange(self, connection: _Connection, payload: bytes, timeouts: Timeouts) -> bytes:
        try:
            connection.writer.write(payload)
            if connection.writer.transport.get_write_buffer_size():  # else all sent already
                await _within(connection.writer.drain(), timeouts.get("write"))
        except TimeoutError:
            raise httpx.WriteTimeout("timed out sending the request") from None
        while True:
            try:
                raw = await _within(
                    http1.read_head(connection.reader, MAX_HEAD_BYTES), timeouts.get("read")
                )
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the response") from None
            # An interim 1xx (100 Continue, 103 Early Hints) is followed by the real response.
            if not (raw[9:10] == b"1" and raw[:5] == b"HTTP/" and raw[10:12] != b"01"):
                return raw

    def _take(self, origin: _Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if connection.usable:
                return connection
            connection.close()
        return None

    def _release(self, origin: _Origin, connection: _Connection) -> None:
        idle = self._idle.setdefault(origin, [])
        if len(idle) < MAX_IDLE_PER_ORIGIN and connection.usable:
            idle.append(connection)
        else:
            connection.close()

    async def _open(
        self, url: URLParts, port: int, scheme: bytes, timeout: float | None
    ) -> _Connection:
        context = None
        if scheme == b"https":
            if self._ssl_context is None:
                # certifi's bundle (or $SSL_CERT_FILE), as httpx uses; made only when a pass
                # meets its first https URL
                self._ssl_context = httpx.create_ssl_context()
            context = self._ssl_context
        try:
            return await _within(self._connect(url.host, port, context), timeout)
        except TimeoutError:
            raise httpx.ConnectTimeout(f"no connection to {url.host}:{port} in time") from None
        except ssl.SSLCertVerificationError as exc:
            raise httpx.ConnectError(f"certificate not trusted: {exc.verify_message}") from exc
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from None

    async def _connect(self, host: str, port: int, context: ssl.SSLContext | None) -> _Connection:
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
            return _Connection(reader, writer)
        raise OSError(f"{host} has no address")

    async def aclose(self) -> None:
        idle = [connection for connections in self._idle.values() for connection in connections]
        self._idle.clear()
        for connection in idle:
            connection.close()
        # A TLS connection closes in a few more steps (close_notify): let them finish, briefly,
        # so that none is left half-closed when the event loop ends.
        await asyncio.gather(*(connection.closed() for connection in idle))


class LeanResponse:
    """What the Fetcher reads of a response, as `LeanTransport.get` returns it: the subset of
    httpx.Response that monitor uses (status_code, headers.get, aiter_raw, aclose)."""

    __slots__ = ("_stream", "headers", "is_closed", "is_stream_consumed", "status_code")

    def __init__(self, status: int, headers: dict[str, str], stream: _Body):
        self.status_code = status
        self.headers = headers  # lower-case names; repeated headers joined by ", " as httpx does
        self._stream = stream
        self.is_stream_consumed = False
        self.is_closed = False

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        """The body as it arrives, still content-encoded; then the connection is released."""
        if self.is_stream_consumed or self.is_closed:
            raise httpx.StreamConsumed()
        self.is_stream_consumed = True
        async for chunk in self._stream:
            yield chunk
        await self.aclose()

    async def aclose(self) -> None:
        if not self.is_closed:
            self.is_closed = True
            await self._stream.aclose()


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
