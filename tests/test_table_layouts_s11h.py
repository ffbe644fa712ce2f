"""figures.tables on a kind corpus H showed (session 11, rules_h), in tables of our own (places,
figures and wording invented): a plan's mid-term indicator table whose year columns are headed
by the year and what the value is (2020年基数, 2022年实际, 2021年基期) rather than
…值: for a target that pledges a stock, each is the level then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Table, Target
from tests.table_cells import read

FJ = ("福建", "福建省", "全省")
DAY = date(2023, 11, 15)

GREENWAYS = Target(
    "fj-greenways", "福建城市绿道总长度达到8000公里", ("城市绿道",), FJ, unit="公里",
    pledge=Pledge(Decimal(8000), scope="cumulative"),
)  # fmt: skip
FOREST = Target(
    "fj-forest-parks", "福建森林公园达到220个", ("森林公园",), FJ, unit="个",
    pledge=Pledge(Decimal(220), scope="cumulative"),
)  # fmt: skip
PLANTING = Target(
    "fj-planting", "福建2025年完成植树造林30万亩", ("植树造林",), FJ, unit="亩",
    pledge=Pledge(Decimal(300_000)),
)  # fmt: skip

BASE_AND_ACTUAL = Table(
    caption="生态环境主要指标实施进展", unit=None,
    header=("序号", "指标名称", "单位", "2020年基数", "2022年实际", "2025年目标", "指标属性"),
    rows=(
        ("1", "城市绿道长度", "公里", "6200", "7100", "8000", "预期性"),
        ("2", "森林公园数量", "个", "181", "196", "220", "预期性"),
        ("3", "植树造林面积", "万亩", "26", "28", "30", "预期性"),
    ),
)  # fmt: skip
BASE_AND_PRESENT = Table(
    caption="主要指标中期评估", unit=None,
    header=("指标", "单位", "2021年基期", "2023年实际", "2025年目标"),
    rows=(("森林公园数量", "个", "185", "201", "220"),),
)  # fmt: skip


def test_a_stock_target_s_base_and_actual_columns_are_its_levels() -> None:
    assert read(BASE_AND_ACTUAL, GREENWAYS, day=DAY) == [
        ("achieved", "cumulative", "6200 千米", "2020年基数"),
        ("achieved", "cumulative", "7100 千米", "2022年实际"),
        ("pledge", "cumulative", "8000 千米", "2025年目标"),
    ]


def test_a_base_period_column_is_a_level_too() -> None:
    assert read(BASE_AND_PRESENT, FOREST, day=DAY) == [
        ("achieved", "cumulative", "185 个", "2021年基期"),
        ("achieved", "cumulative", "201 个", "2023年实际"),
        ("pledge", "cumulative", "220 个", "2025年目标"),
    ]


def test_a_flow_target_s_actual_column_stays_the_year_s_amount() -> None:
    got = read(BASE_AND_ACTUAL, PLANTING, day=DAY)
    assert ("achieved", "new", "280000 亩", "2022年实际") in got
