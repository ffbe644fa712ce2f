"""The commands that run passes: `run` (one pass, for cron), `daemon` (passes on schedule) and
`demo` (a year of passes over the bundled sample site)."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from monitor import cli_args
from monitor.cli_terminal import source_bar
from monitor.config import watchlist
from monitor.figures.readers import INLINE_PAGES, worker_count
from monitor.figures.zygote import Zygote
from monitor.models import Watchlist
from monitor.store import lock
from monitor.store.database import count_articles
from monitor.store.state import Store

if TYPE_CHECKING:
    from monitor import pipeline

log = logging.getLogger("monitor")

EXIT_SOURCES_FAILED = 3  # `run`: the pass went through, but a source failed (cron should tell)


def run(args: argparse.Namespace) -> int:
    if not args.watchlist.is_file():
        watchlist.load(args.watchlist)  # says what is wrong, before a state folder is made
    state_dir = cli_args.state_dir(args, args.watchlist)
    # Forked first: before the lock and the database are open, so it holds neither.
    zygote = _zygote(args.watchlist, state_dir)
    # The pass's own modules (fetching, httpx: ~20 ms) are imported only now, beside the zygote's
    # imports on the other core: it is ready for the first pages that much sooner.
    from monitor import pipeline

    held = lock.hold(lock.lock_path(state_dir), wait=args.wait, what=str(state_dir))
    with zygote as spare, held, Store.open(state_dir) as store:
        wl = _load(args.watchlist, store)
        now = cli_args.now(args.now, wl.timezone)
        with source_bar(args.quiet) as bar:
            report = pipeline.run_pass(
                wl,
                store,
                now=now,
                state_dir=state_dir,
                digest_mode=args.digest,
                all_sources=args.all,
                progress=bar,
                zygote=spare,
            )
    summary = report.summary()
    if args.summary_json:
        args.summary_json.write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    if not args.quiet:
        print(_pass_line(report))
        for where in report.delivered:
            print(f"digest delivered: {where}")
        for result in report.sources:
            if not result.ok:
                print(f"source {result.source_id} failed: {result.error}")
    for error in report.delivery_errors:
        print(f"monitor: {error}", file=sys.stderr)
    if report.delivery_errors:
        return 1
    failed = [r for r in report.sources if not r.ok]
    if failed:
        if args.quiet:  # stdout said nothing: the cron mail still names them
            for result in failed:
                print(f"monitor: source {result.source_id} failed: {result.error}", file=sys.stderr)
        return EXIT_SOURCES_FAILED
    return 0


def _load(path: Path, store: Store) -> Watchlist:
    """The watchlist, read with the garbage collector off: what it makes lives for the whole run
    (or is freed by reference counts), and a first read of 2000 sources triggered a full
    collection, 24 ms before the first request. What is alive then is left out of the
    collector's later walks (gc.freeze)."""
    gc.disable()
    try:
        return watchlist.load(path, cache=store)
    finally:
        gc.freeze()
        gc.enable()


def _zygote(path: Path, state_dir: Path) -> AbstractContextManager[Zygote | None]:
    """The reading workers' zygote, forked now when this pass will likely read more pages than
    it reads in its own process: the watchlist names more sources (each has a url) than the
    state has articles by more than INLINE_PAGES (a first pass, many sources added), or the
    state has none yet and a source is a list or feed (up to max_articles each, 50 by default).
    It imports reading's modules on the other core while this one reads the watchlist. A guess
    from the text, made before the watchlist is read: a zygote never used exits (~80 ms of the
    other core's CPU lost); a pass with many new pages it did not foresee forks its workers as
    it goes."""
    try:
        text = path.read_bytes()
    except OSError:
        return nullcontext()
    sources = text.count(b"url:")
    pages = text.count(b"type: page")
    known = count_articles(state_dir) if sources else 0
    if sources - known > INLINE_PAGES or (known == 0 and sources > pages):
        return Zygote.start(worker_count()) or nullcontext()
    return nullcontext()


def serve(args: argparse.Namespace) -> int:
    from monitor import daemon

    wl = watchlist.load(args.watchlist)
    state_dir = cli_args.state_dir(args, args.watchlist)
    if not args.quiet and not args.verbose:
        log.setLevel(logging.INFO)  # the daemon's log is its only output
    if "INVOCATION_ID" not in os.environ:  # not under systemd, whose journal stamps lines
        for handler in log.handlers:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    scheduler_log = logging.getLogger("apscheduler")  # e.g. "skipped: still running"
    scheduler_log.handlers[:] = log.handlers
    scheduler_log.setLevel(logging.WARNING)
    scheduler_log.propagate = False
    with lock.hold(lock.lock_path(state_dir), wait=args.wait, what=str(state_dir)):
        daemon.Daemon(wl, state_dir).serve(handle_signals=True)
    return 0


def replay_demo(args: argparse.Namespace) -> int:
    from monitor import demo_replay

    folder = args.dir or cli_args.state_dir(args, args.watchlist) / "demo"
    print("\n".join(demo_replay.run(state_dir=folder, keep=args.keep)))
    return 0


def _pass_line(report: pipeline.PassReport) -> str:
    s = report.summary()
    return (
        f"{s['sources_due']} sources fetched ({report.skipped} not due, "
        f"{s['sources_failed']} failed): {s['new']} new articles, {s['changed']} changed, "
        f"{s['observations']} new figures; {len(report.digests_built)} digest(s) built"
    )
