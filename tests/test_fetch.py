"""fetch against a real hostile site on loopback: limits, politeness, conditional GET, retries."""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from monitor import USER_AGENT
from monitor.errors import FetchError
from monitor.fetching.fetch import Fetcher
from monitor.fetching.urls import parse_url
from monitor.models import FetchLimits, Page, Source, Validators
from tests import hostile
from tests.hostile import HostileServer

# Small limits keep every hostile case under a second or two.
LIMITS = FetchLimits(
    connect_timeout=2,
    read_timeout=2,
    total_timeout=1.0,
    max_bytes=200_000,
    max_redirects=3,
    concurrency=4,
    retries=1,
)
NOW = datetime(2024, 7, 15, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True, params=["lean", "httpx"])
def transport(request: pytest.FixtureRequest) -> Iterator[str]:
    """Every case twice: our transport called directly, and httpx's client and pool (used
    behind a proxy) must behave alike."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MONITOR_TRANSPORT", str(request.param))
        yield str(request.param)


@pytest.fixture(scope="module")
def site(transport: str) -> Iterator[HostileServer]:  # a fresh site (and hit counts) for each
    with hostile.serve("rules") as server:
        yield server


def source_for(site: HostileServer, **overrides: Any) -> Source:
    fields: dict[str, Any] = {"id": "t", "url": site.url("/"), "per_host_delay": 0.0}
    fields.update(overrides)
    return Source(**fields)


def fetch(
    site: HostileServer,
    path: str,
    *,
    limits: FetchLimits = LIMITS,
    source: Source | None = None,
    **options: Any,
) -> Page:
    async def go() -> Page:
        async with Fetcher(limits, backoff=0.05, clock=lambda: NOW) as fetcher:
            return await fetcher.get(site.url(path), source=source or source_for(site), **options)

    return asyncio.run(go())


def fails(site: HostileServer, path: str, **options: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(site, path, **options)
    return caught.value


# --- normal exchanges ---------------------------------------------------------------------------


def test_page_comes_with_its_validators_and_our_user_agent(site: HostileServer) -> None:
    page = fetch(site, "/article.html", accept="html")
    assert page.status == 200
    assert "便民生活圈" in page.content.decode()
    assert page.validators == Validators(hostile.ETAG, hostile.LAST_MODIFIED)
    assert page.fetched_at == NOW
    assert page.url == page.requested_url == site.url("/article.html")
    assert site.hits_for("/article.html")[-1].headers["User-Agent"] == USER_AGENT


def test_configured_user_agent_replaces_ours(site: HostileServer) -> None:
    limits = FetchLimits(**{**LIMITS.__dict__, "user_agent": "analyst-bot/1"})
    fetch(site, "/article.html?ua", limits=limits)
    assert site.hits_for("/article.html?ua")[-1].headers["User-Agent"] == "analyst-bot/1"


@pytest.mark.parametrize(
    "validators",
    [Validators(etag=hostile.ETAG), Validators(last_modified=hostile.LAST_MODIFIED)],
    ids=["etag", "last-modified"],
)
def test_conditional_get_gives_a_304_page_not_an_error(
    site: HostileServer, validators: Validators
) -> None:
    page = fetch(site, "/article.html", validators=validators)
    assert page.not_modified
    assert page.content == b""
    # A 304 may leave out what we sent; we keep both for the next pass.
    assert page.validators.etag == hostile.ETAG
    assert page.validators.last_modified == validators.last_modified


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_bodies_are_inflated(site: HostileServer, path: str) -> None:
    assert fetch(site, path).content == hostile.ARTICLE.encode()


def test_redirects_are_followed_and_both_urls_kept(site: HostileServer) -> None:
    page = fetch(site, "/chain/2")
    assert page.url == site.url("/chain/0")
    assert page.requested_url == site.url("/chain/2")


def test_wrong_charset_bytes_are_kept_for_decode(site: HostileServer) -> None:
    from monitor.pages.extract import decode

    page = fetch(site, "/gbk-lies.html", accept="html")
    assert page.content == hostile.ARTICLE.encode("gbk")  # fetch never decodes
    assert "已建成501个" in decode(page.content, page.content_type)


def test_feed_content_types_are_accepted_for_feeds_only(site: HostileServer) -> None:
    assert fetch(site, "/feed.xml", accept="feed").status == 200
    assert "not a page" in str(fails(site, "/feed.xml", accept="html"))


# --- hostile sites, each stopped by a stated limit ------------------------------------------------


def test_slow_drip_is_cut_off_by_the_total_deadline(site: HostileServer) -> None:
    before = len(site.hits_for("/drip"))
    error = fails(site, "/drip")
    assert "within 1 s" in str(error)
    assert len(site.hits_for("/drip")) == before + 1  # not retried: it would only drip again


@pytest.mark.perf
def test_slow_drip_costs_about_the_total_deadline(site: HostileServer) -> None:
    started = time.monotonic()
    fails(site, "/drip")
    assert time.monotonic() - started < 2.5


def test_gzip_bomb_stops_at_max_bytes_decompressed(site: HostileServer) -> None:
    error = fails(site, "/bomb")
    assert "larger than 200,000 bytes" in str(error)


@pytest.mark.perf
def test_gzip_bomb_is_stopped_quickly(site: HostileServer) -> None:
    started = time.monotonic()
    fails(site, "/bomb")
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("path", ["/huge", "/huge-unlabelled"])
def test_huge_page_is_refused(site: HostileServer, path: str) -> None:
    assert "larger than" in str(fails(site, path))


def test_redirect_loop_is_named(site: HostileServer) -> None:
    assert "redirect loop" in str(fails(site, "/loop/a"))


def test_too_many_redirects(site: HostileServer) -> None:
    assert "too many redirects (more than 3)" in str(fails(site, "/chain/5"))


@pytest.mark.parametrize(
    ("path", "kind"), [("/to-private", "private"), ("/to-metadata", "link-local")]
)
def test_redirect_to_a_private_address_is_refused(
    site: HostileServer, path: str, kind: str
) -> None:
    # The loopback guard in conftest would raise if a connection were even tried.
    assert f"a {kind} address" in str(fails(site, path))


def test_public_source_may_not_reach_loopback(site: HostileServer) -> None:
    public = Source(id="p", url="http://93.184.216.34/news/", per_host_delay=0)
    error = fails(site, "/article.html", source=public)
    assert "a loopback address" in str(error)
    assert error.hint is not None


@pytest.mark.parametrize(
    ("path", "accept"),
    [("/image.png", "html"), ("/image.png", "any"), ("/blob", "any"), ("/disguised-png", "html")],
)
def test_binary_bodies_are_refused(site: HostileServer, path: str, accept: str) -> None:
    error = str(fails(site, path, accept=accept))
    assert "not a" in error or "binary body" in error


def test_not_a_url_or_not_http(site: HostileServer) -> None:
    async def go(url: str) -> Page:
        async with Fetcher(LIMITS) as fetcher:
            return await fetcher.get(url, source=source_for(site))

    for url in ("ftp://127.0.0.1/x", "http:///nohost"):
        with pytest.raises(FetchError, match="http"):
            asyncio.run(go(url))


# --- retries ----------------------------------------------------------------------------------


def test_429_with_retry_after_seconds_then_200(site: HostileServer) -> None:
    started = time.monotonic()
    page = fetch(site, "/ratelimited/a")
    assert page.status == 200
    assert time.monotonic() - started >= 0.9  # Retry-After: 1 honoured, not our 0.05 s backoff
    assert len(site.hits_for("/ratelimited/a")) == 2


def test_503_with_retry_after_date_then_200(site: HostileServer) -> None:
    async def go() -> Page:
        async with Fetcher(LIMITS, backoff=0.05) as fetcher:  # real clock: the date is real
            return await fetcher.get(site.url("/ratelimited-date/a"), source=source_for(site))

    assert asyncio.run(go()).status == 200


def test_retry_after_beyond_the_cap_fails_with_when_to_come_back(site: HostileServer) -> None:
    error = fails(site, "/ratelimited-long")
    assert error.status == 429
    assert "come back in 3600 s" in str(error)
    assert error.hint is not None
    assert "retry after 2024-07-15 09:00 UTC" in error.hint
    assert len(site.hits_for("/ratelimited-long")) == 1


def test_500_then_200_is_retried(site: HostileServer) -> None:
    assert fetch(site, "/flaky/a").status == 200
    assert len(site.hits_for("/flaky/a")) == 2


def test_persistent_5xx_fails_after_the_retries(site: HostileServer) -> None:
    error = fails(site, "/down")
    assert error.status == 503
    assert len(site.hits_for("/down")) == 1 + LIMITS.retries


def test_404_is_not_retried(site: HostileServer) -> None:
    error = fails(site, "/gone")
    assert error.status == 404
    assert "check the URL" in str(error)
    assert len(site.hits_for("/gone")) == 1


# --- robots.txt ---------------------------------------------------------------------------------


def test_robots_disallow_is_honoured_and_read_once(site: HostileServer) -> None:
    before = len(site.hits_for("/robots.txt"))

    async def go() -> tuple[Page, FetchError]:
        async with Fetcher(LIMITS) as fetcher:
            page = await fetcher.get(site.url("/article.html"), source=source_for(site))
            with pytest.raises(FetchError) as caught:
                await fetcher.get(site.url("/private/secret.html"), source=source_for(site))
            return page, caught.value

    page, error = asyncio.run(go())
    assert page.status == 200
    assert "robots.txt disallows" in str(error)
    assert len(site.hits_for("/robots.txt")) == before + 1
    assert not site.hits_for("/private/")


def test_robots_can_be_switched_off(site: HostileServer) -> None:
    limits = FetchLimits(**{**LIMITS.__dict__, "robots": False})
    assert fetch(site, "/private/ok.html", limits=limits).status == 200


def test_missing_robots_allows_everything() -> None:
    with hostile.serve("missing") as open_site:
        assert fetch(open_site, "/private/x.html").status == 200


def test_unreachable_robots_means_disallow() -> None:
    with hostile.serve("error") as closed_site:
        error = fails(closed_site, "/article.html")
        assert "robots.txt could not be read" in str(error)
        assert not closed_site.hits_for("/article.html")


# --- politeness and connection reuse ------------------------------------------------------------


def gather(site: HostileServer, paths: list[str], limits: FetchLimits, source: Source) -> None:
    async def go() -> None:
        async with Fetcher(limits) as fetcher:
            await asyncio.gather(*(fetcher.get(site.url(p), source=source) for p in paths))

    asyncio.run(go())


def test_per_host_concurrency_is_respected() -> None:
    with hostile.serve() as fresh:
        source = source_for(fresh, per_host_concurrency=1)
        gather(fresh, [f"/slow?{i}" for i in range(3)], LIMITS, source)
        assert fresh.max_active == 1


def test_global_concurrency_is_respected() -> None:
    with hostile.serve() as fresh:
        limits = FetchLimits(**{**LIMITS.__dict__, "concurrency": 2})
        source = source_for(fresh, per_host_concurrency=8)
        gather(fresh, [f"/slow?{i}" for i in range(5)], limits, source)
        assert fresh.max_active == 2


def test_per_host_delay_spaces_request_starts() -> None:
    with hostile.serve() as fresh:
        source = source_for(fresh, per_host_concurrency=4, per_host_delay=0.2)
        gather(fresh, [f"/article.html?{i}" for i in range(3)], LIMITS, source)
        starts = [h.start for h in fresh.hits]  # robots.txt first, then the three pages
        gaps = [b - a for a, b in itertools.pairwise(starts)]
        assert len(starts) == 4
        assert min(gaps) >= 0.18


def test_one_connection_is_reused_across_requests() -> None:
    # 304s, redirects and error pages included: an unread body would make httpcore drop it.
    with hostile.serve() as fresh:

        async def go() -> None:
            async with Fetcher(LIMITS) as fetcher:
                src = source_for(fresh)
                for i in range(3):
                    await fetcher.get(fresh.url(f"/article.html?{i}"), source=src)
                    await fetcher.get(
                        fresh.url("/article.html"), source=src, validators=Validators(hostile.ETAG)
                    )
                    await fetcher.get(fresh.url("/chain/1"), source=src)
                    with pytest.raises(FetchError):
                        await fetcher.get(fresh.url("/gone"), source=src)

        asyncio.run(go())
        assert len(fresh.hits) == 1 + 3 * 5
        assert len({h.port for h in fresh.hits}) == 1


def test_urls_are_split_exactly_as_httpx_splits_them() -> None:
    """The fast path for plain URLs must agree with httpx.URL on every part it reads."""

    rng = random.Random(7)
    pieces = [*"abcXYZ019-._~!$&'()*+,;=:@/?", "%2f", "%E4%B8%AD", "/./", "/../", "/..", "中", "#"]
    hosts = ["a.com", "127.0.0.1", "b-c.d.org", "xn--fiqs8s.cn", "中国.cn", "A.com", "[::1]"]
    ports = ["", ":80", ":443", ":8088", ":65535", ":70000"]
    for _ in range(3000):
        path = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        url = f"{rng.choice(['http', 'https'])}://{rng.choice(hosts)}{rng.choice(ports)}/{path}"
        try:
            expected: httpx.URL | None = httpx.URL(url)
            if expected is not None and not expected.host:
                expected = None
        except (httpx.InvalidURL, ValueError):
            expected = None
        if expected is None:
            with pytest.raises(FetchError):
                parse_url(url)
            continue
        got = parse_url(url)
        parts = ("scheme", "host", "raw_host", "port", "netloc", "raw_path")
        assert str(got) == str(expected), url
        assert [getattr(got, n) for n in parts] == [getattr(expected, n) for n in parts], url
