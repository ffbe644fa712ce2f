"""Table kinds met on real pages, session 16 (every header, row, caption and page here is our
own wording): a plan-execution table whose cells write the change in words before the per cent
(增长6%左右 | 下降1.5%) is read for a growth target, a fall keeping its direction; …"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from monitor.figures.tables import article_figures
from monitor.models import Pledge, Target
from monitor.pages.extract import extract


def _page(title: str, lines: str, table: str) -> bytes:
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title></head><body><div id=main>"
        f"<h1>{title}</h1>{lines}<table>{table}</table></div></body></html>"
    ).encode()


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _reads(page: bytes, target: Target, day: date) -> list[tuple[str, ...]]:
    article = extract(page, url="http://127.0.0.1/p.html")
    out = []
    for f in article_figures(article, (target,), published=day):
        if " | " not in f.sentence:
            continue
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        row = f.sentence.split(" | ", 1)[0]
        value = f"{f.value.normalize():f} {f.unit}"
        out.append((row, head, f.kind, f.scope, value, f.direction or ""))
    return sorted(out)


# --- a change said in words inside the cell (增长7%左右, 下降2.3%) under a plan and a result
# column, for a target counted in per cent: the rate, a fall kept as one ---

INDUSTRY = Target(
    "yx-industry", "云溪市2025年规模以上工业增加值增长7%左右", ("规模以上工业增加值",),
    ("云溪市", "云溪", "全市"), unit="%", pledge=Pledge(Decimal(7), scope="rate"),
)  # fmt: skip
RETAIL = Target(
    "lp-retail", "临平县2024年社会消费品零售总额增长6%", ("社会消费品零售总额",),
    ("临平县", "临平", "全县"), unit="%", pledge=Pledge(Decimal(6), scope="rate"),
)  # fmt: skip

_REVIEW = (
    _row("指标", "年度目标", "执行结果", "说明")
    + _row("一、经济运行", "", "", "")
    + _row("1.规模以上工业增加值", "增长7%左右", "增长5.9%", "812.4亿元")
    + _row("2.社会消费品零售总额", "增长6%", "下降2.3%", "301.6亿元")
    + _row("3.城镇居民人均可支配收入", "增长5.5%", "增长5.1%", "")
)
_HALF = (
    _row("主要指标", "全年计划", "1-6月完成", "备注")
    + _row("社会消费品零售总额", "增长6%", "增长4.2%", "")
    + _row("外贸进出口总额", "增长3%", "下降1.1%", "")
)


def test_a_change_in_words_under_the_plan_and_the_result_is_the_rate() -> None:
    page = _page(
        "关于云溪市2025年国民经济和社会发展计划执行情况的报告",
        "<p>全市主要指标完成情况见下表。</p>",
        _REVIEW,
    )
    assert _reads(page, INDUSTRY, date(2026, 2, 10)) == [
        ("1.规模以上工业增加值", "年度目标", "pledge", "rate", "7 %", ""),
        ("1.规模以上工业增加值", "执行结果", "achieved", "rate", "5.9 %", ""),
    ]


def test_a_fall_said_in_words_keeps_its_direction() -> None:
    page = _page(
        "关于云溪市2025年国民经济和社会发展计划执行情况的报告",
        "<p>全市主要指标完成情况见下表。</p>",
        _REVIEW.replace("云溪", "临平"),
    )
    target = Target(
        "yx-retail", "云溪市2025年社会消费品零售总额增长6%", ("社会消费品零售总额",),
        ("云溪市", "云溪", "全市"), unit="%", pledge=Pledge(Decimal(6), scope="rate"),
    )  # fmt: skip
    assert _reads(page, target, date(2026, 2, 10)) == [
        ("2.社会消费品零售总额", "年度目标", "pledge", "rate", "6 %", ""),
        ("2.社会消费品零售总额", "执行结果", "achieved", "rate", "2.3 %", "down"),
    ]


def test_a_half_year_report_in_another_genre() -> None:
    page = _page(
        "临平县上半年经济运行情况通报",
        "<p>上半年全县经济运行总体平稳，主要指标如下表。</p>",
        _HALF,
    )
    assert _reads(page, RETAIL, date(2024, 7, 20)) == [
        ("社会消费品零售总额", "1-6月完成", "achieved", "rate", "4.2 %", ""),
        ("社会消费品零售总额", "全年计划", "pledge", "rate", "6 %", ""),
    ]


def test_every_word_of_change_the_cells_may_say_makes_a_table() -> None:
    """review2: the page finds the table by the same words of change the cells are read with
    (比上年增长, 增加, 上升, 减少), not only 增长/下降/提高/降低/回落."""
    table = (
        _row("主要指标", "全年计划", "1-6月完成", "备注")
        + _row("社会消费品零售总额", "比上年增长6%", "上升4.2%", "")
        + _row("外贸进出口总额", "增加3%", "减少1.1%", "")
    )
    page = _page("临平县上半年经济运行情况通报", "<p>上半年全县主要指标如下表。</p>", table)
    assert _reads(page, RETAIL, date(2024, 7, 20)) == [
        ("社会消费品零售总额", "1-6月完成", "achieved", "rate", "4.2 %", ""),
        ("社会消费品零售总额", "全年计划", "pledge", "rate", "6 %", ""),
    ]


def test_a_count_target_takes_no_change_in_words_as_its_amount() -> None:
    """Must not change: a target counted in 家 reads no 增长5% cell as 5 家."""
    firms = Target(
        "yx-firms", "云溪市2025年新增规模以上工业企业60家", ("规模以上工业企业",),
        ("云溪市", "云溪", "全市"), unit="家", pledge=Pledge(Decimal(60)),
    )  # fmt: skip
    table = _row("指标", "年度目标", "执行结果") + _row("规模以上工业企业", "增长5%", "增长3.8%")
    page = _page("关于云溪市2025年计划执行情况的报告", "<p>见下表。</p>", table)
    assert _reads(page, firms, date(2026, 2, 10)) == []


# --- a statistics yearbook's series (项目 | 2019 | 2020 | … under a caption of a count, …机构数 or
# …床位数): each cell is the count standing at the year's end, a level (cumulative), not what the
# year added; a series of what was done in each year (新增…, …竣工…) stays the year's own ---

SHELTERS = Target(
    "ql-shelters", "青岚省社区养老服务站数", ("社区养老服务站",), ("青岚省", "青岚", "全省"),
    unit="个",
)  # fmt: skip
DOCTORS = Target(
    "ql-doctors", "青岚省执业医师数", ("执业医师",), ("青岚省", "青岚", "全省"), unit="人",
)  # fmt: skip


def _yearbook(caption: str, rows: str, title: str = "青岚统计年鉴2024") -> bytes:
    head = "<tr><th>项目</th><th>2019</th><th>2020</th><th>2021</th><th>2022</th></tr>"
    return _page(title, f"<p>{caption}</p><p>单位：个</p>", head + rows)


def test_a_yearbook_series_of_a_count_is_the_level_each_year() -> None:
    rows = (
        _row("合计", "812", "845", "860", "902")
        + _row("社区养老服务站", "301", "322", "340", "371")
        + _row("乡镇敬老院", "511", "523", "520", "531")
    )
    page = _yearbook("表7-2 养老服务机构数(2019-2022年)", rows)
    assert _reads(page, SHELTERS, date(2023, 12, 31)) == [
        ("社区养老服务站", year, "achieved", "cumulative", f"{n} 个", "")
        for year, n in (("2019", 301), ("2020", 322), ("2021", 340), ("2022", 371))
    ]


def test_a_series_of_staff_counts_in_a_health_bulletin() -> None:
    rows = _row("执业医师数", "2204", "2391", "2475", "2630") + _row(
        "注册护士数", "2788", "2950", "3107", "3321"
    )
    page = _yearbook(
        "表3 全省卫生人员情况", rows.replace("单位：个", ""), title="青岚省卫生健康事业发展统计公报"
    ).replace("单位：个".encode(), "单位：人".encode())
    assert [r[3] for r in _reads(page, DOCTORS, date(2023, 6, 30))] == ["cumulative"] * 4


def test_a_yearbook_series_of_the_years_work_stays_new() -> None:
    """Must not change: each year's additions (新增…) are the year's own."""
    rows = _row("新增社区养老服务站", "21", "25", "18", "31") + _row(
        "新增乡镇敬老院", "4", "6", "2", "5"
    )
    page = _yearbook("表7-5 新增养老服务设施数(2019-2022年)", rows)
    assert [r[3] for r in _reads(page, SHELTERS, date(2023, 12, 31))] == ["new"] * 4


PATENTS = Target(
    "ql-patents", "青岚省发明专利授权量", ("发明专利授权",), ("青岚省", "青岚", "全省"), unit="件",
)  # fmt: skip


def test_a_yearbook_series_of_events_counted_stays_new() -> None:
    """Must not change (found in the second review): a count of what happens in each year (专利
    授权数, 事故数, 游客人数) is that year's flow, not a level standing at its end."""
    rows = _row("发明专利授权数", "1204", "1391", "1475", "1630") + _row(
        "实用新型专利授权数", "5788", "5950", "6107", "6321"
    )
    page = _yearbook("表9-1 专利申请和授权数(2019-2022年)", rows).replace(
        "单位：个".encode(), "单位：件".encode()
    )
    assert [r[3] for r in _reads(page, PATENTS, date(2023, 12, 31))] == ["new"] * 4


