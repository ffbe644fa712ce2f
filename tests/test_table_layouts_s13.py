"""figures.tables on the kinds tables_e (session 13, written blind) showed, in tables of our own
(places, figures and wording invented): another district's table whose 全区 is that district, a
statistics bulletin's 本期 (报告期) column, and a 其中 column that is one month's part of the
year's running total."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.figures.table_columns import role_of
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.tables import read_table
from tests.table_cells import cells, read, rows_read

DAY = date(2025, 9, 18)

# --- another district's table: its 全区 row is that district ------------------------------------

SHILIN = ("石林区", "石林", "全区")
SHILIN_LIFTS = Target(
    "sl-lifts", "石林区2025年加装电梯60部", ("加装电梯",), SHILIN, unit="部",
    pledge=Pledge(Decimal(60)),
)  # fmt: skip
LIFTS_BY_STREET = Table(
    caption="各街道加装电梯进度", unit=None,
    header=("街道", "年度任务（部）", "已完工（部）"),
    rows=(("全区", "48", "31"), ("桥东街道", "12", "9"), ("河西街道", "15", "10")),
)  # fmt: skip


def test_a_table_of_another_districts_streets_gives_its_whole_to_no_other_district() -> None:
    assert read(LIFTS_BY_STREET, SHILIN_LIFTS, "青柳区2025年既有住宅加装电梯进展", DAY) == []
    assert read(LIFTS_BY_STREET, SHILIN_LIFTS, "青柳区今年加装电梯完工过半", DAY) == []


def test_the_districts_own_table_still_gives_its_whole() -> None:
    assert read(LIFTS_BY_STREET, SHILIN_LIFTS, "石林区2025年既有住宅加装电梯进展", DAY) == [
        ("pledge", "new", "48 部", "年度任务（部）"),
        ("achieved", "new", "31 部", "已完工（部）"),
    ]
    assert read(LIFTS_BY_STREET, SHILIN_LIFTS, "2025年既有住宅加装电梯进展", DAY) == [
        ("pledge", "new", "48 部", "年度任务（部）"),
        ("achieved", "new", "31 部", "已完工（部）"),
    ]


SHILIN_BEDS = Target(
    "sl-beds", "石林区2025年新增养老床位300张", ("养老床位",), SHILIN, unit="张",
    pledge=Pledge(Decimal(300)),
)  # fmt: skip


def test_another_districts_caption_over_its_whole_gives_nothing() -> None:
    table = Table(
        caption="北岭县2025年养老床位建设情况", unit="张",
        header=("乡镇", "计划新增", "已新增", "完成率"),
        rows=(("南坪镇", "40", "22", "55%"), ("全区", "260", "171", "65.8%")),
    )  # fmt: skip
    assert read(table, SHILIN_BEDS, "养老服务设施建设进度", DAY) == []


YX = ("云溪", "云溪市", "全市")


# --- a statistics bulletin's 本期 (报告期) column ------------------------------------------------

YX_CHARGERS = Target(
    "yx-chargers", "云溪市2025年新建充电桩8000个", ("充电桩",), YX, unit="个",
    pledge=Pledge(Decimal(8000)),
)  # fmt: skip


def test_the_bulletins_current_period_column_is_the_result() -> None:
    table = Table(
        caption="1-8月充电设施主要指标", unit=None,
        header=("指标名称", "计量单位", "本期", "同比增长（%）"),
        rows=(("新建充电桩", "个", "5,216", "21.4"), ("新建换电站", "座", "9", "—")),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施建设统计", DAY) == [
        ("achieved", "new", "5216 个", "本期"),
        ("achieved", "rate", "21.4 %", "同比增长（%）"),
    ]


def test_the_report_periods_column_beside_last_years_is_the_result() -> None:
    table = Table(
        caption="新能源汽车充电设施统计（1-8月）", unit=None,
        header=("指标", "单位", "报告期", "上年同期", "增长（%）"),
        rows=(("新建充电桩", "个", "5216", "4297", "21.4"),),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施建设统计", DAY) == [
        ("achieved", "new", "5216 个", "报告期"),
        ("achieved", "rate", "21.4 %", "增长（%）"),
    ]


# --- a 其中 column of one month's part of the running total -------------------------------------

YX_CANTEENS = Target(
    "yx-canteens", "云溪市2025年新建社区食堂120个", ("社区食堂",), YX, unit="个",
    pledge=Pledge(Decimal(120)),
)  # fmt: skip


def test_a_months_part_of_the_running_total_is_that_months_work() -> None:
    table = Table(
        caption="社区食堂建设进度", unit=None,
        header=("区县", "年度计划（个）", "截至8月底累计建成（个）", "其中：8月建成（个）"),
        rows=(("合计", "120", "87", "11"), ("东城区", "30", "24", "3")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert cells(found) == [
        ("pledge", "new", "120 个", "年度计划（个）"),
        ("achieved", "new", "87 个", "截至8月底累计建成（个）"),
        ("achieved", "new", "11 个", "其中：8月建成（个）"),
    ]
    assert [f.period for f in found] == ["2025", "2025", "2025M08"]


def test_a_months_part_written_with_its_work_first_is_that_months_work() -> None:
    table = Table(
        caption="2025年社区食堂建设情况", unit="个",
        header=("地区", "全年任务", "累计完成", "其中：本年8月新增"),
        rows=(("全市", "120", "87", "11"),),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert [(f.scope, str(f.value), f.period) for f in found] == [
        ("new", "120", "2025"),
        ("new", "87", "2025"),
        ("new", "11", "2025M08"),
    ]


def test_a_part_of_another_kind_under_其中_still_gives_nothing() -> None:
    table = Table(
        caption="社区食堂建设进度", unit=None,
        header=("区县", "年度计划（个）", "已建成（个）", "其中：老年助餐食堂（个）"),
        rows=(("合计", "120", "87", "40"),),
    )  # fmt: skip
    assert read(table, YX_CANTEENS, "云溪市社区食堂建设", DAY) == [
        ("pledge", "new", "120 个", "年度计划（个）"),
        ("achieved", "new", "87 个", "已建成（个）"),
    ]


# --- a result and its plan written as a fraction in one cell (完成数/任务数: 42/60) -------------

YX_STATIONS = Target(
    "yx-stations", "云溪市2025年建设社区养老服务站60个", ("养老服务站",), YX, unit="个",
    pledge=Pledge(Decimal(60)),
)  # fmt: skip


def test_a_fraction_cell_under_done_over_task_gives_the_result_and_the_plan() -> None:
    table = Table(
        caption="社区养老服务站建设进度（截至7月底）", unit=None,
        header=("区县", "完成数/任务数（个）", "完成率"),
        rows=(("东城区", "9/12", "75.0%"), ("全市", "42/60", "70.0%")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站建设进度", DAY) == [
        ("achieved", "new", "42 个", "完成数/任务数（个）"),
        ("pledge", "new", "60 个", "完成数/任务数（个）"),
        ("achieved", "share_of_pledge", "70 %", "完成率"),
    ]


def test_a_fraction_cell_with_the_plan_first_gives_each_its_role() -> None:
    table = Table(
        caption="2025年社区养老服务站建设情况", unit="个",
        header=("地区", "年度计划／已建成"),
        rows=(("全市", "60／42"), ("西城区", "10／8")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站建设进度", DAY) == [
        ("pledge", "new", "60 个", "年度计划／已建成"),
        ("achieved", "new", "42 个", "年度计划／已建成"),
    ]


def test_a_fraction_under_a_share_is_the_share_in_per_cent() -> None:
    table = Table(
        caption="社区养老服务站建设进度", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）", "建成率"),
        rows=(("全市", "60", "42", "42/60"),),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY) == [
        ("pledge", "new", "60 个", "年度任务（个）"),
        ("achieved", "new", "42 个", "已建成（个）"),
        ("achieved", "share_of_pledge", "70 %", "建成率"),
    ]


# --- a result cell with its part in brackets (１００（含改建４９）) ---------------------------


def test_a_result_with_its_part_in_brackets_is_the_result() -> None:
    table = Table(
        caption="社区养老服务站建设进度表", unit=None,
        header=("区", "年度任务（个）", "已完成（个）", "完成率"),
        rows=(
            ("合计", "６０", "４２（含改建１５）", "７０．０％"),
            ("东城区", "１２", "９（含改建３）", "75%"),
        ),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站建设进度", DAY) == [
        ("pledge", "new", "60 个", "年度任务（个）"),
        ("achieved", "new", "42 个", "已完成（个）"),
        ("achieved", "share_of_pledge", "70 %", "完成率"),
    ]


def test_a_result_with_a_part_of_it_in_brackets_written_with_its_unit() -> None:
    table = Table(
        caption="2025年社区养老服务站建设情况", unit=None,
        header=("地区", "年度目标", "1-8月完成"),
        rows=(("全市", "60个", "47个(其中新建30个)"),),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站建设进度", DAY) == [
        ("pledge", "new", "60 个", "年度目标"),
        ("achieved", "new", "47 个", "1-8月完成"),
    ]


# --- a rate written in words in its cell (增长24.1%, 下降7.7%) -----------------------------------


def test_a_rate_in_words_under_its_header_is_the_rate_and_a_fall_keeps_its_direction() -> None:
    table = Table(
        caption="充电设施主要指标（1-8月）", unit=None,
        header=("指标", "本年累计", "同比"),
        rows=(
            ("新建充电桩（个）", "5,216", "增长21.4%"),
            ("新建换电站（座）", "9", "下降10.0%"),
        ),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施建设", DAY) == [
        ("achieved", "new", "5216 个", "本年累计"),
        ("achieved", "rate", "21.4 %", "同比"),
    ]
    falls = Table(
        caption="充电设施主要指标（1-8月）", unit=None,
        header=("指标", "1-8月", "比上年同期"),
        rows=(("新建充电桩（个）", "3,120", "下降6.5%"),),
    )  # fmt: skip
    found = find_table_figures(falls, [YX_CHARGERS], published=DAY, title="云溪市充电设施建设")
    assert [(f.scope, str(f.value), f.direction) for f in found] == [
        ("new", "3120", None),
        ("rate", "6.5", "down"),
    ]


# --- things across, a column each, whose work the caption names ---------------------------------


def test_the_targets_thing_across_takes_the_work_the_caption_names() -> None:
    table = Table(
        caption="1-8月新建充电基础设施统计", unit=None,
        header=("区县", "充电桩（个）", "充电站（座）", "换电站（座）"),
        rows=(("东城区", "820", "21", "2"), ("全市", "5216", "133", "9")),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施建设", DAY) == [
        ("achieved", "new", "5216 个", "充电桩（个）"),
    ]


def test_things_across_under_a_plan_caption_are_the_plan() -> None:
    table = Table(
        caption="2025年充电基础设施建设任务分解", unit=None,
        header=("区县", "充电站（座）", "充电桩（个）"),
        rows=(("东城区", "20", "1200"), ("全市", "130", "8000")),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施建设", DAY) == [
        ("pledge", "new", "8000 个", "充电桩（个）"),
    ]


def test_things_across_under_a_caption_naming_no_work_give_nothing() -> None:
    table = Table(
        caption="各区县充电基础设施分布", unit=None,
        header=("区县", "充电桩（个）", "充电站（座）"),
        rows=(("全市", "41200", "1030"),),
    )  # fmt: skip
    assert read(table, YX_CHARGERS, "云溪市充电设施", DAY) == []


# --- every cell a <th> (an editor that marks the whole table as header cells) ------------------


def _parsed(markup: str) -> Table:
    node = LexborHTMLParser(markup).css_first("table")
    assert node is not None
    table = read_table(node)
    assert table is not None
    return table


def test_a_table_of_header_cells_only_keeps_its_first_row_as_the_header() -> None:
    table = _parsed(
        "<table><tr><th>区县</th><th>年度任务（个）</th><th>已建成（个）</th></tr>"
        "<tr><th>东城区</th><th>12</th><th>9</th></tr>"
        "<tr><th>西城区</th><th>10</th><th>6</th></tr>"
        "<tr><th>全市</th><th>60</th><th>42</th></tr></table>"
    )
    assert table.header == ("区县", "年度任务（个）", "已建成（个）")
    assert table.rows[0] == ("东城区", "12", "9")


def test_header_cells_only_with_a_group_row_above_keep_both_header_rows() -> None:
    table = _parsed(
        '<table><tr><th rowspan="2">区县</th><th colspan="2">养老服务站（个）</th></tr>'
        "<tr><th>年度任务</th><th>已建成</th></tr>"
        "<tr><th>东城区</th><th>12</th><th>9</th></tr>"
        "<tr><th>全市</th><th>60</th><th>42</th></tr></table>"
    )
    assert table.header == ("区县", "养老服务站（个）|年度任务", "养老服务站（个）|已建成")
    assert len(table.rows) == 2


def test_bare_years_in_a_second_header_row_of_header_cells_stay_the_header() -> None:
    table = _parsed(
        '<table><tr><th rowspan="2">指标</th><th colspan="2">完成情况</th></tr>'
        "<tr><th>2023</th><th>2024</th></tr>"
        "<tr><td>新建养老服务站（个）</td><td>41</td><td>55</td></tr>"
        "<tr><td>新增养老床位（张）</td><td>800</td><td>950</td></tr></table>"
    )
    assert table.header == ("指标", "完成情况|2023", "完成情况|2024")


# --- the plan and the result as rows, the periods across -----------------------------------------


def test_plan_and_result_rows_with_quarters_across_are_read_a_quarter_a_row() -> None:
    table = Table(
        caption="社区养老服务站建设数（个）", unit=None,
        header=("项目", "一季度", "二季度", "上半年合计"),
        rows=(("计划", "15", "20", "35"), ("完成", "12", "24", "36")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_STATIONS], published=DAY, title="云溪市养老服务站")
    assert cells(found) == [
        ("pledge", "new", "15 个", "计划"),
        ("achieved", "new", "12 个", "完成"),
        ("pledge", "new", "20 个", "计划"),
        ("achieved", "new", "24 个", "完成"),
        ("pledge", "new", "35 个", "计划"),
        ("achieved", "new", "36 个", "完成"),
    ]
    assert rows_read(found) == {"一季度", "二季度", "上半年合计"}


def test_target_and_done_rows_with_months_across_are_read_a_month_a_row() -> None:
    table = Table(
        caption="2025年养老服务站建设进度", unit="个",
        header=("", "1-3月", "1-6月", "1-9月"),
        rows=(("目标任务", "15", "35", "50"), ("实际完成", "12", "36", "47")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_STATIONS], published=DAY, title="云溪市养老服务站")
    assert [(f.kind, str(f.value)) for f in found] == [
        ("pledge", "15"), ("achieved", "12"), ("pledge", "35"),
        ("achieved", "36"), ("pledge", "50"), ("achieved", "47"),
    ]  # fmt: skip


def test_plan_and_result_rows_with_kinds_across_are_not_turned_into_periods() -> None:
    table = Table(
        caption="社区养老服务站建设情况", unit="个",
        header=("项目", "一类站", "二类站"),
        rows=(("计划", "15", "20"), ("完成", "12", "24")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY) == []


# --- the result and its share in one cell (6,570（82.1%）) ---------------------------------------


def test_a_result_with_its_share_in_brackets_under_a_header_naming_both() -> None:
    table = Table(
        caption="社区养老服务站建设情况（截至8月底）", unit=None,
        header=("区县", "年度任务（个）", "已建成（完成率）"),
        rows=(("东城区", "12", "9（75.0%）"), ("全市", "60", "42（70.0%）")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY) == [
        ("pledge", "new", "60 个", "年度任务（个）"),
        ("achieved", "new", "42 个", "已建成（完成率）"),
        ("achieved", "share_of_pledge", "70 %", "已建成（完成率）"),
    ]


def test_a_result_with_a_per_cent_in_brackets_under_a_header_naming_none_is_the_result() -> None:
    table = Table(
        caption="社区养老服务站建设情况（截至8月底）", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）"),
        rows=(("全市", "60", "42（70%）"),),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY) == [
        ("pledge", "new", "60 个", "年度任务（个）"),
        ("achieved", "new", "42 个", "已建成（个）"),
    ]


# --- a share written as a ratio (0.75) -----------------------------------------------------------


def test_a_share_column_of_ratios_is_read_in_per_cent() -> None:
    table = Table(
        caption="社区养老服务站建设情况", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）", "完成率"),
        rows=(("东城区", "12", "9", "0.75"), ("全市", "60", "42", "0.70")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY)[-1] == (
        "achieved", "share_of_pledge", "70 %", "完成率",
    )  # fmt: skip


def test_a_share_column_in_per_cent_of_small_values_stays_per_cent() -> None:
    table = Table(
        caption="社区养老服务站建设情况", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）", "完成率（%）"),
        rows=(("东城区", "120", "1", "0.8"), ("全市", "600", "3", "0.5")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY)[-1] == (
        "achieved", "share_of_pledge", "0.5 %", "完成率（%）",
    )  # fmt: skip
    over = Table(
        caption="社区养老服务站建设情况", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）", "完成率"),
        rows=(("东城区", "12", "9", "75"), ("全市", "60", "42", "0.7")),
    )  # fmt: skip
    assert read(over, YX_STATIONS, "云溪市养老服务站", DAY)[-1][2] == "0.7 %"


# --- a share of a population or an area covered (覆盖农村人口比例) is no share of the pledge ------


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("规模化供水工程覆盖农村人口比例（%）", "none"),
        ("农村人口覆盖比例", "none"),
        ("集中供热普及比例（%）", "none"),
        ("完成比例", "share"),
        ("占年度任务比例（%）", "share"),
    ],
)
def test_a_share_of_people_covered_is_no_share_of_the_plan(head: str, role: str) -> None:
    assert role_of(head, DAY) == role


# --- the month's addition (较上月增加) beside the year's running total ----------------------------


def test_the_addition_since_last_month_is_the_months_own_work() -> None:
    table = Table(
        caption="2025年8月各区县充电桩建设情况（个）", unit=None,
        header=("区县", "年度目标", "今年累计建成", "较上月增加"),
        rows=(("东城区", "1500", "1010", "130"), ("全市", "8000", "5216", "640")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CHARGERS], published=DAY, title="云溪市充电桩月报")
    assert [(f.kind, f.scope, str(f.value), f.period) for f in found] == [
        ("pledge", "new", "8000", "2025"),
        ("achieved", "new", "5216", "2025"),
        ("achieved", "new", "640", "2025M08"),
    ]


def test_the_addition_since_last_month_with_no_month_named_is_left_out() -> None:
    table = Table(
        caption="各区县充电桩建设情况（个）", unit=None,
        header=("区县", "年度目标", "今年累计建成", "比上月增加"),
        rows=(("全市", "8000", "5216", "640"),),
    )  # fmt: skip
    assert [c[3] for c in read(table, YX_CHARGERS, "云溪市充电桩建设", DAY)] == [
        "年度目标",
        "今年累计建成",
    ]


# --- a share headed by % alone; a monitoring table's 当前值 ---------------------------------------


@pytest.mark.parametrize(
    ("head", "role"),
    [("%", "share"), ("（%）", "share"), ("当前值", "achieved"), ("目前完成值", "achieved")],
)
def test_a_per_cent_alone_is_the_share_and_the_current_value_a_result(head: str, role: str) -> None:
    assert role_of(head, DAY) == role


def test_a_share_headed_by_per_cent_alone_after_the_result() -> None:
    table = Table(
        caption="社区养老服务站建设情况（个）", unit=None,
        header=("区县", "年度任务", "已建成", "%"),
        rows=(("东城区", "12", "9", "75.0"), ("全市", "60", "42", "70.0")),
    )  # fmt: skip
    assert read(table, YX_STATIONS, "云溪市养老服务站", DAY)[-1] == (
        "achieved", "share_of_pledge", "70 %", "%",
    )  # fmt: skip


# --- totals over a window of years beside a five-year target --------------------------------------

YX_COMPOUNDS = Target(
    "yx-compounds", "云溪市“十四五”期间改造老旧小区500个", ("老旧小区",), YX, unit="个",
    pledge=Pledge(Decimal(500)),
)  # fmt: skip


def test_totals_over_a_window_beside_a_five_year_target_are_what_the_window_added() -> None:
    table = Table(
        caption="“十四五”老旧小区改造目标完成情况（个）", unit=None,
        header=("区县", "“十四五”目标", "2021-2024年累计完成", "2025年1-6月", "累计完成"),
        rows=(("全市", "500", "410", "52", "462"),),
    )  # fmt: skip
    found = find_table_figures(table, [YX_COMPOUNDS], published=DAY, title="云溪市老旧小区改造")
    assert [(f.kind, f.scope, str(f.value), f.period) for f in found] == [
        ("pledge", "new", "500", "2021-2025"),
        ("achieved", "new", "410", "2021-2024"),
        ("achieved", "new", "52", "2025"),
        ("achieved", "new", "462", "2021-2025"),
    ]


def test_a_total_since_a_year_beside_a_years_plan_is_what_the_span_added() -> None:
    table = Table(
        caption="老旧小区改造情况（个）", unit=None,
        header=("区县", "2025年计划", "2025年1-8月", "2022-2025年累计"),
        rows=(("全市", "120", "85", "388"),),
    )  # fmt: skip
    found = find_table_figures(table, [YX_COMPOUNDS], published=DAY, title="云溪市老旧小区改造")
    assert [(f.scope, str(f.value), f.period) for f in found][-1] == ("new", "388", "2022-2025")


# --- quarters down with the year's target as the last row -----------------------------------------


def test_quarters_down_with_the_years_target_as_a_row_are_read_a_quarter_a_row() -> None:
    table = Table(
        caption="社区食堂建设季度进展（个）", unit=None,
        header=("时间", "新建社区食堂", "累计建成"),
        rows=(("一季度", "12", "12"), ("二季度", "30", "42"), ("全年目标", "120", "—")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert [
        (r, c[0], c[1], c[2])
        for r, c in zip([f.sentence.split(" | ")[0] for f in found], cells(found), strict=True)
    ] == [
        ("一季度", "achieved", "new", "12 个"),
        ("一季度", "achieved", "new", "12 个"),
        ("二季度", "achieved", "new", "30 个"),
        ("二季度", "achieved", "new", "42 个"),
        ("全年目标", "pledge", "new", "120 个"),
    ]


def test_months_down_with_the_years_plan_as_the_first_row() -> None:
    table = Table(
        caption="2025年社区食堂建设进度（个）", unit=None,
        header=("月份", "当月新建", "累计新建"),
        rows=(("年度计划", "120", ""), ("7月", "9", "61"), ("8月", "11", "72")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert [(f.kind, str(f.value)) for f in found] == [
        ("pledge", "120"), ("achieved", "9"), ("achieved", "61"),
        ("achieved", "11"), ("achieved", "72"),
    ]  # fmt: skip


# --- the table's title written below it (表1 …) -----------------------------------------------


def test_a_tables_title_written_below_it_is_its_caption() -> None:
    page = LexborHTMLParser(
        "<div><p>三季度，全市城市管理各项重点工作有序推进。</p>"
        "<table><tr><th>区县</th><th>年度任务（座）</th><th>已完成（座）</th></tr>"
        "<tr><td>东城区</td><td>30</td><td>21</td></tr>"
        "<tr><td>全市</td><td>150</td><td>115</td></tr></table>"
        "<p>表1 2025年城市公厕新建改造进展情况（截至9月30日）</p>"
        "<p>下一步，各地要加快推进。</p></div>"
    ).css_first("table")
    assert page is not None
    table = read_table(page)
    assert table is not None
    assert table.caption == "表1 2025年城市公厕新建改造进展情况（截至9月30日）"
    no_title = LexborHTMLParser(
        "<div><table><tr><th>区县</th><th>年度任务（座）</th></tr>"
        "<tr><td>全市</td><td>150</td></tr><tr><td>东城区</td><td>30</td></tr></table>"
        "<p>表中数据截至9月30日。</p></div>"
    ).css_first("table")
    assert no_title is not None
    assert (read_table(no_title) or table).caption == ""


# --- an item merged down over its places: the whole's row, not each place's -----------------------


def test_an_item_merged_down_over_its_places_gives_the_wholes_row_only() -> None:
    table = Table(
        caption="民生实事分县区推进情况", unit=None,
        header=("事项", "地区", "年度目标", "已完成"),
        rows=(
            ("新建社区食堂（个）", "全市", "120", "87"),
            ("新建社区食堂（个）", "东城区", "30", "24"),
            ("新建社区食堂（个）", "北塘县", "20", "13"),
            ("新增养老床位（张）", "全市", "2000", "1460"),
        ),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市民生实事")
    assert [(f.sentence.split(" | ")[0], str(f.value)) for f in found] == [
        ("新建社区食堂（个） 全市", "120"),
        ("新建社区食堂（个） 全市", "87"),
    ]


# --- a table's stage named by its caption alone ---------------------------------------------------

YX_HOMES_DONE = Target(
    "yx-homes-done", "云溪市2025年安置房基本建成3000套", ("安置房",), YX, unit="套",
    pledge=Pledge(Decimal(3000)),
)  # fmt: skip


def test_a_tables_stage_named_by_its_caption_alone_is_its_columns_stage() -> None:
    starts = Table(
        caption="表1 安置房新开工情况（套）", unit=None,
        header=("区县", "年度任务", "已完成"),
        rows=(("全市", "3500", "3100"),),
    )  # fmt: skip
    done = Table(
        caption="表2 安置房基本建成情况（套）", unit=None,
        header=("区县", "年度任务", "已完成"),
        rows=(("全市", "3000", "1900"),),
    )  # fmt: skip
    assert read(starts, YX_HOMES_DONE, "云溪市安置房建设进展", DAY) == []
    found = find_table_figures(done, [YX_HOMES_DONE], published=DAY, title="云溪市安置房建设进展")
    assert [(f.kind, str(f.value), f.measure) for f in found] == [
        ("pledge", "3000", "基本建成"),
        ("achieved", "1900", "基本建成"),
    ]


# --- roles down, with kinds (and their total) or stages across ------------------------------------


def test_roles_down_with_kinds_across_and_their_total_are_turned() -> None:
    table = Table(
        caption="社区食堂建设完成情况（个）", unit=None,
        header=("项目", "新建", "改建", "合计"),
        rows=(("年度任务", "70", "50", "120"), ("已完成", "51", "36", "87")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂")
    assert [(f.sentence.split(" | ")[0], f.kind, str(f.value)) for f in found] == [
        ("合计", "pledge", "120"),
        ("合计", "achieved", "87"),
    ]


def test_roles_down_with_the_stages_across_are_turned() -> None:
    table = Table(
        caption="安置房建设进展（套）", unit=None,
        header=("项目", "新开工", "基本建成", "分配入住"),
        rows=(("年度任务", "3500", "3000", "2000"), ("已完成", "3100", "1900", "900")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_HOMES_DONE], published=DAY, title="云溪市安置房")
    assert [(f.sentence.split(" | ")[0], f.kind, str(f.value)) for f in found] == [
        ("基本建成", "pledge", "3000"),
        ("基本建成", "achieved", "1900"),
    ]


# --- results down with no plan among them, months across ---------------------------------------


def test_a_months_and_the_running_total_down_with_months_across_are_turned() -> None:
    table = Table(
        caption="2025年7-8月全市新建社区食堂情况（个）", unit=None,
        header=("项目", "7月", "8月"),
        rows=(("当月新建", "9", "11"), ("累计新建", "61", "72")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert [(f.sentence.split(" | ")[0], f.scope, str(f.value), f.period) for f in found] == [
        ("7月", "new", "9", "2025M07"),
        ("7月", "new", "61", "2025"),
        ("8月", "new", "11", "2025M08"),
        ("8月", "new", "72", "2025"),
    ]


# --- 进度 in a count's unit is the count; months written in words --------------------------------


def test_progress_headed_in_a_count_is_the_count_and_in_per_cent_the_share() -> None:
    assert role_of("进度（个）", DAY) == "achieved"
    assert role_of("进度（%）", DAY) == "share"
    assert role_of("完成进度", DAY) == "share"


def test_months_in_words_down_are_read_a_month_a_row() -> None:
    table = Table(
        caption="社区食堂建设月度进展（个）", unit=None,
        header=("月份", "当月新建", "累计建成"),
        rows=(("七月份", "9", "61"), ("八月份", "11", "72")),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市社区食堂建设")
    assert [(f.scope, str(f.value), f.period) for f in found] == [
        ("new", "9", "2025M07"),
        ("new", "61", "2025"),
        ("new", "11", "2025M08"),
        ("new", "72", "2025"),
    ]


# --- things down, places across (the whole among them), the role in the caption ---------------


def test_things_down_and_places_across_under_a_caption_of_work_done() -> None:
    table = Table(
        caption="截至8月底已完成情况", unit=None,
        header=("项目", "全市", "东城区", "北塘县"),
        rows=(
            ("新建社区食堂（个）", "87", "24", "13"),
            ("新增养老床位（张）", "1460", "300", "210"),
        ),
    )  # fmt: skip
    found = find_table_figures(table, [YX_CANTEENS], published=DAY, title="云溪市民生实事进展")
    assert [(f.sentence.split(" | ")[0], f.kind, str(f.value)) for f in found] == [
        ("全市", "achieved", "87"),
    ]


def test_things_down_and_places_across_with_no_whole_among_them_stay() -> None:
    table = Table(
        caption="截至8月底已完成情况", unit=None,
        header=("项目", "东城区", "北塘县"),
        rows=(("新建社区食堂（个）", "24", "13"),),
    )  # fmt: skip
    assert read(table, YX_CANTEENS, "云溪市民生实事进展", DAY) == []
