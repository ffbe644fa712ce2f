"""Paths users take, end to end on loopback: a `type: page` source through `monitor run`, HTTPS
with a certificate the test makes and trusts (through both transports), and the address guard
with names: `localhost`, a name that resolves to a private address, and a name whose answer
changes after the check (the connection goes to the address that was checked)."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from monitor.cli import main
from monitor.errors import FetchError
from monitor.fetching.fetch import Fetcher
from monitor.models import FetchLimits, Page, Source

LIMITS = FetchLimits(connect_timeout=2, read_timeout=2, total_timeout=5, retries=0)
ARTICLE = """<!doctype html><html><head><meta charset="utf-8">
<title>本市一刻钟便民生活圈建设提速_北京市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/ywdt/">要闻动态</a></div>
<div class="article"><h1>本市一刻钟便民生活圈建设提速</h1>
<div class="info">发布时间：2024-10-20 09:00　来源：北京市商务局</div>
<div id="zoom"><p>记者从市商务局获悉，截至目前，本市已建成一刻钟便民生活圈{built}个，
提前完成全年目标任务，便民服务网点持续增加，居民生活更加方便。</p>
<p>下一步，本市将继续完善社区商业设施，推动生活服务业提质升级，让群众在家门口享受更多便利。</p>
</div></div><div class="footer">主办：北京市人民政府办公厅</div></body></html>"""
WATCHLIST = """\
sources:
  - {{id: bj-page, url: "{url}", type: page, per_host_delay: 0s}}
targets:
  - id: circles
    title: 北京2024年建设80个一刻钟便民生活圈
    keywords: [一刻钟便民生活圈]
    region: [北京, 本市]
    unit: 个
    pledge: {{value: 80, scope: new, by: 2024-12-31}}
"""


@dataclass
class Site:
    """A news page on 127.0.0.1, over HTTP or HTTPS, that records what reached it."""

    port: int
    scheme: str
    built: list[int] = field(default_factory=lambda: [501])
    hosts: list[str] = field(default_factory=list)  # the Host header of each request

    def url(self, path: str = "/ywdt/t20241020_501.html", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"


def _serve(context: ssl.SSLContext | None) -> Iterator[Site]:
    site = Site(port=0, scheme="https" if context else "http")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.hosts.append(self.headers.get("Host", ""))
            if not self.path.startswith("/ywdt/"):
                body, status = b"not here", 404
            else:
                body, status = ARTICLE.format(built=site.built[0]).encode(), 200
            etag = f'"{site.built[0]}"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                body, status = b"", 304
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed certificate for localhost, site.test and 127.0.0.1; its key beside it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,DNS:site.test,IP:127.0.0.1",
            "-keyout",
            str(folder / "key.pem"),
            "-out",
            str(folder / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return folder / "cert.pem"


@pytest.fixture(scope="module")
def http_site() -> Iterator[Site]:
    yield from _serve(None)


@pytest.fixture(scope="module")
def https_site(certificate: Path) -> Iterator[Site]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, certificate.parent / "key.pem")
    yield from _serve(context)


@pytest.fixture(params=["lean", "httpx"])
def transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each case through our transport and through httpx's pool (used behind a proxy)."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("MONITOR_TRANSPORT", str(request.param))
    return str(request.param)


def _monitor(tmp_path: Path, url: str, *args: str) -> int:
    wl = tmp_path / "watchlist.yaml"
    wl.write_text(WATCHLIST.format(url=url), encoding="utf-8")
    return main(["--watchlist", str(wl), "--state", str(tmp_path / "state"), *args])


def _run(tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str], code: int = 0) -> list[str]:
    assert _monitor(tmp_path, url, "run", "--all", "--digest", "never") == code
    return capsys.readouterr().out.splitlines()


# --- a page source, end to end -------------------------------------------------------------------


def test_a_page_source_is_read_stored_and_followed_for_changes(
    tmp_path: Path, http_site: Site, capsys: pytest.CaptureFixture[str], transport: str
) -> None:
    url = http_site.url()
    http_site.built[0] = 501
    first = _run(tmp_path, url, capsys)
    assert first[0].startswith("1 sources fetched (0 not due, 0 failed): 1 new articles, 0 changed")
    assert "1 new figures" in first[0]
    assert _run(tmp_path, url, capsys)[0].endswith(
        "0 new articles, 0 changed, 0 new figures; 0 digest(s) built"
    )
    http_site.built[0] = 520  # the page is edited: a new ETag, new text
    assert "0 new articles, 1 changed, 1 new figures" in _run(tmp_path, url, capsys)[0]
    assert _monitor(tmp_path, url, "history", "circles") == 0
    history = capsys.readouterr().out
    assert "【501个】" in history and "【520个】" in history
    assert url in history


# --- HTTPS ---------------------------------------------------------------------------------------


def test_https_with_a_certificate_the_user_trusts(
    tmp_path: Path,
    https_site: Site,
    certificate: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    transport: str,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    https_site.built[0] = 501
    out = _run(tmp_path, https_site.url(host="localhost"), capsys)
    assert "1 new articles" in out[0] and "1 new figures" in out[0]


def test_https_with_an_untrusted_certificate_fails_the_source_in_one_line(
    tmp_path: Path,
    https_site: Site,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    transport: str,
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    out = _run(tmp_path, https_site.url(host="localhost"), capsys, code=3)  # a source failed
    assert "1 failed" in out[0]
    (failure,) = [line for line in out if line.startswith("source bj-page failed")]
    assert "the TLS certificate is not trusted: self-signed certificate" in failure
    assert "set SSL_CERT_FILE to a bundle that holds it" in failure


# --- the address guard with names ---------------------------------------------------------------

PUBLIC = Source(id="news", url="http://news.example/ywdt/", per_host_delay=0)


class Names:
    """A resolver for the test's names; counts the questions it was asked."""

    def __init__(self, answers: dict[str, list[list[str]]]):
        self.answers = answers  # host → its answers, one per question (the last one repeats)
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        answers = self.answers[host]
        return answers[min(self.asked.count(host), len(answers)) - 1]