# --- a header of one row that writes its group and its role in one cell (惠及居民(万户)开工率): the
# share belongs to the group whose unit the bracket names, not to a target counting in 个 ---

COMPOUNDS = Target(
    "ql-compounds", "青岚省2025年新开工改造老旧小区800个", ("改造小区", "老旧小区"),
    ("青岚省", "青岚", "全省"), unit="个", pledge=Pledge(Decimal(800)),
)  # fmt: skip
ROADS = Target(
    "hx-roads", "河溪县2024年新改建农村公路120公里", ("农村公路",), ("河溪县", "河溪", "全县"),
    unit="公里", pledge=Pledge(Decimal(120)),
)  # fmt: skip


def test_a_share_under_another_units_group_in_one_header_cell() -> None:
    head = "<tr>" + "".join(
        f"<th>{h}</th>"
        for h in (
            "地区", "改造小区数(个)年度任务", "改造小区数(个)已开工", "改造小区数(个)开工率",
            "惠及居民(万户)年度任务", "惠及居民(万户)已开工", "惠及居民(万户)开工率",
        )
    ) + "</tr>"  # fmt: skip
    rows = _row("青岚省", "800", "616", "77.0%", "12.40", "10.05", "81.0%") + _row(
        "白沙省", "520", "390", "75.0%", "8.01", "6.23", "77.8%"
    )
    page = _page("青岚省老旧小区改造进展情况（截至6月末）", "<p>进展如下。</p>", head + rows)
    reads = _reads(page, COMPOUNDS, date(2025, 7, 10))
    assert [(r[1], r[2], r[3]) for r in reads if r[0] == "青岚省"] == [
        ("改造小区数(个)已开工", "achieved", "new"),
        ("改造小区数(个)年度任务", "pledge", "new"),
        ("改造小区数(个)开工率", "achieved", "share_of_pledge"),
    ]


