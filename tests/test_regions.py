"""Table tests for regions (tests/data/regions.yaml): a figure counts for the watched region and
only for it, whichever way the text names the region (a comparison of places, a subject carried
over, the page's title, the source's `region:`), and every number of another place, a sub-area
or a partner is dropped with its reason."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_figures
from tests.reading_tables import cases, check_dropped, check_figures, load

TABLE, TARGETS = load("regions")


@pytest.mark.parametrize("case", cases(TABLE))
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
    check_figures(got, case.get("want", []), ("kind", "scope"), shown)
    if "dropped" in case:
        check_dropped(
            explain("", text, targets, published=published, region=region), case["dropped"]
        )
