"""lock: one monitor per state folder; a waiting run, a clear refusal, a killed holder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.errors import StateError
from monitor.store import lock

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path: Path) -> None:
    path = lock.lock_path(tmp_path)
    with lock.hold(path, wait=0, what="STATE"):
        assert lock.holder(path) == os.getpid()
        with pytest.raises(StateError) as info, lock.hold(path, wait=0.2, what="STATE"):
            pass  # pragma: no cover - never entered
    assert str(info.value).startswith(f"another monitor (pid {os.getpid()}) is using STATE; ")
    assert "--wait" in str(info.value)
    assert lock.holder(path) is None  # released: the file names nobody
    with lock.hold(path, wait=0):
        pass


def test_a_waiting_holder_gets_the_lock_when_it_is_released(tmp_path: Path) -> None:
    path = lock.lock_path(tmp_path)
    leaving = threading.Event()

    def first() -> None:
        with lock.hold(path, wait=0):
            started.set()
            time.sleep(0.3)
            leaving.set()  # inside the block: set before the lock is let go, never after

    started = threading.Event()
    thread = threading.Thread(target=first)
    thread.start()
    assert started.wait(5)
    with lock.hold(path, wait=5):
        assert leaving.is_set()  # it waited for the first holder
    thread.join()


def test_a_killed_holders_lock_is_taken_over(tmp_path: Path) -> None:
    path = lock.lock_path(tmp_path)
    code = (
        "import sys, time; from pathlib import Path; from monitor.store import lock\n"
        "with lock.hold(Path(sys.argv[1]), wait=0):\n"
        "    print('held', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(StateError, match=f"pid {proc.pid}"), lock.hold(path, wait=0):
            pass  # pragma: no cover
        proc.send_signal(signal.SIGKILL)
        proc.wait(5)
    finally:
        proc.kill()
        proc.communicate()
    assert lock.holder(path) == proc.pid  # the dead process's pid is still written there …
    with lock.hold(path, wait=0):  # … but the kernel released its lock
        assert lock.holder(path) == os.getpid()


def test_cli_run_waits_then_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    with lock.hold(lock.lock_path(state), wait=0):
        t0 = time.monotonic()
        code = main(
            [
                "--watchlist",
                str(ROOT / "watchlist.yaml"),
                "--state",
                str(state),
                "run",
                "--wait",
                "0.5",
                "--digest",
                "never",
            ]
        )
        waited = time.monotonic() - t0
    assert code == 1
    assert waited >= 0.5  # it waited as long as asked before giving up
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert err.startswith(f"monitor: another monitor (pid {os.getpid()}) is using {state}; ")
    assert not (state / "monitor.db").exists()  # refused before touching the database


def test_cli_daemon_refuses_a_busy_state_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    with lock.hold(lock.lock_path(state), wait=0):
        code = main(
            [
                "--watchlist",
                str(ROOT / "watchlist.yaml"),
                "--state",
                str(state),
                "daemon",
                "--wait",
                "0",
            ]
        )
    assert code == 1
    assert "another monitor" in capsys.readouterr().err


def test_demo_refuses_its_folder_while_another_demo_holds_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_dir = tmp_path / "demo"
    demo_dir.mkdir()
    (demo_dir / ".monitor-demo").write_text("made by the demo\n")
    with lock.hold(lock.lock_path(demo_dir), wait=0):
        assert main(["demo", "--dir", str(demo_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert f"another monitor (pid {os.getpid()}) is using {demo_dir}" in err
    assert sorted(p.name for p in demo_dir.iterdir()) == [".monitor-demo", "monitor.lock"]


def test_in_use_sees_a_live_holder_only(tmp_path: Path) -> None:
    path = lock.lock_path(tmp_path)
    assert lock.in_use(path) is None  # no file yet
    with lock.hold(path, wait=0):
        assert lock.in_use(path) == os.getpid()
    path.write_text("999999\n")  # a dead holder's pid left behind
    assert lock.in_use(path) is None
