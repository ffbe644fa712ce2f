"""Task lists whose header cells are spread over the cell with spaces (项 目 内 容, 序 号) and
completion tables published after the year they report (session 25; the tables are our own
wording): the spaced header is read by its words, the row is named by its content, and a task
of the year the caption names is that year's pledge, not the next one's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.table_text import text_cell_figures
from monitor.models import Pledge, Table, Target

NURSERY = Target(
    "hy-nursery", "禾阳市2024年新增托位1200个", ("托位", "新增托位"),
    ("禾阳市", "禾阳", "全市"), unit="个", pledge=Pledge(Decimal(1200)),
)  # fmt: skip


def _done(header: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    """A city's table of its year's works done, as these tests lay it out."""
    return Table(caption="2024年度市政府民生实事项目完成情况", unit=None, header=header, rows=rows)


ROWS = (
    ("1", "新增2个街道建有托育机构", "完成新增两个街道托育机构。", "市卫健局"),
    ("2", "新增托位1200个，普惠托位700个", "新增托位1236个，其中普惠托位760个。", "市卫健局"),
)


# the row's task (the plan) and its progress cell's amount (the result), in that order
PLAN_AND_RESULT = [("pledge", Decimal(1200)), ("achieved", Decimal(1236))]


def test_a_spaced_content_header_names_the_row_and_holds_the_pledge() -> None:
    table = _done(("序 号", "项 目 内 容", "年度完成情况", "责任单位"), *ROWS)
    found = text_cell_figures(table, [NURSERY], published=date(2024, 12, 20), title="")
    assert [(f.kind, f.value) for f in found] == PLAN_AND_RESULT
    assert {f.sentence.partition(" | ")[0] for f in found} == {"新增托位1200个，普惠托位700个"}


def test_the_year_a_caption_names_dates_its_tasks_read_the_next_january() -> None:
    # out in January 2025, the table reports 2024: its tasks are 2024's pledge, not 2025's plan
    table = _done(("序号", "项目内容", "年度完成情况", "责任单位"), *ROWS)
    found = text_cell_figures(table, [NURSERY], published=date(2025, 1, 12), title="")
    assert [(f.kind, f.value) for f in found] == PLAN_AND_RESULT
    assert found[0].period == "2024"


def test_a_kind_after_its_whole_in_a_task_is_a_part() -> None:
    # 普惠托位700个 after 新增托位1200个: a part of the plan, not a second value of it
    table = _done(("序号", "项目内容", "年度完成情况", "责任单位"), *ROWS)
    found = text_cell_figures(table, [NURSERY], published=date(2024, 12, 20), title="")
    assert Decimal(700) not in [f.value for f in found]


def test_a_header_in_traditional_letters_is_read_by_its_words() -> None:
    # 序號 | 項目內容 | 完成情況: an index, the content (the plan) and the progress
    table = _done(("序號", "項目內容", "完成情況", "責任單位"), *ROWS)
    found = text_cell_figures(table, [NURSERY], published=date(2024, 12, 20), title="")
    assert [(f.kind, f.value) for f in found] == PLAN_AND_RESULT


def test_the_tasks_size_in_the_rows_name_is_no_second_value_of_its_progress() -> None:
    # 新增托位1200个 names the row of the progress cell 新增托位1236个: the task, not a result
    table = _done(("序号", "项目内容", "完成情况", "责任单位"), *ROWS)
    found = text_cell_figures(table, [NURSERY], published=date(2024, 12, 20), title="")
    assert [(f.kind, f.value) for f in found if f.kind == "achieved"] == [
        ("achieved", Decimal(1236))
    ]
