"""The figures written in a table's text cells: a task list (序号 | 项目名称 | 目标任务 | 牵头单位 |
完成时限) or a progress list (项目 | 进展情况) whose cells are sentences (新建公共充电桩5000个，其中
快充桩不少于1500个) rather than numbers. Each such cell is read as a sentence headed by its row
and column (老旧小区改造进展情况：已开工85个，…), so the reader binds its numbers to their nouns as
in prose; the column's role, or the table's as its title, caption or the words around it give it
(任务分解表, 表中数据为计划数), decides plan or result. A row named as a place other than the
watched one gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from monitor.figures.table_cells import same_measure
from monitor.figures.table_columns import role_of
from monitor.figures.table_context import plan_said
from monitor.figures.table_heads import squashed
from monitor.figures.table_names import (
    AMOUNT,
    category,
    content_role,
    item_columns,
    row_name,
    task_column,
)
from monitor.figures.table_pages import others_page
from monitor.figures.table_progress import progress_clauses, role_column, row_subject
from monitor.figures.table_rows import names
from monitor.figures.table_units import RATE_WORD, read_as_of, table_year
from monitor.models import Figure, FigureKind, Seen, Table, Target

_MIN_TEXT = 6  # characters: a shorter cell is a name or a number, not a sentence…
_FIGURE_AFTER = re.compile(r"[\u4e00-\u9fff]{2}" + AMOUNT)  # …or one with a verb: 已建成4个
_QUALIFIED = re.compile(r"\s*(?:约|超过?|近|逾|不足|不到|达到?|共|计|累计)?\s*[-+－＋]?[0-9０-９]")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}")
# A change said in words before its per cent alone (增长4.2%, 下降1.1%左右): a value the table reads
_RATE_ALONE = re.compile(
    r"\s*" + RATE_WORD + r"\s*[0-9０-９][0-9０-９.．]*\s*[%％](?:左右|以上|以内)?\s*"
)
_DATE = re.compile(
    r"(?:(?:19|20)[0-9]{2}\s*年)|[0-9０-９]{1,2}\s*(?:[-—–~至]\s*[0-9０-９]{1,2}\s*)?[月日号]"
)
_DIGIT = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万两][个万千百项家所座套台户张人公亩]")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:省|市|区|县|旗|州|盟|镇|乡|街道)(?:[（(].*)?")
_NOT_PLACE = re.compile(r"(?:小|社|园|景|街|片|校|厂|矿|库)区")
_GLOSS = re.compile(r"[（(][^（）()]*[)）]")
_WHOLE = re.compile(r"全[国省市区县州]|[全总]?[合总]计")
# The columns of a list of projects: each row one project (its site, investment, years)
_PROJECTS = re.compile(
    r"总投资|投资额|建设地点|建设地址|建设年限|建设周期|起止年限|业主|建设单位|开工时间"
)
_REMARK = re.compile(r"备注|备考|说明|附注|问题|原因|措施|下步|打算|建议|责任|牵头|单位$")
# A header naming the task and the progress both (任务及进展情况, 目标任务和完成情况): each figure's
# own words in the cell say plan or result
_BOTH = re.compile(
    r"(?:目标|任务|计划)[^|]{0,4}?[及和与、/][^|]{0,4}?(?:完成|进展|进度|落实|成效)"
    r"|(?:完成|进展|进度)[^|]{0,4}?[及和与、/][^|]{0,4}?(?:目标|任务|计划)"
)
_STOCK = re.compile(r"以来|总[数量]|保有|余额|存量|累计.{0,8}(?:以来|年)")
# An amount and its unit right before a share of the plan (…投资1.2亿元，占年度计划的80%;
# 已建成5家，完成率83%): the share is that amount's
_AMOUNT_BEFORE = re.compile(
    r"[0-9０-９][0-9０-９.]*\s*[万亿千]?(元|个|家|所|座|套|户|处|条|台|辆|名|人|张|间|栋|公里|米|亩)"
    r"[^0-9０-９%％，,；;。]{0,3}[，,]?[^0-9０-９%％；;。]{0,10}$"
)
_OWN_PLAN = re.compile(r"计划|目标|任务|预算|拟|力争|确保")
_INDEX_HEAD = re.compile(r"序号|编号|序|No\.?|NO\.?")


def _text_columns(table: Table) -> list[int]:
    """The columns whose cells are mostly sentences holding a number (目标任务, 进展情况); not
    a remark's (备注: 含开发区新建充电桩320个 is a part or an aside, no figure of the row)."""
    out = []
    for i in range(len(table.header)):
        if _REMARK.search(table.header[i]):
            continue
        cells = [row[i] for row in table.rows if i < len(row) and row[i].strip()]
        texts = [c for c in cells if _is_text(c)]
        if texts and len(texts) * 2 >= len(cells):
            out.append(i)
    return out


