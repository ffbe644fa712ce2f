"""Whether a number is among the parts of a total a sentence breaks down (breaks_down: 其中…, a
包括 clause, the noun named again, …的X中), unless a clause after the part names a subject of its
own; and for a part opening with 其中, the clause of the total it is a part of (whole_clause).
Split from parts.py."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from monitor.figures.divisions import _PART
from monitor.figures.parts import in_part, named_part
from monitor.figures.sentences import clause_bounds

if TYPE_CHECKING:
    from monitor.figures.binding import Making, Number, Read


def breaks_down(making: Making, clause: int, at: int) -> bool:
    """Whether the number at `at` (in clause number `clause`) is among the parts of a total: the
    sentence breaks one down (其中，…), a 其中/包括 clause, or the noun named again (…的X中)."""
    read = making.read
    return (
        making.whole_part
        or (in_part(read.text, read.cuts, at) and not _named_after_part(making, clause))
        or named_part(read.text, read.by_clause.get(clause, []), at)
    )


def _named_after_part(making: Making, clause: int) -> bool:
    """Whether a clause after a part naming another thing names a target's keyword (…，其中城镇
    常住人口6803万人，常住人口城镇化率为67.5%，比上年末提高…): a subject of its own, no part.
    Not after a part naming the keyword (其中城区5G基站8000个，农村5G基站4000个: parts alike),
    even where a kind before it kept it from being read (其中民营企业出口占比…，机电产品出口…)."""
    read, named = making.read, False
    for k in range(clause, -1, -1):
        start = read.cuts[k - 1] + 1 if k else 0
        if opened := _PART.match(read.text, start):
            end = read.cuts[k] if k < len(read.cuts) else len(read.text)
            alone = not read.text[opened.end() : end].strip()  # 其中，室内5G基站…: the part next
            said = any(w in read.text[start:end] for t in read.targets for w in t.keywords)
            if said and _whole_again(read, k, clause):
                return True  # …，其中人工造林2.4万亩，植树造林任务完成率88.6%: the whole again
            return named and not alone and not (read.by_clause.get(k) or said)
        # (…，已挂牌上市的科技型中小企业37家: the keyword after a relative clause of its own is
        # some of its things picked out, another part, not the subject named afresh)
        text = read.text
        named = named or any("的" not in text[start : m.start] for m in read.by_clause.get(k, []))
    return False


def _whole_again(read: Read, part: int, clause: int) -> bool:
    """Whether a clause after the 其中 clause `part` opens with the keyword as the total's clause
    before it names it (植树造林…，其中人工造林…，植树造林任务…), not with a kind of its own."""
    ms, wholes = read.by_clause.get(clause, []), read.by_clause.get(part - 1, [])
    if clause <= part or not ms or not wholes:
        return False
    opening = read.cuts[clause - 1] + 1
    said = read.text[ms[0].start : ms[0].end]
    return ms[0].start == opening and any(read.text[m.start : m.end] == said for m in wholes)


# Words of a part's own frame or scope (其中已开工…, 其中今年新增…): it is read in its own clause
_OWN_FRAME = re.compile(r"已|将|计划|力争|预计|累计|新增|新建|今年|全年|以来|[0-9]{4}\s*年|月|季度")


_DIGIT = re.compile(r"[0-9]")


def whole_clause(read: Read, n: Number) -> tuple[int, int, int] | None:
    """For a part opening with 其中 (其中合肥5.3万个; 其中护理型床位16.5万张, naming no frame of
    its own), the clause of the total it is a part of (its keyword's, or its last number's):
    its index, start and end; else None."""
    sentence, c0 = read.text, n.c0
    if n.period_part or not sentence.startswith("其中", c0):
        return None
    if n.match.end <= c0:
        at = n.match.start  # 其中合肥5.3万个: the keyword before is the total's
    elif not _OWN_FRAME.search(sentence, c0, n.q.start):
        # 托育机构总数达到620家，其中普惠性托育机构410家: the last number before is the total
        digits = list(_DIGIT.finditer(sentence, 0, c0))
        if not digits:
            return None
        at = digits[-1].start()
    else:
        return None
    clause = bisect_right(read.cuts, at)
    return (clause, *clause_bounds(read.cuts, clause, len(sentence)))
