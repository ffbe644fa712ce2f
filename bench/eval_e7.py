"""Score follow-up reading (E7 and the team's own corpus): find_figures on each item's text with
its one target, scored as the evals README suggests for E7.

`run(data_dir)` returns a printable table and {"e7_precision", "e7_recall", "e7_swaps"};
`score_set(items, targets)` scores any set in the same shape; `run_team()` the team's corpus in
tests/data/reading (or `run_team(folder)` one laid out like it), `run_team_b()` corpus B in
tests/data/reading_b, `run_team_c()` corpus C in tests/data/reading_c.
`python bench/eval_e7.py [DIR] [--team|--team-b|--team-c] [-v]` prints the table
(and misses); with --team, DIR is a folder laid out like tests/data/reading.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from monitor.config.watchlist import loads  # noqa: E402
from monitor.figures import find_figures  # noqa: E402 - needs the path set above
from monitor.models import Figure, Target  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "evals" / "dev"
_TOLERANCE = Decimal("1e-9")
# find_figures' scope for a share of the pledge (完成年度任务的83%); the label's word for it
_SHARE = "share_of_pledge"


def load_targets(path: Path) -> dict[str, Target]:
    """The targets of a YAML file holding a watchlist's `targets:` section, read by monitor's
    own validator (a placeholder source makes it a whole watchlist)."""
    text = path.read_text(encoding="utf-8")
    if not yaml.safe_load(text).get("sources"):
        text += '\nsources:\n  - {id: placeholder, url: "http://127.0.0.1/"}\n'
    watchlist = loads(text, path)
    return {t.id: t for t in watchlist.targets}


def load_items(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass
class Tally:
    """Counts for one group of items: expected figures found, figures read, and right ones."""

    expected: int = 0
    found: int = 0
    read: int = 0
    right: int = 0
    swaps: int = 0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.found += other.found
        self.read += other.read
        self.right += other.right
        self.swaps += other.swaps

    def cells(self) -> str:
        p = f"{self.right / self.read:.3f}" if self.read else "  -  "
        r = f"{self.found / self.expected:.3f}" if self.expected else "  -  "
        return (
            f"{self.expected:>5} {self.found:>5} {self.read:>5} {self.right:>5} "
            f"{p:>6} {r:>6} {self.swaps:>5}"
        )


@dataclass
class Result:
    total: Tally = field(default_factory=Tally)
    groups: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    notes: list[str] = field(default_factory=list)
    lenient: Tally = field(default_factory=Tally)  # scope not compared (printed beside)


def _scope(fig: Figure) -> str:
    return fig.scope


def _same_value(fig: Figure, want: Any) -> bool:
    value = Decimal(str(want))
    if value == 0:
        return fig.value == 0
    return abs(fig.value - value) <= _TOLERANCE * abs(value)


def matches(fig: Figure, start: int, end: int, label: dict[str, Any], *, scope: bool) -> bool:
    return (
        _same_value(fig, label["value"])
        and fig.kind == label["kind"]
        and (not scope or _scope(fig) == label["scope"])
        and start < label["end"]
        and label["start"] < end
    )


def read_item(item: dict[str, Any], target: Target) -> list[tuple[Figure, int, int]]:
    """The figures read for the item's target inside its `text`, with offsets into `text`."""
    before, text = item.get("context_before") or "", item["text"]
    after = item.get("context_after") or ""
    # the three parts are consecutive sentences of one article: joined as the article had them
    # a part ending in a comma or colon runs on into the next on the same line (…会议提出，)
    sep = (
        ""
        if not before or before.endswith(("\n", "。", "！", "？", "；", "，", "：", ",", ":"))
        else "\n"
    )
    whole = before + sep + text
    offset = len(whole) - len(text)
    tail = "" if not after or text.endswith(("\n", "。", "！", "？", "；")) else "\n"
    whole = whole + tail + after
    published = date.fromisoformat(item["published"]) if item.get("published") else None
    out: list[tuple[Figure, int, int]] = []
    cursor = 0
    for fig in find_figures(whole, [target], published=published):
        at = whole.find(fig.sentence, cursor)
        if at < 0:
            at = whole.find(fig.sentence)
        if at < 0:
            continue
        cursor = at
        start, end = at + fig.start - offset, at + fig.end - offset
        if start >= 0 and end <= len(text):
            out.append((fig, start, end))
    return out


def score_set(items: list[dict[str, Any]], targets: dict[str, Target]) -> Result:
    result = Result()
    for item in items:
        target = targets[item["target"]]
        got = read_item(item, target)
        expected = item.get("expected") or []
        tally, lenient = Tally(expected=len(expected), read=len(got)), Tally()
        for label in expected:
            if any(matches(f, a, b, label, scope=True) for f, a, b in got):
                tally.found += 1
            else:
                near = [f"{_show(f)}" for f, a, b in got if a < label["end"] and label["start"] < b]
                result.notes.append(
                    f"  miss  {item['id']} {label['figure']!r} {label['kind']} {label['scope']}: "
                    f"read {'; '.join(near) or 'nothing'}  | {item['text'][:60]}"
                )
            lenient.found += any(matches(f, a, b, label, scope=False) for f, a, b in got)
        for fig, a, b in got:
            if any(matches(fig, a, b, label, scope=True) for label in expected):
                tally.right += 1
            else:
                swap = any(
                    _same_value(fig, lb["value"])
                    and fig.kind != lb["kind"]
                    and a < lb["end"]
                    and lb["start"] < b
                    for lb in expected
                )
                tally.swaps += swap
                why = "swap" if swap else "extra"
                result.notes.append(
                    f"  {why:<5} {item['id']} {_show(fig)} at {item['text'][a:b]!r}"
                    f"  | {item['text'][:60]}"
                )
            lenient.right += any(matches(fig, a, b, lb, scope=False) for lb in expected)
        lenient.expected, lenient.read = tally.expected, tally.read
        result.total.add(tally)
        result.lenient.add(lenient)
        result.groups[f"text {item.get('text_type', 'sentence')}"].add(tally)
        if item.get("answer") == "nothing":
            result.groups[f"nothing {item.get('nothing_reason') or '?'}"].add(tally)
        for label in expected:  # recall by the label's kind and scope
            one = Tally(expected=1)
            one.found = int(any(matches(f, a, b, label, scope=True) for f, a, b in got))
            result.groups[f"kind {label['kind']}"].add(one)
            result.groups[f"scope {label['scope']}"].add(one)
            if label.get("class"):
                result.groups[f"class {label['class']}"].add(one)
        if item.get("class"):
            result.groups[f"item {item['class']}"].add(tally)
    return result


