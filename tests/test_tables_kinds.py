"""figures.tables on layouts the table tests above do not use: columns of stages of work
(签约/开工/竣工, 筹集/供应), units given only above the table or in its caption, and header
wordings for plan, result and share other than 年度任务/完成数/完成率. Every table here is our own
(figures invented); pages in tests/data/tables, one in GBK."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from monitor.figures.tables import article_figures, find_table_figures
from monitor.models import Figure, Pledge, Table, Target
from monitor.pages.extract import extract

OURS = Path(__file__).parent / "data" / "tables"
Cell = tuple[str, str, str, str, str | None]  # kind, scope, value and unit, header, measure


def cells(figures: list[Figure]) -> list[Cell]:
    out: list[Cell] = []
    for f in figures:
        line = f.sentence
        head = line[line.rfind(" | ", 0, f.start) + 3 : f.start - 2]
        out.append((f.kind, f.scope, f"{f.value.normalize():f} {f.unit}", head, f.measure))
    return out


def rows_read(figures: list[Figure]) -> set[str]:
    return {f.sentence.split(" | ")[0] for f in figures}


def read_page(name: str, target: Target) -> list[Figure]:
    page = extract((OURS / name).read_bytes(), url=f"http://127.0.0.1/{name}")
    assert page.published is not None
    found = article_figures(page, [target], published=page.published.date())
    return [f for f in found if " | " in f.sentence]


# --- stages of work in columns ---------------------------------------------------------------

SHANTY = Target(
    "hx-shanty", "河西市2025年棚户区改造竣工4000套", ("棚户区改造", "棚改"),
    ("河西", "河西市", "全市"), unit="套", pledge=Pledge(Decimal(4000)),
)  # fmt: skip
STAGES = Table(
    caption="各区棚户区改造推进情况（截至8月31日）",
    unit=None,
    header=("序号", "区", "年度竣工任务（套）", "已征收签约（套）", "已开工（套）", "已竣工（套）",
            "竣工率"),
    rows=(
        ("1", "东湖区", "1300", "1610", "1220", "1010", "77.7%"),
        ("2", "南岭区", "1100", "1350", "990", "820", "74.5%"),
        ("3", "其余各区", "1600", "1990", "1480", "1270", "79.4%"),
        ("", "全市总计", "4000", "4950", "3690", "3100", "77.5%"),
    ),
)  # fmt: skip


def test_a_completion_target_takes_its_stage_and_the_whole_row_only() -> None:
    got = find_table_figures(STAGES, [SHANTY], published=date(2025, 9, 8), title="")
    assert cells(got) == [
        ("pledge", "new", "4000 套", "年度竣工任务（套）", "竣工"),  # 计划 of a stage: the pledge
        ("achieved", "new", "3100 套", "已竣工（套）", "竣工"),
        ("achieved", "share_of_pledge", "77.5 %", "竣工率", "竣工"),
    ]  # 签约 and 开工 are earlier stages: those homes are not yet finished
    assert rows_read(got) == {"全市总计"}  # the districts are other places


STARTS = Target(
    "nb-resettle", "南坝县2024年新开工安置房1200套", ("安置房",), ("南坝", "南坝县", "全县"),
    unit="套", pledge=Pledge(Decimal(1200)),
)  # fmt: skip
ANY_STAGE = Target("nb-all", "南坝县安置房", ("安置房",), ("南坝", "南坝县", "全县"), unit="套")
LATER = Table(
    caption="全县安置房建设情况",
    unit="套",
    header=("项目", "计划数", "新开工", "基本建成", "交付使用"),
    rows=(("全县安置房", "1200", "1150", "640", "300"),),
)


def test_a_start_target_beside_its_own_stage_leaves_the_later_stages() -> None:
    got = find_table_figures(LATER, [STARTS], published=date(2024, 12, 2), title="")
    assert cells(got) == [
        ("pledge", "new", "1200 套", "计划数", "新开工"),  # the plan of the target's stage
        ("achieved", "new", "1150 套", "新开工", "新开工"),
    ]  # 基本建成 640 and 交付使用 300 count other work than starts (E7's cn-ahp-starts)


def test_a_start_target_with_no_column_of_its_own_keeps_a_later_stage() -> None:
    only_later = replace(
        LATER, header=("项目", "计划数", "基本建成"), rows=(("全县安置房", "1200", "640"),)
    )
    got = find_table_figures(only_later, [STARTS], published=date(2024, 12, 2), title="")
    assert ("achieved", "new", "640 套", "基本建成", "基本建成") in cells(got)


def test_a_target_of_no_stage_takes_every_stage_with_its_measure() -> None:
    got = find_table_figures(LATER, [ANY_STAGE], published=date(2024, 12, 2), title="")
    assert [c[2:] for c in cells(got)] == [
        ("1200 套", "计划数", None),  # which stage the plan counts the table does not say
        ("1150 套", "新开工", "新开工"),
        ("640 套", "基本建成", "基本建成"),
        ("300 套", "交付使用", "交付"),
    ]


RAISED = Target(
    "lz-rental", "临州2025年筹集保障性租赁住房1.5万套（间）", ("保障性租赁住房", "保租房"),
    ("临州", "临州市", "全市"), unit="套", pledge=Pledge(Decimal(15000)),
)  # fmt: skip


def test_the_stage_a_row_label_names_and_a_unit_line_above_the_table() -> None:
    got = read_page("lz-housing-units.html", RAISED)
    assert cells(got) == [
        # 筹集 is the target's own stage (its title's), kept as its measure as in its sentences
        ("pledge", "new", "15000 套", "年度目标", "筹集"),
        ("achieved", "new", "13200 套", "累计完成", "筹集"),  # the year's so far, beside its task
        ("achieved", "share_of_pledge", "88 %", "完成进度", "筹集"),
        # homes let (供应) were raised first: a later stage, kept with its measure
        ("pledge", "new", "12000 套", "年度目标", "供应"),
        ("achieved", "new", "9300 套", "累计完成", "供应"),
        ("achieved", "share_of_pledge", "77.5 %", "完成进度", "供应"),
    ]
    assert "发放住房租赁补贴" not in rows_read(got)


# --- header wordings ---------------------------------------------------------------------------

TOILETS = Target(
    "bs-toilets", "白沙县2025年改造农村户厕", ("户厕",), ("白沙", "白沙县", "全县"), unit="户"
)


@pytest.mark.parametrize(
    ("header", "want"),
    [
        (("省定目标", "截至7月底已完成", "完成比例"), ("pledge", "achieved", "achieved")),
        (("目标任务", "实际完成", "进度"), ("pledge", "achieved", "achieved")),
        (("全年计划数", "1—7月完成", "完成进度（%）"), ("pledge", "achieved", "achieved")),
        (("年度改造计划", "已改造", "改造进度"), ("pledge", "achieved", "achieved")),
        (("全年建成目标", "已建成", "建成率"), ("pledge", "achieved", "achieved")),
    ],
    ids=["province-set", "target-task", "plan-count", "plan-of-work", "goal-of-work"],
)
def test_plan_result_and_share_headers(header: tuple[str, ...], want: tuple[str, ...]) -> None:
    tab = Table(
        caption="", unit="户", header=("序号", "项目", *header),
        rows=(("1", "农村户厕改造", "3000", "2460", "82%"),),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="全县情况")
    assert tuple(f.kind for f in got) == want
    assert [f.scope for f in got] == ["new", "new", "share_of_pledge"]


@pytest.mark.parametrize(
    ("header", "scope"),
    [
        (("全年任务", "累计完成", "完成率"), "new"),  # the only result beside the year's task
        (("年度任务", "今年完成", "累计完成"), "cumulative"),  # the year's is already given
        (("规划总数", "累计完成", "完成率"), "cumulative"),  # a plan of many years: the stock
    ],
    ids=["year-to-date", "beside-the-years", "beside-a-long-plan"],
)
def test_a_running_total_column_is_the_year_s_only_beside_a_year_s_task(
    header: tuple[str, ...], scope: str
) -> None:
    tab = Table(
        caption="", unit="户", header=("项目", *header),
        rows=(("农村户厕改造", "3000", "2460", "9000"),),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="全县情况")
    running = [f for f in got if f.sentence[f.start - 6 : f.start].endswith("累计完成: ")]
    assert [f.scope for f in running] == [scope]


# --- units -----------------------------------------------------------------------------------

PARKS = Target("yc-parks", "云城2025年新建口袋公园", ("口袋公园",), ("云城", "全市"), unit="个")


def test_a_unit_in_the_caption_gbk() -> None:
    got = read_page("yc-parks-gbk.html", PARKS)
    assert cells(got) == [
        ("pledge", "new", "60 个", "计划数", None),
        ("achieved", "new", "47 个", "截至9月底已建成", "建成"),
        ("achieved", "share_of_pledge", "78.3 %", "完成进度", "建成"),  # 47 of 60 built
    ]


@pytest.mark.parametrize(
    "note", ["万套（间）", "万套(间)", "万套、%"], ids=["full-width", "half-width", "with-percent"]
)
def test_a_unit_note_with_a_gloss(note: str) -> None:
    tab = Table(
        caption="", unit=note, header=("项目", "全年任务", "已完成"),
        rows=(("筹集保障性租赁住房", "1.5", "1.32"),),
    )  # fmt: skip
    got = find_table_figures(tab, [RAISED], published=date(2025, 11, 3), title="临州市")
    assert [f"{f.value.normalize():f} {f.unit}" for f in got] == ["15000 套", "13200 套"]


# --- a row of the whole named by its noun, columns of dates ------------------------------------

BEDS = Target("hx-beds", "河西市养老床位总数", ("养老床位",), ("河西", "河西市", "全市"), unit="张")


@pytest.mark.parametrize(
    "total", ["养老床位合计", "养老床位总计", "全市养老床位共计"], ids=["heji", "zongji", "gongji"]
)
def test_the_noun_s_total_row_and_stocks_at_dates(total: str) -> None:
    tab = Table(
        caption="全市养老床位规模", unit="张",
        header=("类别", "2024年末", "2025年6月末", "较年初增长（%）"),
        rows=(("机构养老床位", "21400", "22150", "3.5"),
              ("社区养老床位", "9800", "10900", "11.2"),
              (total, "31200", "33050", "5.9")),
    )  # fmt: skip
    got = find_table_figures(tab, [BEDS], published=date(2025, 7, 20), title="河西市")
    assert [c[:4] for c in cells(got)] == [
        ("achieved", "cumulative", "31200 张", "2024年末"),  # a level at a date
        ("achieved", "cumulative", "33050 张", "2025年6月末"),
        ("achieved", "rate", "5.9 %", "较年初增长（%）"),
    ]
    assert rows_read(got) == {total}  # the kinds of beds are its parts


def test_a_date_column_with_work_named_is_no_level() -> None:
    tab = Table(
        caption="", unit="张", header=("项目", "年度目标", "截至6月末已新增"),
        rows=(("新增养老床位", "2000", "1250"),),
    )  # fmt: skip
    got = find_table_figures(tab, [BEDS], published=date(2025, 7, 20), title="河西市")
    assert [f.scope for f in got] == ["new", "new"]


# --- columns that are no figure of the target ---------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "序时进度",  # the share of the year gone by: what progress should be, not what it is
        "时间进度（%）",
        "未完成（户）",  # the plan less the result
        "剩余任务",
        "尚需完成",
        "去年同期完成",  # last year's figure
        "上年同期",
    ],
)
def test_columns_of_schedule_gap_or_last_year_give_nothing(header: str) -> None:
    tab = Table(
        caption="", unit="户", header=("项目", "年度任务", "已完成", header),
        rows=(("农村户厕改造", "3000", "2100", "900"),),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="全县情况")
    assert [f.sentence[f.start : f.end] for f in got] == ["3000", "2100"]


@pytest.mark.parametrize("header", ["完成年度计划（%）", "完成全年任务%", "占年度目标（%）"])
def test_a_per_cent_of_the_plan_is_a_share(header: str) -> None:
    tab = Table(
        caption="", unit="户", header=("项目", "年度任务", "已完成", header),
        rows=(("农村户厕改造", "3000", "2100", "70"),),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="全县情况")
    assert [(f.kind, f.scope, f"{f.value:f} {f.unit}") for f in got][2] == (
        "achieved",
        "share_of_pledge",
        "70 %",
    )


@pytest.mark.parametrize(
    ("header", "published", "kind"),
    [
        ("预计全年完成", date(2025, 10, 9), "pledge"),  # a forecast for a year still running
        ("2024年预计完成", date(2025, 1, 20), "achieved"),  # the year is over: a first result
    ],
    ids=["running-year", "year-over"],
)
def test_a_forecast_column(header: str, published: date, kind: str) -> None:
    tab = Table(caption="", unit="户", header=("项目", header), rows=(("农村户厕改造", "3100"),))
    # a target of no one year: TOILETS watches 2025, whose table gives no 2024 figure
    toilets = Target(
        "bs-toilets", "白沙县改造农村户厕", ("户厕",), ("白沙", "白沙县", "全县"), unit="户"
    )
    got = find_table_figures(tab, [toilets], published=published, title="全县情况")
    assert [f.kind for f in got] == [kind]


# --- a table turned on its side: the items across, plan and result down --------------------------


def test_items_across_and_plan_and_result_down() -> None:
    tab = Table(
        caption="白沙县2025年民生实事进展", unit=None,
        header=("指标", "农村户厕改造（户）", "新建村级公厕（座）", "新增托位（个）"),
        rows=(("年度目标", "3000", "25", "400"),
              ("1-7月完成", "2460", "19", "310"),
              ("完成进度", "82%", "76%", "77.5%")),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="白沙县")
    assert [c[:4] for c in cells(got)] == [
        ("pledge", "new", "3000 户", "年度目标"),
        ("achieved", "new", "2460 户", "1-7月完成"),
        ("achieved", "share_of_pledge", "82 %", "完成进度"),
    ]
    assert rows_read(got) == {"农村户厕改造（户）"}


def test_a_table_on_its_side_for_another_item_gives_nothing() -> None:
    tab = Table(
        caption="", unit=None, header=("指标", "新建村级公厕（座）", "新增托位（个）"),
        rows=(("年度目标", "25", "400"), ("1-7月完成", "19", "310")),
    )  # fmt: skip
    assert find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="白沙县") == []


def test_a_unit_in_the_row_label() -> None:
    tab = Table(
        caption="", unit=None, header=("指标", "农村户厕改造（万户）", "新增托位（个）"),
        rows=(("全年目标", "0.3", "400"), ("截至7月底完成", "0.246", "310")),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="白沙县")
    assert [c[2] for c in cells(got)] == ["3000 户", "2460 户"]


def test_explain_gives_each_cell_of_a_row_its_fate() -> None:
    from monitor.figures.tables import explain_tables
    from monitor.models import Article

    table = Table(
        caption=STAGES.caption, unit=None, header=(*STAGES.header, "序时进度"),
        rows=tuple((*row, "66.7%") for row in STAGES.rows),
    )  # fmt: skip
    page = Article("http://127.0.0.1/", "河西市棚改进展", None, "", (table,))
    seen = explain_tables(page, [SHANTY], published=date(2025, 9, 8))
    fates = {x.surface: (x.figure is not None, x.why) for x in seen}
    assert set(fates) == {"4000", "4950", "3690", "3100", "77.5%", "66.7%"}  # the whole's row
    assert fates["4950"] == (False, "an earlier stage (征收) than the target's (竣工)")
    assert fates["3690"] == (False, "an earlier stage (开工) than the target's (竣工)")
    assert fates["66.7%"][1].startswith("column '序时进度' holds no plan")
    assert fates["3100"] == (
        True,
        "table row '全市总计', column '已竣工（套）': achieved, stage 竣工",
    )


def test_monitor_try_explain_shows_the_table_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from monitor.cli import main

    body = (OURS / "yc-parks-gbk.html").read_bytes()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/parks.html"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(
        f"sources:\n  - {{id: yc, url: '{url}', type: page}}\n"
        "targets:\n  - {id: yc-parks, title: 云城新建口袋公园, keywords: [口袋公园],"
        " region: [云城, 全市], unit: 个}\n",
        encoding="utf-8",
    )
    try:
        code = main(["--watchlist", str(watchlist), "try", url, "--explain"])
    finally:
        server.shutdown()
        server.server_close()
    out = capsys.readouterr().out
    assert code == 0
    assert "  | 合计 | 计划数: 60 | 截至9月底已建成: 47 | 完成进度: 78.3%" in out
    assert "47           [yc-parks] → achieved new 47 个 (stage 建成)" in out


@pytest.mark.parametrize(
    "note", ["超额完成", "进度滞后", "已开工在建"], ids=["ahead", "behind", "building"]
)
def test_a_remarks_column_after_the_figures_is_not_the_row_label(note: str) -> None:
    tab = Table(
        caption="", unit="户", header=("序号", "项目", "年度任务", "已完成", "完成率", "备注"),
        rows=(("1", "农村户厕改造", "3000", "3150", "105%", note),),
    )  # fmt: skip
    got = find_table_figures(tab, [TOILETS], published=date(2025, 8, 10), title="全县情况")
    assert rows_read(got) == {"农村户厕改造"}
    assert [c[2] for c in cells(got)] == ["3000 户", "3150 户", "105 %"]


def test_stage_groups_over_plan_and_result_headers() -> None:
    tab = Table(
        caption="各区棚户区改造进度", unit="套",
        header=("区", "开工|计划", "开工|完成", "竣工|计划", "竣工|完成", "竣工|完成率"),
        rows=(("东湖区", "300", "290", "200", "150", "75%"),
              ("全市总计", "900", "850", "600", "420", "70%")),
    )  # fmt: skip
    got = find_table_figures(tab, [SHANTY], published=date(2025, 9, 8), title="河西市")
    assert cells(got) == [
        ("pledge", "new", "600 套", "竣工|计划", "竣工"),
        ("achieved", "new", "420 套", "竣工|完成", "竣工"),
        ("achieved", "share_of_pledge", "70 %", "竣工|完成率", "竣工"),
    ]


# --- the items across, the places down ----------------------------------------------------------

CHILDCARE = Target(
    "hx-childcare", "河西市新增托位", ("托位",), ("河西", "河西市", "全市"), unit="个"
)
ITEMS = ("区", "新增托位（个）", "新建社区食堂（个）", "新增养老床位（张）")
ITEM_ROWS = (
    ("东湖区", "420", "12", "300"),
    ("南岭区", "380", "9", "260"),
    ("全市合计", "800", "21", "560"),
)


@pytest.mark.parametrize(
    "caption", ["全市民生实事进展", "托位、社区食堂和养老床位建设情况"], ids=["plain", "names-all"]
)
def test_items_across_only_the_target_s_column(caption: str) -> None:
    tab = Table(caption=caption, unit=None, header=ITEMS, rows=ITEM_ROWS)
    got = find_table_figures(tab, [CHILDCARE], published=date(2025, 7, 2), title="河西市")
    assert cells(got) == [("achieved", "new", "800 个", "新增托位（个）", None)]
    assert rows_read(got) == {"全市合计"}


def test_items_across_none_the_target_s() -> None:
    rows = tuple((r[0], *r[2:]) for r in ITEM_ROWS)
    tab = Table(caption="全市民生实事进展", unit=None, header=ITEMS[:1] + ITEMS[2:], rows=rows)
    got = find_table_figures(tab, [CHILDCARE], published=date(2025, 7, 2), title="河西市")
    assert got == []  # 社区食堂 in 个 is no count of 托位


def test_items_across_named_only_in_the_caption_give_nothing() -> None:
    rows = tuple((r[0], *r[2:]) for r in ITEM_ROWS)
    tab = Table(
        caption="托位、食堂和床位建设情况", unit=None, header=ITEMS[:1] + ITEMS[2:], rows=rows
    )
    got = find_table_figures(tab, [CHILDCARE], published=date(2025, 7, 2), title="河西市")
    assert got == []  # the columns count 社区食堂 and 养老床位: none is the target's
