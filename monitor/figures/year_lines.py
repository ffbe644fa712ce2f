"""A line holding only a year (2024, or 2024年), as new-media pages part a report's review from
its plan (2024 / 过去一年的成绩…; 2025 / 今年的目标…): a heading whose year says which."""

from __future__ import annotations

import re

from monitor.figures.firsts import Opening

_YEAR_LINE = Opening(
    re.compile(r"[ \t\u3000]*((?:19|20)[0-9]{2})[ \t\u3000]*年?[ \t\u3000]*(?=\n|$)")
)


def year_lines(text: str) -> list[re.Match[str]]:
    """The lines of `text` holding only a year, each matched from its start (group 1: the year)."""
    found = []
    at = 0
    while at >= 0:
        m = _YEAR_LINE.match(text, at)
        if m is not None:
            found.append(m)
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1
    return found