def test_a_road_table_with_a_group_of_people_in_one_header_cell() -> None:
    head = "<tr>" + "".join(
        f"<th>{h}</th>"
        for h in ("项目", "里程(公里)计划", "里程(公里)完成", "受益人口(万人)完成率")
    ) + "</tr>"  # fmt: skip
    rows = _row("农村公路新改建", "120", "96", "88.0%") + _row("危桥改造", "15", "9", "60.0%")
    page = _page("河溪县2024年交通重点工作进展", "<p>截至10月底进展如下。</p>", head + rows)
    assert [r[1] for r in _reads(page, ROADS, date(2024, 11, 5))] == [
        "里程(公里)完成",
        "里程(公里)计划",
    ]


def test_a_share_whose_bracket_ends_the_header_stays_read() -> None:
    """Must not change: 完成率(%) holds the target's own share."""
    head = "<tr><th>项目</th><th>计划(公里)</th><th>完成(公里)</th><th>完成率(%)</th></tr>"
    rows = _row("农村公路新改建", "120", "96", "80.0") + _row("危桥改造", "15", "9", "60.0")
    page = _page("河溪县2024年交通重点工作进展", "<p>截至10月底进展如下。</p>", head + rows)
    assert [r[1] for r in _reads(page, ROADS, date(2024, 11, 5))] == [
        "完成(公里)",
        "完成率(%)",
        "计划(公里)",
    ]


# --- measures across (断面 | 水质优良比例（%） | 氨氮浓度（毫克/升） | 氨氮同比（%）): a per-cent
# column named by a measure of its own before its 比例 (水质优良比例, 公办园在园幼儿比例) is that
# measure's, no share of the target's plan, where another column names the target ---

AMMONIA = Target(
    "hx-ammonia", "河溪县氨氮浓度", ("氨氮",), ("河溪县", "河溪", "全县"), unit="毫克/升",
)  # fmt: skip
KINDERGARTENS = Target(
    "ql-kindergartens", "青岚省2024年新增普惠性幼儿园150所", ("普惠性幼儿园",),
    ("青岚省", "青岚", "全省"), unit="所", pledge=Pledge(Decimal(150)),
)  # fmt: skip


def _heads(*heads: str) -> str:
    return "<tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr>"


def test_a_measure_of_its_own_before_its_share_word_is_no_share_of_the_plan() -> None:
    table = (
        _heads("县区", "水质优良比例（%）", "氨氮浓度（毫克/升）", "氨氮同比（%）")
        + _row("河溪县", "82.5", "0.41", "-6.2")
        + _row("白沙县", "77.0", "0.52", "-3.1")
    )
    page = _page("1-9月各县区地表水环境质量", "<p>各县区水质情况如下。</p>", table)
    reads = _reads(page, AMMONIA, date(2024, 10, 15))
    assert [r[1] for r in reads if r[0] == "河溪县" and "比例" in r[1]] == []


def test_a_share_of_children_beside_the_kindergartens_is_not_their_share() -> None:
    table = (
        _heads("地区", "公办园在园幼儿比例（%）", "新增普惠性幼儿园（所）", "完成年度任务（%）")
        + _row("青岚省", "91.2", "126", "84.0")
        + _row("白沙省", "89.5", "98", "81.7")
    )
    page = _page("2024年学前教育发展情况通报", "<p>截至10月底各地情况如下。</p>", table)
    reads = _reads(page, KINDERGARTENS, date(2024, 11, 20))
    assert [(r[1], r[3]) for r in reads if r[0] == "青岚省"] == [
        ("完成年度任务（%）", "share_of_pledge"),
        ("新增普惠性幼儿园（所）", "new"),
    ]


