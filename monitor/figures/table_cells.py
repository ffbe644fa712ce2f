"""The value cells of a progress table's row, each read as a quantity in the target's unit:
the unit its column header writes, else its row's (a 单位 column, 农村户厕改造（万户）), else the
table's note (单位：万套（间）); a sign before it a rise or a fall; a row in a unit that cannot
count the target's (万元 for 个) is no figure of it."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from monitor.figures import units
from monitor.figures.numerals import parse_quantity
from monitor.figures.table_heads import Column
from monitor.figures.table_rows import bare as unmarked
from monitor.figures.table_units import RATE_WORD
from monitor.models import Quantity, Target

_PERCENT = re.compile(r"[%％]")
_NOTE_PARTS = re.compile(r"[、,，/]")
_GLOSS = re.compile(r"[（(].*$")
_SIGN = re.compile(r"^\s*([-+－＋−▲▼△▽↑↓])\s*")  # a sign or an arrow: a rise or a fall

_COMPARED = {"≥": "不少于", "≧": "不少于", "＞": "超过", ">": "超过", "≤": "不超过", "≦": "不超过"}
_COMPARED |= {"＜": "不到", "<": "不到"}
# A part of the result told in brackets after it (100（含改建49）, 47个(其中新建30个)): no part of
# its number
_PART_GLOSS = re.compile(r"\s*[（(](?:含|其中|包括)[^（）()]*[)）]\s*$")
# …or its share in brackets (42（70%）): no part of the count
_SHARE_GLOSS = re.compile(r"(?<=[0-9０-９])\s*[（(]\s*[0-9０-９.．]+\s*[%％]\s*[)）]\s*$")
# …or a remark on its progress in brackets (100%（已完成）, 9（提前完成）, 62%（滞后）), not a unit
_REMARK = re.compile(
    r"(?<=[0-9０-９%％])\s*[（(][^（）()0-9０-９]*"
    r"(?:完成|滞后|提前|超额|正常|推进|在建|验收|进行中|未)[^（）()0-9０-９]*[)）]\s*$"
)
_RATIO = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*/\s*([1-9][0-9]*(?:\.[0-9]+)?)\s*")
_RATE_SAID = re.compile(r"\s*" + RATE_WORD + r"\s*(?=[0-9０-９])")
_FALL_WORD = re.compile(r"下降|减少|降低|回落")
_BOUND_AFTER = re.compile(r"(?:以上|以下|以内|左右|多|余)$")
Read = tuple[int, Quantity, Literal["down"] | None]  # a value cell: column, quantity, fall


def read_cells(
    row: tuple[str, ...],
    columns: list[Column],
    spans: dict[int, tuple[int, int]],
    target: Target,
    unit: str | None,
) -> list[Read]:
    """The row's value cells read in the target's unit (the header's, else the row's or the
    table's note), each with its column."""
    read: list[Read] = []
    for i, column in enumerate(columns):
        if column.role not in ("pledge", "achieved", "share", "rate") or i not in spans:
            continue
        percent = column.role in ("share", "rate") or column.scope == "rate"  # a planned growth
        written = "%" if percent else (column.unit or unit)
        cell = cell_of(row[i], written, target, percent=percent)
        if cell is not None and column.ratio:  # 完成率 | 0.75: 75%
            cell = (replace(cell[0], value=cell[0].value * 100), cell[1])
        if cell is not None:
            read.append((i, *cell))
    return read


def amounts_said(row: tuple[str, ...], columns: list[Column]) -> list[Column]:
    """The columns, those of a plan or a result of growth (预期增长（%）) as amounts where the
    row's cell writes an amount in a unit of its own (城镇新增就业 | 2.7万人以上 | 1.34万人)."""
    return [
        c._replace(scope=None, unit=None)
        if c.role in ("pledge", "achieved")
        and c.scope == "rate"
        and i < len(row)
        and (q := parse_quantity(unmarked(row[i]))) is not None
        and q.unit not in (None, "%")
        else c
        for i, c in enumerate(columns)
    ]


def note_amount(note: str | None, target: Target | None = None) -> str | None:
    """The amount unit of a table's note (单位：万套（间） → 万套; 万亩、% → 万亩); of a note naming
    several (单位：个、亿元, the columns' in turn), the one that can count the target's unit."""
    parts = [_GLOSS.sub("", p).strip() for p in _NOTE_PARTS.split(note or "")]  # (套（间）)
    parts = [p for p in parts if p and not _PERCENT.fullmatch(p)]
    mine = [p for p in parts if target is not None and same_measure(p, target)]
    return (mine or parts)[0] if parts else None


def same_measure(written: str | None, target: Target) -> bool:
    """Can a row whose amounts are in `written` count the target (万元 cannot count 个)?"""
    if not written or not target.unit or _PERCENT.fullmatch(written):
        return True
    read = parse_quantity("1" + written)
    have, want = (read.unit if read else None), units.normalise(target.unit)
    if have is None or want is None or have == want or units.same_family(have, want):
        return True
    return units.convert(Decimal(1), have, want) is not None


def cell_of(
    cell: str, written: str | None, target: Target, *, percent: bool
) -> tuple[Quantity, Literal["down"] | None] | None:
    """The cell's quantity in the target's unit (a % for shares and rates) and whether it is a
    fall; None for an empty cell, a dash, or an amount in another unit."""
    cell = _PART_GLOSS.sub("", unmarked(cell))  # 38.2* with its footnote's mark; 100（含改建49）
    cell = _REMARK.sub("", cell)  # 100%（已完成）, 10（提前完成）: the number and a remark
    cell = cell if percent else _SHARE_GLOSS.sub("", cell)
    if percent and (ratio := _RATIO.fullmatch(cell)):  # 42/60 under 完成率: 70%
        cell = f"{Decimal(ratio.group(1)) * 100 / Decimal(ratio.group(2)):.1f}%"
    if cell[:1] in _COMPARED:  # ≥3000个, ≤5%: a bound, said in words
        cell = _COMPARED[cell[0]] + cell[1:].lstrip()
    sign = _SIGN.match(cell)
    rate = percent or _PERCENT.fullmatch(target.unit or "") is not None  # (a growth target's)
    said = _RATE_SAID.match(cell) if rate and not sign else None  # 增长24.1%, 下降7.7%
    bare = cell[sign.end() :] if sign else cell[said.end() :] if said else cell
    quantity = parse_quantity(bare)
    if quantity is None:
        return None
    if quantity.unit is None and written:
        bound = _BOUND_AFTER.search(bare)  # 3以上 in 万人: 3万人以上
        with_unit = parse_quantity(
            bare[: bound.start()] + written + bound.group() if bound else bare + written
        )
        if with_unit is not None and with_unit.unit is not None:
            quantity = with_unit
    fall = bool(said and _FALL_WORD.search(said.group()))
    down: Literal["down"] | None = "down" if fall or (sign and sign.group(1) in "-－−▼▽↓") else None
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
