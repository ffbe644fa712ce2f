"""Each chat channel's delivery of each digest, on its own row: pending until the channel took
it, retried alone when it did not, never sent again once it did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.store.state import Store


@dataclass(frozen=True)
class ChannelDelivery:
    digest_id: int
    channel: str
    status: str  # pending | delivered
    attempts: int
    last_error: str | None
    last_try_at: str | None
    delivered_at: str | None
    chat: str  # the digest's short form
    title: str  # the digest's subject, from its message


def pending(store: Store) -> list[ChannelDelivery]:
    """Every channel delivery still to make, oldest digest first."""
    return _select(store, "WHERE c.status = 'pending'")


def of_digest(store: Store, digest_id: int) -> list[ChannelDelivery]:
    return _select(store, "WHERE c.digest_id = ?", (digest_id,))


def recent(store: Store, limit: int = 20) -> list[ChannelDelivery]:
    """The newest deliveries, for `monitor status`."""
    return _select(
        store, "WHERE c.digest_id IN (SELECT id FROM digests ORDER BY id DESC LIMIT ?)", (limit,)
    )


def any_delivered(store: Store, digest_id: int) -> bool:
    """Whether some channel took this digest: then it may never be folded into another one."""
    row = store.conn.execute(
        "SELECT 1 FROM channel_deliveries WHERE digest_id = ? AND status = 'delivered' LIMIT 1",
        (digest_id,),
    ).fetchone()
    return row is not None


def mark_delivered(store: Store, digest_id: int, channel: str, *, at: datetime) -> None:
    with store.transaction() as tx:
        tx.execute(
            """UPDATE channel_deliveries SET status = 'delivered', attempts = attempts + 1,
                   last_error = NULL, last_try_at = ?, delivered_at = ?
               WHERE digest_id = ? AND channel = ?""",
            (at.isoformat(), at.isoformat(), digest_id, channel),
        )


def mark_failed(store: Store, digest_id: int, channel: str, *, at: datetime, error: str) -> None:
    with store.transaction() as tx:
        tx.execute(
            """UPDATE channel_deliveries SET attempts = attempts + 1, last_error = ?,
                   last_try_at = ? WHERE digest_id = ? AND channel = ?""",
            (error, at.isoformat(), digest_id, channel),
        )


def _select(store: Store, where: str, args: tuple[object, ...] = ()) -> list[ChannelDelivery]:
    rows = store.conn.execute(
        f"""SELECT c.*, d.chat, d.message FROM channel_deliveries c
            JOIN digests d ON d.id = c.digest_id {where}
            ORDER BY c.digest_id, c.channel""",
        args,
    )
    return [
        ChannelDelivery(
            digest_id=r["digest_id"],
            channel=r["channel"],
            status=r["status"],
            attempts=r["attempts"],
            last_error=r["last_error"],
            last_try_at=r["last_try_at"],
            delivered_at=r["delivered_at"],
            chat=r["chat"] or "",
            title=_subject(bytes(r["message"])),
        )
        for r in rows
    ]


def _subject(message: bytes) -> str:
    from email import message_from_bytes, policy

    return str(message_from_bytes(message, policy=policy.default).get("Subject", ""))
