"""State that survives: SIGKILLed passes (bench/crash_test.py at a small count), a database
from an older schema, and a corrupt or locked database that is reported and left alone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.errors import StateError
from monitor.store import database
from monitor.store.schema import MIGRATIONS
from monitor.store.state import Store
from tests.factories import article, at, figure

ROOT = Path(__file__).resolve().parent.parent
S1 = "本市已建设验收422个一刻钟便民生活圈。"


def test_killed_passes_lose_and_duplicate_nothing() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "crash_test.py"), "--kills", "6", "--seed", "11"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "6 kills" in out.stdout
    for table in ("observations", "digests", "outbox"):
        line = next(x for x in out.stdout.splitlines() if x.strip().startswith(table))
        assert line.split()[-3:] == ["0", "duplicated", "0"], line
        assert "lost   0" in line, line


# --- older schemas migrate forward ----------------------------------------------------------


def _database_at(folder: Path, version: int) -> None:
    """A database as a monitor that knew only the first `version` migrations left it."""
    conn = sqlite3.connect(folder / "monitor.db", isolation_level=None)
    for migration in MIGRATIONS[:version]:
        conn.executescript(migration)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()


def test_an_empty_version_0_database_is_migrated_to_the_latest(tmp_path: Path) -> None:
    _database_at(tmp_path, 0)
    store = Store.open(tmp_path)
    try:
        assert store.schema_version == len(MIGRATIONS)
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"sources", "articles", "observations", "digests", "mentions"} <= tables
    finally:
        store.close()


@pytest.mark.parametrize("version", range(1, len(MIGRATIONS) + 1))
def test_an_older_database_keeps_its_data_through_the_migrations(
    tmp_path: Path, version: int
) -> None:
    _database_at(tmp_path, version)
    conn = sqlite3.connect(tmp_path / "monitor.db", isolation_level=None)
    conn.execute(
        "INSERT INTO articles(url, source_id, title, published, fetched_at, content_hash, story,"
        " text) VALUES ('http://a/1', 'x', 't', NULL, '2024-07-16T10:00:00+08:00', 'h', 's', ?)",
        (S1,),
    )
    conn.execute(
        "INSERT INTO observations(target_id, article_url, sentence, fstart, fend, value, unit,"
        " qualifier, surface, kind, scope, observed_at) VALUES ('circles', 'http://a/1', ?, 6,"
        " 10, '422', '个', 'exact', '422个', 'achieved', 'cumulative',"
        " '2024-07-16T10:00:00+08:00')",
        (S1,),
    )
    conn.close()
    store = Store.open(tmp_path)
    try:
        assert store.schema_version == len(MIGRATIONS)
        (obs,) = store.observations(pending=True)
        assert (obs.figure.quantity.surface, obs.article_url) == ("422个", "http://a/1")
        # and the store works as usual on it
        store.save_article(
            article("http://a/1", S1),
            source_id="x",
            fetched_at=at("2024-07-16 10:00"),
            content_hash="h",
            mentions=[],
            figures=[figure(S1, "422个", 422)],
        )
    finally:
        store.close()
    again = Store.open(tmp_path)  # re-opening migrates nothing
    assert again.schema_version == len(MIGRATIONS)
    again.close()


# --- corrupt and locked databases --------------------------------------------------------------


def test_a_corrupt_database_is_one_line_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "monitor.db").write_bytes(b"not a database " * 300)
    code = main(
        [
            "--watchlist",
            str(ROOT / "watchlist.yaml"),
            "--state",
            str(tmp_path),
            "run",
            "--digest",
            "never",
            "--wait",
            "0",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err] and "monitor.db" in err and "nothing was changed" in err
    assert (tmp_path / "monitor.db").read_bytes() == b"not a database " * 300
    assert sorted(p.name for p in tmp_path.iterdir()) == ["monitor.db", "monitor.lock"]


def _rows(folder: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(folder / "monitor.db")
    try:
        return [tuple(r) for r in conn.execute("SELECT * FROM runs ORDER BY key")] + [
            tuple(r) for r in conn.execute("SELECT id, consecutive_failures FROM sources")
        ]
    finally:
        conn.close()


def test_a_locked_database_is_a_state_error_after_the_busy_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(tmp_path).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    other = sqlite3.connect(tmp_path / "monitor.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(tmp_path)
        with pytest.raises(StateError, match="locked by another program") as info:
            store.set_fact("x", "1")
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "\n" not in str(info.value) and "nothing was changed" in str(info.value)
    assert _rows(tmp_path) == []


def test_a_database_locked_before_it_was_ever_opened_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    other = sqlite3.connect(tmp_path / "monitor.db", isolation_level=None)  # rollback journal
    other.execute("CREATE TABLE mine(x)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StateError, match="locked by another program"):
            Store.open(tmp_path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_cli_run_on_a_locked_database_exits_1_with_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    wl = tmp_path / "watchlist.yaml"
    from monitor import demo

    wl.write_text(demo.demo_watchlist("http://127.0.0.1:9"), encoding="utf-8")  # nobody there
    state_dir = tmp_path / "state"
    Store.open(state_dir).close()
    before = _rows(state_dir)
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 0.3)
    other = sqlite3.connect(state_dir / "monitor.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["--watchlist", str(wl), "--state", str(state_dir), "run", "--wait", "0"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("monitor:")]
    assert len(err) == 1 and "locked by another program" in err[0], err
    assert _rows(state_dir) == before


def test_smtp_kills_lose_nothing_and_resend_only_what_the_window_left_open() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "smtp_kill_test.py"), "--kills", "4", "--seed", "5"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    print("\n" + out.stdout)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "lost or rebuilt: 0" in out.stdout
    window = next(x for x in out.stdout.splitlines() if x.startswith("window"))
    # a kill between the server's taking the message and its "250 OK": one resend each, same id
    assert "5 digests received, copies per digest: 5 with 2" in window, window