def _is_text(cell: str) -> bool:
    """A sentence with a number, or a short one with its figure after a verb (已建成4个, 完成31座),
    not a number with a qualifier first (约31, 超过280个: a value the table reads) nor a change
    said before its per cent (增长4.2%)."""
    if _RATE_ALONE.fullmatch(cell):
        return False
    if len(cell) >= _MIN_TEXT and _HAN.search(cell) and _DIGIT.search(_DATE.sub("", cell)):
        return True  # (not 截至9月30日进展, 1-9月完成: a date is no figure)
    return _FIGURE_AFTER.search(cell) is not None and _QUALIFIED.match(cell) is None


def _other_place(name: str, target: Target) -> bool:
    """Is the row named as a place that is not the watched one (东城区 on a city's list, 淮安区
    on 淮安市's: a district named after its city)? The watched place is one of the target's
    region words exactly, or the whole (全市)."""
    if not target.region or not _PLACE.fullmatch(name) or _NOT_PLACE.search(name):
        return False
    words = _GLOSS.sub("", name).strip()
    return words not in target.region and not _WHOLE.fullmatch(words)


class _Cell(NamedTuple):
    """A text cell as the reader reads it: `said` (row name, header, frame cue, cell) for the
    targets not ruled out by the row's place, and the row's line it is quoted in."""

    said: str
    line: str  # "name | header: cell"
    shift: int  # from a span in `said` to the same span in `line`
    opens: int  # where the cell starts in `said`
    roles: tuple[str, str]  # the column's role, the table's frame
    targets: list[Target]
    yearly: bool  # the row has the year's plan beside it: a result is the year's so far
    clauses: tuple[_Cell, ...] = ()  # a progress cell's clauses, read if it gives nothing whole


class _Row(NamedTuple):
    """A row of a sentence list as its cells are read: its name, its own role (年度计划 | 1-9月完成
    in a column of their own: rows in pairs), the thing its task names, its targets."""

    name: str
    step: str
    subject: str
    targets: list[Target]
    yearly: bool


def _cells(
    table: Table, targets: Sequence[Target], published: date | None, title: str
) -> list[_Cell]:
    texts = _text_columns(table)
    if not texts:
        return []
    frame = _frame(table, title, published)
    projects = any(_PROJECTS.search(h) for h in table.header)  # each row one project's
    plans = [i for i, h in enumerate(table.header) if role_of(h, published) == "pledge"]
    out: list[_Cell] = []
    heads = [
        i for i in range(min(texts)) if not _INDEX_HEAD.fullmatch(squashed(table.header[i]).strip())
    ]
    steps = role_column(table, heads, published)
    items = item_columns(table, [i for i in heads if i != steps])  # (合计 in 序号: no name)
    # (县区 | 行动 merged down over the tasks; not an item's name over its plan's and result's rows)
    groups = items if steps is None and all(category(table, i) for i in items) else []
    # (a task's or content's column names the row only where no item's column stands beside it)
    content = None if items and not groups else task_column(table, texts, published)
    everyone = " ".join(row_name(row, items, content) for row in table.rows)
    for row in table.rows:
        name = row_name(row, items, content)
        if projects and not _whole(name):
            continue  # one project's 充电桩600个 is no figure of the city's
        places = [name, *(row[i].strip() for i in groups if i < len(row))]
        mine = [
            t
            for t in targets
            if not any(_other_place(p, t) for p in places)
            and not others_page(t, table.caption, title, everyone)
        ]
        step = row[steps].strip() if steps is not None and steps < len(row) else ""
        subject = row_subject(row, texts, name, mine)  # (农村饮水安全提升 | …供水管网80公里)
        yearly = any(i < len(row) and row[i].strip() for i in plans)
        said = _Row(name, step, subject, mine, yearly)
        for i in texts:
            cell = row[i] if i < len(row) else ""
            if _is_text(cell) and mine:
                one = _one(table.header[i], cell, said, frame, published)
                out.append(one._replace(clauses=tuple(progress_clauses(one, cell, name, mine))))
    return out


# a task's size in a row's name (1200个, 2.5万套), not its dates (2024年, 6月底)
_NUMERAL = re.compile(r"(?:[0-9][0-9.,，]*[0-9]|[0-9])(?![0-9.,，]|\s*[年月日号])")


