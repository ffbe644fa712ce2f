"""Table kinds met on real progress pages (session 15; every header, row and page here is our
own wording): a page that is one table, a 进度 column under a group that counts in an amount
unit, item names that state the plan, a plan table's total row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.table_columns import columns
from monitor.figures.table_heads import read_head
from monitor.figures.table_text import text_cell_figures
from monitor.figures.tables import article_figures, find_table_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.extract import extract


@pytest.mark.parametrize(
    "head",
    ["新增城镇就业（人）|进度", "公共充电桩（个）|当前进度", "改造供水管网（公里）|进度"],
)
def test_progress_under_a_group_counting_in_an_amount_unit_is_the_count_done(head: str) -> None:
    # 目标任务 | 进度 | 完成比例（%） under one group: 进度 holds the count done, not a share;
    # the same header over per cents (87.0%) is the share
    group = head.split("|")[0]
    for cells, role in ((("320", "95"), "achieved"), (("87.0%", "91%"), "share")):
        table = Table(
            caption="", unit=None, header=("地区", f"{group}|目标任务", head),
            rows=(("全区", "400", cells[0]), ("南湖街道", "100", cells[1])),
        )  # fmt: skip
        column = columns(table, date(2025, 1, 20))[2]
        assert column.role == role
        assert column.unit not in (None, "%") or role == "share"


@pytest.mark.parametrize(
    "head", ["新增托位（个）|完成率", "完成进度", "新增托位（个）|完成比例（%）", "进度（%）"]
)
def test_a_share_of_the_plan_stays_a_share(head: str) -> None:
    assert read_head(head, date(2025, 1, 20)).role == "share"


# --- a header cell naming its group and its role in one (新增就业（人）目标任务): two header rows
# written as one cell; each group's columns are its own item's ---


JOBS = Target(
    "qs-jobs", "青石县2024年城镇新增就业9000人", ("城镇新增就业",), ("青石县", "青石", "全县"),
    unit="人", pledge=Pledge(Decimal(9000)),
)  # fmt: skip


def _read(table: Table, target: Target, title: str, day: date) -> list[tuple[str, str, str, str]]:
    found = find_table_figures(table, [target], published=day, title=title)
    out = []
    for f in found:
        begin = f.sentence.rfind(" | ", 0, f.start)
        head = f.sentence[begin + 3 : f.sentence.find(": ", begin + 3)]
        out.append((head, f.kind, f.scope, f"{f.value.normalize():f} {f.unit}"))
    return sorted(out)


@pytest.mark.parametrize("sep", ["", " "])
def test_a_group_and_its_role_in_one_header_cell_are_read_as_two(sep: str) -> None:
    heads = [
        f"{group}{sep}{role}"
        for group in ("城镇新增就业（人）", "农村劳动力转移就业（人）")
        for role in ("目标任务", "进度", "完成比例（%）")
    ]
    table = Table(
        caption="稳就业工程推进情况（县人社局）", unit=None, header=("乡镇", *heads),
        rows=(
            ("全县", "9000", "7650", "85", "600", "540", "90"),
            ("东关镇", "2500", "2300", "92", "150", "160", "106.7"),
        ),
    )  # fmt: skip
    got = _read(table, JOBS, "青石县2024年民生工程进展表", date(2024, 11, 5))
    assert got == sorted(
        [
            (f"城镇新增就业（人）{sep}目标任务", "pledge", "new", "9000 人"),
            (f"城镇新增就业（人）{sep}进度", "achieved", "new", "7650 人"),
            (f"城镇新增就业（人）{sep}完成比例（%）", "achieved", "share_of_pledge", "85 %"),
        ]
    )


def test_a_head_whose_bracket_ends_it_is_one_cell() -> None:
    # 年度计划投资（亿元）: its unit ends it, nothing after: no group
    assert read_head("年度计划投资（亿元）", date(2024, 1, 5)).role == "pledge"


# --- a table of no named thing (…民生实事项目推进情况表 | 年度计划数 | 已开工数 | 开工率),
# pointed at by a sentence naming none either (…情况详见附件), after the sentence naming the
# project ---


def _pointed_page(project: str, pointer: str, rows: str) -> bytes:
    return (
        "<html><head><meta charset=utf-8><title>全市2024年民生实事项目推进情况表</title></head>"
        "<body><div id=main><h1>全市2024年民生实事项目推进情况表</h1>"
        f"<p>{project}</p><p>{pointer}</p>"
        "<h3>全市2024年民生实事项目推进情况表（截至2024年7月底）</h3><table>"
        "<tr><th>序号</th><th>县 区</th><th>年度计划数</th><th>已开工数</th><th>开工率</th>"
        "<th>年度计划投资（万元）</th><th>已完成投资（万元）</th></tr>"
        f"{rows}</table></div></body></html>"
    ).encode()


_PARKS_ROWS = (
    "<tr><td>1</td><td>东湖区</td><td>30</td><td>27</td><td>90.00%</td><td>5200.5</td>"
    "<td>2600.1</td></tr><tr><td>2</td><td>西山县</td><td>40</td><td>29</td><td>72.50%</td>"
    "<td>6100</td><td>2500.4</td></tr><tr><td>全市</td><td></td><td>120</td><td>96</td>"
    "<td>80.00%</td><td>21000</td><td>9100.7</td></tr>"
)
PARKS = Target(
    "hc-parks", "鹤城市2024年开工建设口袋公园120个", ("口袋公园",), ("鹤城市", "鹤城", "全市"),
    unit="个", pledge=Pledge(Decimal(120)),
)  # fmt: skip


def _table_reads(page: bytes, target: Target, day: date) -> list[tuple[str, str, str, str]]:
    article = extract(page, url="http://127.0.0.1/p.html")
    found = article_figures(article, (target,), published=day)
    return sorted(
        (f.sentence.split(" | ", 1)[0], f.kind, f.scope, f"{f.value.normalize():f} {f.unit}")
        for f in found
        if " | " in f.sentence
    )


@pytest.mark.parametrize(
    "pointer", ["各县区项目进展及资金到位情况请见附件。", "各区县推进情况见附件。"]
)
def test_a_table_pointed_at_as_an_attachment_counts_what_the_sentence_before_names(
    pointer: str,
) -> None:
    project = "今年确定的十件民生实事中，口袋公园项目年内计划开工120个，年底前完成投资2.1亿元。"
    got = _table_reads(_pointed_page(project, pointer, _PARKS_ROWS), PARKS, date(2024, 8, 12))
    assert got == [
        ("全市", "achieved", "new", "96 个"),
        ("全市", "achieved", "share_of_pledge", "80 %"),
        ("全市", "pledge", "new", "120 个"),
    ]


def test_a_table_pointed_at_after_a_sentence_of_another_thing_is_not_the_targets() -> None:
    # the sentence before names another project: the table is that one's, none of the parks'
    project = "今年确定的十件民生实事中，农村供水管网项目年内计划改造管网300公里。"
    page = _pointed_page(project, "各区县推进情况见附件。", _PARKS_ROWS)
    assert _table_reads(page, PARKS, date(2024, 8, 12)) == []


# --- a share of the money beside a count's (开工率 | 年度计划投资（万元） | 资金支付率): the
# count's target takes its own share only ---

CHARGERS = Target(
    "ly-chargers", "柳垭市2024年新建公共充电桩2000个", ("充电桩",), ("柳垭市", "柳垭", "全市"),
    unit="个", pledge=Pledge(Decimal(2000)),
)  # fmt: skip


@pytest.mark.parametrize("money_share", ["投资完成率", "资金拨付率", "年度投资完成比例"])
def test_a_share_of_the_money_is_no_share_of_a_counts_plan(money_share: str) -> None:
    table = Table(
        caption="2024年公共充电桩建设进度（截至6月底）", unit=None,
        header=("区县", "年度任务（个）", "已建成（个）", "完成率", "计划投资（万元）",
                "完成投资（万元）", money_share),
        rows=(
            ("全市", "2000", "1240", "62%", "30000", "15900", "53%"),
            ("北岸区", "600", "410", "68.3%", "9000", "5100", "56.7%"),
        ),
    )  # fmt: skip
    got = _read(table, CHARGERS, "柳垭市充电桩建设进展", date(2024, 7, 10))
    assert [g for g in got if g[2] == "share_of_pledge"] == [
        ("完成率", "achieved", "share_of_pledge", "62 %")
    ]


# --- a plan table's total row written with a colon (全市小计：) beside its city, the districts
# below it (其中：1.东江区) ---

ROADS = Target(
    "lj-roads", "临江市2024年农村公路提质改造", ("农村公路",), ("临江市", "临江", "全市"),
    unit="公里",
)  # fmt: skip


@pytest.mark.parametrize("total", ["全市小计：", "全市小计:", "合计："])
def test_a_total_row_written_with_a_colon_is_the_whole(total: str) -> None:
    table = Table(
        caption="2024年农村公路提质改造计划表", unit=None,
        header=("序号", "城市", "县(市、区)", "里程(公里)", "涉及行政村(个)"),
        rows=(
            ("", "临江市", total, "310", "96"),
            ("1", "", "其中：1.东江区", "120", "30"),
            ("2", "", "2.北岭县", "190", "66"),
        ),
    )  # fmt: skip
    got = _read(table, ROADS, "临江市2024年农村公路提质改造计划", date(2024, 2, 20))
    assert got == [("里程(公里)", "pledge", "new", "310 千米")]


# --- an item's name stating its amount (新建社区食堂25个) in a table of results: the name is the
# task, its amount the plan, whatever the table's caption says of the other columns ---

CANTEENS = Target(
    "bs-canteens", "白沙区2024年新建社区食堂25个", ("社区食堂",), ("白沙区", "白沙", "全区"),
    unit="个", pledge=Pledge(Decimal(25)),
)  # fmt: skip


def _all_reads(table: Table, target: Target, title: str, day: date) -> list[tuple[str, ...]]:
    found = find_table_figures(table, [target], published=day, title=title)
    found += text_cell_figures(table, [target], published=day, title=title)
    return sorted((f.kind, f.scope, f"{f.value.normalize():f} {f.unit}") for f in found)


@pytest.mark.parametrize(
    ("caption", "name_head"),
    [
        ("2024年白沙区十件实事年终完成情况", "民生项目名称"),
        ("白沙区民生项目推进情况（截至10月底）", "项目名称"),
        ("2024年白沙区重点民生工程完成情况一览", "工程名称"),
    ],
)
def test_the_amount_in_an_items_name_is_its_plan(caption: str, name_head: str) -> None:
    table = Table(
        caption=caption, unit=None, header=("序号", name_head, "完成情况", "占全年计划"),
        rows=(
            ("1", "新建社区食堂25个", "28", "112%"),
            ("2", "改造提升农贸市场6个", "6", "100%"),
        ),
    )  # fmt: skip
    got = _all_reads(table, CANTEENS, "白沙区民生实事进展", date(2024, 11, 20))
    assert got == [
        ("achieved", "new", "28 个"),
        ("achieved", "share_of_pledge", "112 %"),
        ("pledge", "new", "25 个"),
    ]


def test_a_plan_in_a_content_cell_is_of_the_tables_year() -> None:
    table = Table(
        caption="2023年度县级民生实事进度表（截至11月30日）", unit=None,
        header=("序号", "项目内容", "当前进度", "牵头单位"),
        rows=(
            ("1", "新建社区食堂25个。", "88%", "区民政局"),
            ("2", "改造提升农贸市场6个。", "100%", "区商务局"),
        ),
    )  # fmt: skip
    found = text_cell_figures(table, [CANTEENS], published=date(2023, 12, 20), title="")
    assert [(f.kind, f.value, f.period) for f in found] == [("pledge", Decimal(25), "2023")]


# --- two items' names holding the target's keyword (…普惠性托育托位, …用人单位办托托位): the one
# whose words the target's title says is the target's; the other counts another thing ---

NURSERY = Target(
    "qc-nursery", "青川市2025年新增1800个普惠性托育托位", ("托位",), ("青川市", "青川", "全市"),
    unit="个", pledge=Pledge(Decimal(1800)),
)  # fmt: skip


@pytest.mark.parametrize(
    "names",
    [
        ("新增1800个普惠性托育托位", "新增500个用人单位办托托位"),
        ("新增普惠性托育托位1800个", "新增用人单位办托托位500个"),
    ],
)
def test_of_two_items_sharing_a_keyword_the_titles_own_gives_the_plan(
    names: tuple[str, str],
) -> None:
    table = Table(
        caption="2025年青川市民生实事完成情况", unit=None,
        header=("序号", "民生项目名称", "完成情况", "占全年计划"),
        rows=(("1", names[0], "2150", "107.5%"), ("", names[1], "520", "104%")),
    )  # fmt: skip
    found = text_cell_figures(table, [NURSERY], published=date(2025, 12, 20), title="")
    assert [(f.kind, f.value) for f in found] == [("pledge", Decimal(1800))]


def test_two_items_the_title_names_neither_of_stay_parts() -> None:
    table = Table(
        caption="2025年青川市民生实事完成情况", unit=None,
        header=("序号", "民生项目名称", "完成情况", "占全年计划"),
        rows=(("1", "新增800个社区托位", "850", "106%"), ("2", "新增500个机关托位", "520", "104%")),
    )  # fmt: skip
    assert text_cell_figures(table, [NURSERY], published=date(2025, 12, 20), title="") == []
