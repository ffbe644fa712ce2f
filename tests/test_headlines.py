"""Table tests for the headline rules (tests/data/headlines.yaml): the title read as a sentence
of the article, dated and placed like it, in the shapes news desks write headlines."""

from __future__ import annotations

from typing import Any

import pytest

from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_figures, load

TABLE, TARGETS = load("headlines")


@pytest.mark.parametrize("case", cases(TABLE))
def test_headline_rule(case: dict[str, Any]) -> None:
    targets = [t for t in TARGETS if t.id in case["targets"]]
    got = find_article_figures(case["title"], case["text"], targets, published=case["published"])
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    check_figures(got, case["want"], ("unit", "kind", "scope", "period"), shown)
