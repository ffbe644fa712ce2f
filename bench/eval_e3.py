"""Score work-report figures (E3): find_figures over each report with the 31 indicator targets.

`run(data_dir)` returns a printable table and {"e3_precision", "e3_recall"}, scored as the evals
README suggests; `python bench/eval_e3.py [DIR]` prints both.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from monitor.figures import find_figures  # noqa: E402 - needs the path set above
from monitor.models import Figure, Target  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "evals" / "dev"
TARGETS = Path(__file__).resolve().parent / "e3_targets.yaml"
_TOLERANCE = Decimal("1e-9")


@dataclass(frozen=True)
class Found:
    """A reported figure placed in the report: its span as offsets into the whole text."""

    figure: Figure
    start: int
    end: int


def load_targets(path: Path = TARGETS) -> list[Target]:
    """One Target per indicator and unit (an indicator reported in 美元 or 元 lists both)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[Target] = []
    for row in rows:
        unit = row.get("unit")
        for one in unit if isinstance(unit, list) else [unit]:
            keywords = tuple(row["keywords"])
            out.append(Target(id=row["id"], title=row["id"], keywords=keywords, unit=one))
    return out


def place(text: str, figures: list[Figure]) -> list[Found]:
    """Each figure's offsets in `text`: figures come in reading order, sentences verbatim."""
    out: list[Found] = []
    cursor = 0
    for fig in figures:
        at = text.find(fig.sentence, cursor)
        if at < 0:
            at = text.find(fig.sentence)
        if at < 0:
            continue
        cursor = at
        out.append(Found(fig, at + fig.start, at + fig.end))
    return out


def _same(a: Decimal | None, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - Decimal(str(b))) <= _TOLERANCE


def matches(found: Found, label: dict[str, Any]) -> bool:
    fig = found.figure
    return (
        fig.target_id == label["indicator"]
        and fig.kind == label["kind"]
        and _same(fig.value, label["value"])
        and _same(fig.quantity.value_high, label.get("value_high"))
        and fig.qualifier == label["qualifier"]
        and found.start < label["figure_end"]
        and label["figure_start"] < found.end
    )


def sentence_span(text: str, label: dict[str, Any]) -> tuple[int, int]:
    sentence = label["sentence"]
    at = label["phrase_start"] - sentence.find(label["phrase"])
    if text[at : at + len(sentence)] != sentence:
        at = text.find(sentence)
    return at, at + len(sentence)


def run(data_dir: Path = DEFAULT_DATA) -> tuple[str, dict[str, float]]:
    meta = json.loads((data_dir / "e3_reports.json").read_text(encoding="utf-8"))
    targets = load_targets()
    lines = [f"{'document':<12} {'labels':>6} {'found':>6} {'in scope':>8} {'right':>6}"]
    notes: list[str] = []
    total_labels = total_found = total_scope = total_right = strict_scope = strict_right = 0
    for doc in meta["documents"]:
        raw = (data_dir / doc["text_file"]).read_bytes()
        text = raw.decode(doc.get("text_encoding") or "utf-8")
        year = doc.get("year")
        published = date(int(year), 3, 5) if year else None  # reports are delivered in March
        placed = place(text, find_figures(text, targets, published=published))
        labels = doc["labels"]
        # in scope: a figure inside a labelled sentence, for an indicator labelled in that sentence
        # (labels are not exhaustive: a correct figure of another indicator there is not judged)
        spans = [(*sentence_span(text, lb), lb["indicator"]) for lb in labels]
        strict_ids = {lb["indicator"] for d in meta["documents"] for lb in d["labels"]}
        found = 0
        for lb in labels:
            if any(matches(f, lb) for f in placed):
                found += 1
            else:
                a, b = lb["figure_start"], lb["figure_end"]
                near = [f for f in placed if f.start < b and a < f.end]
                got = "; ".join(_show(f.figure) for f in near) or "nothing"
                notes.append(
                    f"  miss {lb['id']} {lb['indicator']} {lb['kind']} {lb['figure']!r}: {got}"
                )
        scope = [
            f
            for f in placed
            if any(a <= f.start and f.end <= b and f.figure.target_id == i for a, b, i in spans)
        ]
        right = [f for f in scope if any(matches(f, lb) for lb in labels)]
        strict = [
            f
            for f in placed
            if f.figure.target_id in strict_ids
            and any(a <= f.start and f.end <= b for a, b, _ in spans)
        ]
        strict_scope += len(strict)
        strict_right += sum(any(matches(f, lb) for lb in labels) for f in strict)
        for f in strict:
            if f not in scope and not any(matches(f, lb) for lb in labels):
                notes.append(f"  unjudged {doc['doc_id']} {_where(f)}")
        for f in scope:
            if f not in right:
                notes.append(f"  extra {doc['doc_id']} {_where(f)}")
        lines.append(
            f"{doc['doc_id']:<12} {len(labels):>6} {found:>6} {len(scope):>8} {len(right):>6}"
        )
        total_labels += len(labels)
        total_found += found
        total_scope += len(scope)
        total_right += len(right)
    recall = total_found / total_labels if total_labels else 0.0
    precision = total_right / total_scope if total_scope else 0.0
    lines.append(
        f"{'all':<12} {total_labels:>6} {total_found:>6} {total_scope:>8} {total_right:>6}"
    )
    # The headline uses the stricter reading of the README (any figure of a labelled indicator
    # inside a labelled sentence counts); correct but unlabelled figures then count as wrong.
    strict_precision = strict_right / strict_scope if strict_scope else 0.0
    lines.append(f"E3 precision {strict_precision:.3f}  recall {recall:.3f}")
    lines.append(
        f"(lenient reading, only the indicator labelled in that sentence: precision "
        f"{precision:.3f}; figures outside it are listed as unjudged)"
    )
    table = "\n".join(["E3 work-report figures", *lines, *notes])
    return table, {"e3_precision": round(strict_precision, 4), "e3_recall": round(recall, 4)}


def _where(found: Found) -> str:
    return f"{_show(found.figure)} in {found.figure.sentence[:40]!r}"


def _show(fig: Figure) -> str:
    high = f"-{fig.quantity.value_high}" if fig.quantity.value_high is not None else ""
    return f"{fig.target_id} {fig.kind} {fig.value}{high} {fig.unit} {fig.qualifier}"


if __name__ == "__main__":
    table, metrics = run(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
    print(table)
    print(json.dumps(metrics))
