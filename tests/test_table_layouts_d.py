"""figures.tables on the kinds of session 7 (tests/data/tables_d has a page of each): a total
column at the right of the kinds it sums, a bare value column (数值, 合计) whose role the caption
or title gives, a district's 小计 row under its name merged down, a part's share of the whole
(占全市比重) that is no share of the pledge, a table of a year before the pledge, a 全市 row on
another city's page, a difference in points (超欠进度). Tables and figures are our own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.table_columns import role_of
from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Seen, Table, Target
from tests.table_cells import cells, read, rows_read

PILES = Target(
    "lj-piles", "临江市2025年新建充电桩6000个", ("充电桩",), ("临江", "临江市", "全市"),
    unit="个", pledge=Pledge(Decimal(6000)),
)  # fmt: skip
JOBS = Target(
    "lj-jobs", "临江市城镇新增就业", ("城镇新增就业",), ("临江", "临江市", "全市"), unit="人"
)
BEDS = Target(
    "bs-beds", "北沙区2025年新增养老床位900张", ("养老床位",), ("北沙", "北沙区", "全区"),
    unit="张", pledge=Pledge(Decimal(900)),
)  # fmt: skip
WATER = Target(
    "lj-water", "临江市2025年改造供水管网80公里", ("供水管网",), ("临江", "临江市", "全市"),
    unit="公里", pledge=Pledge(Decimal(80), by=date(2025, 12, 31), announced=date(2025, 1, 20)),
)  # fmt: skip


# --- a total column at the right of the kinds it sums --------------------------------------------


def test_a_total_column_right_of_the_kinds_it_sums() -> None:
    tab = Table(
        caption="1-8月新建充电桩情况", unit=None,
        header=("街道", "快充桩（个）", "慢充桩（个）", "合计（个）"),
        rows=(("东岸街道", "120", "300", "420"), ("全市", "1600", "2900", "4500")),
    )  # fmt: skip
    assert read(tab, PILES, "临江市") == [("achieved", "new", "4500 个", "合计（个）")]
    seen: list[Seen] = []
    find_table_figures(tab, [PILES], published=date(2025, 9, 2), title="临江市", trace=seen)
    why = {s.surface: s.why for s in seen if s.figure is None}
    assert why["1600"].endswith("is one kind of the row's total in '合计（个）', not the total")


@pytest.mark.parametrize("total", ["合计", "总计（个）", "共计"])
def test_a_total_column_by_any_total_word(total: str) -> None:
    tab = Table(
        caption="全市新建充电桩情况（截至8月底）", unit=None, header=("区", "公用", "专用", total),
        rows=(("全市", "1600", "2900", "4500"),),
    )  # fmt: skip
    assert read(tab, PILES, "临江市") == [("achieved", "new", "4500 个", total)]


def test_kinds_under_a_group_beside_its_total() -> None:
    tab = Table(
        caption="全市充电桩建设进度", unit=None,
        header=("区", "1-8月新建（个）|快充", "1-8月新建（个）|慢充", "1-8月新建（个）|合计"),
        rows=(("全市", "1600", "2900", "4500"),),
    )  # fmt: skip
    assert read(tab, PILES, "临江市") == [("achieved", "new", "4500 个", "1-8月新建（个）|合计")]


# --- a bare value column: the caption or the title says what it holds ----------------------------


def test_a_value_column_of_a_bulletin_takes_the_title_s_frame() -> None:
    tab = Table(
        caption="主要指标", unit=None, header=("指标", "数值"),
        rows=(("城镇新增就业", "3.1万人"), ("其中：返乡创业", "0.4万人"), ("零就业家庭", "0户")),
    )  # fmt: skip
    assert read(tab, JOBS, "临江市1-6月就业工作主要指标") == [
        ("achieved", "new", "31000 人", "数值")
    ]


def test_a_value_column_with_no_frame_anywhere_gives_nothing() -> None:
    tab = Table(
        caption="主要指标", unit=None, header=("指标", "数值"),
        rows=(("城镇新增就业", "3.1万人"), ("零就业家庭", "0户")),
    )  # fmt: skip
    assert read(tab, JOBS, "临江市就业工作主要指标") == []


def test_a_plan_caption_makes_a_value_column_the_plan() -> None:
    tab = Table(
        caption="2025年就业工作目标", unit=None, header=("指标", "数值"),
        rows=(("城镇新增就业", "3.5万人"), ("城镇调查失业率", "5.5%以内")),
    )  # fmt: skip
    assert read(tab, JOBS, "临江市", date(2025, 2, 10)) == [("pledge", "new", "35000 人", "数值")]


# --- a row label over two cells: the district merged down its streets, then its 小计 -----------


def test_a_district_s_subtotal_under_its_merged_name() -> None:
    tab = Table(
        caption="各区分街道新增养老床位", unit=None,
        header=("区", "街道", "年度任务（张）", "已新增（张）"),
        rows=(
            ("北沙区", "滨湖街道", "500", "410"), ("北沙区", "松林街道", "400", "330"),
            ("北沙区", "小计", "900", "740"),
            ("南湾区", "望江街道", "700", "620"), ("南湾区", "小计", "700", "620"),
            ("全市", "合计", "1600", "1360"),
        ),
    )  # fmt: skip
    figures = find_table_figures(tab, [BEDS], published=date(2025, 9, 2), title="全市养老服务")
    assert rows_read(figures) == {"北沙区 小计"}
    assert [c[:3] for c in cells(figures)] == [
        ("pledge", "new", "900 张"),
        ("achieved", "new", "740 张"),
    ]


# --- a part's share of the whole is no share of the pledge ---------------------------------------


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("占全市比重（%）", "none"),  # a district's part of the city's total
        ("占全省比重", "none"),
        ("占比", "none"),
        ("占全市总数比例", "none"),
        ("所占比重（%）", "none"),
        ("占年度任务比重", "share"),  # of the plan: the share done
        ("占年度目标比例", "share"),
        ("占计划%", "share"),
        ("超欠进度（百分点）", "none"),  # points ahead of or behind the schedule: a difference
        ("比序时进度快（百分点）", "none"),
        ("完成比", "share"),
        ("下达任务（公里）", "pledge"),
        ("完成量（公里）", "achieved"),
        ("今年应完成", "pledge"),  # what the year is due to do: the plan
        ("全年应完成（个）", "pledge"),
        ("截至目前应完成", "none"),  # what is due by now: the schedule
        ("兑现率（%）", "share"),  # a pledge kept (兑现) as a share of it
        ("已兑现", "achieved"),
        ("落实率", "share"),
    ],
)
def test_the_role_of_a_share_or_a_difference(head: str, role: str) -> None:
    assert role_of(head, date(2025, 9, 20)) == role


def test_a_share_of_the_whole_is_not_read() -> None:
    tab = Table(
        caption="1-8月新建充电桩情况", unit=None,
        header=("区", "新建充电桩（个）", "占全市比重（%）"),
        rows=(("东岸区", "1200", "26.7"), ("全市", "4500", "100")),
    )  # fmt: skip
    assert read(tab, PILES, "临江市") == [("achieved", "new", "4500 个", "新建充电桩（个）")]


# --- the period of a table: an earlier year than the pledge's is not its figure -------------------


def test_a_table_of_the_year_before_the_pledge_gives_nothing() -> None:
    header = ("区", "年度任务（公里）", "已完成（公里）", "完成率")
    last = Table(
        "表1 2024年供水管网改造完成情况", None, header, (("全市", "60", "61.5", "102.5%"),)
    )
    this = Table("表2 2025年1-10月供水管网改造进度", None, header, (("全市", "80", "66", "82.5%"),))
    assert read(last, WATER, "临江市", date(2025, 11, 20)) == []
    assert [c[2] for c in read(this, WATER, "临江市", date(2025, 11, 20))] == [
        "80 千米",
        "66 千米",
        "82.5 %",
    ]
    seen: list[Seen] = []
    find_table_figures(last, [WATER], published=date(2025, 11, 20), title="临江市", trace=seen)
    why = {s.surface: s.why for s in seen if s.figure is None}
    assert "another period (2024)" in why["61.5"]


# --- 全市 on another city's page is that city -----------------------------------------------------


def test_the_whole_city_row_of_another_city_s_table() -> None:
    tab = Table(
        caption="各区充电桩建设进度（截至8月底）", unit=None,
        header=("区", "年度任务（个）", "已建成（个）"),
        rows=(("赤坎区", "900", "700"), ("全市", "3000", "2500")),
    )  # fmt: skip
    assert read(tab, PILES, "湛江市2025年充电桩建设进展") == []
    assert len(read(tab, PILES, "临江市2025年充电桩建设进展")) == 2


# --- the second round's kinds -------------------------------------------------------------------


def test_a_stock_row_beside_the_year_s_row_keeps_its_scope() -> None:
    tab = Table(
        caption="充电桩发展情况", unit=None, header=("指标", "2023年", "2024年", "2025年1-8月"),
        rows=(("新建充电桩（个）", "3100", "4200", "3900"),
              ("累计建成充电桩（个）", "9000", "13200", "17100")),
    )  # fmt: skip
    got = read(tab, PILES, "临江市")
    assert [c[:3] for c in got] == [
        ("achieved", "new", "3100 个"), ("achieved", "new", "4200 个"),
        ("achieved", "new", "3900 个"),
        ("achieved", "cumulative", "9000 个"), ("achieved", "cumulative", "13200 个"),
        ("achieved", "cumulative", "17100 个"),
    ]  # fmt: skip


def test_a_plan_below_a_group_that_names_only_the_thing() -> None:
    tab = Table(
        caption="全市充电桩建设情况", unit=None,
        header=("区", "充电桩（个）|年度计划新建", "充电桩（个）|已建成", "投资（万元）|年度计划"),
        rows=(("全市", "6000", "4500", "9000"),),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市")] == [
        ("pledge", "new", "6000 个"), ("achieved", "new", "4500 个"),
    ]  # fmt: skip


def test_numbered_item_rows_are_labels_not_numbers() -> None:
    tab = Table(
        caption="重点任务完成情况（截至8月底）", unit=None,
        header=("任务", "单位", "年度目标", "完成"),
        rows=(("一、新能源", "", "", ""), ("1.新建充电桩", "个", "6000", "4500"),
              ("2.新增换电站", "座", "20", "12"), ("二、城市更新", "", "", ""),
              ("1.改造老旧小区", "个", "80", "75")),
    )  # fmt: skip
    got = find_table_figures(tab, [PILES], published=date(2025, 9, 10), title="临江市")
    assert rows_read(got) == {"1.新建充电桩"}
    assert [c[:3] for c in cells(got)] == [
        ("pledge", "new", "6000 个"),
        ("achieved", "new", "4500 个"),
    ]


@pytest.mark.parametrize(("cell", "down"), [("▲5.2", None), ("▼1.4", "down"), ("↓0.8", "down")])
def test_an_arrow_before_a_rate_is_its_direction(cell: str, down: str | None) -> None:
    retail = Target(
        "lj-retail",
        "临江市社会消费品零售总额增长",
        ("社会消费品零售总额",),
        ("临江", "临江市"),
        unit="%",
    )
    tab = Table(
        caption="主要指标（1-8月）", unit=None, header=("指标", "1-8月", "同比增长（%）"),
        rows=(("社会消费品零售总额（亿元）", "880.2", cell),),
    )  # fmt: skip
    got = find_table_figures(tab, [retail], published=date(2025, 9, 20), title="临江市")
    assert [(f.scope, f"{f.value.normalize():f}", f.direction) for f in got] == [
        ("rate", cell[1:], down)
    ]


def test_a_running_total_right_of_one_month_columns() -> None:
    tab = Table(
        caption="分月新建充电桩（个）", unit=None, header=("指标", "6月", "7月", "8月", "累计"),
        rows=(("新建充电桩", "500", "610", "580", "4500"),),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市")][-1] == ("achieved", "new", "4500 个")


def test_a_zone_named_after_the_city_is_no_row_of_the_city() -> None:
    tab = Table(
        caption="充电桩建设进度（截至8月底）", unit=None,
        header=("序号", "地区", "年度任务（个）", "已建成（个）"),
        rows=(("", "临江市", "6000", "4500"), ("1", "东岸区", "900", "800"),
              ("2", "临江高新区", "300", "260")),
    )  # fmt: skip
    got = find_table_figures(tab, [PILES], published=date(2025, 9, 10), title="充电桩建设进展")
    assert rows_read(got) == {"临江市"}


def test_a_running_total_below_rows_of_months() -> None:
    tab = Table(
        caption="新建充电桩分月情况", unit=None, header=("月份", "新建充电桩（个）"),
        rows=(("6月", "500"), ("7月", "610"), ("累计", "4500")),
    )  # fmt: skip
    got = find_table_figures(tab, [PILES], published=date(2025, 8, 10), title="临江市")
    assert rows_read(got) == {"6月", "7月", "累计"}


def test_a_lone_row_of_a_zone_is_no_row_of_the_city() -> None:
    tab = Table(
        caption="充电桩建设进度", unit=None, header=("地区", "年度任务（个）", "已建成（个）"),
        rows=(("临江港区", "300", "260"),),
    )  # fmt: skip
    assert read(tab, PILES, "充电桩建设进展") == []


# --- the third round's kinds --------------------------------------------------------------------


def test_places_across_and_roles_down() -> None:
    tab = Table(
        caption="各区充电桩建设进度（截至8月底）", unit=None,
        header=("指标", "全市", "东岸区", "西湖区", "其他县（市）"),
        rows=(("年度任务（个）", "6000", "1500", "1200", "3300"),
              ("已建成（个）", "4500", "1300", "900", "2300"),
              ("完成率", "75%", "86.7%", "75%", "69.7%")),
    )  # fmt: skip
    got = find_table_figures(tab, [PILES], published=date(2025, 9, 10), title="临江市")
    assert rows_read(got) == {"全市"}
    assert [c[:3] for c in cells(got)] == [
        ("pledge", "new", "6000 个"), ("achieved", "new", "4500 个"),
        ("achieved", "share_of_pledge", "75 %"),
    ]  # fmt: skip


@pytest.mark.parametrize("caption", ["供水管网养护工程进度", "供水管网维护情况（截至9月底）"])
def test_upkeep_of_the_thing_is_not_its_building(caption: str) -> None:
    tab = Table(
        caption=caption, unit=None, header=("区", "年度任务（公里）", "已完成（公里）", "完成率"),
        rows=(("全市", "300", "250", "83.3%"),),
    )  # fmt: skip
    assert read(tab, WATER, "临江市", date(2025, 10, 9)) == []


def test_places_across_with_a_role_that_opens_with_months() -> None:
    tab = Table(
        caption="充电桩建设情况", unit=None, header=("项目", "合计", "东岸区", "西湖区"),
        rows=(("全年目标（个）", "6000", "2500", "3500"),
              ("1-8月新建（个）", "4500", "2000", "2500")),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市")] == [
        ("pledge", "new", "6000 个"), ("achieved", "new", "4500 个"),
    ]  # fmt: skip


# --- the fourth round's kinds -------------------------------------------------------------------


def test_the_year_beside_its_halves_and_its_target_is_the_result() -> None:
    tab = Table(
        caption="新建充电桩完成情况", unit=None,
        header=("指标", "上半年", "下半年", "全年", "全年目标", "完成率"),
        rows=(("新建充电桩（个）", "2900", "3300", "6200", "6000", "103.3%"),),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市", date(2026, 1, 20))] == [
        ("achieved", "new", "2900 个"), ("achieved", "new", "3300 个"),
        ("achieved", "new", "6200 个"), ("pledge", "new", "6000 个"),
        ("achieved", "share_of_pledge", "103.3 %"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("head", "role"),
    [
        ("与目标差距（个）", "none"),  # the plan less the result
        ("比上年增减（个）", "none"),  # a change in count, no rate
        ("同比增减（%）", "rate"),
        ("较上年增加（个）", "none"),
    ],
)
def test_a_gap_or_a_change_in_count_is_no_figure(head: str, role: str) -> None:
    assert role_of(head, date(2025, 9, 20)) == role


def test_a_key_value_table_whose_labels_carry_the_role() -> None:
    tab = Table(
        caption="充电设施主要数据（截至8月底）", unit=None, header=("指标", "数值"),
        rows=(("今年新建充电桩任务（个）", "6000"), ("已建成充电桩（个）", "4500"),
              ("其中：快充桩（个）", "1200"), ("充电桩保有量（个）", "21000")),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市充电设施建设情况")] == [
        ("pledge", "new", "6000 个"), ("achieved", "new", "4500 个"),
        ("achieved", "cumulative", "21000 个"),
    ]  # fmt: skip


def test_labels_that_open_with_months_are_labels() -> None:
    tab = Table(
        caption="充电设施主要数据", unit=None, header=("指标", "数值"),
        rows=(("全年新建充电桩目标（个）", "6000"), ("1-8月已建成充电桩（个）", "4500")),
    )  # fmt: skip
    assert [c[:3] for c in read(tab, PILES, "临江市")] == [
        ("pledge", "new", "6000 个"), ("achieved", "new", "4500 个"),
    ]  # fmt: skip


def test_a_period_guessed_from_the_date_drops_nothing() -> None:
    """A table of last year published in January that names no year: read as before (its
    period guessed from the date), not dropped as another period than the target's."""
    tab = Table(
        caption="供水管网改造完成情况", unit=None,
        header=("区", "年度任务（公里）", "全年完成（公里）"),
        rows=(("全市", "80", "82"),),
    )  # fmt: skip
    assert len(read(tab, WATER, "临江市", date(2026, 1, 12))) == 2


