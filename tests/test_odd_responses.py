"""Odd HTTP responses, read by both transports: the lean one must read each exactly as httpx's
own (httpcore/h11) does (the same status and body, or both refuse it), or it is not the default.
It is not: the cases in DIVERGE are read otherwise, and strict xfail keeps that list true (a fix
to the lean transport makes its case pass, and the test says so).

A raw socket server on 127.0.0.1 answers each path with canned bytes: bare-LF header lines,
an HTTP/1.0 body delimited by the close, duplicate Content-Length headers, 103 Early Hints
before the answer, chunked bodies with extensions and trailers, obs-folded headers.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from monitor.errors import FetchError
from monitor.fetching.fetch import Fetcher
from monitor.models import FetchLimits, Source

LIMITS = FetchLimits(
    connect_timeout=2, read_timeout=2, total_timeout=3, retries=0, robots=False, max_bytes=100_000
)
HTML = "Content-Type: text/html; charset=utf-8"

CASES: dict[str, bytes] = {
    "plain": f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 5\r\n\r\nhello".encode(),
    "bare-lf-headers": f"HTTP/1.1 200 OK\n{HTML}\nContent-Length: 5\n\nhello".encode(),
    "mixed-line-ends": f"HTTP/1.1 200 OK\r\n{HTML}\nContent-Length: 5\r\n\nhello".encode(),
    "http10-close-delimited": f"HTTP/1.0 200 OK\r\n{HTML}\r\n\r\nhello, world".encode(),
    "http11-close-delimited": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nConnection: close\r\n\r\nhello, world"
    ).encode(),
    "duplicate-content-length-same": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello"
    ).encode(),
    "duplicate-content-length-differ": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!"
    ).encode(),
    "content-length-list": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 5, 5\r\n\r\nhello"
    ).encode(),
    "early-hints": (
        "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 5\r\n\r\nhello"
    ).encode(),
    "chunked-trailers": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\n\r\n"
    ).encode(),
    "chunk-extensions": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5;name=value\r\nhello\r\n0\r\n\r\n"
    ).encode(),
    "chunked-and-content-length": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\nhello\r\n0\r\n\r\n"
    ).encode(),
    "no-reason-phrase": f"HTTP/1.1 200\r\n{HTML}\r\nContent-Length: 5\r\n\r\nhello".encode(),
    "obs-fold-header": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nX-Long: a\r\n b\r\nContent-Length: 5\r\n\r\nhello"
    ).encode(),
    "space-before-colon": (
        f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length : 5\r\n\r\nhello"
    ).encode(),
    "short-body": f"HTTP/1.1 200 OK\r\n{HTML}\r\nContent-Length: 50\r\n\r\nhello".encode(),
    "garbage-status-line": b"HTTP/1.1 OK 200\r\nContent-Length: 5\r\n\r\nhello",
    "http09-no-head": b"<html>hello</html>",
}


# Where the lean transport reads otherwise than httpx: why httpx's own pool is the default.
# Cases the lean transport reads otherwise than httpx (none now): each is a strict xfail, so a
# change on either side shows up as a failure to look at.
DIVERGE: dict[str, str] = {}


@pytest.fixture(scope="module")
def raw_server() -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            path = data.split(b" ", 2)[1].decode().strip("/")
            conn.sendall(CASES.get(path, CASES["plain"]))
            conn.shutdown(socket.SHUT_WR)  # every answer ends with the connection

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def outcome(base: str, case: str, transport: str, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("MONITOR_TRANSPORT", transport)
    source = Source(id="odd", url=f"{base}/", per_host_delay=0.0)

    async def go() -> object:
        async with Fetcher(LIMITS, clock=lambda: datetime(2024, 7, 15, tzinfo=UTC)) as fetcher:
            try:
                page = await fetcher.get(f"{base}/{case}", source=source, accept="html")
            except FetchError:
                return "refused"
            return (page.status, page.content)

    return asyncio.run(go())


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(reason=DIVERGE[c], strict=True))
        if c in DIVERGE
        else c
        for c in sorted(CASES)
    ],
)
def test_the_lean_transport_reads_odd_answers_as_httpx_does(
    raw_server: str, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = outcome(raw_server, case, "httpx", monkeypatch)
    ours = outcome(raw_server, case, "lean", monkeypatch)
    print(f"\n{case:34} httpx: {theirs!r:28} lean: {ours!r}")
    assert ours == theirs
