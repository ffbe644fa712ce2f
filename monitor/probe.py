"""`monitor try SOURCE_ID` for a list page or feed: the links the source yields now (through
its `links:` selector, or monitor's own link finding), each marked new or already read.

Fetches the one page and asks the state database which articles it knows; stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from monitor.fetching.body import Accept
from monitor.fetching.fetch import Fetcher
from monitor.models import Link, Page, Source, Watchlist
from monitor.pages import discover
from monitor.store.schema import DB_NAME
from monitor.store.state import Store


@dataclass(frozen=True)
class Listing:
    source: Source
    page: Page
    links: tuple[Link, ...]  # canonical URLs, in page order, each once
    known: frozenset[str]  # those of them already read (in the state database)
    state_found: bool  # False: no state database yet, so every link is new

    @property
    def new(self) -> list[Link]:
        return [link for link in self.links if link.url not in self.known]


async def listing(watchlist: Watchlist, source: Source, *, state_dir: Path) -> Listing:
    """What a list or feed source points to now, against what the state has read."""
    accept: Accept = "feed" if source.type == "feed" else "html"
    async with Fetcher(watchlist.limits) as fetcher:
        page = await fetcher.get(source.url, source=source, accept=accept)
    found = discover.links(page, source, tz=watchlist.timezone)
    by_url: dict[str, Link] = {}
    for link in found:
        url = discover.canonical(link.url)
        by_url.setdefault(url, Link(url=url, title=link.title, published=link.published))
    known: set[str] = set()
    has_state = (state_dir / DB_NAME).is_file()
    if has_state:
        with Store.open(state_dir) as store:
            known = store.known_articles(list(by_url))
    return Listing(
        source=source,
        page=page,
        links=tuple(by_url.values()),
        known=frozenset(known),
        state_found=has_state,
    )
