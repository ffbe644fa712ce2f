"""Table tests for rates and shares (tests/data/rates.yaml): growth rates, per-cent levels and
their change in points, shares of the pledge, each with its kind; and what only looks like one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("rates")
FIELDS = ("kind", "scope", "period", "direction", "measure")


@pytest.mark.parametrize("case", cases(TABLE))
def test_rates(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    only = case.get("only")
    targets = [t for t in TARGETS if t.id in only] if only else TARGETS
    got = find_article_figures("", case["text"], targets, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.direction) for f in got]
    check_figures(got, case.get("want", []), FIELDS, shown)
    if "dropped" in case:
        check_dropped(explain("", case["text"], targets, published=published), case["dropped"])
