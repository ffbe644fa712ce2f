"""figures.tables on the kind corpus T (session 14, county livelihood tables, written blind)
showed, in tables of our own (places, figures and wording invented): a row whose label names the
target's thing only as the modifier of a noun of its own before the work (公厕智慧化管理改造,
充电桩远程监控改造) counts that work on another thing, not the target's things."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Table, Target
from tests.table_cells import read

DAY = date(2025, 11, 10)

TOILETS = Target(
    "pt-toilets", "莆田市2025年新建改造公厕80座", ("公厕",), ("莆田", "莆田市", "全市"), unit="座",
    pledge=Pledge(Decimal(80)),
)  # fmt: skip
CHARGERS = Target(
    "gz-chargers", "赣州市2025年新建充电桩2000个", ("充电桩",), ("赣州", "赣州市", "全市"),
    unit="个", pledge=Pledge(Decimal(2000)),
)  # fmt: skip
COMPOUNDS = Target(
    "yb-compounds", "宜宾市2025年老旧小区改造120个", ("老旧小区",), ("宜宾", "宜宾市", "全市"),
    unit="个", pledge=Pledge(Decimal(120)),
)  # fmt: skip


def test_smart_management_fitted_to_toilets_is_not_their_count() -> None:
    table = Table(
        caption="2025年民生实事项目进展情况", unit=None,
        header=("序号", "项目", "单位", "年度目标", "完成数"),
        rows=(("1", "新建改造城乡公厕", "座", "80", "66"),
              ("2", "公厕智慧化管理改造", "座", "150", "120")),
    )  # fmt: skip
    assert read(table, TOILETS, "莆田市民生实事1—10月进展", DAY) == [
        ("pledge", "new", "80 座", "年度目标"),
        ("achieved", "new", "66 座", "完成数"),
    ]


def test_remote_monitoring_fitted_to_chargers_is_not_their_count() -> None:
    table = Table(
        caption="赣州市充电基础设施建设进度", unit=None,
        header=("项目", "年度任务（个）", "已完成（个）"),
        rows=(("充电桩建设", "2000", "1710"), ("充电桩远程监控改造", "900", "640")),
    )  # fmt: skip
    assert read(table, CHARGERS, "赣州市充电基础设施建设进度", DAY) == [
        ("pledge", "new", "2000 个", "年度任务（个）"),
        ("achieved", "new", "1710 个", "已完成（个）"),
    ]


def test_water_supply_renewed_in_compounds_is_not_the_compounds_count() -> None:
    table = Table(
        caption="宜宾市城市更新重点任务完成情况", unit=None,
        header=("任务", "计划数（个）", "完成数（个）"),
        rows=(("城镇老旧小区改造", "120", "97"), ("老旧小区二次供水改造", "300", "214")),
    )  # fmt: skip
    assert read(table, COMPOUNDS, "宜宾市城市更新重点任务完成情况", DAY) == [
        ("pledge", "new", "120 个", "计划数（个）"),
        ("achieved", "new", "97 个", "完成数（个）"),
    ]


def test_the_things_own_upgrade_stays_their_count() -> None:
    table = Table(
        caption="宜宾市城市更新重点任务完成情况", unit=None,
        header=("任务", "计划数（个）", "完成数（个）"),
        rows=(("老旧小区提质改造", "120", "97"),),
    )  # fmt: skip
    assert read(table, COMPOUNDS, "宜宾市城市更新重点任务完成情况", DAY) == [
        ("pledge", "new", "120 个", "计划数（个）"),
        ("achieved", "new", "97 个", "完成数（个）"),
    ]
