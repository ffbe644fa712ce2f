"""Table tests for figures (tests/data/figures.yaml): attribution, kind, scope, period, traps."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.figures import find_figures
from monitor.models import Target

TABLE: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "figures.yaml").read_text(encoding="utf-8")
)
TARGETS = [
    Target(
        id=t["id"],
        title=t["id"],
        keywords=tuple(t["keywords"]),
        region=tuple(t.get("region", [])),
        exclude=tuple(t.get("exclude", [])),
        unit=t.get("unit"),
    )
    for t in TABLE["targets"]
]


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_find_figures(case: dict[str, Any]) -> None:
    published = case.get("published", date(2024, 7, 1))
    got = find_figures(case["text"], TARGETS, published=published)
    assert len(got) == len(case["want"]), [(f.target_id, f.quantity.surface) for f in got]
    for fig, want in zip(got, case["want"], strict=True):
        assert fig.target_id == want["target"]
        assert fig.value == Decimal(want["value"])
        assert fig.sentence[fig.start : fig.end] == fig.quantity.surface
        for name in ("unit", "kind", "scope", "qualifier", "period"):
            if name in want:
                assert getattr(fig, name) == want[name], name


def test_no_targets_no_figures() -> None:
    assert find_figures("今年将建80个一刻钟便民生活圈", []) == []


@pytest.mark.parametrize(
    "text",
    [
        "9" * 10_000_000,
        "一刻钟便民生活圈" + "1" * 2_000_000,
        "全市一刻钟便民生活圈建成1个，" * 20_000,
        "全市一刻钟便民生活圈建成1个，" * 600,
    ],
    ids=["10MB digits", "keyword then 2MB digits", "a keyword in every clause", "9000 chars so"],
)
def test_bad_input_is_quick(text: str) -> None:
    started = time.perf_counter()
    find_figures(text, TARGETS)
    assert time.perf_counter() - started < 3.0
