"""The command line's arguments: the parser of every command and option, and what the global
options name (the state folder, the time a pass pretends it is).
"""

from __future__ import annotations

import argparse
import contextlib
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor import __version__, cli_out, cli_terminal
from monitor.errors import UsageError


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


def state_dir(args: argparse.Namespace, wl_path: Path) -> Path:
    """--state, else $MONITOR_STATE, else state/ beside the watchlist."""
    if args.state is not None:
        return Path(args.state)
    if "MONITOR_STATE" in os.environ:
        return Path(os.environ["MONITOR_STATE"])
    return wl_path.parent / "state"


def now(text: str | None, tz: ZoneInfo) -> datetime:
    """The time --now names (in `tz` when it names no zone), or the real time."""
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
