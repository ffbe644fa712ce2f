"""Table tests for regions (tests/data/regions.yaml): a figure counts for the watched region and
only for it, whichever way the text names the region (a comparison of places, a subject carried
over, the page's title, the source's `region:`), and every number of another place, a sub-area
or a partner is dropped with its reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_figures
from tests.reading_tables import load

TABLE, TARGETS = load("regions")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_regions(case: dict[str, Any]) -> None:
    published: date = case["published"]
    text = (case["context"] + "\n" if "context" in case else "") + case["text"]
    region = tuple(case.get("source_region", ()))
    targets = [t for t in TARGETS if t.id in case.get("only", [t.id])]
    got = [
        f
        for f in find_figures(text, targets, published=published, region=region)
        if f.sentence in case["text"]
    ]
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope) for f in got]
    assert len(got) == len(case.get("want", [])), shown
    for fig, want in zip(got, case.get("want", []), strict=True):
        assert (fig.target_id, fig.value) == (want["target"], Decimal(str(want["value"]))), shown
        for name in ("kind", "scope"):
            if name in want:
                assert getattr(fig, name) == want[name], (name, shown)
    if "dropped" in case:
        seen = explain("", text, targets, published=published, region=region)
        for surface, because in case["dropped"].items():
            whys = [s.why for s in seen if s.surface == str(surface) and s.figure is None]
            assert whys, f"{surface}: not seen, or read as a figure"
            assert any(because in why for why in whys), (surface, whys)
