"""pages.tables: an article's data tables read as tables (merged cells, header rows, captions,
unit notes, GBK), their cells kept out of the body text; layout tables left alone. Pages in
tests/data/tables are our own layouts; the corpus pages in tests/data/reading/tables are checked
against the rows they were rendered from (tables.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from monitor.models import Table
from monitor.pages.extract import extract
from monitor.pages.tables import MAX_COLUMNS, read_table

HERE = Path(__file__).parent / "data"
OURS = HERE / "tables"
CORPUS = HERE / "reading"


def article(name: str) -> Any:
    return extract((OURS / name).read_bytes(), url=f"http://127.0.0.1/{name}")


def table(markup: str) -> Table | None:
    node = LexborHTMLParser(f"<body>{markup}</body>").css_first("table")
    assert node is not None
    return read_table(node)


def test_gbk_page_with_two_header_rows_merged_cells_and_a_unit_row() -> None:
    page = article("jc-housing-gbk.html")
    assert page.tables == (
        Table(
            caption="全市保障性住房建设进度一览",
            unit="万套",
            header=(
                "序号", "区域", "2024年|计划", "2024年|完成", "2025年|计划", "2025年|1-6月完成",
                "2025年|完成进度",
            ),
            rows=(
                ("1", "东湖区", "0.8", "0.85", "0.9", "0.42", "46.7%"),
                ("2", "西岭区", "0.6", "0.61", "0.7", "0.38", "54.3%"),
                ("3", "南港区", "0.5", "0.47", "0.6", "0.25", "41.7%"),
                ("全市合计", "全市合计", "1.9", "1.93", "2.2", "1.05", "47.7%"),
            ),
            note="附注：完成进度为1-6月完成数占年度计划的比例。",  # the note below it, kept
        ),
    )  # fmt: skip
    # the cells are in the table, not in the text; the paragraphs around it are
    assert "东湖区" not in page.text and "0.85" not in page.text
    assert "上半年新开工项目进度总体好于去年同期" in page.text
    assert "附注：完成进度为1-6月完成数占年度计划的比例。" in page.text


def test_table_in_a_layout_table_with_caption_thead_and_rowspan() -> None:
    page = article("lh-livelihood.html")
    (read,) = page.tables  # neither the page's layout table nor the note box is data
    assert read.caption == "临河县2024年民生项目推进情况（截至10月底）"
    assert read.unit is None
    assert read.header == ("类别", "项目", "单位", "年度目标", "完成情况", "同比增长")
    assert read.rows[1] == ("民生保障", "充电桩建设资金", "万元", "3000", "2500", "-3.0%")
    assert read.rows[3] == ("城市建设", "其中：快充桩", "台", "300", "210", "5.0%")
    assert "新建公共充电桩" not in page.text
    # a box of prose laid out in a table stays text
    assert "以统计部门正式发布的数据为准" in page.text
    assert "确保各项民生实事年底前全面完成。" in page.text


def test_first_row_is_the_header_without_th_and_a_sentence_above_is_no_caption() -> None:
    page = article("qz-rural-roads.html")
    (read,) = page.tables
    assert read.caption == ""
    assert read.header == ("县（市、区）", "年度任务（公里）", "完成（公里）", "完成率")
    assert read.rows[0] == ("松阳县", "120", "96.5", "80.4%")


def _corpus_tables() -> list[dict[str, Any]]:
    data = yaml.safe_load((CORPUS / "tables.yaml").read_text(encoding="utf-8"))
    return list(data["tables"])


@pytest.mark.parametrize("spec", _corpus_tables(), ids=lambda spec: spec["id"])
def test_corpus_pages_read_back_as_the_rows_they_were_made_from(spec: dict[str, Any]) -> None:
    content = (CORPUS / "tables" / f"{spec['id']}.html").read_bytes()
    page = extract(content, url="http://127.0.0.1/")
    (read,) = page.tables
    assert read.caption == spec["caption"]
    note = spec.get("unit_note")
    assert read.unit == (note.split("：", 1)[1] if note else None)
    assert read.header == tuple(spec["columns"])
    assert read.rows == tuple(tuple(str(c).strip("　") for c in row) for row in spec["rows"])
    for row in spec["rows"]:  # the body text no longer holds the row's cells ("… 50 41 82%")
        assert " ".join(str(c) for c in row[-3:]) not in page.text


def test_colspan_and_rowspan_fill_every_place_they_cover() -> None:
    read = table(
        "<table><tr><th rowspan=2>地区</th><th colspan=2>2024年</th><th rowspan=2>备注</th></tr>"
        "<tr><th>目标</th><th>完成</th></tr>"
        "<tr><td rowspan=2>甲</td><td>10</td><td>9</td><td>—</td></tr>"
        "<tr><td>20</td><td colspan=2>18</td></tr></table>"
    )
    assert read is not None
    assert read.header == ("地区", "2024年|目标", "2024年|完成", "备注")
    assert read.rows == (("甲", "10", "9", "—"), ("甲", "20", "18", "18"))


def test_caption_with_its_unit_note() -> None:
    read = table(
        "<table><caption>财政收支（单位：亿元）</caption><tr><td>项目</td><td>预算</td></tr>"
        "<tr><td>收入</td><td>12.5</td></tr></table>"
    )
    assert read is not None and read.unit == "亿元" and read.header == ("项目", "预算")


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><td>首页</td><td>新闻</td></tr><tr><td>政务</td><td>服务</td></tr></table>",
        "<table><tr><td>指标</td></tr><tr><td>12</td></tr></table>",  # one column
        "<table><tr><td>项目</td><td>数量</td></tr></table>",  # a header, no rows
        "<table><tr><td>说明</td><td>" + "很长的一段文字，" * 40 + "</td></tr>"
        "<tr><td>1</td><td>2</td></tr></table>",  # a paragraph laid out in a cell
        "<table><tr><td colspan=2>燕赵新闻</td></tr><tr><td colspan=2>12</td></tr></table>",
    ],
    ids=["no-numbers", "one-column", "no-body", "long-cell", "merged-rows-only"],
)
def test_tables_that_hold_no_figures_are_not_read(markup: str) -> None:
    assert table(markup) is None


def test_a_hostile_colspan_is_capped() -> None:
    read = table(
        '<table><tr><th>项目</th><th colspan="100000">数</th></tr>'
        "<tr><td>甲</td><td>1</td></tr></table>"
    )
    assert read is not None and len(read.header) == MAX_COLUMNS


def test_a_page_without_tables_has_none() -> None:
    content = (HERE / "pages" / "news_utf8_declares_gb2312.html").read_bytes()
    assert extract(content, url="http://127.0.0.1/").tables == ()


def test_a_page_that_is_one_table_is_an_article_without_prose() -> None:
    content = (
        "<html><head><title>民生实事进展</title></head><body>"
        "<div class=nav><a href=/>首页</a></div>"
        "<div id=main><table><tr><th>项目名称及建设内容</th><th>年度目标</th><th>完成数</th></tr>"
        "<tr><td>新建社区食堂，覆盖城区。</td><td>50</td><td>41</td></tr>"
        "<tr><td>新增普惠托位，覆盖全市。</td><td>300</td><td>120</td></tr></table></div></body></html>"
    ).encode()
    page = extract(content, url="http://127.0.0.1/")
    assert page.text == ""
    (read,) = page.tables
    assert read.caption == ""  # the menu above is no caption
    assert read.rows[1] == ("新增普惠托位，覆盖全市。", "300", "120")


def _page_of_one_table(table: str) -> bytes:
    return (
        "<html><head><title>2022年八项惠民工程进展表_某县人民政府</title></head><body>"
        "<div class=nav><a href=/>首页</a> &gt; <a href=/gk/>政务公开</a></div>"
        "<div id=main><h1>2022年八项惠民工程进展表</h1><div class=info>发布时间：2023-01-10</div>"
        f"<p>2022年八项惠民工程进展情况如下。</p><h3>农村供水保障工程（县水利局）</h3>{table}"
        "</div><div class=footer>主办单位：某县人民政府</div></body></html>"
    ).encode()


def test_a_page_whose_longest_text_is_a_table_row_keeps_the_table() -> None:
    # the body scorer takes the header row of long header cells for the body: the table is read
    # all the same, and the text is the prose around it, not the header row
    page = extract(
        _page_of_one_table(
            "<table><tr><th>乡镇</th><th>新建改造供水管网(公里)年度任务</th>"
            "<th>新建改造供水管网(公里)完成数</th><th>新建改造供水管网(公里)完成率(%)</th>"
            "<th>受益人口(人)年度任务</th><th>受益人口(人)完成数</th></tr>"
            "<tr><td>全县</td><td>120</td><td>131</td><td>109.2</td><td>30000</td><td>31500</td></tr>"
            "<tr><td>东岭镇</td><td>40</td><td>44</td><td>110</td><td>9000</td><td>9400</td></tr>"
            "<tr><td>西坪乡</td><td>25</td><td>23</td><td>92</td><td>6000</td><td>5800</td></tr>"
            "</table>"
        ),
        url="http://127.0.0.1/",
    )
    (read,) = page.tables
    assert read.header[1] == "新建改造供水管网(公里)年度任务"
    assert read.rows[0] == ("全县", "120", "131", "109.2", "30000", "31500")
    assert "年度任务" not in page.text


def test_a_row_of_a_layout_table_holding_the_text_is_no_data_table() -> None:
    # a row of short cells with no figure is a layout's: no table, the text stays
    page = extract(
        _page_of_one_table(
            "<table><tr><td>农村饮水工程由县水利局牵头实施，各乡镇配合推进。</td>"
            "<td>项目建成后将惠及沿河各村群众，水质水压均有提升。</td></tr>"
            "<tr><td>联系人：王工</td><td>电话：见通讯录</td></tr></table>"
        ),
        url="http://127.0.0.1/",
    )
    assert page.tables == ()
    assert "县水利局牵头实施" in page.text
