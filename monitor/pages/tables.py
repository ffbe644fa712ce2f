"""Read the data tables of an article: each <table> in or beside the body that holds figures, as
a Table of caption, unit note, flattened header and rows, merged cells (colspan, rowspan) spread
over the places they cover. Layout tables (nested, long cells, no numbers) are left alone.
"""

from __future__ import annotations

import functools
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.models import Table
from monitor.pages.blocks import Block, Walk, clean
from monitor.pages.table_around import (
    NOTE,
    TABLE_NO,
    caption_above,
    measure_unit,
    notes_below,
    pointer_above,
    unit_note,
)

MAX_ROWS = 1000  # a data table in an article is far smaller; past this it is a listing
MAX_COLUMNS = 40
MAX_SPAN = 100  # a colspan or rowspan above this is markup gone wrong, not a merged cell
_MAX_CELL = 200  # characters: a longer cell is a paragraph laid out in a table
_HEADER_ROWS = 3  # at most this many rows of header cells without <th>
_NEAR = 3  # levels: a table this close below the body container's parent sits beside the body

# A cell that is a number: 1,244 / 82% / -6.8 / 2.26万 / ＋3.4
_NUMBER = re.compile(r"[-+－＋−—–]?\s*[0-9０-９][0-9０-９,，.．]*\s*(?:[%％‰]|万|亿|万亿)?")
# …or a change said in words before its per cent (增长6%左右, 下降2.3%: a plan-execution table's)
_RATE_CELL = re.compile(
    r"(?:同比)?(?:增长|下降|提高|降低|回落)\s*[0-9０-９][0-9０-９.．]*\s*[%％](?:左右|以上|以内)?"
)
# …or an amount with its measure word (18个, 5.6万人, 120公里), not a date (2024年, 9月)
_AMOUNT = re.compile(
    r"[-+－＋−]?\s*[0-9０-９][0-9０-９,，.．]*\s*(?:万|亿)?(?![年月日号时])[\u4e00-\u9fff]{1,3}"
)
# …and in a note below the table, said as a sentence (注：1.表中长度单位为万米；…)
_UNIT_SAID = re.compile(
    r"(?:计量|数据|长度|面积|金额|数量)?单位\s*(?:[:：]|为|是|均为)\s*([^）)\s，,；;。]{1,20})"
)
_TITLE_BELOW = re.compile(TABLE_NO + ".{2,60}")  # (表1 2025年…进展情况)
# a number between words (新建充电桩520个, 完成率82%)
_FIGURE_IN_WORDS = re.compile(r"[\u4e00-\u9fff][0-9０-９.]+\s*[%％\u4e00-\u9fff]")


class _Ids:
    """Lexbor's numbers for the table tags: comparing ints is cheaper than making tag names."""

    def __init__(self) -> None:
        parser = LexborHTMLParser("")
        self.table = parser.create_node("table").tag_id
        self.row = parser.create_node("tr").tag_id
        self.cells = frozenset({parser.create_node("td").tag_id, parser.create_node("th").tag_id})
        self.head_cell = parser.create_node("th").tag_id
        self.groups = frozenset(parser.create_node(t).tag_id for t in ("thead", "tbody", "tfoot"))
        self.thead = parser.create_node("thead").tag_id
        self.caption = parser.create_node("caption").tag_id
        self.text = LexborHTMLParser("<p>x</p>").css_first("p").first_child.tag_id  # type: ignore[union-attr]


@functools.cache
def _ids() -> _Ids:
    return _Ids()


def read_tables(walk: Walk, containers: list[Block]) -> tuple[list[Table], list[Block]]:
    """The data tables in or beside the containers, and the blocks of those inside them (whose
    cells the body text leaves out)."""
    table_id = _ids().table
    found = [block for block in walk.all_blocks if block.tag == table_id]
    if not found or not containers:
        return [], []
    tables: list[Table] = []
    inside: list[Block] = []
    for block in found:
        if any(_contains(block, other) for other in found if other is not block):
            continue  # a table holding a table lays out the page
        within = any(_contains(c, block) and c is not block for c in containers)
        if not within and not _beside(block, containers):
            continue
        table = read_table(block.node)
        if table is None:
            continue
        tables.append(table)
        if within:
            inside.append(block)
    return tables, inside


