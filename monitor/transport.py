"""A lean HTTP/1.1 transport for httpx on asyncio streams: keep-alive connections per origin,
Content-Length, chunked and read-to-close bodies; failures raised as httpx exceptions.

httpx's own pool (httpcore) costs about 1.2-1.8 ms of CPU per request; this one about 0.3 ms
(bench/README.md). It speaks no proxies and no HTTP/2: `transport_for_env()` falls back to the
httpx pool when a proxy is configured or MONITOR_TRANSPORT=httpx asks for it.
"""

from __future__ import annotations

import asyncio
import os
import ssl
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

import httpx

from monitor.errors import MonitorError

# Longest response head (status line and headers) we read; a longer one is refused.
MAX_HEAD_BYTES = 65_536
# Bytes asked of the socket per read; a 50 KB page mostly arrives in one or two.
READ_CHUNK = 65_536
# Idle connections kept per origin; the Fetcher's concurrency limit keeps fewer busy anyway.
MAX_IDLE_PER_ORIGIN = 32

_T = TypeVar("_T")
_Origin = tuple[bytes, bytes, int]


async def _within(awaitable: Awaitable[_T], seconds: float | None) -> _T:
    # asyncio.timeout rather than wait_for: 3.11's wait_for can swallow an outer cancellation
    # when the inner read finishes at the same moment, and then a total deadline never fires.
    if seconds is None:
        return await awaitable
    async with asyncio.timeout(seconds):
        return await awaitable


class _Connection:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer

    def close(self) -> None:
        self.writer.close()

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
                    data = await _within(reader.read(min(self._left, READ_CHUNK)), self._timeout)
                    if not data:
                        raise httpx.RemoteProtocolError("connection closed before the body ended")
                    self._left -= len(data)
                    yield data
            else:
                self._keep_alive = False  # the body ends where the connection does
                while data := await _within(reader.read(READ_CHUNK), self._timeout):
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
                data = await _within(reader.read(min(left, READ_CHUNK)), self._timeout)
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

    def __init__(self, *, ssl_context: ssl.SSLContext | None = None):
        self._ssl_context = ssl_context
        self._idle: dict[_Origin, list[_Connection]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.raw_scheme
        if scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"cannot fetch {scheme.decode('ascii', 'replace')}")
        port = url.port or (443 if scheme == b"https" else 80)
        origin = (scheme, url.raw_host, port)
        timeouts = request.extensions.get("timeout", {})
        body = await request.aread()
        head = [b"%s %s HTTP/1.1\r\n" % (request.method.encode("ascii"), url.raw_path)]
        head += [b"%s: %s\r\n" % (name, value) for name, value in request.headers.raw]
        if body and "content-length" not in request.headers:
            head.append(b"Content-Length: %d\r\n" % len(body))
        head.append(b"\r\n")
        payload = b"".join(head) + body
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
                if reused and request.method in ("GET", "HEAD"):
                    continue  # the server closed a kept-alive connection: go again on another
                raise httpx.RemoteProtocolError(
                    f"server closed the connection without a response: {exc}"
                ) from None
            except BaseException:
                connection.close()
                raise
        try:
            status, http10, headers = _parse_head(raw)
        except httpx.RemoteProtocolError:
            connection.close()
            raise
        fields = {name.lower(): value for name, value in headers}
        connection_header = fields.get(b"connection", b"").lower()
        keep_alive = not http10 and b"close" not in connection_header
        chunked = b"chunked" in fields.get(b"transfer-encoding", b"").lower()
        length: int | None = None
        if status in (204, 304) or status < 200 or request.method == "HEAD":
            length = 0
        elif not chunked and b"content-length" in fields:
            value = fields[b"content-length"].strip()
            if not value.isdigit():
                connection.close()
                raise httpx.RemoteProtocolError(f"bad Content-Length {value[:40]!r}")
            length = int(value)
        stream = _Body(
            self,
            origin,
            connection,
            length=length,
            chunked=chunked and length is None,
            keep_alive=keep_alive,
            read_timeout=timeouts.get("read"),
        )
        return httpx.Response(
            status,
            headers=headers,
            stream=stream,
            extensions={"http_version": b"HTTP/1.0" if http10 else b"HTTP/1.1"},
        )

    async def _exchange(
        self, connection: _Connection, payload: bytes, timeouts: dict[str, float | None]
    ) -> bytes:
        try:
            connection.writer.write(payload)
            await _within(connection.writer.drain(), timeouts.get("write"))
        except TimeoutError:
            raise httpx.WriteTimeout("timed out sending the request") from None
        while True:
            try:
                raw = await _within(connection.reader.readuntil(b"\r\n\r\n"), timeouts.get("read"))
            except asyncio.LimitOverrunError:
                raise httpx.RemoteProtocolError(
                    f"response head larger than {MAX_HEAD_BYTES} bytes"
                ) from None
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
        self, url: httpx.URL, port: int, scheme: bytes, timeout: float | None
    ) -> _Connection:
        context = None
        if scheme == b"https":
            if self._ssl_context is None:
                # certifi's bundle, as httpx uses; made only when a pass meets its first https URL
                self._ssl_context = httpx.create_ssl_context()
            context = self._ssl_context
        try:
            reader, writer = await _within(
                asyncio.open_connection(url.host, port, ssl=context, limit=MAX_HEAD_BYTES),
                timeout,
            )
        except TimeoutError:
            raise httpx.ConnectTimeout(f"no connection to {url.host}:{port} in time") from None
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from None
        return _Connection(reader, writer)

    async def aclose(self) -> None:
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()


def _parse_head(raw: bytes) -> tuple[int, bool, list[tuple[bytes, bytes]]]:
    """(status, is HTTP/1.0, headers) from a response head ending in CRLF CRLF."""
    lines = raw.split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise httpx.RemoteProtocolError(f"not an HTTP/1.x response: {lines[0][:60]!r}")
    headers: list[tuple[bytes, bytes]] = []
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(b":")
        if not colon or not name or name != name.strip():
            raise httpx.RemoteProtocolError(f"malformed header line {line[:60]!r}")
        headers.append((name, value.strip()))
    return int(parts[1]), parts[0] == b"HTTP/1.0", headers


def transport_for_env() -> httpx.AsyncBaseTransport | None:
    """The lean transport, or None (httpx's own pool) when a proxy is configured in the
    environment or MONITOR_TRANSPORT=httpx asks for httpx's pool."""
    choice = os.environ.get("MONITOR_TRANSPORT", "lean").strip().lower()
    if choice == "httpx":
        return None
    if choice != "lean":
        raise MonitorError(
            f"MONITOR_TRANSPORT={choice!r} is not a transport", hint="use 'lean' or 'httpx'"
        )
    proxies = ("http_proxy", "https_proxy", "all_proxy")
    if any(os.environ.get(name) or os.environ.get(name.upper()) for name in proxies):
        return None  # httpx reads proxy settings (and NO_PROXY) from the environment
    return LeanTransport()
