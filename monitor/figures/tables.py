"""The figures a data table gives for watched targets: each row bound by its label (or, when the
rows are places or parts of one measure, by the caption and the row of the whole), each column
read from its header: 年度任务/目标/计划 the pledge, 完成数/实际 the result, 完成率 a share of the
pledge, 同比增长 a rate, 序号 nothing. A figure quotes its row as one line, the cell marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Literal

from monitor.figures import table_columns, units
from monitor.figures.measures import stage_of
from monitor.figures.numerals import parse_quantity
from monitor.figures.places import mentions, speaks_for
from monitor.figures.table_columns import Column, header_unit, period_of
from monitor.figures.table_stages import earlier, measure_of, share_stage, stage_in, stages_of
from monitor.models import Article, Figure, FigureKind, Quantity, Table, Target

_PERCENT = re.compile(r"[%％]")
# A row of the whole: 合计, 全省合计, 总计, 全市
_TOTAL = re.compile(
    r"(?:全国|全省|全市|全区|全县|全州|总体)?(?:合计|总计|小计|共计|总体)|全国|全省|全市"
)
# …or the noun's own total among its kinds (充电桩合计 above 公共充电桩, 私人充电桩)
_TOTAL_OF = re.compile(r"(?:合计|总计|共计|总数)$")
_PART = re.compile(r"其中|包括|含[:：]|[(（]?[0-9一二三四五六七八九十]+[)）]")
_DIGIT_FIRST = re.compile(r"[-+－＋−]?\s*[0-9０-９.]")  # a number cell; 一般公共预算 is a label
_SIGN = re.compile(r"^\s*([-+－＋−])\s*")
_LEAD = 300  # characters of the article's text that may name its region


def find_table_figures(
    table: Table,
    targets: Sequence[Target],
    *,
    published: date | None,
    title: str,
    lead: str = "",
) -> list[Figure]:
    """Every figure `table` gives for one of `targets`, row by row, left to right."""
    if not table.rows or not targets:
        return []
    table = _upright(table, targets, published)
    columns = table_columns.columns(table, published)
    labels = [i for i, c in enumerate(columns) if c.role == "label"]
    if not labels or not any(c.role in ("pledge", "achieved", "share", "rate") for c in columns):
        return []
    period = (
        period_of(table.caption) or period_of(title) or (str(published.year) if published else None)
    )
    # Every place a target's row is found by (the caption, the title, a row's label cells),
    # searched once: a target that none of them names has no row here.
    labelled = "\n".join(
        [
            table.caption,
            title,
            *(" ".join(row[i] for i in labels if i < len(row)) for row in table.rows),
        ]
    )
    figures: list[Figure] = []
    for target in targets:
        if not _names(labelled, target):
            continue
        for row in _rows_for(table, target, labels, title, lead):
            figures.extend(_row_figures(table, row, columns, labels, target, period))
    return figures


def _upright(table: Table, targets: Sequence[Target], published: date | None) -> Table:
    """A table on its side (items across the header, 年度目标 / 1-7月完成 / 完成进度 down its first
    column) turned so that each item is a row; any other table as it is. On its side means: the
    first column holds a plan and a result and no target's noun, the header names one."""
    firsts = [row[0] if row else "" for row in table.rows]
    roles = {table_columns.role_of(f, published) for f in firsts if not _DIGIT_FIRST.match(f)}
    if (
        len(table.header) < 2
        or "pledge" not in roles
        or not roles & {"achieved", "share"}
        or not roles <= {"pledge", "achieved", "share", "rate"}
        or any(_names(f, t) for f in firsts for t in targets)
        or not any(_names(h, t) for h in table.header[1:] for t in targets)
    ):
        return table
    rows = tuple(
        (table.header[j], *(row[j] if j < len(row) else "" for row in table.rows))
        for j in range(1, len(table.header))
    )
    return Table(table.caption, table.unit, (table.header[0], *firsts), rows)