def test_a_share_of_the_plan_after_the_targets_columns_stays_read() -> None:
    """Must not change: 完成比例 names no measure of its own."""
    table = (
        _heads("地区", "新增普惠性幼儿园计划（所）", "新增普惠性幼儿园完成（所）", "完成比例（%）")
        + _row("青岚省", "150", "126", "84.0")
        + _row("白沙省", "120", "98", "81.7")
    )
    page = _page("2024年学前教育发展情况通报", "<p>截至10月底各地情况如下。</p>", table)
    reads = _reads(page, KINDERGARTENS, date(2024, 11, 20))
    assert [r[1] for r in reads if r[0] == "青岚省"] == [
        "完成比例（%）",
        "新增普惠性幼儿园完成（所）",
        "新增普惠性幼儿园计划（所）",
    ]


def test_a_share_of_migrant_workers_beside_new_jobs_in_a_monthly_release() -> None:
    jobs = Target(
        "ql-jobs", "青岚省2024年城镇新增就业60万人", ("城镇新增就业",), ("青岚省", "青岚", "全省"),
        unit="万人", pledge=Pledge(Decimal(60)),
    )  # fmt: skip
    table = (
        _heads("地区", "农民工就业比重（%）", "城镇新增就业（万人）", "城镇新增就业同比（%）")
        + _row("青岚省", "5.1", "41.3", "2.4")
        + _row("白沙省", "5.4", "30.2", "-1.2")
    )
    page = _page("1-8月各省就业形势", "<p>各省主要就业指标如下。</p>", table)
    reads = _reads(page, jobs, date(2024, 9, 20))
    assert [r[1] for r in reads if r[0] == "青岚省"] == [
        "城镇新增就业同比（%）",
        "城镇新增就业（万人）",
    ]


# --- a change against an average of years (同比 三年均值, 较近五年平均): no rate of the year over
# the year before; the column against last year beside it stays the rate ---


def test_a_change_against_a_years_average_is_no_rate_of_the_year() -> None:
    dioxide = Target(
        "hx-no2", "河溪县二氧化氮浓度", ("二氧化氮",), ("河溪县", "河溪", "全县"),
        unit="微克/立方米",
    )  # fmt: skip
    table = (
        _heads(
            "县区",
            "二氧化氮浓度（微克/立方米）",
            "二氧化氮同比（%）",
            "二氧化氮较近三年平均增长（%）",
        )
        + _row("河溪县", "21", "-6.2", "-9.8")
        + _row("白沙县", "25", "-3.1", "1.4")
    )
    page = _page("1-9月各县区环境空气质量", "<p>各县区空气质量情况如下。</p>", table)
    reads = _reads(page, dioxide, date(2024, 10, 15))
    assert [r[1] for r in reads if r[0] == "河溪县" and r[3] == "rate"] == ["二氧化氮同比（%）"]


def test_a_rise_against_a_five_year_mean_in_a_tourism_table() -> None:
    visitors = Target(
        "hx-visitors", "河溪县接待游客人次增长", ("接待游客",), ("河溪县", "河溪", "全县"),
        unit="%",
    )  # fmt: skip
    table = (
        _heads("指标", "1-9月", "比上年增长（%）", "较近五年平均增长（%）")
        + _row("接待游客（万人次）", "812.6", "12.4", "30.5")
        + _row("旅游收入（亿元）", "65.2", "9.8", "21.0")
    )
    page = _page("河溪县前三季度文旅市场运行情况", "<p>全县文旅市场持续回暖。</p>", table)
    assert [r[1] for r in _reads(page, visitors, date(2024, 10, 12))] == ["比上年增长（%）"]


# --- one item's rows at two stages (保障性租赁住房 开工 / 保障性租赁住房 竣工): for a target of one
# stage, the row of a later stage is another measure where a row of the target's own stage is
# there; a later stage's row alone stays read as it was ---

RENTALS = Target(
    "ql-rentals", "青岚省2024年保障性租赁住房开工", ("保障性租赁住房",), ("青岚省", "青岚", "全省"),
    unit="套",
)  # fmt: skip
_LIST_HEAD = _heads("民生工程", "完成量", "占全年任务")


def test_a_later_stages_row_beside_the_targets_own_is_another_measure() -> None:
    table = (
        _LIST_HEAD
        + _row("保障性租赁住房 开工", "4.2万套", "105%")
        + _row("保障性租赁住房 竣工", "3.1万套", "98.4%")
        + _row("城镇老旧小区改造", "1260个", "100%")
    )
    page = _page("青岚省十项民生工程进展情况", "<p>截至11月底，各项工程进展如下。</p>", table)
    assert [r[0] for r in _reads(page, RENTALS, date(2024, 12, 5))] == [
        "保障性租赁住房 开工",
        "保障性租赁住房 开工",
    ]


def test_rows_of_houses_started_and_finished_in_a_county_bulletin() -> None:
    houses = Target(
        "hx-houses", "河溪县2023年农村危房改造开工", ("农村危房改造",), ("河溪县", "河溪", "全县"),
        unit="户",
    )  # fmt: skip
    table = (
        _heads("项目", "完成（户）", "占年度任务（%）")
        + _row("农村危房改造（开工）", "410", "102.5")
        + _row("农村危房改造（竣工）", "362", "90.5")
    )
    page = _page("河溪县2023年乡村建设工作进展", "<p>各项工作进展如下。</p>", table)
    assert {r[0] for r in _reads(page, houses, date(2023, 12, 1))} == {"农村危房改造（开工）"}


