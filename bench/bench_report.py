#!/usr/bin/env python3
"""The report and the export at scale, on a synthetic state database.

    bench/bench_report.py [--targets 100] [--per-target 1000] [--repeat 3]

Fills a state folder with TARGETS targets of PER_TARGET observations each (every figure its own
story, so each is its own point: the worst case for the charts), then prints:
- `monitor report` time (best of --repeat, wall clock and this process's CPU time, which other
  load on the machine disturbs less) and the index page's size: the bars are < 5 s and < 1 MB
  for 100 × 1,000;
- export time and peak Python memory (tracemalloc) for CSV and JSON at a tenth of the rows and
  at all of them: streaming means the peak does not grow with the row count.
Exits 1 when a bar is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.config import watchlist  # noqa: E402
from monitor.report import export, site  # noqa: E402
from monitor.store.state import Store  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2024, 1, 22, 9, 0, tzinfo=TZ)


class Null(io.TextIOBase):
    """Counts what is written and keeps none of it."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def make_watchlist(folder: Path, targets: int) -> Path:
    lines = [
        "sources:",
        *(f"  - {{id: s{i}, name: 来源{i}, url: 'https://example{i}.gov.cn/'}}" for i in range(10)),
        "targets:",
    ]
    for t in range(targets):
        lines += [
            f"  - id: t{t:03d}",
            f"    title: 第{t}项目标 新建{t + 1}00个便民设施",
            f"    keywords: [便民设施{t}]",
            "    unit: 个",
            f"    pledge: {{value: {(t + 1) * 100}, scope: new, by: 2025-12-31,"
            " announced: 2024-01-22}",
            "    baseline: {value: 1000, as_of: 2023-12-31}",
        ]
    path = folder / "watchlist.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill(store: Store, targets: int, per_target: int) -> None:
    """Articles and observations written straight into the tables (setup, not measured)."""
    rng = random.Random(16)
    articles, observations = [], []
    for t in range(targets):
        amount = (t + 1) * 100  # the pledge: new ones by the end of 2025
        for i in range(per_target):
            when = START + timedelta(hours=12 * i + t)
            url = f"https://example{i % 10}.gov.cn/a/t{t}/{i}.html"
            # Steady progress with a little noise, as coverage reports it: plausible figures
            # (a fall or a jump past the pledge's pace would wait as 待核实).
            level = 1000 + int(amount * 0.9 * i / per_target) + rng.randint(0, 1)
            kind = "pledge" if i % 50 == 0 else "achieved"
            value = (t + 1) * 100 if kind == "pledge" else level
            surface = f"{value}个"
            sentence = f"截至目前，本市已建成便民设施{t}共{surface}，覆盖常住人口超过{i}万人。"
            start = sentence.index(surface)
            story = hashlib.sha256(url.encode()).hexdigest()[:24]
            articles.append(
                (
                    url,
                    f"s{i % 10}",
                    f"第{t}项目标进展{i}",
                    when.isoformat(),
                    when.isoformat(),
                    story,
                    story,
                    sentence,
                )
            )
            observations.append(
                (
                    f"t{t:03d}",
                    url,
                    sentence,
                    start,
                    start + len(surface),
                    str(value),
                    None,
                    "个",
                    "exact",
                    surface,
                    kind,
                    "cumulative" if kind == "achieved" else "new",
                    None,
                    when.isoformat(),
                    when.isoformat(),
                )
            )
    with store.transaction() as tx:
        tx.executemany(
            "INSERT INTO articles(url, source_id, title, published, fetched_at, content_hash,"
            " story, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            articles,
        )
        tx.executemany(
            "INSERT INTO observations(target_id, article_url, sentence, fstart, fend, value,"
            " value_high, unit, qualifier, surface, kind, scope, period, published, observed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            observations,
        )


def export_peak(
    wl_path: Path, store: Store, fmt: str, target_ids: tuple[str, ...]
) -> tuple[float, int, int, int]:
    """Seconds (a run of its own: tracing memory slows Python down), the peak of memory
    allocated by Python while exporting (a second run, traced), rows and characters."""
    wl = watchlist.load(wl_path)
    out = Null()
    began = time.perf_counter()
    rows = export.write(out, export.rows(wl, store, target_ids=target_ids), fmt)  # type: ignore[arg-type]
    took = time.perf_counter() - began
    tracemalloc.start()
    export.write(Null(), export.rows(wl, store, target_ids=target_ids), fmt)  # type: ignore[arg-type]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return took, peak, rows, out.chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--per-target", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-report-"))
    wl_path = make_watchlist(folder, args.targets)
    wl = watchlist.load(wl_path)
    with Store.open(folder / "state") as store:
        fill(store, args.targets, args.per_target)
    total = args.targets * args.per_target
    print(
        f"{args.targets} targets x {args.per_target} observations = {total:,} "
        f"(machine: {os.cpu_count()} cores)"
    )

    ok = True
    with Store.open(folder / "state") as store:
        times, cpu = [], []
        for _ in range(args.repeat):
            began, began_cpu = time.perf_counter(), time.process_time()
            written = site.write(wl, store, out=folder / "report", now=START + timedelta(days=400))
            times.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        index = written.index.stat().st_size
        pages = sum(p.stat().st_size for p in written.pages)
        best = min(times)
        print(
            f"report: {best:.2f} s best of {args.repeat} ({', '.join(f'{t:.2f}' for t in times)}"
            f"; CPU {min(cpu):.2f} s); index.html {index / 1024:.0f} KiB; "
            f"{len(written.pages)} target pages, "
            f"{pages / len(written.pages) / 1024:.0f} KiB each on average"
        )
        if args.targets == 100 and args.per_target == 1000:
            ok &= best < 5.0 and index < 1_000_000
        tenth = tuple(t.id for t in wl.targets[: max(1, args.targets // 10)])
        for fmt in ("csv", "json"):
            for label, ids in (("a tenth", tenth), ("all", tuple(t.id for t in wl.targets))):
                took, peak, rows, chars = export_peak(wl_path, store, fmt, ids)
                print(
                    f"export {fmt}, {label:7}: {rows:>7,} rows in {took:.2f} s "
                    f"({rows / took:,.0f} rows/s, {chars / 1e6:.1f} M chars); "
                    f"peak Python memory {peak / 1e6:.2f} MB"
                )
    print("bars met" if ok else "a bar was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
