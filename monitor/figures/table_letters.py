"""Tables on pages written in traditional letters (實事內容 | 完成情況, 新建城市書房12個) read as
simplified ones, as the page's sentences are (traditional.py): a column head is known by the
same words either way, and a target's keywords name the rows. The figures go back to the page's
own letters, so a row label and a quote are the table's.

Letter for letter, so a table's strings keep their lengths. The way back is one letter map per
table, made from the table itself: a simplified letter met in it from one traditional letter
only (衛 → 卫) goes back to that letter; a letter with two origins in the table (后 written and
後 retyped) stays as read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from monitor.figures.traditional import simplified, with_simplified
from monitor.models import Figure, Seen, Table, Target

Back = Callable[[str], str]
Reader = Callable[[Table, str, str, list[Seen] | None], list[Figure]]


def in_simplified(
    read: Reader, table: Table, title: str, lead: str, trace: list[Seen] | None
) -> list[Figure]:
    """`read(table, title, lead, trace)`, on the table in simplified letters where it is written
    in traditional ones, its figures and traced cells back in the page's letters."""
    typed = retyped(table, title, lead)
    if typed is None:
        return read(table, title, lead, trace)
    table, title, lead, back = typed
    seen: list[Seen] | None = None if trace is None else []
    found = read(table, title, lead, seen)
    if trace is not None and seen is not None:
        trace.extend(seen_back(each, back) for each in seen)
    return [figure_back(figure, back) for figure in found]


def retyped(table: Table, title: str, lead: str) -> tuple[Table, str, str, Back] | None:
    """`table`, `title` and `lead` in simplified letters and the way back, or None when the
    table is written in simplified ones."""
    texts = [table.caption, table.unit or "", table.intro, table.note, title, lead]
    texts += [*table.header, *(cell for row in table.rows for cell in row)]
    whole = "\x00".join(texts)
    if (simple := simplified(whole)) is whole:
        return None
    parts = iter(simple.split("\x00"))
    caption, unit, intro, note, title, lead = (next(parts) for _ in range(6))
    header = tuple(next(parts) for _ in table.header)
    rows = tuple(tuple(next(parts) for _ in row) for row in table.rows)
    read = Table(caption, unit if table.unit is not None else None, header, rows, intro, note)
    return read, title, lead, _way_back(whole, simple)


def _way_back(page: str, simple: str) -> Back:
    origins: dict[str, set[str]] = {}
    for old, new in zip(page, simple, strict=True):
        origins.setdefault(new, set()).add(old)
    back = {ord(new): old.pop() for new, old in origins.items() if len(old) == 1 and new not in old}
    return lambda text: text.translate(back)


def figure_back(figure: Figure, back: Back) -> Figure:
    """`figure` quoting the page's own letters."""
    quantity = replace(figure.quantity, surface=back(figure.quantity.surface))
    return replace(figure, quantity=quantity, sentence=back(figure.sentence), why=back(figure.why))


def seen_back(seen: Seen, back: Back) -> Seen:
    """A traced cell quoting the page's own letters."""
    figure = figure_back(seen.figure, back) if seen.figure is not None else None
    return replace(seen, sentence=back(seen.sentence), surface=back(seen.surface), figure=figure)


def keywords_simplified(targets: Sequence[Target]) -> list[Target]:
    """The targets with their keywords in simplified letters too (城市書房), for a table
    read in simplified ones."""
    return [replace(t, keywords=with_simplified(t.keywords)) for t in targets]
