"""Table kinds met on real progress pages (session 15; every header, row and page here is our
own wording): a page that is one table, a 进度 column under a group that counts in an amount
unit, item names that state the plan, a plan table's total row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.table_columns import columns
from monitor.figures.table_heads import read_head
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target


@pytest.mark.parametrize(
    "head",
    ["新增城镇就业（人）|进度", "公共充电桩（个）|当前进度", "改造供水管网（公里）|进度"],
)
def test_progress_under_a_group_counting_in_an_amount_unit_is_the_count_done(head: str) -> None:
    # 目标任务 | 进度 | 完成比例（%） under one group: 进度 holds the count done, not a share;
    # the same header over per cents (87.0%) is the share
    group = head.split("|")[0]
    for cells, role in ((("320", "95"), "achieved"), (("87.0%", "91%"), "share")):
        table = Table(
            caption="", unit=None, header=("地区", f"{group}|目标任务", head),
            rows=(("全区", "400", cells[0]), ("南湖街道", "100", cells[1])),
        )  # fmt: skip
        column = columns(table, date(2025, 1, 20))[2]
        assert column.role == role
        assert column.unit not in (None, "%") or role == "share"


@pytest.mark.parametrize(
    "head", ["新增托位（个）|完成率", "完成进度", "新增托位（个）|完成比例（%）", "进度（%）"]
)
def test_a_share_of_the_plan_stays_a_share(head: str) -> None:
    assert read_head(head, date(2025, 1, 20)).role == "share"


# --- a header cell naming its group and its role in one (新增就业（人）目标任务): two header rows
# written as one cell; each group's columns are its own item's ---


JOBS = Target(
    "qs-jobs", "青石县2024年城镇新增就业9000人", ("城镇新增就业",), ("青石县", "青石", "全县"),
    unit="人", pledge=Pledge(Decimal(9000)),
)  # fmt: skip


def _read(table: Table, target: Target, title: str, day: date) -> list[tuple[str, str, str, str]]:
    found = find_table_figures(table, [target], published=day, title=title)
    out = []
    for f in found:
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        out.append((head, f.kind, f.scope, f"{f.value.normalize():f} {f.unit}"))
    return sorted(out)


@pytest.mark.parametrize("sep", ["", " "])
def test_a_group_and_its_role_in_one_header_cell_are_read_as_two(sep: str) -> None:
    heads = [
        f"{group}{sep}{role}"
        for group in ("城镇新增就业（人）", "农村劳动力转移就业（人）")
        for role in ("目标任务", "进度", "完成比例（%）")
    ]
    table = Table(
        caption="稳就业工程推进情况（县人社局）", unit=None, header=("乡镇", *heads),
        rows=(
            ("全县", "9000", "7650", "85", "600", "540", "90"),
            ("东关镇", "2500", "2300", "92", "150", "160", "106.7"),
        ),
    )  # fmt: skip
    got = _read(table, JOBS, "青石县2024年民生工程进展表", date(2024, 11, 5))
    assert got == sorted(
        [
            (f"城镇新增就业（人）{sep}目标任务", "pledge", "new", "9000 人"),
            (f"城镇新增就业（人）{sep}进度", "achieved", "new", "7650 人"),
            (f"城镇新增就业（人）{sep}完成比例（%）", "achieved", "share_of_pledge", "85 %"),
        ]
    )


def test_a_head_whose_bracket_ends_it_is_one_cell() -> None:
    # 年度计划投资（亿元）: its unit ends it, nothing after: no group
    assert read_head("年度计划投资（亿元）", date(2024, 1, 5)).role == "pledge"
