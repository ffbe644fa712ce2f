"""Table tests for the headline rules (tests/data/headlines.yaml): the title read as a sentence
of the article, dated and placed like it, in the shapes news desks write headlines."""

from __future__ import annotations

from datetime import date
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


@pytest.mark.parametrize(
    "text",
    [
        "福州今年新增托位6000个！家长点赞！",  # a text of one short line of exclamations
        "托位够不够？福州今年新增6000个？",  # …and of questions
        "新增托位6000个！",
    ],
)
def test_a_text_of_one_short_line_ending_in_an_exclamation_is_read(text: str) -> None:
    """A short line with no full stop is read as one headline sentence, its ！ and ？ not ending
    it; the last of them ends the text, and the text is still one sentence (was: no sentence at
    all, and reading it raised IndexError)."""
    targets = [t for t in TARGETS if t.id == "fz-childcare"]
    got = find_figures(text, targets, published=date(2024, 11, 5))
    assert [f.quantity.surface for f in got] == ["6000个"]