def around_tables(containers: list[Block]) -> list[Block]:
    """The containers, each one inside a data table (its header row taken for the body of a page
    that is one table of figures and little prose) replaced by the block holding the table, so
    that the table is read as one and the prose around it is the text."""
    table_id = _ids().table
    out: list[Block] = []
    for container in containers:
        at: Block | None = container
        for _ in range(3):  # a row, the row group, the table
            if at is None or at.tag == table_id:
                break
            at = at.parent
        data = (
            at is not None
            and at.tag == table_id
            and at.parent is not None
            and at.node.css_first("table table") is None  # (one holding a table lays out the page)
            and read_table(at.node) is not None
        )
        whole = at.parent if data and at is not None else container
        if whole is not None and whole not in out:
            out.append(whole)
    return out


def _contains(outer: Block, inner: Block) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.end >= 0


def _beside(block: Block, containers: list[Block]) -> bool:
    """Is the table within a few levels below a container's parent, without holding it?"""
    parents = {id(c.parent) for c in containers if c.parent is not None and c.parent.parent}
    if any(_contains(block, c) for c in containers):
        return False
    at: Block | None = block.parent
    for _ in range(_NEAR):
        if at is None:
            return False
        if id(at) in parents:
            return True
        at = at.parent
    return False


def read_table(node: LexborNode) -> Table | None:
    """A <table> element as a Table; None for a layout table or one without figures."""
    ids = _ids()
    caption, rows = "", []  # rows: (cells as (text, colspan, rowspan), all header cells)
    for child in node.iter():
        tag = child.tag_id
        if tag == ids.caption:
            caption = clean(child.text())
        elif tag == ids.row:
            rows.append(_row(child, head=False))
        elif tag in ids.groups:
            head = tag == ids.thead
            rows.extend(_row(tr, head=head) for tr in child.iter() if tr.tag_id == ids.row)
        if len(rows) > MAX_ROWS:
            return None
    grid, heads = _grid(rows)
    if len(grid) < 2 or len(grid[0]) < 2:
        return None
    if any(len(cell) > _MAX_CELL for row in grid for cell in row):
        return None
    note, above = caption_above(node)
    # Rows of one merged cell across the table are its title or its unit note; so is a row of
    # the title across all but the last cell and the unit note in that one (…进度表 | 单位：个).
    while grid and (len(set(grid[0])) == 1 or _title_and_unit(grid[0])):
        first = grid.pop(0)
        heads.pop(0)
        text = first[0]
        note = note or unit_note(first[-1]) or unit_note(text)
        if not caption and not unit_note(text):
            caption = text
    if len(grid) < 2:
        return None
    caption = caption or above
    note = note or unit_note(caption)
    marked = heads[0]  # the first row is a header by its markup (<th>, <thead>)
    count = _header_rows(grid, heads)
    header = tuple(_flatten(grid[:count], column) for column in range(len(grid[0])))
    lines = [row for row in grid[count:] if any(row)]
    notes: list[str] = []  # rows of one merged cell at the bottom saying 注：…: the table's note
    while lines and len(set(lines[-1])) == 1 and NOTE.match(lines[-1][0]):
        notes.insert(0, lines.pop()[0])
    body = tuple(tuple(row) for row in lines)
    if not body or not (
        any(_is_number(cell) or _AMOUNT.fullmatch(cell) for row in body for cell in row)
        or (marked and _sentences(body) and len(node.css("a")) * 2 < len(body))
    ):  # (a list of links under a header, 标题 | 日期, is a news list, not a table of work)
        return None
    below = "\n".join([*notes, notes_below(node)]).strip()
    caption = caption or next((n for n in below.split("\n") if _TITLE_BELOW.fullmatch(n)), "")
    said = _UNIT_SAID.search(below)
    note = note or (said.group(1) if said and measure_unit(said.group(1)) else None)
    intro = pointer_above(node)
    return Table(caption=caption, unit=note, header=header, rows=body, intro=intro, note=below)


def _sentences(body: tuple[tuple[str, ...], ...]) -> bool:
    """Does a column hold sentences with figures in most of its cells (新建充电桩520个，…): a
    progress list written in words, under a header its markup marks?"""
    for column in range(len(body[0])):
        cells = [row[column] for row in body if row[column]]
        said = [c for c in cells if len(c) >= 6 and _FIGURE_IN_WORDS.search(c)]
        if cells and len(said) * 2 >= len(cells):
            return True
    return False


