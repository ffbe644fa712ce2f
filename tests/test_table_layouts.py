"""figures.tables on the layouts of session 6 (tests/data/tables_c has pages of each): merged
header cells (a plan's group over stages, a 其中 group over parts, a unit in a group's bracket),
units only in the caption or the title, footnote marks, rows that name a change, rows that are
months, a 累计 column beside 当月, a table on its side with a 序时进度 row, and plain columns
beside the one that names the target. Tables and figures are our own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.table_columns import role_of
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Seen, Table, Target
from tests.table_cells import cells, read, rows_read

LIFTS = Target(
    "lj-lifts", "临江市2025年既有住宅加装电梯500部", ("加装电梯",), ("临江", "临江市", "全市"),
    unit="部", pledge=Pledge(Decimal(500)),
)  # fmt: skip
# 公里 is kept as 千米, the unit monitor counts lengths in
ROADS = Target(
    "dp-roads", "东坪县2024年新改建农村公路300公里", ("农村公路",), ("东坪", "东坪县", "全县"),
    unit="公里", pledge=Pledge(Decimal(300)),
)  # fmt: skip


# --- merged header cells ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("年度计划（部）|开工", "pledge"),  # a plan's group over the stages it plans
        ("全年目标|竣工", "pledge"),
        ("2025年任务|基本建成", "pledge"),
        ("计划新建改造（座）", "pledge"),  # the plan's word first, the work after it
        ("拟新增（个）", "pledge"),
        ("1—8月完成（部）|开工", "achieved"),  # a result's group: results of each stage
        ("截至8月底|已竣工", "achieved"),
        ("年度计划|已完成", "achieved"),  # a done word below the plan's group: a result
        ("完成情况|数量（部）", "achieved"),
        ("完成情况|完成率", "share"),
        ("累计|同比增长（%）", "rate"),
        ("其中|老旧小区", "none"),  # parts of the row's total
        ("其中：城区", "none"),
        ("上年同期|完成", "none"),
        ("计划完成率", "share"),
        ("确保完成（个）", "pledge"),  # a floor and a stretch goal are both plans
        ("力争数", "pledge"),
        ("年度目标|力争", "pledge"),
        ("已完成目标任务", "achieved"),  # done first: a result, whatever it names after
        ("截至目前应完成", "none"),  # the amount due by now: the schedule, no figure
        ("完成度", "share"),
    ],
)
def test_the_role_of_a_column_under_merged_cells(head: str, role: str) -> None:
    assert role_of(head, date(2025, 9, 20)) == role


def test_a_unit_in_a_group_header_s_bracket() -> None:
    tab = Table(
        caption="全县农村公路建设进度", unit=None,
        header=("乡镇", "新改建农村公路（万米）|年度任务", "新改建农村公路（万米）|已完成"),
        rows=(("城关镇", "3", "2.5"), ("全县合计", "30", "24.6")),
    )  # fmt: skip
    got = read(tab, ROADS, "东坪县", date(2024, 10, 8))
    assert [c[:3] for c in got] == [("pledge", "new", "300 千米"), ("achieved", "new", "246 千米")]


def test_a_parts_group_gives_no_total() -> None:
    tab = Table(
        caption="全市加装电梯完成情况", unit=None,
        header=("区", "年度任务（部）", "已加装（部）", "其中|老旧小区", "其中|单位宿舍", "完成率"),
        rows=(("北岸区", "120", "96", "70", "26", "80%"),
              ("全市", "500", "410", "300", "110", "82%")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert [c[3] for c in got] == ["年度任务（部）", "已加装（部）", "完成率"]
    assert rows_read(find_table_figures(tab, [LIFTS], published=None, title="临江市")) == {"全市"}


def test_explain_says_a_parts_column_is_a_part() -> None:
    tab = Table(
        caption="全市加装电梯完成情况", unit=None,
        header=("区", "年度任务（部）", "已加装（部）", "其中|老旧小区", "新建社区食堂（个）"),
        rows=(("全市", "500", "410", "300", "20"),),
    )  # fmt: skip
    seen: list[Seen] = []
    find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市", trace=seen)
    why = {s.surface: s.why for s in seen if s.figure is None}
    assert why["300"].endswith("is a part of the row's total, not the total")
    assert why["20"].endswith("counts another item than the target's")


# --- the unit of the whole table ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("各乡镇农村公路建设完成情况（万米）", "东坪县2024年农村公路建设情况"),
        ("各乡镇农村公路建设完成情况", "2024年农村公路建设任务完成情况（万米）"),
    ],
    ids=["caption", "title"],
)
def test_a_unit_in_brackets_after_the_caption_or_the_title(caption: str, title: str) -> None:
    tab = Table(
        caption=caption, unit=None, header=("乡镇", "年度任务", "已完成", "完成率"),
        rows=(("城关镇", "3", "2.5", "83.3%"), ("全县", "30", "24.6", "82%")),
    )  # fmt: skip
    got = read(tab, ROADS, "东坪县" + title, date(2024, 12, 28))
    assert [c[:3] for c in got] == [
        ("pledge", "new", "300 千米"),
        ("achieved", "new", "246 千米"),
        ("achieved", "share_of_pledge", "82 %"),
    ]


def test_a_bracket_that_is_no_unit_changes_nothing() -> None:
    tab = Table(
        caption="各乡镇农村公路建设完成情况（截至2024年11月30日）", unit=None,
        header=("乡镇", "年度任务（公里）", "已完成（公里）"),
        rows=(("城关镇", "30", "25"), ("全县", "300", "246")),
    )  # fmt: skip
    got = read(tab, ROADS, "东坪县", date(2024, 12, 5))
    assert [c[2] for c in got] == ["300 千米", "246 千米"]


# --- footnote marks -----------------------------------------------------------------------------


@pytest.mark.parametrize("total", ["全县合计①", "合计*", "全县（注）"])
def test_a_total_row_with_a_footnote_mark(total: str) -> None:
    tab = Table(
        caption="农村公路新改建进度", unit=None,
        header=("乡镇", "年度任务（公里）", "已完成（公里）"),
        rows=(("城关镇", "30", "31.5*"), ("南坪乡", "25", "—"), (total, "300", "246.0")),
    )  # fmt: skip
    got = find_table_figures(tab, [ROADS], published=date(2024, 12, 5), title="东坪县")
    assert [c[2] for c in cells(got)] == ["300 千米", "246 千米"]
    assert rows_read(got) == {total}


# --- a row that names a change ------------------------------------------------------------------

GROWTH = Target(
    "lj-gdp", "临江市2025年地区生产总值增长6%", ("地区生产总值", "GDP"), ("临江", "临江市", "全市"),
    unit="%", pledge=Pledge(Decimal(6), scope="rate"),
)  # fmt: skip
PLAN = Table(
    caption="主要指标", unit=None,
    header=("序号", "指标", "单位", "2024年预计", "2025年目标"),
    rows=(("1", "地区生产总值增长", "%", "5.6", "6左右"),
          ("2", "单位地区生产总值能耗下降", "%", "3.1", "3"),
          ("3", "地区生产总值", "亿元", "2860", "3030")),
)  # fmt: skip


def test_a_row_naming_a_change_gives_rates_and_a_modified_noun_gives_nothing() -> None:
    got = find_table_figures(PLAN, [GROWTH], published=date(2025, 1, 20), title="临江市")
    assert cells(got) == [
        ("achieved", "rate", "5.6 %", "2024年预计"),
        ("pledge", "rate", "6 %", "2025年目标"),
    ]
    assert rows_read(got) == {"地区生产总值增长"}  # not 能耗下降, not the amount in 亿元


def test_a_fall_in_the_row_label_keeps_its_direction() -> None:
    energy = Target(
        "lj-energy", "临江市单位地区生产总值能耗", ("单位地区生产总值能耗",), ("临江",), unit="%"
    )
    got = find_table_figures(PLAN, [energy], published=date(2025, 1, 20), title="临江市")
    assert [(f.scope, f.direction) for f in got] == [("rate", "down"), ("rate", "down")]


# --- rows that are months -----------------------------------------------------------------------


def test_month_rows_of_the_caption_s_measure_and_a_running_total_beside_the_month() -> None:
    tab = Table(
        caption="2025年临江市加装电梯分月进度", unit=None,
        header=("月份", "当月加装（部）", "累计加装（部）"),
        rows=(("7月", "42", "318"), ("8月", "38", "356")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert got == [
        ("achieved", "new", "42 部", "当月加装（部）"),
        ("achieved", "new", "318 部", "累计加装（部）"),
        ("achieved", "new", "38 部", "当月加装（部）"),
        ("achieved", "new", "356 部", "累计加装（部）"),
    ]


def test_month_rows_of_another_place_give_nothing() -> None:
    tab = Table(
        caption="北岸县加装电梯分月进度", unit=None,
        header=("月份", "当月加装（部）", "累计加装（部）"),
        rows=(("7月", "12", "88"), ("8月", "9", "97")),
    )  # fmt: skip
    assert read(tab, LIFTS, "北岸县2025年加装电梯进展") == []


def test_a_stock_column_with_no_month_beside_it_stays_a_stock() -> None:
    tab = Table(
        caption="临江市加装电梯情况", unit=None, header=("区", "累计加装（部）"),
        rows=(("北岸区", "880"), ("全市", "3100")),
    )  # fmt: skip
    assert read(tab, LIFTS, "临江市") == [("achieved", "cumulative", "3100 部", "累计加装（部）")]


# --- a table on its side, plain columns beside the target's ------------------------------------


def test_a_table_on_its_side_with_a_schedule_row() -> None:
    tab = Table(
        caption="临江市2025年民生实事进度", unit=None,
        header=("项目", "加装电梯（部）", "新增托位（个）"),
        rows=(("全年任务", "500", "900"), ("截至8月底", "356", "610"),
              ("完成比例", "71.2%", "67.8%"), ("时间进度", "66.7%", "66.7%")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert [c[:3] for c in got] == [
        ("pledge", "new", "500 部"),
        ("achieved", "new", "356 部"),
        ("achieved", "share_of_pledge", "71.2 %"),
    ]


def test_plain_columns_go_with_the_item_named_before_them() -> None:
    tab = Table(
        caption="民生实事进展", unit=None,
        header=("区", "年度任务（部）", "已加装电梯（部）", "完成率", "新建社区食堂（个）",
                "完成率"),
        rows=(("北岸区", "120", "96", "80%", "6", "60%"),
              ("全市", "500", "410", "82%", "20", "65%")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert [c[2] for c in got] == ["500 部", "410 部", "82 %"]


# --- a row of units under the header, a spaced total, a share of another's plan ---------------


def test_a_row_of_units_under_the_header_and_a_spaced_total_label() -> None:
    tab = Table(
        caption="各区加装电梯进度", unit=None,
        header=("序号", "区", "全年任务|部", "已完工|部", "完成率|%"),
        rows=(("1", "北岸区", "120", "96", "80.0"), ("合 计", "合 计", "500", "410", "82.0")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert got == [
        ("pledge", "new", "500 部", "全年任务|部"),
        ("achieved", "new", "410 部", "已完工|部"),
        ("achieved", "share_of_pledge", "82 %", "完成率|%"),
    ]


def test_a_row_of_units_gives_each_column_its_unit() -> None:
    tab = Table(
        caption="全县农村公路建设进度", unit=None,
        header=("乡镇", "年度任务|万米", "已完成|万米", "完成率|%"),
        rows=(("城关镇", "3", "2.5", "83.3"), ("全县", "30", "24.6", "82.0")),
    )  # fmt: skip
    got = read(tab, ROADS, "东坪县", date(2024, 10, 8))
    assert [c[2] for c in got] == ["300 千米", "246 千米", "82 %"]


@pytest.mark.parametrize("head", ["完成省任务%", "完成市定目标（%）", "达到省下达计划%"])
def test_a_per_cent_of_one_of_two_plans_is_a_share(head: str) -> None:
    assert role_of(head, date(2024, 11, 15)) == "share"


# --- where the page names no place --------------------------------------------------------------

QUIET = Table(
    caption="重点民生实事进展（截至6月底）", unit=None,
    header=("序号", "项目", "单位", "年度目标", "截至6月底完成", "完成情况"),
    rows=(("1", "既有住宅加装电梯", "部", "500", "310", "序时推进"),
          ("2", "新增托位", "个", "900", "420", "滞后")),
)  # fmt: skip


def test_a_page_naming_no_place_is_the_watched_region_s() -> None:
    got = find_table_figures(QUIET, [LIFTS], published=date(2025, 7, 9), title="上半年进展情况")
    assert [c[2] for c in cells(got)] == ["500 部", "310 部"]


def test_a_source_s_region_or_a_place_in_the_lead_says_otherwise() -> None:
    day = date(2025, 7, 9)
    national = find_table_figures(QUIET, [LIFTS], published=day, title="进展", region=("全国",))
    assert national == []
    lead = "北岸县上半年民生实事进展顺利。"
    assert find_table_figures(QUIET, [LIFTS], published=day, title="进展", lead=lead) == []


def test_a_column_of_another_thing_added_in_a_table_the_caption_names() -> None:
    tab = Table(
        caption="临江市既有住宅加装电梯进度", unit=None,
        header=("区", "年度任务（部）", "已完工（部）", "新增无障碍坡道（部）"),
        rows=(("北岸区", "120", "96", "30"), ("全市", "500", "410", "140")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert [c[3] for c in got] == ["年度任务（部）", "已完工（部）"]


# --- 合计 in the 序号 column, a planned growth, a part that is the target's own ------------------


def test_a_total_written_in_the_index_column() -> None:
    tab = Table(
        caption="各区加装电梯进度", unit=None,
        header=("序号", "区", "年度任务（部）", "已完工（部）"),
        rows=(("1", "北岸区", "120", "96"), ("2", "南湖区", "380", "314"),
              ("总计", "", "500", "410")),
    )  # fmt: skip
    got = find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市")
    assert [c[2] for c in cells(got)] == ["500 部", "410 部"]
    assert rows_read(got) == {"总计"}


RETAIL = Target(
    "lj-retail", "临江市社会消费品零售总额", ("社会消费品零售总额",), ("临江",), unit="元"
)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (("指标", "2024年实际", "2025年预期", "增长（%）"), "pledge"),  # the plan's growth
        (("指标", "全年目标", "1-9月完成", "同比增长（%）"), "achieved"),  # the result's
    ],
    ids=["after-the-plan", "after-the-result"],
)
def test_a_rate_goes_with_the_count_left_of_it(header: tuple[str, ...], kind: str) -> None:
    tab = Table(
        caption="临江市主要指标（亿元）", unit=None, header=header,
        rows=(("社会消费品零售总额", "1200", "1270", "5.8"),),
    )  # fmt: skip
    got = find_table_figures(tab, [RETAIL], published=date(2025, 2, 1), title="")
    assert cells(got)[-1] == (kind, "rate", "5.8 %", header[-1])


EV = Target("lj-ev", "临江市新能源汽车产量", ("新能源汽车",), ("临江",), unit="辆")


@pytest.mark.parametrize(
    ("label", "read_it"),
    [("其中：新能源汽车", True), ("其中：纯电动新能源汽车", False)],
)
def test_a_part_below_a_broader_row_is_the_target_s_own(label: str, read_it: bool) -> None:
    tab = Table(
        caption="临江市工业产品产量", unit=None, header=("产品", "单位", "本月", "本年累计"),
        rows=(("汽车", "万辆", "3.2", "30.5"), (label, "万辆", "1.1", "9.8")),
    )  # fmt: skip
    got = find_table_figures(tab, [EV], published=date(2024, 12, 10), title="")
    assert bool(got) is read_it


# --- halves side by side, rows in pairs of plan and result ---------------------------------------


def test_a_table_printed_as_halves_side_by_side() -> None:
    tab = Table(
        caption="各区加装电梯进度", unit=None,
        header=("区", "年度任务（部）", "已完工（部）", "区", "年度任务（部）", "已完工（部）"),
        rows=(("北岸区", "120", "96", "南湖区", "180", "150"),
              ("东坪区", "200", "164", "全市合计", "500", "410")),
    )  # fmt: skip
    got = find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市")
    assert [c[2] for c in cells(got)] == ["500 部", "410 部"]
    assert rows_read(got) == {"全市合计"}


def test_rows_in_pairs_of_plan_and_result_under_each_place() -> None:
    tab = Table(
        caption="城市更新任务进度", unit=None,
        header=("区", "类别", "加装电梯（部）", "新增托位（个）"),
        rows=(("全市", "全年任务", "500", "900"), ("全市", "截至8月底完成", "356", "610"),
              ("北岸区", "全年任务", "120", "200"), ("北岸区", "截至8月底完成", "96", "150")),
    )  # fmt: skip
    got = read(tab, LIFTS, "临江市")
    assert got == [
        ("pledge", "new", "500 部", "全年任务|加装电梯（部）"),
        ("achieved", "new", "356 部", "截至8月底完成|加装电梯（部）"),
    ]


def test_a_kind_column_that_is_no_pair_of_plan_and_result_stays_as_it_is() -> None:
    tab = Table(
        caption="加装电梯进度", unit=None,
        header=("区", "类别", "年度任务（部）", "已完工（部）"),
        rows=(("全市", "住宅", "500", "410"), ("全市", "公共建筑", "60", "41")),
    )  # fmt: skip
    assert [c[3] for c in read(tab, LIFTS, "临江市")] == []  # two kinds, no whole row: dropped


# --- subtotals, a unit in the header's corner -----------------------------------------------------


def test_group_subtotals_are_parts_and_the_total_is_the_whole() -> None:
    tab = Table(
        caption="加装电梯分片区进度", unit=None,
        header=("片区", "区", "年度任务（部）", "已完工（部）"),
        rows=(("城区", "北岸区", "120", "96"), ("城区", "小计", "300", "251"),
              ("郊区", "东坪区", "90", "70"), ("郊区", "小计", "200", "159"),
              ("全市总计", "全市总计", "500", "410")),
    )  # fmt: skip
    got = find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市")
    assert rows_read(got) == {"全市总计"}


def test_two_subtotals_and_no_total_give_nothing() -> None:
    tab = Table(
        caption="加装电梯分片区进度", unit=None, header=("片区", "区", "已完工（部）"),
        rows=(("城区", "北岸区", "96"), ("城区", "小计", "251"), ("郊区", "小计", "159")),
    )  # fmt: skip
    assert find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市") == []


@pytest.mark.parametrize("corner", ["单位：万米", "单位:万米", "（单位：万米）"])
def test_a_unit_in_the_header_s_corner_cell(corner: str) -> None:
    tab = Table(
        caption="农村公路建设进度", unit=None, header=(corner, "年度任务", "已完成"),
        rows=(("城关镇", "3", "2.5"), ("全县", "30", "24.6")),
    )  # fmt: skip
    got = read(tab, ROADS, "东坪县", date(2024, 10, 8))
    assert [c[2] for c in got] == ["300 千米", "246 千米"]


def test_rows_of_years_each_with_its_own_period() -> None:
    tab = Table(
        caption="2022年以来临江市加装电梯情况", unit=None,
        header=("年份", "当年加装（部）", "累计加装（部）"),
        rows=(("2022年", "310", "1290"), ("2023年", "420", "1710"), ("2024年1-8月", "356", "2066")),
    )  # fmt: skip
    got = find_table_figures(tab, [LIFTS], published=date(2024, 9, 2), title="临江市")
    assert [(f.period, f.scope, f"{f.value:f}") for f in got] == [
        ("2022", "new", "310"),
        ("2022", "cumulative", "1290"),
        ("2023", "new", "420"),
        ("2023", "cumulative", "1710"),
        ("2024", "new", "356"),
        ("2024", "cumulative", "2066"),
    ]


# --- qualified cells, dashes, this year alone beside the months so far ---------------------------


def test_this_year_alone_beside_the_months_so_far_is_the_plan() -> None:
    """…and cells with a qualifier (约96, 超410) or a dash are still a column of numbers."""
    tab = Table(
        caption="各区加装电梯情况（部）", unit=None, header=("区", "2025年", "1-8月", "完成率"),
        rows=(("北岸区", "120", "约96", "80%"), ("南湖区", "180", "—", "—"),
              ("东坪区", "200", "/", "/"), ("全市", "500", "超410", "82%")),
    )  # fmt: skip
    got = find_table_figures(tab, [LIFTS], published=date(2025, 9, 2), title="临江市")
    assert [(f.kind, f"{f.value:f}", f.qualifier) for f in got] == [
        ("pledge", "500", "exact"),
        ("achieved", "410", "at_least"),
        ("achieved", "82", "exact"),
    ]


# --- one column of values, the item named by the caption -----------------------------------------

KEY_VALUE = (("全年任务（部）", "500"), ("截至8月底完成（部）", "356"), ("完成比例", "71.2%"),
             ("其中：老旧小区（部）", "240"))  # fmt: skip


def test_one_column_of_values_under_a_caption_naming_the_target() -> None:
    tab = Table(caption="临江市加装电梯进展", unit=None, header=("项目", "数量"), rows=KEY_VALUE)
    got = read(tab, LIFTS, "")
    assert [c[:3] for c in got] == [
        ("pledge", "new", "500 部"),
        ("achieved", "new", "356 部"),
        ("achieved", "share_of_pledge", "71.2 %"),
    ]


def test_one_column_of_values_for_another_place_gives_nothing() -> None:
    tab = Table(caption="苏州市加装电梯进展", unit=None, header=("项目", "数量"), rows=KEY_VALUE)
    assert read(tab, LIFTS, "工作动态") == []
