"""What a table row says, cell by cell: the row as one quoted line ("label | header: cell | …"),
whether a header names another item than the target's, and why each cell of a row that counts a
target became a figure or not (`monitor try --explain`)."""

from __future__ import annotations

import re

from monitor.figures.table_cells import same_measure
from monitor.figures.table_heads import Column
from monitor.figures.table_rows import label_of, names, shown_label
from monitor.figures.table_stages import stage_in, stages_of
from monitor.models import Figure, Seen, Table, Target

# A header naming a thing added (新建社区食堂（个）): the item a column of items across counts
ITEM = re.compile(r"(?:新增|新建|新开工|开工|改造|建设|建成|完成)([\u4e00-\u9fff]{2,})")
ROLE = re.compile(
    r"计划|任务|目标|预算|规划|指标|进度|进展|比例|率|数|情况|里程|数量|面积|投资|总|"
    r"^(?:改造|建设|建成|完成|开工|竣工|完工|通车|投运|投产|交付)$"
    r"|^(?:改造|建设|新建)?项目$"  # (开工改造项目, 新开工项目: the table's own projects)
)
# What a header may say before the item it names: done, so far (累计完成路基, 1-9月新建学校)
_BEFORE_ITEM = re.compile(r"^(?:其中[:：]?)?(?:累计|已|已经|本年|当年|今年|年度|全年)?")


def other_item(head: str, target: Target) -> bool:
    """Does a header name a thing added of its own, not the target's (新建社区食堂（个）,
    其中|新建学校), rather than what it holds of the row's (年度任务, 累计装机, 完成率)?"""
    for part in head.split("|"):
        done = _BEFORE_ITEM.match(part)
        found = ITEM.match(part, done.end() if done else 0)
        item = found.group(1) if found else ""
        if (
            item
            and not ROLE.search(item)
            and not any(item in k or k in item for k in target.keywords)
        ):
            return True
    return False


def explain_row(
    table: Table,
    row: tuple[str, ...],
    columns: list[Column],
    labels: list[int],
    target: Target,
    found: list[Figure],
    unit: str | None,
    dropped: dict[int, str],
) -> list[Seen]:
    sentence, spans = render(table, row, columns, labels)
    out: list[Seen] = []
    for i, (start, end) in spans.items():
        column, head = columns[i], table.header[i]
        figure = next((f for f in found if f.start == start), None)
        if figure is not None:
            why = figure.why
        elif i in dropped:
            why = dropped[i]
        elif column.role == "unit":
            continue
        elif column.part_of is not None:
            total = table.header[column.part_of]
            why = f"column {head!r} is one kind of the row's total in {total!r}, not the total"
        elif column.role == "none" and any(
            part.startswith(("其中", "含", "包括")) for part in head.split("|")
        ):
            why = f"column {head!r} is a part of the row's total, not the total"
        elif column.role == "none" and (part := _own_part(table.header, i, target)):
            why = f"column {head!r} counts every kind; the target's own is in {part!r}"
        elif column.role == "none" and "环比" in head and "同比" not in head:
            why = f"column {head!r} compares with the month before: no growth of the target's"
        elif column.role == "none" and other_item(head, target):
            why = f"column {head!r} counts another item than the target's"
        elif column.role == "none":
            why = f"column {head!r} holds no plan, result, share or rate of the target's work"
        elif not same_measure(unit, target):
            why = f"the row is in {unit}, which cannot count the target's {target.unit}"
        elif stage_in(head) or stage_in(label_of(row, labels)):
            said = stage_in(head) or stage_in(label_of(row, labels))
            why = f"an earlier stage ({said}) than the target's ({'/'.join(stages_of(target))})"
        else:
            why = "not a number in the target's unit"
        out.append(Seen(sentence, start, end, row[i], target.id, figure, why))
    return out


def _own_part(header: tuple[str, ...], i: int, target: Target) -> str | None:
    """The 其中 column right of column i naming the target's keyword (发行规模 |
    其中：新增专项债券), which holds the target's figures instead of the total."""
    for head in header[i + 1 :]:
        last = head.split("|")[-1]
        if last.startswith(("其中", "含", "包括")) and names(last, target):
            return head
        if not last.startswith(("其中", "含", "包括")):
            return None
    return None


def render(
    table: Table, row: tuple[str, ...], columns: list[Column], labels: list[int]
) -> tuple[str, dict[int, tuple[int, int]]]:
    """The row as one line, "label | header: cell | …", and each cell's span in it."""
    text = shown_label(row, labels)
    spans: dict[int, tuple[int, int]] = {}
    for i, column in enumerate(columns):
        if column.role in ("index", "label") or i >= len(row) or not row[i]:
            continue
        text += f" | {table.header[i] or '—'}: "
        spans[i] = (len(text), len(text) + len(row[i]))
        text += row[i]
    return text, spans
