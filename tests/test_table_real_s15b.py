"""Table kinds met on real progress pages, second round (session 15; every header, row, caption
and page here is our own wording): a line above the table naming the office in charge
(责任单位：…) is no unit note, …"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.tables import article_figures, find_table_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.extract import extract


def _page(above: str, table: str, title: str = "2023年市政府惠民实事项目1—9月进展情况") -> bytes:
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title></head><body><div id=main>"
        f"<h1>{title}</h1><p>今年惠民实事项目共30项，各牵头部门加快推进，总体进展顺利。"
        f"以下为1—9月各项目推进情况，欢迎市民查阅。</p>"
        f"<p>{above}</p><table>{table}</table></div></body></html>"
    ).encode()


def _reads(page: bytes, target: Target, day: date) -> list[tuple[str, str, str, str, str]]:
    article = extract(page, url="http://127.0.0.1/p.html")
    found = article_figures(article, (target,), published=day)
    out = []
    for f in found:
        if " | " not in f.sentence:
            continue
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        row = f.sentence.split(" | ", 1)[0]
        out.append((row, head, f.kind, f.scope, f"{f.value.normalize():f} {f.unit}"))
    return sorted(out)


# --- the line above a table naming the offices in charge of the item (责任单位：市体育局,
# 牵头单位：…): an office's name, no unit of the table's amounts ---

PITCHES = Target(
    "yx-pitches", "云溪市2023年新建社区足球场12片", ("社区足球场", "足球场"),
    ("云溪市", "云溪", "全市"), unit="片", pledge=Pledge(Decimal(12)),
)  # fmt: skip

_ACROSS = (
    "<tr><td></td><td>东城</td><td>西城、南城</td><td>高新</td><td>合计</td></tr>"
    "<tr><td>新建足球场年度目标</td><td>4</td><td>5</td><td>3</td><td>12</td></tr>"
    "<tr><td>已建成</td><td>3</td><td>2</td><td>3</td><td>8</td></tr>"
)


@pytest.mark.parametrize(
    "above",
    [
        "（七）新建社区足球场12片，责任单位:市体育局，配合单位:各区管委会",
        "七、新建社区足球场12片（牵头单位：市体育局；协办单位：市住建局）",
        "社区足球场建设 主办单位：市体育局",
    ],
)
def test_an_office_in_charge_above_the_table_is_no_unit(above: str) -> None:
    article = extract(_page(above, _ACROSS), url="http://127.0.0.1/p.html")
    assert [t.unit for t in article.tables] == [None]


def test_a_unit_note_above_the_table_is_still_read() -> None:
    article = extract(_page("单位：片", _ACROSS), url="http://127.0.0.1/p.html")
    assert [t.unit for t in article.tables] == ["片"]


# --- places across (written without 区 or 县: 东城, 西城、南城) and the item's roles down
# (新建足球场年度目标 | 4 | 5 | 3 | 12, then 已建成): a row of a role alone continues the item of
# the row above it ---


def test_a_row_of_a_role_alone_continues_the_item_above_it() -> None:
    page = _page("（七）新建社区足球场12片，责任单位:市体育局", _ACROSS)
    assert _reads(page, PITCHES, date(2023, 10, 20)) == [
        ("已建成", "合计", "achieved", "new", "8 片"),
        ("新建足球场年度目标", "合计", "pledge", "new", "12 片"),
    ]


JOBS = Target(
    "hz-jobs", "禾州市2024年城镇新增就业3.2万人", ("城镇新增就业", "新增就业"),
    ("禾州市", "禾州", "全市"), unit="人", pledge=Pledge(Decimal(32000)),
)  # fmt: skip


@pytest.mark.parametrize("done", ["实际完成", "1-9月完成", "完成数"])
def test_the_role_rows_of_one_item_among_several(done: str) -> None:
    # two items, each a row naming it with its plan and a row of the work done below: the second
    # item's row of the work done is its own, none of the first's
    rows = (
        "<tr><td>项目</td><td>南城</td><td>北城、江口</td><td>合计</td></tr>"
        "<tr><td>城镇新增就业年度目标（人）</td><td>12000</td><td>20000</td><td>32000</td></tr>"
        f"<tr><td>{done}</td><td>9800</td><td>16100</td><td>25900</td></tr>"
        "<tr><td>职业技能培训年度目标（人次）</td><td>5000</td><td>7000</td><td>12000</td></tr>"
        f"<tr><td>{done}</td><td>4100</td><td>5200</td><td>9300</td></tr>"
    )
    got = _reads(_page("就业工作推进情况", rows, "禾州市2024年就业工作1—9月进展"), JOBS,
                 date(2024, 10, 15))  # fmt: skip
    assert got == sorted(
        [
            ("城镇新增就业年度目标（人）", "合计", "pledge", "new", "32000 人"),
            (done, "合计", "achieved", "new", "25900 人"),
        ]
    )


# --- a 进度 column beside the table's own share column (年度目标任务 | 进度 | 完成任务(%)), its
# cells no per cents (19650 beside 109.2): the count done so far, the share being written beside
# it; the unit in the row's label (新增城镇就业(人)) ---


def _cells(table: Table, target: Target, title: str, day: date) -> list[tuple[str, str, str, str]]:
    found = find_table_figures(table, [target], published=day, title=title)
    out = []
    for f in found:
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        out.append((head, f.kind, f.scope, f"{f.value.normalize():f} {f.unit}"))
    return sorted(out)


BZ_JOBS = Target(
    "bz-jobs", "柏州市2022年新增城镇就业18000人", ("新增城镇就业",),
    ("柏州市", "柏州", "全市"), unit="人", pledge=Pledge(Decimal(18000)),
)  # fmt: skip
GAS = Target(
    "bz-gas", "柏州市2022年改造燃气管网120公里", ("燃气管网",), ("柏州市", "柏州", "全市"),
    unit="公里", pledge=Pledge(Decimal(120)),
)  # fmt: skip


@pytest.mark.parametrize("share", ["完成任务(%)", "完成率（%）", "完成比例"])
def test_progress_beside_its_own_share_column_is_the_count_done(share: str) -> None:
    table = Table(
        caption="柏州市2022年惠民项目推进表（1—10月）", unit=None,
        header=("编号", "类别", "建设内容", "年度目标任务", "进度", share, "责任部门"),
        rows=(
            ("一", "稳岗就业", "新增城镇就业(人)", "18000", "19650", "109.2", "市人社局"),
            ("二", "稳岗就业", "失业人员再就业(人)", "3000", "2710", "90.3", "市人社局"),
            ("三", "城市更新", "改造燃气管网(公里)", "120", "96", "80.0", "市住建局"),
        ),
    )  # fmt: skip
    title = "柏州市2022年1—10月民生工程推进情况"
    assert _cells(table, BZ_JOBS, title, date(2022, 11, 20)) == sorted(
        [
            ("年度目标任务", "pledge", "new", "18000 人"),
            ("进度", "achieved", "new", "19650 人"),
            (share, "achieved", "share_of_pledge", "109.2 %"),
        ]
    )
    assert ("进度", "achieved", "new", "96 千米") in _cells(table, GAS, title, date(2022, 11, 20))


def test_progress_in_per_cents_beside_a_share_stays_a_share() -> None:
    table = Table(
        caption="2022年民生工程推进情况表", unit=None,
        header=("项目内容", "目标任务", "进度", "完成率（%）"),
        rows=(("改造燃气管网(公里)", "120", "80%", "80.0"),),
    )  # fmt: skip
    got = _cells(table, GAS, "柏州市民生工程推进情况", date(2022, 11, 20))
    assert ("进度", "achieved", "share_of_pledge", "80 %") in got


# --- a column of a level the thing stands at (装机容量, 营业里程, 运营里程, 通车里程): where it
# stands, cumulative, not the period's additions; the additions beside it (新增装机容量, 新投产里程,
# 新开通里程) stay new ---

WIND = Target(
    "ql-wind", "青岚省风电装机容量", ("风电",), ("青岚省", "青岚", "全省"), unit="千瓦"
)  # fmt: skip
METRO = Target(
    "nz-metro", "南舟市城市轨道交通运营里程", ("轨道交通",), ("南舟市", "南舟", "全市"),
    unit="公里",
)  # fmt: skip


@pytest.mark.parametrize("stock", ["装机容量（万千瓦）", "累计装机（万千瓦）"])
def test_a_column_of_capacity_installed_is_the_level(stock: str) -> None:
    table = Table(
        caption="青岚省电源结构（9月末）", unit=None,
        header=("电源类型", stock, "新增装机容量（万千瓦）", "同比增长（%）"),
        rows=(
            ("全部电源", "8650", "410", "9.1"),
            ("风电", "1320", "95", "20.4"),
            ("水电", "2210", "12", "0.6"),
        ),
    )  # fmt: skip
    got = _cells(table, WIND, "青岚省前三季度电力运行情况", date(2025, 10, 20))
    assert (stock, "achieved", "cumulative", "13200000 千瓦") in got
    assert ("同比增长（%）", "achieved", "rate", "20.4 %") in got
    assert not [g for g in got if g[0].startswith("新增") and g[2] != "new"]


@pytest.mark.parametrize("length", ["运营里程（公里）", "营业里程（公里）", "通车里程（公里）"])
def test_a_column_of_the_length_in_service_is_the_level(length: str) -> None:
    table = Table(
        caption="2024年南舟市城市轨道交通建设情况", unit=None,
        header=("分类", "当年新开通（公里）", length),
        rows=(("城市轨道交通", "38.5", "412.6"), ("其中：市域快线", "30.1", "356.0")),
    )  # fmt: skip
    assert _cells(table, METRO, "南舟市轨道交通线网再延伸", date(2025, 1, 8)) == sorted(
        [
            ("当年新开通（公里）", "achieved", "new", "38.5 千米"),
            (length, "achieved", "cumulative", "412.6 千米"),
        ]
    )


# --- a statistics table of measures by name and unit alone (产量（万吨）), with no period or
# role in its caption or title, beside a change over the year before (增长（%）): what was
# measured, the results; the change in amount beside (比上年增减（万吨）) is no level ---

GRAIN = Target(
    "xl-grain", "西岭省粮食产量", ("粮食产量",), ("西岭省", "西岭", "全省"),
    unit="吨",
)  # fmt: skip
CARS = Target(
    "hy-nev", "红原市新能源汽车产量", ("新能源汽车",), ("红原市", "红原", "全市"), unit="辆"
)  # fmt: skip


def test_a_measure_beside_its_growth_over_last_year_is_a_result() -> None:
    table = Table(
        caption="全省主要农产品产量", unit=None,
        header=("类别", "产量（万吨）", "增减量（万吨）", "比上年增长（%）"),
        rows=(
            ("粮食产量", "3580.4", "42.1", "1.2"),
            ("棉花产量", "31.2", "-0.5", "-1.6"),
        ),
    )  # fmt: skip
    assert _cells(table, GRAIN, "西岭省粮食生产再获丰收", date(2024, 12, 20)) == sorted(
        [
            ("产量（万吨）", "achieved", "new", "35804000 吨"),
            ("比上年增长（%）", "achieved", "rate", "1.2 %"),
        ]
    )


def test_an_output_column_beside_its_year_on_year_change_is_a_result() -> None:
    table = Table(
        caption="全市主要工业产品产量", unit=None,
        header=("产品名称", "产量（万辆）", "同比增长（%）"),
        rows=(("汽车", "85.2", "6.1"), ("新能源汽车", "31.7", "24.8")),
    )  # fmt: skip
    got = _cells(table, CARS, "红原市工业经济运行平稳", date(2025, 4, 18))
    assert ("产量（万辆）", "achieved", "new", "317000 辆") in got


def test_a_measure_with_no_change_beside_and_no_frame_says_nothing() -> None:
    table = Table(
        caption="全省主要农产品产量", unit=None, header=("项目", "产量（万吨）"),
        rows=(("粮食产量", "3580.4"), ("棉花产量", "31.2")),
    )  # fmt: skip
    assert _cells(table, GRAIN, "西岭省农业概况", date(2024, 12, 20)) == []


# --- the measure across the header (新投产里程, 运营里程) and the things down (全省铁路, 其中：…):
# the row the target's title names (全省铁路营业里程 → 全省铁路) is the target's, not its part ---

RAIL = Target(
    "xl-rail", "西岭省铁路营业里程", ("铁路营业里程", "营业里程", "新投产里程"),
    ("西岭省", "西岭", "全省"), unit="公里",
)  # fmt: skip
PIPES = Target(
    "cj-pipes", "澄江县城区供水管网总长度", ("管网总长度", "新建管网"), ("澄江县", "澄江", "全县"),
    unit="公里",
)  # fmt: skip


def test_the_row_the_targets_title_names_under_its_measure_across() -> None:
    table = Table(
        caption="西岭省铁路建设运营情况（2024年）", unit=None,
        header=("线别", "新投产里程（公里）", "营业里程（公里）"),
        rows=(("全省铁路", "312", "6120"), ("其中：城际铁路", "245", "2380")),
    )  # fmt: skip
    assert _cells(table, RAIL, "西岭省铁路网加密成形", date(2025, 1, 6)) == sorted(
        [
            ("新投产里程（公里）", "achieved", "new", "312 千米"),
            ("营业里程（公里）", "achieved", "cumulative", "6120 千米"),
        ]
    )


def test_the_row_the_title_names_in_a_utility_report() -> None:
    table = Table(
        caption="2023年澄江县城区供水设施建设情况", unit=None,
        header=("设施", "新建管网（公里）", "管网总长度（公里）"),
        rows=(("城区供水管网", "18.6", "402.3"), ("其中：主干管", "4.2", "96.0")),
    )  # fmt: skip
    got = _cells(table, PIPES, "澄江县供水保障能力提升", date(2024, 1, 12))
    assert ("管网总长度（公里）", "achieved", "cumulative", "402.3 千米") in got


def test_rows_the_title_does_not_name_stay_out() -> None:
    table = Table(
        caption="2024年西岭省交通建设情况", unit=None,
        header=("线别", "新投产里程（公里）", "营业里程（公里）"),
        rows=(("高速公路", "120", "8200"), ("普通国省道", "300", "21000")),
    )  # fmt: skip
    assert _cells(table, RAIL, "西岭省交通建设提速", date(2025, 1, 6)) == []


# --- an item's row labelled with its role and the period the role is for (城镇新增就业年度任务,
# 新建充电桩全年任务（个）): the period word is no noun the keyword modifies ---

CHARGERS = Target(
    "sy-chargers", "双堰市2025年新建公共充电桩3000个", ("充电桩",), ("双堰市", "双堰", "全市"),
    unit="个", pledge=Pledge(Decimal(3000)),
)  # fmt: skip


@pytest.mark.parametrize("plan", ["新建充电桩年度任务（个）", "新建充电桩全年任务（个）"])
def test_an_item_row_naming_the_period_of_its_plan_is_the_items(plan: str) -> None:
    table = Table(
        caption="双堰市2025年重点民生项目推进情况（截至6月底）", unit=None,
        header=("项目", "合计"),
        rows=((plan, "3000"), ("新建充电桩已建成（个）", "1640")),
    )  # fmt: skip
    got = _cells(table, CHARGERS, "双堰市民生项目上半年进展", date(2025, 7, 10))
    assert ("合计", "pledge", "new", "3000 个") in got
