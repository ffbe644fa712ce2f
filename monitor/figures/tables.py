"""The figures a data table gives for watched targets: each row bound by its label (or, when the
rows are places or parts of one measure, by the caption and the row of the whole), each column
read from its header: 年度任务/目标/计划 the pledge, 完成数/实际 the result, 完成率 a share of the
pledge, 同比增长 a rate, 序号 nothing. A figure quotes its row as one line, the cell marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from monitor.figures import table_columns
from monitor.figures.checks import _out_of_frame
from monitor.figures.numerals import parse_quantity
from monitor.figures.stages import stage_of
from monitor.figures.table_cells import Read, amounts_said, note_amount, read_cells, same_measure
from monitor.figures.table_context import (
    as_plan,
    intro_text,
    items_across,
    noted_stages,
    own_groups,
    own_parts,
    own_places,
    plan_said,
    reviewed_year,
    stock_level,
    wholes_only,
)
from monitor.figures.table_explain import explain_row, render
from monitor.figures.table_heads import Column
from monitor.figures.table_letters import in_simplified, keywords_simplified
from monitor.figures.table_levels import own_level, series_count
from monitor.figures.table_names import name_last
from monitor.figures.table_pages import others_page
from monitor.figures.table_rows import (
    change_of,
    label_of,
    names,
    rows_for,
    shown_label,
    stock_row,
    year_of,
)
from monitor.figures.table_shapes import fractions, halves, pairs_across, upright
from monitor.figures.table_stages import (
    earlier,
    measure_of,
    own_or_later,
    own_stage_rows,
    share_stage,
    stage_in,
    stages_of,
)
from monitor.figures.table_text import explain_text_cells, text_cell_figures
from monitor.figures.table_units import header_unit, month_flow, period_of
from monitor.models import Article, Figure, FigureKind, FigureScope, Seen, Table, Target

_UNIT_CELL = re.compile(r"单位\s*[:：]\s*([^）)\s，,；;|]{1,10})")  # a header cell: 单位：万套
_LEAD = 300  # characters of the article's text that may name its region


def find_table_figures(
    table: Table,
    targets: Sequence[Target],
    *,
    published: date | None,
    title: str,
    lead: str = "",
    region: tuple[str, ...] = (),
    trace: list[Seen] | None = None,
) -> list[Figure]:
    """Every figure `table` gives for one of `targets`, row by row, left to right (`region`: the
    source's own, for a page naming no place); with `trace`, each cell of the rows read and what
    became of it (`monitor try --explain`). A table printed as halves side by side is read as
    its halves."""
    return [
        figure
        for part in halves(table)
        for figure in _read_table(
            part, targets, published=published, title=title, lead=lead, region=region, trace=trace
        )
    ]


def _read_table(
    table: Table,
    targets: Sequence[Target],
    *,
    published: date | None,
    title: str,
    lead: str = "",
    region: tuple[str, ...] = (),
    trace: list[Seen] | None = None,
) -> list[Figure]:
    """The figures of one table (or one half of a table printed as halves)."""
    if not table.rows or not targets:
        return []
    table = pairs_across(upright(table, targets, published, title), published)
    table = fractions(table, published)  # 完成数/任务数: 42/60, each number in a column
    columns = table_columns.columns(table, published, title)
    columns = reviewed_year(noted_stages(columns, table), table, published)
    labels = name_last(table, [i for i, c in enumerate(columns) if c.role == "label"])
    values = ("pledge", "achieved", "share", "rate")
    plan = plan_said(table)  # 表中数据为年度计划数: the thing's columns hold its plan
    if not labels or not (plan or any(c.role in values or c.bare for c in columns)):
        return []
    intro = intro_text(table.intro)  # …托育点…，各区县建设情况见下表: what the table is of
    said = period_of(table.caption) or period_of(title)  # a period written, not guessed
    period = said or (str(published.year) if published else None)
    # Where a target's row is found (caption, title, intro, header, labels): none names it, no row
    labelled = "\n".join(
        [
            table.caption,
            title,
            intro,
            " ".join(table.header),
            *(" ".join(row[i] for i in labels if i < len(row)) for row in table.rows),
        ]
    )
    figures: list[Figure] = []
    for target in targets:
        unit = _table_unit(table, title, target)
        if not names(labelled, target) or others_page(target, table.caption, title, labelled):
            continue  # (靖江市主要经济指标 for 泰兴: another place's page)
        mine = items_across(table, _for_target(table, columns, target, published, plan), target)
        across = any(
            c.role in values and names(table.header[i], target) for i, c in enumerate(mine)
        )
        got = wholes_only(
            rows_for(table, target, labels, title, lead, across=across, source=region, intro=intro),
            labels,
        )
        for row in own_stage_rows(got, [label_of(r, labels) for r in got], target):
            own = table_columns.for_row(mine, label_of(row, labels))  # 数值 under …任务: a plan
            row_unit = _row_unit(row, own, labels) or unit
            dropped: dict[int, str] = {}
            found = _row_figures(
                table, row, own, labels, target, period, row_unit, dropped, guessed=not said
            )
            figures.extend(found)
            if trace is not None:
                trace.extend(explain_row(table, row, own, labels, target, found, row_unit, dropped))
    return figures


def _for_target(
    table: Table, columns: list[Column], target: Target, published: date | None, plan: bool
) -> list[Column]:
    """The columns as the target reads them: not a share under another unit's group (空调安装
    （台）|完成率 for 元), the plan where the words around call the table one, not another
    place's group (旌阳区|目标)."""
    own = own_groups(own_parts(columns, table.header, target), table.header, target)
    own = own_level(table_columns.points_for(own, target), table.header, target)
    own = as_plan(own, table, target, published) if plan else own
    return own_places(own, table.header, target)


