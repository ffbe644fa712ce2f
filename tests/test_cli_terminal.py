"""A person at a terminal sees a progress bar for a pass, and -v shows each fetch; under cron
(no terminal) or -q nothing of the bar appears."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor import demo

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site() -> Iterator[demo.DemoServer]:
    server = demo.DemoServer(demo.load_site())
    server.now = demo.load_site().passes[2]
    with server.running():
        yield server


def _run(tmp_path: Path, site: demo.DemoServer, *flags: str, terminal: bool) -> str:
    """`monitor run` with stderr on a pseudo-terminal (or a pipe); what stderr showed."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    wl = tmp_path / "watchlist.yaml"
    wl.write_text(demo.demo_watchlist(site.base), encoding="utf-8")
    args = [sys.executable, "-m", "monitor", *flags, "--watchlist", str(wl), "run"]
    args += ["--now", "2024-07-22T09:00", "--digest", "never"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    if not terminal:
        return subprocess.run(args, capture_output=True, text=True, env=env, timeout=60).stderr
    main, other = os.openpty()
    seen: list[bytes] = []

    def read() -> None:  # while it runs: a terminal's output is gone once its writer closes it
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end closed: all read
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=other, env=env, timeout=60)
    finally:
        os.close(other)
        reader.join(10)
        os.close(main)
    assert proc.returncode in (0, 3)
    return b"".join(seen).decode(errors="replace")


def test_a_terminal_gets_a_progress_bar(tmp_path: Path, site: demo.DemoServer) -> None:
    shown = _run(tmp_path, site, terminal=True)
    assert "0/4 [" in shown and "source/s" in shown, shown  # drawn, then cleared at the end


def test_cron_and_quiet_get_no_bar(tmp_path: Path, site: demo.DemoServer) -> None:
    assert "/4 [" not in _run(tmp_path / "a", site, terminal=False)
    assert "/4 [" not in _run(tmp_path / "b", site, "-q", terminal=True)


def test_verbose_logs_each_fetch_with_status_and_time(
    tmp_path: Path, site: demo.DemoServer
) -> None:
    shown = _run(tmp_path, site, "-v", terminal=False)
    lines = [x for x in shown.splitlines() if x.startswith("DEBUG GET ")]
    assert any(" 200, " in x and " bytes in " in x and x.endswith(" s") for x in lines), shown
    assert any("/broken/list.html failed in" in x for x in lines), lines