def test_a_later_stages_row_alone_stays_read() -> None:
    """Must not change: no row of the target's own stage, the later one's as before."""
    table = (
        _LIST_HEAD
        + _row("保障性租赁住房 竣工", "3.1万套", "98.4%")
        + _row("城镇老旧小区改造", "1260个", "100%")
    )
    page = _page("青岚省十项民生工程进展情况", "<p>截至11月底，各项工程进展如下。</p>", table)
    assert len(_reads(page, RENTALS, date(2024, 12, 5))) == 2


# --- 完成 with the plan as its object (完成年度目标任务的, 完成全年计划) over per cents, beside
# the plan or a result counted in amounts: the share of the plan done, not a second plan ---

STATIONS = Target(
    "hx-stations", "河溪县2024年新建充电站40座", ("充电站",), ("河溪县", "河溪", "全县"),
    unit="座", pledge=Pledge(Decimal(40)),
)  # fmt: skip


def test_done_with_the_year_plan_as_its_object_in_per_cent_is_the_share() -> None:
    table = (
        _heads("项目", "全年任务", "1-8月完成", "完成全年目标任务的")
        + _row("新建充电站", "40座", "26座", "65.0%")
        + _row("新建充电桩", "600个", "410个", "68.3%")
    )
    page = _page("河溪县1-8月新能源基础设施建设进展", "<p>现将进展情况通报如下：</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, STATIONS, date(2024, 9, 6))] == [
        ("1-8月完成", "new"),
        ("全年任务", "new"),
        ("完成全年目标任务的", "share_of_pledge"),
    ]


def test_done_with_the_plan_beside_a_result_in_a_year_end_list() -> None:
    table = (
        _heads("事项", "完成", "完成全年计划")
        + _row("新建充电站", "43座", "107.5%")
        + _row("新建充电桩", "655个", "109.2%")
    )
    page = _page("河溪县2024年民生实事完成情况", "<p>全县民生实事全部完成。</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, STATIONS, date(2025, 1, 10))] == [
        ("完成", "new"),
        ("完成全年计划", "share_of_pledge"),
    ]


def test_a_plan_column_of_amounts_stays_the_plan() -> None:
    """Must not change: 年度目标任务 over amounts is the plan."""
    table = (
        _heads("项目", "年度目标任务", "已完成")
        + _row("新建充电站", "40座", "26座")
        + _row("新建充电桩", "600个", "410个")
    )
    page = _page("河溪县1-8月新能源基础设施建设进展", "<p>现将进展情况通报如下：</p>", table)
    assert [(r[1], r[2]) for r in _reads(page, STATIONS, date(2024, 9, 6))] == [
        ("已完成", "achieved"),
        ("年度目标任务", "pledge"),
    ]


# --- rows of one work at its stages under a caption naming it (危房改造开工 / 危房改造竣工 under
# …危房改造目标任务完成情况): each row a stage, not parts of a whole; the target's stage is read ---

_STAGE_ROWS = (
    _heads("项目", "年度目标任务", "截至9月底", "完成率")
    + _row("农村低收入群体住房保障", "900户", "640户", "71.1%")
    + _row("农村危房改造开工", "1200户", "1010户", "84.2%")
    + _row("农村危房改造竣工", "1200户", "730户", "60.8%")
)
_STAGE_TITLE = "河溪县1-9月农村住房保障、农村危房改造目标任务完成情况"


def test_rows_of_one_work_at_its_stages_are_no_parts_starts() -> None:
    starts = Target(
        "hx-starts", "河溪县2024年农村危房改造开工1200户", ("农村危房改造",),
        ("河溪县", "河溪", "全县"), unit="户", pledge=Pledge(Decimal(1200)),
    )  # fmt: skip
    page = _page(_STAGE_TITLE, "<p>现将进展情况通报如下：</p>", _STAGE_ROWS)
    assert [(r[0], r[1]) for r in _reads(page, starts, date(2024, 10, 8))] == [
        ("农村危房改造开工", "完成率"),
        ("农村危房改造开工", "年度目标任务"),
        ("农村危房改造开工", "截至9月底"),
    ]


def test_rows_of_one_work_at_its_stages_are_no_parts_completions() -> None:
    done = Target(
        "hx-done", "河溪县2024年农村危房改造竣工1200户", ("农村危房改造",),
        ("河溪县", "河溪", "全县"), unit="户", pledge=Pledge(Decimal(1200)),
    )  # fmt: skip
    page = _page(_STAGE_TITLE, "<p>现将进展情况通报如下：</p>", _STAGE_ROWS)
    assert {r[0] for r in _reads(page, done, date(2024, 10, 8))} == {"农村危房改造竣工"}


