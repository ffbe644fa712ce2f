"""An analyst's verdict on a stored figure: `monitor reject ID` marks it wrong, `accept ID`
confirmed. Nothing is deleted; a rejected figure an earlier digest reported is due a 更正 line.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from monitor.errors import UsageError
from monitor.store.records import OBSERVATIONS, Observation, observation_of
from monitor.store.state import Store

Verdict = Literal["rejected", "accepted"]


def observation(store: Store, observation_id: int) -> Observation:
    """One stored figure by its id (as `monitor history` and the digest show it)."""
    row = store.conn.execute(f"{OBSERVATIONS} WHERE o.id = ?", (observation_id,)).fetchone()
    if row is None:
        raise UsageError(
            f"no figure #{observation_id} in the state database",
            where=str(store.path),
            hint="`monitor history` lists every figure with its id",
        )
    return observation_of(row)


def set_verdict(
    store: Store, observation_id: int, verdict: Verdict, *, why: str | None, at: datetime
) -> Observation:
    """Mark a figure rejected or accepted (again: the last verdict counts); returns it."""
    observation(store, observation_id)  # says so when there is no such figure
    with store.transaction() as tx:
        tx.execute(
            "UPDATE observations SET verdict = ?, verdict_why = ?, verdict_at = ? WHERE id = ?",
            (verdict, why, at.isoformat(), observation_id),
        )
    return observation(store, observation_id)


def corrections_due(store: Store) -> list[Observation]:
    """Rejected figures that a delivered digest reported and no digest has corrected yet."""
    rows = store.conn.execute(
        f"""{OBSERVATIONS} JOIN digests d ON d.id = o.digest_id
            WHERE o.verdict = 'rejected' AND o.corrected_in IS NULL AND d.status = 'delivered'
            ORDER BY o.target_id, o.id"""
    )
    return [observation_of(r) for r in rows]


def reported_in(store: Store, digest_id: int) -> datetime | None:
    """When a digest was built (for a 更正 line: "7月22日摘要")."""
    row = store.conn.execute("SELECT created_at FROM digests WHERE id = ?", (digest_id,)).fetchone()
    return datetime.fromisoformat(row[0]) if row else None


def any_digest(store: Store) -> bool:
    """Has a digest been built from this state before?"""
    return store.conn.execute("SELECT 1 FROM digests LIMIT 1").fetchone() is not None
