"""What the lean transport does with a connection once it is open: the response body read off
it (Content-Length, chunked with trailers, or until the server closes), the small response the
Fetcher reads, and the idle connections kept per origin for the next request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

import httpx

# Bytes asked of the socket per read; a 50 KB page mostly arrives in one or two.
READ_CHUNK = 65_536
# Idle connections kept per origin; the Fetcher's concurrency limit keeps fewer busy anyway.
MAX_IDLE_PER_ORIGIN = 32
# Seconds a closing pass waits for its idle connections to finish closing (TLS's close_notify).
CLOSE_WAIT = 1.0

_T = TypeVar("_T")
Origin = tuple[bytes, bytes, int]  # scheme, host, port


async def within(awaitable: Awaitable[_T], seconds: float | None) -> _T:
    # asyncio.timeout rather than wait_for: 3.11's wait_for can swallow an outer cancellation
    # when the inner read finishes at the same moment, and then a total deadline never fires.
    if seconds is None:
        return await awaitable
    async with asyncio.timeout(seconds):
        return await awaitable


async def _read(reader: asyncio.StreamReader, size: int, seconds: float | None) -> bytes:
    # Most of a page is already buffered when its head has been read: take it without
    # arming a timer (a timer per read was ~10 % of a request's CPU).
    if reader._buffer:  # type: ignore[attr-defined]  # see Connection.usable
        return await reader.read(size)
    return await within(reader.read(size), seconds)


class Connection:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader = reader
        self.writer = writer

    def close(self) -> None:
        """Drop it: the socket closes at the loop's next turn, TLS too, without waiting for the
        server's close_notify (a pass that ended first left such sockets open, and the garbage
        collector warned of them later, anywhere)."""
        self.writer.transport.abort()

    async def aclose(self) -> None:
        """Close it politely (TLS's close_notify), waiting CLOSE_WAIT at most; then drop it."""
        self.writer.close()
        try:
            async with asyncio.timeout(CLOSE_WAIT):
                await self.writer.wait_closed()
        except (OSError, TimeoutError):
            self.close()  # a server too slow to answer: the socket is closed all the same
            await asyncio.sleep(0)  # the turn that closes it

    @property
    def usable(self) -> bool:
        # A server that closed an idle connection has left EOF (or junk) in our buffer.
        # StreamReader has no public "is anything buffered?"; _buffer is stable since 3.4.
        buffered = len(self.reader._buffer)  # type: ignore[attr-defined]
        return not buffered and not self.writer.is_closing() and not self.reader.at_eof()


class IdleConnections:
    """Kept-alive connections per origin, each taken by one request at a time."""

    def __init__(self) -> None:
        self._idle: dict[Origin, list[Connection]] = {}

    def take(self, origin: Origin) -> Connection | None:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            if connection.usable:
                return connection
            connection.close()
        return None

    def release(self, origin: Origin, connection: Connection) -> None:
        idle = self._idle.setdefault(origin, [])
        if len(idle) < MAX_IDLE_PER_ORIGIN and connection.usable:
            idle.append(connection)
        else:
            connection.close()

    async def aclose(self) -> None:
        idle = [connection for connections in self._idle.values() for connection in connections]
        self._idle.clear()
        # A TLS connection closes in a few more steps (close_notify): let them finish, briefly,
        # so that none is left half-closed when the event loop ends.
        await asyncio.gather(*(connection.aclose() for connection in idle))


class Body(httpx.AsyncByteStream):
    """The response body, read from the connection as the caller iterates; the connection
    goes back to the idle ones when the body was read to its end and the server keeps it open."""

    def __init__(
        self,
        idle: IdleConnections,
        origin: Origin,
        connection: Connection,
        *,
        length: int | None,  # None: chunked, or read until the server closes
        chunked: bool,
        keep_alive: bool,
        read_timeout: float | None,
    ):
        self._idle = idle
        self._origin = origin
        self._connection: Connection | None = connection
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
            line = await within(reader.readline(), self._timeout)
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
                    line = await within(reader.readline(), self._timeout)
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
            if await within(reader.readline(), self._timeout) not in (b"\r\n", b"\n"):
                raise httpx.RemoteProtocolError("chunk not followed by CRLF")

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        if self._done and self._keep_alive:
            self._idle.release(self._origin, connection)
        else:
            connection.close()  # unread bytes would be read as the next response


class LeanResponse:
    """What the Fetcher reads of a response, as `LeanTransport.get` returns it: the subset of
    httpx.Response that monitor uses (status_code, headers.get, aiter_raw, aclose)."""

    __slots__ = ("_stream", "headers", "is_closed", "is_stream_consumed", "status_code")

    def __init__(self, status: int, headers: dict[str, str], stream: Body):
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
