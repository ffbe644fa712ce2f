"""Table tests for a target's other measures (tests/data/measures.yaml): growth rates after its
amount, a per-cent level's change in points, an increase over the period's start, sums of parts,
and the stage of work each count is of."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("measures")


@pytest.mark.parametrize("case", cases(TABLE))
def test_measures(case: dict[str, Any]) -> None:
    published: date = case["published"]
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.measure) for f in got]
    check_figures(
        got, case.get("want", []), ("kind", "scope", "direction", "measure", "qualifier"), shown
    )
    if "dropped" in case:
        check_dropped(explain(title, case["text"], TARGETS, published=published), case["dropped"])