def _one(head: str, cell: str, row: _Row, frame: str, published: date | None) -> _Cell:
    """One text cell as the reader reads it, headed by its row's name and its column's header."""
    thing = row.subject if row.subject and not any(names(cell, t) for t in row.targets) else ""
    # 老旧小区改造进展情况：已开工85个，…: the row names the thing the cell goes on about
    both = _BOTH.search(head) is not None  # (the cell's own words say which)
    role = "none" if both else content_role(head) or role_of(head, published)
    role = role_of(row.step, published) if row.step else role  # 年度计划 | 1-9月完成: the row's
    told = "none" if both else frame
    # (a cell saying its own plan, 年度计划投资90亿元, needs no cue to cut it off its row)
    cue = "" if role == "pledge" and _OWN_PLAN.search(cell) else _cue(role, told)
    name = row.name.rstrip("。；;") if _HAN.search(row.name) else ""
    if role != "pledge" and _NUMERAL.search(name):  # (新增托位1200个 | 完成情况: 新增托位1236个)
        name = _NUMERAL.sub(lambda m: "□" * len(m.group()), name)  # its task's size is no result
    said = f"{name}{thing}{row.step}{head}{cue}：{cell}"
    line = f"{f'{row.name} {row.step}' if row.step else row.name} | {head or '—'}: {cell}"
    opens = len(said) - len(cell)
    shift = len(line) - len(said)
    return _Cell(said, line, shift, opens, (role, told), row.targets, row.yearly)


