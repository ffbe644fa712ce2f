"""discover: links from list pages (selector or default), RSS/Atom entries, canonical URLs."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from monitor.fetching.fetch import Fetcher
from monitor.models import FetchLimits, Link, Page, Source, SourceType, Validators
from monitor.pages import discover
from tests import hostile
from tests.hostile import HostileServer

SHANGHAI = ZoneInfo("Asia/Shanghai")
SITE = "http://news.example.gov.cn"
FETCHED = datetime(2024, 11, 1, 2, 0, tzinfo=UTC)


def page(
    body: str | bytes, url: str = SITE + "/ywdt/", content_type: str | None = "text/html"
) -> Page:
    content = body.encode() if isinstance(body, str) else body
    return Page(url, url, 200, content, content_type, Validators(), FETCHED)


def source(type: SourceType = "list", **overrides: object) -> Source:
    return Source(id="s", url=SITE + "/ywdt/", type=type, **overrides)  # type: ignore[arg-type]


def on(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=SHANGHAI)


# --- canonical ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://News.Example.CN:80/a/b.html#top", "http://news.example.cn/a/b.html"),
        ("https://x.cn:443/a?id=3&utm_source=wx&spm=a.b.c", "https://x.cn/a?id=3"),
        ("https://x.cn:8443/a?utm_medium=x&utm_campaign=y", "https://x.cn:8443/a"),
        ("https://x.cn", "https://x.cn/"),
        ("https://x.cn/a?b=%E5%8C%97&c", "https://x.cn/a?b=%E5%8C%97&c"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("  https://x.cn/a?from=rss  ", "https://x.cn/a?from=rss"),
    ],
    ids=["case-port-fragment", "tracking", "only-tracking", "empty-path", "encoding", "ipv6", "ws"],
)
def test_canonical(url: str, expected: str) -> None:
    assert discover.canonical(url) == expected


def test_canonical_is_idempotent() -> None:
    url = "HTTPS://WWW.Beijing.gov.cn:443/ywdt/t20240715_422.html?utm_source=x&id=1#p"
    once = discover.canonical(url)
    assert discover.canonical(once) == once


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.beijing.gov.cn/a.html", True),
        ("http://beijing.gov.cn/a.html", True),
        ("https://fgw.beijing.gov.cn/a.html", True),
        ("https://gov.cn/a.html", False),
        ("https://evilbeijing.gov.cn/a.html", False),
        ("https://www.bjd.com.cn/a.html", True),  # listed in allow_hosts
        ("https://m.bjd.com.cn/a.html", True),
        ("https://news.cn/a.html", False),
    ],
)
def test_links_stay_on_the_site(url: str, allowed: bool) -> None:
    src = Source(id="bj", url="https://www.beijing.gov.cn/ywdt/", allow_hosts=("www.bjd.com.cn",))
    assert discover.on_site(url, src) is allowed


# --- list pages ---------------------------------------------------------------------------------


def test_default_list_finds_the_articles_in_page_order() -> None:
    found = discover.links(page(hostile.LIST_PAGE), source(), tz=SHANGHAI)
    assert found == [
        Link(
            SITE + "/ywdt/202410/t20241020_501.html",
            "本市已建成501个一刻钟便民生活圈",
            on("2024-10-20"),
        ),
        # ./relative, #fragment dropped, the utm_ duplicate merged into it; year from fetched_at
        Link(
            SITE + "/ywdt/202407/t20240715_422.html", "一刻钟便民生活圈验收422个", on("2024-07-15")
        ),
        Link(
            SITE + "/ywdt/202401/t20240122_80.shtml", "2024年将新建80个便民生活圈", on("2024-01-22")
        ),
    ]


def test_selector_takes_every_link_it_names_but_stays_on_site() -> None:
    found = discover.links(page(hostile.LIST_PAGE), source(links="ul.list li"))
    urls = [link.url for link in found]
    assert SITE + "/ywdt/202401/t20240110_7.html" in urls  # short title: the selector decides
    assert not [u for u in urls if "example.com" in u or "nip.io" in u]
    assert len(urls) == 4


def test_gbk_list_page_is_readable() -> None:
    found = discover.links(page(hostile.GBK_LIST_PAGE), source())
    assert found == [
        Link(SITE + "/old/20240301/12345.htm", "保障性租赁住房筹集7万套", on("2024-03-01")),
    ]


def test_date_of_a_neighbour_is_not_taken() -> None:
    html = """<div class="content"><p>
      <a href="/a/2024/0701/1.html">第一篇文章标题在这里</a>
      <a href="/a/2024/0702/2.html">第二篇文章标题在这里</a> 2024-07-02</p></div>"""
    found = discover.links(page(html), source())
    assert [link.published for link in found] == [None, None]


def test_base_href_and_short_date_with_time() -> None:
    html = """<html><head><base href="http://news.example.gov.cn/other/"></head><body>
      <ul><li><a href="2024/11/01/story.html">北京市新增普惠托位一万个</a> 10-31 09:30</li></ul>
      <ul><li><a href="202412/t20241230_9.html">跨年的报道标题文字</a> [12-30]</li></ul>
      </body></html>"""
    found = discover.links(page(html), source())
    assert found[0].url == SITE + "/other/2024/11/01/story.html"
    assert found[0].published == on("2024-10-31")
    assert found[1].published == on("2023-12-30")  # in the future this year: last year's


def test_empty_page_has_no_links() -> None:
    assert discover.links(page(""), source()) == []


# --- feeds and single pages ---------------------------------------------------------------------


def test_rss_entries_with_dates_in_the_sites_zone() -> None:
    found = discover.links(
        page(hostile.RSS, SITE + "/feed.xml", "application/rss+xml"), source("feed")
    )
    assert found == [
        Link(SITE + "/news/2024/1201/100.html", "城市画廊建成100条", on("2024-12-01T10:00")),
        # no zone printed: the site's local time, not UTC
        Link(SITE + "/news/2024/1130/20.html", "无界公园20个", on("2024-11-30T09:30")),
    ]


def test_atom_entries() -> None:
    found = discover.links(page(hostile.ATOM, SITE + "/atom.xml", None), source("feed"))
    assert found == [
        Link(SITE + "/atom/2024/0905/25.html", "绿电占比达到25%", on("2024-09-05T16:00"))
    ]
    assert found[0].published is not None
    assert found[0].published.utcoffset() is not None


def test_not_a_feed_gives_no_links() -> None:
    assert discover.links(page("<html><p>hello</p></html>"), source("feed")) == []


def test_page_source_is_its_own_link() -> None:
    found = discover.links(page("<p>x</p>", SITE + "/zt/plan.html#x"), source("page"))
    assert found == [Link(SITE + "/zt/plan.html")]


# --- end to end over loopback -------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Iterator[HostileServer]:
    with hostile.serve("missing") as server:
        yield server


@pytest.mark.parametrize(
    ("path", "type", "count"),
    [
        ("/ywdt/", "list", 3),
        ("/list-gbk.html", "list", 1),
        ("/feed.xml", "feed", 2),
        ("/atom.xml", "feed", 1),
    ],
)
def test_fetch_then_discover(site: HostileServer, path: str, type: SourceType, count: int) -> None:
    src = Source(id="loop", url=site.url(path), type=type, per_host_delay=0)

    async def go() -> Page:
        async with Fetcher(FetchLimits(total_timeout=5)) as fetcher:
            return await fetcher.get(
                src.url, source=src, accept="feed" if type == "feed" else "html"
            )

    found = discover.links(asyncio.run(go()), src)
    assert len(found) == count
    assert all(link.url.startswith(site.url("/")) and link.title for link in found)


@pytest.mark.parametrize(
    "href",
    [
        "/a/b.html",
        "/a/b.html?utm_source=x&id=3#top",
        "/a/../b.html",
        "/x/./y",
        "/a/b c.html",
        "/a?",
        "/a#x?y",
        "/%E4%B8%AD.html",
        "/a\tb",
        "/a\\b",
        "/?spm=1&&q=2",
        "/ywdt/202407/t20240715_422.html",
    ],
)
def test_the_quick_path_for_rooted_links_spells_them_as_urljoin_does(href: str) -> None:
    from urllib.parse import urlsplit

    from monitor.pages.discover import _absolute_parts, _canonical

    base = "https://WWW.Example.gov.cn:443/ywdt/list.html?page=2"
    start = urlsplit(_canonical(base)[0])
    origin = (f"{start.scheme}://{start.netloc}", start.hostname or "")
    assert _absolute_parts(base, origin, href) == _absolute_parts(base, None, href)
