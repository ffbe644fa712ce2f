"""Table tests for numerals (tests/data/numerals.yaml) and bad input that must stay quick."""

from __future__ import annotations

import time
from dataclasses import FrozenInstanceError
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.figures.numeral_reader import frozen
from monitor.figures.numerals import find_quantities, may_hold_quantities, parse_quantity
from monitor.figures.units import convert, normalise
from monitor.models import Figure, Quantity

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


def _read(case: dict[str, Any], every: bool) -> None:
    found = find_quantities(case["text"], every=every)
    got = [
        {
            "surface": q.surface,
            "value": str(q.value),
            "unit": q.unit,
            "qualifier": q.qualifier,
            "kind": q.kind,
        }
        for q in found
    ]
    want = [
        {"qualifier": "exact", "kind": "amount", "unit": None} | dict(w, value=str(w["value"]))
        for w in case["want"]
    ]
    assert got == want
    for q in found:
        assert case["text"][q.start : q.end] == q.surface


@pytest.mark.parametrize(
    "case", TABLE["find_read"], ids=[c["text"][:24] for c in TABLE["find_read"]]
)
def test_find_reads_value_unit_and_kind(case: dict[str, Any]) -> None:
    _read(case, every=False)


@pytest.mark.parametrize(
    "case", TABLE["find_every"], ids=[c["text"][:24] for c in TABLE["find_every"]]
)
def test_find_every_marks_durations_and_dates(case: dict[str, Any]) -> None:
    _read(case, every=True)
    amounts = [q for q in find_quantities(case["text"]) if q.kind == "amount"]
    assert amounts == [q for q in find_quantities(case["text"], every=True) if q.kind == "amount"]


@pytest.mark.parametrize("written", sorted(TABLE["normalise"]))
def test_normalise(written: str) -> None:
    assert normalise(written) == TABLE["normalise"][written]


@pytest.mark.parametrize("case", TABLE["convert"], ids=lambda c: f"{c['from']}->{c['to']}")
def test_convert(case: dict[str, Any]) -> None:
    got = convert(Decimal(case["value"]), case["from"], case["to"])
    assert got == (None if case["want"] is None else Decimal(case["want"]))


def test_a_duration_is_never_a_count() -> None:
    """7个月 is seven months, never 7 个: with every=True it comes marked, else not at all."""
    text = "创7个月以来新高，新建站点7个"
    assert [(q.surface, q.unit, q.kind) for q in find_quantities(text)] == [("7个", "个", "amount")]
    marked = find_quantities(text, every=True)
    assert [(q.surface, q.unit, q.kind) for q in marked] == [
        ("7个月", "月", "duration"),
        ("7个", "个", "amount"),
    ]


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
@pytest.mark.perf
def test_bad_input_is_quick(text: str) -> None:
    started = time.perf_counter()
    assert parse_quantity(text) is None
    find_quantities(text)
    assert time.perf_counter() - started < 3.0


@pytest.mark.parametrize(
    "text",
    [
        "约5万人，超过3万人、不足-4个：负的5个（含）以上，共1,234,567元，翻两番",
        "2024年3月，1.5万个、三分之一，5至6万元；7-8个，比上年增长6.1%",
        "全市 - 5个, 约 6个:10:30，(3)2个，百分之负三，１２万人",
        "创7个月新高，近一半、半数以上，2009 年3 月建成 120 套，3亿千瓦，2/3受访者",
    ],
)
def test_a_part_reads_as_in_the_whole(text: str) -> None:
    """find_quantities(text, start, stop) gives what the whole sentence gives there, wherever
    start and stop are (quickly at breaks: it reads from one to the next)."""
    whole = find_quantities(text)
    assert len(whole) >= 5
    for start in range(len(text) + 1):
        for stop in range(start, len(text) + 1):
            want = [q for q in whole if start <= q.start < stop]
            assert find_quantities(text, start, stop) == want, (start, stop)


def test_may_hold_quantities() -> None:
    assert may_hold_quantities("共１２个")  # full-width digits
    assert may_hold_quantities("七成")
    assert not may_hold_quantities("着力优化背街小巷精细化治理")
    assert not find_quantities("着力优化背街小巷精细化治理")


def test_frozen_builds_what_init_builds() -> None:
    fields: dict[str, Any] = {
        "value": Decimal("1.5"),
        "unit": "个",
        "qualifier": "about",
        "value_high": None,
        "start": 1,
        "end": 5,
        "surface": "约1.5个",
    }
    q = frozen(Quantity, **fields)
    assert q == Quantity(**fields)
    assert (repr(q), hash(q)) == (repr(Quantity(**fields)), hash(Quantity(**fields)))
    with pytest.raises(FrozenInstanceError):
        q.unit = "套"  # type: ignore[misc]
    figure = {"target_id": "t", "quantity": q, "kind": "pledge", "scope": "new", "sentence": "s"}
    figure |= {"start": 1, "end": 5, "period": None}
    assert frozen(Figure, **figure) == Figure(**figure)
    # what building without __init__ takes for granted
    for cls in (Quantity, Figure):
        assert not hasattr(cls, "__post_init__")
        assert not hasattr(cls, "__slots__")


WATCHLIST = """
sources:
  - id: energy-news
    url: https://energy.example.org/news/
targets:
  - id: solar
    title: 光伏装机新增1000万千瓦
    keywords: 光伏装机
    unit: 万千瓦
    pledge: {value: 1000, scope: new}
  - id: air
    title: PM2.5浓度控制在37微克/立方米以内
    keywords: PM2.5平均浓度
    unit: 微克/立方米
"""


def test_a_watchlist_unit_with_a_magnitude_meets_the_figures() -> None:
    """unit: 万千瓦 and 1000万千瓦 in the text meet in 千瓦, the value in 千瓦 (not 1000001000
    with no unit, as 千 read as a numeral made it); 微克/立方米 is a unit of its own."""
    from monitor.config.watchlist import loads
    from monitor.figures import find_figures

    watchlist = loads(WATCHLIST, Path("watchlist.yaml"))
    solar, air = watchlist.targets
    assert air.unit == "微克/立方米"
    assert solar.unit == "千瓦" and solar.pledge is not None
    assert solar.pledge.value == Decimal(10_000_000)
    text = "今年新增光伏装机1000万千瓦。全市PM2.5平均浓度为35微克/立方米。"
    got = {(f.target_id, f.value, f.unit) for f in find_figures(text, watchlist.targets)}
    assert got == {("solar", Decimal(10_000_000), "千瓦"), ("air", Decimal(35), "微克/立方米")}
