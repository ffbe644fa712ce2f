"""Table layouts the lead met probing pages of its own in session 12 (places, figures and
wording invented): a header-less table whose total row comes first with units in its cells (合计 |
300公里 | 236.5公里), which is a body row and not a second header row."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from monitor.models import Table
from monitor.pages.tables import read_table


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
