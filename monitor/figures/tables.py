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

from monitor.figures import table_columns
from monitor.figures.measures import stage_of
from monitor.figures.places import mentions, speaks_for
from monitor.figures.table_cells import Read, note_amount, read_cells, same_measure
from monitor.figures.table_columns import Column, header_unit, period_of
from monitor.figures.table_stages import earlier, measure_of, share_stage, stage_in, stages_of
from monitor.models import Article, Figure, FigureKind, Quantity, Seen, Table, Target

# A row of the whole: 合计, 全省合计, 总计, 全市
_TOTAL = re.compile(
    r"(?:全国|全省|全市|全区|全县|全州|总体)?(?:合计|总计|小计|共计|总体)|全国|全省|全市"
)
# …or the noun's own total among its kinds (充电桩合计 above 公共充电桩, 私人充电桩)
# A header naming a thing added (新建社区食堂（个）): the item a column of items across counts
_ITEM = re.compile(r"(?:新增|新建|新开工|开工|改造|建设|建成|完成)([\u4e00-\u9fff]{2,})")
_ROLE = re.compile(r"计划|任务|目标|进度|比例|率|数|情况|里程|数量|面积|投资|总")
_TOTAL_OF = re.compile(r"(?:合计|总计|共计|总数)$")
_PART = re.compile(r"其中|包括|含[:：]|[(（]?[0-9一二三四五六七八九十]+[)）]")
_DIGIT_FIRST = re.compile(r"[-+－＋−]?\s*[0-9０-９.]")  # a number cell; 一般公共预算 is a label
_LEAD = 300  # characters of the article's text that may name its region


def find_table_figures(
    table: Table,
    targets: Sequence[Target],
    *,
    published: date | None,
    title: str,
    lead: str = "",
    trace: list[Seen] | None = None,
) -> list[Figure]:
    """Every figure `table` gives for one of `targets`, row by row, left to right; with `trace`,
    each cell of the rows read and what became of it (`monitor try --explain`)."""
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
            " ".join(table.header),
            *(" ".join(row[i] for i in labels if i < len(row)) for row in table.rows),
        ]
    )
    figures: list[Figure] = []
    for target in targets:
        if not _names(labelled, target):
            continue
        mine = _items_across(table, columns, target)
        for row in _rows_for(table, target, labels, title, lead, across=mine is not columns):
            found = _row_figures(table, row, mine, labels, target, period)
            figures.extend(found)
            if trace is not None:
                trace.extend(_explain_row(table, row, mine, labels, target, found))
    return figures


def _items_across(table: Table, columns: list[Column], target: Target) -> list[Column]:
    """With the items across (区 | 新增托位（个） | 新建社区食堂（个）), the target's columns
    only: the value columns whose header names it; the columns as they are when none does."""
    values = ("pledge", "achieved", "share", "rate")
    heads = table.header
    named = [c.role in values and _names(heads[i], target) for i, c in enumerate(columns)]
    if not any(named):
        items = {
            m.group(1) for h in heads if (m := _ITEM.match(h)) and not _ROLE.search(m.group(1))
        }
        # things added, a column each (新建社区食堂（个）, 新增养老床位（张）): none the target's
        return [c._replace(role="none") for c in columns] if len(items) > 1 else columns
    return [
        c if named[i] or c.role not in values else c._replace(role="none")
        for i, c in enumerate(columns)
    ]


def explain_tables(
    article: Article, targets: Sequence[Target], *, published: date | None
) -> list[Seen]:
    """Each cell of the table rows that count a target, with the figure it became or why not."""
    seen: list[Seen] = []
    for table in article.tables:
        find_table_figures(
            table,
            targets,
            published=published,
            title=article.title,
            lead=article.text[:_LEAD],
            trace=seen,
        )
    return seen


def _explain_row(
    table: Table,
    row: tuple[str, ...],
    columns: list[Column],
    labels: list[int],
    target: Target,
    found: list[Figure],
) -> list[Seen]:
    sentence, spans = _render(table, row, columns, labels)
    unit = next((row[i] for i, c in enumerate(columns) if c.role == "unit" and row[i]), None)
    unit = unit or header_unit(_label(row, labels)) or note_amount(table.unit)
    out: list[Seen] = []
    for i, (start, end) in spans.items():
        column, head = columns[i], table.header[i]
        figure = next((f for f in found if f.start == start), None)
        if figure is not None:
            why = figure.why
        elif column.role == "unit":
            continue
        elif column.role == "none":
            why = f"column {head!r} holds no plan, result, share or rate of the target's work"
        elif not same_measure(unit, target):
            why = f"the row is in {unit}, which cannot count the target's {target.unit}"
        elif stage_in(head) or stage_in(_label(row, labels)):
            said = stage_in(head) or stage_in(_label(row, labels))
            why = f"an earlier stage ({said}) than the target's ({'/'.join(stages_of(target))})"
        else:
            why = "not a number in the target's unit"
        out.append(Seen(sentence, start, end, row[i], target.id, figure, why))
    return out


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
    table: Table, target: Target, labels: list[int], title: str, lead: str, *, across: bool
) -> list[tuple[str, ...]]:
    """The rows that count the target: a row labelled with its keyword; or, when the caption,
    title or (`across`) a column header names the measure and the rows are its places or parts,
    the row of the whole."""
    if any(word and word in text for word in target.exclude for text in (table.caption, title)):
        return []
    rows = [(row, _label(row, labels)) for row in table.rows]
    named = [
        (row, label)
        for row, label in rows
        if label and not _PART.match(label) and _names(" ".join(row[i] for i in labels), target)
    ]
    whole: list[tuple[tuple[str, ...], str]] = []
    if across or _names(table.caption, target) or _names(title, target):
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
    noted = note_amount(table.unit)
    if not same_measure(row_unit or noted, target):
        return []  # 充电桩建设资金 in 万元 is no count of 充电桩, nor is its growth rate
    read = read_cells(row, columns, spans, target, row_unit or noted)
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


def _stages(
    columns: list[Column],
    label: str,
    target: Target,
    read: list[Read],
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
        # the target's own stage where the digest tells no stages of it (配租, 交房): no measure
        out[i] = None if stage in own and stage_of(stage) is None else stage
    return out


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
