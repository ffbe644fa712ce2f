"""One pass: fetch what is due, discover new articles, read their figures, store them, and
build and deliver a digest when one is due. `run_pass` reads top to bottom; one source's work
is `worker.run`, the digest's is in `dispatch`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from monitor import dispatch, worker
from monitor.fetching.fetch import Fetcher
from monitor.figures.readers import Readers
from monitor.models import Source, Watchlist
from monitor.pages import discover
from monitor.store.state import Store, rows_of_reading
from monitor.worker import SourceResult

if TYPE_CHECKING:
    import httpx

    from monitor.figures.zygote import Zygote

DigestMode = Literal["auto", "now", "never"]
# A source fetched a little early still counts as due, so a cron line every 2h meets `every: 2h`.
DUE_SLACK = timedelta(minutes=1)
# Sources whose tasks are started before the event loop gets a turn: the first requests go out
# (and robots.txt's answer is read) while the rest start, not after all of a 2000-source
# watchlist has (~40 ms).
START_BATCH = 64


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
    zygote: Zygote | None = None,
) -> PassReport:
    """Fetch every due source (or those named in `only`), store what they say, then build
    a digest if one is due (`digest_mode="now"` forces one) and deliver every pending digest.

    `digest_mode="never"` only fetches: it neither builds nor delivers, so that passes running side
    by side (the daemon's per-source jobs) never send the same pending digest twice.
    `zygote`: forked at the run's start, it forks the reading workers (figures/zygote.py)."""
    report = PassReport(now=now)
    candidates = [s for s in watchlist.sources if s.enabled and (only is None or s.id in only)]
    due = [s for s in candidates if all_sources or _is_due(s, store, now)]
    report.skipped = len(candidates) - len(due)
    if progress is not None:
        progress.start(len(due))
    report.sources = asyncio.run(
        _fetch_sources(watchlist, store, due, now, transport, progress, zygote)
    )
    due_now = digest_mode == "auto" and dispatch.digest_due(watchlist, store, now)
    if digest_mode == "now" or due_now:
        digest_id = dispatch.build_digest(watchlist, store, now=now, state_dir=state_dir)
        if digest_id is not None:
            report.digests_built.append(digest_id)
    if digest_mode != "never":
        sent = dispatch.deliver_pending(
            watchlist, store, now=now, state_dir=state_dir, built=bool(report.digests_built)
        )
        report.delivered.extend(sent.delivered)
        report.delivery_errors.extend(sent.errors)
    return report


# --- the pass over the sources -------------------------------------------------------------


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
    zygote: Zygote | None = None,
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
        zygote=zygote,
        then=rows_of_reading,  # rows made in the workers: this process only writes them
    )
    validators = store.validators_for([s.url for s in sources])
    with store.batch() as writes:
        async with fetcher, readers:
            pass_ = worker.Pass(
                watchlist, store, fetcher, readers, now, articles, known, validators, writes
            )

            async def counted(source: Source) -> SourceResult:
                result = await worker.run(pass_, source)
                if progress is not None:
                    progress.advance(result)
                return result

            tasks: list[asyncio.Task[SourceResult]] = []
            try:
                for n, source in enumerate(sources, 1):
                    tasks.append(asyncio.create_task(counted(source)))
                    if n % START_BATCH == 0:
                        await asyncio.sleep(0)
            except BaseException:
                for task in tasks:
                    task.cancel()
                raise
            results = list(await asyncio.gather(*tasks))
        pass_.flush_unchanged()
    return results
