"""A loopback site that misbehaves on purpose, for fetch and discover tests.

`serve(robots=...)` runs a ThreadingHTTPServer on 127.0.0.1 (free port) in a thread and yields it.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

RobotsMode = Literal["rules", "missing", "error"]

ROBOTS = "User-agent: *\nDisallow: /private/\n"
ETAG = '"v1"'
LAST_MODIFIED = "Mon, 15 Jul 2024 08:00:00 GMT"
ARTICLE = "<html><head><title>北京便民生活圈</title></head><body><p>已建成501个。</p></body></html>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

LIST_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>要闻动态</title></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/ywdt/index.html">要闻动态栏目首页导航</a></div>
<ul class="nav"><li><a href="/zwgk/2024/policy_list.html">政务公开政策文件栏目</a></li></ul>
<div class="main">
  <ul class="list">
    <li><a href="/ywdt/202410/t20241020_501.html"
           title="本市已建成501个一刻钟便民生活圈">本市已建成501个一刻钟…</a>
        <span>2024-10-20</span></li>
    <li><a href="./202407/t20240715_422.html#top">一刻钟便民生活圈验收422个</a>
        <span>[07-15]</span></li>
    <li><a href="/ywdt/202407/t20240715_422.html?utm_source=x">
        一刻钟便民生活圈验收422个（重复）</a></li>
    <li><a href="https://evil.example.com/2024/0101/1.html">外站的一篇报道标题</a></li>
    <li><a href="http://sub.127.0.0.1.nip.io/1.html">这里是一个假的子域名链接</a></li>
    <li><a href="javascript:void(0)">点击这里打开新窗口</a></li>
    <li><a href="mailto:a@b.cn">联系我们的邮箱地址</a></li>
    <li><a href="/ywdt/202401/t20240122_80.shtml">2024年将新建80个便民生活圈</a> 2024年1月22日</li>
    <li><a href="/ywdt/202401/t20240110_7.html">短</a></li>
  </ul>
  <div class="pager"><a href="/ywdt/index_1.html">下一页 2 3 4 5 6</a></div>
</div>
<div class="footer"><a href="/about/2024/1.html">关于我们网站地图和声明</a></div>
</body></html>
"""

GBK_LIST_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>旧站</title></head><body><div id="content"><table>
<tr><td><a href="/old/20240301/12345.htm">保障性租赁住房筹集7万套</a></td><td>2024-03-01</td></tr>
</table></div></body></html>
""".encode("gbk")

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>北京要闻</title><link>/</link>
<item><title>城市画廊建成100条</title><link>/news/2024/1201/100.html</link>
<pubDate>Sun, 01 Dec 2024 10:00:00 +0800</pubDate></item>
<item><title>无界公园20个</title><link>/news/2024/1130/20.html?spm=a.b</link>
<pubDate>2024-11-30 09:30:00</pubDate></item>
<item><title>外站</title><link>https://evil.example.com/x/1.html</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>要闻</title>
<entry><title>绿电占比达到25%</title><link href="/atom/2024/0905/25.html"/>
<id>urn:1</id><updated>2024-09-05T08:00:00Z</updated></entry>
</feed>
"""

_bomb: bytes | None = None
_bomb_lock = threading.Lock()


def gzip_bomb() -> bytes:
    """About 100 KB of gzip that inflates to 100 MiB of zeros (built once, then cached)."""
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
            block = b"\0" * (1 << 20)
            _bomb = b"".join(packer.compress(block) for _ in range(100)) + packer.flush()
        return _bomb


@dataclass
class Hit:
    path: str
    start: float
    port: int
    headers: dict[str, str]


