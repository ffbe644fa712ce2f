"""figures.tables and pages.tables on the kinds of session 8 (tests/data/tables_d's seventh round
has a page of each): the thing a table counts named only by the sentence above it that points at
it, a column's stage or the table's unit or frame told by a note below it, a later stage beside
the target's own, places across a header's group row, the title in the first row beside a 单位
cell. Tables, pages and figures are our own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from monitor.figures.table_context import intro_text, plan_said
from monitor.figures.table_text import text_cell_figures
from monitor.figures.tables import explain_tables, find_table_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.extract import extract
from tests.table_cells import cells, read

NURSERY = Target(
    "bh-nursery", "白河市2025年建设社区托育点40个", ("托育点",), ("白河", "白河市", "全市"),
    unit="个", pledge=Pledge(Decimal(40)),
)  # fmt: skip
BEDS = Target(
    "bh-beds", "白河市2025年新增养老床位800张", ("养老床位",), ("白河", "白河市", "全市"),
    unit="张", pledge=Pledge(Decimal(800)),
)  # fmt: skip
DONE = Target(
    "bh-done", "白河市2025年老旧小区改造竣工50个", ("老旧小区",), ("白河", "白河市", "全市"),
    unit="个", pledge=Pledge(Decimal(50)),
)  # fmt: skip
STARTS = Target(
    "bh-starts", "白河市2025年新开工改造老旧小区50个", ("老旧小区",), ("白河", "白河市", "全市"),
    unit="个", pledge=Pledge(Decimal(50)),
)  # fmt: skip
PARKS = Target(
    "bh-parks", "白河市2025年建设口袋公园20个", ("口袋公园",), ("白河", "白河市", "全市"),
    unit="个", pledge=Pledge(Decimal(20)),
)  # fmt: skip
JOBS = Target(
    "bh-jobs", "白河市城镇新增就业", ("城镇新增就业",), ("白河", "白河市", "全市"), unit="人"
)
TITLE = "白河市2025年民生项目进展"

PROGRESS = Table(
    caption="各区推进情况（截至8月底）", unit=None,
    header=("区", "年度任务（个）", "已建成（个）", "完成率"),
    rows=(("全市", "40", "26", "65.0%"), ("东城区", "12", "9", "75.0%")),
)  # fmt: skip


# --- the sentence above the table names what it counts ------------------------------------------


def test_the_sentence_pointing_at_the_table_names_its_thing() -> None:
    tab = replace(PROGRESS, intro="社区托育点建设按月调度，各区年度任务及建成情况见下表。")
    assert read(tab, NURSERY, TITLE) == [
        ("pledge", "new", "40 个", "年度任务（个）"),
        ("achieved", "new", "26 个", "已建成（个）"),
        ("achieved", "share_of_pledge", "65 %", "完成率"),
    ]
    assert read(tab, BEDS, TITLE) == []  # the table counts nursery points, not beds
    assert read(PROGRESS, NURSERY, TITLE) == []  # with no sentence naming it: nothing


def test_a_pointing_clause_with_a_thing_of_its_own_is_that_thing() -> None:
    # the sentence names beds first, but the clause pointing at the table names its own thing
    intro = "全市养老床位缺口较大，日间照料中心建设进度如下。"
    assert intro_text(intro) == "日间照料中心建设进度如下"
    assert read(replace(PROGRESS, intro=intro), BEDS, TITLE) == []
    assert intro_text("各区托育点建设任务分解如下：") == "各区托育点建设任务分解如下"
    assert intro_text("全年新增托育点40个。") == ""  # points at nothing


# --- a note below the table ----------------------------------------------------------------------

COMPOUNDS = Table(
    caption="2025年老旧小区改造进度表", unit=None,
    header=("区", "年度任务（个）", "完成数（个）", "完成率"),
    rows=(("全市", "50", "41", "82.0%"), ("西城区", "20", "17", "85.0%")),
)  # fmt: skip


def test_a_note_saying_a_column_counts_an_earlier_stage() -> None:
    tab = replace(COMPOUNDS, note="注：“完成数”指已开工的小区个数，竣工数另行统计。")
    assert read(tab, DONE, TITLE) == [("pledge", "new", "50 个", "年度任务（个）")]
    figures = find_table_figures(tab, [STARTS], published=date(2025, 9, 10), title=TITLE)
    assert cells(figures) == [
        ("pledge", "new", "50 个", "年度任务（个）"),
        ("achieved", "new", "41 个", "完成数（个）"),
        ("achieved", "share_of_pledge", "82 %", "完成率"),
    ]
    # without the note, 完成数 is the completions the first target counts
    assert ("achieved", "new", "41 个", "完成数（个）") in read(COMPOUNDS, DONE, TITLE)


def test_a_note_calling_the_table_a_plan() -> None:
    tab = Table(
        caption="各区城市更新项目安排", unit=None,
        header=("区", "口袋公园（个）", "城市书房（个）"),
        rows=(("东城区", "8", "2"), ("合计", "20", "5")),
        note="注：本表数据均为年度计划数，完成情况按季度通报。",
    )  # fmt: skip
    assert plan_said(tab)
    assert read(tab, PARKS, TITLE) == [("pledge", "new", "20 个", "口袋公园（个）")]
    done = replace(tab, note="注：计划任务已于8月底全部完成。")
    assert not plan_said(done) and read(done, PARKS, TITLE) == []


def test_a_plan_told_by_the_sentence_above_turns_the_work_column_into_the_plan() -> None:
    tab = Table(
        caption="各区新建口袋公园安排表", unit=None,
        header=("区", "新建口袋公园（个）", "其中：社区游园（个）"),
        rows=(("东城区", "8", "3"), ("全市", "20", "9")),
        intro="现将2025年各区新建口袋公园任务分解如下。",
    )  # fmt: skip
    assert read(tab, PARKS, TITLE) == [("pledge", "new", "20 个", "新建口袋公园（个）")]
    assert read(replace(tab, intro=""), PARKS, TITLE) == [
        ("achieved", "new", "20 个", "新建口袋公园（个）")
    ]


# --- a later stage where the table counts the target's own ---------------------------------------


def test_a_later_stage_beside_the_target_s_own_is_another_measure() -> None:
    tab = Table(
        caption="老旧小区改造进展", unit=None,
        header=("区", "年度开工任务（个）", "已开工（个）", "已竣工（个）"),
        rows=(("全市", "50", "44", "12"),),
    )  # fmt: skip
    assert read(tab, STARTS, TITLE) == [
        ("pledge", "new", "50 个", "年度开工任务（个）"),
        ("achieved", "new", "44 个", "已开工（个）"),
    ]
    seen = explain_tables(
        extract_page(tab), [STARTS], published=date(2025, 9, 10)
    )  # the dropped completions say why
    why = {s.surface: s.why for s in seen if s.figure is None}
    assert why["12"].startswith("a later stage (竣工)")
    # with no column of the target's own stage, a later stage's count is still its progress
    header = ("区", "年度任务（个）", "已竣工（个）", "备注")
    only = replace(tab, header=header, rows=(("全市", "50", "12", ""),))
    assert ("achieved", "new", "12 个", "已竣工（个）") in read(only, STARTS, TITLE)


def extract_page(tab: Table) -> object:
    """An article holding the table, as the extractor would give it."""
    from monitor.models import Article

    return Article("http://127.0.0.1/x", TITLE, None, "", (tab,))


# --- places across a header's group row ----------------------------------------------------------


def test_places_across_a_group_row_leave_the_whole_s_columns() -> None:
    tab = Table(
        caption="就业指标完成情况（1-8月）", unit=None,
        header=("指标", "全市|目标", "全市|完成", "东城区|目标", "东城区|完成", "西城区|完成"),
        rows=(("城镇新增就业（人）", "12000", "8100", "3000", "2050", "1900"),),
    )  # fmt: skip
    assert read(tab, JOBS, TITLE) == [
        ("pledge", "new", "12000 人", "全市|目标"),
        ("achieved", "new", "8100 人", "全市|完成"),
    ]
    # groups that are no places (小区 names a compound) are left as they are
    groups = ("老旧小区|目标", "老旧小区|完成", "棚改小区|目标", "棚改小区|完成", "其他|完成")
    kinds = replace(tab, header=("指标", *groups))
    assert len(read(kinds, JOBS, TITLE)) == 5


# --- the page: the sentence above, the notes below, the title in the first row ------------------

PAGE = """<html><head><meta charset="utf-8"><title>白河市托育点建设进展</title></head><body>
<div class="article"><h1>白河市托育点建设进展</h1>
<p>今年以来，各区加快推进普惠托育服务体系建设，工作取得积极进展。</p>
<p>社区托育点建设实行月调度，截至8月底各区建设情况见下表。</p>
<table>
<tr><td colspan="3">2025年1-8月各区托育点建设进度</td><td>单位：个</td></tr>
<tr><td>区</td><td>年度任务</td><td>已建成</td><td>完成率</td></tr>
<tr><td>东城区</td><td>12</td><td>9</td><td>75.0%</td></tr>
<tr><td>全市</td><td>40</td><td>26</td><td>65.0%</td></tr>
</table>
<p>注：1.完成率按已建成数计算；2.全市数含开发区。</p>
<p>下一步，各区将加快建设进度，确保年底前全面完成任务。</p>
</div></body></html>"""


def test_a_page_gives_the_sentence_above_the_notes_below_and_the_title_row() -> None:
    article = extract(PAGE.encode(), url="http://127.0.0.1/nursery.html")
    (tab,) = article.tables
    assert tab.caption == "2025年1-8月各区托育点建设进度" and tab.unit == "个"
    assert tab.header == ("区", "年度任务", "已建成", "完成率")
    assert tab.intro == "社区托育点建设实行月调度，截至8月底各区建设情况见下表。"
    assert tab.note == "注：1.完成率按已建成数计算；2.全市数含开发区。"


def test_a_unit_said_in_the_note_below() -> None:
    page = PAGE.replace("<td>单位：个</td>", "<td></td>").replace(
        "注：1.完成率按已建成数计算", "注：1.表中数量单位为万个"
    )
    (tab,) = extract(page.encode(), url="http://127.0.0.1/nursery.html").tables
    assert tab.unit == "万个"


# --- columns of a bulletin and of a balance sheet -------------------------------------------------

TRADE = Target(
    "bh-trade", "白河市2025年技术合同成交额达到90亿元", ("技术合同成交额",),
    ("白河", "白河市", "全市"), unit="元", pledge=Pledge(Decimal(9000000000)),
)  # fmt: skip
LOANS = Target(
    "bh-loans", "白河市2025年末绿色贷款余额达到800亿元", ("绿色贷款余额", "绿色贷款"),
    ("白河", "白河市", "全市"), unit="元", pledge=Pledge(Decimal(80000000000), scope="cumulative"),
)  # fmt: skip
CARE = Target(
    "bh-care", "白河市2025年为3万名老人提供助餐服务", ("助餐服务",), ("白河", "白河市", "全市"),
    unit="人", pledge=Pledge(Decimal(30000)),
)  # fmt: skip


def test_a_bulletin_s_absolute_column_under_a_past_year_s_caption() -> None:
    tab = Table(
        caption="表6 2024年科技创新主要指标", unit=None,
        header=("指标", "单位", "绝对数", "比上年增长（%）"),
        rows=(("技术合同成交额", "亿元", "86.4", "12.5"), ("专利授权量", "件", "5120", "-2.4")),
    )  # fmt: skip
    assert read(tab, TRADE, "白河市2024年统计公报", date(2025, 3, 20)) == [
        ("achieved", "new", "8640000000 元", "绝对数"),
        ("achieved", "rate", "12.5 %", "比上年增长（%）"),
    ]


def test_a_balance_and_what_it_added_since_the_year_s_start() -> None:
    tab = Table(
        caption="绿色贷款主要指标", unit="亿元",
        header=("时间", "绿色贷款余额", "比上年末增加", "较年初新增（亿元）"),
        rows=(("6月末", "712", "58", "58"),),
    )  # fmt: skip
    assert read(tab, LOANS, "白河市金融运行情况", date(2025, 7, 20)) == [
        ("achieved", "cumulative", "71200000000 元", "绿色贷款余额"),
        ("achieved", "new", "5800000000 元", "比上年末增加"),
        ("achieved", "new", "5800000000 元", "较年初新增（亿元）"),
    ]


def test_a_row_counting_in_another_unit_gives_no_share_either() -> None:
    tab = Table(
        caption="民生实事推进情况", unit=None,
        header=("序号", "项目", "年度目标", "完成情况", "完成率"),
        rows=(
            ("1", "为老年人提供助餐服务", "3万人", "2.4万人", "80%"),
            ("2", "新建社区助餐服务站点", "40个", "33个", "82.5%"),
        ),
    )  # fmt: skip
    assert read(tab, CARE, TITLE) == [
        ("pledge", "new", "30000 人", "年度目标"),
        ("achieved", "new", "24000 人", "完成情况"),
        ("achieved", "share_of_pledge", "80 %", "完成率"),
    ]


# --- sentences in the cells ----------------------------------------------------------------------

TASKS = """<html><head><meta charset="utf-8"><title>白河市2025年重点民生任务清单</title></head>
<body><div class="article"><h1>白河市2025年重点民生任务清单</h1>
<p>为抓好今年重点民生工作，现将任务分工明确如下。</p>
<table>
<tr><th>序号</th><th>任务</th><th>工作目标</th><th>责任单位</th></tr>
<tr><td>1</td><td>口袋公园建设</td><td>建成口袋公园20个，新增绿地面积8公顷</td><td>市园林局</td></tr>
<tr><td>2</td><td>托育服务扩容</td><td>新增社区托育点40个，其中公办托育点不少于15个</td><td>市卫健委</td></tr>
</table>
<p>各责任单位每季度报送进展。</p></div></body></html>"""

PROGRESS_TEXT = """<html><head><meta charset="utf-8"><title>白河市民生项目进展</title></head>
<body><div class="article"><h1>白河市民生项目进展</h1>
<p>截至8月底，各区项目推进情况如下。</p>
<table>
<tr><th>地区</th><th>推进情况</th></tr>
<tr><td>东城区</td><td>今年已建成口袋公园6个，完成年度任务的75%</td></tr>
<tr><td>全市</td><td>今年全市已建成口袋公园15个，完成年度任务的75%</td></tr>
<tr><td colspan="2">注：数据由各区上报。</td></tr>
</table></div></body></html>"""


def _page_figures(page: str, target: Target, day: date) -> list[tuple[str, str, str, str]]:
    from monitor.figures.tables import article_figures

    article = extract(page.encode(), url="http://127.0.0.1/tasks.html")
    out = []
    for f in article_figures(article, [target], published=day):
        begin = f.sentence.rfind(" | ", 0, f.start)
        if begin >= 0:  # a table's figure: the header of the cell it sits in
            head = f.sentence[begin + 3 : f.sentence.index(": ", begin)]
            out.append((f.kind, f.scope, f"{f.value.normalize():f} {f.unit}", head))
    return out


def test_sentences_in_a_task_list_s_cells_are_its_plans() -> None:
    assert _page_figures(TASKS, PARKS, date(2025, 2, 20)) == [
        ("pledge", "new", "20 个", "工作目标")
    ]
    assert _page_figures(TASKS, NURSERY, date(2025, 2, 20)) == [
        ("pledge", "new", "40 个", "工作目标")  # not the 15 of which
    ]


def test_sentences_in_a_progress_list_give_the_whole_s_row_only() -> None:
    article = extract(PROGRESS_TEXT.encode(), url="http://127.0.0.1/p.html")
    (tab,) = article.tables  # a table of words only, under a marked header; its note row kept
    assert tab.note == "注：数据由各区上报。" and len(tab.rows) == 2
    assert _page_figures(PROGRESS_TEXT, PARKS, date(2025, 9, 5)) == [
        ("achieved", "new", "15 个", "推进情况"),
        ("achieved", "share_of_pledge", "75 %", "推进情况"),
    ]


FUNDS = Target(
    "bh-funds", "白河市2025年安排充电设施建设资金9000万元", ("充电设施建设资金",),
    ("白河", "白河市", "全市"), unit="元", pledge=Pledge(Decimal(90000000)),
)  # fmt: skip


def test_a_share_under_another_unit_s_group_is_that_group_s() -> None:
    tab = Table(
        caption="充电设施建设资金及建设进度", unit=None,
        header=(
            "区", "公共充电桩（个）|年度任务", "公共充电桩（个）|已建成", "公共充电桩（个）|完成率",
            "充电设施建设资金（万元）|计划", "充电设施建设资金（万元）|已拨付",
        ),
        rows=(("全市", "6000", "4500", "75%", "9000", "6300"),),
    )  # fmt: skip
    assert read(tab, FUNDS, TITLE) == [
        ("pledge", "new", "90000000 元", "充电设施建设资金（万元）|计划"),
        ("achieved", "new", "63000000 元", "充电设施建设资金（万元）|已拨付"),
    ]


NUMBERED = """<html><head><meta charset="utf-8"><title>白河市2025年城建重点任务分解表</title></head>
<body><div class="article"><h1>白河市2025年城建重点任务分解表</h1>
<p>各责任部门要对照分工抓好落实，每月报送工作进展。</p>
<table>
<tr><th>序号</th><th>工作内容</th><th>责任部门</th></tr>
<tr><td>1</td><td>改造提升口袋公园12个，新增绿道30公里</td><td>市园林局</td></tr>
<tr><td>2</td><td>新增社区托育点25个</td><td>市卫健委</td></tr>
</table></div></body></html>"""


def test_a_task_list_numbered_only_names_its_rows_by_their_content() -> None:
    # no word of plan in the cell nor in its header: the table's title gives the frame; the row
    # is named by its content sentence (session 21; until then by its number, 2), not 市卫健委
    # (the unit in charge right of it)
    article = extract(NUMBERED.encode(), url="http://127.0.0.1/n.html")
    from monitor.figures.tables import article_figures

    found = article_figures(article, [NURSERY], published=date(2025, 2, 20))
    assert [(f.kind, f.period, f.sentence.split(" | ")[0]) for f in found] == [
        ("pledge", "2025", "新增社区托育点25个")
    ]


def test_explain_shows_each_number_of_a_text_cell() -> None:
    article = extract(TASKS.encode(), url="http://127.0.0.1/tasks.html")
    seen = explain_tables(article, [NURSERY], published=date(2025, 2, 20))
    said = {s.surface: s for s in seen}
    assert said["40个"].figure is not None and said["40个"].figure.kind == "pledge"
    assert said["不少于15个"].figure is None and "其中" in said["不少于15个"].why  # a part
    assert all(s.sentence.startswith("托育服务扩容 | 工作目标: ") for s in seen)


# --- a performance self-assessment, bounds in cells, targets in words ---------------------------


def test_a_performance_table_gives_the_bound_and_the_result_not_the_scores() -> None:
    tab = Table(
        caption="项目支出绩效自评表", unit=None,
        header=("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
        rows=(
            ("产出指标", "数量指标", "建成口袋公园数量", "≥20个", "22个", "15", "15"),
            ("产出指标", "质量指标", "口袋公园验收合格率", "100%", "100%", "10", "10"),
            ("满意度指标", "服务对象满意度", "周边居民满意度", "≥90%", "94%", "10", "9"),
        ),
    )  # fmt: skip
    found = find_table_figures(tab, [PARKS], published=date(2026, 2, 10), title="2025年度自评")
    assert [(f.kind, f"{f.value.normalize():f}", f.qualifier) for f in found] == [
        ("pledge", "20", "at_least"),
        ("achieved", "22", "exact"),
    ]


def test_a_target_column_of_words_and_a_bound_after_the_number() -> None:
    tab = Table(
        caption="主要预期目标", unit=None, header=("指标", "2025年", "2026年目标"),
        rows=(
            ("城镇新增就业（万人）", "2.1", "2以上"),
            ("居民收入增长（%）", "5.2", "与经济增长基本同步"),
            ("空气质量优良天数比例（%）", "88.6", "完成省定任务"),
        ),
    )  # fmt: skip
    assert read(tab, JOBS, "2026年白河市政府工作报告", date(2026, 1, 22)) == [
        ("achieved", "new", "21000 人", "2025年"),
        ("pledge", "new", "20000 人", "2026年目标"),
    ]


def test_a_result_in_words_beside_the_year_s_plan_is_the_year_s() -> None:
    tab = Table(
        caption="民生实事进展", unit=None, header=("序号", "项目", "年度目标", "进展"),
        rows=(
            ("1", "城镇新增就业", "1.2万人", "已完成1.05万人"),
            ("2", "新建社区食堂", "10个", "已全部建成"),
        ),
    )  # fmt: skip
    figures = find_table_figures(tab, [JOBS], published=date(2025, 10, 9), title=TITLE)
    figures += text_cell_figures(tab, [JOBS], published=date(2025, 10, 9), title=TITLE)
    assert [(f.kind, f.scope, f"{f.value.normalize():f}") for f in figures] == [
        ("pledge", "new", "12000"),
        ("achieved", "new", "10500"),
    ]


def test_a_remark_in_words_is_no_figure_of_its_row() -> None:
    tab = Table(
        caption="各区托育点建设进度（截至9月底）", unit=None,
        header=("区", "年度任务（个）", "已建成（个）", "备注"),
        rows=(("全市", "40", "31", "含开发区新建托育点6个"), ("东城区", "12", "9", "")),
    )  # fmt: skip
    assert text_cell_figures(tab, [NURSERY], published=date(2025, 10, 9), title=TITLE) == []


def test_a_list_of_projects_in_words_gives_no_figure_of_the_whole() -> None:
    projects = Table(
        caption="2025年重点项目计划表", unit=None,
        header=("序号", "项目名称", "建设内容", "总投资（万元）", "建设年限"),
        rows=(("1", "社区托育综合体", "建设托育点8个，提供托位400个", "2600", "2025-2026"),),
    )  # fmt: skip
    assert text_cell_figures(projects, [NURSERY], published=date(2025, 3, 1), title=TITLE) == []
    parts = Table(
        caption="2025年托育服务重点任务", unit=None, header=("序号", "片区", "工作目标"),
        rows=(("1", "老城片区", "新建托育点12个"), ("2", "新城片区", "新建托育点9个")),
    )  # fmt: skip
    assert text_cell_figures(parts, [NURSERY], published=date(2025, 3, 1), title=TITLE) == []
    whole = replace(parts, rows=(*parts.rows, ("3", "全市", "新建托育点40个")))
    figures = text_cell_figures(whole, [NURSERY], published=date(2025, 3, 1), title=TITLE)
    assert [(f.sentence.split(" | ")[0], f"{f.value}") for f in figures] == [("全市", "40")]


def test_this_year_beside_past_years_under_a_look_back_is_its_result() -> None:
    tab = Table(
        caption="近三年口袋公园建设情况（个）", unit=None, header=("项目", "2023", "2024", "2025"),
        rows=(("建成口袋公园", "12", "16", "19"),),
    )  # fmt: skip
    assert read(tab, PARKS, TITLE, date(2025, 12, 15)) == [
        ("achieved", "new", "12 个", "2023"),
        ("achieved", "new", "16 个", "2024"),
        ("achieved", "new", "19 个", "2025"),
    ]
    plain = replace(tab, caption="口袋公园建设情况（个）")  # no look back: this year's is unsaid
    assert [c[3] for c in read(plain, PARKS, TITLE, date(2025, 12, 15))] == ["2023", "2024"]


KEY_VALUES = """<html><head><meta charset="utf-8"><title>白河市民生实事发布</title></head>
<body><div class="article"><h1>白河市民生实事发布</h1>
<p>前三季度，各项民生实事扎实推进，主要数据如下。</p>
<table>
<tr><td>指标</td><td>数值</td><td>指标</td><td>数值</td></tr>
<tr><td>新增城镇就业</td><td>1.1万人</td><td>建成口袋公园</td><td>15个</td></tr>
</table></div></body></html>"""


def test_a_table_whose_every_amount_carries_its_measure_word_is_a_table() -> None:
    (tab,) = extract(KEY_VALUES.encode(), url="http://127.0.0.1/kv.html").tables
    assert tab.rows == (("新增城镇就业", "1.1万人", "建成口袋公园", "15个"),)


def test_a_list_of_linked_headlines_under_a_header_is_no_table() -> None:
    links = PROGRESS_TEXT.replace(
        "<td>今年已建成口袋公园6个，完成年度任务的75%</td>",
        '<td><a href="/a/1.html">东城区今年已建成口袋公园6个</a></td>',
    ).replace(
        "<td>今年全市已建成口袋公园15个，完成年度任务的75%</td>",
        '<td><a href="/a/2.html">全市今年已建成口袋公园15个</a></td>',
    )
    assert extract(links.encode(), url="http://127.0.0.1/list.html").tables == ()