def text_cell_figures(
    table: Table,
    targets: Sequence[Target],
    *,
    published: date | None,
    title: str,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """The figures the text cells of `table` give for `targets`, each quoting its row as one
    line ("name | header: cell") with the figure's span inside the cell."""
    from monitor.figures.reader import find_figures

    year = table_year(table, title, published)
    as_of = read_as_of(year, published)
    out: list[Figure] = []

    def read(c: _Cell) -> list[Figure]:
        found = find_figures(c.said, c.targets, published=as_of, region=region)
        return _cell_figures(c, found, year)

    for whole in _cells(table, targets, published, title):
        # (培训188人，完成进度80% under 落实情况, nothing read whole: each clause the row's thing's)
        out.extend(read(whole) or [f for c in whole.clauses for f in read(c)])
    parts = _parts(out, targets)
    return [f for f in out if (f.target_id, _name(f)) not in parts]


def _cell_figures(c: _Cell, found: list[Figure], year: str | None) -> list[Figure]:
    """The figures read in a cell's text that are the cell's, placed in its row's line."""
    targets = {t.id: t for t in c.targets}
    out = []
    for figure in found:
        at = _at(figure.sentence, c)  # (a sentence of the cell after its ；)
        if at + figure.start < c.opens:  # (not a number of the header's own: 2024年目标)
            continue
        if _after_other(figure, targets[figure.target_id]):
            continue  # 完成投资2.1亿元，占年度计划的84%: the money's share, not the count's
        out.append(_in_row(figure, c, year))
    return out


def _planned(figure: Figure) -> bool:
    """Does a word of plan open the figure's own clause (计划完成…800户; 目标新增…)?"""
    text = figure.sentence
    start = max(text.rfind(c, 0, figure.start) for c in "，,；;。：:") + 1
    return _OWN_PLAN.search(text, start, figure.start) is not None


def _after_other(figure: Figure, target: Target) -> bool:
    """Is a share of the plan written right after an amount in a unit that cannot count the
    target (…投资1.2亿元，占年度计划的80%; 已建成5家，完成率83% for a count of 户)?"""
    if figure.scope != "share_of_pledge":
        return False
    before = _AMOUNT_BEFORE.search(figure.sentence[: figure.start])
    return before is not None and not same_measure(before.group(1), target)


def _name(figure: Figure) -> str:
    """The item a figure's row is of (城市书房, not 城市书房 1-9月完成: one item's two rows)."""
    return figure.sentence.split(" | ", 1)[0].split(" ", 1)[0]


def _parts(figures: list[Figure], targets: Sequence[Target]) -> set[tuple[str, str]]:
    """The (target, row) pairs that are parts: a target's figures from several rows (a list
    of projects or of places, each with its own 充电桩…个) are the rows' own, not the target's,
    unless one row is the whole (合计, 全市), which alone is kept, or the one whose words the
    target's title says (…普惠性托育托位 beside …用人单位办托托位): the others count another
    thing."""
    rows: dict[str, dict[str, int]] = {}
    titles = {t.id: t for t in targets}
    for figure in figures:
        fit = _title_fit(figure.sentence.split(": ", 1)[-1], titles[figure.target_id])
        named = rows.setdefault(figure.target_id, {})
        named[_name(figure)] = max(named.get(_name(figure), 0), fit)
    out: set[tuple[str, str]] = set()
    for target, fit_of in rows.items():
        fits = [name for name, fit in fit_of.items() if fit >= _FIT]
        alone = len(fits) == 1 and sum(fit_of.values()) == fit_of[fits[0]]  # the others share 0
        if len(fit_of) > 1 and alone:
            out.update((target, name) for name in fit_of if name != fits[0])
        elif len(fit_of) > 1:
            out.update((target, name) for name in fit_of if not _whole(name))
    return out


_FIT = 2  # characters before the keyword that the cell and the target's title share


def _title_fit(cell: str, target: Target) -> int:
    """How many characters before the target's keyword the cell shares with its title (普惠性托育
    托位 in both: 5 or more; 用人单位办托托位 beside …普惠性托育托位: 0)."""
    best = 0
    for key in (k for k in target.keywords if k and "…" not in k and k in target.title):
        at, there = cell.find(key), target.title.find(key)
        while at >= 0:
            n = 0
            while n < min(at, there) and cell[at - 1 - n] == target.title[there - 1 - n]:
                n += 1
            best, at = max(best, n), cell.find(key, at + 1)
    return best


def _whole(name: str) -> bool:
    """Is a row's name the whole (合计, 全市, 全县重点项目: the whole's own item)?"""
    words = _GLOSS.sub("", name).strip()
    return _WHOLE.match(words) is not None


def explain_text_cells(
    table: Table, targets: Sequence[Target], *, published: date | None, title: str
) -> list[Seen]:
    """Each number of the text cells that name a target, with the figure it became or why
    not (`monitor try --explain`)."""
    from monitor.figures.explain import explain

    year = table_year(table, title, published)
    as_of = read_as_of(year, published)
    out: list[Seen] = []

    def seen_in(c: _Cell) -> list[Seen]:
        got = []
        for seen in explain("", c.said, c.targets, published=as_of):
            at = _at(seen.sentence, c)
            if at + seen.start < c.opens:
                continue
            figure = seen.figure and _in_row(seen.figure, c, year)
            start, end = seen.start + at + c.shift, seen.end + at + c.shift
            got.append(replace(seen, sentence=c.line, start=start, end=end, figure=figure))
        return got

    for whole in _cells(table, targets, published, title):
        got = seen_in(whole)
        clauses = [s for c in whole.clauses for s in seen_in(c)]  # (as text_cell_figures)
        out.extend(clauses if clauses and not any(s.figure for s in got) else got)
    parts = _parts([s.figure for s in out if s.figure is not None], targets)
    why = "one of several rows giving it (projects or places): a part, not the whole"
    return [
        replace(s, figure=None, why=why)
        if s.figure is not None and (s.figure.target_id, _name(s.figure)) in parts
        else s
        for s in out
    ]


def _cue(role: str, frame: str) -> str:
    """The frame the column or the table gives its cells, said as a sentence would say it
    (任务内容 under a plan's table: …，目标任务): the reader's own cue for a cell that has none."""
    said = role if role in ("pledge", "achieved") else frame
    return {"pledge": "，目标任务", "achieved": "，完成情况"}.get(said, "")


def _frame(table: Table, title: str, published: date | None) -> str:
    """The table's own frame: a plan when its words say so (任务分解如下, …任务分解表)."""
    if plan_said(table):
        return "pledge"
    for text in (table.caption, title):
        role = role_of(text, published) if text else "none"
        if role in ("pledge", "achieved"):
            return role
    return "none"


def _at(sentence: str, cell: _Cell) -> int:
    """Where a sentence the reader read begins in the cell's text (after a ；, a second one)."""
    return max(cell.said.find(sentence), 0)


def _in_row(figure: Figure, cell: _Cell, year: str | None) -> Figure:
    """The cell's figure placed in its row's line, its kind from the column's role, else the
    table's frame, else as the sentence reads; a plan so told is of the table's year, and a
    result beside the year's plan is the year's so far unless its words say a stock."""
    line, shift = cell.line, cell.shift
    kind: FigureKind = figure.kind
    period = figure.period
    scope = figure.scope
    if scope == "cumulative" and cell.yearly and not _STOCK.search(cell.said, cell.opens):
        scope = "new"  # 年度目标 2.8万人 | 完成情况 已完成2.65万人
    said = next((r for r in cell.roles if r in ("pledge", "achieved")), None)
    if said == "achieved" and figure.kind == "pledge" and _planned(figure):
        said = None  # 进展 | …；计划完成居家适老化改造800户，已完成640户: the plan, said so
    if said and figure.scope not in ("share_of_pledge", "rate"):
        kind = "pledge" if said == "pledge" else "achieved"
        if kind == "pledge" and figure.scope == "new" and (figure.kind == "achieved" or not period):
            period = year or period  # 全年新增就业3万人 read as last year's result; 新建…25个
    at = _at(figure.sentence, cell)
    start, end = figure.start + at + shift, figure.end + at + shift
    quantity = replace(figure.quantity, start=start, end=end)
    why = f"table text cell: {figure.why}" if figure.why else "table text cell"
    return replace(
        figure,
        quantity=quantity,
        sentence=line,
        start=start,
        end=end,
        kind=kind,
        scope=scope,
        period=period,
        why=why,
    )
