"""One source's work in a pass: fetch it, and read and store what is new on it (a page source's
page, or the articles a list page or feed links to). `run` takes the pass's shared handles and
a source, and returns what became of it; a broken source never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from monitor.errors import ExtractError, FetchError, StateError
from monitor.fetching.body import Accept
from monitor.fetching.fetch import Fetcher
from monitor.figures.readers import Readers
from monitor.models import Link, Page, Source, Validators, Watchlist
from monitor.pages import discover
from monitor.store.batch import Batch
from monitor.store.faults import state_error
from monitor.store.state import ArticleRows, Store, hash_content

log = logging.getLogger("monitor")

UNCHANGED_BATCH = 256  # sources that answered 304, written in one transaction


@dataclass
class SourceResult:
    """What became of one source in a pass: the pass's report holds one for each."""

    source_id: str
    ok: bool = True
    error: str | None = None
    links: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    article_errors: list[str] = field(default_factory=list)
    observations: int = 0


@dataclass
class Pass:
    """What every source in a pass shares: its handles, and what the pass learns as it goes
    (`known` grows, `unchanged` fills and empties)."""

    watchlist: Watchlist
    store: Store
    fetcher: Fetcher
    readers: Readers[ArticleRows]  # a page's rows are made where it is read
    now: datetime
    articles: dict[str, str]  # a page source's URL → its article's (canonical) URL
    # Which of those were stored before the pass, and any article stored during it: a page
    # whose article is in neither is new without asking the database.
    known: set[str]
    validators: dict[str, Validators]  # what the sources' servers said last time, by URL
    # Each source's writes (an article's, a failure's) are a unit that stands or falls whole;
    # units are committed in batches. A unit never awaits.
    writes: Batch
    # Sources that answered 304, written in batches: losing a batch to a crash only means
    # those sources are fetched again, with the same answer.
    unchanged: list[tuple[str, Page]] = field(default_factory=list)

    def add_unchanged(self, source: Source, page: Page) -> None:
        self.unchanged.append((source.id, page))
        if len(self.unchanged) >= UNCHANGED_BATCH:
            self.flush_unchanged()

    def flush_unchanged(self) -> None:
        if self.unchanged:
            with self.writes.unit():
                self.store.record_unchanged(self.unchanged, at=self.now)
            self.unchanged.clear()


async def run(p: Pass, source: Source) -> SourceResult:
    """A broken source is recorded in its health and never stops the others; nor does a slow
    one: its whole time (list page, discovery, articles) is bounded by limits.source_timeout.
    A page source's time starts with its turn (Readers.turn): waiting behind the pass's other
    pages is not its own, and a timer armed for each of them at once made every timer of the
    pass dearer (a heap of 2000)."""
    result = SourceResult(source.id)
    budget = p.watchlist.limits.source_timeout
    turn = p.readers.turn() if source.type == "page" else nullcontext()
    try:
        try:
            async with turn, asyncio.timeout(budget):
                if source.type == "page":
                    await _watch_page(p, source, result)
                else:
                    await _follow_listing(p, source, result)
        except TimeoutError:
            raise FetchError(
                f"the source took longer than {budget:g} s in all (limits.source_timeout)",
                url=source.url,
                hint="the articles read so far are kept, the rest are read next pass;"
                " raise source_timeout for a slow site",
            ) from None
    except (FetchError, ExtractError) as exc:
        status = exc.status if isinstance(exc, FetchError) else None
        _record_failure(p, source, result, str(exc), exc.message, status)
        log.warning("source %s failed: %s", source.id, exc)
    except StateError:
        raise  # the database itself: no use going on with the other sources
    except Exception as exc:  # a bug met on this source's pages must not stop the others
        if (fault := state_error(exc, p.store.path)) is not None:
            raise fault from exc  # a full disk, a damaged page: the same for every source
        error = f"internal error: {type(exc).__name__}: {exc}"
        _record_failure(p, source, result, error, error, None)
        log.error("source %s: %s; this is a bug: run with -v for details", source.id, error)
        log.debug("the traceback of that bug", exc_info=True)
    return result


async def _watch_page(p: Pass, source: Source, result: SourceResult) -> None:
    """A page source: the page is its own article, read again when its content changes.
    Called in its turn (see run)."""
    page = await _get(p, source)
    if page.not_modified:
        result.unchanged += 1
        p.add_unchanged(source, page)
        return
    read = await _read_page(p, source, page)
    # The article, its validators and the source's health stand or fall together.
    with p.writes.unit():
        if read.rows is None:
            result.unchanged += 1
        else:
            result.observations += _save(p, source, read.rows)
            (result.changed if read.known_before else result.new).append(read.rows.url)
        p.store.save_validators(page, content_hash=read.content_hash)
        _record_success(p, source, page, result)


