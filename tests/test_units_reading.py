"""Table tests for units and not-figures (tests/data/units.yaml): one amount in two units read
in the target's, thresholds and floors dropped, a measure word's own noun, other number forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from tests.reading_tables import load

TABLE, TARGETS = load("units")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_units(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 9, 20))
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    assert len(got) == len(case.get("want", [])), shown
    for fig, want in zip(got, case.get("want", []), strict=True):
        assert fig.target_id == want["target"], shown
        assert fig.value == Decimal(want["value"]), shown
        for name in ("kind", "scope"):
            if name in want:
                assert getattr(fig, name) == want[name], (name, shown)
    seen = explain(title, case["text"], TARGETS, published=published)
    for surface, because in case.get("dropped", {}).items():
        whys = [s.why for s in seen if s.surface == str(surface) and s.figure is None]
        assert whys, f"{surface}: not seen, or read as a figure"
        assert any(because in why for why in whys), (surface, whys)
