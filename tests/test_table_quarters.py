"""A table of one quarter's own amounts across (项目 | 全年目标 | 一季度 | 二季度 | 三季度; session
22, the table is our own wording): each cell is that quarter's flow (2024Q2), not the year's so
far, as one month's column is that month's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target

PARKS = Target(
    "wn-parks", "武宁县2024年新建口袋公园12个", ("口袋公园",), ("武宁县", "武宁", "全县"),
    unit="个", pledge=Pledge(Decimal(12)),
)  # fmt: skip


def test_each_quarters_column_is_that_quarters_own() -> None:
    table = Table(
        caption="2024年口袋公园建设进度", unit="个",
        header=("项目", "全年目标", "一季度", "第二季度", "三季度完成", "前三季度累计"),
        rows=(("口袋公园", "12", "2", "3", "4", "9"),),
    )  # fmt: skip
    found = find_table_figures(table, [PARKS], published=date(2024, 10, 10), title="")
    assert [(f.kind, f.value, f.period) for f in found] == [
        ("pledge", Decimal(12), "2024"),
        ("achieved", Decimal(2), "2024Q1"),
        ("achieved", Decimal(3), "2024Q2"),
        ("achieved", Decimal(4), "2024Q3"),
        ("achieved", Decimal(9), "2024"),
    ]
