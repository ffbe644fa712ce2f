"""A plan's table of growth rates that writes some rows' plans and results as amounts with their
own unit (session 22; the table is our own wording): such a cell is the amount, not a rate, while
the rows of rates stay rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target

JOBS = Target(
    "lz-jobs", "柳州2025年城镇新增就业3.5万人以上", ("城镇新增就业",),
    ("柳州市", "柳州", "全市"), unit="人", pledge=Pledge(Decimal(35_000), qualifier="at_least"),
)  # fmt: skip
SALES = Target(
    "lz-retail", "柳州社会消费品零售总额增长", ("社会消费品零售总额",),
    ("柳州市", "柳州", "全市"), unit="%",
)  # fmt: skip
PLAN = Table(
    caption="2025年前三季度主要预期目标完成情况", unit=None,
    header=("指标名称", "年度预期增长（%）", "前三季度完成（%）"),
    rows=(
        ("地区生产总值", "6左右", "5.2"),
        ("社会消费品零售总额", "6.5以上", "4.8"),
        ("城镇新增就业", "3.5万人以上", "2.86万人"),
    ),
)  # fmt: skip


def _read(target: Target) -> list[tuple[str, str, Decimal, str | None]]:
    found = find_table_figures(PLAN, [target], published=date(2025, 10, 28), title="")
    return [(f.kind, f.scope, f.value, f.unit) for f in found]


def test_an_amount_in_a_column_of_growth_is_the_amount() -> None:
    assert _read(JOBS) == [
        ("pledge", "new", Decimal(35_000), "人"),
        ("achieved", "new", Decimal(28_600), "人"),
    ]


def test_the_rows_of_rates_stay_rates() -> None:
    assert _read(SALES) == [
        ("pledge", "rate", Decimal("6.5"), "%"),
        ("achieved", "rate", Decimal("4.8"), "%"),
    ]
