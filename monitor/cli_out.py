"""The commands that take data out: `export`, `history --format csv|json`, `report` and
`test-send`, and the channel lines of `status`. Called by cli.main, which owns exit codes."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from typing import TextIO

from monitor.config import watchlist
from monitor.errors import MonitorError
from monitor.models import Watchlist
from monitor.store.state import Store


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="every figure as CSV or JSON (columns: docs/export.md)")
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("--since", help="only figures dated on or after this day (2024-07-01)")
    export.add_argument("--target", action="append", help="only this target (may be repeated)")
    export.add_argument("--out", type=Path, help="write to this file (default: stdout)")

    report = sub.add_parser("report", help="write the report: a static site with charts")
    report.add_argument(
        "--out", type=Path, help="the folder to write (default: report.dir, or report/ in state)"
    )

    test_send = sub.add_parser("test-send", help="send a sample message to the chat channels")
    test_send.add_argument("channel", nargs="?", help="a channel id (default: every channel)")


def state_dir(args: argparse.Namespace) -> Path:
    from monitor.cli_args import state_dir  # cli_args imports this module for its parsers

    return state_dir(args, args.watchlist)


@contextmanager
def _opened(wl: Watchlist, args: argparse.Namespace) -> Iterator[tuple[Watchlist, Store]]:
    folder = state_dir(args)
    if not (folder / "monitor.db").is_file():
        raise MonitorError(
            "no state here yet",
            where=str(folder),
            hint="run monitor run first, or pass --state with the folder that has monitor.db",
        )
    store = Store.open(folder)
    try:
        yield wl, store
    finally:
        store.close()


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """A file, or stdout as UTF-8 whatever the terminal's locale (a BOM and Chinese text)."""
    if path is None:
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
        try:
            yield out
        finally:
            out.flush()
            out.detach()  # leave sys.stdout open
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise MonitorError(f"cannot write: {exc.strerror}", where=str(path)) from exc
    with handle:
        yield handle


def _since(text: str | None, wl: Watchlist) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise MonitorError(
            f"--since {text!r} is not a date", hint="write it like 2024-07-01"
        ) from None
    if len(text) <= 10:
        moment = datetime.combine(moment.date(), time(0))
    return moment if moment.tzinfo else moment.replace(tzinfo=wl.timezone)


def export(args: argparse.Namespace) -> int:
    from monitor.report import export as exporting

    wl = watchlist.load(args.watchlist)
    targets = _target_ids(wl, args.target)
    since = _since(args.since, wl)
    with _opened(wl, args) as (wl, store), _output(args.out) as out:
        rows = exporting.rows(wl, store, since=since, target_ids=targets)
        count = exporting.write(out, rows, args.format)
    if args.out is not None and not args.quiet:
        print(f"{count} figure(s) written to {args.out}")
    return 0


def history(args: argparse.Namespace) -> int:
    """`history --format csv|json`: the export's columns, for one target or all."""
    from monitor.report import export as exporting

    wl = watchlist.load(args.watchlist)
    targets = _target_ids(wl, [args.target] if args.target else None)
    with _opened(wl, args) as (wl, store), _output(None) as out:
        exporting.write(out, exporting.rows(wl, store, target_ids=targets), args.format)
    return 0


def _target_ids(wl: Watchlist, wanted: list[str] | None) -> tuple[str, ...] | None:
    if not wanted:
        return None
    known = {t.id for t in wl.targets}
    for ident in wanted:
        if ident not in known:
            raise MonitorError(
                f"no target '{ident}'", hint="known targets: " + ", ".join(sorted(known))
            )
    return tuple(wanted)


def report(args: argparse.Namespace) -> int:
    from monitor.report import site

    wl = watchlist.load(args.watchlist)
    out = args.out or wl.report.dir or state_dir(args) / "report"
    with _opened(wl, args) as (wl, store):
        written = site.write(wl, store, out=out, now=datetime.now(wl.timezone))
    if not args.quiet:
        print(f"report written: {written.index} ({len(written.pages)} target page(s))")
        print(f"open it in a browser: {written.index.resolve().as_uri()}")
    return 0


def test_send(args: argparse.Namespace) -> int:
    from monitor.report import channels
    from monitor.report.digest import environment

    wl = watchlist.load(args.watchlist)
    if not wl.delivery.channels:
        raise MonitorError(
            "the watchlist has no chat channels",
            hint="add delivery.channels (docs/watchlist.md, 'Chat channels')",
        )
    store = Store.open(state_dir(args))
    try:
        results = channels.send_sample(
            wl,
            store,
            environment(wl.path.parent),
            now=datetime.now(wl.timezone),
            only=args.channel,
        )
    finally:
        store.close()
    failed = 0
    for ident, error in results:
        if error is None:
            print(f"channel {ident}: sent")
        else:
            failed += 1
            print(f"monitor: {error}", file=sys.stderr)
    return 1 if failed else 0


def channel_lines(store: Store) -> list[str]:
    """For `monitor status`: each recent digest's channel deliveries."""
    from monitor.store import channel_log

    lines = []
    for row in channel_log.recent(store):
        if row.status == "delivered":
            state = f"sent {(row.delivered_at or '')[:16].replace('T', ' ')}"
        else:
            state = f"pending after {row.attempts} attempt(s)"
            if row.last_error:
                state += f"; {row.last_error}"
        lines.append(f"  digest #{row.digest_id} to {row.channel}: {state}")
    return lines
