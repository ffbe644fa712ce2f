"""Table kinds met on real progress pages, second round (session 15; every header, row, caption
and page here is our own wording): a line above the table naming the office in charge
(责任单位：…) is no unit note, …"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from monitor.figures.tables import article_figures
from monitor.models import Pledge, Target
from monitor.pages.extract import extract


def _page(above: str, table: str, title: str = "2023年市政府惠民实事项目1—9月进展情况") -> bytes:
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title></head><body><div id=main>"
        f"<h1>{title}</h1><p>今年惠民实事项目共30项，各牵头部门加快推进，总体进展顺利。"
        f"现将1—9月进展情况公布如下，接受市民监督。</p>"
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
        "7.新建社区足球场12片。 牵头领导:陈立新 责任单位:市体育局 配合单位:各区管委会",
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
    page = _page("7.新建社区足球场12片。 责任单位:市体育局", _ACROSS)
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