def article_figures(
    article: Article,
    targets: Sequence[Target],
    *,
    published: date | None,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """The figures of an article: its headline and text (reader.find_article_figures), then
    its tables."""
    from monitor.figures.reader import find_article_figures

    found = find_article_figures(
        article.title, article.text, targets, published=published, region=region
    )
    for table in article.tables:
        found.extend(
            find_table_figures(
                table, targets, published=published, title=article.title, lead=article.text[:_LEAD]
            )
        )
    return found


def table_text(table: Table) -> str:
    """The table's words as lines: caption, header, rows (for finding which targets it names)."""
    lines = [table.caption, " ".join(table.header), *(" ".join(row) for row in table.rows)]
    return "\n".join(lines)


def _label(row: tuple[str, ...], labels: list[int]) -> str:
    """The row's label: its last label cell with text (the most specific one)."""
    for i in reversed(labels):
        if i < len(row) and row[i]:
            return row[i]
    return ""


def _names(text: str, target: Target) -> bool:
    """Does text hold one of target's keywords (each part of a 保障性…住房 in order)?"""
    for keyword in target.keywords:
        at = 0
        for part in keyword.split("…"):
            at = text.find(part, at) if part else at
            if at < 0:
                break
            at += len(part)
        else:
            return True
    return False


def _rows_for(
    table: Table, target: Target, labels: list[int], title: str, lead: str
) -> list[tuple[str, ...]]:
    """The rows that count the target: a row labelled with its keyword; or, when the caption or
    title names the measure and the rows are its places or parts, the row of the whole."""
    if any(word and word in text for word in target.exclude for text in (table.caption, title)):
        return []
    rows = [(row, _label(row, labels)) for row in table.rows]
    named = [
        (row, label)
        for row, label in rows
        if label and not _PART.match(label) and _names(" ".join(row[i] for i in labels), target)
    ]
    whole: list[tuple[tuple[str, ...], str]] = []
    if _names(table.caption, target) or _names(title, target):
        whole = [
            (row, label)
            for row, label in rows
            if (_TOTAL.fullmatch(label) or (_TOTAL_OF.search(label) and _names(label, target)))
            and _region_ok(label, table.caption, title, lead, target)
        ]
        if not whole and target.region:
            whole = [(row, label) for row, label in rows if _is_own(label, target)]
        if whole or len(named) > 1:
            named = []  # the named rows are parts (区域级绿道) of the whole
    return [
        row
        for row, label in whole + named
        if not any(word and word in label for word in target.exclude)
        and _region_ok(label, table.caption, title, lead, target)
    ]


def _is_own(label: str, target: Target) -> bool:
    found = mentions(label, target.region)
    return bool(found) and speaks_for(found, target.region) is True


def _region_ok(label: str, caption: str, title: str, lead: str, target: Target) -> bool:
    """The nearest place named (the row label, the caption, the title, the lead) is the
    target's; a target without regions takes every row."""
    if not target.region:
        return True
    for text in (label, caption, title, lead):
        said = speaks_for(mentions(text, target.region), target.region)
        if said is not None:
            return said
    return False


def _row_figures(
    table: Table,
    row: tuple[str, ...],
    columns: list[Column],
    labels: list[int],
    target: Target,
    period: str | None,
) -> list[Figure]:
    sentence, spans = _render(table, row, columns, labels)
    row_unit = next((row[i] for i, c in enumerate(columns) if c.role == "unit" and row[i]), None)
    row_unit = row_unit or header_unit(_label(row, labels))  # 农村户厕改造（万户）
    note_amount = _note_amount(table.unit)
    if not _same_measure(row_unit or note_amount, target):
        return []  # 充电桩建设资金 in 万元 is no count of 充电桩, nor is its growth rate
    read = _read_cells(row, columns, spans, target, row_unit or note_amount)
    stages = _stages(columns, _label(row, labels), target, read)
    out: list[Figure] = []
    for i, quantity, direction in read:
        if i not in stages:
            continue  # an earlier stage than the target's (已签约 for a 竣工 target)
        column = columns[i]
        start, end = spans[i]
        kind: FigureKind = "pledge" if column.role == "pledge" else "achieved"
        scope = column.scope or "new"
        if (
            column.role == "pledge"
            and target.pledge
            and target.pledge.scope in ("new", "cumulative")
        ):
            scope = "cumulative" if column.scope == "cumulative" else target.pledge.scope
        stage = stages[i]
        why = f"table row {_label(row, labels)!r}, column {table.header[i]!r}: {column.role}"
        out.append(
            Figure(
                target_id=target.id,
                quantity=Quantity(
                    quantity.value,
                    quantity.unit,
                    quantity.qualifier,
                    quantity.value_high,
                    start,
                    end,
                    row[i],
                ),
                kind=kind,
                scope=scope,
                sentence=sentence,
                start=start,
                end=end,
                period=column.period or period,
                direction=direction,
                why=why + (f", stage {stage}" if stage else ""),
                measure=stage,
            )
        )
    return out


_Read = tuple[int, Quantity, Literal["down"] | None]  # a value cell: column, quantity, fall


def _read_cells(
    row: tuple[str, ...],
    columns: list[Column],
    spans: dict[int, tuple[int, int]],
    target: Target,
    unit: str | None,
) -> list[_Read]:
    """The row's value cells read in the target's unit (the header's, else the row's or the
    table's note), each with its column."""
    read: list[_Read] = []
    for i, column in enumerate(columns):
        if column.role not in ("pledge", "achieved", "share", "rate") or i not in spans:
            continue
        percent = column.role in ("share", "rate")
        written = "%" if percent else (column.unit or unit)
        cell = _cell(row[i], written, target, percent=percent)
        if cell is not None:
            read.append((i, *cell))
    return read


def _note_amount(note: str | None) -> str | None:
    """The amount unit of a table's note (单位：万套（间） → 万套; 万亩、% → 万亩)."""
    for part in re.split(r"[、,，/]", note or ""):
        part = re.sub(r"[（(].*$", "", part).strip()  # a gloss: 套（间）, even half cut off
        if part and not _PERCENT.fullmatch(part):
            return part
    return None


def _stages(
    columns: list[Column],
    label: str,
    target: Target,
    read: list[_Read],
) -> dict[int, str | None]:
    """The stage each read cell counts (its measure), leaving out the cells of a stage earlier
    than the target's (table_stages)."""
    own = stages_of(target)
    named = [c.stage for c in columns if c.stage]
    counts = [
        (columns[i].stage or "", q.value) for i, q, _ in read if columns[i].role == "achieved"
    ]
    label_stage = stage_in(label)
    out: dict[int, str | None] = {}
    plan: Decimal | None = None
    for i, quantity, _ in read:
        column = columns[i]
        plan = quantity.value if column.role == "pledge" else plan
        stage = column.stage or label_stage
        if stage is None and column.role == "share":
            stage = share_stage(quantity.value, plan, [c for c in counts if c[0]])
        stage = measure_of(stage, None, column.role, own, named)
        if stage and earlier(stage, own):
            continue
        # the target's own stage where the digest tells no stages of it (筹集): no measure needed
        out[i] = None if stage in own and stage_of(stage) is None else stage
    return out


def _same_measure(written: str | None, target: Target) -> bool:
    """Can a row whose amounts are in `written` count the target (万元 cannot count 个)?"""
    if not written or not target.unit or _PERCENT.fullmatch(written):
        return True
    read = parse_quantity("1" + written)
    have, want = (read.unit if read else None), units.normalise(target.unit)
    if have is None or want is None or have == want or units.same_family(have, want):
        return True
    return units.convert(Decimal(1), have, want) is not None


def _render(
    table: Table, row: tuple[str, ...], columns: list[Column], labels: list[int]
) -> tuple[str, dict[int, tuple[int, int]]]:
    """The row as one line, "label | header: cell | …", and each cell's span in it."""
    text = _label(row, labels)
    spans: dict[int, tuple[int, int]] = {}
    for i, column in enumerate(columns):
        if column.role in ("index", "label") or i >= len(row) or not row[i]:
            continue
        text += f" | {table.header[i] or '—'}: "
        spans[i] = (len(text), len(text) + len(row[i]))
        text += row[i]
    return text, spans


def _cell(
    cell: str, written: str | None, target: Target, *, percent: bool
) -> tuple[Quantity, Literal["down"] | None] | None:
    """The cell's quantity in the target's unit (a % for shares and rates) and whether it is a
    fall; None for an empty cell, a dash, or an amount in another unit."""
    sign = _SIGN.match(cell)
    bare = cell[sign.end() :] if sign else cell
    quantity = parse_quantity(bare)
    if quantity is None:
        return None
    if quantity.unit is None and written:
        with_unit = parse_quantity(bare + written)
        if with_unit is not None and with_unit.unit is not None:
            quantity = with_unit
    down: Literal["down"] | None = "down" if sign and sign.group(1) in "-－−" else None
    if percent:
        if quantity.unit not in (None, "%"):
            return None
        return _with_unit(quantity, "%"), down
    want = units.normalise(target.unit)
    have = quantity.unit
    if have is None or want is None:
        return _with_unit(quantity, want or have), down
    if have == want or units.same_family(have, want):
        return _with_unit(quantity, want), down
    value = units.convert(quantity.value, have, want)
    if value is None:
        return None
    return Quantity(value, want, quantity.qualifier, None, 0, 0, quantity.surface), down


def _with_unit(quantity: Quantity, unit: str | None) -> Quantity:
    return Quantity(
        quantity.value, unit, quantity.qualifier, quantity.value_high, 0, 0, quantity.surface
    )
