"""Table tests for the spoken register (tests/data/spoken.yaml): press-conference answers and
broadcast scripts, where the subject goes on in speech, the answer takes the reporter's question
as its subject, and departments and districts speak for themselves."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("spoken")


@pytest.mark.parametrize("case", cases(TABLE))
def test_spoken(case: dict[str, Any]) -> None:
    published: date = case["published"]
    text = (case["context"] + "\n" if "context" in case else "") + case["text"]
    targets = [t for t in TARGETS if t.id in case.get("only", [t.id])]
    got = [
        f for f in find_figures(text, targets, published=published) if f.sentence in case["text"]
    ]
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    check_figures(got, case.get("want", []), ("kind", "scope"), shown)
    if "dropped" in case:
        check_dropped(explain("", text, targets, published=published), case["dropped"])
