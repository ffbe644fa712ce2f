"""Table layouts the lead met probing pages of its own in session 12 (places, figures and
wording invented): a header-less table whose total row comes first with units in its cells (合计 |
300公里 | 236.5公里), which is a body row and not a second header row; a prefecture's table
whose seat city bears its name (文山州, 文山市)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from selectolax.lexbor import LexborHTMLParser

from monitor.figures.tables import article_figures
from monitor.models import Pledge, Table, Target
from monitor.pages.extract import extract
from monitor.pages.tables import read_table
from tests.table_cells import cells, read


def table(markup: str) -> Table | None:
    node = LexborHTMLParser(f"<body>{markup}</body>").css_first("table")
    assert node is not None
    return read_table(node)


def test_a_total_row_with_units_in_its_cells_under_a_plain_header_is_a_body_row() -> None:
    read = table(
        "<table><tr><td>区域</td><td>计划改造</td><td>已改造</td></tr>"
        "<tr><td>合计</td><td>300公里</td><td>236.5公里</td></tr>"
        "<tr><td>牡丹区</td><td>80公里</td><td>61.2公里</td></tr></table>"
    )
    assert read is not None
    assert read.header == ("区域", "计划改造", "已改造")
    assert read.rows[0] == ("合计", "300公里", "236.5公里")


def test_cells_of_amounts_with_their_measure_words_are_no_header() -> None:
    read = table(
        "<table><tr><td>县（市、区）</td><td>年度任务</td><td>已完成</td><td>完成率</td></tr>"
        "<tr><td>全州</td><td>3000户</td><td>1950户</td><td>65%</td></tr>"
        "<tr><td>砚山县</td><td>500户</td><td>300户</td><td>60%</td></tr></table>"
    )
    assert read is not None and read.header[1] == "年度任务" and len(read.rows) == 2


def test_two_header_rows_without_numbers_stay_two_header_rows() -> None:
    read = table(
        "<table><tr><td>地区</td><td colspan=2>城镇老旧小区改造（个）</td></tr>"
        "<tr><td>地区</td><td>年度任务</td><td>已开工</td></tr>"
        "<tr><td>全市</td><td>120个</td><td>97个</td></tr></table>"
    )
    assert read is not None
    works = "城镇老旧小区改造（个）"
    assert read.header == ("地区", f"{works}|年度任务", f"{works}|已开工")


# A prefecture (州, 盟, 地区) and its seat named after it (文山州, 文山市): the seat's row is a
# part, the prefecture's whole is its 全州 row
WS = Target(
    "ws-houses", "文山州2025年改造农村危房3000户", ("农村危房改造",), ("文山", "文山州", "全州"),
    unit="户", pledge=Pledge(Decimal(3000)),
)  # fmt: skip
ES = Target(
    "es-roads", "恩施州农村公路", ("农村公路",), ("恩施", "恩施州", "恩施土家族苗族自治州"),
    unit="公里",
)  # fmt: skip
WS_TABLE = Table(
    caption="文山州农村危房改造进度（截至9月30日）", unit=None,
    header=("县（市）", "任务数（户）", "竣工数（户）", "竣工率"),
    rows=(("文山市", "600", "410", "68.3%"), ("砚山县", "500", "300", "60.0%"),
          ("全州", "3000", "1950", "65.0%")),
)  # fmt: skip
ES_TABLE = Table(
    caption="恩施州农村公路建设进度表", unit="公里",
    header=("县市", "年度任务", "已完成"),
    rows=(("恩施市", "120", "88"), ("利川市", "150", "97"), ("巴东县", "90", "71")),
)  # fmt: skip


def test_a_seat_named_like_its_prefecture_is_a_part_and_the_whole_row_is_read() -> None:
    assert read(WS_TABLE, WS, day=date(2025, 10, 10)) == [
        ("pledge", "new", "3000 户", "任务数（户）"),
        ("achieved", "new", "1950 户", "竣工数（户）"),
        ("achieved", "share_of_pledge", "65 %", "竣工率"),
    ]


def test_a_seat_named_like_its_prefecture_is_not_the_prefecture_without_a_whole_row() -> None:
    assert read(ES_TABLE, ES, day=date(2025, 10, 10)) == []


YT = Target(
    "yt-lifts", "烟台2025年既有住宅加装电梯500部", ("加装电梯",), ("烟台", "烟台市", "全市"),
    unit="部", pledge=Pledge(Decimal(500)),
)  # fmt: skip


def test_one_thing_down_the_side_with_its_amounts_in_words_is_read_on_its_side() -> None:
    page = (
        "<html><head><title>烟台市上半年既有住宅加装电梯工作情况</title></head><body>"
        "<h1>烟台市上半年既有住宅加装电梯工作情况</h1><div id=main>"
        "<p>今年以来，全市加快推进既有住宅加装电梯工作，群众获得感不断增强。</p>"
        "<table><tr><td>项目</td><td>既有住宅加装电梯</td></tr>"
        "<tr><td>年度任务</td><td>500部</td></tr><tr><td>已开工</td><td>322部</td></tr>"
        "<tr><td>已完工</td><td>187部</td></tr><tr><td>完工率</td><td>37.4%</td></tr></table>"
        "</div></body></html>"
    ).encode()
    article = extract(page, url="http://127.0.0.1/yt.html")
    got = cells(article_figures(article, [YT], published=date(2025, 7, 5)))
    assert got == [
        ("pledge", "new", "500 部", "年度任务"),
        ("achieved", "new", "322 部", "已开工"),
        ("achieved", "new", "187 部", "已完工"),
        ("achieved", "share_of_pledge", "37.4 %", "完工率"),
    ]
