"""`monitor demo` works only in a folder of its own: it never deletes or overwrites what it did
not make, and refuses, in one line, a folder holding a state database, another program's lock
or anything else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.store import lock
from monitor.store.state import Store

ROOT = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    return err


def test_the_global_state_option_names_the_folder_the_demo_goes_into(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    with Store.open(state) as store:
        store.set_fact("mine", "kept")
    (state / "notes.txt").write_text("the user's own file")
    before = _files(state)
    assert main(["--state", str(state), "demo"]) == 0
    assert str(state / "demo" / "outbox") in capsys.readouterr().out
    after = _files(state)
    assert {k: v for k, v in after.items() if not k.startswith("demo/")} == before
    with Store.open(state) as store:
        assert store.get_fact("mine") == "kept"


def test_the_default_demo_folder_is_demo_in_the_state_folder_beside_the_watchlist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MONITOR_STATE", raising=False)
    wl = tmp_path / "watchlist.yaml"
    wl.write_text((ROOT / "watchlist.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--watchlist", str(wl), "demo"]) == 0
    assert str(tmp_path / "state" / "demo" / "outbox") in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "state").iterdir()) == ["demo"]


@pytest.mark.parametrize("held", [False, True], ids=["database", "database-and-lock"])
def test_a_folder_with_a_state_database_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], held: bool
) -> None:
    state = tmp_path / "state"
    with Store.open(state) as store:
        store.set_fact("mine", "kept")
    before = _files(state)
    if held:
        with lock.hold(lock.lock_path(state), wait=0):
            before = _files(state)
            assert main(["demo", "--dir", str(state)]) == 1
    else:
        assert main(["demo", "--dir", str(state)]) == 1
    err = _one_line(capsys)
    what = f"in use by another monitor (pid {os.getpid()})" if held else "a monitor state database"
    assert err.startswith(f"monitor: {state}: ")
    assert what in err and "pass --dir with a new or empty folder" in err
    if held:
        (state / "monitor.lock").write_text("")  # the holder empties it when it lets go
        before["monitor.lock"] = b""
    assert _files(state) == before


def test_a_folder_with_other_files_is_refused_and_a_file_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8")
    assert main(["demo", "--dir", str(folder)]) == 1
    assert "is not empty, and the demo works only in a folder of its own" in _one_line(capsys)
    assert _files(folder) == {"a.jpg": b"\xff\xd8"}
    plain = tmp_path / "file"
    plain.write_text("x")
    assert main(["demo", "--dir", str(plain)]) == 1
    assert "is a file, not a folder" in _one_line(capsys)
    assert plain.read_text() == "x"


def test_a_second_demo_resets_only_what_the_first_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()  # an empty folder is free to use
    assert main(["demo", "--dir", str(folder)]) == 0
    first = capsys.readouterr().out
    emails = sorted(p.name for p in (folder / "outbox").iterdir())
    assert emails and (folder / ".monitor-demo").is_file()
    (folder / "notes.txt").write_text("written by the user")
    assert main(["demo", "--dir", str(folder)]) == 0
    assert capsys.readouterr().out == first  # the same story again, from a fresh database
    assert sorted(p.name for p in (folder / "outbox").iterdir()) == emails
    assert (folder / "notes.txt").read_text() == "written by the user"
    assert main(["demo", "--dir", str(folder), "--keep"]) == 0
    assert "0 new articles" in capsys.readouterr().out.splitlines()[0]  # nothing new to see


def test_a_folder_an_older_demo_made_without_its_mark_is_refused_with_how_to_reuse_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    folder.mkdir()
    assert main(["demo", "--dir", str(folder)]) == 0
    capsys.readouterr()
    (folder / ".monitor-demo").unlink()  # demos before the mark left just their own files
    before = _files(folder)
    assert main(["demo", "--dir", str(folder)]) == 1
    err = _one_line(capsys)
    assert "looks like an older demo's folder" in err and f"rm -r {folder}" in err
    assert _files(folder) == before  # still not the demo's to delete: the user decides


def test_the_demo_site_prints_nothing_when_a_client_hangs_up_but_does_report_other_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A fetch given up mid-answer (BrokenPipe in the server's thread) printed a traceback on the
    user's terminal during `monitor demo`; only real errors may."""
    from monitor.demo import DemoServer, load_site

    server = DemoServer(load_site())
    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            server.httpd.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real bug")
        except ValueError:
            server.httpd.handle_error(None, ("127.0.0.1", 1))
        assert "a real bug" in capsys.readouterr().err
    finally:
        server.httpd.server_close()
