"""Reading a response body within the limits: content types we accept, streamed and size-limited
decompression (a gzip bomb stops early), binary bodies refused, small leftovers drained.
"""

from __future__ import annotations

import zlib
from typing import Literal

import httpx

from monitor.errors import FetchError
from monitor.fetching.connection import LeanResponse

Accept = Literal["html", "feed", "any"]

# A response from httpx's client (proxies, injected transports) or straight from ours.
Response = httpx.Response | LeanResponse

# Unread bodies up to this size (error pages, redirects) are read and dropped to keep the
# connection alive; a bigger one costs less to abandon with its connection.
DRAIN_BYTES = 65_536

# Bodies that are binary whatever the Content-Type says: servers do label images as text/html.
MAGIC = {
    b"\x89PNG": "PNG image",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "zip archive",
    b"%PDF": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"Rar!": "rar archive",
    b"\x7fELF": "executable",
}


def acceptable(content_type: str | None, accept: Accept) -> bool:
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if not mime:
        return True  # unlabelled: the magic-number check after reading still catches binaries
    xml = mime.endswith("xml")  # application/xml, text/xml, application/rss+xml …
    match accept:
        case "html":
            # text/plain: legacy servers label whole sites that way
            return mime in ("text/html", "application/xhtml+xml", "text/plain")
        case "feed":
            # text/html and text/plain: many feeds are served with a page's content type
            return xml or mime in ("text/html", "text/plain")
        case "any":
            return mime.startswith("text/") or xml or mime.endswith("json")


async def read_body(
    response: Response, url: str, encoding: str, limit: int, truncate: bool
) -> bytes:
    """The decompressed body, stopping as soon as it passes `limit` (a gzip bomb stops early)."""
    inflater: zlib._Decompress | None
    match encoding:
        case "identity" | "":
            inflater = None
        case "gzip" | "x-gzip":
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        case "deflate":
            inflater = None  # chosen on the first bytes: zlib-wrapped or raw, servers differ
        case _:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}", url=url)
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            if encoding == "deflate" and inflater is None and chunk:
                wrapped = len(chunk) < 2 or (
                    chunk[0] & 0x0F == 8 and (chunk[0] << 8 | chunk[1]) % 31 == 0
                )
                inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            room = limit - len(body)
            # max_length bounds what one chunk may expand to: memory stays within the limit.
            piece = chunk if inflater is None else inflater.decompress(chunk, room + 1)
            if len(piece) > room:
                if truncate:
                    body += piece[:room]
                    return bytes(body)
                raise too_large(url, limit)
            body += piece
        if inflater is not None:
            body += inflater.flush()[: max(0, limit - len(body))]
    except zlib.error as exc:
        raise FetchError(f"corrupt {encoding} body: {exc}", url=url) from None
    return bytes(body)


async def drain(response: Response) -> None:
    """Read the rest of a small unread body (304, redirect, error page) so that the connection
    goes back to the pool; an unread body would make httpcore close it."""
    if response.is_stream_consumed or response.is_closed:
        return
    seen = 0
    try:
        async for chunk in response.aiter_raw():
            seen += len(chunk)
            if seen > DRAIN_BYTES:
                return  # cheaper to open a new connection than to read on
    except httpx.HTTPError:
        return


def too_large(url: str, limit: int) -> FetchError:
    return FetchError(
        f"body larger than {limit:,} bytes (max_bytes, counted after decompression)",
        url=url,
        hint="the page is too big or a decompression bomb; raise max_bytes if it is legitimate",
    )
