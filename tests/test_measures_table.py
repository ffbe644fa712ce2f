"""Table tests for a target's other measures (tests/data/measures.yaml): growth rates after its
amount, a per-cent level's change in points, an increase over the period's start, sums of parts,
and the stage of work each count is of."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import load

TABLE, TARGETS = load("measures")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_measures(case: dict[str, Any]) -> None:
    published: date = case["published"]
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.measure) for f in got]
    assert len(got) == len(case.get("want", [])), shown
    for fig, want in zip(got, case.get("want", []), strict=True):
        assert (fig.target_id, fig.value) == (want["target"], Decimal(str(want["value"]))), shown
        for name in ("kind", "scope", "direction", "measure"):
            if name in want:
                assert getattr(fig, name) == want[name], (name, shown)
    if "dropped" in case:
        seen = explain(title, case["text"], TARGETS, published=published)
        for surface, because in case["dropped"].items():
            whys = [s.why for s in seen if s.surface == str(surface) and s.figure is None]
            assert whys, f"{surface}: not seen, or read as a figure"
            assert any(because in why for why in whys), (surface, whys)
