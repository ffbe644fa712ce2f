"""Score numeral parsing (E1): parse_quantity on each case, find_quantities for in-sentence ones.

`run(data_dir)` returns a printable table (per category, per source, with and without
digit_sequence; cn2an beside when installed) and {"e1_accuracy"}; `python bench/eval_e1.py [DIR]`.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.figures import units  # noqa: E402 - needs the path set above
from monitor.figures.numerals import find_quantities, parse_quantity  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "evals" / "dev"
_TOLERANCE = Decimal("1e-9")
_JIONLP = "dongrixinyu/JioNLP"  # the one source that assumes 元 for a bare number (evals README)

Reader = Callable[[str], tuple[Decimal, str | None] | None]  # text -> (value, unit)


def monitor_reader(text: str) -> tuple[Decimal, str | None] | None:
    """What the pipeline would read: the string as one number, else its only figure."""
    q = parse_quantity(text)
    if q is None:
        found = find_quantities(text)
        q = found[0] if len(found) == 1 else None
    return None if q is None else (q.value, q.unit)


def cn2an_reader() -> Reader | None:
    try:
        import cn2an  # type: ignore[import-untyped]
    except ImportError:
        return None

    def read(text: str) -> tuple[Decimal, str | None] | None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cn2an warns on every string it cannot read
            return _read(text)

    def _read(text: str) -> tuple[Decimal, str | None] | None:
        try:
            value = cn2an.cn2an(text, "smart")
        except Exception:  # cn2an raises bare ValueErrors and worse on what it cannot read
            try:
                out = cn2an.transform(text, "cn2an")
                nums = re.findall(r"-?[0-9]+(?:\.[0-9]+)?", out)
                if len(nums) != 1:
                    return None
                value = nums[0]
            except Exception:
                return None
        try:
            return Decimal(str(value)), None
        except InvalidOperation:
            return None

    return read


def correct(
    case: dict[str, Any], got: tuple[Decimal, str | None] | None, *, units_too: bool
) -> bool:
    """Value within 1e-9; the unit too where the label gives one (README, E1): a label in grams
    matches 斤 or 公斤 converted; a bare number matches a 元 label only in JioNLP's cases, the
    one source that assumes 元 for bare numbers."""
    if got is None:
        return False
    value, unit = got
    want_unit = case.get("unit")
    if units_too and want_unit:
        if unit is None and want_unit == "元" and case["source"].startswith(_JIONLP):
            pass
        else:
            converted = units.convert(value, unit, want_unit)
            if converted is None:
                return False
            value = converted
    return abs(value - Decimal(str(case["value"]))) <= _TOLERANCE


def run(data_dir: Path = DEFAULT_DATA) -> tuple[str, dict[str, float]]:
    cases = [
        json.loads(line)
        for line in (data_dir / "e1_numerals.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    peer = cn2an_reader()
    rows: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[str] = []
    for case in cases:
        got = monitor_reader(case["text"])
        ok = correct(case, got, units_too=True)
        peer_ok = correct(case, peer(case["text"]), units_too=False) if peer else False
        seq = "digit_sequence" in (case.get("tags") or [])
        source = case["source"].split(":", 1)[0]
        for group in (
            f"category {case['category']}",
            f"source {source}",
            "all, digit_sequence" if seq else "all, without digit_sequence",
            "all",
        ):
            row = rows[group.split(" ", 1)[0]][group]
            row[0] += 1
            row[1] += ok
            row[2] += peer_ok
        if not ok:
            shown = "nothing" if got is None else f"{got[0]} {got[1] or ''}".strip()
            misses.append(
                f"  miss {case['id']} {case['text']!r}: want {case['value']} "
                f"{case.get('unit') or ''}, read {shown}"
            )
    head = f"{'group':<44} {'cases':>5} {'monitor':>8}" + (f" {'cn2an':>8}" if peer else "")
    lines = ["E1 numerals (value, and unit where labelled; cn2an scored on value only)", head]
    for kind in ("category", "source", "all,", "all"):
        for group, (n, right, peer_right) in sorted(rows[kind].items()):
            line = f"{group:<44} {n:>5} {right / n:>8.1%}"
            if peer:
                line += f" {peer_right / n:>8.1%}"
            lines.append(line)
    total = rows["all"]["all"]
    accuracy = total[1] / total[0] if total[0] else 0.0
    return "\n".join([*lines, *misses]), {"e1_accuracy": round(accuracy, 4)}


if __name__ == "__main__":
    table, metrics = run(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
    print(table)
    print(json.dumps(metrics))
