"""Where one pass's time goes: runs `monitor run` in-process under cProfile (CPU time) and sums
the profile by part (startup, watchlist, HTTP, SQLite, reading, asyncio).

    python bench/bench_pass.py WATCHLIST STATE_DIR [--fresh] [--inline] [--top 25]

`--fresh` deletes STATE_DIR first (a first pass); `--inline` reads every page in this process,
so the profile also covers extraction and figures (otherwise they run in workers, whose CPU is
reported as one line). Forked workers run unprofiled: a profiler they inherited made them three
times slower, and so this process's share of the pass looked other than it is.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

PARTS = (  # first match wins: (part, substrings of "file:function")
    ("importing modules", ("<frozen importlib", "builtins.compile", "marshal", "re/_")),
    ("watchlist (YAML, validation, cache)", ("yaml/", "monitor/config/")),
    ("HTTP: httpx client", ("httpx/", "http/cookiejar", "email/", "urllib/parse")),
    (
        "HTTP: transport + sockets",
        (
            "monitor/fetching/transport",
            "monitor/fetching/connection",
            "monitor/fetching/http1",
            "asyncio/streams",
            "socket",
            "selector",
        ),
    ),
    (
        "HTTP: fetch/body/politeness",
        (
            "monitor/fetching/fetch",
            "monitor/fetching/answer",
            "monitor/fetching/robots",
            "monitor/fetching/body",
            "monitor/fetching/politeness",
            "protego",
            "zlib",
            "ipaddress",
        ),
    ),
    ("SQLite + state", ("sqlite3", "monitor/store/")),
    ("content hash", ("openssl_sha256", "hashlib")),
    (
        "extract",
        (
            "monitor/pages/extract",
            "monitor/pages/blocks",
            "monitor/pages/charset",
            "monitor/pages/dates",
            "selectolax",
            "charset_normalizer",
            "lexbor",
        ),
    ),
    (
        "reading hand-off (pickle, pipes)",
        (
            "monitor/figures/workers.py:_collect",
            "monitor/figures/workers.py:submit",
            "multiprocessing",
            "pickle",
            "posix.write",
            "posix.read",
            "unix_events",
        ),
    ),
    ("figures", ("monitor/figures/",)),
    ("discover (canonical URLs)", ("monitor/pages/discover",)),
    ("asyncio loop", ("asyncio/",)),
    ("pipeline", ("monitor/pipeline", "monitor/worker", "monitor/dispatch")),
)


def part_of(key: tuple[str, int, str]) -> str:
    where = f"{key[0]}:{key[2]}"
    for name, needles in PARTS:
        if any(n in where for n in needles):
            return name
    return "other (re, builtins, …)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("watchlist", type=Path)
    parser.add_argument("state", type=Path)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--inline", action="store_true")
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    if args.fresh:
        shutil.rmtree(args.state, ignore_errors=True)
    started, cpu0 = time.perf_counter(), time.process_time()
    profile = cProfile.Profile(time.process_time)
    os.register_at_fork(after_in_child=lambda: sys.setprofile(None))  # workers unprofiled
    profile.enable()
    from monitor import pipeline
    from monitor.config import watchlist
    from monitor.figures import readers
    from monitor.store.state import Store

    if args.inline:
        readers.Readers.__init__.__kwdefaults__["inline_pages"] = 10**9  # type: ignore[index]
    wl = watchlist.load(args.watchlist)
    store = Store.open(args.state)
    report = pipeline.run_pass(
        wl,
        store,
        now=datetime.now(wl.timezone),
        state_dir=args.state,
        digest_mode="never",
        all_sources=True,
    )
    store.close()
    profile.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = pstats.Stats(profile)
    totals: dict[str, float] = defaultdict(float)
    for key, (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        totals[part_of(key)] += tottime
    summary = report.summary()
    print(
        f"pass: {summary['new']} new, {summary['unchanged']} unchanged; wall {wall:.2f} s "
        f"(profiled), this process {cpu:.2f} s CPU, "
        f"workers {children.ru_utime + children.ru_stime:.2f} s CPU"
    )
    print("| part | CPU s (this process, profiled) | share |\n|---|---|---|")
    whole = sum(totals.values())
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / whole:.0%} |")
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
