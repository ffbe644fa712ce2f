"""`monitor daemon`: each source on its own interval, the digest on its cron (APScheduler 3),
one pass per job at a time; SIGTERM/SIGINT stop it after the running passes; edits reload.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.combining import OrTrigger
from apscheduler.triggers.interval import IntervalTrigger

from monitor import pipeline
from monitor.config import watchlist
from monitor.config.schedule import parse_cron
from monitor.errors import MonitorError, WatchlistError
from monitor.models import Watchlist
from monitor.store.faults import state_error
from monitor.store.state import Store

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("monitor")

Clock = Callable[[], datetime]
DIGEST_JOB = "digest"
SOURCE_JOB = "source:"
DONE_KEPT = 200  # passes remembered in Daemon.done


@dataclass(frozen=True)
class Timing:
    """How often the daemon looks at things besides its sources; tests make these short."""

    reload_every: float = 30.0  # seconds between two looks at the watchlist's mtime
    # A pending digest (mail server down) is retried this often, not only at the next cron.
    retry_every: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class PassDone:
    job: str
    now: datetime
    report: pipeline.PassReport


class Daemon:
    """Schedules passes over one watchlist and state folder until `stop()` or a signal."""

    def __init__(
        self,
        wl: Watchlist,
        state_dir: Path,
        *,
        clock: Clock | None = None,
        timing: Timing | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self.watchlist = wl
        self.state_dir = state_dir
        self.timing = timing or Timing()
        self.transport = transport
        self.clock: Clock = clock or (lambda: datetime.now(self.watchlist.timezone))
        # What ran lately, for tests and status lines; bounded, as a daemon runs for months.
        self.done: deque[PassDone] = deque(maxlen=DONE_KEPT)
        self._stamp = _stamp(wl.path)
        self._stop = threading.Event()
        # coalesce + max_instances=1: after a sleep or a slow pass each job runs once, not once
        # per missed interval; no grace limit, so a digest missed while asleep still goes out.
        self.scheduler = BackgroundScheduler(
            timezone=wl.timezone,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )

    # --- running -------------------------------------------------------------------------

    def serve(self, *, handle_signals: bool = False) -> None:
        """A first pass over what is due (and the digest if due), then the schedule, until
        stopped. A signal lets the running passes finish their writes before it returns."""
        previous = self._install_signals() if handle_signals else {}
        try:
            log.info(
                "daemon started: %d sources, digest '%s' (%s), state %s",
                sum(s.enabled for s in self.watchlist.sources),
                self.watchlist.digest.schedule,
                self.watchlist.timezone.key,
                self.state_dir,
            )
            self._pass("start", None, "auto", all_sources=False)
            if self._stop.is_set():
                log.info("daemon stopped after its first pass")
                return
            self._schedule(None, self.watchlist)
            self.scheduler.start()
            while not self._stop.wait(self.timing.reload_every):
                self.reload()
            log.info("stopping: letting the running passes finish")
            self.scheduler.shutdown(wait=True)
            log.info("daemon stopped")
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def stop(self) -> None:
        self._stop.set()

    def _install_signals(self) -> dict[int, Any]:
        if threading.current_thread() is not threading.main_thread():
            return {}

        def on_signal(signum: int, frame: FrameType | None) -> None:
            self.stop()  # no logging here: the handler may interrupt a log call

        return {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}

    # --- the watchlist -------------------------------------------------------------------

    def reload(self) -> bool:
        """Read the watchlist again if its file changed; a bad file keeps the last good one."""
        stamp = _stamp(self.watchlist.path)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            new = watchlist.load(self.watchlist.path)
        except WatchlistError as exc:
            for problem in exc.problems:
                log.error("%s", problem)
            log.error("the watchlist has errors: still running the last good one")
            return False
        except MonitorError as exc:
            log.error("%s; still running the last good watchlist", exc)
            return False
        self.apply(new)
        log.info("watchlist reloaded: %d sources", sum(s.enabled for s in new.sources))
        return True

    def apply(self, new: Watchlist) -> None:
        """Run `new` from now on: jobs for added, removed or retimed sources change."""
        old, self.watchlist = self.watchlist, new
        self._schedule(old, new)

    def _schedule(self, old: Watchlist | None, new: Watchlist) -> None:
        before = {s.id: s for s in old.sources if s.enabled} if old else {}
        wanted = {s.id: s for s in new.sources if s.enabled}
        for job in self.scheduler.get_jobs():
            if job.id.startswith(SOURCE_JOB) and job.id[len(SOURCE_JOB) :] not in wanted:
                job.remove()
        for sid, source in wanted.items():
            kept = sid in before and before[sid].every == source.every
            if kept and self.scheduler.get_job(SOURCE_JOB + sid) is not None:
                continue  # its timer keeps running; the job reads the new record when it fires
            self.scheduler.add_job(
                self._source_job,
                IntervalTrigger(seconds=source.every.total_seconds(), timezone=new.timezone),
                args=[sid],
                id=SOURCE_JOB + sid,
                name=f"fetch {sid} every {source.every}",
                replace_existing=True,
            )
        if (
            old is None
            or old.digest.schedule != new.digest.schedule
            or old.timezone != new.timezone
        ):
            self.scheduler.add_job(
                self._digest_job,
                digest_trigger(new, self.timing.retry_every),
                id=DIGEST_JOB,
                name=f"digest '{new.digest.schedule}' ({new.timezone.key})",
                replace_existing=True,
            )

    # --- the jobs ------------------------------------------------------------------------

    def _source_job(self, source_id: str) -> None:
        # The trigger is the schedule: the source is due when it fires.
        self._pass(SOURCE_JOB + source_id, [source_id], "never", all_sources=True)

    def _digest_job(self) -> None:
        # "auto": the watchlist's cron decides, so a retry tick or a late firing builds no
        # second digest for a period; each tick delivers what is pending.
        self._pass(DIGEST_JOB, [], "auto", all_sources=False)

    def _pass(
        self,
        job: str,
        only: Sequence[str] | None,
        digest_mode: pipeline.DigestMode,
        *,
        all_sources: bool,
    ) -> None:
        """One pass with its own connection; a failure is logged and the daemon goes on."""
        wl, now = self.watchlist, self.clock()
        try:
            with Store.open(self.state_dir) as store:
                report = pipeline.run_pass(
                    wl,
                    store,
                    now=now,
                    state_dir=self.state_dir,
                    digest_mode=digest_mode,
                    all_sources=all_sources,
                    only=only,
                    transport=self.transport,
                )
        except MonitorError as exc:
            log.error("%s: %s", job, exc)
            return
        except Exception as exc:  # a bug: keep the other jobs running, and say where it was
            if (fault := state_error(exc, self.state_dir)) is not None:
                log.error("%s: %s", job, fault)  # the disk, not the code: one line
                return
            log.exception("%s: internal error (a bug: please report it)", job)
            return
        self.done.append(PassDone(job, now, report))
        _log_report(job, report)


def digest_trigger(wl: Watchlist, retry_every: timedelta) -> OrTrigger:
    """The digest's cron in the watchlist's timezone, or'ed with a retry tick for pending mail."""
    return OrTrigger(
        [
            parse_cron(wl.digest.schedule, wl.timezone),
            IntervalTrigger(seconds=retry_every.total_seconds(), timezone=wl.timezone),
        ]
    )


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _log_report(job: str, report: pipeline.PassReport) -> None:
    s = report.summary()
    for result in report.sources:
        if not result.ok:
            log.warning("%s: source %s failed: %s", job, result.source_id, result.error)
    if report.sources:
        log.info(
            "%s: %d source(s) fetched: %d new articles, %d changed, %d new figures",
            job,
            s["sources_due"],
            s["new"],
            s["changed"],
            s["observations"],
        )
    for where in report.delivered:
        log.info("%s: digest delivered: %s", job, where)
    if report.digests_built and not report.delivered:
        log.warning("%s: digest built but not delivered yet: retried every pass", job)
