"""A table of what was measured, places down and measures across, each with its change beside it
(session 22; the tables are our own wording): the column headed by the target's keyword alone is
its result, and the change right of it its growth; another measure's change is not the target's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import find_table_figures
from monitor.models import Table, Target

REVENUE = Target(
    "lc-revenue", "鹿城区一般公共预算收入", ("一般公共预算收入",), ("鹿城区", "鹿城", "全区"),
    unit="元",
)  # fmt: skip
TAXES = Target(
    "lc-taxes", "鹿城区税收收入", ("税收收入",), ("鹿城区", "鹿城", "全区"), unit="元",
)  # fmt: skip
MEASURED = Table(
    caption="2024年1-9月各县（市、区）财政收入情况", unit=None,
    header=("名次", "县（市、区）", "一般公共预算收入(亿元)", "同比增长", "税收收入(亿元)",
            "同比增长"),
    rows=(
        ("1", "瓯海区", "61.25", "5.1%", "48.02", "3.2%"),
        ("2", "鹿城区", "58.40", "6.3%", "45.77", "-1.4%"),
    ),
)  # fmt: skip


def _read(table: Table, target: Target) -> list[tuple[str, str, Decimal, str | None]]:
    found = find_table_figures(table, [target], published=date(2024, 10, 25), title="")
    return [(f.kind, f.scope, f.value, f.direction) for f in found]


def test_the_column_of_the_targets_keyword_and_its_change_are_its_results() -> None:
    assert _read(MEASURED, REVENUE) == [
        ("achieved", "new", Decimal("5840000000"), None),
        ("achieved", "rate", Decimal("6.3"), None),
    ]


def test_the_next_measure_takes_the_change_on_its_own_right() -> None:
    assert _read(MEASURED, TAXES) == [
        ("achieved", "new", Decimal("4577000000"), None),
        ("achieved", "rate", Decimal("1.4"), "down"),
    ]


def test_beside_a_plan_the_column_of_the_keyword_is_the_result_and_its_change_its_growth() -> None:
    planned = Table(
        caption="2024年1-9月各县（市、区）财政收入情况", unit=None,
        header=("县（市、区）", "年度目标(亿元)", "一般公共预算收入(亿元)", "同比增长"),
        rows=(("鹿城区", "80", "58.40", "6.3%"), ("瓯海区", "90", "61.25", "5.1%")),
    )  # fmt: skip
    assert _read(planned, REVENUE) == [
        ("pledge", "new", Decimal("8000000000"), None),
        ("achieved", "new", Decimal("5840000000"), None),
        ("achieved", "rate", Decimal("6.3"), None),
    ]


def test_a_growth_under_a_plans_merged_header_is_planned() -> None:
    reviewed = Table(
        caption="2023年主要经济指标完成情况", unit=None,
        header=("指标名称", "单位", "年度目标|增长（%）", "完成情况|绝对值",
                "完成情况|增长（%）"),
        rows=(("一般公共预算收入", "亿元", "5", "38.2", "7.1"),
              ("税收收入", "亿元", "4", "30.5", "2.2")),
    )  # fmt: skip
    found = find_table_figures(reviewed, [REVENUE], published=date(2024, 1, 20), title="")
    assert [(f.kind, f.scope, f.value) for f in found] == [
        ("pledge", "rate", Decimal(5)),
        ("achieved", "new", Decimal("3820000000")),
        ("achieved", "rate", Decimal("7.1")),
    ]


REVENUE_GROWTH = Target(
    "lc-revenue-growth", "鹿城区2024年一般公共预算收入增长5%", ("一般公共预算收入",),
    ("鹿城区", "鹿城", "全区"), unit="%",
)  # fmt: skip


def test_a_rate_column_keeps_its_role_over_cells_in_words() -> None:
    # a plan-execution table: its growth column holds words in most rows (与经济增长同步), a
    # growth in the target's: the column is still the rate done, not a column of labels
    table = Table(
        caption="2024年主要指标完成情况",
        unit=None,
        header=("指标名称", "2024年目标", "1-9月完成情况|增速"),
        rows=(
            ("地区生产总值", "增长6%左右", "预计与全省平均水平持平"),
            ("一般公共预算收入", "增长5%", "3.6%"),
            ("城乡居民人均可支配收入", "与经济增长同步", "预计与经济增长基本同步"),
        ),
    )
    assert _read(table, REVENUE_GROWTH) == [
        ("pledge", "rate", Decimal(5), None),
        ("achieved", "rate", Decimal("3.6"), None),
    ]
