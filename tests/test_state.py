"""state: migrations, idempotent writes, digests claiming what they cover."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.errors import StateError
from monitor.state import MIGRATIONS, Store
from tests.factories import at, figure, save

S1 = "本市已建设验收422个一刻钟便民生活圈。"


def test_fresh_database_is_at_the_latest_schema_version(store: Store) -> None:
    assert store.schema_version == len(MIGRATIONS)
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_reopening_migrates_nothing_and_keeps_data(tmp_path: Path) -> None:
    s = Store.open(tmp_path)
    save(s, "http://a/1", S1, [figure(S1, "422个", 422)], mentions=["circles"])
    s.close()
    s = Store.open(tmp_path)
    assert len(s.observations()) == 1
    s.close()


def test_saving_the_same_article_twice_changes_nothing(store: Store) -> None:
    fig = figure(S1, "422个", 422)
    for _ in range(2):
        save(store, "http://a/1", S1, [fig], mentions=["circles"])
    assert len(store.observations()) == 1
    assert len(store.pending_mentions()) == 1
    assert store.known_articles(["http://a/1", "http://a/2"]) == {"http://a/1"}


def test_observation_round_trips_exact_decimal(store: Store) -> None:
    s = "全年社会物流总额4.37万亿元，一刻钟便民生活圈持续完善。"
    fig = figure(s, "4.37万亿元", "4370000000000", unit="元")
    save(store, "http://a/2", s, [fig], mentions=[])
    (obs,) = store.observations()
    assert str(obs.figure.value) == "4370000000000"
    assert obs.figure.sentence[obs.figure.start : obs.figure.end] == "4.37万亿元"


def test_digest_claims_observations_and_release_gives_them_back(store: Store) -> None:
    save(store, "http://a/1", S1, [figure(S1, "422个", 422)], mentions=["circles"])
    (obs,) = store.observations(pending=True)
    did = store.create_digest(
        created_at=at("2024-07-17 08:00"),
        period_start=None,
        period_end=at("2024-07-17 08:00"),
        message_id="<m1@x>",
        message=b"msg",
        observation_ids=[obs.id],
        mention_keys=[("circles", "http://a/1")],
    )
    assert store.observations(pending=True) == []
    assert store.pending_mentions() == []
    assert [d.id for d in store.pending_digests()] == [did]
    store.mark_failed(did, error="refused", uncertain=False)
    assert store.pending_digests()[0].last_outcome == "failed"
    store.release_digest(did)
    assert len(store.observations(pending=True)) == 1
    assert store.pending_digests() == []


def test_reported_observations_only_after_delivery(store: Store) -> None:
    save(store, "http://a/1", S1, [figure(S1, "422个", 422)], mentions=[])
    (obs,) = store.observations()
    did = store.create_digest(
        created_at=at("2024-07-17 08:00"),
        period_start=None,
        period_end=at("2024-07-17 08:00"),
        message_id="<m2@x>",
        message=b"msg",
        observation_ids=[obs.id],
        mention_keys=[],
    )
    assert store.reported_observations("circles") == []
    store.mark_delivered(did, at=at("2024-07-17 08:01"), location="outbox")
    assert [o.id for o in store.reported_observations("circles")] == [obs.id]


def test_source_health_counts_failures_in_a_row_and_recovers(store: Store) -> None:
    for _ in range(3):
        store.record_failure(
            "s", "http://s/", at=at("2024-01-01 00:00"), error="HTTP 500", status=500
        )
    assert store.health("s").consecutive_failures == 3
    store.record_success("s", "http://s/", at=at("2024-01-02 00:00"), status=200, links=4)
    h = store.health("s")
    assert (h.consecutive_failures, h.last_error, h.last_links) == (0, None, 4)


def test_a_corrupt_database_is_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StateError, match="cannot be used"):
        Store.open(tmp_path)
    assert db.read_bytes() == b"this is not sqlite" * 100


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "monitor.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StateError, match="newer than this monitor knows"):
        Store.open(tmp_path)
