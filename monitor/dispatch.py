"""The digest's side of a pass: build one when its cron has fired since the last, deliver every
pending digest (by mail, then to the chat channels) at most once, and write the report site.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from monitor.config.schedule import parse_cron
from monitor.errors import DeliveryError, MonitorError
from monitor.models import Watchlist
from monitor.store import channel_log
from monitor.store.state import Store

log = logging.getLogger("monitor")

LAST_DIGEST = "last_digest_at"


def digest_due(watchlist: Watchlist, store: Store, now: datetime) -> bool:
    """Due when the digest's cron has fired since the last digest (or none was ever made)."""
    last = store.get_fact(LAST_DIGEST)
    if last is None:
        return True
    trigger = parse_cron(watchlist.digest.schedule, watchlist.timezone)
    fire = trigger.get_next_fire_time(None, datetime.fromisoformat(last) + timedelta(seconds=1))
    return fire is not None and fire <= now


def build_digest(
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


@dataclass
class Delivered:
    """What a round of delivery did: where each digest went, and each failure as one line."""

    delivered: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def deliver_pending(
    watchlist: Watchlist, store: Store, *, now: datetime, state_dir: Path, built: bool
) -> Delivered:
    """Every pending digest by mail, then to the chat channels; the report site is written
    again when this pass `built` a digest."""
    done = Delivered()
    _deliver_mail(watchlist, store, now=now, state_dir=state_dir, done=done)
    if watchlist.delivery.channels:  # after the mail, and whatever became of it
        from monitor.report import channels

        sent = channels.deliver_pending(watchlist, store, now=now)
        done.delivered.extend(sent.delivered)
        done.errors.extend(sent.errors)
    if built and watchlist.report.dir is not None:
        from monitor.report import site

        try:
            site.write(watchlist, store, out=watchlist.report.dir, now=now)
        except MonitorError as exc:
            done.errors.append(str(exc))
    return done


def _deliver_mail(
    watchlist: Watchlist, store: Store, *, now: datetime, state_dir: Path, done: Delivered
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
            done.errors.append(str(exc))
            log.warning("digest %d not delivered: %s", record.id, exc)
            continue
        done.delivered.append(where)
