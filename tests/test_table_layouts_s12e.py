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
