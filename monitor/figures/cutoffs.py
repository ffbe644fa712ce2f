"""A year that picks the things a figure counts rather than dating the figure: a cutoff long
past before a verb of building (2000年底前建成的城镇老旧小区, 2005年以前建设的)."""

from __future__ import annotations

import re
from datetime import date

# a cutoff before a verb of building (2000年底前建成的, 2005年以前建设的): it picks the things
_CUTOFF = re.compile(r"\s*年?[底末]?(?:以前|之前|前)(?:建成|建设|建造|修建|竣工|投用)")
_CUTOFF_AGE = 3  # years before the text at least: a deadline is never so long past


def cutoff(text: str, year: str, end: int, published: date) -> bool:
    """Whether the year written at text[:end] (ending after its 年) is a cutoff long past that
    picks the things a figure counts (2000年底前建成的城镇老旧小区), not the time it is of."""
    return int(year) <= published.year - _CUTOFF_AGE and bool(_CUTOFF.match(text, end))