# --- the fifth round's kinds --------------------------------------------------------------------


def test_years_under_a_plan_caption_are_plans_and_their_total_the_span_s() -> None:
    tab = Table(
        caption="三年行动计划任务分解表（个）", unit=None,
        header=("区", "2024年", "2025年", "2026年", "合计"),
        rows=(("东岸区", "1500", "1800", "2000", "5300"),
              ("全市", "5000", "6000", "7000", "18000")),
    )  # fmt: skip
    piles = Target(
        "lj-piles",
        "临江市2025年新建充电桩6000个",
        ("充电桩",),
        ("临江", "临江市", "全市"),
        unit="个",
        pledge=Pledge(Decimal(6000), by=date(2025, 12, 31)),
    )  # fmt: skip (2026's plan is of another period than the target's)
    got = find_table_figures(tab, [piles], published=date(2025, 3, 1), title="临江市充电桩三年行动")
    assert [(f.kind, f.period, f"{f.value.normalize():f}") for f in got] == [
        ("pledge", "2024", "5000"), ("pledge", "2025", "6000"), ("pledge", "2024-2026", "18000"),
    ]  # fmt: skip


# --- the sixth round's kinds --------------------------------------------------------------------


def test_stages_of_work_as_the_rows() -> None:
    tab = Table(
        caption="新建充电桩进度（截至8月底）", unit=None,
        header=("环节", "年度任务（个）", "已完成（个）"),
        rows=(("开工", "6000", "5200"), ("建成", "6000", "4500")),
    )  # fmt: skip
    got = find_table_figures(tab, [PILES], published=date(2025, 9, 10), title="临江市")
    assert [(f.sentence.split(" | ")[0], f.kind, f.measure) for f in got] == [
        ("开工", "pledge", "开工"), ("开工", "achieved", "开工"),
        ("建成", "pledge", "建成"), ("建成", "achieved", "建成"),
    ]  # fmt: skip


def test_a_stock_at_quarter_ends() -> None:
    tab = Table(
        caption="充电桩保有量变化情况", unit=None,
        header=("时间", "充电桩保有量（个）", "较年初新增（个）"),
        rows=(("2024年底", "15000", "—"), ("一季度末", "16200", "1200"),
              ("6月底", "17500", "2500")),
    )  # fmt: skip
    got = read(tab, PILES, "临江市")
    assert [c[:3] for c in got] == [
        ("achieved", "cumulative", "15000 个"),
        ("achieved", "cumulative", "16200 个"), ("achieved", "new", "1200 个"),
        ("achieved", "cumulative", "17500 个"), ("achieved", "new", "2500 个"),
    ]  # fmt: skip


@pytest.mark.parametrize("head", ["充电桩保有量（个）", "充电桩存量", "充电桩总数（个）"])
def test_a_stock_held_is_a_level(head: str) -> None:
    tab = Table(caption="充电桩情况", unit=None, header=("时间", head), rows=(("6月底", "17500"),))
    assert read(tab, PILES, "临江市") == [("achieved", "cumulative", "17500 个", head)]
