"""Render a page in headless Chromium (Playwright driving the system's browser) for sources with
`render: browser`: the HTML after the page's scripts ran. Playwright is the optional `browser`
extra, imported on first use.

The limits and manners of a plain fetch hold: the fetcher's guard (address guard for every
request; robots.txt for the pages and data a page loads, not its script files, as for a person's
browser) passes each request, the fetcher holds the host's turn, total_timeout bounds the visit
and max_bytes the rendered HTML. Images, fonts, media and style sheets are not fetched."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.errors import FetchError
from monitor.fetching.body import acceptable, too_large
from monitor.models import FetchLimits, Page, Validators

if TYPE_CHECKING:
    from playwright.async_api import Browser, Playwright, Request, Route

# After the page's load event, how long its scripts may go on fetching (links, article text)
# before the DOM is taken as it stands; within the source's total_timeout in any case.
SETTLE_SECONDS = 5.0
TABS = 4  # pages rendered at once: each tab costs tens of MB
# Resources a text reader never needs: not fetching them is lighter on the site too.
_SKIPPED = frozenset({"image", "media", "font", "stylesheet", "manifest", "texttrack", "other"})
_INSTALL_EXTRA = "install the browser extra: pip install 'monitor[browser]'"
_INSTALL_CHROMIUM = (
    "install Chromium (apt-get install chromium) or set MONITOR_CHROMIUM to its path"
)

# guard(url, resource type) raises FetchError for a request the page must not make
Guard = Callable[[str, str], Awaitable[None]]


def chromium_path() -> str | None:
    """The Chromium to drive: $MONITOR_CHROMIUM, else the system's chromium on PATH."""
    configured = os.environ.get("MONITOR_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Renderer:
    """One headless Chromium for a pass, started at the first page and closed with the pass."""

    def __init__(self, user_agent: str, clock: Callable[[], datetime]):
        self._user_agent = user_agent
        self._clock = clock
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._starting = asyncio.Lock()
        self._tabs = asyncio.Semaphore(TABS)

    async def render(self, url: str, *, limits: FetchLimits, guard: Guard) -> Page:
        """The page at url as the browser shows it once its scripts ran; FetchError otherwise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + limits.total_timeout
        try:
            async with asyncio.timeout_at(deadline):
                browser = await self._start(url)
                async with self._tabs:
                    context = await browser.new_context(
                        user_agent=self._user_agent, service_workers="block", accept_downloads=False
                    )
                    try:
                        return await self._visit(context, url, limits.max_bytes, deadline, guard)
                    finally:
                        await context.close()
        except TimeoutError:
            raise FetchError(
                f"the browser did not finish within {limits.total_timeout:g} s",
                url=url,
                hint="a slow site or a page that never settles; raise total_timeout",
            ) from None

    async def _visit(
        self, context: Any, url: str, max_bytes: int, deadline: float, guard: Guard
    ) -> Page:
        refused = await _guarded(context, guard)
        page = await context.new_page()
        await _load(page, url, deadline, refused)
        content = await _settled_html(page, deadline)
        if len(content) > max_bytes:
            raise too_large(url, max_bytes)
        return Page(
            url=page.url,
            requested_url=url,
            status=200,
            content=content,
            content_type="text/html; charset=utf-8",  # page.content() is the DOM, as text
            validators=Validators(),
            fetched_at=self._clock(),
        )

    async def _start(self, url: str) -> Browser:
        async with self._starting:
            if self._browser is not None:
                return self._browser
            try:
                from playwright.async_api import Error as PlaywrightError
                from playwright.async_api import async_playwright
            except ImportError:
                raise FetchError(
                    "render: browser needs Playwright, which is not installed",
                    url=url,
                    hint=_INSTALL_EXTRA,
                ) from None
            executable = chromium_path()
            if executable is None:
                raise FetchError(
                    "render: browser needs Chromium, which was not found",
                    url=url,
                    hint=_INSTALL_CHROMIUM,
                )
            # Kept at once: a pass that times out while Chromium starts still stops the driver
            # (and the browser it started) in aclose.
            self._playwright = playwright = await async_playwright().start()
            try:
                # The system's Chromium: Playwright's own browser builds are never downloaded.
                self._browser = await playwright.chromium.launch(
                    executable_path=executable, headless=True, args=["--disable-gpu"]
                )
            except PlaywrightError as error:
                await self.aclose()
                raise FetchError(
                    f"Chromium at {executable} did not start: {_first_line(error)}",
                    url=url,
                    hint=_INSTALL_CHROMIUM,
                ) from None
            return self._browser

    async def aclose(self) -> None:
        if self._browser is not None:
            await self._browser.close()
            self._browser = None
        if self._playwright is not None:
            await self._playwright.stop()
            self._playwright = None


async def _guarded(context: Any, guard: Guard) -> dict[str, FetchError]:
    """Every request of the context passes `guard` or is aborted; the refusals, by URL, are
    returned (filled in as the page loads). Resources a reader never needs are not fetched."""
    refused: dict[str, FetchError] = {}

    async def route(route: Route, request: Request) -> None:
        kind = request.resource_type
        if kind in _SKIPPED or not request.url.startswith(("http://", "https://")):
            await route.abort("blockedbyclient")
            return
        try:
            await guard(request.url, kind)
        except FetchError as error:
            refused[request.url] = error
            await route.abort("blockedbyclient")
            return
        await route.continue_()

    await context.route("**/*", route)
    return refused


async def _load(page: Any, url: str, deadline: float, refused: dict[str, FetchError]) -> None:
    """Load `url` in the tab up to its load event: FetchError unless it is an HTML page that
    answered below 400 (the guard's own reason when it refused the page or a redirect of it)."""
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    loop = asyncio.get_running_loop()
    try:
        response = await page.goto(url, wait_until="load", timeout=_ms(deadline - loop.time()))
    except PlaywrightTimeout:
        raise FetchError("the page did not finish loading in time", url=url) from None
    except PlaywrightError as error:
        if refused:  # the page, or a redirect of it, was refused by robots.txt or the guard
            raise next(iter(refused.values())) from None
        raise FetchError(f"the browser could not load it: {_first_line(error)}", url=url) from None
    if response is None:
        raise FetchError("the browser got no response", url=url)
    if response.status >= 400:
        raise FetchError(f"HTTP {response.status}", url=url, status=response.status)
    content_type = response.headers.get("content-type")
    if not acceptable(content_type, "html"):
        raise FetchError(
            f"content type {content_type!r} is not a page",
            url=url,
            hint="render: browser reads HTML pages, not files",
        )


async def _settled_html(page: Any, deadline: float) -> bytes:
    """The DOM as UTF-8 HTML once the page's scripts have stopped fetching (the links, the
    article text), or as it stands when they keep polling past SETTLE_SECONDS or the deadline."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    settle = min(SETTLE_SECONDS, deadline - asyncio.get_running_loop().time())
    if settle > 0:
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_load_state("networkidle", timeout=_ms(settle))
    return str(await page.content()).encode("utf-8")


def _ms(seconds: float) -> float:
    return max(1.0, seconds * 1000)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
