"""Table tests for units and not-figures (tests/data/units.yaml): one amount in two units read
in the target's, thresholds and floors dropped, a measure word's own noun, other number forms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import check_dropped, check_figures, load

TABLE, TARGETS = load("units")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_units(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    check_figures(got, case.get("want", []), ("kind", "scope", "qualifier"), shown)
    seen = explain(title, case["text"], TARGETS, published=published)
    check_dropped(seen, case.get("dropped", {}))