def test_rows_of_parts_under_a_caption_naming_the_work_stay_unread() -> None:
    """Must not change: 城区 / 乡镇 rows are parts of the county's whole, which no row gives."""
    table = (
        _heads("项目", "年度目标任务", "截至9月底")
        + _row("城区新建充电站", "25座", "19座")
        + _row("乡镇新建充电站", "15座", "8座")
    )
    page = _page(
        "河溪县1-9月充电站建设目标任务完成情况",
        "<p>全县加快充电站建设，现将各片区进展情况通报如下。</p>",
        table,
    )
    assert _reads(page, STATIONS, date(2024, 10, 8)) == []


# --- a header of a work verb over the generic 项目 (开工改造项目, 新开工项目, 完工建设项目): the
# table's own projects, the row's thing, no other item; a named other thing stays another item ---

GAS = Target(
    "hx-gas", "河溪县2024年城市燃气管道老化更新改造开工30个", ("燃气管道老化更新改造", "燃气管道"),
    ("河溪县", "河溪", "全县"), unit="个", pledge=Pledge(Decimal(30)),
)  # fmt: skip


def test_started_projects_are_the_rows_own_work() -> None:
    table = (
        _heads("项目", "年度任务", "新开工项目", "开工率")
        + _row("燃气管道老化更新改造", "30个", "24个", "80.0%")
        + _row("供水管网改造", "12个", "9个", "75.0%")
    )
    page = _page("河溪县城市更新项目1-9月进展", "<p>全县城市更新项目进展如下。</p>", table)
    assert [r[1] for r in _reads(page, GAS, date(2024, 10, 9))] == [
        "年度任务",
        "开工率",
        "新开工项目",
    ]


def test_projects_of_renewal_started_in_a_years_table() -> None:
    table = (
        _heads("片区", "年度任务", "开工改造项目", "开工比例")
        + _row("全县", "30个", "27个", "90.0%")
        + _row("城东片区", "12个", "11个", "91.7%")
    )
    page = _page(
        "河溪县2024年燃气管道老化更新改造进展",
        "<p>全县燃气管道老化更新改造稳步推进。</p>",
        table,
    )
    assert [r[1] for r in _reads(page, GAS, date(2024, 11, 2))] == [
        "年度任务",
        "开工改造项目",
        "开工比例",
    ]


def test_a_named_other_thing_stays_another_item() -> None:
    """Must not change: 新建调压站 names a thing of its own."""
    table = (
        _heads("项目", "年度任务", "已开工", "新建调压站")
        + _row("燃气管道老化更新改造", "30个", "24个", "3座")
        + _row("供水管网改造", "12个", "9个", "")
    )
    page = _page("河溪县城市更新项目1-9月进展", "<p>全县城市更新项目进展如下。</p>", table)
    assert [r[1] for r in _reads(page, GAS, date(2024, 10, 9))] == ["已开工", "年度任务"]


# --- 为/占 with the plan as its object (为计划的, 为年计划, 占全年计划的) over per cents beside a
# result: the share of the plan done ---


def test_is_of_the_plan_in_per_cent_beside_a_result_is_the_share() -> None:
    table = (
        _heads("编号", "项目", "完成数", "为计划的")
        + _row("1", "新建充电站", "43座", "107.5%")
        + _row("2", "新建充电桩", "655个", "109.2%")
    )
    page = _page("河溪县2024年实事项目完成情况", "<p>全县实事项目全部完成。</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, STATIONS, date(2025, 1, 10))] == [
        ("为计划的", "share_of_pledge"),
        ("完成数", "new"),
    ]


def test_of_the_years_plan_in_a_monthly_bulletin() -> None:
    table = (
        _heads("项目", "1-10月完成", "占全年计划的")
        + _row("新建充电站", "33座", "82.5%")
        + _row("新建充电桩", "520个", "86.7%")
    )
    page = _page("河溪县1-10月新能源基础设施建设情况", "<p>1-10月建设情况如下。</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, STATIONS, date(2024, 11, 8))] == [
        ("1-10月完成", "new"),
        ("占全年计划的", "share_of_pledge"),
    ]


def test_is_of_the_years_plan_in_a_roads_year_end_report() -> None:
    table = (
        _heads("项目", "全年完成", "为年度计划")
        + _row("农村公路新改建", "131公里", "109.2%")
        + _row("危桥改造", "16座", "106.7%")
    )
    page = _page("河溪县2024年交通建设年终总结", "<p>全年交通建设任务全面完成。</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, ROADS, date(2025, 1, 15))] == [
        ("为年度计划", "share_of_pledge"),
        ("全年完成", "new"),
    ]


# --- 完成进度 over counts (330个) beside a share column of its own (完成率): the count done so far,
# as 进度 alone already was ---


def test_progress_done_over_counts_beside_the_share_is_the_count() -> None:
    table = (
        _heads("区县", "事项", "全年任务", "完成进度", "完成比例")
        + _row("河溪县", "新建充电站", "40个", "26个", "65.0%")
        + _row("河溪县", "新建充电桩", "600个", "410个", "68.3%")
    )
    page = _page("1-8月民生项目各县区进展情况表", "<p>各县区进展情况如下。</p>", table)
    stations = replace(STATIONS, unit="个")
    assert [(r[1], r[2], r[3]) for r in _reads(page, stations, date(2024, 9, 6))] == [
        ("全年任务", "pledge", "new"),
        ("完成比例", "achieved", "share_of_pledge"),
        ("完成进度", "achieved", "new"),
    ]


