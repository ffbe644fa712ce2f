"""Tables on pages written in traditional letters (mirror and Hong Kong pages of mainland news)
read as simplified ones, as the page's sentences are: 年度目標 is a plan's column, 實事內容 a
task's, and a target typed in simplified letters names the rows. The figures quote the page's
own letters. The tables are our own wording."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from monitor.figures.tables import article_figures, explain_tables
from monitor.models import Article, Figure, Pledge, Table, Target

READING_ROOMS = Target(
    "hs-reading", "禾山县2024年新建城市书房12个", ("城市书房",), ("禾山县", "禾山", "全县"),
    unit="个", pledge=Pledge(Decimal(12)),
)  # fmt: skip


def _page(*tables: Table) -> Article:
    published = datetime(2024, 9, 10, tzinfo=UTC)
    return Article("http://127.0.0.1/t.html", "禾山縣民生實事進展", published, "", tables)


def _read(found: list[Figure]) -> list[tuple[str, str, str, Decimal]]:
    out = []
    for f in found:
        row = f.sentence.split(" | ", 1)[0]
        line = f.sentence
        head = line[line.rfind(" | ", 0, f.start) + 3 : line.rfind(": ", 0, f.start)]
        out.append((row, head, f.kind, f.value))
    return out


def test_number_columns_of_a_traditional_table_are_read_by_their_heads() -> None:
    table = Table(
        caption="2024年縣級民生實事項目完成情況",
        unit=None,
        header=("序號", "項目名稱", "年度目標（個）", "完成數（個）", "責任單位"),
        rows=(
            ("1", "城市書房", "12", "9", "縣文廣旅體局"),
            ("2", "口袋公園", "20", "23", "縣住建局"),
        ),
    )
    found = article_figures(_page(table), [READING_ROOMS], published=date(2024, 9, 10))
    assert _read(found) == [
        ("城市書房", "年度目標（個）", "pledge", Decimal(12)),
        ("城市書房", "完成數（個）", "achieved", Decimal(9)),
    ]
    assert [f.quantity.surface for f in found] == ["12", "9"]


def test_a_task_sentence_column_of_a_traditional_table_holds_the_plan() -> None:
    table = Table(
        caption="",
        unit=None,
        header=("序號", "實事內容", "完成情況"),
        rows=(
            ("1", "新建城市書房12個。", "已建成開放9個。"),
            ("2", "改造提升鄉鎮綜合文化站15個。", "已完工11個。"),
        ),
    )
    found = article_figures(_page(table), [READING_ROOMS], published=date(2024, 9, 10))
    assert sorted((f.kind, f.value) for f in found) == [
        ("achieved", Decimal(9)),
        ("pledge", Decimal(12)),
    ]
    assert {f.sentence.split(" | ")[0] for f in found} == {"新建城市書房12個。"}


def test_explain_quotes_the_cells_in_the_pages_letters() -> None:
    table = Table(
        caption="",
        unit=None,
        header=("序號", "項目名稱", "年度目標（個）", "完成數（個）"),
        rows=(("1", "城市書房", "12", "9"),),
    )
    seen = explain_tables(_page(table), [READING_ROOMS], published=date(2024, 9, 10))
    assert [(s.surface, s.figure is not None) for s in seen] == [("12", True), ("9", True)]
    assert all(s.sentence.startswith("城市書房 | ") for s in seen)


def test_a_keyword_typed_in_traditional_letters_names_the_row() -> None:
    typed = Target(
        "hs-reading-t", "禾山縣2024年新建城市書房12個", ("城市書房",), ("禾山縣", "全縣"),
        unit="个", pledge=Pledge(Decimal(12)),
    )  # fmt: skip
    table = Table(
        caption="",
        unit=None,
        header=("序號", "項目名稱", "年度目標（個）", "完成數（個）"),
        rows=(("1", "城市書房", "12", "9"), ("2", "口袋公園", "20", "23")),
    )
    found = article_figures(_page(table), [typed], published=date(2024, 9, 10))
    assert [(f.kind, f.value) for f in found] == [("pledge", Decimal(12)), ("achieved", Decimal(9))]