def _table_unit(table: Table, title: str, target: Target) -> str | None:
    """The amount unit of the whole table: its note (单位：万套, also in the header's corner
    cell), else a unit in brackets ending its caption or the article's title (…完成情况（万亩）);
    never a bare %."""
    corner = next((m.group(1) for h in table.header if (m := _UNIT_CELL.search(h))), None)
    for unit in (
        note_amount(table.unit or corner, target),
        header_unit(table.caption),
        header_unit(title),
    ):
        if unit and unit != "%":
            return unit
    return None


def _row_unit(row: tuple[str, ...], columns: list[Column], labels: list[int]) -> str | None:
    """The unit a row writes: its 单位 cell, else a bracket ending its label (改造户厕（万户）)."""
    cell = next((row[i] for i, c in enumerate(columns) if c.role == "unit" and row[i]), None)
    return cell or header_unit(label_of(row, labels))


def explain_tables(
    article: Article, targets: Sequence[Target], *, published: date | None
) -> list[Seen]:
    """Each cell of the table rows that count a target, with the figure it became or why not."""
    seen: list[Seen] = []
    for table in article.tables:
        _whole(table, targets, published, article, (), seen)
    return seen


def article_figures(
    article: Article,
    targets: Sequence[Target],
    *,
    published: date | None,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """An article's figures: its headline and text (reader.find_article_figures), its tables."""
    from monitor.figures.reader import find_article_figures

    found = find_article_figures(
        article.title, article.text, targets, published=published, region=region
    )
    for table in article.tables:
        found.extend(_whole(table, targets, published, article, region, None))
    return found


def _whole(
    table: Table,
    targets: Sequence[Target],
    published: date | None,
    article: Article,
    region: tuple[str, ...],
    trace: list[Seen] | None,
) -> list[Figure]:
    """A table's figures, of its numbers and of sentences in its cells (目标任务: 新建…5000个),
    in simplified letters where it is written in traditional (table_letters)."""

    def read(typed: Table, title: str, lead: str, seen: list[Seen] | None) -> list[Figure]:
        mine = targets if typed is table else keywords_simplified(targets)  # (城市書房)
        found = find_table_figures(
            typed, mine, published=published, title=title, lead=lead, region=region, trace=seen
        )
        if seen is not None:  # (explain: the text cells traced, their figures not wanted)
            seen.extend(explain_text_cells(typed, mine, published=published, title=title))
            return found
        return found + text_cell_figures(
            typed, mine, published=published, title=title, region=region
        )

    return in_simplified(read, table, article.title, article.text[:_LEAD], trace)


def table_text(table: Table) -> str:
    """The table's words as lines: caption, header, rows (for finding which targets it names)."""
    lines = [table.caption, " ".join(table.header), *(" ".join(row) for row in table.rows)]
    return "\n".join(lines)


def _row_figures(
    table: Table,
    row: tuple[str, ...],
    columns: list[Column],
    labels: list[int],
    target: Target,
    period: str | None,
    unit: str | None,
    dropped: dict[int, str],
    *,
    guessed: bool = False,
) -> list[Figure]:
    """The figures of one row; each cell of another period than the target's goes into
    `dropped` with why (a table of 2023 beside a pledge announced in 2024), where the period
    is written (not `guessed` from the date of publication)."""
    sentence, spans = render(table, row, columns, labels)
    if not same_measure(unit, target) and target.unit not in ("%", "％"):  # (a growth target
        return []  # takes a 亿元 row's rates) 充电桩建设资金 in 万元 is no count of 充电桩
    columns = amounts_said(row, columns)  # 城镇新增就业 | 预期增长（%）: 2.7万人以上, an amount
    read = read_cells(row, columns, spans, target, unit)
    if _other_unit(row, columns, spans, read, count=target.unit not in ("%", "％")):  # 12个 | 11个
        for i, _, _ in read:
            dropped[i] = "the row's amounts are in a unit that cannot count the target's"
        return []
    label, out = label_of(row, labels), []
    stages = _stages(columns, label, target, read, dropped)
    change, fall = change_of(label, unit)  # 地区生产总值增长 in %: each cell a rate
    stock = stock_row(table, row, labels, target)
    for i, quantity, direction in read:
        if i not in stages:
            continue  # an earlier stage than the target's (已签约 for a 竣工 target)
        column, (start, end), stage = columns[i], spans[i], stages[i]
        kind: FigureKind = "pledge" if column.role == "pledge" else "achieved"
        level = _level(stock, label, table.header[i], target, table)  # 参保人数; 机构数 | 2021
        scope = _scope(column, target, change=change, stock=level)
        if change and column.role in ("pledge", "achieved"):
            direction = direction or ("down" if fall else None)
        written = _written(table, i, label, column.period, period, scope)
        when = written or period
        if (written or not guessed) and (other := _out_of_frame(target, when, scope, kind)):
            dropped[i] = other
            continue
        why = f"table row {shown_label(row, labels)!r}, column {table.header[i]!r}: {column.role}"
        why += f", a change in the row's label: {scope}" if change else ""
        out.append(
            Figure(
                target_id=target.id,
                quantity=replace(quantity, start=start, end=end, surface=row[i], kind="amount"),
                kind=kind,
                scope=scope,
                sentence=sentence,
                start=start,
                end=end,
                period=when,
                direction=direction,
                why=why + (f", stage {stage}" if stage else ""),
                measure=stage,
            )
        )
    return out


def _written(
    table: Table, i: int, label: str, own: str | None, period: str | None, scope: str
) -> str | None:
    """The period a cell writes: its row's or column's year (`own`), or a month's (8月 | 本月)."""
    written = year_of(label) or own
    return month_flow(label, table.header[i], written or period, scope, table.caption) or written


def _other_unit(
    row: tuple[str, ...],
    columns: list[Column],
    spans: dict[int, tuple[int, int]],
    read: list[Read],
    *,
    count: bool,
) -> bool:
    """Are the row's amounts in a unit of their own (12个; for a `count`, their headers' too: 已拨付
    （万元）) none could be read in for the target (人)? Its shares (91.7%, 拨付率) are theirs."""
    amounts = [i for i in spans if columns[i].role in ("pledge", "achieved")]
    if not amounts or any(columns[i].role in ("pledge", "achieved") for i, _, _ in read):
        return False
    written = [(q := parse_quantity(row[i])) is not None and q.unit for i in amounts]
    return any(written) or (count and all(columns[i].unit for i in amounts))


_ADDED_HEAD = re.compile(r"增加|新增|净增|增量")


def _level(stock: bool, label: str, head: str, target: Target, table: Table) -> bool:
    """Whether a cell is a level: in a stock row, but for a column of the additions (比上年末
    增加); as stock_level finds it (参保人数 under a year's column); a yearbook's 机构数 | 2021."""
    if stock and not _ADDED_HEAD.search(head):
        return True
    return stock_level(label, head, target, table.header) or series_count(label, head, table)


def _scope(column: Column, target: Target, *, change: bool, stock: bool) -> FigureScope:
    """A cell's scope: its column's; a plan's as the target's pledge counts it (new or a total);
    a rate in a row naming a change (地区生产总值增长), or a per-cent level (城镇化率 | 68 | 68.1)
    of a target in %; a level in a row of the stock."""
    if (change or target.unit in ("%", "％")) and column.role in ("pledge", "achieved"):
        return "rate"
    scope: FigureScope = column.scope or "new"
    if stock and column.role == "achieved" and scope == "new":
        return "cumulative"
    if (
        column.role == "pledge"
        and column.scope != "rate"
        and target.pledge
        and target.pledge.scope in ("new", "cumulative")
    ):
        return "cumulative" if column.scope == "cumulative" else target.pledge.scope
    return scope


def _stages(
    columns: list[Column],
    label: str,
    target: Target,
    read: list[Read],
    dropped: dict[int, str],
) -> dict[int, str | None]:
    """The stage each read cell counts (its measure), leaving out the cells of a stage earlier
    than the target's (table_stages), and those of a later stage where the row has cells of the
    target's own (已开工 | 已完工 for a 开工 target: the completions are another measure)."""
    own = stages_of(target)
    named = [c.stage for c in columns if c.stage]
    has_own = any(own_or_later(s, own) == 0 for s in (*named, stage_in(label)) if s)
    counts = [
        (columns[i].stage or "", q.value) for i, q, _ in read if columns[i].role == "achieved"
    ]
    label_stage = stage_in(label)
    built = stage_of(own[0]) if own else None  # a stage of building (基本建成 → 建成), not 筹集
    staged = label_stage and len(label) < len(label_stage) + 3  # a row of a stage: 分配入住
    if built in ("开工", "建成") and staged and stage_of(label_stage or "") != built:
        return {}  # another stage's row than the target's (分配入住 for a 基本建成 target)
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
        if stage and has_own and own_or_later(stage, own) == 1:
            dropped[i] = f"a later stage ({stage}) than the target's, which the table counts too"
            continue
        # the target's own stage where the digest tells no stages of it (配租, 交房): no measure
        out[i] = None if stage in own and stage_of(stage) is None else stage
    return out