def _title_and_unit(row: list[str]) -> bool:
    """Is the row a title across all cells but the last, and a unit note in that one?"""
    return len(row) > 2 and len(set(row[:-1])) == 1 and unit_note(row[-1]) is not None


def _row(tr: LexborNode, *, head: bool) -> tuple[list[tuple[str, int, int]], bool]:
    ids = _ids()
    cells: list[tuple[str, int, int]] = []
    all_th = True
    for cell in tr.iter():
        if cell.tag_id not in ids.cells:
            continue
        all_th = all_th and cell.tag_id == ids.head_cell
        attrs = cell.attributes
        cells.append((clean(cell.text()), _span(attrs.get("colspan")), _span(attrs.get("rowspan"))))
        if len(cells) >= MAX_COLUMNS:
            break
    return cells, head or (all_th and bool(cells))


def _span(value: str | None) -> int:
    if not value:
        return 1  # most cells: no colspan or rowspan, and no pattern to look up
    digits = _SPAN.match(value)
    return min(max(int(digits.group(1)), 1), MAX_SPAN) if digits else 1


_SPAN = re.compile(r"\s*([0-9]+)")


def _grid(
    rows: list[tuple[list[tuple[str, int, int]], bool]],
) -> tuple[list[list[str]], list[bool]]:
    """The rows with each merged cell's text in every place it covers, all as wide as the
    widest; and whether each row is a header row."""
    grid: list[list[str]] = []
    heads: list[bool] = []
    left: dict[int, int] = {}  # column → rows below that a merged cell above still covers
    above: dict[int, str] = {}  # column → that cell's text
    for cells, head in rows:
        if not cells and not left:
            continue
        line: list[str] = []
        for text, colspan, rowspan in cells:
            _carry(line, left, above)
            for _ in range(colspan):
                if len(line) >= MAX_COLUMNS:
                    break
                if rowspan > 1:
                    left[len(line)], above[len(line)] = rowspan - 1, text
                line.append(text)
        _carry(line, left, above)
        while left and max(left) >= len(line):  # covered places right of the row's own cells
            if len(line) not in left:
                line.append("")
            _carry(line, left, above)
        grid.append(line)
        heads.append(head)
    width = max((len(line) for line in grid), default=0)
    for line in grid:
        line.extend([""] * (width - len(line)))
    return grid, heads


def _carry(line: list[str], left: dict[int, int], above: dict[int, str]) -> None:
    """Fill the places at the end of line that merged cells of rows above cover."""
    while len(line) in left:
        column = len(line)
        line.append(above[column])
        left[column] -= 1
        if not left[column]:
            del left[column]


def _header_rows(grid: list[list[str]], heads: list[bool]) -> int:
    """How many rows at the top are header rows: those of <th> cells (or in <thead>), up to a
    row of numbers with a name of its own where every cell is a <th> (东城区 | 12 | 9); without
    them, the top rows holding no number or amount, when rows with numbers follow."""
    count = 0
    while count < len(grid) - 1 and heads[count] and not _named_figures(grid, count):
        count += 1
    if count:
        return count
    while (
        count < min(_HEADER_ROWS, len(grid) - 1)
        and any(grid[count])
        and not any(_is_number(cell) or _AMOUNT.fullmatch(cell) for cell in grid[count])
    ):  # (合计 | 300公里 | 236.5公里 under a plain header is the first body row)
        count += 1
    return count


def _named_figures(grid: list[list[str]], at: int) -> bool:
    """Is a row below the first one of figures (a number or an amount) beside a name of its own,
    not a name a merged cell above spreads down (指标 over 2023 | 2024): a body row, in a table
    whose editor wrote every cell as a <th>?"""
    row = grid[at]
    across = len(set(row)) == 1  # (or a row of one cell across, 一、教育类: a body's section)
    figures = any(_is_number(cell) or _AMOUNT.fullmatch(cell) for cell in row[1:])
    return at > 0 and (across or (bool(row[0]) and row[0] != grid[at - 1][0] and figures))


def _flatten(rows: list[list[str]], column: int) -> str:
    """A column's header cells from the top down, each once: "2024年|完成数"."""
    parts: list[str] = []
    for row in rows:
        text = row[column]
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return "|".join(parts)


def _is_number(text: str) -> bool:
    return bool(text) and (_NUMBER.fullmatch(text) or _RATE_CELL.fullmatch(text)) is not None
