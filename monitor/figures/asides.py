"""A bracketed note with no number on what a noun counts in or out, or what a name stands
for (参保率（不含职工医保）, 5G基站（含室分站点）, （以下简称…）): a remark inside the noun's
clause, not a clause of its own, and no noun the number counts."""

from __future__ import annotations

import re

# the note's words, inside its brackets
NOTE = re.compile(r"(?:不?含|不?包括|以下简称|简称|下同)[^（）()0-9０-９，,。；]{0,20}")
_BRACKETED = re.compile(r"[（(]" + NOTE.pattern + r"[）)]")


def without_notes(text: str) -> str:
    """`text` without its bracketed notes (养老床位（含…床位）达 → 养老床位达)."""
    return _BRACKETED.sub("", text) if "（" in text or "(" in text else text
