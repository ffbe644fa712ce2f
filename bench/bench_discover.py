#!/usr/bin/env python3
"""Link discovery must stay linear in the number of links: time `discover.links` on list pages
of N links (all under one parent, the layout that was quadratic; and one per list item).

    bench/bench_discover.py [--sizes 1000,10000,100000] [--floor 2.0]

Prints seconds (best of --repeat runs) and links/s per size and layout; exits 1 when the
largest page takes longer than `--floor` seconds (the issue's bar: 100,000 links in under 2 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.models import Page, Source, Validators  # noqa: E402
from monitor.pages import discover  # noqa: E402

BASE = "https://www.example.gov.cn/ywdt/"


def page_of(n: int, layout: str) -> bytes:
    if layout == "flat":  # every link a child of one <div>, a date between them
        items = "".join(
            f'<a href="/ywdt/2024{i % 12 + 1:02d}/t2024{i % 12 + 1:02d}15_{i}.html">'
            f"本市一刻钟便民生活圈建设进展第{i}号</a> <span>2024-07-15</span>\n"
            for i in range(n)
        )
        body = f'<div class="main">{items}</div>'
    else:  # one <li> per link, the usual list page
        items = "".join(
            f'<li><a href="/ywdt/2024{i % 12 + 1:02d}/t2024{i % 12 + 1:02d}15_{i}.html">'
            f"本市一刻钟便民生活圈建设进展第{i}号</a><span>2024-07-15</span></li>\n"
            for i in range(n)
        )
        body = f'<ul class="list">{items}</ul>'
    html = f'<html><head><meta charset="utf-8"><title>要闻</title></head><body>{body}</body></html>'
    return html.encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--floor", type=float, default=2.0, help="seconds allowed the largest")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the best is shown")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    source = Source(id="bench", url=BASE, type="list")
    worst = 0.0
    print(f"{'layout':8} {'links':>8} {'MB':>6} {'seconds':>8} {'links/s':>10}")
    for layout in ("flat", "items"):
        for n in sizes:
            content = page_of(n, layout)
            page = Page(
                url=BASE,
                requested_url=BASE,
                status=200,
                content=content,
                content_type="text/html; charset=utf-8",
                validators=Validators(),
                fetched_at=datetime(2024, 7, 20, tzinfo=UTC),
            )
            seconds = float("inf")
            for _ in range(args.repeat):  # the best run: the least disturbed by other work
                started = time.perf_counter()
                found = discover.links(page, source)
                seconds = min(seconds, time.perf_counter() - started)
            assert len(found) == n, (layout, n, len(found))
            if n == max(sizes):
                worst = max(worst, seconds)
            print(f"{layout:8} {n:8d} {len(content) / 1e6:6.2f} {seconds:8.3f} {n / seconds:10.0f}")
    ok = worst <= args.floor
    print(f"largest page: {worst:.3f} s ({'within' if ok else 'OVER'} the {args.floor:g} s bar)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
