"""Score held-out real sets laid out like tests/data/reading (targets.yaml, followups.src and,
if any, tables.yaml, each built with `python tests/data/reading/build.py --dir DIR`), pooled:

    python bench/real_sets.py DIR [DIR ...]           # P / R / swaps per set, pooled, by class
    python bench/real_sets.py -v DIR [DIR ...]        # and every miss, extra and swap
    python bench/real_sets.py --why DIR [DIR ...]     # why each missed figure was not given
    python bench/real_sets.py --why --all DIR [DIR ...]   # …with every example, not three

Scored strictly as scripts/eval scores the team corpus (value, kind, scope, span; tables by row
and column). The sets themselves are real third-party text: keep them outside the repository
(see tests/data/reading/README.md, "A held-out set"). `--why` asks `monitor try --explain`'s
reader about the number a missed label marks: the reason it was dropped, or the figure it gave
with the field that differs; the reasons are counted, most common first.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import eval_e7  # noqa: E402
import eval_tables  # noqa: E402

from monitor.figures.explain import explain  # noqa: E402


def _cells(t: eval_e7.Tally) -> str:
    p = t.right / t.read if t.read else 0.0
    r = t.found / t.expected if t.expected else 0.0
    return (
        f"P {p:.3f} R {r:.3f} swaps {t.swaps} "
        f"(expected {t.expected}, found {t.found}, read {t.read}, right {t.right})"
    )


def score(folders: list[Path], verbose: bool) -> str:
    """Each set's scores, then the sets pooled, then pooled by item class."""
    lines: list[str] = []
    pooled = eval_e7.Tally()
    classes: dict[str, eval_e7.Tally] = {}
    for folder in folders:
        targets = eval_e7.load_targets(folder / "targets.yaml")
        result = eval_e7.score_set(eval_e7.load_items(folder / "followups.jsonl"), targets)
        total = eval_e7.Tally()
        total.add(result.total)
        notes = list(result.notes)
        for group, tally in result.groups.items():
            if group.startswith("item "):
                classes.setdefault(group, eval_e7.Tally()).add(tally)
        if (folder / "tables.jsonl").is_file():
            tables = eval_tables.score(eval_e7.load_items(folder / "tables.jsonl"), folder, targets)
            total.add(tables.total)
            classes.setdefault("item table", eval_e7.Tally()).add(tables.total)
            notes += tables.notes
            lines.append(f"{folder.name}: tables {_cells(tables.total)}")
        lines.append(f"{folder.name}: all {_cells(total)}")
        if verbose:
            lines += notes
        pooled.add(total)
    lines.append(f"POOLED {_cells(pooled)}")
    lines += [f"  {name:<22} {_cells(classes[name])}" for name in sorted(classes)]
    return "\n".join(lines)


def _whole(item: dict[str, Any]) -> str:
    before, after = item.get("context_before") or "", item.get("context_after") or ""
    return before + "\n" + item["text"] + "\n" + after


def why_missed(folders: list[Path], examples: int = 3) -> str:
    """For each expected figure missed, why: the reason its number was dropped, or the field
    the figure read there differs in; counted, with a few examples each."""
    reasons: Counter[str] = Counter()
    shown: dict[str, list[str]] = {}
    for folder in folders:
        targets = eval_e7.load_targets(folder / "targets.yaml")
        for item in eval_e7.load_items(folder / "followups.jsonl"):
            target = targets[item["target"]]
            got = eval_e7.read_item(item, target)
            for label in item.get("expected") or []:
                if any(eval_e7.matches(f, a, b, label, scope=True) for f, a, b in got):
                    continue
                near = [f for f, a, b in got if a < label["end"] and label["start"] < b]
                if near:
                    fig = near[0]
                    field = (
                        "kind"
                        if fig.kind != label["kind"]
                        else "scope"
                        if fig.scope != label["scope"]
                        else "value"
                    )
                    why = f"read, but its {field} differs"
                else:
                    why = _dropped_why(item, target, label)
                key = re.sub(r"[0-9.]+", "N", why)[:80]
                reasons[key] += 1
                shown.setdefault(key, []).append(
                    f"{folder.name}/{item['id']} {label['figure']} {label['kind']} "
                    f"{label['scope']} | {item['text'][:70]}"
                )
    lines = []
    for key, count in reasons.most_common():
        lines.append(f"{count:>4} {key}")
        lines += [f"       {example}" for example in shown[key][:examples]]
    return "\n".join(lines)


def _dropped_why(item: dict[str, Any], target: Any, label: dict[str, Any]) -> str:
    """The reason explain gives for the number a label marks, if it saw it."""
    published = date.fromisoformat(item["published"]) if item.get("published") else None
    figure, text = label["figure"], item["text"]
    for seen in explain("", _whole(item), [target], published=published):
        named = seen.surface and (seen.surface in figure or figure in seen.surface)
        if seen.figure is None and named and figure in seen.sentence:
            return seen.why
    return "not seen: no sentence naming the target holds it" if figure in text else "not seen"


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("-")]
    if not folders:
        print(__doc__)
        return 2
    if "--why" in argv:
        print(why_missed(folders, examples=1_000_000 if "--all" in argv else 3))
    else:
        print(score(folders, verbose="-v" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
