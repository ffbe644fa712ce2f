"""The demo's sample news site: its outlets, articles and timeline (demo_site/site.yaml), their
pages (list pages, RSS, GBK and UTF-8 articles) and a server on 127.0.0.1 with a clock the demo
moves, so that the site shows only what was published by then. demo_replay runs passes on it.
"""

from __future__ import annotations

import hashlib
import html
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from monitor.models import SHANGHAI

SITE = Path(__file__).parent / "demo_site"


@dataclass(frozen=True)
class DemoArticle:
    id: str
    outlet: str
    date: datetime
    title: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.date:%Y%m}/t{self.date:%Y%m%d}_{self.id}.html"


@dataclass(frozen=True)
class DemoVerdict:
    """What the demo's analyst decides after a pass: reject (with why) or accept a figure."""

    after: datetime
    article: str
    surface: str
    reject: str | None  # the reason; None: accept


@dataclass(frozen=True)
class DemoSite:
    outlets: dict[str, dict[str, str]]
    articles: tuple[DemoArticle, ...]
    passes: tuple[datetime, ...]
    verdicts: tuple[DemoVerdict, ...] = ()


def load_site(path: Path = SITE / "site.yaml") -> DemoSite:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # LibYAML's, where PyYAML has it
    data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)

    def when(text: Any) -> datetime:
        return datetime.strptime(str(text), "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)

    articles = tuple(
        DemoArticle(
            id=a["id"],
            outlet=a["outlet"],
            date=when(a["date"]),
            title=a["title"],
            paragraphs=tuple(a["paragraphs"]),
        )
        for a in data["articles"]
    )
    verdicts = tuple(
        DemoVerdict(
            after=when(v["after"]),
            article=v["article"],
            surface=v["surface"],
            reject=v.get("reject"),
        )
        for v in data.get("verdicts", ())
    )
    return DemoSite(
        outlets=data["outlets"],
        articles=articles,
        passes=tuple(when(p) for p in data["passes"]),
        verdicts=verdicts,
    )


# --- the site's pages ---------------------------------------------------------------------------

_NAV = "".join(
    f'<li><a href="/{p}/">{name}</a></li>'
    for p, name in [
        ("bjgov", "首页"),
        ("bjgov", "要闻动态"),
        ("bjgov", "政务公开"),
        ("bjrb", "政策解读"),
    ]
)
_FOOTER = (
    '<div class="footer"><p>主办：{name}　版权所有</p>'
    "<p>京ICP备05060933号　京公网安备11010502039419号　网站标识码1100000088</p></div>"
)


def _layout(outlet: dict[str, str], title: str, main: str, charset: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_{html.escape(outlet["name"])}</title>
<style>body{{font-family:sans-serif}} .nav li{{display:inline;margin:0 8px}}</style>
<script>var _hmt = _hmt || []; /* analytics */</script>
</head><body>
<div class="header"><div class="logo">{html.escape(outlet["name"])}</div>
<ul class="nav">{_NAV}</ul><div class="search"><input placeholder="请输入关键词"></div></div>
{main}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
{_FOOTER.format(name=html.escape(outlet["name"]))}
</body></html>"""


def article_page(site: DemoSite, article: DemoArticle) -> str:
    outlet = site.outlets[article.outlet]
    related = [a for a in site.articles if a.outlet == article.outlet and a.id != article.id][:3]
    related_html = "".join(
        f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>' for a in related
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    main = f"""<div class="main"><div class="article">
<h1>{html.escape(article.title)}</h1>
<div class="info"><span>发布时间：{article.date:%Y-%m-%d %H:%M}</span>
<span>来源：{html.escape(outlet["name"])}</span><span class="font">字号：大 中 小</span></div>
<div class="TRS_Editor" id="zoom">{body}</div></div>
<div class="related"><h3>相关新闻</h3><ul>{related_html}</ul></div></div>"""
    charset = "gb2312" if outlet["encoding"] == "gbk" else "utf-8"
    return _layout(outlet, article.title, main, charset)


def list_page(site: DemoSite, outlet_id: str, now: datetime) -> str:
    outlet = site.outlets[outlet_id]
    items = "".join(
        f'<li><a href="{a.path}" title="{html.escape(a.title)}">{html.escape(a.title)}</a>'
        f"<span>{a.date:%Y-%m-%d}</span></li>"
        for a in visible(site, outlet_id, now)
    )
    main = f'<div class="main"><h2>要闻动态</h2><ul class="list">{items}</ul></div>'
    charset = "gb2312" if outlet["encoding"] == "gbk" else "utf-8"
    return _layout(outlet, "要闻动态", main, charset)


def feed(site: DemoSite, outlet_id: str, now: datetime, base: str) -> str:
    outlet = site.outlets[outlet_id]
    items = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{base}{a.path}</link>"
        f"<guid>{base}{a.path}</guid><pubDate>{format_datetime(a.date)}</pubDate></item>"
        for a in visible(site, outlet_id, now)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(outlet['name'])}</title><link>{base}/{outlet_id}/</link>"
        f"<description>demo</description>{items}</channel></rss>"
    )


def visible(site: DemoSite, outlet_id: str, now: datetime) -> list[DemoArticle]:
    shown = [a for a in site.articles if a.outlet == outlet_id and a.date <= now]
    return sorted(shown, key=lambda a: a.date, reverse=True)


class _QuietServer(ThreadingHTTPServer):
    """The demo's server: a client that hangs up before its answer is written (a fetch given up
    on a timeout) is no error to print on the user's terminal; any other error still is."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class DemoServer:
    """The sample site on 127.0.0.1 at a free port, with a clock the demo moves."""

    def __init__(self, site: DemoSite):
        self.site = site
        self.now = site.passes[0]
        self.requests: list[tuple[str, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, ctype = server.respond(self.path)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                server.requests.append((self.path, status))
                self.send_response(status)
                if status in (200, 304):
                    self.send_header("ETag", etag)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def respond(self, path: str) -> tuple[int, bytes, str]:
        """Status, body and content type for a path. Content types name no charset, as many
        government CMSs send them: the page's <meta> has to be read."""
        path = path.split("?", 1)[0]
        if path == "/robots.txt":
            return 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
        outlet_id = path.strip("/").split("/", 1)[0]
        outlet = self.site.outlets.get(outlet_id)
        if outlet is None or outlet_id == "broken":
            status = 404 if outlet is None else 500
            return status, b"<html><body>error</body></html>", "text/html"
        codec = "gbk" if outlet["encoding"] == "gbk" else "utf-8"
        if path == f"/{outlet_id}/list.html":
            return 200, list_page(self.site, outlet_id, self.now).encode(codec), "text/html"
        if path == f"/{outlet_id}/rss.xml":
            text = feed(self.site, outlet_id, self.now, self.base)
            return 200, text.encode("utf-8"), "application/rss+xml"
        for article in self.site.articles:
            if article.path == path and article.date <= self.now:
                return 200, article_page(self.site, article).encode(codec), "text/html"
        return 404, b"<html><body>not found</body></html>", "text/html"

    @contextmanager
    def running(self) -> Iterator[DemoServer]:
        thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.httpd.shutdown()
            self.httpd.server_close()


def demo_watchlist(base: str) -> str:
    """The demo's watchlist: the bundled one, pointed at the server's port."""
    return (SITE / "watchlist.yaml").read_text(encoding="utf-8").replace("{base}", base)
