"""figures.tables on a kind corpus E showed (session 12, rules_e), in tables of our own (places,
figures and wording invented): a year's progress table with a running total for each stage of the
work (累计开工 | 累计完工) beside the year's plan: each is the year's to date (new), as a single
累计完成 column there is, not a stock."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.models import Pledge, Table, Target
from tests.table_cells import read

DAY = date(2024, 9, 12)

ROADS_DONE = Target(
    "gx-roads-done", "广西2024年农村公路新改建完工6000公里", ("农村公路",),
    ("广西", "广西壮族自治区", "全区"), unit="公里", pledge=Pledge(Decimal(6000)),
)  # fmt: skip
LIFTS = Target(
    "nj-lifts", "南京2024年加装电梯800部", ("加装电梯",),
    ("南京", "南京市", "全市"), unit="部", pledge=Pledge(Decimal(800)),
)  # fmt: skip
FARMLAND = Target(
    "jx-farmland", "江西2024年建设高标准农田290万亩", ("高标准农田",),
    ("江西", "江西省", "全省"), unit="亩", pledge=Pledge(Decimal(2900000)),
)  # fmt: skip

ROADS_TABLE = Table(
    caption="2024年全区农村公路建设进度（截至8月31日）", unit="公里",
    header=("序号", "项目", "年度计划", "累计开工", "累计完工", "完工率"),
    rows=(("1", "农村公路新改建", "6000", "6120", "4380", "73.0%"),),
)  # fmt: skip
LIFTS_TABLE = Table(
    caption="南京市2024年既有住宅加装电梯推进情况", unit=None,
    header=("区", "全年任务（部）", "累计开工（部）", "累计竣工（部）", "竣工率（%）"),
    rows=(
        ("玄武区", "90", "84", "52", "57.8"),
        ("全市", "800", "760", "515", "64.4"),
    ),
)  # fmt: skip
FARMLAND_TABLE = Table(
    caption="江西省高标准农田建设项目进展情况（截至2024年8月底）", unit="万亩",
    header=("项目", "年度任务", "累计开工", "累计建成", "建成比例"),
    rows=(("高标准农田", "290", "286", "201", "69.3%"),),
)  # fmt: skip


def test_each_stage_s_running_total_beside_the_plan_is_the_year_s() -> None:
    got = read(ROADS_TABLE, ROADS_DONE, day=DAY)
    assert ("achieved", "new", "4380 千米", "累计完工") in got
    assert not [g for g in got if g[1] == "cumulative"]


def test_each_stage_s_running_total_in_a_table_of_districts() -> None:
    got = read(LIFTS_TABLE, LIFTS, day=DAY)
    assert ("achieved", "new", "760 部", "累计开工（部）") in got
    assert ("achieved", "new", "515 部", "累计竣工（部）") in got
    assert not [g for g in got if g[1] == "cumulative"]


def test_each_stage_s_running_total_with_the_unit_in_the_caption() -> None:
    got = read(FARMLAND_TABLE, FARMLAND, day=DAY)
    assert ("achieved", "new", "2010000 亩", "累计建成") in got
    assert not [g for g in got if g[1] == "cumulative"]


# A per-cent target's table of places with a column a measure (…率（%）, …比例（%）, its change in
# points, other measures and their changes): its own column is its level, a rate, whatever share
# word its keyword holds, and another measure's change is none of its
GZ = ("贵州", "贵州省", "全省")
FOREST = Target("gz-forest", "贵州森林覆盖率", ("森林覆盖率",), GZ, unit="%")
HF_SEWAGE = Target(
    "hf-sewage", "合肥2024年农村生活污水治理率达到45%", ("农村生活污水治理率",),
    ("合肥", "合肥市", "全市"), unit="%",
)  # fmt: skip
SX_AIR = Target(
    "sx-air", "山西2024年空气质量优良天数比例达到73%", ("优良天数比例",),
    ("山西", "山西省", "全省"), unit="%",
)  # fmt: skip

FOREST_TABLE = Table(
    caption="2023年各市州森林资源主要指标", unit=None,
    header=("序号", "市州", "森林面积（万亩）", "森林覆盖率（%）", "比上年提高（百分点）"),
    rows=(
        ("1", "黔东南州", "2340", "68.9", "0.4"),
        ("", "全省", "16200", "63.3", "0.5"),
    ),
)  # fmt: skip
SEWAGE_TABLE = Table(
    caption="合肥市各县区农村人居环境整治主要指标（截至2024年9月底）", unit=None,
    header=("县区", "行政村（个）", "生活垃圾清运量同比增长（%）", "农村生活污水治理率（%）"),
    rows=(
        ("肥东县", "248", "6.2", "41.7"),
        ("全市", "1012", "5.4", "43.8"),
    ),
)  # fmt: skip
AIR_TABLE = Table(
    caption="1—10月全省环境空气质量状况", unit=None,
    header=("排名", "城市", "细颗粒物浓度（微克/立方米）", "细颗粒物浓度同比变化（%）",
            "空气质量优良天数比例（%）"),
    rows=(
        ("1", "晋城市", "35", "-7.9", "78.4"),
        ("", "全省", "38", "-6.1", "72.6"),
    ),
)  # fmt: skip


def test_a_coverage_rate_column_is_the_level_beside_its_change_in_points() -> None:
    got = read(FOREST_TABLE, FOREST, day=date(2024, 3, 20))
    assert ("achieved", "rate", "63.3 %", "森林覆盖率（%）") in got
    assert [g for g in got if g[3] == "森林面积（万亩）"] == []


def test_a_rate_column_is_the_level_not_another_measure_s_growth() -> None:
    got = read(SEWAGE_TABLE, HF_SEWAGE, day=date(2024, 10, 15))
    assert ("achieved", "rate", "43.8 %", "农村生活污水治理率（%）") in got
    assert [g for g in got if g[3] == "生活垃圾清运量同比增长（%）"] == []


def test_a_share_word_in_the_keyword_makes_no_share_of_the_plan() -> None:
    got = read(AIR_TABLE, SX_AIR, day=date(2024, 11, 12))
    assert ("achieved", "rate", "72.6 %", "空气质量优良天数比例（%）") in got
    assert [g for g in got if g[1] == "share_of_pledge"] == []
    assert [g for g in got if g[3] == "细颗粒物浓度同比变化（%）"] == []
