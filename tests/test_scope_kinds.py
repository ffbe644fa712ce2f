"""Table tests for what span of time and which measure a figure is (tests/data/scope_kinds.yaml):
new vs running totals vs stocks, rate windows, conversions, stages of work, thresholds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_article_figures
from monitor.models import Figure, Seen
from tests.reading_tables import check_figures, load

TABLE, TARGETS = load("scope_kinds")
FIELDS = ("kind", "scope", "period", "direction", "qualifier", "measure")


def _allowed(fig: Figure, optional: list[dict[str, Any]]) -> bool:
    """`fig` is a figure the case allows without asking for it, read as the case says."""
    for want in optional:
        if (fig.target_id, fig.value) == (want["target"], Decimal(str(want["value"]))):
            return all(getattr(fig, name) == want[name] for name in FIELDS if name in want)
    return False


def _dropped(seen: list[Seen], dropped: dict[Any, str]) -> None:
    """Each number the case lists was seen (its surface holds the case's text) and gave no
    figure, with a reason that holds the case's word."""
    for surface, because in dropped.items():
        mine = [s for s in seen if str(surface) in s.surface]
        assert mine, f"{surface}: not seen in {[s.surface for s in seen]}"
        assert all(s.figure is None for s in mine), f"{surface}: read as a figure"
        assert any(because in s.why for s in mine), (surface, [s.why for s in mine])


def _param(case: dict[str, Any]) -> Any:
    """A case, marked as a known miss (strict: it fails the suite once it passes) where the
    table says the reader does not read it yet (`open:` why)."""
    if "open" not in case:
        return pytest.param(case, id=case["id"])
    return pytest.param(
        case, id=case["id"], marks=pytest.mark.xfail(strict=True, reason=case["open"])
    )


@pytest.mark.parametrize("case", [_param(c) for c in TABLE["cases"]])
def test_scope_kinds(case: dict[str, Any]) -> None:
    published: date = case["published"]
    title = case.get("title", "")
    got = find_article_figures(title, case["text"], TARGETS, published=published)
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    optional = case.get("optional", [])
    kept = [f for f in got if not _allowed(f, optional)]
    check_figures(kept, case.get("want", []), FIELDS, shown)
    if "dropped" in case:
        _dropped(explain(title, case["text"], TARGETS, published=published), case["dropped"])
