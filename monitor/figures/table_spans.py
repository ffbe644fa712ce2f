"""Value columns read another way than their header alone says: a five-year plan's target and the
running totals beside it (what the window added), and a share written as ratios (0.75)."""

from __future__ import annotations

import re

from monitor.figures.table_heads import STOCK, Column
from monitor.figures.table_units import header_unit
from monitor.models import Table

_EMPTY = re.compile(r"\s*[-—–/／\\]*\s*")

_PLAN_WINDOWS = {"十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}


def plan_window(columns: list[Column], header: tuple[str, ...]) -> None:
    """A five-year plan's target (“十四五”目标) is the window's, and a running total beside it
    with no years of its own (累计完成) is what the window added so far, not a stock."""
    windows = [
        w for i, h in enumerate(header) for k, w in _PLAN_WINDOWS.items() if k in h
        if columns[i].role == "pledge"
    ]  # fmt: skip
    if not windows:
        return
    for i, (column, head) in enumerate(zip(columns, header, strict=False)):
        plan = column.role == "pledge" and any(k in head for k in _PLAN_WINDOWS)
        if plan or (column.role == "achieved" and column.period is None and STOCK.search(head)):
            columns[i] = column._replace(scope="new", period=windows[0])


_RATIO_CELL = re.compile(r"\s*(?:0?\.[0-9]{1,4}|1(?:\.[0-9]{1,4})?)\s*")


def ratio_shares(columns: list[Column], table: Table) -> None:
    """A share whose header writes no % and whose cells are all ratios, some below 1 and none
    above 1.5 (完成率 | 0.75 | 0.70): in per cent, each times 100."""
    for i, column in enumerate(columns):
        if column.role != "share" or header_unit(table.header[i]) == "%":
            continue
        cells = [row[i] for row in table.rows if i < len(row) and not _EMPTY.fullmatch(row[i])]
        if (
            len(cells) >= 2
            and all(_RATIO_CELL.fullmatch(c) and float(c) <= 1.5 for c in cells)
            and any(float(c) < 1 for c in cells)
        ):
            columns[i] = column._replace(ratio=True)


# A result word alone in per cent (完成（%）, 执行%, 实现%): the share done beside a count
_DONE_IN_PER_CENT = re.compile(
    r"\s*(?:累计)?(?:完成|执行|实现|达成)(?:情况)?\s*[（(]?\s*[%％]\s*[)）]?\s*"
)


def done_in_per_cent(columns: list[Column], header: tuple[str, ...]) -> None:
    """A result word alone in per cent (完成（%）) right of a result counted in another unit
    (1-9月完成 | 完成（%）) is the share of the plan done; with no such result beside it (目标（%）
    | 完成%, a table of rates) it stays the result."""
    for i, head in enumerate(header):
        if columns[i].role != "achieved" or not _DONE_IN_PER_CENT.fullmatch(head):
            continue
        if any(c.role == "achieved" and c.unit not in ("%", "％") for c in columns[:i]):
            columns[i] = Column("share", "share_of_pledge", "%", columns[i].period)


# 完成, 为 or 占 with the plan as its object (完成年度目标任务的, 完成全年计划, 为计划的)
_DONE_OF_PLAN = re.compile(
    r"\s*(?:(?:累计)?完成(?:了)?|为|占)(?:年度|全年|本年|年)?(?:目标)?(?:任务|计划|目标)(?:的)?"
    r"(?:比例|进度)?\s*(?:[（(]\s*[%％]\s*[)）])?\s*"
)
_PER_CENT_CELL = re.compile(r"\s*[0-9０-９][0-9０-９.．]*\s*[%％]\s*")


def done_of_plan(columns: list[Column], table: Table) -> None:
    """A header of 完成 (为, 占) with the plan as its object (完成年度目标任务的) over cells
    all in per cent, beside the plan or a result counted in amounts: the share of the plan done,
    not a second plan (as its 目标任务 alone would read); so is a stage's progress (开工进展)."""
    for i, head in enumerate(table.header):
        if columns[i].role == "share" or not _DONE_OF_PLAN.fullmatch(head):
            continue
        if not _all_per_cent(table, i):
            continue
        if any(c.role in ("pledge", "achieved") and j != i for j, c in enumerate(columns)):
            columns[i] = Column("share", "share_of_pledge", "%", columns[i].period)
    _progress_in_per_cent(columns, table)


_PROGRESS_SAID = re.compile(r"\s*(?:开工|完工|竣工|建成|完成|建设|工程)?进展\s*")  # 开工进展


def _progress_in_per_cent(columns: list[Column], table: Table) -> None:
    """A stage's progress (开工进展, 进展) over cells all in per cent is the share of the task
    the stage has reached, as 开工进度 already reads, not a count done."""
    for i, head in enumerate(table.header):
        if columns[i].role != "achieved" or not _PROGRESS_SAID.fullmatch(head):
            continue
        if _all_per_cent(table, i):
            columns[i] = Column("share", "share_of_pledge", "%", columns[i].period)


def _all_per_cent(table: Table, i: int) -> bool:
    """Whether column `i` has cells, and every one that is not empty is in per cent."""
    cells = [row[i] for row in table.rows if i < len(row) and not _EMPTY.fullmatch(row[i])]
    return bool(cells) and all(_PER_CENT_CELL.fullmatch(c) for c in cells)
