#!/usr/bin/env python3
"""Crash safety: SIGKILL `monitor run` at random points of its passes over the demo site,
restart it until each pass completes, and compare the final database and outbox with an
uninterrupted run. Prints the figures; exits 1 if anything was lost or duplicated.

    bench/crash_test.py [--kills 100] [--seed N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor import demo  # noqa: E402  (after the path is set, so the working tree is used)
from monitor.store import lock  # noqa: E402

Snapshot = dict[str, Counter[tuple[object, ...]]]
# The MIME boundary is random in each build of the same message; the content is what counts.
# So are the figures' ids (#12) a digest shows: sources fetched concurrently store their
# figures in any order, so two runs number the same figures differently.
BOUNDARY = re.compile(rb"={15}\d+==")
FIGURE_ID = re.compile(r"#\d+")


def content(message: bytes) -> str:
    parsed = email.message_from_bytes(message, policy=email.policy.default)
    parts = [
        FIGURE_ID.sub("#N", part.get_content())
        for part in parsed.walk()
        if part.get_content_maintype() == "text"
    ]
    headers = BOUNDARY.sub(b"=BOUNDARY=", message.split(b"\n\n", 1)[0]).decode("ascii", "replace")
    return hashlib.sha256("\0".join([headers, *parts]).encode()).hexdigest()[:16]


def run_pass(wl: Path, state: Path, when: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "-q",
            "--watchlist",
            str(wl),
            "--state",
            str(state),
            "run",
            "--now",
            when,
            "--wait",
            "10",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def wait_for_lock(proc: subprocess.Popen[bytes], state: Path) -> None:
    while proc.poll() is None and lock.holder(lock.lock_path(state)) != proc.pid:
        time.sleep(0.002)


def finish(proc: subprocess.Popen[bytes], what: str) -> None:
    _, err = proc.communicate()
    if proc.returncode not in (0, 3):  # 3: a source failed (the demo site has a broken one)
        raise SystemExit(f"crash_test: {what} exited {proc.returncode}: {err.decode()[-500:]}")


def snapshot(state: Path) -> Snapshot:
    """The final state by content: ids and row order are not compared, what they hold is."""
    db = sqlite3.connect(f"file:{state / 'monitor.db'}?mode=ro", uri=True)
    try:
        digest_of = {r[0]: r[1] for r in db.execute("SELECT id, message_id FROM digests")}
        snap: Snapshot = {
            "observations": Counter(
                (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], digest_of.get(r[9]))
                for r in db.execute(
                    "SELECT target_id, article_url, sentence, fstart, value, kind, scope,"
                    " published, observed_at, digest_id FROM observations"
                )
            ),
            "digests": Counter(
                (r[0], r[1], r[2], r[3], r[4], content(r[5]))
                for r in db.execute(
                    "SELECT message_id, status, period_start, period_end, last_outcome, message"
                    " FROM digests"
                )
            ),
            "articles": Counter(
                tuple(r)
                for r in db.execute(
                    "SELECT url, source_id, title, published, content_hash, story FROM articles"
                )
            ),
            "mentions": Counter(
                (r[0], r[1], digest_of.get(r[2]))
                for r in db.execute("SELECT target_id, article_url, digest_id FROM mentions")
            ),
            "source health": Counter(
                tuple(r)
                for r in db.execute(
                    "SELECT id, last_fetch_at, last_status, consecutive_failures FROM sources"
                )
            ),
        }
    finally:
        db.close()
    outbox = state / "outbox"
    snap["outbox"] = (
        Counter((p.name, content(p.read_bytes())) for p in sorted(outbox.iterdir()))
        if outbox.exists()
        else Counter()
    )
    return snap


def compare(reference: Snapshot, crashed: Snapshot) -> dict[str, tuple[int, int]]:
    """Per table: (lost, duplicated or extra) items against the reference."""
    return {
        table: (sum((want - crashed[table]).values()), sum((crashed[table] - want).values()))
        for table, want in reference.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100, help="SIGKILLs in all (default 100)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="monitor-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    site = demo.load_site()
    server = demo.DemoServer(site)
    server.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    # (a client killed mid-response is the point here, not an error worth a traceback)
    passes = [moment.isoformat() for moment in site.passes]
    started = time.monotonic()
    with server.running():
        wl = work / "watchlist.yaml"
        # No retries: the demo's broken source would spend seconds in backoff on every pass.
        text = demo.demo_watchlist(server.base)
        if "\nlimits:" not in text:
            text += "limits:\n  retries: 0\n"
        wl.write_text(text, encoding="utf-8")

        durations, held = [], []
        reference = work / "reference"
        for moment, when in zip(site.passes, passes, strict=True):
            server.now = moment
            t0 = time.monotonic()
            proc = run_pass(wl, reference, when)
            wait_for_lock(proc, reference)  # start-up (imports, watchlist) ends here
            t1 = time.monotonic()
            while proc.poll() is None and lock.holder(lock.lock_path(reference)) == proc.pid:
                time.sleep(0.002)
            held.append(time.monotonic() - t1)  # the pass proper: fetch, store, digest
            finish(proc, f"reference pass {when}")
            durations.append(time.monotonic() - t0)
        want = snapshot(reference)

        kills = rounds = in_pass = 0
        totals: Counter[str] = Counter()
        failures: list[str] = []
        while kills < args.kills:
            rounds += 1
            state = work / f"round-{rounds:03d}"
            for moment, when, duration, inside in zip(
                site.passes, passes, durations, held, strict=True
            ):
                server.now = moment
                while True:
                    proc = run_pass(wl, state, when)
                    if kills >= args.kills:
                        finish(proc, f"round {rounds} pass {when}")
                        break
                    # Nine kills in ten at a random point of the pass proper (it holds the
                    # state lock); the rest anywhere, start-up included.
                    if rng.random() < 0.9:
                        wait_for_lock(proc, state)
                        delay = rng.uniform(0.0, inside * 1.05)
                    else:
                        delay = rng.uniform(0.0, duration)
                    try:
                        proc.wait(timeout=delay)
                    except subprocess.TimeoutExpired:
                        # Holding the state lock means it was inside the pass when killed.
                        in_pass += lock.holder(lock.lock_path(state)) == proc.pid
                        proc.send_signal(signal.SIGKILL)
                        proc.communicate()
                        kills += 1
                        continue
                    finish(proc, f"round {rounds} pass {when}")
                    break
            for table, (lost, extra) in compare(want, snapshot(state)).items():
                totals[f"{table} lost"] += lost
                totals[f"{table} duplicated"] += extra
                if lost or extra:
                    failures.append(f"round {rounds}: {table}: {lost} lost, {extra} extra")

    print(
        f"seed {seed}: {kills} kills over {rounds} replays of {len(passes)} passes "
        f"in {time.monotonic() - started:.0f} s"
    )
    print(
        f"run time {min(durations):.2f}-{max(durations):.2f} s, of which the pass proper "
        f"(state lock held) {min(held):.2f}-{max(held):.2f} s; kills inside the pass proper: "
        f"{in_pass}, during start-up or exit: {kills - in_pass}"
    )
    print(
        f"reference: {sum(want['observations'].values())} observations, "
        f"{sum(want['digests'].values())} digests, {sum(want['outbox'].values())} .eml files, "
        f"{sum(want['articles'].values())} articles"
    )
    for table in want:
        print(
            f"  {table:14} lost {totals[f'{table} lost']:3}   "
            f"duplicated {totals[f'{table} duplicated']:3}"
        )
    for line in failures:
        print("  " + line)
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work folder kept: {work}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
