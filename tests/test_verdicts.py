"""Corrections: reject/accept a stored figure by id; the schema upgrade that holds verdicts
keeps every row of an older state database and is safe to run again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.store import verdicts
from monitor.store.schema import DB_NAME, MIGRATIONS
from monitor.store.state import Store
from tests.factories import at, figure, save

ROOT = Path(__file__).resolve().parent.parent
S422 = "截至目前，本市已建设验收422个一刻钟便民生活圈。"


def _old_database(folder: Path) -> None:
    """A state folder as monitor left it before verdicts existed (schema version 2)."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO articles VALUES ('http://a/1', 'bjgov', 'T', NULL, '2024-07-16', 'h', 's', ?)",
        (S422,),
    )
    conn.execute(
        """INSERT INTO observations(target_id, article_url, sentence, fstart, fend, value,
               unit, qualifier, surface, kind, scope, observed_at)
           VALUES ('circles', 'http://a/1', ?, 8, 12, '422', '个', 'exact', '422个',
               'achieved', 'cumulative', '2024-07-16T10:00:00+08:00')""",
        (S422,),
    )
    conn.close()


def test_an_old_state_database_upgrades_in_place_and_keeps_every_row(tmp_path: Path) -> None:
    _old_database(tmp_path / "state")
    store = Store.open(tmp_path / "state")
    try:
        assert store.schema_version == len(MIGRATIONS) >= 3  # verdicts are version 3
        (obs,) = store.observations()
        assert (obs.figure.quantity.surface, obs.verdict, obs.corrected_in) == ("422个", None, None)
    finally:
        store.close()
    again = Store.open(tmp_path / "state")  # opening again changes nothing
    try:
        assert again.schema_version == len(MIGRATIONS) and len(again.observations()) == 1
    finally:
        again.close()


def test_reject_marks_without_deleting_and_a_correction_is_due_once(store: Store) -> None:
    save(store, "http://a/1", S422, [figure(S422, "422个", 422)], mentions=["circles"])
    (obs,) = store.observations()
    digest = store.create_digest(
        created_at=at("2024-07-17 08:00"),
        period_start=None,
        period_end=at("2024-07-17 08:00"),
        message_id="<1@x>",
        message=b"m",
        observation_ids=[obs.id],
        mention_keys=[],
    )
    verdicts.set_verdict(store, obs.id, "rejected", why="误读", at=at("2024-07-18 08:00"))
    assert verdicts.corrections_due(store) == []  # its digest was never delivered
    store.mark_delivered(digest, at=at("2024-07-17 08:00"), location="x")
    (due,) = verdicts.corrections_due(store)
    assert (due.id, due.verdict, due.verdict_why) == (obs.id, "rejected", "误读")
    later = store.create_digest(
        created_at=at("2024-07-19 08:00"),
        period_start=None,
        period_end=at("2024-07-19 08:00"),
        message_id="<2@x>",
        message=b"m",
        observation_ids=[],
        mention_keys=[],
        correction_ids=[obs.id],
    )
    store.mark_delivered(later, at=at("2024-07-19 08:00"), location="x")
    assert verdicts.corrections_due(store) == []
    assert store.observations()[0].corrected_in == later


def test_a_released_digest_gives_its_corrections_back(store: Store) -> None:
    save(store, "http://a/1", S422, [figure(S422, "422个", 422)], mentions=["circles"])
    (obs,) = store.observations()
    first = store.create_digest(
        created_at=at("2024-07-17 08:00"),
        period_start=None,
        period_end=at("2024-07-17 08:00"),
        message_id="<1@x>",
        message=b"m",
        observation_ids=[obs.id],
        mention_keys=[],
    )
    store.mark_delivered(first, at=at("2024-07-17 08:00"), location="x")
    verdicts.set_verdict(store, obs.id, "rejected", why=None, at=at("2024-07-18 08:00"))
    failed = store.create_digest(
        created_at=at("2024-07-19 08:00"),
        period_start=None,
        period_end=at("2024-07-19 08:00"),
        message_id="<2@x>",
        message=b"m",
        observation_ids=[],
        mention_keys=[],
        correction_ids=[obs.id],
    )
    store.release_digest(failed)
    assert [o.id for o in verdicts.corrections_due(store)] == [obs.id]


def _watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.yaml"
    path.write_text(
        (ROOT / "watchlist.yaml")
        .read_text(encoding="utf-8")
        .replace("bj-2024-convenience-circles", "circles"),
        encoding="utf-8",
    )
    return path


def test_cli_reject_and_accept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wl = _watchlist(tmp_path)
    store = Store.open(tmp_path / "state")
    save(store, "http://a/1", S422, [figure(S422, "422个", 422)], mentions=["circles"])
    (obs,) = store.observations()
    store.close()
    args = ["--watchlist", str(wl), "--state", str(tmp_path / "state")]
    assert main([*args, "reject", str(obs.id), "--why", "不是本市数字"]) == 0
    out = capsys.readouterr().out
    assert f"#{obs.id} rejected: 422个 for circles" in out
    assert "it was in no digest yet" in out
    assert main([*args, "history", "circles"]) == 0
    assert "REJECTED (不是本市数字)" in capsys.readouterr().out
    assert main([*args, "accept", str(obs.id)]) == 0
    assert f"#{obs.id} accepted" in capsys.readouterr().out
    store = Store.open(tmp_path / "state")
    assert store.observations()[0].verdict == "accepted"
    store.close()


def test_cli_reject_an_unknown_id_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wl = _watchlist(tmp_path)
    assert main(["--watchlist", str(wl), "--state", str(tmp_path / "s"), "reject", "99"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no figure #99" in err and "monitor history" in err


def test_the_verdict_columns_are_added_once_though_the_version_is_set_back(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "state") as store:
        save(store, "http://a/1", S422, [figure(S422, "422个", 422)], mentions=["circles"])
        (obs,) = store.observations()
        verdicts.set_verdict(store, obs.id, "rejected", why="误读", at=at("2024-07-18 08:00"))
        store.conn.execute("PRAGMA user_version = 2")  # as if the upgrade had not been recorded
    with Store.open(tmp_path / "state") as store:
        (obs,) = store.observations()
        assert (obs.verdict, obs.verdict_why) == ("rejected", "误读")
        assert store.schema_version == len(MIGRATIONS)
