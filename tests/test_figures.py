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
@pytest.mark.perf
def test_bad_input_is_quick(text: str) -> None:
    started = time.perf_counter()
    find_figures(text, TARGETS)
    assert time.perf_counter() - started < 3.0


GALLERIES = Target("galleries", "galleries", ("城市画廊",), unit="条")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a plan's frame holds past a quote (a quote opens no frame, “十四五” does)
            "“十四五”时期，本市城市建设成效显著。\n“以前买菜要坐两站公交，现在下楼就到了，”"
            "家住临江区的徐先生说。\n全市新建城市画廊100条。",
            [("100", "achieved", "2021-2025")],
        ),
        (  # a heading opens none; the year opening the next sentence holds after a quote
            "一、城市更新\n2023年，全市新建城市画廊120条。“城市更美了，”市民说。全市城市画廊共计300条。",
            [("120", "achieved", "2023"), ("300", "achieved", "2023")],
        ),
        (  # an indented opening
            "　　今年以来，本市新建城市画廊80条，位居全省前列。",
            [("80", "achieved", "2026")],
        ),
    ],
    ids=["plan-past-a-quote", "year-past-a-quote", "indented"],
)
def test_frames(text: str, want: list[tuple[str, str, str]]) -> None:
    got = find_figures(text, [GALLERIES], published=date(2026, 3, 5))
    assert [(str(f.value), f.kind, f.period) for f in got] == want


def test_a_tuple_of_targets_reads_as_the_list() -> None:
    """A tuple of targets, as a reading worker holds, is looked into once for all articles."""
    text = "今年本市将筹集保障性租赁住房7万套，竣工保障性住房8万套。本市累计建成便民生活圈1,244个。"
    as_list = find_figures(text, TARGETS)
    as_tuple = tuple(TARGETS)
    assert len(as_list) == 3
    assert find_figures(text, as_tuple) == as_list
    assert find_figures(text, as_tuple) == as_list  # from what was kept of the first call


def test_every_space_is_below_u3001() -> None:
    """figures finds the spaces a sentence may start with among the letters below U+3001."""
    assert not [c for c in range(0x3001, 0x110000) if chr(c).isspace()]
