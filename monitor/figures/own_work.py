"""Clauses naming no keyword that still give the sentence's subject's own figure: its work by a
date with the verb its target names the work by (…，截至9月底已完工64公里)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from monitor.figures.nouns import title_measures

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match


# A clause giving the work done by a date (截至9月底已完工64公里, 截至8月底全省已认定63项): after
# remarks naming no figure of their own, it gives the sentence's subject's figure when its verb
# is the one the target names its work by (完工 for 供热管网改造完工, 认定 for 认定首台（套）)
_DATED_WORK = re.compile(
    r"(?:截至|截止|到)[^，,。；]{1,10}?(?:底|末|日|旬|目前|现在)[，,]?"
    r"(?:全省|全市|全区|全县|全国)?(?:已经?|累计)"
    # (已实施改造1836个, 已完成加装418部: 实施, 完成 only carry the verb of the work)
    r"(?:实施|完成)?([\u4e00-\u9fff]{2})(?=[约近超逾0-9一二三四五六七八九十两])"
)


def dated_work(
    sentence: str, at: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The sentence's last keyword before the clause at `at`, when the clause gives the work
    done by a date with the verb its targets name their work by (see _DATED_WORK)."""
    if not sentence.startswith(("截至", "截止", "到"), at):
        # …列入民生实事，截至11月底，全市已建成46个: the date a clause of its own before
        before = max(sentence.rfind("，", 0, at - 1), sentence.rfind(",", 0, at - 1)) + 1
        if at < 2 or not _DATE_ONLY.fullmatch(sentence, before, at - 1):
            return None
        at = before
    found = _DATED_WORK.match(sentence, at)
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if found is None or not earlier:
        return None
    match = by_clause[max(earlier)][-1]
    verb = found.group(1)
    named = any(_names_work(t.title, t.keywords, verb) for t in match.targets)
    return match if named else None


def _names_work(title: str, keywords: tuple[str, ...], verb: str) -> bool:
    """Whether a target names its work by `verb` (完工 for 供热管网改造完工), or by the work
    whose result it is (新建, 建设 for 建成)."""
    if verb in title or any(verb in k for k in keywords):
        return True
    return verb == "建成" and "建" in title


# A clause that is only a date (截至11月底, 到9月20日): the time of the clause after it
_DATE_ONLY = re.compile(r"(?:截至|截止|到)[^，,。；]{1,10}?(?:底|末|日|旬)")


# A remark on what the subject covers, serves or benefits (…，覆盖全市13个区县，…; 惠及老年人3.2万
# 人): a count of another noun, passed over by a later clause going on with the subject
_REMARK = re.compile(r"(?:覆盖|惠及|服务|辐射|带动|受益)(?![率面])")


def remark_on(sentence: str, at: int) -> bool:
    """Whether the clause at `at` is a remark on what the subject before covers or serves."""
    return _REMARK.match(sentence, at) is not None


def titled_measure(
    sentence: str, at: int, end: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The sentence's last keyword before the clause at sentence[at:end] when the clause opens
    (after its time and place) with the measure a title of its targets names right after its
    keyword (天津公租房在保家庭: …，目前在保家庭达到6.3万户): the target's thing, counted."""
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if not earlier:
        return None
    match = by_clause[max(earlier)][-1]
    for target in match.targets:
        tail = _title_tail(target.title, target.keywords)
        if tail and sentence.startswith(tail, _lead_end(sentence, at, end, target.region)):
            return match
    return None


@lru_cache(maxsize=256)
def _title_tail(title: str, keywords: tuple[str, ...]) -> str | None:
    """The measure a title names after its last keyword (公租房在保家庭: 在保家庭), without the verb
    it may go on with (…参保人数达到…: 参保人数); None when it is under three letters."""
    ends = [(at + len(k), k) for k in keywords if (at := title.find(k)) >= 0]
    if not ends:
        return None
    end, keyword = max(ends)
    tails = title_measures(title[end - len(keyword) :], (keyword,))
    tail = _VERB_TAIL.sub("", tails[0]) if tails else ""
    return tail if len(tail) >= 3 else None


def _lead_end(sentence: str, at: int, end: int, region: tuple[str, ...]) -> int:
    """Where a clause's words of time and place end (目前全市, 截至9月底，天津)."""
    lead = _LEAD.match(sentence, at, end)
    at = lead.end() if lead else at
    at += len(next((r for r in region if sentence.startswith(r, at)), ""))
    lead = _LEAD.match(sentence, at, end)
    return lead.end() if lead else at


_LEAD = re.compile(
    r"(?:目前|当前|现在|今年|全[市省区县]|本[市省区县]|截至[^，,。；]{0,8}?(?:底|末|日))*"
)
_VERB_TAIL = re.compile(r"(?:达到|达|为|突破|超过|增长|下降|提高|控制在|稳定在)[\u4e00-\u9fff]*$")