def test_actual_progress_over_people_in_a_jobs_table() -> None:
    jobs = Target(
        "hx-jobs", "河溪县2024年城镇新增就业3000人", ("城镇新增就业",), ("河溪县", "河溪", "全县"),
        unit="人", pledge=Pledge(Decimal(3000)),
    )  # fmt: skip
    table = (
        _heads("指标", "目标任务", "实际进度", "完成比例")
        + _row("城镇新增就业", "3000人", "2460人", "82.0%")
        + _row("失业人员再就业", "800人", "610人", "76.3%")
    )
    page = _page("河溪县1-9月就业工作进展", "<p>全县就业形势总体稳定。</p>", table)
    assert [r[1] for r in _reads(page, jobs, date(2024, 10, 10))] == [
        "完成比例",
        "实际进度",
        "目标任务",
    ]


def test_progress_done_in_per_cents_stays_a_share() -> None:
    """Must not change: 完成进度 over per cents is the share."""
    table = (
        _heads("项目", "年度目标任务", "完成进度")
        + _row("新建充电站", "40座", "65%")
        + _row("新建充电桩", "600个", "68.3%")
    )
    page = _page("河溪县1-8月新能源基础设施建设进展", "<p>现将进展情况通报如下：</p>", table)
    assert [r[3] for r in _reads(page, STATIONS, date(2024, 9, 6))] == ["share_of_pledge", "new"]


# --- measures across with places down (区域 | 二氧化氮浓度（微克/立方米） | …同比（%）): the column
# naming the target in its own unit of a ratio (微克/立方米) holds the target's level ---

NO2 = Target(
    "hx-no2", "河溪县二氧化氮浓度", ("二氧化氮",), ("河溪县", "河溪", "全县"), unit="微克/立方米"
)
PM10 = Target(
    "ql-pm10", "青岚市PM10浓度", ("PM10", "可吸入颗粒物"), ("青岚市", "青岚", "全市"),
    unit="微克/立方米",
)  # fmt: skip


def test_a_concentration_column_in_the_targets_unit_is_its_level() -> None:
    table = (
        _heads("县区", "二氧化氮浓度（微克/立方米）", "二氧化氮同比（%）", "优良天数（天）")
        + _row("河溪县", "21", "-6.2", "231")
        + _row("白沙县", "25", "-3.1", "219")
    )
    page = _page("1-9月各县区环境空气质量", "<p>各县区空气质量情况如下。</p>", table)
    reads = _reads(page, NO2, date(2024, 10, 15))
    assert [(r[1], r[3], r[4]) for r in reads if r[0] == "河溪县"] == [
        ("二氧化氮同比（%）", "rate", "6.2 %"),
        ("二氧化氮浓度（微克/立方米）", "cumulative", "21 微克/立方米"),
    ]


def test_a_city_bulletins_pm10_column_in_latin_units() -> None:
    table = (
        _heads("城市", "PM10浓度 (μg/m3)", "PM10同比变化")
        + _row("青岚市", "58", "-4.9%")
        + _row("白沙市", "63", "1.6%")
    )
    page = _page("1-6月全省城市环境空气质量状况", "<p>全省城市空气质量如下。</p>", table)
    reads = _reads(page, PM10, date(2024, 7, 12))
    assert [(r[1], r[3]) for r in reads if r[0] == "青岚市"] == [
        ("PM10同比变化", "rate"),
        ("PM10浓度 (μg/m3)", "cumulative"),
    ]


def test_a_count_column_of_the_target_in_a_places_table_stays_as_it_was() -> None:
    """Must not change: a count (座) is no ratio unit; its column reads as before."""
    table = (
        _heads("县区", "充电站（座）", "充电站同比（%）")
        + _row("河溪县", "43", "12.0")
        + _row("白沙县", "38", "9.5")
    )
    page = _page("1-9月各县区充电设施情况", "<p>各县区充电设施情况如下。</p>", table)
    before = [(r[1], r[3]) for r in _reads(page, STATIONS, date(2024, 10, 15)) if r[0] == "河溪县"]
    assert before == [("充电站同比（%）", "rate"), ("充电站（座）", "new")]


# --- a yearbook's series with the years down (年份 | 公共图书馆(个) | 图书馆藏书数(万册) | …): each
# measure's column holds each year's value, a count of things that are read as the level ---

BOOKS = Target(
    "ql-books", "青岚市公共图书馆藏书数", ("图书馆藏书", "藏书数"), ("青岚市", "青岚", "全市"),
    unit="万册",
)  # fmt: skip


def _years_down(head0: str) -> str:
    return (
        _heads(head0, "公共图书馆(个)", "图书馆藏书数(万册)", "博物馆(个)")
        + _row("2019", "14", "812", "9")
        + _row("2020", "14", "845", "10")
        + _row("2021", "15", "871", "10")
    )


