"""Score table reading on the team's labelled progress tables (tests/data/reading/tables.jsonl):
each page extracted by monitor's extractor, its figures for the labelled target read as the
pipeline reads them, scored like E7: a figure is right when value (1e-9 relative), kind and
scope agree and it sits in the labelled row and column.

`run(folder)` (this folder or another laid out like it) returns a printable table and
{"tables_precision", "tables_recall", "tables_swaps"}. `python bench/eval_tables.py [-v]` prints
them (and misses, with -v).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_e7 import Result, Tally, _same_value, _show, load_items, load_targets  # noqa: E402
from bench.eval_e7 import table as render  # noqa: E402
from monitor.figures.tables import article_figures  # noqa: E402
from monitor.models import Figure  # noqa: E402
from monitor.pages.extract import extract  # noqa: E402

TEAM = ROOT / "tests" / "data" / "reading"


def cell_of(fig: Figure) -> tuple[str, str] | None:
    """The row label and column header of a table figure, from its one-line rendering
    ("label | header: cell | …"); None for a figure read from prose."""
    line = fig.sentence
    if " | " not in line:
        return None
    label = line.split(" | ", 1)[0]
    begin = line.rfind(" | ", 0, fig.start)
    colon = line.find(": ", begin + 3) if begin >= 0 else -1
    if colon < 0 or colon + 2 > fig.start:  # (a figure inside a text cell: 目标任务: 新建…5000个)
        return None
    return label, line[begin + 3 : colon]


def matches(fig: Figure, label: dict[str, Any]) -> bool:
    return (
        _same_value(fig, label["value"])
        and fig.kind == label["kind"]
        and fig.scope == label["scope"]
        and cell_of(fig) == (label["row"], label["column"])
    )


def read_page(item: dict[str, Any], folder: Path, targets: dict[str, Any]) -> list[Figure]:
    """The table figures monitor reads on the item's page for its target."""
    content = (folder / item["file"]).read_bytes()
    article = extract(content, url=f"http://127.0.0.1/{item['file']}")
    published = date.fromisoformat(item["published"]) if item.get("published") else None
    found = article_figures(article, (targets[item["target"]],), published=published)
    return [fig for fig in found if cell_of(fig) is not None]


def score(items: list[dict[str, Any]], folder: Path, targets: dict[str, Any]) -> Result:
    result = Result()
    for item in items:
        got = read_page(item, folder, targets)
        expected = item.get("expected") or []
        tally = Tally(expected=len(expected), read=len(got))
        for label in expected:
            if any(matches(fig, label) for fig in got):
                tally.found += 1
                continue
            near = [_show(f) for f in got if cell_of(f) == (label["row"], label["column"])]
            result.notes.append(
                f"  miss  {item['id']} {label['row']} | {label['column']}: {label['figure']!r} "
                f"{label['kind']} {label['scope']}: read {'; '.join(near) or 'nothing'}"
            )
        for fig in got:
            if any(matches(fig, label) for label in expected):
                tally.right += 1
                continue
            where = cell_of(fig)
            swap = any(
                _same_value(fig, lb["value"])
                and fig.kind != lb["kind"]
                and where == (lb["row"], lb["column"])
                for lb in expected
            )
            tally.swaps += swap
            result.notes.append(
                f"  {'swap' if swap else 'extra':<5} {item['id']} {_show(fig)} at {where}"
            )
        result.total.add(tally)
        result.lenient.add(tally)
        for label in expected:
            one = Tally(expected=1, found=int(any(matches(f, label) for f in got)))
            result.groups[f"kind {label['kind']}"].add(one)
            result.groups[f"scope {label['scope']}"].add(one)
        result.groups[f"page {item['file'].split('/')[-1][:24]}"].add(tally)
    return result


def run(folder: Path = TEAM, *, verbose: bool = False) -> tuple[str, dict[str, float]]:
    items = load_items(folder / "tables.jsonl")
    targets = load_targets(folder / "targets.yaml")
    result = score(items, folder, targets)
    t = result.total
    name = "TABLES the team's progress tables (value, kind, scope, row, column)"
    if folder.resolve() != TEAM.resolve():
        name = f"TABLES in {folder.resolve()} (value, kind, scope, row, column)"
    out = render(name, result)
    if verbose:
        out += "\n" + "\n".join(result.notes)
    return out, {
        "tables_precision": round(t.right / t.read, 4) if t.read else 0.0,
        "tables_recall": round(t.found / t.expected, 4) if t.expected else 0.0,
        "tables_swaps": t.swaps,
    }


if __name__ == "__main__":
    report, metrics = run(verbose="-v" in sys.argv)
    print(report)
    print(json.dumps(metrics))