async def _follow_listing(p: Pass, source: Source, result: SourceResult) -> None:
    """A list page or feed: the articles it links to that are new are fetched and read."""
    page = await _get(p, source)
    if page.not_modified:
        result.unchanged += 1
        p.add_unchanged(source, page)
        return
    await _read_listing(p, source, page, result)
    with p.writes.unit():
        # Validators go last: a pass killed before this point reads the listing again.
        p.store.save_validators(page)
        _record_success(p, source, page, result)


def _record_success(p: Pass, source: Source, page: Page, result: SourceResult) -> None:
    p.store.record_success(
        source.id,
        source.url,
        at=p.now,
        status=page.status,
        links=None if source.type == "page" or page.not_modified else result.links,
    )


def _record_failure(
    p: Pass, source: Source, result: SourceResult, shown: str, stored: str, status: int | None
) -> None:
    """The source failed: `shown` in the pass's report, `stored` in its health."""
    result.ok, result.error = False, shown
    with p.writes.unit():
        p.store.record_failure(source.id, source.url, at=p.now, error=stored, status=status)


async def _get(p: Pass, source: Source) -> Page:
    accept: Accept = "feed" if source.type == "feed" else "html"
    validators = p.validators.get(source.url)
    return await p.fetcher.get(source.url, source=source, validators=validators, accept=accept)


@dataclass(frozen=True)
class _PageRead:
    """A page source's page: its content's hash and, unless that is the one stored (a 200 that
    changed nothing), its article's rows and whether it was stored before (then it changed)."""

    content_hash: str
    rows: ArticleRows | None
    known_before: bool = False


async def _read_page(p: Pass, source: Source, page: Page) -> _PageRead:
    """The page read as its own article, unless its content is the one stored."""
    url = p.articles.get(page.requested_url)
    if url is None:  # not one of the pass's page sources (not seen in a pass, but cheap)
        url = discover.canonical(page.requested_url)
        p.known.add(url)  # unknown to the snapshot: ask the database
    stored = None
    if url in p.known:  # compared first: unchanged content is not read again
        content_hash = hash_content(page.content)
        stored = p.store.article_hash(url)
        if stored == content_hash:
            return _PageRead(content_hash, None)
    # A new page is hashed where it is read, off this process (ArticleRows.content_hash).
    rows = await _read(p, source, page, url)
    return _PageRead(rows.content_hash, rows, stored is not None)


async def _read_listing(p: Pass, source: Source, page: Page, result: SourceResult) -> None:
    """A list page or feed: fetch the articles it links to that we have not seen."""
    store = p.store
    # In a thread: a list page of 100,000 links takes a second or two to read, in which the
    # other sources' answers keep arriving, and the source's time bound can still fire.
    links = await asyncio.to_thread(discover.links, page, source, tz=p.watchlist.timezone)
    result.links = len(links)
    by_url: dict[str, Link] = {}
    for link in links:
        by_url.setdefault(link.url, link)  # canonical already: discover spells them so
    known = store.known_articles(list(by_url))
    fresh = [(u, lk) for u, lk in by_url.items() if u not in known][: source.max_articles]
    outcomes = await asyncio.gather(*(_read_article(p, source, u, lk) for u, lk in fresh))
    for (url, _), outcome in zip(fresh, outcomes, strict=True):
        if isinstance(outcome, str):
            result.article_errors.append(outcome)
        else:
            result.new.append(url)
            result.observations += outcome
    result.unchanged += len(by_url) - len(fresh)


async def _read_article(p: Pass, source: Source, url: str, link: Link) -> int | str:
    """The observations an article added, or the error that kept us from reading it."""
    async with p.readers.turn():
        try:
            page = await p.fetcher.get(link.url, source=source, accept="html")
        except FetchError as exc:
            log.warning("article %s: %s", url, exc)
            return str(exc)  # not stored: the next pass tries again
        # With a link to stand in, a page that is no article is remembered as an empty one.
        rows = await _read(p, source, page, url, link)
    if rows.empty:
        log.info("not an article, remembered so it is not fetched again: %s", url)
    with p.writes.unit():
        return _save(p, source, rows)


async def _read(
    p: Pass, source: Source, page: Page, url: str, link: Link | None = None
) -> ArticleRows:
    return await p.readers.read(
        page.content,
        url=url,
        content_type=page.content_type,
        body=source.body,
        link=link,
        region=source.region,
    )


def _save(p: Pass, source: Source, rows: ArticleRows) -> int:
    p.known.add(rows.url)
    return p.store.save_rows(rows, source_id=source.id, fetched_at=p.now)
