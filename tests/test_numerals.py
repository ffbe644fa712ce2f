"""Table tests for numerals (tests/data/numerals.yaml) and bad input that must stay quick."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.numerals import find_quantities, parse_quantity

TABLE: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "numerals.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", TABLE["parse"], ids=[c["text"] for c in TABLE["parse"]])
def test_parse_quantity(case: dict[str, Any]) -> None:
    q = parse_quantity(case["text"])
    assert q is not None
    tolerance = Decimal(case.get("tolerance", "0"))
    assert abs(q.value - Decimal(case["value"])) <= tolerance
    assert q.unit == case.get("unit")
    assert q.qualifier == case.get("qualifier", "exact")
    high = case.get("value_high")
    assert q.value_high == (Decimal(high) if high is not None else None)


@pytest.mark.parametrize("text", TABLE["parse_none"], ids=repr)
def test_parse_quantity_refuses(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize("case", TABLE["find"], ids=[c["text"][:24] for c in TABLE["find"]])
def test_find_quantities(case: dict[str, Any]) -> None:
    found = find_quantities(case["text"])
    assert [q.surface for q in found] == case["want"]
    for q in found:
        assert case["text"][q.start : q.end] == q.surface


def test_spans_point_into_the_text() -> None:
    text = "全市新增普惠托位1万个，累计建成501个"
    spans = [(q.start, q.end) for q in find_quantities(text)]
    assert [text[a:b] for a, b in spans] == ["1万个", "501个"]


@pytest.mark.parametrize(
    "text",
    [
        "9" * 10_000_000,
        "一" * 1_000_000,
        "1,2" * 300_000,
        "零点" * 200_000,
        "é中1ع٣𝟓" * 100_000,
        "1,2" * 3_000,
        "é中1ع٣𝟓" * 1_600,
    ],
    ids=[
        "10MB digits",
        "1M chinese digits",
        "separators",
        "points",
        "mixed scripts",
        "9000 chars of separators",
        "9600 chars of mixed scripts",
    ],
)
def test_bad_input_is_quick(text: str) -> None:
    started = time.perf_counter()
    assert parse_quantity(text) is None
    find_quantities(text)
    assert time.perf_counter() - started < 3.0
