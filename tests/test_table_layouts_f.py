"""figures.tables on the kinds corpora K, L and M showed (session 9), each in a table of our own
(places, figures and wording invented): a part in a header's lower row (…|其中已挂牌运营), a
budget's share written 为预算% or 完成年初预算（%）, row names opening with a number under a
header of names (220千伏输电线路), a per-cent target's level, rows of one keyword told apart by
the target's title (农村/城镇危房改造), a stock target's result under a period alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.table_columns import role_of
from monitor.models import Pledge, Table, Target
from tests.table_cells import read, rows_read

YX = ("云溪", "云溪市", "全市")
DAY = date(2025, 7, 20)


# --- a part in the header's lower row -----------------------------------------------------------

STATIONS = Target(
    "yx-stations", "云溪市2025年建设示范型养老服务站30个", ("养老服务站",), YX, unit="个",
    pledge=Pledge(Decimal(30)),
)  # fmt: skip


def test_a_part_under_its_group_in_the_lower_header_row_gives_nothing() -> None:
    table = Table(
        caption="各区县养老服务站建设情况（截至6月底）", unit=None,
        header=("区县", "示范型养老服务站（个）|年度任务", "示范型养老服务站（个）|已建成",
                "示范型养老服务站（个）|其中已挂牌运营"),
        rows=(("全市", "30", "17", "9"), ("北塘区", "6", "4", "2")),
    )  # fmt: skip
    assert read(table, STATIONS, day=DAY) == [
        ("pledge", "new", "30 个", "示范型养老服务站（个）|年度任务"),
        ("achieved", "new", "17 个", "示范型养老服务站（个）|已建成"),
    ]  # 9 opened so far are some of the 17 built, no count of their own


# --- a budget's columns ------------------------------------------------------------------------

SCIENCE = Target(
    "yx-science", "云溪市2024年科学技术支出18亿元", ("科学技术支出", "科技支出"), YX, unit="元",
    pledge=Pledge(Decimal(1_800_000_000)),
)  # fmt: skip


def test_a_final_account_beside_its_budget_and_its_share_written_as_per_cent_of_it() -> None:
    table = Table(
        caption="2024年市本级一般公共预算支出决算情况表", unit="万元",
        header=("科目", "预算数", "决算数", "为预算%", "比上年增长%"),
        rows=(
            ("教育支出", "412000", "405300", "98.4", "2.2"),
            ("科学技术支出", "180000", "186500", "103.6", "7.9"),
            ("其中：基础研究", "21000", "22400", "106.7", "12.3"),
        ),
    )  # fmt: skip
    assert read(table, SCIENCE, "云溪市2024年财政决算公开", date(2025, 8, 2)) == [
        ("pledge", "new", "1800000000 元", "预算数"),
        ("achieved", "new", "1865000000 元", "决算数"),
        ("achieved", "share_of_pledge", "103.6 %", "为预算%"),
        ("achieved", "rate", "7.9 %", "比上年增长%"),
    ]


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("完成年初预算（%）", "share"),
        ("为调整预算的%", "share"),
        ("预算执行（%）", "share"),
        ("年度计划完成%", "share"),
        ("决算数", "achieved"),
        ("快报数（亿元）", "achieved"),
        ("调整预算数", "pledge"),
        ("为上年%", "none"),  # against last year: no share of a plan
    ],
)
def test_budget_header_words(head: str, role: str) -> None:
    assert role_of(head, DAY) == role


# --- names that open with a number ------------------------------------------------------------

LINES = Target(
    "yx-lines", "云溪市2025年新建输电线路600公里", ("输电线路",), YX, unit="公里",
    pledge=Pledge(Decimal(600)),
)  # fmt: skip


def test_a_header_of_names_keeps_names_that_open_with_a_voltage() -> None:
    table = Table(
        caption="2025年上半年输电线路建设进度表", unit=None,
        header=("线路名称", "年度计划（公里）", "1-6月完成（公里）", "完成率（%）"),
        rows=(
            ("500千伏线路", "120", "64", "53.3"),
            ("220千伏线路", "210", "98", "46.7"),
            ("110千伏及以下线路", "270", "141", "52.2"),
            ("合计", "600", "303", "50.5"),
        ),
    )  # fmt: skip
    got = read(table, LINES, "云溪市电网建设半年报", DAY)
    assert got == [
        ("pledge", "new", "600 千米", "年度计划（公里）"),
        ("achieved", "new", "303 千米", "1-6月完成（公里）"),
        ("achieved", "share_of_pledge", "50.5 %", "完成率（%）"),
    ]


# --- a per-cent target ---------------------------------------------------------------------------

GREEN = Target(
    "yx-green", "云溪市2025年城镇新建建筑中绿色建筑占比达到75%", ("绿色建筑占比",), YX, unit="%",
    pledge=Pledge(Decimal(75), scope="rate"),
)  # fmt: skip


def test_a_per_cent_targets_plan_and_level_are_rates() -> None:
    table = Table(
        caption="2025年1-6月住房城乡建设主要指标", unit=None,
        header=("指标", "单位", "年度目标", "1-6月完成"),
        rows=(
            ("城镇新建建筑中绿色建筑占比", "%", "75", "71.8"),
            ("装配式建筑面积", "万平方米", "160", "74"),
        ),
    )  # fmt: skip
    assert read(table, GREEN, "", DAY) == [
        ("pledge", "rate", "75 %", "年度目标"),
        ("achieved", "rate", "71.8 %", "1-6月完成"),
    ]


# --- rows of one keyword told apart by the target's title ------------------------------------

HOUSES = Target(
    "yx-houses", "云溪市2025年改造农村危房300户", ("农村危房改造", "危房改造"), YX, unit="户",
    pledge=Pledge(Decimal(300)),
)  # fmt: skip
PENSION = Target(
    "yx-pension", "云溪市2025年底企业职工基本养老保险参保人数达到96万人",
    ("企业职工基本养老保险", "职工养老保险"), YX, unit="人",
    pledge=Pledge(Decimal(960_000), scope="cumulative"),
)  # fmt: skip
RURAL_AND_TOWN = Table(
    caption="2025年1-6月民生工程进度", unit=None,
    header=("工程名称", "单位", "全年任务", "已完成", "完成进度"),
    rows=(
        ("农村危房改造", "户", "300", "182", "60.7%"),
        ("城镇危房改造", "户", "120", "95", "79.2%"),
    ),
)  # fmt: skip


def test_the_row_whose_words_the_target_title_says_of_two_of_one_keyword() -> None:
    got = find(RURAL_AND_TOWN, HOUSES)
    assert got == {"农村危房改造"}  # 城镇危房改造 counts homes in towns


def test_rows_of_one_keyword_stay_when_the_title_tells_none_apart() -> None:
    plain = Target("yx-any", "云溪市2025年危房改造400户", ("危房改造",), YX, unit="户")
    assert find(RURAL_AND_TOWN, plain) == {"农村危房改造", "城镇危房改造"}


def test_a_stock_targets_result_under_a_period_alone_is_its_level() -> None:
    table = Table(
        caption="2025年上半年社会保险主要指标", unit=None,
        header=("指标名称", "单位", "2025年目标", "1—6月", "同比增长（%）"),
        rows=(
            ("企业职工基本养老保险参保人数", "万人", "96", "93.4", "2.7"),
            ("企业职工基本养老保险离退休人数", "万人", "—", "28.1", "4.0"),
        ),
    )  # fmt: skip
    assert read(table, PENSION, "", DAY) == [
        ("pledge", "cumulative", "960000 人", "2025年目标"),
        ("achieved", "cumulative", "934000 人", "1—6月"),  # the insured at the end of June
        ("achieved", "rate", "2.7 %", "同比增长（%）"),
    ]  # the retirees' row (离退休人数) is other people than the insured


def test_a_stock_targets_additions_under_their_own_words_stay_the_periods() -> None:
    table = Table(
        caption="2025年上半年社会保险主要指标", unit=None,
        header=("指标名称", "单位", "1—6月"),
        rows=(("企业职工基本养老保险新增参保人数", "万人", "3.2"),),
    )  # fmt: skip
    assert read(table, PENSION, "", DAY) == [("achieved", "new", "32000 人", "1—6月")]


def find(table: Table, target: Target) -> set[str]:
    from monitor.figures.tables import find_table_figures

    return rows_read(find_table_figures(table, [target], published=DAY, title=""))


# --- tables_d's twelfth round, in other words again ---------------------------------------------

CABLES = Target(
    "yx-cables", "云溪市2025年新建配电线路900公里", ("配电线路",), YX, unit="公里",
    pledge=Pledge(Decimal(900)),
)  # fmt: skip


def test_the_first_column_of_words_is_the_rows_names_whatever_its_header() -> None:
    table = Table(
        caption="配电线路新建情况（截至6月底）", unit=None,
        header=("电压", "年度计划（公里）", "已建成（公里）", "建成率"),
        rows=(("35千伏", "240", "118", "49.2%"), ("10千伏", "660", "351", "53.2%"),
              ("合计", "900", "469", "52.1%")),
    )  # fmt: skip
    assert read(table, CABLES, "", DAY) == [
        ("pledge", "new", "900 千米", "年度计划（公里）"),
        ("achieved", "new", "469 千米", "已建成（公里）"),
        ("achieved", "share_of_pledge", "52.1 %", "建成率"),
    ]


@pytest.mark.parametrize("head", ["投运率", "通车率（%）", "交付率", "签约率", "并网率"])
def test_a_stages_rate_is_a_share_of_the_plan(head: str) -> None:
    assert role_of(head, DAY) == "share"


BUSES = Target(
    "yx-buses", "云溪市2025年更新新能源公交车260辆", ("新能源公交车", "公交车"), YX, unit="辆",
    pledge=Pledge(Decimal(260)),
)  # fmt: skip
FLEET = Table(
    caption="2025年上半年公交车辆更新情况", unit=None,
    header=("车型", "年度计划（辆）", "已更新（辆）", "完成率"),
    rows=(
        ("公交车合计", "400", "212", "53.0%"),
        ("其中：新能源公交车", "260", "151", "58.1%"),
        ("燃气公交车", "140", "61", "43.6%"),
    ),
)  # fmt: skip


def test_a_kinds_row_under_the_total_of_every_kind_is_the_kinds_target() -> None:
    assert read(FLEET, BUSES, "", DAY) == [
        ("pledge", "new", "260 辆", "年度计划（辆）"),
        ("achieved", "new", "151 辆", "已更新（辆）"),
        ("achieved", "share_of_pledge", "58.1 %", "完成率"),
    ]


def test_the_total_of_every_kind_stays_for_a_target_of_every_kind() -> None:
    every = Target("yx-all-buses", "云溪市2025年更新公交车400辆", ("公交车",), YX, unit="辆")
    assert find(FLEET, every) == {"公交车合计"}


JOBS = Target(
    "yx-jobs", "云溪市2024年城镇新增就业3.2万人", ("城镇新增就业",), YX, unit="人",
    pledge=Pledge(Decimal(32_000)),
)  # fmt: skip
EXECUTION = Table(
    caption="2024年计划主要指标执行情况", unit=None,
    header=("指标", "单位", "上年实际", "全年计划", "全年预计完成"),
    rows=(("城镇新增就业", "万人", "3.05", "3.2", "3.31"),),
)  # fmt: skip


def test_a_forecast_under_a_caption_of_a_year_over_is_its_result() -> None:
    from monitor.figures.tables import find_table_figures

    got = find_table_figures(EXECUTION, [JOBS], published=date(2025, 1, 14), title="")
    assert [(f.kind, f.period, f"{f.value.normalize():f}") for f in got] == [
        ("achieved", "2023", "30500"),  # last year's: the year before the caption's
        ("pledge", "2024", "32000"),
        ("achieved", "2024", "33100"),  # 预计 once 2024 is over: its first result
    ]


def test_a_forecast_of_the_running_year_stays_a_plan() -> None:
    from monitor.figures.tables import find_table_figures

    got = find_table_figures(EXECUTION, [JOBS], published=date(2024, 12, 10), title="")
    assert [(f.kind, f.period) for f in got][1:] == [("pledge", "2024"), ("pledge", "2024")]


# --- header words of the genres: since work began, a level held, a plan's name, points ---------


@pytest.mark.parametrize(
    ("head", "scope"),
    [("开累完成投资（亿元）", "cumulative"), ("年末实有（个）", "cumulative"),
     ("期末数", "cumulative"), ("本年完成投资（亿元）", "new"),
     # a telecom bulletin's level at a month's end (到达数), beside what the year added
     ("10月末到达数", "cumulative"), ("年末到达数（万户）", "cumulative"),
     ("本月末到达（万个）", "cumulative"), ("比上年末净增", "new")],
)  # fmt: skip
def test_a_result_since_work_began_or_held_is_a_level(head: str, scope: str) -> None:
    from monitor.figures.table_heads import read_head

    column = read_head(head, DAY)
    assert (column.role, column.scope) == ("achieved", scope)


def test_a_past_years_expected_target_stays_its_plan() -> None:
    # 预期目标 is what a work report calls its targets: no forecast, even for a year over
    assert role_of("2024年预期目标", date(2025, 1, 20)) == "pledge"
    assert role_of("2024年预计完成", date(2025, 1, 20)) == "achieved"


URBAN = Target(
    "yx-urban", "云溪市2025年常住人口城镇化率达到66%", ("城镇化率",), YX, unit="%",
    pledge=Pledge(Decimal(66), scope="rate"),
)  # fmt: skip
POINTS = Table(
    caption="2025年主要指标", unit=None,
    header=("指标", "单位", "2025年", "比上年提高（个百分点）", "较序时进度（百分点）"),
    rows=(("常住人口城镇化率", "%", "65.4", "0.9", "0.3"),
          ("城镇新增就业", "万人", "3.1", "0.2", "1.5")),
)  # fmt: skip


def test_a_change_in_points_is_the_rate_of_a_target_in_per_cent_only() -> None:
    got = read(POINTS, URBAN, "", date(2026, 2, 1))
    assert ("achieved", "rate", "0.9 %", "比上年提高（个百分点）") in got
    assert not [c for c in got if c[3] == "较序时进度（百分点）"]  # against the schedule
    assert not [c for c in read(POINTS, JOBS, "", date(2026, 2, 1)) if "百分点" in c[3]]


# --- tables_d's thirteenth round, in other words again ------------------------------------------

PRICES = Target(
    "yx-prices", "云溪市2025年居民消费价格涨幅3%左右", ("居民消费价格",), YX, unit="%",
    pledge=Pledge(Decimal(3), scope="rate"),
)  # fmt: skip


def test_month_on_month_is_no_growth_of_a_year_on_year_target() -> None:
    table = Table(
        caption="居民消费价格指数涨跌幅（%）", unit=None,
        header=("月份", "同比", "环比", "1-当月累计同比"),
        rows=(("5月", "0.6", "-0.3", "0.4"), ("6月", "0.5", "0.1", "0.4")),
    )  # fmt: skip
    got = read(table, PRICES, "", DAY)
    assert [c[3] for c in got] == ["同比", "1-当月累计同比", "同比", "1-当月累计同比"]


@pytest.mark.parametrize("head", ["发放补贴（万元）", "拨付资金", "发行额（亿元）", "办结件数"])
def test_words_of_money_paid_and_cases_done_are_results(head: str) -> None:
    assert role_of(head, DAY) == "achieved"


TRACK = Target(
    "yx-track", "云溪市2025年新建成通车城际铁路60公里", ("城际铁路",), YX, unit="公里",
    pledge=Pledge(Decimal(60)),
)  # fmt: skip


def test_a_column_of_other_work_done_so_far_is_another_item() -> None:
    table = Table(
        caption="城际铁路建设进展（截至9月底）", unit=None,
        header=("线路", "累计完成桥梁（公里）", "年度计划通车（公里）", "已通车（公里）"),
        rows=(("合计", "48", "60", "37"),),
    )  # fmt: skip
    assert [c[3] for c in read(table, TRACK, "", DAY)] == ["年度计划通车（公里）", "已通车（公里）"]


LOANS = Target(
    "yx-loans", "云溪市2025年发放创业担保贷款30亿元", ("创业担保贷款",), YX, unit="元",
    pledge=Pledge(Decimal(3_000_000_000)),
)  # fmt: skip


def test_a_part_column_of_the_targets_own_noun_holds_its_figures_not_the_total() -> None:
    table = Table(
        caption="2025年1-9月各类贷款发放情况", unit="亿元",
        header=("季度", "发放贷款总额", "其中：创业担保贷款", "其中：助学贷款"),
        rows=(("一季度", "12.1", "8.2", "3.9"), ("二季度", "13.4", "9.6", "3.8"),
              ("三季度", "10.2", "6.9", "3.3"), ("合计", "35.7", "24.7", "11.0")),
    )  # fmt: skip
    got = read(table, LOANS, "", DAY)
    assert ("achieved", "new", "2470000000 元", "其中：创业担保贷款") in got
    assert not [c for c in got if c[3] in ("发放贷款总额", "其中：助学贷款")]


def test_a_growth_row_under_its_amount_row_is_that_amounts_rate() -> None:
    jobs = Target("yx-new-jobs", "云溪市2025年城镇新增就业增长5%", ("城镇新增就业",), YX, unit="%")
    table = Table(
        caption="主要指标", unit=None,
        header=("指标", "一季度", "上半年"),
        rows=(("城镇新增就业（人）", "8200", "17900"), ("增长（%）", "4.1", "5.3"),
              ("农民工返乡创业（人）", "900", "2100"), ("增长（%）", "9.0", "8.2")),
    )  # fmt: skip
    assert read(table, jobs, "", DAY) == [
        ("achieved", "rate", "4.1 %", "一季度"),
        ("achieved", "rate", "5.3 %", "上半年"),
    ]  # the second 增长 is the returning workers'


def test_a_column_of_dates_right_of_the_names_is_no_name() -> None:
    bonds = Target("yx-bonds", "云溪市2025年发行专项债券90亿元", ("专项债券",), YX, unit="元")
    table = Table(
        caption="2025年专项债券发行情况", unit="亿元",
        header=("批次", "发行时间", "发行额"),
        rows=(("第一批", "2025年3月", "40"), ("第二批", "2025年6月", "35"), ("合计", "", "75")),
    )  # fmt: skip
    assert find(table, bonds) == {"合计"}


def test_explain_says_why_the_total_and_month_on_month_give_nothing() -> None:
    from monitor.figures.tables import find_table_figures
    from monitor.models import Seen

    table = Table(
        caption="2025年1-9月各类贷款发放情况", unit="亿元",
        header=("季度", "发放贷款总额", "其中：创业担保贷款", "环比增长（%）"),
        rows=(("合计", "35.7", "24.7", "3.1"),),
    )  # fmt: skip
    trace: list[Seen] = []
    find_table_figures(table, [LOANS], published=DAY, title="", trace=trace)
    why = {s.surface: s.why for s in trace}
    assert "the target's own is in '其中：创业担保贷款'" in why["35.7"]
    assert "month before" in why["3.1"]


# --- tables_d's fifteenth round, in other words again --------------------------------------------


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("增减", "none"),
        ("比上年增加", "none"),
        ("增减数", "none"),
        ("增减%", "rate"),
        ("增幅", "rate"),
    ],
)
def test_a_bare_difference_is_an_amount_not_a_rate(head: str, role: str) -> None:
    assert role_of(head, DAY) == role


def test_items_in_groups_across_leave_the_target_its_own_group_only() -> None:
    homes = Target("yx-homes", "云溪市2025年建设社区嵌入式养老服务中心30个", ("养老服务中心",), YX,
                   unit="个", pledge=Pledge(Decimal(30)))  # fmt: skip
    table = Table(
        caption="养老服务设施建设进度（截至6月底）", unit=None,
        header=("区", "养老服务中心（个）|年度任务", "养老服务中心（个）|已建成",
                "养老服务站（个）|年度任务", "养老服务站（个）|已建成", "完成情况|完成率"),
        rows=(("全市", "30", "14", "90", "51", "46.7%"),),
    )  # fmt: skip
    assert [c[3] for c in read(table, homes, "", DAY)] == [
        "养老服务中心（个）|年度任务", "养老服务中心（个）|已建成", "完成情况|完成率",
    ]  # fmt: skip


def test_a_stock_targets_year_of_work_under_a_task_stays_the_years() -> None:
    chargers = Target(
        "yx-chargers", "云溪市到2025年底充电桩总数达到5万个", ("充电桩",), YX, unit="个",
        pledge=Pledge(Decimal(50_000), scope="cumulative"),
    )  # fmt: skip
    for label, header in (
        ("充电桩建设", ("指标", "单位", "2025年目标", "1—6月")),  # 建设: work done in the year
        ("充电桩", ("指标", "单位", "年度任务", "1—6月")),  # a task of the year's work
    ):
        table = Table(caption="", unit=None, header=header, rows=((label, "个", "8000", "3600"),))
        assert read(table, chargers, "", DAY)[1][:2] == ("achieved", "new"), label
