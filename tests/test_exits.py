"""Exit codes and user-side conditions: each is one line saying what to do, never "a bug".

A failed source makes `run` exit 3; a closed pipe ends quietly; a FIFO, /dev/zero or a huge file
as the watchlist is refused at once; a full disk, a damaged database page and a read-only
state folder are one line each; a state database moved aside never overwrites a digest file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor import demo, pipeline
from monitor.cli import EXIT_PIPE, main
from monitor.cli_run import EXIT_SOURCES_FAILED
from monitor.config import watchlist
from monitor.config.watchlist import MAX_WATCHLIST_BYTES
from monitor.errors import StateError
from monitor.pages import discover
from monitor.store.faults import state_error
from monitor.store.state import Store

ROOT = Path(__file__).resolve().parent.parent
JULY = "2024-07-22T09:00"


@pytest.fixture(scope="module")
def site() -> Iterator[demo.DemoServer]:
    server = demo.DemoServer(demo.load_site())
    server.now = demo.load_site().passes[2]
    with server.running():
        yield server


def _watchlist(tmp_path: Path, site: demo.DemoServer, *, broken: bool = True) -> Path:
    path = tmp_path / "watchlist.yaml"
    text = demo.demo_watchlist(site.base)
    if not broken:
        start = text.index("  - id: broken\n")
        text = text[:start] + text[text.index("targets:\n", start) :]
    path.write_text(text, encoding="utf-8")
    return path


def _run(path: Path, *extra: str) -> int:
    return main(["-q", "--watchlist", str(path), "run", "--now", JULY, "--wait", "0", *extra])


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert "this is a bug" not in lines[0] and "Traceback" not in err
    return lines[0]


# --- exit codes -------------------------------------------------------------------------------


def test_a_failed_source_exits_3_and_names_it_even_when_quiet(
    tmp_path: Path, site: demo.DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(_watchlist(tmp_path, site)) == EXIT_SOURCES_FAILED == 3
    err = capsys.readouterr().err
    assert "monitor: source broken failed:" in err and "HTTP 500" in err


def test_a_pass_where_all_is_well_exits_0(
    tmp_path: Path, site: demo.DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(_watchlist(tmp_path, site, broken=False)) == 0
    assert capsys.readouterr().err == ""


def test_an_internal_error_on_every_source_is_not_exit_0(
    tmp_path: Path,
    site: demo.DemoServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def bug(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("a bug in discovery")

    monkeypatch.setattr(discover, "links", bug)
    assert _run(_watchlist(tmp_path, site, broken=False), "--digest", "never") == 3
    assert "internal error: ZeroDivisionError" in capsys.readouterr().err


def test_an_unknown_target_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--watchlist", str(ROOT / "watchlist.yaml"), "history", "no-such-target"])
    assert code == 2
    assert "no target 'no-such-target'" in _one_line(capsys.readouterr().err)


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    # `monitor check | head -0`: the reader is gone before monitor writes its line
    with subprocess.Popen(
        [sys.executable, "-m", "monitor", "--watchlist", str(ROOT / "watchlist.yaml"), "check"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=30) == EXIT_PIPE
    assert err == b""


# --- the watchlist file --------------------------------------------------------------------------


def test_a_fifo_as_the_watchlist_is_refused_without_waiting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "watchlist.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert main(["--watchlist", str(fifo), "check"]) == 2
    seconds = time.monotonic() - started
    assert "is a device, pipe or socket" in _one_line(capsys.readouterr().err)
    with capsys.disabled():
        print(f"\nFIFO as the watchlist: refused in {seconds:.3f} s")


def test_dev_zero_as_the_watchlist_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--watchlist", "/dev/zero", "check"]) == 2
    assert "/dev/zero: is a device" in _one_line(capsys.readouterr().err)


def test_a_huge_watchlist_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "watchlist.yaml"
    with big.open("wb") as file:
        file.truncate(MAX_WATCHLIST_BYTES + 1)  # sparse: no disk used
    assert main(["--watchlist", str(big), "check"]) == 2
    assert "too large for a watchlist" in _one_line(capsys.readouterr().err)


def test_a_line_break_in_the_subject_is_refused_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    text = (ROOT / "watchlist.yaml").read_text(encoding="utf-8")
    start = text.index("  subject:")
    end = text.index("\n", start)
    path.write_text(
        text[:start] + '  subject: "周报\\r\\nBcc: all@example.org"' + text[end:], encoding="utf-8"
    )
    assert main(["--watchlist", str(path), "check"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"{path}:") and "subject must be one line" in line


# --- the state folder ----------------------------------------------------------------------------


def test_a_damaged_database_page_is_one_line(
    tmp_path: Path, site: demo.DemoServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _watchlist(tmp_path, site, broken=False)
    assert _run(path, "--digest", "never") == 0
    db = tmp_path / "state" / "monitor.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : len(data)] = b"\xa5" * (len(data) - 2 * page)  # every page past the second
    db.write_bytes(bytes(data))
    capsys.readouterr()
    assert _run(path, "--all") == 1
    line = _one_line(capsys.readouterr().err)
    assert "the state database is damaged" in line and "move it aside" in line


def test_a_full_database_stops_the_pass_with_one_line(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    wl = watchlist.load(_watchlist(tmp_path, site, broken=False))
    store = Store.open(tmp_path / "state")
    try:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
        with pytest.raises(StateError, match="the disk holding the state is full") as caught:
            pipeline.run_pass(
                wl, store, now=demo.load_site().passes[2], state_dir=tmp_path / "state"
            )
    finally:
        store.close()
    assert "free some space" in str(caught.value) and "\n" not in str(caught.value)


def test_a_read_only_database_names_the_fix(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    conn = sqlite3.connect(f"file:{tmp_path / 'monitor.db'}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("CREATE TABLE t (x)")
    finally:
        conn.close()
    fault = state_error(caught.value, tmp_path / "monitor.db")
    assert fault is not None
    assert "cannot be written" in str(fault) and "writable for this user" in str(fault)
    assert state_error(ZeroDivisionError(), None) is None  # a bug stays a bug


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KiB file system (tmpfs), where the kernel can mount one for us (root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_and_a_read_only_folder_are_one_line(
    tmp_path: Path,
    site: demo.DemoServer,
    small_disk: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _watchlist(tmp_path, site, broken=False)
    state = small_disk / "state"
    ballast = small_disk / "ballast"
    Store.open(state).close()
    # fill the disk to the last few KiB: the pass's articles no longer fit
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 1024):
            pass
    except OSError:  # full: give back 48 KiB, room for the lock and a start, not for a pass
        os.ftruncate(fd, os.fstat(fd).st_size - 48 * 1024)
    finally:
        os.close(fd)
    capsys.readouterr()
    code = main(["--watchlist", str(path), "--state", str(state), "run", "--now", JULY])
    err = capsys.readouterr().err
    with capsys.disabled():
        print(f"\nfull disk: exit {code}: {err.strip()}")
    assert code == 1, err
    line = _one_line(err)
    # SQLite says "full" when a write finds no room; where its shared-memory file cannot grow
    # first it says "disk I/O error": one line either way, naming the state and the fix
    assert "the disk holding the state is full" in line or "disk I/O error" in line, line
    ballast.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code = main(["--watchlist", str(path), "--state", str(state), "run", "--now", JULY])
    err = capsys.readouterr().err
    with capsys.disabled():
        print(f"\nread-only folder: exit {code}: {err.strip()}")
    assert code == 1
    line = _one_line(err)
    assert "read-only" in line or "cannot be written" in line or "cannot create" in line


# --- the outbox ---------------------------------------------------------------------------------


def test_a_database_moved_aside_never_overwrites_a_delivered_digest(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    path = _watchlist(tmp_path, site, broken=False)
    state = tmp_path / "state"
    assert _run(path) in (0, 3)  # 3: a source too slow on a busy machine; the digest goes out
    (first,) = (state / "outbox").iterdir()
    kept = first.read_bytes()
    (state / "monitor.db").rename(state / "monitor.db.aside")
    for suffix in ("-wal", "-shm"):
        (state / f"monitor.db{suffix}").unlink(missing_ok=True)
    assert _run(path, "--digest", "now") in (0, 3)  # numbering starts at 1 again
    files = sorted(p.name for p in (state / "outbox").iterdir())
    assert set(files) == {first.name, first.name.replace(".eml", "-2.eml")}
    assert first.read_bytes() == kept
