"""figures.tables: figures from table rows, each bound by its row label (or by the caption and
the row of the whole) and read by its column header. Tables written for these tests: our own
pages in tests/data/tables (one GBK) and small Table records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from monitor.figures.tables import article_figures, find_table_figures
from monitor.models import Figure, Pledge, Table, Target
from monitor.pages.extract import extract

OURS = Path(__file__).parent / "data" / "tables"

HOUSING = Target(
    "jc-housing", "江城2025年新建保障性住房2.2万套", ("保障性住房",), ("江城", "江城市", "全市"),
    unit="套", pledge=Pledge(Decimal(22000)),
)  # fmt: skip
CHILDCARE = Target(
    "lh-childcare", "临河托位", ("托育托位", "托位"), ("临河", "临河县", "全县"), unit="个"
)
CHARGING = Target("lh-charging", "临河充电桩", ("充电桩",), ("临河", "临河县", "全县"), unit="个")
COUNTY = Target("qz-songyang", "松阳农村公路", ("农村公路",), ("松阳", "松阳县"), unit="公里")
PROVINCE = Target(
    "qz-province", "青州农村公路", ("农村公路",), ("青州", "青州省", "全省"), unit="公里"
)


def cells(figures: list[Figure]) -> list[tuple[str, str, str, str, str | None, str | None]]:
    """(kind, scope, value and unit, cell as written, period, direction) of each figure."""
    return [
        (f.kind, f.scope, f"{f.value.normalize():f} {f.unit}", f.sentence[f.start : f.end],
         f.period, f.direction)
        for f in figures
    ]  # fmt: skip


def read_page(name: str, *targets: Target) -> list[Figure]:
    page = extract((OURS / name).read_bytes(), url=f"http://127.0.0.1/{name}")
    assert page.published is not None
    return [
        f
        for f in article_figures(page, targets, published=page.published.date())
        if " | " in f.sentence  # the table's, not the text's
    ]


def test_the_row_of_the_whole_in_a_table_of_districts_with_year_groups() -> None:
    got = read_page("jc-housing-gbk.html", HOUSING)
    assert cells(got) == [
        ("pledge", "new", "19000 套", "1.9", "2024", None),
        ("achieved", "new", "19300 套", "1.93", "2024", None),
        ("pledge", "new", "22000 套", "2.2", "2025", None),
        ("achieved", "new", "10500 套", "1.05", "2025", None),
        ("achieved", "share_of_pledge", "47.7 %", "47.7%", "2025", None),
    ]
    assert {f.sentence.split(" | ")[0] for f in got} == {"全市合计"}
    assert "2025年|1-6月完成: 1.05" in got[0].sentence


def test_rows_by_label_a_money_row_and_a_part_are_not_the_count() -> None:
    got = read_page("lh-livelihood.html", CHILDCARE, CHARGING)
    assert cells([f for f in got if f.target_id == "lh-childcare"]) == [
        ("pledge", "new", "2000 个", "2000", "2024", None),
        ("achieved", "new", "1500 个", "1500", "2024", None),
        ("achieved", "rate", "12.5 %", "12.5%", "2024", None),
    ]
    # 台 counts as 个; 充电桩建设资金 (万元) and 其中：快充桩 are not the target's count
    assert cells([f for f in got if f.target_id == "lh-charging"]) == [
        ("pledge", "new", "800 个", "800", "2024", None),
        ("achieved", "new", "650 个", "650", "2024", None),
        ("achieved", "rate", "8.2 %", "+8.2%", "2024", None),
    ]


def test_a_county_row_for_a_county_and_nothing_for_the_province() -> None:
    got = read_page("qz-rural-roads.html", COUNTY, PROVINCE)
    assert cells(got) == [
        ("pledge", "new", "120 千米", "120", "2023", None),
        ("achieved", "new", "96.5 千米", "96.5", "2023", None),
        ("achieved", "share_of_pledge", "80.4 %", "80.4%", "2023", None),
    ]
    assert {f.target_id for f in got} == {"qz-songyang"}  # no row is the whole province


TARGET = Target("t", "某市充电桩", ("充电桩",), ("某市", "全市"), unit="个")


def read(
    table: Table, target: Target = TARGET, published: date = date(2025, 3, 1)
) -> list[tuple[str, ...]]:
    found = find_table_figures(table, [target], published=published, title="全市充电设施建设情况")
    return [t[:4] + t[5:] for t in cells(found)]


def test_header_units_with_a_magnitude_and_falls() -> None:
    header = ("序号", "项目", "年度目标（万个）", "1-10月累计（万个）", "累计建成（万个）")
    tab = Table(
        caption="",
        unit=None,
        header=(*header, "同比±%"),
        rows=(("1", "新建充电桩", "1.2", "0.96", "5.5", "-2.5"),),
    )
    assert read(tab) == [
        ("pledge", "new", "12000 个", "1.2", None),
        ("achieved", "new", "9600 个", "0.96", None),  # 1-10月累计: so far this year
        ("achieved", "cumulative", "55000 个", "5.5", None),  # 累计建成: the stock
        ("achieved", "rate", "2.5 %", "-2.5", "down"),
    ]


def test_bare_year_columns_past_years_are_results_the_current_year_is_not_read() -> None:
    tab = Table(
        caption="充电桩建设情况", unit="个",
        header=("地区", "2023年", "2024年", "2025年"),
        rows=(("全市", "800", "950", "1100"),),
    )  # fmt: skip
    got = find_table_figures(tab, [TARGET], published=date(2025, 3, 1), title="")
    assert [(f.kind, f.period, f.sentence[f.start : f.end]) for f in got] == [
        ("achieved", "2023", "800"),
        ("achieved", "2024", "950"),
    ]


@pytest.mark.parametrize(
    ("caption", "rows"),
    [
        ("充电桩建设情况", (("某省", "500", "450"), ("全国", "9000", "8800"))),  # other places
        ("全市充电桩建设情况", (("东区", "50", "45"), ("西区", "60", "61"))),  # parts, no whole
        ("新能源汽车推广情况", (("新能源汽车", "5000", "4800"),)),  # another noun
        ("", (("其中：充电桩", "50", "45"),)),  # a part after 其中
    ],
    ids=["other-places", "no-whole-row", "other-noun", "part"],
)
def test_rows_that_do_not_count_the_target(caption: str, rows: tuple[tuple[str, ...], ...]) -> None:
    tab = Table(caption=caption, unit="个", header=("地区", "计划", "完成"), rows=rows)
    assert find_table_figures(tab, [TARGET], published=date(2025, 3, 1), title="") == []


def test_an_index_column_and_an_unlabelled_column_give_nothing() -> None:
    tab = Table(
        caption="", unit="个", header=("序号", "项目", "备注数"), rows=(("1", "全市充电桩", "3"),)
    )
    assert find_table_figures(tab, [TARGET], published=None, title="全市") == []


def test_a_row_the_target_excludes() -> None:
    target = Target("t", "某市充电桩", ("充电桩",), ("全市",), exclude=("换电",), unit="个")
    tab = Table(caption="", unit="个", header=("项目", "完成"), rows=(("全市换电充电桩", "30"),))
    assert find_table_figures(tab, [target], published=None, title="全市") == []


def test_the_text_does_not_read_the_cells_again() -> None:
    page = extract((OURS / "jc-housing-gbk.html").read_bytes(), url="http://127.0.0.1/")
    found = article_figures(page, [HOUSING], published=date(2025, 7, 12))
    assert sorted(f.sentence[f.start : f.end] for f in found) == [
        "1.05",
        "1.9",
        "1.93",
        "2.2",
        "47.7%",
    ]


def test_monitor_try_shows_the_tables_and_their_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from monitor.cli import main

    body = (OURS / "jc-housing-gbk.html").read_bytes()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/housing.html"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html")  # the charset is in the page
            self.end_headers()
            self.wfile.write(body if found else b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/housing.html"
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(
        f"sources:\n  - {{id: jc, url: '{url}', type: page}}\n"
        "targets:\n  - {id: jc-housing, title: 江城保障性住房, keywords: [保障性住房],"
        " region: [江城, 全市], unit: 套}\n",
        encoding="utf-8",
    )
    try:
        code = main(["--watchlist", str(watchlist), "try", url])
    finally:
        server.shutdown()
        server.server_close()
    out = capsys.readouterr().out
    assert code == 0
    assert "表格:  全市保障性住房建设进度一览: 4 rows" in out
    assert "pledge   new        2.2 = 22000 套 (exact, 2025)" in out
    assert (
        "全市合计 | 2024年|计划: 1.9 | 2024年|完成: 1.93 | 2025年|计划: 2.2 | "
        "2025年|1-6月完成: 【1.05】" in out
    )
