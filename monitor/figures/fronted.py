"""Figures said before their subject (开工322部、完工156部，烟台加装电梯进度过半; 新建120所、改扩建
85所——贵州学校建设跑出加速度): clauses at the opening of a sentence, mostly a headline, that hold a
verb of work and an amount and nothing else count what the first clause naming a target names."""

from __future__ import annotations

import re
from typing import TypeVar

from monitor.figures.firsts import opening
from monitor.figures.nouns import WORK_VERB
from monitor.figures.place_clauses import LEAD_TIME, place_lead

T = TypeVar("T")

# a verb of work (already, in all), an amount with its measure word, and at most a qualifier
# (or the plan's size: 年度目标60个 杭州口袋公园已建成63个; the change since the year began:
# 比年初增加2100个 济南公共充电桩增至1.86万个); or the plan's size before its noun, said to be
# met (6000个目标提前完成 福州今年新增托位6320个)
# (or a base said first, of its own year: 在去年开工12座的基础上，云南今年再开工中型水库20座)
_AMOUNT = r"[约近超逾]?[0-9０-９][0-9０-９.,]*(?:万|亿)?[\u4e00-\u9fff]{1,2}?(?:以上|左右|多|余)?"
_BARE = re.compile(
    r"(?:在(?:去年|上年|(?:19|20)[0-9]{2}\s*年)(?:全年)?)?"
    r"(?:(?:(?:已经?|累计|共|再)?(?:" + WORK_VERB.pattern + r")了?"
    r"|(?:年度|全年|今年)?(?:目标|任务|计划)(?:任务)?(?:为|是)?"
    r"|比(?:年初|上年末|上年底|去年底|去年末)(?:增加|新增|净增)了?)"
    + _AMOUNT
    + r"(?:(?<=[\u4e00-\u9fff])的基础上|[！!])?"
    # (or an amount passed, alone: 超9.3万个 山西提前完成…5G基站建设目标)
    r"|(?:突破|超过|[超逾])" + _AMOUNT + r"[！!]?"
    r"|" + _AMOUNT + r"的?(?:年度|全年)?(?:目标|任务)(?:任务)?"
    r"(?:已经?)?(?:提前|超额|全部|全面)?(?:完成|实现|达成)[！!]?)"
)
_BARE = opening(_BARE)  # searched only where a match can start (firsts.py)


def fronted(sentence: str, cuts: list[int], by_clause: dict[int, list[T]], clause: int) -> T | None:
    """The keyword a clause before the sentence's first naming one counts, when every clause
    from the sentence's start up to that one is a bare figure of work (开工322部、完工156部，…)."""
    first = min(by_clause, default=-1)
    if first <= 0 or clause >= first or not by_clause[first]:
        return None
    for k in range(first):
        start = cuts[k - 1] + 1 if k > 0 else 0
        if start < cuts[k] and not _bare(sentence, start, cuts[k]):
            return None
    return by_clause[first][0]


# a time opening the sentence, alone in its clause (截至目前，…; 今年以来，…)
_TIME_ONLY = re.compile(
    r"(?:截[至止]到?(?:目前|今年|[0-9]{1,2}月(?:份|底|末)?)|年初以来|目前|" + LEAD_TIME + ")"
)


def _bare(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] is a bare figure of work (开工322部), after a place opening it
    (辽宁省已新开工1366个), or a time alone (截至目前)."""
    if _BARE.fullmatch(sentence, start, end) or _TIME_ONLY.fullmatch(sentence, start, end):
        return True
    lead = place_lead(sentence, start)
    if lead is None or lead.end() >= end:
        return False
    return _BARE.fullmatch(sentence, lead.end(), end) is not None


def fronted_from(sentence: str, cuts: list[int], by_clause: dict[int, list[T]]) -> int | None:
    """Where the bare figures said before the first clause naming a target start (0), if they
    do; None when the sentence does not open with them."""
    first = min(by_clause, default=-1)
    if first > 0 and fronted(sentence, cuts, by_clause, 0) is not None:
        return 0
    return None