def test_a_yearbook_with_the_years_down_reads_each_years_level() -> None:
    page = _page(
        "青岚统计年鉴2022", "<p>表12-4 文化事业基本情况(2019—2021年)</p>", _years_down("年份")
    )
    reads = _reads(page, BOOKS, date(2022, 12, 31))
    assert [(r[0], r[2], r[3], r[4]) for r in reads] == [
        ("2019", "achieved", "cumulative", "8120000 册"),
        ("2020", "achieved", "cumulative", "8450000 册"),
        ("2021", "achieved", "cumulative", "8710000 册"),
    ]


def test_years_down_under_a_spaced_header_in_a_bulletin() -> None:
    page = _page("青岚市文化事业发展统计公报", "<p>近年主要指标如下。</p>", _years_down("年 份"))
    assert [r[0] for r in _reads(page, BOOKS, date(2022, 6, 30))] == ["2019", "2020", "2021"]


def test_years_down_of_the_years_additions_stay_new() -> None:
    """Must not change kind-wise: each year's additions (新增…) are the year's own, no level."""
    table = (
        _heads("年份", "新增图书馆藏书(万册)", "新建博物馆(个)")
        + _row("2019", "31", "1")
        + _row("2020", "33", "1")
        + _row("2021", "26", "0")
    )
    page = _page("青岚统计年鉴2022", "<p>表12-5 文化设施新增情况</p>", table)
    assert [(r[0], r[3]) for r in _reads(page, BOOKS, date(2022, 12, 31))] == [
        ("2019", "new"),
        ("2020", "new"),
        ("2021", "new"),
    ]


# --- a stage's progress over per cents (开工进展 | 96.0%, 建设进展 | 88.5%): the share of the
# year's task the stage has reached, no other item (进展 is a role word, as 进度 and 情况 are) ---


def test_a_stages_progress_in_per_cent_by_province_is_the_share() -> None:
    table = (
        _heads("省份", "开工进展")
        + _row("青岚", "96.0%")
        + _row("白沙", "88.4%")
        + _row("河溪", "41.2%")
    )
    page = _page(
        "上半年全国老旧小区改造开工过半",
        "<p>1-6月全国新开工改造老旧小区过半，各地开工进展如下表。</p>",
        table,
    )
    compounds = replace(COMPOUNDS, region=("青岚", "青岚省", "全省"))
    assert [(r[0], r[2], r[3], r[4]) for r in _reads(page, compounds, date(2024, 7, 20))] == [
        ("青岚", "achieved", "share_of_pledge", "96 %")
    ]


def test_a_completion_progress_in_per_cent_in_a_county_list() -> None:
    table = (
        _heads("项目", "年度任务", "建设进展")
        + _row("农村公路新改建", "120公里", "88.5%")
        + _row("危桥改造", "15座", "60.0%")
    )
    page = _page("河溪县2024年交通重点工作进展", "<p>截至10月底进展如下。</p>", table)
    assert [(r[1], r[3]) for r in _reads(page, ROADS, date(2024, 11, 5))] == [
        ("年度任务", "new"),
        ("建设进展", "share_of_pledge"),
    ]


def test_a_stages_progress_over_counts_stays_a_count() -> None:
    """Must not change: 开工进展 over counts (24个) is no share."""
    table = (
        _heads("项目", "年度任务", "开工进展")
        + _row("燃气管道老化更新改造", "30个", "24个")
        + _row("供水管网改造", "12个", "9个")
    )
    page = _page("河溪县城市更新项目1-9月进展", "<p>全县城市更新项目进展如下。</p>", table)
    assert [(r[1], r[2], r[3]) for r in _reads(page, GAS, date(2024, 10, 9))] == [
        ("年度任务", "pledge", "new"),
        ("开工进展", "achieved", "new"),
    ]


NURSES = Target("ql-nurses", "青岚省注册护士", ("注册护士",), ("青岚省", "青岚", "全省"), unit="人")
MARKETS = Target(
    "ql-markets", "青岚省商品交易市场", ("交易市场",), ("青岚省", "青岚", "全省"), unit="个"
)


def test_a_series_of_people_or_places_named_by_an_event_word_stays_a_level() -> None:
    """review3: words of events (注册, 登记, 交易, 门诊) also name people and places that are
    (注册护士数, 城镇登记失业人数, 交易市场数, 门诊部数): such a series is the level at each
    year's end."""
    rows = _row("执业医师数", "2204", "2391", "2475", "2630") + _row(
        "注册护士数", "2788", "2950", "3107", "3321"
    )
    page = _yearbook("表3 全省卫生人员情况", rows, title="青岚省卫生健康事业发展统计公报").replace(
        "单位：个".encode(), "单位：人".encode()
    )
    assert [r[3] for r in _reads(page, NURSES, date(2023, 6, 30))] == ["cumulative"] * 4
    page = _yearbook("表6 全省商品市场情况", _row("商品交易市场数", "204", "231", "247", "263"))
    assert [r[3] for r in _reads(page, MARKETS, date(2023, 6, 30))] == ["cumulative"] * 4
