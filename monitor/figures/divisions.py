"""Parts of a whole a sentence divides before naming one (…共划分14个标段，其中1号标段…), and a
分别 list pairing a total with its part (…亿元，其中Y…，分别增长A和B): read by parts.part_of."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.binding import Making, Number

_PART = re.compile(r"\s*(?:其中|包括|内含|含)")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]{1,10}")


def _part_start(sentence: str, cuts: list[int], at: int) -> int | None:
    """Where the part clause (其中…, 包括…) the number at `at` is in or goes on from starts."""
    clause = bisect_right(cuts, at)
    for start in reversed([0, *(c + 1 for c in cuts[:clause])]):
        if _PART.match(sentence, start):
            return start
    return None


_PART_WORDS = ("其中", "包括")


def total_of_a_list(making: Making, at: int) -> bool:
    """Whether the number at `at` is paired in a 分别 list with the total, the list's other item
    its part (…亿元，其中Y…，分别增长A和B): A is the total's, whatever clause it stands in."""
    paired = making.paired.get(at)
    if paired is None or paired[0].startswith(_PART_WORDS):
        return False
    return any(item.startswith(_PART_WORDS) for item in paired[1])


def one_of_the_divisions(making: Making, n: Number, target: Target) -> str | None:
    """The noun of a count the clauses before a part (其中…) divide the keyword's thing into
    (…共划分【14个标段】，其中1号标段…; 分为3个片区，其中东片区…), when the part names it again
    before its number: the part is one of them. None otherwise."""
    if not n.after_breakdown or target.id in making.seen:
        return None
    sentence = making.read.text
    start = _part_start(sentence, making.read.cuts, n.q.start)
    if start is None or not n.match.end <= start:
        return None
    part = sentence[start : n.q.start]
    for x in making.read.quantities:
        if n.match.end <= x.start and x.end <= start and x.unit in ("个", None):
            noun = sentence[x.end : x.end + 2]
            if len(noun) == 2 and _HAN_ONLY.fullmatch(noun) and noun in part:
                return noun
    return None
