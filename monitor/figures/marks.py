"""Pages typed with ASCII marks where Chinese uses full-width ones (“十四五”期间,…; 其中:…;
…36个(含改建8个)): read as if written with ，；：（）, which the reading rules know, the figures
then given back with the page's own sentences (each mark one letter for one, so every offset
holds)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from monitor.models import Figure

# a comma or colon between digits is a number's (1,234; 10:30), not a clause's
_ASCII = re.compile(r"(?<![0-9]),|,(?![0-9])|;|(?<![0-9]):|:(?![0-9])|\(|\)")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}


def full_width(text: str) -> str:
    """`text` with its clause marks full-width; `text` itself when it has no ASCII one."""
    if "," not in text and ";" not in text and ":" not in text and "(" not in text:
        return text
    return _ASCII.sub(lambda m: _FULL[m.group()], text)


def restored(found: Sequence[Figure], text: str, marked: str) -> list[Figure]:
    """The figures read in `marked` (full_width of `text`), each with its sentence as `text`
    has it."""
    out: list[Figure] = []
    cursor = 0
    for fig in found:
        at = marked.find(fig.sentence, cursor)
        if at < 0:
            at = marked.find(fig.sentence)
        if at < 0:  # (a headline put before the text: kept as read)
            out.append(fig)
            continue
        cursor = at
        out.append(replace(fig, sentence=text[at : at + len(fig.sentence)]))
    return out
