"""Table tests for the frame and period rules (tests/data/frames.yaml): pledge or result from
tense, aspect and the document's structure, and the period a figure is of, each from sentences
the team wrote."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from monitor.figures.months import period_ended as _ended
from monitor.figures.periods import _period
from monitor.figures.reader import find_article_figures
from tests.reading_tables import cases, check_figures, load

TABLE, TARGETS = load("frames")
ALONE = {t["id"] for t in TABLE["targets"] if t.get("alone")}


@pytest.mark.parametrize("case", cases(TABLE))
def test_frame_rule(case: dict[str, Any]) -> None:
    named = case.get("targets") or case.get("only")  # (both keys name the targets read)
    targets = [t for t in TARGETS if (t.id in named if named else t.id not in ALONE)]
    got = find_article_figures(
        case.get("title", ""), case["text"], targets, published=case["published"]
    )
    shown = [(f.target_id, f.quantity.surface, f.kind, f.scope, f.period) for f in got]
    check_figures(got, case["want"], ("unit", "kind", "scope", "period"), shown)


@pytest.mark.parametrize(
    ("text", "published", "relative", "period"),
    [
        ("截至9月底，全市已建成", date(2024, 10, 1), True, "2024"),
        ("1—12月，全市新增", date(2025, 1, 20), True, "2024"),
        ("前三季度", date(2024, 10, 20), True, "2024Q1-Q3"),
        ("全年新建", date(2024, 12, 20), True, "2024"),
        ("全年新建", date(2024, 12, 20), False, None),  # a frame may say which year
        ("今年以来", date(2024, 12, 20), False, "2024"),
        ("过去五年工作回顾", date(2023, 1, 12), True, "2018-2022"),
    ],
)
def test_period_of_a_year_not_named(
    text: str, published: date, relative: bool, period: str | None
) -> None:
    assert _period(text, published, relative) == period


def test_a_part_of_the_year_ends_in_its_last_weeks() -> None:
    assert not _ended("2024H1", date(2024, 6, 10))
    assert _ended("2024H1", date(2024, 6, 10), closing=31)
    assert not _ended("2024H1", date(2024, 5, 20), closing=31)
    assert _ended("2024Q1-Q3", date(2024, 10, 2))
    assert not _ended("2024Q1-Q3", date(2024, 9, 2))
