"""figures.tables on a kind corpus Y showed (session 11, rules_y), in tables of our own (places,
figures and wording invented): a progress table whose caption names the target's keyword with a
state word inside it (燃气老化管道 for 燃气管道, 供水老旧管网 for 供水管网), as its text would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Table, Target
from tests.table_cells import read

DAY = date(2024, 10, 12)

GAS = Target(
    "nx-gas-pipes", "宁夏2024年更新改造城市燃气管道300公里", ("燃气管道", "燃气管网"),
    ("宁夏", "宁夏回族自治区", "全区"), unit="公里", pledge=Pledge(Decimal(300)),
)  # fmt: skip
WATER = Target(
    "ty-water-mains", "太原2024年改造供水管网150公里", ("供水管网",),
    ("太原", "太原市", "全市"), unit="公里", pledge=Pledge(Decimal(150)),
)  # fmt: skip

GAS_TABLE = Table(
    caption="全区城市燃气老化管道更新改造进度表", unit=None,
    header=("序号", "地区", "年度任务（公里）", "已完成（公里）", "完成率（%）"),
    rows=(
        ("1", "银川市", "120", "96", "80.0"),
        ("2", "石嘴山市", "60", "41", "68.3"),
        ("", "全区合计", "300", "232", "77.3"),
    ),
)  # fmt: skip
WATER_TABLE = Table(
    caption="太原市2024年供水老旧管网改造完成情况", unit="公里",
    header=("项目", "年度计划", "完成数", "完成率"),
    rows=(("全市", "150", "118", "78.7%"),),
)  # fmt: skip


def test_a_caption_with_an_aged_inside_the_keyword_names_the_target() -> None:
    assert read(GAS_TABLE, GAS, day=DAY) == [
        ("pledge", "new", "300 千米", "年度任务（公里）"),
        ("achieved", "new", "232 千米", "已完成（公里）"),
        ("achieved", "share_of_pledge", "77.3 %", "完成率（%）"),
    ]


def test_a_caption_with_an_old_inside_the_keyword_names_the_target() -> None:
    assert read(WATER_TABLE, WATER, day=DAY) == [
        ("pledge", "new", "150 千米", "年度计划"),
        ("achieved", "new", "118 千米", "完成数"),
        ("achieved", "share_of_pledge", "78.7 %", "完成率"),
    ]


# A stock target's own stock row (充电桩总数, 5G基站保有量) with no additions row beside it: its
# month-end amount is the level, its column of additions (比上年末增加) the period's additions
GY = ("贵阳", "贵阳市", "全市")
CHARGER_STOCK = Target("gy-chargers", "贵阳充电桩总数", ("充电桩",), GY, unit="个")
STATION_STOCK = Target("gy-5g", "贵阳5G基站保有量", ("5G基站",), GY, unit="个")
STOCK_TABLE = Table(
    caption="贵阳市新型基础设施建设情况（截至2024年10月底）", unit=None,
    header=("序号", "指标", "单位", "10月底数量", "同比增长（%）", "比上年末增加"),
    rows=(
        ("一", "充电桩总数", "万个", "3.1", "28.4", "0.6"),
        ("二", "5G基站保有量", "万个", "2.7", "19.6", "0.4"),
    ),
)  # fmt: skip


def test_a_stock_target_s_total_row_is_its_level() -> None:
    assert read(STOCK_TABLE, CHARGER_STOCK, day=DAY) == [
        ("achieved", "cumulative", "31000 个", "10月底数量"),
        ("achieved", "rate", "28.4 %", "同比增长（%）"),
        ("achieved", "new", "6000 个", "比上年末增加"),
    ]


def test_a_stock_target_s_holding_row_is_its_level() -> None:
    assert read(STOCK_TABLE, STATION_STOCK, day=DAY) == [
        ("achieved", "cumulative", "27000 个", "10月底数量"),
        ("achieved", "rate", "19.6 %", "同比增长（%）"),
        ("achieved", "new", "4000 个", "比上年末增加"),
    ]
