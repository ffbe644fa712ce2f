"""figures.tables on the kinds tables_f (session 14, written blind) showed, in tables of our own
(places, figures and wording invented): lists of 民生实事 whose task and progress cells are
sentences, read with the row named by its item (not by a sentence, the unit in charge or the
category merged down beside it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.figures.table_text import text_cell_figures
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.tables import read_table

DAY = date(2025, 10, 12)
LX = ("临溪县", "临溪", "全县")

Read = tuple[str, str, str, str, str]  # row, header, kind, scope, value and unit


def read_all(table: Table, target: Target, title: str = "", day: date = DAY) -> list[Read]:
    """The figures a table gives, numbers and sentences in its cells, as (row, header, kind,
    scope, value unit), sorted."""
    found = find_table_figures(table, [target], published=day, title=title)
    found += text_cell_figures(table, [target], published=day, title=title)
    out = []
    for f in found:
        line = f.sentence
        begin = line.rfind(" | ", 0, f.start)
        head = line[begin + 3 : line.find(": ", begin + 3)]
        value = f"{f.value.normalize():f} {f.unit}"
        out.append((line.split(" | ", 1)[0], head, f.kind, f.scope, value))
    return sorted(out)


# --- a share column right of sentence cells: the row is its item's, not the last sentence's ----

CANTEENS = Target(
    "lx-canteens", "临溪县2025年新建社区食堂30个", ("社区食堂",), LX, unit="个",
    pledge=Pledge(Decimal(30)),
)  # fmt: skip


def test_a_share_right_of_sentence_cells_is_the_items_row() -> None:
    table = Table(
        caption="县民生实事推进情况", unit=None,
        header=("序号", "项目", "牵头单位", "建设任务", "截至9月底完成情况", "完成比例"),
        rows=(
            ("1", "社区食堂建设", "县民政局", "新建社区食堂30个", "已建成社区食堂24个", "80%"),
            ("2", "城乡公厕提升", "县城管局", "改造公厕40座", "完成改造31座", "77.5%"),
        ),
    )  # fmt: skip
    assert read_all(table, CANTEENS, "临溪县2025年民生实事进展") == [
        ("社区食堂建设", "完成比例", "achieved", "share_of_pledge", "80 %"),
        ("社区食堂建设", "建设任务", "pledge", "new", "30 个"),
        ("社区食堂建设", "截至9月底完成情况", "achieved", "new", "24 个"),
    ]


def test_a_progress_column_between_sentences_and_the_unit_in_charge() -> None:
    table = Table(
        caption="", unit=None,
        header=("民生实事", "2025年目标任务", "1-9月进展", "进度", "责任部门"),
        rows=(
            ("社区食堂", "新建社区食堂30个", "建成投用21个，在建9个", "70%", "县民政局"),
            ("养老床位", "新增养老床位200张", "新增养老床位150张", "75%", "县民政局"),
        ),
    )  # fmt: skip
    got = read_all(table, CANTEENS, "临溪县民生实事进度")
    assert ("社区食堂", "进度", "achieved", "share_of_pledge", "70 %") in got
    assert {row for row, *_ in got} == {"社区食堂"}


# --- a category merged down beside the items: the row is the item's ---------------------------

READING = Target(
    "lx-reading", "临溪县2025年新建城市书房12个", ("城市书房",), LX, unit="个",
    pledge=Pledge(Decimal(12)),
)  # fmt: skip


def test_an_items_row_under_a_category_merged_down_is_the_items() -> None:
    table = Table(
        caption="2025年为民办实事完成情况", unit=None,
        header=("领域", "实事名称", "年度目标", "工作进展"),
        rows=(
            ("文化惠民", "城市书房", "新建城市书房12个", "已建成开放10个"),
            ("文化惠民", "送戏下乡", "开展送戏下乡演出300场", "已演出260场"),
            ("民生保障", "社区食堂", "新建社区食堂30个", "已建成24个"),
        ),
    )  # fmt: skip
    assert read_all(table, READING, "临溪县为民办实事进展") == [
        ("城市书房", "工作进展", "achieved", "new", "10 个"),
        ("城市书房", "年度目标", "pledge", "new", "12 个"),
    ]


def test_a_category_first_with_a_share_column_reads_the_item() -> None:
    table = Table(
        caption="", unit=None,
        header=("类别", "项目名称", "目标任务", "完成情况", "完成率"),
        rows=(
            ("公共服务", "新建城市书房", "新建城市书房12个", "建成9个", "75%"),
            ("公共服务", "社区嵌入式服务设施", "新建10个", "建成7个", "70%"),
        ),
    )  # fmt: skip
    got = read_all(table, READING, "临溪县2025年民生实事推进情况")
    assert ("新建城市书房", "完成率", "achieved", "share_of_pledge", "75 %") in got
    assert ("新建城市书房", "目标任务", "pledge", "new", "12 个") in got
    assert {row for row, *_ in got} == {"新建城市书房"}


# --- a rank and a change against an earlier period of the year are no figures -----------------

LX_INDUSTRY = Target(
    "lx-industry", "临溪县2025年规模以上工业增加值增长7%", ("规模以上工业增加值",), LX, unit="%",
    pledge=Pledge(Decimal(7), scope="rate"),
)  # fmt: skip


@pytest.mark.parametrize(
    "head",
    [
        "全市排名",
        "增幅在全省位次",
        "增速排位",
        "较上月增减（百分点）",
        "比1-8月（±百分点）",
        "增速比上半年提高（个百分点）",
        "比上月（%）",
        "较一季度增减（%）",
    ],
)
def test_a_rank_or_a_change_against_an_earlier_part_of_the_year_is_no_figure(head: str) -> None:
    table = Table(
        caption="1-9月主要经济指标", unit=None,
        header=("指标", "1-9月增长（%）", head),
        rows=(("规模以上工业增加值", "6.9", "3"), ("固定资产投资", "-1.2", "5")),
    )  # fmt: skip
    assert read_all(table, LX_INDUSTRY, "临溪县2025年1-9月经济运行情况") == [
        ("规模以上工业增加值", "1-9月增长（%）", "achieved", "rate", "6.9 %"),
    ]


def test_a_change_on_last_year_in_points_stays_the_rate_of_a_target_in_per_cent() -> None:
    table = Table(
        caption="", unit=None,
        header=("指标", "2025年1-9月（%）", "比上年同期提高（个百分点）"),
        rows=(("规模以上工业增加值增速", "6.9", "0.8"),),
    )  # fmt: skip
    got = read_all(table, LX_INDUSTRY, "临溪县2025年1-9月经济运行情况")
    assert ("规模以上工业增加值增速", "2025年1-9月（%）", "achieved", "rate", "6.9 %") in got


# --- a page whose title opens with another county's or city's name gives nothing ---------------

LX_RETAIL = Target(
    "lx-retail", "临溪县社会消费品零售总额", ("社会消费品零售总额",), LX, unit="元",
)  # fmt: skip
STATS = Table(
    caption="主要经济指标", unit=None,
    header=("指标", "单位", "1-9月", "同比增长（%）"),
    rows=(
        ("社会消费品零售总额", "亿元", "86.4", "4.9"),
        ("一般公共预算收入", "亿元", "12.1", "2.2"),
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    "title", ["2025年1-9月青川市主要经济指标", "北岭县2025年前三季度经济运行情况"]
)
def test_another_places_statistics_page_gives_nothing(title: str) -> None:
    assert read_all(STATS, LX_RETAIL, title) == []


@pytest.mark.parametrize(
    "title", ["2025年1-9月临溪县主要经济指标", "云州市临溪县2025年前三季度经济运行", "主要经济指标"]
)
def test_the_own_places_statistics_page_still_gives_its_row(title: str) -> None:
    assert ("社会消费品零售总额", "同比增长（%）", "achieved", "rate", "4.9 %") in read_all(
        STATS, LX_RETAIL, title
    )


YL_RETAIL = Target(
    "yl-retail", "云岭省社会消费品零售总额", ("社会消费品零售总额",), ("云岭省", "云岭", "全省"),
    unit="元",
)  # fmt: skip


@pytest.mark.parametrize(
    "title",
    ["2025年1-9月设区市主要经济指标", "2025年前三季度地级市经济运行情况", "县级市主要经济指标"],
)
def test_a_class_of_places_at_a_titles_head_is_no_other_place(title: str) -> None:
    # (session 14, lead) 设区市, 地级市, 县级市 name a class of places, not one place of its own
    assert ("社会消费品零售总额", "同比增长（%）", "achieved", "rate", "4.9 %") in read_all(
        STATS, YL_RETAIL, title
    )


def test_another_countys_list_of_sentences_gives_nothing() -> None:
    table = Table(
        caption="民生实事进展（截至9月底）", unit=None,
        header=("序号", "项目名称", "年度目标", "完成情况", "完成率"),
        rows=(("1", "城市书房", "新建城市书房6个", "已建成4个", "66.7%"),),
    )  # fmt: skip
    assert read_all(table, READING, "北岭县2025年民生实事项目进展情况") == []
    assert len(read_all(table, READING, "临溪县2025年民生实事项目进展情况")) == 3


# --- a short result in words (已建成4个, 建成7座) under the progress header is the result -------

TOILETS = Target(
    "lx-toilets", "临溪县2025年改造提升公厕40座", ("公厕",), LX, unit="座",
    pledge=Pledge(Decimal(40)),
)  # fmt: skip


def test_a_short_result_in_words_is_read_as_a_sentence() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度任务", "进展", "责任单位"),
        rows=(
            ("城乡公厕改造提升", "改造提升公厕40座", "完成31座", "县城管局"),
            ("城市书房", "新建城市书房12个", "已开放9个", "县文旅局"),
        ),
    )  # fmt: skip
    assert read_all(table, TOILETS, "临溪县2025年民生实事第三季度进展") == [
        ("城乡公厕改造提升", "年度任务", "pledge", "new", "40 座"),
        ("城乡公厕改造提升", "进展", "achieved", "new", "31 座"),
    ]


def test_a_number_with_its_qualifier_stays_a_number_of_the_table() -> None:
    table = Table(
        caption="公厕改造提升进度", unit=None,
        header=("区域", "年度任务（座）", "已完成（座）"),
        rows=(("全县", "40", "约31"),),
    )  # fmt: skip
    assert read_all(table, TOILETS, "临溪县公厕改造") == [
        ("全县", "已完成（座）", "achieved", "new", "31 座"),
        ("全县", "年度任务（座）", "pledge", "new", "40 座"),
    ]


# --- a header naming both the task and the progress: each figure's own words say which ---------

COMPOUNDS = Target(
    "lx-compounds", "临溪县2025年改造老旧小区28个", ("老旧小区",), LX, unit="个",
    pledge=Pledge(Decimal(28)),
)  # fmt: skip


def test_a_cell_under_task_and_progress_keeps_the_plan_a_plan() -> None:
    table = Table(
        caption="", unit=None,
        header=("序号", "实事项目", "任务及进展情况", "牵头部门"),
        rows=(
            ("1", "老旧小区改造", "全年计划改造老旧小区28个，目前已完工19个", "县住建局"),
            ("2", "城市书房", "计划新建城市书房12个，已开放9个", "县文旅局"),
        ),
    )  # fmt: skip
    assert read_all(table, COMPOUNDS, "临溪县2025年民生实事推进情况") == [
        ("老旧小区改造", "任务及进展情况", "achieved", "new", "19 个"),
        ("老旧小区改造", "任务及进展情况", "pledge", "new", "28 个"),
    ]


def test_a_cell_under_targets_and_results_with_the_result_first() -> None:
    table = Table(
        caption="县民生实事完成情况", unit=None,
        header=("项目", "目标任务和完成情况"),
        rows=(("城市书房", "截至9月底已建成城市书房9个，年度目标为新建12个"),),
    )  # fmt: skip
    assert read_all(table, READING, "临溪县2025年民生实事") == [
        ("城市书房", "目标任务和完成情况", "achieved", "new", "9 个"),
        ("城市书房", "目标任务和完成情况", "pledge", "new", "12 个"),
    ]


# --- 完成（%） beside a result column is the share done; alone, in a table of rates, the rate ----


def test_a_bare_done_in_per_cent_beside_the_result_is_the_share() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "单位", "全年任务", "1-9月完成", "完成（%）"),
        rows=(
            ("新建城市书房", "个", "12", "9", "75.0"),
            ("新增养老床位", "张", "200", "150", "75.0"),
        ),
    )  # fmt: skip
    assert read_all(table, READING, "临溪县2025年1-9月民生实事完成情况") == [
        ("新建城市书房", "1-9月完成", "achieved", "new", "9 个"),
        ("新建城市书房", "全年任务", "pledge", "new", "12 个"),
        ("新建城市书房", "完成（%）", "achieved", "share_of_pledge", "75 %"),
    ]


def test_a_done_in_per_cent_with_no_other_result_stays_the_rate_of_a_rate_target() -> None:
    table = Table(
        caption="", unit=None,
        header=("指标", "目标（%）", "完成%"),
        rows=(("规模以上工业增加值增长", "7", "6.4"), ("固定资产投资增长", "6", "-1.5")),
    )  # fmt: skip
    assert read_all(table, LX_INDUSTRY, "临溪县2025年1-9月主要指标完成情况") == [
        ("规模以上工业增加值增长", "完成%", "achieved", "rate", "6.4 %"),
        ("规模以上工业增加值增长", "目标（%）", "pledge", "rate", "7 %"),
    ]


# --- a row named by its programme, the target's noun only in its task's words ------------------

BEDS = Target(
    "lx-beds", "临溪县2025年新增养老床位200张", ("养老床位", "床位"), LX, unit="张",
    pledge=Pledge(Decimal(200)),
)  # fmt: skip


def test_a_programmes_share_counts_for_the_noun_its_task_names() -> None:
    table = Table(
        caption="", unit=None,
        header=("序号", "实事项目", "牵头单位", "工作目标", "推进情况", "完成进度"),
        rows=(
            ("1", "养老服务能力提升", "县民政局", "新增养老床位200张，改造敬老院3所",
             "新增养老床位150张，敬老院改造完成2所", "75%"),
            ("2", "城乡公厕改造提升", "县城管局", "改造提升公厕40座", "完成31座", "77.5%"),
        ),
    )  # fmt: skip
    got = read_all(table, BEDS, "临溪县2025年民生实事进展")
    assert ("养老服务能力提升", "完成进度", "achieved", "share_of_pledge", "75 %") in got
    assert ("养老服务能力提升", "推进情况", "achieved", "new", "150 张") in got


# --- 累计完成 beside the year's task written in words is the year's work so far ---------------


def test_a_running_total_beside_a_task_in_words_is_the_years_work() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "全年目标任务", "累计完成", "进度"),
        rows=(("城乡公厕改造提升", "改造提升公厕40座", "31座", "77.5%"),),
    )  # fmt: skip
    got = read_all(table, TOILETS, "临溪县2025年1-9月民生实事进展")
    assert ("城乡公厕改造提升", "累计完成", "achieved", "new", "31 座") in got


def test_a_running_total_in_its_unit_column_beside_a_task_in_words() -> None:
    table = Table(
        caption="民生工程实施进度（截至9月底）", unit=None,
        header=("序号", "民生工程", "年度任务", "单位", "累计完成数", "完成比例"),
        rows=(("1", "公厕改造", "改造提升城乡公厕40座", "座", "33", "82.5%"),),
    )  # fmt: skip
    got = read_all(table, TOILETS, "临溪县民生工程进度")
    assert ("公厕改造", "累计完成数", "achieved", "new", "33 座") in got


# --- the whole's row of a sentence list, 合计 in its 序号 column ----------------------------------

PROJECTS = Target(
    "lx-projects", "临溪县2025年重点项目完成投资90亿元", ("重点项目",), LX, unit="元",
    pledge=Pledge(Decimal(9_000_000_000)),
)  # fmt: skip


def test_the_wholes_row_of_a_sentence_list_is_named_by_its_words_not_its_index() -> None:
    table = Table(
        caption="", unit=None,
        header=("序号", "项目", "年度目标", "1-9月进展"),
        rows=(
            ("1", "县城污水处理厂扩建", "建成新增处理能力2万吨/日", "主体完工，完成投资1.6亿元"),
            ("合计", "全县重点项目", "年度计划投资90亿元", "完成投资70.2亿元，占年度计划的78%"),
        ),
    )  # fmt: skip
    assert read_all(table, PROJECTS, "临溪县2025年重点项目推进情况") == [
        ("全县重点项目", "1-9月进展", "achieved", "new", "7020000000 元"),
        ("全县重点项目", "1-9月进展", "achieved", "share_of_pledge", "78 %"),
        ("全县重点项目", "年度目标", "pledge", "new", "9000000000 元"),
    ]


# --- a running total beside the task, with the money paid out in a column of its own -----------


def test_a_running_total_beside_money_paid_out_is_still_the_years_work() -> None:
    table = Table(
        caption="1-9月民生工程实施进度", unit=None,
        header=("项目", "年度任务（座）", "累计完成（座）", "资金拨付（万元）"),
        rows=(("城乡公厕改造提升", "40", "29", "356"),),
    )  # fmt: skip
    assert read_all(table, TOILETS, "临溪县民生工程进度") == [
        ("城乡公厕改造提升", "年度任务（座）", "pledge", "new", "40 座"),
        ("城乡公厕改造提升", "累计完成（座）", "achieved", "new", "29 座"),
    ]


def test_a_running_total_and_the_years_investment_beside_a_task_in_words() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度任务", "累计完成", "完成投资（万元）", "完成率"),
        rows=(("公厕提升", "改造提升城乡公厕40座", "32座", "410", "80%"),),
    )  # fmt: skip
    got = read_all(table, TOILETS, "临溪县2025年民生实事1-9月进展")
    assert ("公厕提升", "累计完成", "achieved", "new", "32 座") in got


# --- a share right after money in a progress cell is the money's, not the count's ---------------

PARKS = Target(
    "lx-parks", "临溪县2025年新建口袋公园10个", ("口袋公园",), LX, unit="个",
    pledge=Pledge(Decimal(10)),
)  # fmt: skip
ROADS = Target(
    "lx-roads", "临溪县2025年改造城区道路15公里", ("城区道路", "道路"), LX, unit="公里",
    pledge=Pledge(Decimal(15)),
)  # fmt: skip


def test_a_share_after_the_investment_is_no_share_of_the_length() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目名称", "建设任务", "截至9月底进展"),
        rows=(
            ("城区道路改造", "改造城区道路15公里",
             "完成道路改造12公里，完成投资3.2亿元，占年度计划投资的76%"),
        ),
    )  # fmt: skip
    assert read_all(table, ROADS, "临溪县2025年重点民生项目进展") == [
        ("城区道路改造", "建设任务", "pledge", "new", "15 千米"),
        ("城区道路改造", "截至9月底进展", "achieved", "new", "12 千米"),
    ]


def test_a_share_after_money_first_and_the_count_after_it() -> None:
    table = Table(
        caption="", unit=None,
        header=("实事", "目标", "进展"),
        rows=(("口袋公园", "新建口袋公园10个", "累计投资1500万元，为年计划的90%；建成8个"),),
    )  # fmt: skip
    got = read_all(table, PARKS, "临溪县2025年民生实事进展")
    assert ("口袋公园", "进展", "achieved", "new", "8 个") in got
    assert not [g for g in got if g[3] == "share_of_pledge"]


def test_a_count_in_a_cells_second_sentence_is_placed_in_its_cell() -> None:
    table = Table(
        caption="", unit=None,
        header=("实事", "目标", "进展"),
        rows=(("口袋公园", "新建口袋公园10个", "完成选址10处；建成口袋公园8个"),),
    )  # fmt: skip
    figures = text_cell_figures(table, [PARKS], published=DAY, title="临溪县民生实事")
    assert [f.sentence[f.start : f.end] for f in figures] == ["10个", "8个"]


def test_a_share_right_after_the_count_stays_its_share() -> None:
    table = Table(
        caption="", unit=None,
        header=("实事", "目标", "进展"),
        rows=(("口袋公园", "新建口袋公园10个", "建成口袋公园8个，占年度任务的80%"),),
    )  # fmt: skip
    got = read_all(table, PARKS, "临溪县2025年民生实事进展")
    assert ("口袋公园", "进展", "achieved", "share_of_pledge", "80 %") in got


# --- 1-本月累计 beside 本月: the year's running total, not one month's, nor a stock -------------

RETAIL = LX_RETAIL


@pytest.mark.parametrize("head", ["1-本月累计", "1—本月", "本年累计", "本月止累计", "截至本月累计"])
def test_the_running_total_from_january_beside_this_month_is_the_years(head: str) -> None:
    table = Table(
        caption="", unit=None,
        header=("指标", "计量单位", "本月", head, "累计比去年同期增长%"),
        rows=(("社会消费品零售总额", "万元", "138200", "1268000", "5.6"),),
    )  # fmt: skip
    got = read_all(table, RETAIL, "临溪县2025年10月主要经济指标")
    assert ("社会消费品零售总额", head, "achieved", "new", "12680000000 元") in got
    assert ("社会消费品零售总额", "本月", "achieved", "new", "1382000000 元") in got


# --- a progress cell naming no thing, in a row whose task cell names the target's --------------

PIPES = Target(
    "lx-pipes", "临溪县2025年新建改造农村供水管网80公里", ("供水管网",), LX, unit="公里",
    pledge=Pledge(Decimal(80)),
)  # fmt: skip


def test_a_progress_cell_goes_on_about_the_thing_its_rows_task_names() -> None:
    table = Table(
        caption="", unit=None,
        header=("序号", "项目名称", "年度目标任务", "完成情况"),
        rows=(("1", "农村饮水安全提升", "新建改造农村供水管网80公里", "完成管网铺设61.5公里"),),
    )  # fmt: skip
    got = read_all(table, PIPES, "临溪县2025年为民办实事项目进展")
    assert ("农村饮水安全提升", "完成情况", "achieved", "new", "61.5 千米") in got


def test_the_wholes_row_of_places_goes_on_about_its_task_too() -> None:
    table = Table(
        caption="", unit=None,
        header=("序号", "片区", "年度任务", "完成情况"),
        rows=(
            ("1", "城东片区", "新建口袋公园4个", "建成3个"),
            ("2", "城西片区", "新建口袋公园6个", "建成5个"),
            ("", "全县合计", "新建口袋公园10个", "建成8个"),
        ),
    )  # fmt: skip
    assert read_all(table, PARKS, "临溪县2025年口袋公园建设进展") == [
        ("全县合计", "完成情况", "achieved", "new", "8 个"),
        ("全县合计", "年度任务", "pledge", "new", "10 个"),
    ]


# --- places down, indicators across, each amount with its growth right of it -------------------

CITY_RETAIL = Target(
    "yz-retail", "云州市社会消费品零售总额", ("社会消费品零售总额",), ("云州市", "云州", "全市"),
    unit="元",
)  # fmt: skip
BY_COUNTY = "云州市2025年1-10月各县市区主要经济指标"
COUNTIES = (("全市", "980.2", "5.1", "—", "6.2"), ("临溪县", "126.8", "5.6", "—", "7.4"))


def test_an_indicator_across_is_the_places_result_and_the_growth_beside_it_its_rate() -> None:
    table = Table(
        caption="各县（市、区）主要经济指标", unit=None,
        header=("县（市、区）", "社会消费品零售总额（亿元）", "增速（%）",
                "规模以上工业增加值（亿元）", "增速（%）"),
        rows=COUNTIES,
    )  # fmt: skip
    assert read_all(table, LX_RETAIL, BY_COUNTY) == [
        ("临溪县", "增速（%）", "achieved", "rate", "5.6 %"),
        ("临溪县", "社会消费品零售总额（亿元）", "achieved", "new", "12680000000 元"),
    ]
    assert read_all(table, LX_INDUSTRY, BY_COUNTY) == [
        ("临溪县", "增速（%）", "achieved", "rate", "7.4 %"),
    ]


def test_indicators_over_amount_and_growth_give_the_amount_too() -> None:
    table = Table(
        caption="分县（市、区）主要指标", unit=None,
        header=("地区", "社会消费品零售总额|1-10月（亿元）", "社会消费品零售总额|增长（%）",
                "规上工业增加值|1-10月（亿元）", "规上工业增加值|增长（%）"),
        rows=COUNTIES,
    )  # fmt: skip
    assert read_all(table, CITY_RETAIL, BY_COUNTY) == [
        ("全市", "社会消费品零售总额|1-10月（亿元）", "achieved", "new", "98020000000 元"),
        ("全市", "社会消费品零售总额|增长（%）", "achieved", "rate", "5.1 %"),
    ]


# --- a number with a remark in brackets (100%（已完成）) is the number --------------------------


def test_a_share_with_a_remark_in_brackets_is_the_share() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度目标（个）", "已建成（个）", "完成率"),
        rows=(("口袋公园", "10", "10（提前完成）", "100%（已完成）"),),
    )  # fmt: skip
    assert read_all(table, PARKS, "临溪县2025年民生实事进展") == [
        ("口袋公园", "完成率", "achieved", "share_of_pledge", "100 %"),
        ("口袋公园", "已建成（个）", "achieved", "new", "10 个"),
        ("口袋公园", "年度目标（个）", "pledge", "new", "10 个"),
    ]


def test_a_count_with_a_unit_in_brackets_keeps_its_unit() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度任务", "完成"),
        rows=(("充电设施建设资金", "2400（万元）", "1900（万元）"),),
    )  # fmt: skip
    assert read_all(table, PARKS, "临溪县2025年口袋公园建设进展") == []


# --- a project's content (建设内容: 新建口袋公园10个) is its plan, whatever the caption says ---


@pytest.mark.parametrize("head", ["建设内容", "主要建设内容及规模"])
def test_a_projects_content_is_its_plan_under_a_caption_of_progress(head: str) -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", head, "计划投资（万元）", "完成投资（万元）"),
        rows=(("口袋公园建设", "新建口袋公园10个", "2400", "1900"),),
    )  # fmt: skip
    assert read_all(table, PARKS, "临溪县2025年民生实事项目进展（截至10月底）") == [
        ("口袋公园建设", head, "pledge", "new", "10 个"),
    ]


# --- 进展, 推进情况, 落实情况 over the results: the work done, under a caption naming neither -----

SPACES = Target(
    "lx-spaces", "临溪县2025年新增公共停车泊位3000个", ("停车泊位", "泊位"), LX, unit="个",
    pledge=Pledge(Decimal(3000)),
)  # fmt: skip


@pytest.mark.parametrize("head", ["工作进展", "推进情况", "落实情况", "目前进展"])
def test_progress_headers_hold_the_results(head: str) -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度任务", head),
        rows=(("公共停车泊位", "新增公共停车泊位3000个", "新增2650个"),),
    )  # fmt: skip
    assert read_all(table, SPACES, "临溪县2025年民生实事") == sorted(
        [
            ("公共停车泊位", head, "achieved", "new", "2650 个"),
            ("公共停车泊位", "年度任务", "pledge", "new", "3000 个"),
        ]
    )


def test_a_progress_column_of_numbers_holds_the_results() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "年度任务（个）", "进展（个）"),
        rows=(("新增公共停车泊位", "3000", "2650"),),
    )  # fmt: skip
    assert read_all(table, SPACES, "临溪县2025年民生实事") == [
        ("新增公共停车泊位", "年度任务（个）", "pledge", "new", "3000 个"),
        ("新增公共停车泊位", "进展（个）", "achieved", "new", "2650 个"),
    ]


# --- a unit note in the caption's brackets naming the amounts' unit and % ----------------------


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("主要经济指标（单位：亿元、%）", "临溪县2025年1-10月主要经济指标"),
        ("", "临溪县2025年1-10月主要经济指标（单位：亿元，%）"),
    ],
)
def test_the_amounts_take_the_unit_the_note_in_brackets_names(caption: str, title: str) -> None:
    table = Table(
        caption=caption, unit=None,
        header=("指标", "1-10月", "同比增长"),
        rows=(("社会消费品零售总额", "126.8", "5.6"), ("规模以上工业增加值", "—", "7.2")),
    )  # fmt: skip
    assert read_all(table, LX_RETAIL, title) == [
        ("社会消费品零售总额", "1-10月", "achieved", "new", "12680000000 元"),
        ("社会消费品零售总额", "同比增长", "achieved", "rate", "5.6 %"),
    ]


# --- a row of one cell across the table under its header is a section of the body ---------------


def _parsed(markup: str) -> Table:
    node = LexborHTMLParser(markup).css_first("table")
    assert node is not None
    table = read_table(node)
    assert table is not None
    return table


@pytest.mark.parametrize("tag", ["th", "td"])
def test_a_category_row_across_the_table_is_no_header_row(tag: str) -> None:
    table = _parsed(
        "<table><tr><th>序号</th><th>实事项目</th><th>年度目标</th><th>完成情况</th></tr>"
        f'<tr><{tag} colspan="4">一、文化类</{tag}></tr>'
        "<tr><td>1</td><td>城市书房</td><td>新建城市书房12个</td><td>已建成9个</td></tr>"
        f'<tr><{tag} colspan="4">二、民生保障类</{tag}></tr>'
        "<tr><td>2</td><td>社区食堂</td><td>新建社区食堂30个</td><td>已建成24个</td></tr></table>"
    )
    assert table.header == ("序号", "实事项目", "年度目标", "完成情况")
    assert read_all(table, READING, "临溪县2025年民生实事推进情况") == [
        ("城市书房", "完成情况", "achieved", "new", "9 个"),
        ("城市书房", "年度目标", "pledge", "new", "12 个"),
    ]


# --- the year's money allocated (年度资金, 下达资金) is the plan, the share paid (拨付率) a share

FUNDS = Target(
    "lx-funds", "临溪县2025年民生工程投入资金5亿元", ("民生工程",), LX, unit="元",
    pledge=Pledge(Decimal(500_000_000)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("plan", "paid", "share"),
    [
        ("年度资金（万元）", "已拨付（万元）", "拨付率"),
        ("下达资金（万元）", "已支付（万元）", "支付率"),
    ],
)
def test_the_years_money_and_the_share_paid(plan: str, paid: str, share: str) -> None:
    table = Table(
        caption="民生工程资金使用情况", unit=None,
        header=("项目", plan, paid, share),
        rows=(("城乡低保", "12000", "10200", "85%"), ("合计", "50000", "39000", "78%")),
    )  # fmt: skip
    assert read_all(table, FUNDS, "临溪县2025年1-9月民生工程资金情况") == sorted(
        [
            ("合计", plan, "pledge", "new", "500000000 元"),
            ("合计", paid, "achieved", "new", "390000000 元"),
            ("合计", share, "achieved", "share_of_pledge", "78 %"),
        ]
    )


def test_the_share_paid_of_money_is_no_share_of_a_count() -> None:
    table = Table(
        caption="口袋公园建设资金拨付情况", unit=None,
        header=("片区", "年度资金（万元）", "已拨付（万元）", "拨付率"),
        rows=(("城东片区", "800", "640", "80%"), ("全县", "2400", "1900", "79.2%")),
    )  # fmt: skip
    assert read_all(table, PARKS, "临溪县2025年口袋公园建设资金情况") == []


# --- a bare value under an indicator's group (零售总额|绝对值（亿元）) takes the frame


def test_a_bare_amount_under_an_indicators_group_is_the_result_the_title_frames() -> None:
    table = Table(
        caption="分地区主要指标", unit=None,
        header=("地区", "社会消费品零售总额|绝对值（亿元）", "社会消费品零售总额|增速（%）",
                "固定资产投资|增速（%）"),
        rows=(("全市", "980.2", "5.1", "3.3"), ("临溪县", "126.8", "5.6", "4.0")),
    )  # fmt: skip
    assert read_all(table, LX_RETAIL, "云州市2025年前三季度各县市区主要经济指标") == [
        ("临溪县", "社会消费品零售总额|增速（%）", "achieved", "rate", "5.6 %"),
        ("临溪县", "社会消费品零售总额|绝对值（亿元）", "achieved", "new", "12680000000 元"),
    ]


def test_quarters_down_with_indicator_groups_over_bare_values() -> None:
    table = Table(
        caption="主要指标（累计）", unit=None,
        header=("时间", "社会消费品零售总额|绝对值（亿元）", "社会消费品零售总额|增速（%）"),
        rows=(("1-3月", "41.2", "4.4"), ("1-6月", "83.9", "4.8")),
    )  # fmt: skip
    got = read_all(table, LX_RETAIL, "临溪县2025年上半年主要经济指标")
    assert ("1-6月", "社会消费品零售总额|绝对值（亿元）", "achieved", "new", "8390000000 元") in got
    assert ("1-3月", "社会消费品零售总额|增速（%）", "achieved", "rate", "4.4 %") in got


# --- rows in pairs, an item's plan and its progress, the role in a column of its own ------------


def test_rows_in_pairs_of_plan_and_progress_are_read_by_their_role() -> None:
    table = Table(
        caption="", unit=None,
        header=("实事名称", "事项", "具体情况", "责任部门"),
        rows=(
            ("城市书房", "年度计划", "新建城市书房12个", "县文旅局"),
            ("城市书房", "1-9月完成", "建成开放城市书房9个，完成计划的75%", "县文旅局"),
            ("社区食堂", "年度计划", "新建社区食堂30个", "县民政局"),
            ("社区食堂", "1-9月完成", "建成24个", "县民政局"),
        ),
    )  # fmt: skip
    assert read_all(table, READING, "临溪县2025年民生实事进展") == [
        ("城市书房 1-9月完成", "具体情况", "achieved", "new", "9 个"),
        ("城市书房 1-9月完成", "具体情况", "achieved", "share_of_pledge", "75 %"),
        ("城市书房 年度计划", "具体情况", "pledge", "new", "12 个"),
    ]


def test_a_date_in_a_label_makes_no_sentence_column() -> None:
    table = Table(
        caption="", unit=None,
        header=("项目", "节点", "内容"),
        rows=(
            ("城市书房", "2025年目标", "新建城市书房12个"),
            ("城市书房", "截至9月30日进展", "已建成城市书房9个"),
        ),
    )  # fmt: skip
    got = read_all(table, READING, "临溪县民生实事")
    assert ("城市书房 2025年目标", "内容", "pledge", "new", "12 个") in got
    assert ("城市书房 截至9月30日进展", "内容", "achieved", "new", "9 个") in got
