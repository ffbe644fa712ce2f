"""A statistics yearbook's series with the years down its first column (年份 | 公共图书馆(个) |
藏书数(万册) | …): the years are the rows' names and each measure's column, headed by its name and
unit, holds that measure's value in each year (a result; table_levels tells a level from a flow).
"""

from __future__ import annotations

import re

from monitor.figures.table_heads import Column
from monitor.figures.table_units import header_unit
from monitor.models import Table

BARE_YEAR = re.compile(r"\s*((?:19|20)[0-9]{2})\s*")  # a year alone as a row's name: 2021
_YEAR_HEAD = re.compile(r"\s*年\s*(?:份|度)?\s*")  # 年份, 年 份, 年度
SERIES = 3  # years, at least: a series, not a plan beside its result


def years_down(columns: list[Column], table: Table) -> None:
    """With the first column headed 年份 over years alone (three or more), that column is the
    rows' names and each column of no role whose header writes a unit (床位数(张)) is a result."""
    if not table.header or not _YEAR_HEAD.fullmatch(table.header[0]):
        return
    firsts = [row[0] for row in table.rows if row and row[0].strip()]
    if len(firsts) < SERIES or not all(BARE_YEAR.fullmatch(c) for c in firsts):
        return
    columns[0] = Column("label", None, None, None)
    for i in range(1, len(columns)):
        unit = header_unit(table.header[i])
        if columns[i].role == "none" and unit and unit not in ("%", "％"):
            columns[i] = Column("achieved", "new", unit, None)
