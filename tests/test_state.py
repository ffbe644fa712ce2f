"""state: migrations, idempotent writes, digests claiming what they cover."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from monitor.errors import StateError
from monitor.models import Page, Validators
from monitor.store.batch import Batch
from monitor.store.schema import MIGRATIONS
from monitor.store.state import Store
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


def test_an_observation_keeps_the_stage_it_counts_and_a_falls_direction(store: Store) -> None:
    from dataclasses import replace

    s = "今年全市老旧小区改造开工320个，完工180个，投资同比下降4.5%。"
    started = replace(figure(s, "320个", 320, scope="new"), measure="开工")
    done = replace(figure(s, "180个", 180, scope="new"), measure="完工")
    fall = replace(figure(s, "4.5%", "4.5", scope="rate", unit="%"), direction="down")
    save(store, "http://a/3", s, [started, done, fall], mentions=[])
    got = {o.figure.quantity.surface: o.figure for o in store.observations()}
    assert (got["320个"].measure, got["180个"].measure, got["4.5%"].measure) == (
        "开工",
        "完工",
        None,
    )
    assert (got["320个"].direction, got["4.5%"].direction) == (None, "down")


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
    with pytest.raises(StateError, match=r"is damaged .* nothing was changed"):
        Store.open(tmp_path)
    assert db.read_bytes() == b"this is not sqlite" * 100


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "monitor.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StateError, match="newer than this monitor knows"):
        Store.open(tmp_path)


def _page(url: str, status: int, when: str, etag: str | None = None) -> Page:
    content = b"" if status == 304 else b"<p>x</p>"
    return Page(url, url, status, content, "text/html", Validators(etag, None), at(when))


def test_validators_of_many_urls_come_back_in_one_map(store: Store) -> None:
    urls = [f"http://a.test/{n}" for n in range(1200)]  # more than one query's worth
    for n, url in enumerate(urls[:1100]):
        store.save_validators(_page(url, 200, "2024-07-16 09:00", etag=f'"e{n}"'))
    found = store.validators_for(urls)
    assert len(found) == 1100
    assert found["http://a.test/7"] == Validators('"e7"', None)
    assert "http://a.test/1150" not in found


def test_unchanged_sources_are_recorded_in_one_batch(store: Store) -> None:
    store.save_validators(_page("http://a.test/1", 200, "2024-07-16 09:00", etag='"x"'))
    store.record_failure("a1", "http://a.test/1", at=at("2024-07-16 09:00"), error="e", status=None)
    pages = [("a1", _page("http://a.test/1", 304, "2024-07-17 09:00"))]
    pages.append(("a2", _page("http://a.test/2", 304, "2024-07-17 09:00")))
    store.record_unchanged(pages, at=at("2024-07-17 09:00"))
    health = store.health("a1")
    assert health is not None and health.consecutive_failures == 0
    assert health.last_success_at == at("2024-07-17 09:00").isoformat()
    assert store.health("a2") is not None
    checked = store.conn.execute("SELECT checked_at FROM validators WHERE url = 'http://a.test/1'")
    assert checked.fetchone()[0] == at("2024-07-17 09:00").isoformat()
    kept = store.validators_for(["http://a.test/1"])  # as they were
    assert kept == {"http://a.test/1": Validators('"x"', None)}


def _committed_health(path: Path) -> set[str]:
    """Source ids another connection sees: only what was committed."""
    # closing(): sqlite3's own `with` ends a transaction, not the connection, which was then
    # left to the garbage collector (Python 3.13 warns: unclosed database, in a later test).
    with closing(sqlite3.connect(path / "monitor.db")) as other:
        return {row[0] for row in other.execute("SELECT id FROM sources")}


def _fail(store: Store, ident: str) -> None:
    store.record_failure(ident, f"http://{ident}/", at=at("2024-01-01"), error="e", status=500)


def _broken_unit(store: Store, writes: Batch) -> None:
    with writes.unit():
        _fail(store, "broken")
        raise RuntimeError("a bug in the middle of a unit")


def _interrupted(store: Store) -> None:
    with store.batch(units=2, seconds=60) as writes:
        for ident in ("a", "b", "c"):
            with writes.unit():
                _fail(store, ident)
        raise KeyboardInterrupt


def test_a_batch_commits_every_few_units_and_a_failed_unit_alone_is_undone(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.batch(units=3, seconds=60) as writes:
        for ident in ("a", "b"):
            with writes.unit():
                _fail(store, ident)
        assert _committed_health(tmp_path) == set()  # two units: not committed yet
        with pytest.raises(RuntimeError):
            _broken_unit(store, writes)
        with writes.unit():
            _fail(store, "c")
        assert _committed_health(tmp_path) == {"a", "b", "c"}  # the third unit committed
        with writes.unit():
            _fail(store, "d")
    assert _committed_health(tmp_path) == {"a", "b", "c", "d"}  # the rest, at the end
    store.close()


def test_a_batch_left_by_an_error_keeps_only_what_was_committed(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        _interrupted(store)
    assert _committed_health(tmp_path) == {"a", "b"}
    assert store.health("c") is None  # rolled back, not left open
    store.close()


def test_a_batch_holds_the_write_lock_no_longer_than_its_seconds(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.batch(units=1000, seconds=0) as writes:
        with writes.unit():
            _fail(store, "a")
        assert _committed_health(tmp_path) == {"a"}
    store.close()


def test_in_a_pass_units_share_a_commit_made_within_the_window_waits_included(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)

    async def units_then_a_wait(window: float, gap: float) -> tuple[set[str], set[str], bool]:
        with store.batch(units=1000, seconds=60, window=window) as writes:
            for ident in ("a", "b", "c"):  # answers that arrive a few ms apart
                with writes.unit():
                    _fail(store, ident + str(window))
                await asyncio.sleep(gap)
            pending = _committed_health(tmp_path)
            await asyncio.sleep(window + 0.2)  # a network wait: the commit comes within it
            waiting = _committed_health(tmp_path)
            with closing(sqlite3.connect(tmp_path / "monitor.db", timeout=0)) as other:
                other.execute("BEGIN IMMEDIATE")  # the write lock is free while the pass waits
                other.rollback()
                free = True
        return pending, waiting, free

    # Units a few ms apart share one commit (a commit a few loop turns after each unit made
    # 400-725 commits of 3-5 units in a first pass of 2000 pages).
    pending, waiting, free = asyncio.run(units_then_a_wait(2.0, 0.01))
    assert pending == set()
    assert waiting == {"a2.0", "b2.0", "c2.0"} and free
    # The window is the longest the lock is held while the pass waits.
    pending, waiting, free = asyncio.run(units_then_a_wait(0.05, 0))
    assert waiting >= {"a0.05", "b0.05", "c0.05"} and free
    store.close()


def test_two_reports_that_differ_in_their_tables_alone_are_two_stories() -> None:
    from monitor.models import Article, Table
    from monitor.store.state import story_key

    text = "现将各地建设进度通报如下。"

    def report(done: str) -> Article:
        table = Table("进度表", None, ("地区", "完成"), (("全省", done),))
        return Article("http://127.0.0.1/a", "通报", None, text, (table,))

    plain = Article("http://127.0.0.1/a", "通报", None, text)
    assert story_key(report("90")) != story_key(report("95"))
    assert story_key(report("90")) == story_key(report("90"))
    assert story_key(plain) == story_key(Article("http://127.0.0.1/b", "通报", None, text))
