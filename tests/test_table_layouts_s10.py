"""figures.tables on the kinds corpus S showed (session 10, sbind), in tables of our own (places,
figures and wording invented): a mid-term review's indicator table, whose year-value columns
(2020年现状值, 2024年实现值) hold the level of a stock target and the year's amount of a flow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Table, Target
from tests.table_cells import read

HN = ("湖南", "湖南省", "全省")
DAY = date(2024, 12, 5)

IRRIGATED = Target(
    "hn-irrigated", "湖南有效灌溉面积达到5000万亩", ("有效灌溉面积",), HN, unit="亩",
    pledge=Pledge(Decimal(50_000_000), scope="cumulative"),
)  # fmt: skip
INVESTMENT = Target(
    "hn-water-investment", "湖南2025年完成水利投资700亿元", ("水利投资",), HN, unit="元",
    pledge=Pledge(Decimal(70_000_000_000)),
)  # fmt: skip

MIDTERM = Table(
    caption="湖南省水利“十四五”规划主要指标中期进展", unit=None,
    header=("序号", "指标", "单位", "2020年现状值", "2025年规划值", "2024年实现值", "完成进度"),
    rows=(
        ("1", "有效灌溉面积", "万亩", "4780", "5000", "4926", "98.5%"),
        ("2", "水利投资", "亿元", "520", "700", "665", "95.0%"),
        ("3", "新增供水能力", "亿立方米", "0", "12", "8.1", "67.5%"),
    ),
)  # fmt: skip


def test_a_stock_target_s_year_values_are_its_levels() -> None:
    assert read(MIDTERM, IRRIGATED, day=DAY) == [
        ("achieved", "cumulative", "47800000 亩", "2020年现状值"),
        ("pledge", "cumulative", "50000000 亩", "2025年规划值"),
        ("achieved", "cumulative", "49260000 亩", "2024年实现值"),
        ("achieved", "share_of_pledge", "98.5 %", "完成进度"),
    ]


def test_a_flow_target_s_year_values_stay_the_year_s_amounts() -> None:
    got = read(MIDTERM, INVESTMENT, day=DAY)
    assert ("achieved", "new", "66500000000 元", "2024年实现值") in got
    assert all(scope != "cumulative" for _, scope, _, _ in got)
