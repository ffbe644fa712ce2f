#!/usr/bin/env python3
"""Exactly once by SMTP, as far as the protocol allows: SIGKILL `monitor run` while it delivers
its digests to a real SMTP server on loopback, restart it until each pass completes, and count
the copies of each digest the server received.

    bench/smtp_kill_test.py [--kills 20] [--seed N]

Two kinds of kill, both printed as copies per digest:
- random: at a random point of the pass proper (fetching, storing, building, sending);
- window: the server takes the message, then kills the client before its "250 OK" reaches it.
  This is the one window SMTP leaves open: the server has the message and the state cannot
  know. The next run sends it again, the same message with the same Message-ID.
Exits 1 if a digest was lost (0 copies) or a copy arrived with a new Message-ID.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from email import message_from_bytes
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402

from bench.crash_test import finish, run_pass, wait_for_lock  # noqa: E402
from monitor import demo  # noqa: E402


class Server:
    """Counts every message it takes by Message-ID; `kill_pid` set: kills that process after
    taking the message and before answering, once."""

    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.kill_pid: int | None = None
        self.killed = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message_id = str(message_from_bytes(envelope.original_content)["Message-ID"])
        with self.lock:
            self.received[message_id] += 1
            pid, self.kill_pid = self.kill_pid, None
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            self.killed += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def replay(
    wl: Path,
    state: Path,
    site: demo.DemoSite,
    server: demo.DemoServer,
    smtp: Server,
    mode: str,
    rng: random.Random,
    kills_wanted: int,
) -> tuple[int, list[float]]:
    """One replay of the demo's passes with up to `kills_wanted` kills; (kills, pass times)."""
    kills, held = 0, []
    for moment in site.passes:
        server.now = moment
        when = moment.isoformat()
        armed = True  # window mode: one kill per pass, on its first delivery
        while True:
            proc = run_pass(wl, state, when)
            if kills >= kills_wanted or (mode == "window" and not armed):
                finish(proc, f"pass {when}")
                break
            if mode == "window":
                armed = False
                smtp.kill_pid = proc.pid
                code = proc.wait(timeout=60)
                smtp.kill_pid = None
                if code == -signal.SIGKILL:
                    kills += 1
                    continue
                break  # this pass sent nothing
            wait_for_lock(proc, state)
            t0 = time.monotonic()
            try:
                proc.wait(timeout=rng.uniform(0.0, 1.2 * (max(held) if held else 1.0)))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                kills += 1
                continue
            held.append(time.monotonic() - t0)
            break
    return kills, held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="random kills (default 20)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="monitor-smtp-kill-"))
    site = demo.load_site()
    server = demo.DemoServer(site)
    server.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    smtp = Server()
    port = free_port()
    controller = Controller(smtp, hostname="127.0.0.1", port=port)
    controller.start()
    wl = work / "watchlist.yaml"
    text = demo.demo_watchlist(server.base).replace(
        "delivery:\n  method: outbox",
        "delivery:\n  method: smtp\n  smtp: {host: 127.0.0.1, port: "
        f"{port}, starttls: false, timeout: 5s}}",
    )
    assert "method: smtp" in text
    wl.write_text(text, encoding="utf-8")  # the demo's limits: no retries, no delays
    lost = 0
    try:
        with server.running():
            replay(wl, work / "reference", site, server, smtp, "none", rng, 0)
            expected = set(smtp.received)
            for mode, wanted in (("window", len(site.passes)), ("random", args.kills)):
                copies: Counter[int] = Counter()
                kills = rounds = 0
                while kills < wanted:
                    rounds += 1
                    smtp.received.clear()
                    state = work / f"{mode}-{rounds:03d}"
                    got, _ = replay(wl, state, site, server, smtp, mode, rng, wanted - kills)
                    kills += got
                    copies.update(smtp.received.values())
                    # the same digests as the uninterrupted replay, by Message-ID: none lost,
                    # none rebuilt under a new one
                    lost += len(expected - set(smtp.received))
                    lost += len(set(smtp.received) - expected)
                digests = sum(copies.values())
                extra = sum((n - 1) * c for n, c in copies.items())
                shown = ", ".join(f"{c} with {n}" for n, c in sorted(copies.items()))
                print(
                    f"{mode:6}: {kills} kills over {rounds} replay(s) of {len(site.passes)} "
                    f"passes: {digests} digests received, copies per digest: {shown}; "
                    f"{extra} extra, each with its digest's own Message-ID"
                )
    finally:
        controller.stop()
    print(f"reference (no kills): {len(expected)} digests, one copy each; lost or rebuilt: {lost}")
    print(f"seed {seed}")
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
