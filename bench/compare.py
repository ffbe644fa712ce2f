"""Issue 6's bars from one benchmark run: monitor against urlwatch and the stdlib floor.

    python bench/compare.py RESULTS.jsonl [...] [--lists 41] [--out bars.md]

Reads the harness's JSONL records (all tools of one run), takes the median wall time per
tool, variant and phase, and prints each bar with the measured ratio and whether it is met.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import defaultdict
from pathlib import Path

Key = tuple[str, str, str]  # tool, variant, phase


def load(paths: list[Path]) -> dict[Key, list[dict[str, object]]]:
    groups: dict[Key, list[dict[str, object]]] = defaultdict(list)
    for path in paths:
        for line in path.read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                groups[(r["tool"], r["variant"], r["phase"])].append(r)
    return groups


def median(groups: dict[Key, list[dict[str, object]]], key: Key, field: str) -> float | None:
    values = [float(r[field]) for r in groups.get(key, []) if r.get(field) is not None]  # type: ignore[arg-type]
    return statistics.median(values) if values else None


def bars(groups: dict[Key, list[dict[str, object]]], lists: int) -> list[str]:
    def wall(tool: str, variant: str, phase: str) -> float | None:
        return median(groups, (tool, variant, phase), "wall_s")

    def peak(tool: str, variant: str) -> float | None:
        rss = [median(groups, (tool, variant, p), "max_rss_kb") for p in PHASES]
        found = [r for r in rss if r is not None]
        return max(found) / 1024 if found else None

    rows = ["| bar | measured | target | met |", "|---|---|---|---|"]

    def row(bar: str, value: float | None, target: str, ok: bool | None, fmt: str) -> None:
        shown = "n/a" if value is None else fmt.format(value)
        mark = "n/a" if ok is None else ("yes" if ok else "**no**")
        rows.append(f"| {bar} | {shown} | {target} | {mark} |")

    def ratio(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None or b == 0 else a / b

    for variant in ("plain", "css"):
        r = ratio(wall("urlwatch", "css", "a_first"), wall("monitor", variant, "a_first"))
        row(
            f"first pass ({variant}): urlwatch css ÷ monitor",
            r,
            "≥ 3×",
            None if r is None else r >= 3,
            "{:.2f}×",
        )
    for variant in ("plain", "css"):
        for peer in ("plain", "css"):
            peer_wall = wall("urlwatch", peer, "b_unchanged")
            r = ratio(peer_wall, wall("monitor", variant, "b_unchanged"))
            row(
                f"unchanged ({variant}): urlwatch {peer} ÷ monitor",
                r,
                "≥ 10×",
                None if r is None else r >= 10,
                "{:.2f}×",
            )
        r = ratio(wall("monitor", variant, "b_unchanged"), wall("floor", "plain", "b_unchanged"))
        row(
            f"unchanged ({variant}): monitor ÷ floor",
            r,
            "≤ 2×",
            None if r is None else r <= 2,
            "{:.2f}×",
        )
    r = ratio(peak("monitor", "plain"), peak("urlwatch", "plain"))
    row(
        "peak RSS (plain): monitor ÷ urlwatch plain",
        r,
        "≤ 0.33",
        None if r is None else r <= 1 / 3,
        "{:.2f}",
    )
    for variant in ("plain", "css"):
        recs = groups.get(("monitor", variant, "c_mutated"), [])
        exact = [bool(x.get("changed_match_mutated")) for x in recs]
        if recs:
            row(
                f"after 5 % mutated ({variant}): exactly the changed set, reps",
                sum(exact),
                f"all {len(recs)}",
                all(exact),
                "{:.0f}",
            )
    recs = groups.get(("monitor", "discover", "b_unchanged"), [])
    if recs:
        asked = max(int(x.get("http_requests", 0)) for x in recs)  # type: ignore[call-overload]
        # the lists, plus robots.txt once per pass
        row(
            "discover, unchanged lists: requests in pass b (max)",
            asked,
            f"≤ {lists} lists + robots.txt",
            asked <= lists + 1,
            "{:.0f}",
        )
    return rows


PHASES = ("a_first", "b_unchanged", "c_mutated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="+", type=Path)
    parser.add_argument("--lists", type=int, default=41, help="list pages in the corpus")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    text = "\n".join(bars(load(args.results), args.lists)) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text, end="")


if __name__ == "__main__":
    main()
