"""The unit and the year a table's header, caption or title writes: 年度任务（万个） → 万个,
…完成情况（%） → %, 2024年1-9月 → 2024."""

from __future__ import annotations

import re

from monitor.figures import units

YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年?")
HEADER_UNIT = re.compile(r"[（(]([^（）()]{1,8})[)）]\s*$")
_PERCENT = re.compile(r"[%％]")
_UNIT_PARTS = re.compile(r"[/、,，]")


def header_unit(head: str) -> str | None:
    """The unit a header or label writes in brackets at its end (年度任务（万个） → 万个)."""
    found = HEADER_UNIT.search(head)
    if found:
        written = _UNIT_PARTS.split(found.group(1))[0].strip()
        if _PERCENT.fullmatch(written) or units.normalise(written) in units.CANONICAL.values():
            return "%" if _PERCENT.fullmatch(written) else written
    if head.rstrip().endswith(("%", "％")):
        return "%"
    return None


def period_of(text: str) -> str | None:
    found = YEAR.search(text)
    return found.group(1) if found else None
