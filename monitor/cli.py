"""The command line: `monitor run | check | try | status | history | demo`.

`main(argv) -> int` owns stdout, stderr and exit codes: 0 OK, 1 runtime failure, 2 usage or
configuration error. Library errors arrive as MonitorError and leave as one line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor import __version__, diff, extract, figures, pipeline, watchlist
from monitor.errors import MonitorError
from monitor.models import FetchLimits, Source, Watchlist
from monitor.state import Store

log = logging.getLogger("monitor")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monitor",
        description="Watch news pages for follow-up coverage of policy pledges; mail a digest.",
    )
    parser.add_argument("--version", action="version", version=f"monitor {__version__}")
    parser.add_argument(
        "--watchlist",
        type=Path,
        default=Path(os.environ.get("MONITOR_WATCHLIST", "watchlist.yaml")),
        help="the watchlist file (default: ./watchlist.yaml, or $MONITOR_WATCHLIST)",
    )
    parser.add_argument(
        "--state",
        type=Path,
        default=None,
        help="the state folder (default: state/ beside the watchlist, or $MONITOR_STATE)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("-q", "--quiet", action="store_true", help="log only errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser("run", help="one pass: fetch what is due, deliver a digest if due")
    run.add_argument("--now", help="pretend it is this time (ISO 8601), for replays and tests")
    run.add_argument(
        "--digest",
        choices=["auto", "now", "never"],
        default="auto",
        help="auto: when the digest schedule says; now: build one now; never: only fetch",
    )
    run.add_argument("--all", action="store_true", help="fetch every source, due or not")
    run.add_argument("--summary-json", type=Path, help="write the pass's counts to this file")

    sub.add_parser("check", help="validate the watchlist; exit 2 with every problem found")

    try_ = sub.add_parser("try", help="show what a page yields: title, date, text, figures")
    try_.add_argument("url")
    try_.add_argument("--target", help="only this target's figures")
    try_.add_argument("--body", help="a CSS selector for the article body")

    sub.add_parser("status", help="source health and digests")
    history = sub.add_parser("history", help="each target's figures over time")
    history.add_argument("target", nargs="?", help="a target id (default: all)")

    demo = sub.add_parser("demo", help="replay a bundled sample news site; digests to the outbox")
    demo.add_argument(
        "--keep", action="store_true", help="keep the demo's earlier state instead of starting anew"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    try:
        match args.command:
            case "run":
                return _run(args)
            case "check":
                return _check(args)
            case "try":
                return _try(args)
            case "status":
                return _status(args)
            case "history":
                return _history(args)
            case "demo":
                from monitor import demo

                return demo.main(state_dir=args.state or Path("state") / "demo", keep=args.keep)
    except MonitorError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("monitor: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, details with -v
        if args.verbose:
            traceback.print_exc()
        print(
            f"monitor: internal error ({type(exc).__name__}: {exc}); this is a bug: "
            "run again with -v for details and report it",
            file=sys.stderr,
        )
        return 1
    parser.error(f"unknown command {args.command}")
    return 2


def console() -> None:
    sys.exit(main())


def _configure_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


def _state_dir(args: argparse.Namespace, wl_path: Path) -> Path:
    if args.state is not None:
        return Path(args.state)
    if "MONITOR_STATE" in os.environ:
        return Path(os.environ["MONITOR_STATE"])
    return wl_path.parent / "state"


def _now(text: str | None, tz: ZoneInfo) -> datetime:
    if not text:
        return datetime.now(tz)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise MonitorError(
            f"--now {text!r} is not a time", hint="write it like 2024-07-15T09:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment


# --- commands ----------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    wl = watchlist.load(args.watchlist)
    state_dir = _state_dir(args, args.watchlist)
    store = Store.open(state_dir)
    try:
        report = pipeline.run_pass(
            wl,
            store,
            now=_now(args.now, wl.timezone),
            state_dir=state_dir,
            digest=args.digest,
            all_sources=args.all,
        )
    finally:
        store.close()
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
    return 1 if report.delivery_errors else 0


def _pass_line(report: pipeline.PassReport) -> str:
    s = report.summary()
    return (
        f"{s['sources_due']} sources fetched ({report.skipped} not due, "
        f"{s['sources_failed']} failed): {s['new']} new articles, {s['changed']} changed, "
        f"{s['observations']} new figures; {len(report.digests_built)} digest(s) built"
    )


def _check(args: argparse.Namespace) -> int:
    wl = watchlist.load(args.watchlist)
    print(
        f"{args.watchlist}: OK: {len(wl.sources)} sources, {len(wl.targets)} targets, "
        f"digest '{wl.digest.schedule}' ({wl.timezone.key}), delivery {wl.delivery.method}"
    )
    return 0


def _try(args: argparse.Namespace) -> int:
    targets: tuple = ()
    tz = ZoneInfo("Asia/Shanghai")
    limits = FetchLimits()
    if args.watchlist.exists():
        wl: Watchlist = watchlist.load(args.watchlist)
        targets, tz, limits = wl.targets, wl.timezone, wl.limits
        if args.target:
            targets = tuple(t for t in wl.targets if t.id == args.target)
            if not targets:
                known = ", ".join(t.id for t in wl.targets)
                raise MonitorError(f"no target '{args.target}'", hint=f"known targets: {known}")
    source = Source(id="try", url=args.url, type="page", body=args.body, per_host_delay=0)
    page = asyncio.run(_fetch_one(limits, source))
    article = extract.extract(
        page.content, url=page.url, content_type=page.content_type, body_selector=args.body, tz=tz
    )
    print(f"URL:   {page.url}")
    print(f"标题:  {article.title}")
    print(f"日期:  {article.published.isoformat() if article.published else '(none found)'}")
    lines = [line for line in article.text.split("\n") if line.strip()]
    print(f"正文:  {len(article.text)} characters, {len(lines)} paragraphs")
    for line in lines[:8]:
        print(f"  | {line[:120]}")
    if len(lines) > 8:
        print(f"  | … {len(lines) - 8} more")
    if not targets:
        print("(no watchlist targets: pass --watchlist to see figures)")
        return 0
    published = article.published.date() if article.published else None
    found = figures.find_figures(article.text, targets, published=published)
    for target in targets:
        mine = [f for f in found if f.target_id == target.id]
        print(f"\n[{target.id}] {target.title}: {len(mine)} figure(s)")
        for f in mine:
            marked = f.sentence[: f.start] + "【" + f.sentence[f.start : f.end] + "】" + f.sentence[f.end :]
            print(
                f"  {f.kind:8} {f.scope:10} {f.quantity.surface} = {f.value} {f.unit or ''} "
                f"({f.qualifier}{', ' + f.period if f.period else ''})"
            )
            print(f"    {marked[:200]}")
    return 0


async def _fetch_one(limits: FetchLimits, source: Source):  # type: ignore[no-untyped-def]
    from monitor.fetch import Fetcher

    async with Fetcher(limits) as fetcher:
        return await fetcher.get(source.url, source=source, accept="html")


def _status(args: argparse.Namespace) -> int:
    wl = watchlist.load(args.watchlist)
    store = Store.open(_state_dir(args, args.watchlist))
    try:
        print("Sources:")
        for source in wl.sources:
            h = store.health(source.id)
            if h is None:
                print(f"  {source.id:24} never fetched")
                continue
            state = (
                "BROKEN" if h.consecutive_failures >= wl.broken_after
                else "failing" if h.consecutive_failures else "ok"
            )
            print(
                f"  {source.id:24} {state:8} last fetch {h.last_fetch_at or '-'}, "
                f"last success {h.last_success_at or '-'}"
                + (f", {h.consecutive_failures} failures: {h.last_error}" if h.last_error else "")
            )
        print("Digests:")
        for d in store.digests()[-10:]:
            print(f"  #{d.id} {d.created_at[:16]} {d.status:9} {d.location or d.last_error or ''}")
        pending = len(store.observations(pending=True))
        print(f"Figures waiting for the next digest: {pending}")
    finally:
        store.close()
    return 0


def _history(args: argparse.Namespace) -> int:
    wl = watchlist.load(args.watchlist)
    targets = [t for t in wl.targets if args.target in (None, t.id)]
    if not targets:
        known = ", ".join(t.id for t in wl.targets)
        raise MonitorError(f"no target '{args.target}'", hint=f"known targets: {known}")
    store = Store.open(_state_dir(args, args.watchlist))
    try:
        for target in targets:
            observations = store.observations(target_id=target.id)
            level, progress = diff.latest_progress(
                target, observations, today=datetime.now(wl.timezone).date()
            )
            tail = f"; latest {level}, {progress.percent}% of the pledge" if progress else ""
            print(f"[{target.id}] {target.title}{tail}")
            for o in observations:
                when = (o.published or o.observed_at).date().isoformat()
                print(
                    f"  {when} {o.figure.kind:8} {o.figure.quantity.surface:10} "
                    f"{o.article_title[:40]}  {o.article_url}"
                )
    finally:
        store.close()
    return 0
