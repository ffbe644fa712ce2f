"""Table tests for binding (tests/data/binding.yaml): each number tied to the noun it counts and
the region it speaks for, and every number that gives nothing dropped with its reason."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("binding")


@pytest.mark.parametrize("case", cases(TABLE))
def test_binding(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    title = case.get("title", "")
    targets = [t for t in TARGETS if t.id in case.get("only", [t.id])]
    got = find_article_figures(title, case["text"], targets, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    check_figures(got, case.get("want", []), ("kind", "scope", "period"), shown)
    if "dropped" in case:
        check_dropped(explain(title, case["text"], targets, published=published), case["dropped"])
