"""render: browser against a loopback site whose links and article appear only after its scripts
run: headless Chromium through Playwright, with robots.txt, the limits, and clear failures."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from monitor import cli, pipeline
from monitor.config import watchlist
from monitor.errors import ExtractError, FetchError
from monitor.fetching.browser import chromium_path
from monitor.fetching.fetch import Fetcher
from monitor.models import FetchLimits, Page, Source
from monitor.pages import extract
from monitor.store.state import Store

if chromium_path() is None:
    if os.environ.get("CI"):  # CI installs it (scripts/test): a missing browser is a failure
        raise RuntimeError("Chromium is missing on CI: scripts/test should have installed it")
    pytest.skip(
        "no Chromium: apt-get install chromium (scripts/test does so when run as root)",
        allow_module_level=True,
    )

SHANGHAI = ZoneInfo("Asia/Shanghai")
LIMITS = FetchLimits(total_timeout=15, retries=0, max_bytes=1_000_000)

ARTICLES = {
    "1": {
        "title": "全市新建城市画廊30条",
        "date": "2024-10-08 16:00",
        "paragraphs": [
            "记者从市城市管理委获悉，今年以来全市已完成城市画廊建设30条，完成年度任务的三成。",
            "城市画廊建设坚持“一街一策”，同步整治架空线、违规广告牌和破损路面。",
            "按照计划，年底前还将完成其余画廊的建设任务。",
        ],
    },
    "2": {
        "title": "口袋公园开放20处",
        "date": "2024-10-09 09:00",
        "paragraphs": [
            "截至9月底，全市新建口袋公园20处已全部对市民开放，居民出门五分钟就能进公园。",
            "这些公园利用边角地和腾退空间建设，配有座椅、健身器材和儿童游乐设施。",
        ],
    },
}
SHELL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="nav"><a href="/">首页</a></div><div id="app"></div>{extra}
<script src="/static/app.js"></script></body></html>"""
# The article is fetched as data and written into the page: neither the markup nor its scripts
# hold it, so only a browser can read it.
APP_JS = """
const id = location.pathname.split("/").pop();
const from = location.pathname.startsWith("/a/hidden") ? "/api/hidden/" : "/api/article/";
fetch(from + id + ".json").then(r => r.json()).then(a => {
  document.title = a.title + " - 城市动态";
  const app = document.getElementById("app");
  const h1 = document.createElement("h1"); h1.textContent = a.title; app.appendChild(h1);
  const when = document.createElement("div"); when.textContent = "发布时间：" + a.date;
  app.appendChild(when);
  const body = document.createElement("div"); body.className = "article";
  for (const text of a.paragraphs) {
    const p = document.createElement("p"); p.textContent = text; body.appendChild(p);
  }
  app.appendChild(body);
});
"""
LIST_JS = """
fetch("/api/list.json").then(r => r.json()).then(items => {
  const ul = document.getElementById("list");
  for (const item of items) {
    const li = document.createElement("li"); const a = document.createElement("a");
    a.href = item.url; a.textContent = item.title; li.appendChild(a); ul.appendChild(li);
  }
});
"""
HUGE_JS = "document.getElementById('app').textContent = '很长的页面。'.repeat(200000);"


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with self.server.lock:
            self.server.hits.append(path)
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            self._send(
                b"User-agent: *\nDisallow: /private/\nDisallow: /api/hidden/\n", "text/plain"
            )
        elif path == "/list":
            page = SHELL.format(
                title="城市动态", extra=f'<ul id="list"></ul><script>{LIST_JS}</script>'
            )
            self._send(page.replace('<script src="/static/app.js"></script>', "").encode(), html)
        elif path == "/api/list.json":
            items = [{"url": f"/a/{n}", "title": a["title"]} for n, a in ARTICLES.items()]
            items.append({"url": "/private/3", "title": "不让机器人看的页面"})
            self._send(json.dumps(items).encode(), "application/json")
        elif path == "/static/app.js":
            self._send(APP_JS.encode(), "text/javascript")
        elif path.startswith(("/a/", "/private/")):
            self._send(
                SHELL.format(title="城市动态", extra='<img src="/img/photo.png">').encode(), html
            )
        elif path.startswith(("/api/article/", "/api/hidden/")):
            article = ARTICLES.get(path.rsplit("/", 1)[-1].removesuffix(".json"))
            if article is None:
                self._send(b"{}", "application/json", status=404)
            else:
                self._send(json.dumps(article, ensure_ascii=False).encode(), "application/json")
        elif path == "/huge":
            page = SHELL.format(title="大页面", extra=f"<script>{HUGE_JS}</script>")
            self._send(page.encode(), html)
        elif path == "/slow":
            time.sleep(3)
            self._send(SHELL.format(title="慢", extra="").encode(), html)
        elif path == "/file.pdf":
            self._send(b"%PDF-1.4 not a page", "application/pdf")
        else:
            self._send(b"not here", "text/plain", status=404)

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: list[str] = []
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def hit(self, prefix: str) -> list[str]:
        with self.lock:
            return [path for path in self.hits if path.startswith(prefix)]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser hangs up on /slow when total_timeout cuts the visit short; the answer
        # written after that fails. socketserver would print it to sys.stderr from this
        # thread, into whichever test is capturing then (one saw it beside its one line).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def site() -> Iterator[_Site]:
    server = _Site()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def source(url: str, render: str = "browser") -> Source:
    return Source(id="spa", url=url, type="page", render=render, per_host_delay=0)  # type: ignore[arg-type]


