"""Table tests for scope (tests/data/scope.yaml): a flow over a named period is the period's,
a stock a level, whatever 总 the noun carries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_figures, load

TABLE, TARGETS = load("scope")


@pytest.mark.parametrize("case", cases(TABLE))
def test_scope(case: dict[str, Any]) -> None:
    published: date = case["published"]
    only = case.get("only")
    targets = [t for t in TARGETS if t.id in only] if only else TARGETS
    got = find_article_figures("", case["text"], targets, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    check_figures(got, case["want"], ("kind", "scope", "period"), shown)
