"""One pass: fetch what is due, discover new articles, read their figures, store them, and
build and deliver a digest when one is due. `run_pass` reads top to bottom.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from monitor.config.schedule import parse_cron
from monitor.errors import DeliveryError, ExtractError, FetchError, MonitorError, StateError
from monitor.fetching.body import Accept
from monitor.fetching.fetch import Fetcher
from monitor.figures.reading import Readers, Reading
from monitor.models import Link, Page, Source, Validators, Watchlist
from monitor.pages import discover
from monitor.store import channel_log
from monitor.store.batch import Batch
from monitor.store.faults import state_error
from monitor.store.state import Store, hash_content

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("monitor")

DigestMode = Literal["auto", "now", "never"]
# A source fetched a little early still counts as due, so a cron line every 2h meets `every: 2h`.
DUE_SLACK = timedelta(minutes=1)
UNCHANGED_BATCH = 256  # sources that answered 304, written in one transaction


@dataclass
class SourceResult:
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
class PassReport:
    now: datetime
    sources: list[SourceResult] = field(default_factory=list)
    skipped: int = 0  # not due yet
    digests_built: list[int] = field(default_factory=list)
    delivered: list[str] = field(default_factory=list)
    delivery_errors: list[str] = field(default_factory=list)

    @property
    def observations(self) -> int:
        return sum(r.observations for r in self.sources)

    def summary(self) -> dict[str, object]:
        """Counts for scripts and the benchmark harness."""
        changed = [u for r in self.sources for u in r.changed]
        return {
            "new": sum(len(r.new) for r in self.sources),
            "changed": len(changed),
            "unchanged": sum(r.unchanged for r in self.sources),
            "errors": sum((not r.ok) + len(r.article_errors) for r in self.sources),
            "changed_urls": changed,
            "observations": self.observations,
            "sources_due": len(self.sources),
            "sources_failed": sum(not r.ok for r in self.sources),
            "digests": len(self.digests_built),
            "delivered": self.delivered,
            "delivery_errors": self.delivery_errors,
        }


class Progress(Protocol):
    """Told how many sources a pass fetches, then of each as it is done (a terminal's bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, result: SourceResult) -> None: ...


def run_pass(
    watchlist: Watchlist,
    store: Store,
    *,
    now: datetime,
    state_dir: Path,
    digest_mode: DigestMode = "auto",
    all_sources: bool = False,
    only: Sequence[str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Progress | None = None,
) -> PassReport:
    """Fetch every due source (or those named in `only`), store what they say, then build
    a digest if one is due (`digest_mode="now"` forces one) and deliver every pending digest.

    `digest_mode="never"` only fetches: it neither builds nor delivers, so that passes running side
    by side (the daemon's per-source jobs) never send the same pending digest twice."""
    report = PassReport(now=now)
    candidates = [s for s in watchlist.sources if s.enabled and (only is None or s.id in only)]
    due = [s for s in candidates if all_sources or _is_due(s, store, now)]
    report.skipped = len(candidates) - len(due)
    if progress is not None:
        progress.start(len(due))
    report.sources = asyncio.run(_fetch_sources(watchlist, store, due, now, transport, progress))
    if digest_mode == "now" or (digest_mode == "auto" and _digest_due(watchlist, store, now)):
        digest_id = _build_digest(watchlist, store, now=now, state_dir=state_dir)
        if digest_id is not None:
            report.digests_built.append(digest_id)
    if digest_mode != "never":
        _deliver_pending(watchlist, store, now=now, state_dir=state_dir, report=report)
    return report


# --- fetching ---------------------------------------------------------------------------------


def _is_due(source: Source, store: Store, now: datetime) -> bool:
    health = store.health(source.id)
    if health is None or health.last_fetch_at is None:
        return True
    return now - datetime.fromisoformat(health.last_fetch_at) >= source.every - DUE_SLACK


async def _fetch_sources(
    watchlist: Watchlist,
    store: Store,
    sources: Sequence[Source],
    now: datetime,
    transport: httpx.AsyncBaseTransport | None,
    progress: Progress | None = None,
) -> list[SourceResult]:
    fetcher = Fetcher(watchlist.limits, transport=transport)
    # Each page source's article URL, spelled once; those never read before tell how many
    # pages this pass will surely read, so that reading workers can start before they arrive.
    articles = {s.url: discover.canonical(s.url) for s in sources if s.type == "page"}
    known = store.known_articles(list(articles.values()))
    new_pages = len(articles) - len(known)
    readers = Readers(
        watchlist.limits.concurrency,
        tz=watchlist.timezone,
        targets=watchlist.targets,
        expected_pages=new_pages,
    )
    validators = store.validators_for([s.url for s in sources])
    with store.batch() as writes:
        async with fetcher, readers:
            pass_ = _Pass(
                watchlist, store, fetcher, readers, now, articles, known, validators, writes
            )

            async def counted(source: Source) -> SourceResult:
                result = await _one_source(pass_, source)
                if progress is not None:
                    progress.advance(result)
                return result

            results = list(await asyncio.gather(*(counted(s) for s in sources)))
        pass_.flush_unchanged()
    return results


@dataclass
class _Pass:
    """What every source in a pass shares: its handles, and what the pass learns as it goes
    (`known` grows, `unchanged` fills and empties)."""

    watchlist: Watchlist
    store: Store
    fetcher: Fetcher
    readers: Readers
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


async def _one_source(p: _Pass, source: Source) -> SourceResult:
    """A broken source is recorded in its health and never stops the others; nor does a slow
    one: its whole time (list page, discovery, articles) is bounded by limits.source_timeout."""
    result = SourceResult(source.id)
    budget = p.watchlist.limits.source_timeout
    try:
        try:
            async with asyncio.timeout(budget):
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


async def _watch_page(p: _Pass, source: Source, result: SourceResult) -> None:
    """A page source: the page is its own article, read again when its content changes."""
    async with p.readers.turn():
        page = await _get(p, source)
        if page.not_modified:
            result.unchanged += 1
            p.add_unchanged(source, page)
            return
        read = await _read_page(p, source, page)
    # The article, its validators and the source's health stand or fall together.
    with p.writes.unit():
        if read is None:
            result.unchanged += 1
            p.store.save_validators(page)
        else:
            result.observations += _save(p, source, read.reading, read.content_hash)
            (result.changed if read.known_before else result.new).append(read.reading.article.url)
            p.store.save_validators(page, content_hash=read.content_hash)
        _record_success(p, source, page, result)


async def _follow_listing(p: _Pass, source: Source, result: SourceResult) -> None:
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


def _record_success(p: _Pass, source: Source, page: Page, result: SourceResult) -> None:
    p.store.record_success(
        source.id,
        source.url,
        at=p.now,
        status=page.status,
        links=None if source.type == "page" or page.not_modified else result.links,
    )


def _record_failure(
    p: _Pass, source: Source, result: SourceResult, shown: str, stored: str, status: int | None
) -> None:
    """The source failed: `shown` in the pass's report, `stored` in its health."""
    result.ok, result.error = False, shown
    with p.writes.unit():
        p.store.record_failure(source.id, source.url, at=p.now, error=stored, status=status)


async def _get(p: _Pass, source: Source) -> Page:
    accept: Accept = "feed" if source.type == "feed" else "html"
    validators = p.validators.get(source.url)
    return await p.fetcher.get(source.url, source=source, validators=validators, accept=accept)


@dataclass(frozen=True)
class _PageRead:
    """A page source's page, read: its content's hash, what it says, and whether its article
    was stored before (then it changed)."""

    content_hash: str
    reading: Reading
    known_before: bool


async def _read_page(p: _Pass, source: Source, page: Page) -> _PageRead | None:
    """The page read as its own article, or None when its content is the one stored (a 200
    that changed nothing)."""
    content_hash = hash_content(page.content)
    url = p.articles.get(page.requested_url)
    if url is None:  # not one of the pass's page sources (not seen in a pass, but cheap)
        url = discover.canonical(page.requested_url)
        p.known.add(url)  # unknown to the snapshot: ask the database
    stored = p.store.article_hash(url) if url in p.known else None
    if stored == content_hash:
        return None
    return _PageRead(content_hash, await _read(p, source, page, url), stored is not None)


async def _read_listing(p: _Pass, source: Source, page: Page, result: SourceResult) -> None:
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


async def _read_article(p: _Pass, source: Source, url: str, link: Link) -> int | str:
    """The observations an article added, or the error that kept us from reading it."""
    async with p.readers.turn():
        try:
            page = await p.fetcher.get(link.url, source=source, accept="html")
        except FetchError as exc:
            log.warning("article %s: %s", url, exc)
            return str(exc)  # not stored: the next pass tries again
        # With a link to stand in, a page that is no article is remembered as an empty one.
        reading = await _read(p, source, page, url, link)
    if not reading.article.text and not reading.article.tables:
        log.info("not an article, remembered so it is not fetched again: %s", url)
    with p.writes.unit():
        return _save(p, source, reading, hash_content(page.content))


async def _read(
    p: _Pass, source: Source, page: Page, url: str, link: Link | None = None
) -> Reading:
    return await p.readers.read(
        page.content,
        url=url,
        content_type=page.content_type,
        body=source.body,
        link=link,
        region=source.region,
    )


def _save(p: _Pass, source: Source, reading: Reading, content_hash: str) -> int:
    p.known.add(reading.article.url)
    return p.store.save_article(
        reading.article,
        source_id=source.id,
        fetched_at=p.now,
        content_hash=content_hash,
        mentions=reading.mentions,
        figures=reading.figures,
    )


# --- digest --------------------------------------------------------------------------------------

LAST_DIGEST = "last_digest_at"


def _digest_due(watchlist: Watchlist, store: Store, now: datetime) -> bool:
    """Due when the digest's cron has fired since the last digest (or none was ever made)."""
    last = store.get_fact(LAST_DIGEST)
    if last is None:
        return True
    trigger = parse_cron(watchlist.digest.schedule, watchlist.timezone)
    fire = trigger.get_next_fire_time(None, datetime.fromisoformat(last) + timedelta(seconds=1))
    return fire is not None and fire <= now


def _build_digest(
    watchlist: Watchlist, store: Store, *, now: datetime, state_dir: Path
) -> int | None:
    """Build a digest of everything pending, record it and claim its contents atomically."""
    from monitor.report import digest as digests  # a fetch-only pass (the daemon's) never needs it

    last = store.get_fact(LAST_DIGEST)
    period_start = datetime.fromisoformat(last) if last else None
    # A digest that certainly never reached the server is folded into this one, period and
    # all: one email, not two. One that may have arrived ('unknown') is never rebuilt.
    # Nor is one that a chat channel already took: that channel would get it twice.
    for stale in store.pending_digests():
        if stale.last_outcome == "failed" and not channel_log.any_delivered(store, stale.id):
            store.release_digest(stale.id)
            start = datetime.fromisoformat(stale.period_start) if stale.period_start else None
            if period_start is not None and (start is None or start < period_start):
                period_start = start
    model = digests.build(watchlist, store, now=now, period_start=period_start)
    if model.empty and not watchlist.digest.send_empty:
        log.info("digest due but nothing to report: nothing sent")
        store.set_fact(LAST_DIGEST, now.isoformat())
        return None
    env = digests.environment(watchlist.path.parent)
    message = digests.compose(model, watchlist, env)
    chat = None
    if watchlist.delivery.channels:
        from monitor.report import channels

        chat = channels.short_form(model, watchlist, env)
    return store.create_digest(
        created_at=now,
        period_start=model.period_start,
        period_end=now,
        message_id=str(message["Message-ID"]),
        message=bytes(message),
        observation_ids=model.observation_ids,
        mention_keys=model.mention_keys,
        correction_ids=model.correction_ids,
        # In the same transaction: a pass killed in between must build this digest again.
        facts={LAST_DIGEST: now.isoformat()},
        chat=chat,
        channels=[c.id for c in watchlist.delivery.channels],
    )


def _deliver_pending(
    watchlist: Watchlist, store: Store, *, now: datetime, state_dir: Path, report: PassReport
) -> None:
    _deliver_mail(watchlist, store, now=now, state_dir=state_dir, report=report)
    if watchlist.delivery.channels:  # after the mail, and whatever became of it
        from monitor.report import channels

        sent = channels.deliver_pending(watchlist, store, now=now)
        report.delivered.extend(sent.delivered)
        report.delivery_errors.extend(sent.errors)
    if report.digests_built and watchlist.report.dir is not None:
        from monitor.report import site

        try:
            site.write(watchlist, store, out=watchlist.report.dir, now=now)
        except MonitorError as exc:
            report.delivery_errors.append(str(exc))


def _deliver_mail(
    watchlist: Watchlist, store: Store, *, now: datetime, state_dir: Path, report: PassReport
) -> None:
    pending = store.pending_digests()
    if not pending:
        return
    from monitor.report import deliver as delivery  # smtplib and ssl: only when there is mail

    for record in pending:
        name = f"digest-{record.period_end[:10]}-{record.id:04d}"
        if record.sending_at and record.last_outcome is None:
            # A run stopped while sending it: the server may have it. Sent again, the same
            # message with the same Message-ID (mail clients show one); the outbox finds its
            # own file and writes no second one.
            log.warning(
                "digest %d: a run stopped while delivering it at %s; delivering it again as %s",
                record.id,
                record.sending_at,
                record.message_id,
            )
        store.mark_sending(record.id, at=now)

        def accepted(where: str, digest_id: int = record.id) -> None:
            store.mark_delivered(digest_id, at=now, location=where)

        try:
            where = delivery.deliver(
                record.message,
                watchlist.delivery,
                outbox=state_dir / "outbox",
                name=name,
                accepted=accepted,
            )
        except DeliveryError as exc:
            # Once the server may have taken it, it stays this message: retried, never rebuilt.
            interrupted = record.sending_at is not None and record.last_outcome is None
            uncertain = exc.uncertain or record.last_outcome == "unknown" or interrupted
            store.mark_failed(record.id, error=str(exc), uncertain=uncertain)
            report.delivery_errors.append(str(exc))
            log.warning("digest %d not delivered: %s", record.id, exc)
            continue
        report.delivered.append(where)
