"""Digests: built and recorded with what they cover claimed, in one transaction; then sent,
delivered or failed, or released so that what they held goes into the next one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from monitor.store.database import SET_FACT, Database
from monitor.store.records import DigestRecord, digest_of


class Digests(Database):
    """The `digests` table and the claims of observations, mentions and corrections on it."""

    def create_digest(
        self,
        *,
        created_at: datetime,
        period_start: datetime | None,
        period_end: datetime,
        message_id: str,
        message: bytes,
        observation_ids: Sequence[int],
        mention_keys: Sequence[tuple[str, str]],
        facts: Mapping[str, str] | None = None,
        correction_ids: Sequence[int] = (),
        chat: str | None = None,
        channels: Sequence[str] = (),
    ) -> int:
        """Record a built digest and claim what it covers (and set `facts`), in one transaction.

        `correction_ids`: rejected figures an earlier digest reported, corrected (更正) in this one.
        With `chat`, its short form for chat channels, pending for each of `channels`.
        """
        with self.transaction() as tx:
            tx.executemany(SET_FACT, list((facts or {}).items()))
            cur = tx.execute(
                """INSERT INTO digests(created_at, period_start, period_end, message_id,
                       message, status, chat) VALUES (?, ?, ?, ?, ?, 'pending', ?)""",
                (
                    created_at.isoformat(),
                    period_start.isoformat() if period_start else None,
                    period_end.isoformat(),
                    message_id,
                    message,
                    chat,
                ),
            )
            digest_id = int(cur.lastrowid or 0)
            tx.executemany(
                "INSERT INTO channel_deliveries(digest_id, channel, status) "
                "VALUES (?, ?, 'pending')",
                [(digest_id, name) for name in channels if chat is not None],
            )
            tx.executemany(
                "UPDATE observations SET digest_id = ? WHERE id = ? AND digest_id IS NULL",
                [(digest_id, oid) for oid in observation_ids],
            )
            tx.executemany(
                "UPDATE mentions SET digest_id = ? WHERE target_id = ? AND article_url = ? "
                "AND digest_id IS NULL",
                [(digest_id, t, u) for t, u in mention_keys],
            )
            tx.executemany(
                "UPDATE observations SET corrected_in = ? WHERE id = ? AND corrected_in IS NULL",
                [(digest_id, oid) for oid in correction_ids],
            )
        return digest_id

    def release_digest(self, digest_id: int) -> None:
        """Forget an undelivered digest so its contents go into the next one."""
        with self.transaction() as tx:
            tx.execute("UPDATE observations SET digest_id = NULL WHERE digest_id = ?", (digest_id,))
            tx.execute("UPDATE mentions SET digest_id = NULL WHERE digest_id = ?", (digest_id,))
            tx.execute(
                "UPDATE observations SET corrected_in = NULL WHERE corrected_in = ?", (digest_id,)
            )
            tx.execute("DELETE FROM digests WHERE id = ? AND status = 'pending'", (digest_id,))

    def pending_digests(self) -> list[DigestRecord]:
        rows = self.conn.execute("SELECT * FROM digests WHERE status = 'pending' ORDER BY id")
        return [digest_of(r) for r in rows]

    def digests(self) -> list[DigestRecord]:
        return [digest_of(r) for r in self.conn.execute("SELECT * FROM digests ORDER BY id")]

    def mark_sending(self, digest_id: int, *, at: datetime) -> None:
        """Committed before the message goes out: a run killed while sending leaves this, and
        the next run knows the server may have the message."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE digests SET sending_at = ? WHERE id = ?", (at.isoformat(), digest_id)
            )

    def mark_delivered(self, digest_id: int, *, at: datetime, location: str) -> None:
        with self.transaction() as tx:
            tx.execute(
                """UPDATE digests SET status = 'delivered', delivered_at = ?, location = ?,
                       attempts = attempts + 1, last_error = NULL, last_outcome = NULL,
                       sending_at = NULL
                   WHERE id = ?""",
                (at.isoformat(), location, digest_id),
            )

    def mark_failed(self, digest_id: int, *, error: str, uncertain: bool) -> None:
        """`uncertain`: the server may have taken it (the connection dropped after DATA)."""
        with self.transaction() as tx:
            tx.execute(
                "UPDATE digests SET attempts = attempts + 1, last_error = ?, last_outcome = ?, "
                "sending_at = NULL WHERE id = ?",
                (error, "unknown" if uncertain else "failed", digest_id),
            )
