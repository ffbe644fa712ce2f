"""What a table gives, as tests compare it: each figure's kind, scope, value with its unit and
the header of its column; the row labels it read; a table read for one target."""

from __future__ import annotations

from datetime import date

from monitor.figures.tables import find_table_figures
from monitor.models import Figure, Table, Target

Cell = tuple[str, str, str, str]  # kind, scope, value and unit, header


def cells(figures: list[Figure]) -> list[Cell]:
    out: list[Cell] = []
    for f in figures:
        line = f.sentence
        head = line[line.rfind(" | ", 0, f.start) + 3 : f.start - 2]
        out.append((f.kind, f.scope, f"{f.value.normalize():f} {f.unit}", head))
    return out


def rows_read(figures: list[Figure]) -> set[str]:
    return {f.sentence.split(" | ")[0] for f in figures}


def read(
    table: Table, target: Target, title: str = "", day: date = date(2025, 9, 20)
) -> list[Cell]:
    return cells(find_table_figures(table, [target], published=day, title=title))