def fetch(url: str, *, render: str = "browser", limits: FetchLimits = LIMITS) -> Page:
    async def go() -> Page:
        async with Fetcher(limits) as fetcher:
            return await fetcher.get(url, source=source(url, render), accept="html")

    return asyncio.run(go())


def test_the_article_appears_only_after_the_scripts_run(site: _Site) -> None:
    url = site.url("/a/1")
    plain = fetch(url, render="http")
    with pytest.raises(ExtractError):
        extract.extract(plain.content, url=url, content_type=plain.content_type)
    page = fetch(url)
    article = extract.extract(page.content, url=page.url, content_type=page.content_type)
    assert article.title == "全市新建城市画廊30条"
    assert "今年以来全市已完成城市画廊建设30条" in article.text
    assert "年底前还将完成其余画廊的建设任务" in article.text
    assert article.published == datetime(2024, 10, 8, 16, tzinfo=SHANGHAI)
    assert site.hit("/img/") == []  # images are not fetched


def test_a_list_source_rendered_by_the_browser_finds_and_reads_its_articles(
    site: _Site, tmp_path: Path
) -> None:
    path = tmp_path / "watchlist.yaml"
    path.write_text(
        f"""timezone: Asia/Shanghai
limits: {{total_timeout: 15s, retries: 0}}
sources:
  - id: spa-city
    url: {site.url("/list")}
    links: "#list a"
    render: browser
    per_host_delay: 0s
targets:
  - id: galleries
    title: 北京2024年建设100条城市画廊
    keywords: [城市画廊]
    unit: 条
    pledge: {{value: 100, by: 2024-12-31}}
""",
        encoding="utf-8",
    )
    wl = watchlist.load(path)
    store = Store.open(tmp_path / "state")
    try:
        now = datetime(2024, 10, 10, 8, tzinfo=SHANGHAI)
        report = pipeline.run_pass(
            wl, store, now=now, state_dir=tmp_path / "state", digest_mode="never"
        )
        result = report.sources[0]
        assert result.ok, result.error
        assert sorted(url.rsplit("/", 1)[-1] for url in result.new) == ["1", "2"]
        assert any("robots.txt" in error for error in result.article_errors)  # /private/3
        figures = store.observations(target_id="galleries")
        assert figures and {str(o.figure.value) for o in figures} == {"30"}  # headline and text
    finally:
        store.close()
    assert site.hit("/private/") == []


def test_monitor_try_render(
    site: _Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--watchlist", str(tmp_path / "none.yaml"), "try", site.url("/a/2")]
    assert cli.main([*args, "--render"]) == 0
    out = capsys.readouterr().out
    assert "口袋公园开放20处" in out and "全市新建口袋公园20处已全部对市民开放" in out
    assert cli.main(args) == 1  # without the browser the page is an empty shell
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "render: browser" in err


def test_robots_txt_keeps_the_browser_from_a_page(site: _Site) -> None:
    with pytest.raises(FetchError, match=r"robots\.txt disallows"):
        fetch(site.url("/private/9"))
    assert site.hit("/private/") == []


def test_robots_txt_keeps_the_pages_script_from_its_data(site: _Site) -> None:
    page = fetch(site.url("/a/hidden1"))  # its script asks for /api/hidden/…, which is refused
    assert "城市画廊" not in page.content.decode()
    assert site.hit("/api/hidden/") == []


def test_the_rendered_page_is_held_to_max_bytes(site: _Site) -> None:
    with pytest.raises(FetchError, match="larger than 100,000 bytes"):
        fetch(site.url("/huge"), limits=replace(LIMITS, max_bytes=100_000))


def test_the_visit_is_held_to_total_timeout(site: _Site) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"within 1 s|in time"):
        fetch(site.url("/slow"), limits=replace(LIMITS, total_timeout=1))
    assert time.monotonic() - started < 10


def test_a_file_is_not_a_page(site: _Site) -> None:
    with pytest.raises(FetchError, match=r"not a page|could not load"):
        fetch(site.url("/file.pdf"))


def test_missing_chromium_is_one_line_naming_what_to_install(
    site: _Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MONITOR_CHROMIUM", str(tmp_path / "no-such-chromium"))
    args = ["--watchlist", str(tmp_path / "none.yaml"), "try", site.url("/a/1"), "--render"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "needs Chromium" in err and "apt-get install chromium" in err


def test_missing_playwright_is_one_line_naming_the_extra(
    site: _Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)  # as if not installed
    args = ["--watchlist", str(tmp_path / "none.yaml"), "try", site.url("/a/1"), "--render"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "pip install 'monitor[browser]'" in err
