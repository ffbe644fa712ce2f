"""Table tests for the headline rules (tests/data/headlines.yaml): the title read as a sentence
of the article, dated and placed like it, in the shapes news desks write headlines."""

from __future__ import annotations

from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures, find_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("headlines")


@pytest.mark.parametrize("case", cases(TABLE))
def test_headline_rule(case: dict[str, Any]) -> None:
    targets = [t for t in TARGETS if t.id in case["targets"]]
    got = find_article_figures(case["title"], case["text"], targets, published=case["published"])
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    check_figures(got, case["want"], ("unit", "kind", "scope", "period"), shown)
    if "dropped" in case:  # what `monitor try --explain` says of each number dropped
        seen = explain(case["title"], case["text"], targets, published=case["published"])
        check_dropped(seen, case["dropped"])


@pytest.mark.parametrize("case", [c for c in cases(TABLE) if "in_title" in c.values[0]])
def test_headline_figures_as_the_article_is_read(case: dict[str, Any]) -> None:
    """The title's own figures where find_figures reads the title and its article together (as
    the reading scores do): a figure the lead tells again takes the lead's reading."""
    targets = [t for t in TARGETS if t.id in case["targets"]]
    whole = f"{case['title']}\n{case['text']}"
    got = find_figures(whole, targets, published=case["published"])
    got = [f for f in got if f.sentence == case["title"]]
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    check_figures(got, case["in_title"], ("unit", "kind", "scope", "period"), shown)
