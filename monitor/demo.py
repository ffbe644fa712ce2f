"""`monitor demo`: serve the bundled sample news site on 127.0.0.1 and replay its timeline.

Each pass runs with the demo clock set to a date of the timeline; the site shows only what was
published by then, so the digests in the outbox tell the story as it unfolded.
"""

from __future__ import annotations

import hashlib
import html
import shutil
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

from monitor import pipeline
from monitor.config import watchlist
from monitor.errors import StateError
from monitor.models import SHANGHAI
from monitor.report import diff, site
from monitor.report.numbers import number
from monitor.store import lock, verdicts
from monitor.store.schema import DB_NAME
from monitor.store.state import Store

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

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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


# --- the replay ---------------------------------------------------------------------------------


MARK = ".monitor-demo"  # written into a folder the demo made; only such a folder is reset
_MADE = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "outbox", "watchlist.yaml")


def refuse_foreign(folder: Path) -> None:
    """Raise StateError unless `folder` is new, empty, or one the demo marked as its own: a
    folder with a state database, another program's lock or anything else in it is not the
    demo's to reset. Checked before the demo writes anything, its lock included."""
    if folder.exists() and not folder.is_dir():
        raise StateError(
            "is a file, not a folder", where=str(folder), hint="pass --dir with a new folder"
        )
    if not folder.is_dir() or (folder / MARK).is_file() or not any(folder.iterdir()):
        return
    holder = lock.in_use(lock.lock_path(folder))
    if holder is not None:
        what = "is in use by another monitor" + (f" (pid {holder})" if holder else "")
    elif (folder / DB_NAME).exists():
        what = "holds a monitor state database"
    else:
        what = "is not empty"
    raise StateError(
        f"{what}, and the demo works only in a folder of its own",
        where=str(folder),
        hint="pass --dir with a new or empty folder",
    )


def reset(folder: Path, *, keep: bool) -> None:
    """Mark `folder` as the demo's and, unless `keep`, delete what an earlier demo made there
    (its database, outbox and watchlist); nothing else in it is touched."""
    (folder / MARK).write_text(
        "This folder was made by `monitor demo`, which resets it on each run.\n", encoding="utf-8"
    )
    if keep:
        return
    for name in _MADE:
        made = folder / name
        if made.is_dir() and not made.is_symlink():
            shutil.rmtree(made)
        elif made.exists() or made.is_symlink():
            made.unlink()


def replay(
    state_dir: Path, *, keep: bool = False, server: DemoServer | None = None
) -> list[pipeline.PassReport]:
    """Run one pass per date of the timeline against the sample site; digests to the outbox.

    `state_dir` is the demo's own folder (see `claim`); without `server`, one is started for
    the replay and stopped after it.
    """
    if server is None:
        server = DemoServer(load_site())
        with server.running():
            return replay(state_dir, keep=keep, server=server)
    refuse_foreign(state_dir)
    with lock.hold(lock.lock_path(state_dir), wait=0, what=str(state_dir)):
        reset(state_dir, keep=keep)
        wl_path = state_dir / "watchlist.yaml"
        wl_path.write_text(demo_watchlist(server.base), encoding="utf-8")
        wl = watchlist.load(wl_path)
        with Store.open(state_dir) as store:
            reports = []
            for moment in server.site.passes:
                server.now = moment
                reports.append(pipeline.run_pass(wl, store, now=moment, state_dir=state_dir))
                for decided in server.site.verdicts:
                    if decided.after == moment:
                        _decide(store, server.site, decided)
    return reports


def _decide(store: Store, site: DemoSite, decided: DemoVerdict) -> None:
    """`monitor reject|accept ID` for the figure a demo verdict names."""
    path = next(a.path for a in site.articles if a.id == decided.article)
    for obs in store.observations():
        if obs.article_url.endswith(path) and obs.figure.quantity.surface == decided.surface:
            verdict: verdicts.Verdict = "accepted" if decided.reject is None else "rejected"
            verdicts.set_verdict(store, obs.id, verdict, why=decided.reject, at=decided.after)


def run(*, state_dir: Path, keep: bool = False) -> list[str]:
    """The demo as the CLI runs it: replay, write the report, then the lines that say what the
    digests hold and where the digests and the report are."""
    reports = replay(state_dir, keep=keep)
    wl = watchlist.load(state_dir / "watchlist.yaml")
    lines = []
    decided = {(v.after, v.article): v for v in load_site().verdicts}
    for report in reports:
        counts = report.summary()
        lines.append(
            f"{report.now:%Y-%m-%d}: {counts['new']} new articles, "
            f"{counts['observations']} figures, {counts['sources_failed']} source(s) failing; "
            "digest: " + (", ".join(report.delivered) or "nothing to send")
        )
        lines.extend(f"  subject: {_subject(where)}" for where in report.delivered)
        for (after, article), v in decided.items():
            if after == report.now:
                word = "rejected" if v.reject else "accepted"
                lines.append(
                    f"  then the analyst {word} {v.surface} ({article})"
                    + (f": {v.reject}" if v.reject else "")
                    + " — as `monitor reject ID --why TEXT` does"
                )
    lines.append("")
    lines.append("Progress as the digests reported it (rejected figures left out):")
    with Store.open(state_dir) as store:
        for target in wl.targets:
            line = progress_line(target, store, today=reports[-1].now.date())
            if line:
                lines.append(f"  {target.title}: {line}")
        written = site.write(wl, store, out=state_dir / "report", now=reports[-1].now)
    lines.append("")
    lines.append(f"Digests (.eml files, open with any mail client): {state_dir / 'outbox'}")
    lines.append(f"Report with charts (open in a browser): {written.index}")
    return lines


def _subject(where: str) -> str:
    """The subject of a digest in the outbox (it says what moved, what waits, what was fixed)."""
    from email import message_from_bytes, policy

    path = Path(where)
    if not path.is_file():
        return "(sent by SMTP)"
    return str(message_from_bytes(path.read_bytes(), policy=policy.default)["Subject"])


def progress_line(target: Any, store: Store, *, today: Any) -> str | None:
    """360 → 422 → 501, 176 % of the pledge: the confirmed level after each digest."""
    reported = [o for o in store.reported_observations(target.id) if not o.rejected]
    unit = target.unit or ""
    levels = [number(target.baseline.value, unit)] if target.baseline else []
    moved = False
    for digest_id in sorted({o.digest_id for o in reported if o.digest_id is not None}):
        upto = [o for o in reported if o.digest_id is not None and o.digest_id <= digest_id]
        last = diff.latest_confirmed(target, upto)
        if last is not None:
            moved = True
            shown = number(diff.level_of(last, target), unit)
            if not levels or levels[-1] != shown:
                levels.append(shown)
    if not moved:
        return None
    _, progress = diff.latest_progress(target, reported, today=today)
    tail = f", {progress.percent}% of the pledge" if progress else ""
    return " → ".join(levels) + tail
