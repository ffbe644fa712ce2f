"""robots.txt, read once per origin in a pass and obeyed as RFC 9309 asks: a 4xx means there
are no rules, an unreachable one (5xx, 429, timeouts) closes the site until the next pass, and
a Crawl-delay raises the host's pace."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from protego import Protego

from monitor.errors import FetchError
from monitor.fetching.answer import Redirect
from monitor.fetching.failures import Untrusted
from monitor.fetching.politeness import HostPace
from monitor.fetching.urls import Target
from monitor.models import Page, Source

# robots.txt is read up to this size; RFC 9309 asks crawlers to parse at least 500 KiB.
ROBOTS_MAX_BYTES = 512_000
# A robots.txt Crawl-delay raises the per-host delay, up to this many seconds, so that one site
# asking for an hour between requests cannot stall a pass.
CRAWL_DELAY_CAP = 30.0

Hop = Callable[[str, Source], Awaitable[Page | Redirect]]  # one GET of robots.txt, not followed
PaceOf = Callable[[str, Source], HostPace]  # a host's pace, as the Fetcher keeps it


class Robots:
    """The rules of each origin a pass reaches, fetched through the Fetcher's `hop` (its
    address guard and pacing, without a robots.txt check of its own)."""

    def __init__(self, user_agent: str, hop: Hop, pace: PaceOf):
        self._user_agent = user_agent
        self._hop = hop
        self._pace = pace
        self._rules: dict[str, Protego | str | None] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, target: Target, source: Source) -> None:
        """FetchError when robots.txt disallows `target`, or could not be read."""
        origin = f"{target.scheme}://{target.netloc.decode('ascii')}"
        if origin not in self._rules:  # read once per pass: the first request waits for it
            lock = self._locks.setdefault(origin, asyncio.Lock())
            async with lock:
                if origin not in self._rules:
                    self._rules[origin] = await self._load(origin, source, target.host)
        rules = self._rules[origin]
        if isinstance(rules, str):
            raise FetchError(
                f"robots.txt could not be read ({rules}), so the site counts as closed to robots",
                url=str(target),
                hint="RFC 9309: an unreachable robots.txt means disallow; the next pass retries",
            )
        if rules is not None and not rules.can_fetch(str(target), self._user_agent):
            raise FetchError(
                "robots.txt disallows this URL for monitor",
                url=str(target),
                hint="the site asks robots to keep out; choose another page or set robots: false",
            )

    async def _load(self, origin: str, source: Source, host: str) -> Protego | str | None:
        """Protego rules; None when there are none (allowed); a reason when unreachable."""
        url = origin + "/robots.txt"
        try:
            for _hop in range(5):  # RFC 9309: follow at least five redirects
                outcome = await self._hop(url, source)
                if isinstance(outcome, Page):
                    break
                url = outcome.location
            else:
                return None  # too many redirects counts as unavailable (RFC 9309 §2.3.1.2)
        except Untrusted:
            raise  # the site's own failure, not its robots.txt's: say so
        except FetchError as error:
            # Policy (RFC 9309 §2.3.1): 4xx means there are no rules, so everything is allowed;
            # 5xx, 429, timeouts and broken connections mean "unreachable", so nothing is.
            if error.status is not None and 400 <= error.status < 500 and error.status != 429:
                return None
            return error.message
        rules = Protego.parse(outcome.content.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(self._user_agent)
        if delay:
            pace = self._pace(host, source)
            pace.delay = max(pace.delay, min(float(delay), CRAWL_DELAY_CAP))
        return rules
