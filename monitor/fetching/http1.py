"""HTTP/1.1 on the wire, for the lean transport: the request's bytes, the response head read
into (status, HTTP/1.0?, headers), where the body ends, and headers as httpx decodes them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import httpx


def header_map(fields: list[tuple[bytes, bytes]]) -> dict[str, str]:
    """Lower-case names; repeated headers joined by ", " as httpx does."""
    headers: dict[str, str] = {}
    for name, value in fields:
        try:  # ASCII, nearly always: decoded here rather than in a call for each name and value
            key, shown = name.decode("ascii").lower(), value.decode("ascii")
        except UnicodeDecodeError:
            key, shown = _text(name).lower(), _text(value)
        headers[key] = f"{headers[key]}, {shown}" if key in headers else shown
    return headers


def _text(value: bytes) -> str:
    # As httpx decodes header bytes: ASCII, else UTF-8, else Latin-1 (which never fails).
    try:
        return value.decode("ascii")
    except UnicodeDecodeError:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("latin-1")


def request(
    method: str, path: bytes, headers: Sequence[tuple[bytes, bytes]], body: bytes, has_length: bool
) -> bytes:
    """The request as sent: request line, headers (a Content-Length for a body), body."""
    head = [b"%s %s HTTP/1.1\r\n" % (method.encode("ascii"), path)]
    head += [b"%s: %s\r\n" % (name, value) for name, value in headers]
    if body and not has_length:
        head.append(b"Content-Length: %d\r\n" % len(body))
    head.append(b"\r\n")
    return b"".join(head) + body


def framing(
    method: str, status: int, http10: bool, fields: list[tuple[bytes, bytes]]
) -> tuple[int | None, bool, bool]:
    """Where the body ends and what becomes of the connection: (length, None when chunked or
    read to the close; chunked; keep-alive)."""
    lowered = {name.lower(): value for name, value in fields}
    keep_alive = not http10 and b"close" not in lowered.get(b"connection", b"").lower()
    chunked = b"chunked" in lowered.get(b"transfer-encoding", b"").lower()
    if status in (204, 304) or status < 200 or method == "HEAD":
        return 0, False, keep_alive
    if not chunked and b"content-length" in lowered:
        # every Content-Length, and each item of a list (5, 5), must say the same (as h11 asks)
        said = {
            item.strip()
            for name, value in fields
            if name.lower() == b"content-length"
            for item in value.split(b",")
        }
        value = b",".join(sorted(said))
        if len(said) != 1 or not value.isdigit():
            raise httpx.RemoteProtocolError(f"bad Content-Length {value[:40]!r}")
        return int(value), False, keep_alive
    return None, chunked, keep_alive


def parse_head(raw: bytes) -> tuple[int, bool, list[tuple[bytes, bytes]]]:
    """(status, is HTTP/1.0, headers) from a response head; lines end in CRLF or in LF alone,
    and an obs-folded line (starting with a space or tab) goes on with the header before it,
    as httpx (h11) reads them."""
    lines = [line.removesuffix(b"\r") for line in raw.split(b"\n")]
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise httpx.RemoteProtocolError(f"not an HTTP/1.x response: {lines[0][:60]!r}")
    headers: list[tuple[bytes, bytes]] = []
    for line in lines[1:]:
        if not line:
            continue
        if line[:1] in (b" ", b"\t"):
            if not headers:
                raise httpx.RemoteProtocolError(f"a continuation line first {line[:60]!r}")
            name, value = headers[-1]
            headers[-1] = (name, (value + b" " + line.strip()).strip())
            continue
        name, colon, value = line.partition(b":")
        if not colon or not name or name != name.strip():
            raise httpx.RemoteProtocolError(f"malformed header line {line[:60]!r}")
        headers.append((name, value.strip()))
    return int(parts[1]), parts[0] == b"HTTP/1.0", headers


async def read_head(reader: asyncio.StreamReader, limit: int) -> bytes:
    """A response head up to its blank line, whether its lines end in CRLF or in LF alone (as
    httpx reads them), without the blank line; at most `limit` bytes."""
    # Mostly the whole head arrives at once, its lines ending in CRLF: taken in one piece, not
    # line by line (a dozen readline calls were a tenth of a fetch's CPU). _buffer and
    # _wait_for_data are StreamReader's (see connection.Connection.usable), stable since 3.5.
    buffered: bytearray = reader._buffer  # type: ignore[attr-defined]
    if not buffered and not reader.at_eof():
        await reader._wait_for_data("read_head")  # type: ignore[attr-defined]
    if buffered.startswith(b"HTTP/"):
        end = buffered.find(b"\r\n\r\n", 0, limit + 2)
        if (
            end != -1
            and buffered.find(b"\n\n", 0, end + 2) == -1  # no earlier blank line in LF alone
            and buffered.find(b"\n\r\n", 0, end + 2) == -1  # nor one in CRLF after an LF
        ):
            return (await reader.readexactly(end + 4))[: end + 2]
    lines: list[bytes] = []
    size = 0
    while True:
        try:
            line = await reader.readline()
        except ValueError:  # one line past the reader's own limit
            raise httpx.RemoteProtocolError(f"response head larger than {limit} bytes") from None
        if not line.endswith(b"\n"):
            raise asyncio.IncompleteReadError(b"".join(lines) + line, None)
        if line in (b"\r\n", b"\n"):
            if lines:
                return b"".join(lines)
            continue
        size += len(line)
        if size > limit:
            raise httpx.RemoteProtocolError(f"response head larger than {limit} bytes")
        lines.append(line)
