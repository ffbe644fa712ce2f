"""The rows of a sentence list as table_text reads them: the column naming each row's role (年度计划
| 1-9月完成), the thing a row's sentences go on about where its name names none, and a progress
cell read clause by clause under its row's thing (培训应急救护人员235人 | 落实情况: 已确定点位，培训
188人，完成进度80%: each clause's figure is the row's)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from monitor.figures.table_heads import role_of
from monitor.figures.table_rows import names
from monitor.models import Table, Target

if TYPE_CHECKING:
    from monitor.figures.table_text import _Cell

_CLAUSE = re.compile(r"[^，,；;。]+")
_SHARE_OF_MONEY = re.compile(r"[0-9][万亿]?元[，,]?(?:占|为|完成)[^，,；;。]*$")


def role_column(table: Table, heads: list[int], published: date | None) -> int | None:
    """The column left of the sentences naming each row's role, plan or result by turns (年度计划
    | 1-9月完成 under each item: rows in pairs), if there is one."""
    for i in heads:
        cells = [row[i] for row in table.rows if i < len(row) and row[i].strip()]
        roles = [role_of(c, published) for c in cells]
        if len(cells) >= 2 and set(roles) == {"pledge", "achieved"}:
            return i
    return None


def row_subject(row: tuple[str, ...], texts: list[int], name: str, targets: list[Target]) -> str:
    """The keyword of the one target a row's sentences name where its name names none (农村饮水
    安全提升 | 新建改造农村供水管网80公里 | 完成管网铺设61.5公里): what its other cells go on
    about; "" where the name names one, or the sentences name several targets or none."""
    if any(names(name, t) for t in targets):
        return ""
    cells = [row[i] for i in texts if i < len(row)]
    found = {
        t.id: k
        for t in targets
        for k in t.keywords[::-1]
        if "…" not in k and any(k in c for c in cells)
    }
    return next(iter(found.values())) if len(found) == 1 else ""


def progress_clauses(cell: _Cell, text: str, name: str, targets: list[Target]) -> list[_Cell]:
    """The clauses of a result column's cell that names none of the targets its row's name
    names, each after the row's thing (应急救护培训188人, 应急救护完成进度80%): what table_text
    reads where the cell read whole gives nothing; [] for any other cell."""
    if cell.roles[0] != "achieved" or any(names(text, t) for t in targets):
        return []
    if text.lstrip()[:1].isdigit():
        return []  # 10（提前完成）: a number with a remark, the table's own cell
    thing = next((k for t in targets for k in t.keywords if "…" not in k and k in name), "")
    if not thing:
        return []
    head = cell.said[: cell.opens]
    out, before = [], ""
    for m in _CLAUSE.finditer(text):
        clause, before = m.group(), before + m.group()
        if _SHARE_OF_MONEY.search(before):
            continue  # 完成投资2.1亿元，占年度计划的84%: the money's share, not the thing's
        if any(c.isdigit() for c in clause):
            said = f"{head}{thing}{clause}"
            shift = cell.opens + cell.shift + m.start() - len(head) - len(thing)
            out.append(cell._replace(said=said, shift=shift, opens=len(head) + len(thing)))
    return out
