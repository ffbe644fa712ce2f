"""The command line: `monitor run | daemon | check | try | status | history | reject | accept |
demo`, and (cli_out.py) `export | report | test-send`.

`main(argv) -> int` owns stdout, stderr and exit codes: 0 OK, 1 runtime failure, 2 usage or
configuration error. Library errors arrive as MonitorError and leave as one line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor import __version__, cli_out, cli_terminal, dispatch, pipeline
from monitor.cli_terminal import source_bar
from monitor.config import watchlist
from monitor.errors import MonitorError, UsageError, WatchlistError
from monitor.models import SHANGHAI, FetchLimits, Page, Seen, Source, Target, Watchlist
from monitor.store import lock
from monitor.store.faults import state_error
from monitor.store.records import DigestRecord, Observation, SourceHealth
from monitor.store.state import Store

log = logging.getLogger("monitor")

EXIT_SOURCES_FAILED = 3  # `run`: the pass went through, but a source failed (cron should tell)
EXIT_PIPE = 141  # stdout was closed early (| head), as a shell reports a process ended by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monitor",
        description="Watch news pages for follow-up coverage of policy pledges; mail a digest.",
        epilog="New here? `monitor init DIR` writes a starter watchlist. The documentation ships "
        "with monitor: `monitor docs` lists it, `monitor docs watchlist` has every key.",
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
    _passes(sub)
    _looks(sub)
    _demo_command(sub)
    _globals_after_the_command(sub)
    return parser


def _passes(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that run passes: run, daemon."""
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
    _wait_option(run)

    daemon = sub.add_parser(
        "daemon",
        help="run on schedule: each source on its interval, the digest on its cron; "
        "stops on SIGTERM, reloads watchlist edits",
    )
    _wait_option(daemon)


