"""Progress tables laid out otherwise than one row a thing, turned into that shape before they
are read: a table on its side (the items across) turned upright; one printed as halves side by
side (区 | 任务 | 完成 | 区 | 任务 | 完成) split into its halves; rows in pairs of plan and result
under each place (全市 | 年度计划 | …, 全市 | 已完成 | …) joined into one row a place, each column
named by the role above the item ("年度计划|燃气管道改造").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from monitor.figures.table_columns import fraction_roles, role_of
from monitor.figures.table_rows import is_period, names
from monitor.figures.table_stages import stage_in
from monitor.models import Table, Target

_ROLES = frozenset(("pledge", "achieved", "share"))
# A cell that is a number and nothing else (1-9月新增 is a label that opens with a month)
_NUMBER = re.compile(r"\s*[-+－＋−]?\s*[0-9０-９.,，]+\s*[%％]?\s*")
# A header cell naming a place or the whole (全市, 东岸区, 其他县（市）, 合计)
_PLACE_HEAD = re.compile(
    r"(?:全[国省市区县]|合计|总计|[\u4e00-\u9fff]{1,8}(?:省|市|区|县|旗|州|盟|镇|乡|街道))(?:[（(].*)?"
)


# A result and its plan in one cell (42/60 under 完成数/任务数): two numbers and a slash
_FRACTION = re.compile(r"\s*([0-9０-９][0-9０-９.,，]*)\s*[/／]\s*([0-9０-９][0-9０-９.,，]*)\s*")
# …or a count and its share in brackets (6,570（82.1%） under 已开工（完成率）)
_WITH_SHARE = re.compile(
    r"\s*([0-9０-９][0-9０-９.,，]*)\s*[（(]\s*([0-9０-９.．]+\s*[%％])\s*[)）]\s*"
)


def fractions(table: Table, published: date | None) -> Table:
    """Each column of fractions under a header of two roles (完成数/任务数（个）: 42/60), or of
    counts with their share (已开工（完成率）: 6,570（82.1%）), split in two, both under the header
    as written (table_columns gives each its half's role); any other table as it is."""
    pairs = [j for j, head in enumerate(table.header) if _pair_column(table, j, published)]
    if not pairs:
        return table
    header = tuple(h for j, h in enumerate(table.header) for _ in range(2 if j in pairs else 1))
    rows = tuple(tuple(_split(row, j, pairs) for j in range(len(row))) for row in table.rows)
    return replace(table, header=header, rows=tuple(sum(row, ()) for row in rows))


def _split(row: tuple[str, ...], j: int, pairs: list[int]) -> tuple[str, ...]:
    if j not in pairs:
        return (row[j],)
    found = _FRACTION.fullmatch(row[j]) or _WITH_SHARE.fullmatch(row[j])
    return (found.group(1), found.group(2)) if found else ("", "")


def _pair_column(table: Table, j: int, published: date | None) -> bool:
    """Are a column's cells fractions or counts with their share (most of those written) under
    a header of two roles?"""
    if not fraction_roles(table.header[j], published):
        return False
    cells = [row[j] for row in table.rows if j < len(row) and row[j].strip()]
    pairs = sum(bool(_FRACTION.fullmatch(c) or _WITH_SHARE.fullmatch(c)) for c in cells)
    return bool(cells) and pairs * 2 > len(cells)


def halves(table: Table) -> list[Table]:
    """The table's halves when its header repeats itself (two or three times), else the table."""
    width = len(table.header)
    for parts in (2, 3):
        size = width // parts
        if size < 2 or size * parts != width:
            continue
        first = table.header[:size]
        if all(table.header[k * size : (k + 1) * size] == first for k in range(1, parts)):
            return [
                replace(
                    table,
                    header=first,
                    rows=tuple(
                        cells
                        for row in table.rows
                        if any(cells := tuple(row[k * size : (k + 1) * size]))
                    ),
                )
                for k in range(parts)
            ]
    return [table]


def pairs_across(table: Table, published: date | None) -> Table:
    """Rows in pairs (or threes) of a place and a role (年度计划, 已完成, 完成率) with the items
    across, turned into one row a place; any other table as it is."""
    at = _role_column(table, published)
    if at is None:
        return table
    roles = list(dict.fromkeys(row[at] for row in table.rows))
    items = range(at + 1, len(table.header))
    header = (*table.header[:at], *(f"{r}|{table.header[k]}" for r in roles for k in items))
    merged: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
    for row in table.rows:
        merged.setdefault(tuple(row[:at]), {})[row[at]] = row
    rows = tuple(
        (*key, *(by[r][k] if r in by and k < len(by[r]) else "" for r in roles for k in items))
        for key, by in merged.items()
    )
    return replace(table, header=header, rows=rows)


def _role_column(table: Table, published: date | None) -> int | None:
    """The column (second or third) whose every cell names a role, a plan and a result among
    them, beside places that repeat down the rows (merged cells spread over the pair)."""
    for at in (1, 2):
        if at >= len(table.header) - 1:
            return None
        cells = [row[at] if at < len(row) else "" for row in table.rows]
        places = [tuple(row[:at]) for row in table.rows]
        if (
            not all(cells)
            or len(set(places)) == len(places)  # no place repeats: no pairs (checked first: cheap)
            or len(set(zip(places, cells, strict=True))) < len(places)
        ):
            continue
        said = {role_of(cell, published) for cell in set(cells)}
        if said <= _ROLES and {"pledge", "achieved"} <= said:
            return at
    return None


def upright(
    table: Table, targets: Sequence[Target], published: date | None, title: str = ""
) -> Table:
    """A table on its side (items across the header, 年度目标 / 1-7月完成 / 完成进度 down its first
    column) turned so that each item is a row; any other table as it is. On its side means: the
    first column holds a plan and a result and no target's noun, and the header names one, or
    the table is one column of values (指标 | 数值) whose caption or title names one."""
    firsts = [row[0] if row else "" for row in table.rows]
    roles = {role_of(f, published) for f in firsts if not _NUMBER.fullmatch(f)}
    named = (
        any(names(h, t) for h in table.header[1:] for t in targets)
        or _places_across(table, targets, title)
        or _periods_across(table, targets, title)
        or _kinds_across(table, targets, title)
    )
    one_column = len(table.header) == 2 and any(
        names(f"{table.caption} {title}", t) for t in targets
    )
    if not _things_by_place(table, targets) and (
        len(table.header) < 2
        or ("pledge" not in roles and not _periods_across(table, targets, title))
        or not roles & {"achieved", "share"}
        or not roles <= {"pledge", "achieved", "share", "rate", "none"}  # none: 序时进度
        or any(names(f, t) for f in firsts for t in targets)
        or sum(is_period(f) for f in firsts) >= 2  # 一季度 | 二季度 | 全年目标: periods down
        or not (named or one_column)
    ):
        return table
    rows = tuple(
        (table.header[j], *(row[j] if j < len(row) else "" for row in table.rows))
        for j in range(1, len(table.header))
    )
    return replace(table, header=(table.header[0], *firsts), rows=rows)


def _kinds_across(table: Table, targets: Sequence[Target], title: str) -> bool:
    """Are kinds with their total (新建 | 改建 | 合计) or stages of the work (新开工 | 基本建成)
    across the header, the caption or title naming a target: the roles down the first column?"""
    heads = [h.strip() for h in table.header[1:]]
    return (
        len(heads) >= 2
        and (heads[-1] in ("合计", "总计", "小计") or all(_a_stage(h) for h in heads))
        and any(names(f"{table.caption} {title}", t) for t in targets)
    )


def _a_stage(head: str) -> bool:
    """Does a header name a stage of the work and little else (新开工, 分配入住)?"""
    stage = stage_in(head)
    return stage is not None and len(head) <= len(stage) + 2


def _periods_across(table: Table, targets: Sequence[Target], title: str) -> bool:
    """Are periods across the header (项目 | 一季度 | 二季度 | 上半年合计, 1-3月 | 1-6月), the
    caption or title naming a target: each column a period's, the roles down the first column?"""
    heads = table.header[1:]
    return (
        len(heads) >= 2
        and all(is_period(h) for h in heads)
        and any(names(f"{table.caption} {title}", t) for t in targets)
    )


def _things_by_place(table: Table, targets: Sequence[Target]) -> bool:
    """Things down and places across with the whole among them (项目 | 全市 | 利州区 …), a row
    naming a target: turned, each place a row (the caption says what the cells hold)."""
    heads = [h.strip() for h in table.header[1:]]
    return (
        len(heads) >= 2
        and all(_PLACE_HEAD.fullmatch(h) for h in heads)
        and any(re.fullmatch(r"全[国省市区县州]|合计|总计", h) for h in heads)
        and any(names(row[0], t) for row in table.rows if row for t in targets)
    )


def _places_across(table: Table, targets: Sequence[Target], title: str) -> bool:
    """Are the places across the header (指标 | 全市 | 东岸区 | 西湖区), the caption or title
    naming a target: each column a place's, the roles down the first column?"""
    heads = table.header[1:]
    return (
        len(heads) >= 2
        and all(_PLACE_HEAD.fullmatch(h.strip()) for h in heads)
        and any(names(f"{table.caption} {title}", t) for t in targets)
    )
