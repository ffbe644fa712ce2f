"""Table tests for education, health, care and social services coverage (tests/data/services.yaml):
the kinds of wording corpus G's blind batch (tests/data/reading_g) was misread by, each written in
other words and other genres' nouns and seen to fail before the reader was changed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("services")
FIELDS = ("kind", "scope", "period", "direction", "measure")


@pytest.mark.parametrize("case", cases(TABLE))
def test_services(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    got = find_article_figures("", case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    check_figures(got, case.get("want", []), FIELDS, shown)
    if "dropped" in case:
        check_dropped(explain("", case["text"], TARGETS, published=published), case["dropped"])
