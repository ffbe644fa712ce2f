"""The `status` command: each source's health and when it is next due, the digests built,
delivered and pending, and what waits for the next digest. It reads only: it makes no database.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor import cli_args, cli_out, dispatch
from monitor.config import watchlist
from monitor.models import Source
from monitor.store import lock
from monitor.store.records import DigestRecord, SourceHealth
from monitor.store.state import Store


def status(args: argparse.Namespace) -> int:
    from monitor.config.schedule import parse_cron

    wl = watchlist.load(args.watchlist)
    state_dir = cli_args.state_dir(args, args.watchlist)
    store, found = reading_store(state_dir)
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


def reading_store(state_dir: Path) -> tuple[Store, bool]:
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