def _looks(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that look at the watchlist, a page or the state, or correct a figure."""
    sub.add_parser("check", help="validate the watchlist; exit 2 with every problem found")

    try_ = sub.add_parser(
        "try",
        help="show what a page yields (title, date, text, figures), or what links a list or"
        " feed source of the watchlist yields and which are new",
    )
    try_.add_argument("url", metavar="URL|SOURCE_ID")
    try_.add_argument("--target", help="only this target's figures")
    try_.add_argument("--body", help="a CSS selector for the article body")
    try_.add_argument(
        "--render",
        action="store_true",
        help="fetch with headless Chromium, running the page's scripts (as render: browser)",
    )
    try_.add_argument(
        "--explain",
        action="store_true",
        help="every number in each sentence naming a target: the figure it became, or why not",
    )

    sub.add_parser("status", help="source health and digests")
    history = sub.add_parser("history", help="each target's figures over time, with their ids")
    history.add_argument("target", nargs="?", help="a target id (default: all)")
    history.add_argument(
        "--format", choices=["text", "csv", "json"], default="text", help="csv and json: as export"
    )
    reject = sub.add_parser(
        "reject", help="mark a figure wrong: kept but struck; the next digest carries 更正"
    )
    reject.add_argument("id", type=int, help="the figure's id (#12 in history and the digest)")
    reject.add_argument("--why", help="a short reason, shown in the 更正 line")
    accept = sub.add_parser("accept", help="confirm a figure, e.g. one shown as 待核实")
    accept.add_argument("id", type=int, help="the figure's id (#12 in history and the digest)")
    cli_out.add_parsers(sub)
    cli_terminal.add_parsers(sub)


def _demo_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo", help="replay a bundled sample news site; digests to the outbox")
    demo.add_argument(
        "--dir",
        type=Path,
        help="the demo's own folder (default: demo/ in the state folder); a folder holding "
        "anything the demo did not make is refused",
    )
    demo.add_argument(
        "--keep", action="store_true", help="keep the demo's earlier state instead of starting anew"
    )


def _globals_after_the_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`monitor run -q --state X` as well as `monitor -q --state X run`: each command takes the
    global options too, and sets them only when given (SUPPRESS), so neither place wins by
    default over the other."""
    for command in sub.choices.values():
        for flags, options in (
            (("--watchlist",), {"type": Path}),
            (("--state",), {"type": Path}),
            (("-v", "--verbose"), {"action": "store_true"}),
            (("-q", "--quiet"), {"action": "store_true"}),
        ):
            # the command may have an option of that name itself: it keeps its own
            with contextlib.suppress(argparse.ArgumentError):
                command.add_argument(
                    *flags, default=argparse.SUPPRESS, help=argparse.SUPPRESS, **options
                )


def _wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for another monitor using the same state folder (default: 30)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    try:
        match args.command:
            case "run":
                return _run(args)
            case "daemon":
                return _daemon(args)
            case "check":
                return _check(args)
            case "try":
                return _try(args)
            case "status":
                return _status(args)
            case "history":
                return _history(args) if args.format == "text" else cli_out.history(args)
            case "reject" | "accept":
                return _verdict(args)
            case "export":
                return cli_out.export(args)
            case "report":
                return cli_out.report(args)
            case "test-send":
                return cli_out.test_send(args)
            case "demo":
                return _demo(args)
            case "init":
                print("\n".join(cli_terminal.init(args.dir)))
                return 0
            case "docs":
                print(cli_terminal.docs(args.name))
                return 0
            case "schema":
                print(cli_terminal.schema_text(), end="")
                return 0
    except WatchlistError as exc:
        print(str(exc), file=sys.stderr)  # already one "file:line: problem" per line
        return exc.exit_code
    except MonitorError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("monitor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `monitor history | head`: the reader has what it wanted
        _drop_stdout()
        return EXIT_PIPE
    except Exception as exc:  # a bug: say so in one line, details with -v
        fault = state_error(exc, _state_dir(args, args.watchlist))
        if fault is not None:  # a full disk, a damaged database: the user's to fix
            print(f"monitor: {fault}", file=sys.stderr)
            return fault.exit_code
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
    code = main()
    try:
        sys.stdout.flush()  # what is still buffered, while a closed pipe can still be caught
    except BrokenPipeError:
        _drop_stdout()
        code = code or EXIT_PIPE
    sys.exit(code)


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush finds no broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): nothing to flush
        pass
    finally:
        os.close(devnull)


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
        raise UsageError(
            f"--now {text!r} is not a time", hint="write it like 2024-07-15T09:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment


# --- commands ----------------------------------------------------------------------------------


def _run(args: argparse.Namespace) -> int:
    if not args.watchlist.is_file():
        watchlist.load(args.watchlist)  # says what is wrong, before a state folder is made
    state_dir = _state_dir(args, args.watchlist)
    held = lock.hold(lock.lock_path(state_dir), wait=args.wait, what=str(state_dir))
    with held, Store.open(state_dir) as store:
        wl = watchlist.load(args.watchlist, cache=store)
        now = _now(args.now, wl.timezone)
        with source_bar(args.quiet) as bar:
            report = pipeline.run_pass(
                wl,
                store,
                now=now,
                state_dir=state_dir,
                digest_mode=args.digest,
                all_sources=args.all,
                progress=bar,
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


def _daemon(args: argparse.Namespace) -> int:
    from monitor import daemon

    wl = watchlist.load(args.watchlist)
    state_dir = _state_dir(args, args.watchlist)
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


def _demo(args: argparse.Namespace) -> int:
    from monitor import demo

    folder = args.dir or _state_dir(args, args.watchlist) / "demo"
    print("\n".join(demo.run(state_dir=folder, keep=args.keep)))
    return 0


def _pass_line(report: pipeline.PassReport) -> str:
    s = report.summary()
    return (
        f"{s['sources_due']} sources fetched ({report.skipped} not due, "
        f"{s['sources_failed']} failed): {s['new']} new articles, {s['changed']} changed, "
        f"{s['observations']} new figures; {len(report.digests_built)} digest(s) built"
    )


def _check(args: argparse.Namespace) -> int:
    from monitor.config import advice

    wl = watchlist.load(args.watchlist)
    print(
        f"{args.watchlist}: OK: {len(wl.sources)} sources, {len(wl.targets)} targets, "
        f"digest '{wl.digest.schedule}' ({wl.timezone.key}), delivery {wl.delivery.method}"
    )
    for line in advice.warnings(args.watchlist, wl):
        print(line)
    return 0


def _try(args: argparse.Namespace) -> int:
    from monitor.figures import tables
    from monitor.pages import extract  # commands import what they use: `run` starts faster

    if "://" not in args.url and args.watchlist.exists():
        named = _source_named(args)
        if named.type != "page":
            return _try_listing(args, named)
        args.url, args.body = named.url, args.body or named.body

    targets: tuple[Target, ...] = ()
    tz = SHANGHAI
    limits = FetchLimits()
    if args.watchlist.exists():
        wl: Watchlist = watchlist.load(args.watchlist)
        targets, tz, limits = wl.targets, wl.timezone, wl.limits
        if args.target:
            targets = tuple(t for t in wl.targets if t.id == args.target)
            if not targets:
                known = ", ".join(t.id for t in wl.targets)
                raise UsageError(f"no target '{args.target}'", hint=f"known targets: {known}")
    source = Source(
        id="try",
        url=args.url,
        type="page",
        body=args.body,
        render="browser" if args.render else "http",
        per_host_delay=0,
    )
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
    for table in article.tables:
        print(f"表格:  {table.caption or '(no caption)'}: {len(table.rows)} rows")
        print(f"  | {' | '.join(table.header)[:120]}")
    if not targets:
        print("(no watchlist targets: pass --watchlist to see figures)")
        return 0
    published = article.published.date() if article.published else None
    if args.explain:
        from monitor.figures.explain import explain

        _explain(explain(article.title, article.text, targets, published=published))
        return 0
    found = tables.article_figures(article, targets, published=published)
    for target in targets:
        mine = [f for f in found if f.target_id == target.id]
        print(f"\n[{target.id}] {target.title}: {len(mine)} figure(s)")
        for f in mine:
            marked = (
                f.sentence[: f.start]
                + "【"
                + f.sentence[f.start : f.end]
                + "】"
                + f.sentence[f.end :]
            )
            print(
                f"  {f.kind:8} {f.scope:10} {f.quantity.surface} = {f.value} {f.unit or ''} "
                f"({f.qualifier}{', ' + f.period if f.period else ''})"
            )
            print(f"    {marked[:200]}")
    return 0


def _source_named(args: argparse.Namespace) -> Source:
    wl = watchlist.load(args.watchlist)
    for source in wl.sources:
        if source.id == args.url:
            return source
    known = ", ".join(s.id for s in wl.sources)
    raise UsageError(
        f"'{args.url}' is neither a URL nor a source of {args.watchlist}",
        hint=f"give a URL like https://… or one of: {known}",
    )


def _try_listing(args: argparse.Namespace, source: Source) -> int:
    """The links a list or feed source yields now, marked new or already read."""
    from monitor import probe

    wl = watchlist.load(args.watchlist)
    state_dir = _state_dir(args, args.watchlist)
    found = asyncio.run(probe.listing(wl, source, state_dir=state_dir))
    how = (
        f"links: {source.links!r}"
        if source.links
        else "no links: selector (monitor finds the headlines itself)"
    )
    if source.type == "feed":
        how = "feed entries"
    print(f"Source: {source.id} ({source.type}) {found.page.url}")
    print(f"Links:  {how}")
    state = "" if found.state_found else f" (no state in {state_dir} yet: all are new)"
    print(
        f"{len(found.links)} link(s): {len(found.new)} new, "
        f"{len(found.links) - len(found.new)} already read{state}"
    )
    for link in found.links:
        mark = "known" if link.url in found.known else "NEW"
        when = link.published.date().isoformat() if link.published else "          "
        print(f"  {mark:5}  {when}  {link.title or '(no title)'}")
        print(f"         {link.url}")
    if len(found.new) > source.max_articles:
        print(f"(a pass reads at most {source.max_articles} new articles: max_articles)")
    if not found.links:
        fix = (
            f"the selector {source.links!r} matched no article link: check it against the page"
            if source.links
            else "no headline links found: give a CSS selector in links:, like 'ul.list a'"
        )
        print(f"monitor: {fix}", file=sys.stderr)
    return 0


def _explain(seen: Sequence[Seen]) -> None:
    """Each sentence naming a target once, then each number in it and what became of it."""
    if not seen:
        print("\nno sentence names a target's keyword: check the keywords (and `exclude`)")
        return
    sentence = None
    for x in seen:
        if x.sentence != sentence:
            sentence = x.sentence
            print(f"\n  | {sentence[:300]}")
        target = f"[{x.target_id}] " if x.target_id else ""
        if x.figure is not None:
            f = x.figure
            got = f"{f.kind} {f.scope} {f.value} {f.unit or ''}".rstrip()
            print(f"    {x.surface:12} {target}→ {got}  ({x.why})")
        else:
            print(f"    {x.surface:12} {target}dropped: {x.why}")


async def _fetch_one(limits: FetchLimits, source: Source) -> Page:
    from monitor.fetching.fetch import Fetcher

    async with Fetcher(limits) as fetcher:
        return await fetcher.get(source.url, source=source, accept="html")


def _status(args: argparse.Namespace) -> int:
    from monitor.config.schedule import parse_cron

    wl = watchlist.load(args.watchlist)
    state_dir = _state_dir(args, args.watchlist)
    store, found = _reading_store(state_dir)
    now = datetime.now(wl.timezone)
    try:
        holder = lock.in_use(lock.lock_path(state_dir))
        busy = f" (in use by pid {holder})" if holder else " (in use)" if holder == 0 else ""
        if not found:
            busy = " (no state database yet: nothing fetched; `monitor run` makes it)"
        print(f"State: {state_dir}{busy}")
        print("Sources:")
        for source in wl.sources:
            print("  " + _source_line(source, store.health(source.id), wl.broken_after, now))
        print(f"Digest: '{wl.digest.schedule}' ({wl.timezone.key}), by {wl.delivery.method}")
        last = store.get_fact(dispatch.LAST_DIGEST)
        trigger = parse_cron(wl.digest.schedule, wl.timezone)
        upcoming = trigger.get_next_fire_time(None, now)
        print(f"  last built:     {_when(last)}")
        print(f"  next due:       {_next_digest(upcoming, wl.timezone)}")
        records = store.digests()
        delivered = [d for d in records if d.status == "delivered"]
        if delivered:
            d = delivered[-1]
            print(f"  last delivered: #{d.id} {_when(d.delivered_at)} to {d.location}")
        else:
            print("  last delivered: never")
        for d in store.pending_digests():
            print(f"  pending:        {_pending_line(d)}")
        if wl.delivery.channels:
            print("Channels: " + ", ".join(c.id for c in wl.delivery.channels))
            print("\n".join(cli_out.channel_lines(store)) or "  nothing sent yet")
        figures_waiting = sum(not o.rejected for o in store.observations(pending=True))
        articles_waiting = len({m.article_url for m in store.pending_mentions()})
        print(
            f"Waiting for the next digest: {figures_waiting} figure(s), "
            f"{articles_waiting} article(s) naming a target"
        )
    finally:
        store.close()
    return 0


def _reading_store(state_dir: Path) -> tuple[Store, bool]:
    """The state folder's store for a command that only reads (status, history), and whether
    it was there: a folder without a database gets none made in it (a mistyped --state must
    not leave an empty database behind); an empty one in a temporary folder stands in."""
    from monitor.store.schema import DB_NAME

    if (state_dir / DB_NAME).is_file():
        return Store.open(state_dir), True
    scratch = Path(tempfile.mkdtemp(prefix="monitor-empty-"))
    store = Store.open(scratch)
    close = store.close

    def close_and_remove() -> None:
        close()
        shutil.rmtree(scratch, ignore_errors=True)

    store.close = close_and_remove  # type: ignore[method-assign]
    return store, False


def _next_digest(moment: datetime | None, tz: ZoneInfo) -> str:
    """'2024-07-26 08:00 Friday (Asia/Shanghai)': the weekday, so that a weekly schedule can be
    checked at a glance, and the zone the cron is read in."""
    if moment is None:
        return "never"
    local = moment.astimezone(tz)
    day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return f"{local:%Y-%m-%d %H:%M} {day[local.weekday()]} ({tz.key})"


def _when(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else "never"


def _source_line(source: Source, h: SourceHealth | None, broken_after: int, now: datetime) -> str:
    if not source.enabled:
        return f"{source.id:24} disabled"
    if h is None or h.last_fetch_at is None:
        return f"{source.id:24} {'new':8} never fetched; next: due now"
    state = (
        "BROKEN"
        if h.consecutive_failures >= broken_after
        else "failing"
        if h.consecutive_failures
        else "ok"
    )
    after = datetime.fromisoformat(h.last_fetch_at) + source.every
    upcoming = "due now" if after <= now else _when(after.isoformat())
    line = f"{source.id:24} {state:8} last {_when(h.last_fetch_at)}, next {upcoming}"
    if h.last_links == 0 and source.type == "list":
        line += "; the list page showed no links (check `links:`)"
    if h.consecutive_failures:
        line += (
            f"; {h.consecutive_failures} failure(s) in a row, last success "
            f"{_when(h.last_success_at)}: {h.last_error}"
        )
    return line


def _pending_line(d: DigestRecord) -> str:
    line = f"#{d.id} built {_when(d.created_at)}, {d.attempts} attempt(s)"
    if d.sending_at and d.last_outcome is None:
        line += f"; a run stopped while delivering it ({_when(d.sending_at)}): sent again as it was"
    match d.last_outcome:
        case "unknown":
            line += f"; the server may have it: resent as {d.message_id}"
        case "failed":
            line += "; not delivered: folded into the next digest"
    return line + (f"; {d.last_error}" if d.last_error else "")


def _history(args: argparse.Namespace) -> int:
    from monitor.report import diff

    wl = watchlist.load(args.watchlist)
    targets = [t for t in wl.targets if args.target in (None, t.id)]
    if not targets:
        known = ", ".join(t.id for t in wl.targets)
        raise UsageError(f"no target '{args.target}'", hint=f"known targets: {known}")
    names = {s.id: s.label for s in wl.sources}
    state_dir = _state_dir(args, args.watchlist)
    store, found = _reading_store(state_dir)
    if not found:
        print(f"monitor: no state database in {state_dir} yet (check --state)", file=sys.stderr)
    with store:
        delivered = {d.id for d in store.digests() if d.status == "delivered"}
        for n, target in enumerate(targets):
            if n:
                print()
            observations = store.observations(target_id=target.id)
            print(f"[{target.id}] {target.title}")
            print(f"  {_target_terms(target)}")
            level, progress = diff.latest_progress(
                target, observations, today=datetime.now(wl.timezone).date()
            )
            if level is not None:
                unit = target.unit or ""
                tail = f", {progress.percent}% of the pledge" if progress else ""
                print(f"  latest level: {level.normalize():f}{unit}{tail}")
            if not observations:
                print("  no figures yet")
            checks = _checks(target, observations)
            for o in observations:
                print(_observation_lines(o, names, delivered, checks.get(o.id)))
    return 0


def _verdict(args: argparse.Namespace) -> int:
    from monitor.store import verdicts

    wl = watchlist.load(args.watchlist)
    with Store.open(_state_dir(args, args.watchlist)) as store:
        verdict: verdicts.Verdict = "rejected" if args.command == "reject" else "accepted"
        why = getattr(args, "why", None)
        obs = verdicts.set_verdict(store, args.id, verdict, why=why, at=datetime.now(wl.timezone))
    f = obs.figure
    print(f"#{obs.id} {verdict}: {f.quantity.surface} for {obs.target_id} ({obs.article_url})")
    if verdict == "rejected":
        follow = (
            "the next digest carries a 更正 line and recomputes progress without it"
            if obs.digest_id is not None
            else "it was in no digest yet and will not be in one"
        )
    else:
        follow = "it counts as confirmed from the next digest on"
    print(f"  {follow}; nothing is deleted (`monitor history {obs.target_id}` shows it)")
    return 0


def _target_terms(target: Target) -> str:
    parts = []
    if target.pledge:
        p = target.pledge
        parts.append(
            f"pledge {p.value.normalize():f}{target.unit or ''} ({p.scope})"
            + (f" by {p.by}" if p.by else "")
            + (f", announced {p.announced}" if p.announced else "")
        )
    if target.baseline:
        b = target.baseline
        parts.append(
            f"baseline {b.value.normalize():f}{target.unit or ''}"
            + (f" at {b.as_of}" if b.as_of else "")
        )
    return "; ".join(parts) or "no pledge recorded"


def _checks(target: Target, observations: list[Observation]) -> dict[int, str]:
    """Each achieved figure's standing now: what waits as 待核实, and why."""
    from monitor.report import levels, plausibility

    progress = [o for o in observations if levels.is_progress(o, target)]
    return {
        oid: f"unconfirmed (待核实: {check.reason})"
        if not check.confirmed
        else f"corroborated by #{check.by.id if check.by else '?'} (doubted: {check.reason})"
        if check.status == "corroborated"
        else ""
        for oid, check in plausibility.assess(target, progress).items()
    }


def _struck(text: str) -> str:
    return "".join(ch + "\u0336" for ch in text)


def _observation_lines(
    o: Observation, names: dict[str, str], delivered: set[int], check: str | None = None
) -> str:
    f = o.figure
    when = (o.published or o.observed_at).date().isoformat()
    status = (
        f"reported in digest #{o.digest_id}"
        if o.digest_id in delivered
        else f"in digest #{o.digest_id}, not yet delivered"
        if o.digest_id
        else "not yet reported"
    )
    surface = f.quantity.surface
    if o.rejected:
        surface = _struck(surface)
        status = "REJECTED" + (f" ({o.verdict_why})" if o.verdict_why else "") + f"; {status}"
        if o.corrected_in:
            status += f"; corrected in digest #{o.corrected_in}"
    elif o.verdict == "accepted":
        status = f"accepted; {status}"
    elif check:
        status = f"{check}; {status}"
    marked = f.sentence[: f.start] + "【" + f.sentence[f.start : f.end] + "】" + f.sentence[f.end :]
    if len(marked) > 90:
        lo = max(0, f.start - 40)
        marked = ("…" if lo else "") + marked[lo : lo + 90] + "…"
    return (
        f"  #{o.id:<5} {when}  {f.kind:8} {f.scope:10} {surface:12} {status}\n"
        f"      {marked}\n"
        f"      {o.article_title[:50]} · {names.get(o.source_id, o.source_id)}\n"
        f"      {o.article_url}"
    )