def _get(
    url: str,
    source: Source,
    *,
    resolver: Names | None = None,
    times: int = 1,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[Page]:
    async def go() -> list[Page]:
        options = {"resolver": resolver} if resolver else {}
        async with Fetcher(LIMITS, transport=transport, **options) as fetcher:  # type: ignore[arg-type]
            return [await fetcher.get(url, source=source) for _ in range(times)]

    return asyncio.run(go())


def test_localhost_is_loopback_to_a_public_source(http_site: Site, transport: str) -> None:
    """Resolved by the system (the hosts file): no name stands in."""
    public = Source(id="news", url="http://93.184.216.34/ywdt/", per_host_delay=0)
    with pytest.raises(FetchError, match=r"refused: localhost is at .*, a loopback address"):
        _get(http_site.url(host="localhost"), public)
    before = len(http_site.hosts)
    assert _get(
        http_site.url(host="localhost"), Source(id="own", url=http_site.url(host="localhost"))
    )
    assert http_site.hosts[before:] == [f"localhost:{http_site.port}"] * 2  # robots.txt, page


def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    transport: str,
) -> None:
    names = Names({"news.example": [["93.184.216.34"]], "intranet.example": [["10.20.30.40"]]})
    # conftest's loopback guard would raise, not FetchError, if a connection were tried.
    with pytest.raises(FetchError, match=r"intranet.example is at 10.20.30.40, a private address"):
        _get("http://intranet.example/admin", PUBLIC, resolver=names)


def test_the_guard_stays_on_with_an_injected_transport() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, text="<html>hi</html>")

    names = Names({"news.example": [["93.184.216.34"]], "intranet.example": [["192.168.1.1"]]})
    with pytest.raises(FetchError, match="a private address"):
        _get(
            "http://intranet.example/",
            PUBLIC,
            resolver=names,
            transport=httpx.MockTransport(answer),
        )
    assert sent == []  # neither robots.txt nor the page was asked for


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_the_connection_goes_to_the_address_that_was_checked(
    http_site: Site,
    https_site: Site,
    certificate: Path,
    monkeypatch: pytest.MonkeyPatch,
    transport: str,
    scheme: str,
) -> None:
    """site.test is 127.0.0.1 when checked, then a private address (DNS rebinding): every
    request still reaches 127.0.0.1, named site.test (Host, and TLS's name), without asking
    again. The system resolver does not know site.test: reaching the site at all proves the
    transport used the checked address."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
    site = https_site if scheme == "https" else http_site
    names = Names({"site.test": [["127.0.0.1"], ["10.0.0.1"]]})
    url = site.url(host="site.test")
    before = len(site.hosts)
    pages = _get(url, Source(id="own", url=url, per_host_delay=0), resolver=names, times=3)
    assert [p.status for p in pages] == [200, 200, 200]
    assert names.asked == ["site.test"]
    assert site.hosts[before:] == [f"site.test:{site.port}"] * 4  # robots.txt, then 3 pages
