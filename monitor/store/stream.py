"""Observations read one row at a time, for exports of any size in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from monitor.store.records import Observation, observation_of

if TYPE_CHECKING:
    from monitor.store.state import Store


def observations(
    store: Store, *, since: datetime | None = None, target_ids: tuple[str, ...] | None = None
) -> Iterator[Observation]:
    """Each observation in id order (the order they were stored in, which needs no sort:
    SQLite walks the table and nothing is held but the current row)."""
    sql = """SELECT o.*, a.title AS a_title, a.source_id AS a_source, a.story AS a_story
             FROM observations o JOIN articles a ON a.url = o.article_url WHERE 1=1"""
    args: list[object] = []
    if since is not None:
        sql += " AND COALESCE(o.published, o.observed_at) >= ?"
        args.append(since.isoformat())
    if target_ids is not None:
        sql += f" AND o.target_id IN ({','.join('?' * len(target_ids))})"
        args.extend(target_ids)
    for row in store.conn.execute(sql + " ORDER BY o.id", args):
        yield observation_of(row)