def table(name: str, result: Result) -> str:
    head = (
        f"{'group':<28} {'exp':>5} {'found':>5} {'read':>5} {'right':>5} "
        f"{'P':>6} {'R':>6} {'swaps':>5}"
    )
    lines = [name, head]
    for group in sorted(result.groups):
        lines.append(f"{group:<28} {result.groups[group].cells()}")
    lines.append(f"{'all':<28} {result.total.cells()}")
    t, lenient = result.total, result.lenient
    p = t.right / t.read if t.read else 0.0
    r = t.found / t.expected if t.expected else 0.0
    lines.append(f"{name.split()[0]} precision {p:.3f}  recall {r:.3f}  swaps {t.swaps}")
    lp = lenient.right / lenient.read if lenient.read else 0.0
    lr = lenient.found / lenient.expected if lenient.expected else 0.0
    lines.append(f"(beside it, scope not compared: precision {lp:.3f}  recall {lr:.3f})")
    return "\n".join(lines)


def run(data_dir: Path = DEFAULT_DATA, *, verbose: bool = True) -> tuple[str, dict[str, float]]:
    name = "E7 follow-up news (strict: value, kind, scope, span)"
    items, targets = data_dir / "e7_followups.jsonl", data_dir / "e7_targets.yaml"
    return _scored(name, "e7", items, targets, verbose)


TEAM = ROOT / "tests" / "data" / "reading"
# corpus B: the same layout, written by a second author (tests/data/reading_b/README.md)
TEAM_B = ROOT / "tests" / "data" / "reading_b"
# corpus C: written blind by a third author, a development set since (reading_c/README.md)
TEAM_C = ROOT / "tests" / "data" / "reading_c"


def run_team(
    folder: Path = TEAM, *, verbose: bool = False, prefix: str = "team"
) -> tuple[str, dict[str, float]]:
    """The team's own corpus (tests/data/reading), or another folder laid out like it (a
    held-out set), scored as E7, by class as well; its keys start with `prefix`."""
    name = "TEAM corpus, written by the team (strict as E7)"
    if folder.resolve() == TEAM_B.resolve():
        name = "TEAM_B corpus tests/data/reading_b, by a second author (strict as E7)"
    elif folder.resolve() == TEAM_C.resolve():
        name = "TEAM_C corpus tests/data/reading_c, by a third author (strict as E7)"
    elif folder.resolve() != TEAM.resolve():
        name = f"TEAM-LAYOUT corpus {folder.resolve()} (strict as E7)"
    return _scored(name, prefix, folder / "followups.jsonl", folder / "targets.yaml", verbose)


def run_team_b(*, verbose: bool = False) -> tuple[str, dict[str, float]]:
    """Corpus B (tests/data/reading_b), scored as the team corpus: keys team_b_*."""
    return run_team(TEAM_B, verbose=verbose, prefix="team_b")


def run_team_c(*, verbose: bool = False) -> tuple[str, dict[str, float]]:
    """Corpus C (tests/data/reading_c), scored as the team corpus: keys team_c_*."""
    return run_team(TEAM_C, verbose=verbose, prefix="team_c")


def _scored(
    name: str, prefix: str, items: Path, targets: Path, verbose: bool
) -> tuple[str, dict[str, float]]:
    result = score_set(load_items(items), load_targets(targets))
    t = result.total
    out = table(name, result)
    if verbose:
        out += "\n" + "\n".join(result.notes)
    return out, {
        f"{prefix}_precision": round(t.right / t.read, 4) if t.read else 0.0,
        f"{prefix}_recall": round(t.found / t.expected, 4) if t.expected else 0.0,
        f"{prefix}_swaps": t.swaps,
    }


def _show(fig: Figure) -> str:
    return f"{fig.kind} {fig.scope} {fig.value} {fig.unit or ''} {fig.qualifier}".replace("  ", " ")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if "--team" in sys.argv:  # --team [DIR]: the team corpus, or a folder laid out like it
        report, metrics = run_team(Path(args[0]) if args else TEAM, verbose="-v" in sys.argv)
    elif "--team-b" in sys.argv:
        report, metrics = run_team_b(verbose="-v" in sys.argv)
    elif "--team-c" in sys.argv:
        report, metrics = run_team_c(verbose="-v" in sys.argv)
    else:
        report, metrics = run(Path(args[0]) if args else DEFAULT_DATA, verbose="-v" in sys.argv)
    print(report)
    print(json.dumps(metrics))
