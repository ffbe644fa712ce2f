"""Table kinds met on real progress pages (session 15; every header, row and page here is our
own wording): a page that is one table, a 进度 column under a group that counts in an amount
unit, item names that state the plan, a plan table's total row."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.figures.table_heads import read_head


@pytest.mark.parametrize(
    "head",
    ["新增城镇就业（人）|进度", "公共充电桩（个）|当前进度", "改造供水管网（公里）|进度"],
)
def test_progress_under_a_group_counting_in_an_amount_unit_is_the_count_done(head: str) -> None:
    # 目标任务 | 进度 | 完成比例（%） under one group: 进度 holds the count done, not a share
    column = read_head(head, date(2025, 1, 20))
    assert (column.role, column.scope) == ("achieved", "new")
    assert column.unit not in (None, "%")


@pytest.mark.parametrize(
    "head", ["新增托位（个）|完成率", "完成进度", "新增托位（个）|完成比例（%）", "进度（%）"]
)
def test_a_share_of_the_plan_stays_a_share(head: str) -> None:
    assert read_head(head, date(2025, 1, 20)).role == "share"