@dataclass
class HostileServer:
    robots: RobotsMode = "rules"
    port: int = 0
    hits: list[Hit] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    active: int = 0
    max_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits_for(self, prefix: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.path.startswith(prefix)]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse can be observed
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet tests

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path
        with site.lock:
            site.hits.append(
                Hit(path, time.monotonic(), self.client_address[1], dict(self.headers.items()))
            )
            site.counts[path] += 1
            count = site.counts[path]
            site.active += 1
            site.max_active = max(site.max_active, site.active)
        try:
            self._route(site, path, count)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with site.lock:
                site.active -= 1

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route(self, site: HostileServer, path: str, count: int) -> None:
        html = "text/html; charset=utf-8"
        match path.split("?", 1)[0]:
            case "/robots.txt":
                if site.robots == "rules":
                    self._send(200, ROBOTS.encode(), "text/plain")
                elif site.robots == "missing":
                    self._send(404, b"not found")
                else:
                    self._send(503, b"down")
            case "/article.html":
                fresh = self.headers.get("If-None-Match") == ETAG or (
                    self.headers.get("If-Modified-Since") == LAST_MODIFIED
                )
                if fresh:
                    self._send(304, b"", None, ETag=ETAG)
                else:
                    self._send(200, ARTICLE.encode(), html, ETag=ETAG, Last_Modified=LAST_MODIFIED)
            case "/drip":
                self.close_connection = True
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.send_header("Connection", "close")
                self.end_headers()
                for _ in range(60):  # 1 byte every 0.5 s, for at most 30 s
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.5)
            case "/bomb":
                self._send(200, gzip_bomb(), html, Content_Encoding="gzip")
            case "/gzip":
                self._send(200, gzip.compress(ARTICLE.encode()), html, Content_Encoding="gzip")
            case "/deflate":
                self._send(200, zlib.compress(ARTICLE.encode()), html, Content_Encoding="deflate")
            case "/huge":
                self._send(200, b"<p>" + b"a" * 10_000_000, html)
            case "/huge-unlabelled":
                # No Content-Length: the size is only known by reading, so streaming must stop it.
                self.close_connection = True
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.send_header("Connection", "close")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"a" * 100_000)
            case "/loop/a":
                self._send(302, b"", None, Location="/loop/b")
            case "/loop/b":
                self._send(301, b"", None, Location=site.url("/loop/a"))
            case p if p.startswith("/chain/"):
                left = int(p.rsplit("/", 1)[1])
                if left:
                    self._send(302, b"", None, Location=f"/chain/{left - 1}")
                else:
                    self._send(200, ARTICLE.encode(), html)
            case "/to-private":
                self._send(302, b"", None, Location="http://10.1.2.3/admin")
            case "/to-metadata":
                self._send(302, b"", None, Location="http://169.254.169.254/latest/meta-data/")
            case p if p.startswith("/ratelimited/"):
                if count == 1:
                    self._send(429, b"slow down", "text/plain", Retry_After="1")
                else:
                    self._send(200, ARTICLE.encode(), html)
            case p if p.startswith("/ratelimited-date/"):
                if count == 1:
                    when = formatdate(time.time() + 1, usegmt=True)
                    self._send(503, b"later", "text/plain", Retry_After=when)
                else:
                    self._send(200, ARTICLE.encode(), html)
            case "/ratelimited-long":
                self._send(429, b"come back tomorrow", "text/plain", Retry_After="3600")
            case p if p.startswith("/flaky/"):
                if count == 1:
                    self._send(500, b"oops", "text/plain")
                else:
                    self._send(200, ARTICLE.encode(), html)
            case "/down":
                self._send(503, b"down", "text/plain")
            case "/gone":
                self._send(404, b"gone")
            case p if p.startswith("/private/"):
                self._send(200, ARTICLE.encode(), html)
            case "/image.png":
                self._send(200, PNG, "image/png")
            case "/blob":
                self._send(200, b"\x00\x01\x02" * 100, "application/octet-stream")
            case "/disguised-png":
                self._send(200, PNG, html)
            case "/gbk-lies.html":
                self._send(200, ARTICLE.encode("gbk"), html)
            case "/ywdt/":
                self._send(200, LIST_PAGE.encode(), html)
            case "/list-gbk.html":
                self._send(200, GBK_LIST_PAGE, "text/html")
            case "/feed.xml":
                self._send(200, RSS.encode(), "application/rss+xml")
            case "/atom.xml":
                self._send(200, ATOM.encode(), "application/atom+xml; charset=utf-8")
            case "/slow":
                time.sleep(0.2)
                self._send(200, ARTICLE.encode(), html)
            case _:
                self._send(200, ARTICLE.encode(), html)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow drip still writing must not keep the tests alive
    site: HostileServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on the drip or the bomb is the point of those routes


@contextmanager
def serve(robots: RobotsMode = "rules") -> Iterator[HostileServer]:
    """Run a hostile site on 127.0.0.1 on a free port for the duration of the block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    site = HostileServer(robots=robots, port=server.server_address[1])
    server.site = site
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
