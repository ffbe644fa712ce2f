"""Clauses naming no keyword that still give the sentence's subject's own figure: its work by a
date with the verb its target names the work by (…，截至9月底已完工64公里)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from monitor.figures.months import SINCE_NEW_YEAR

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
# 人; 涉及群众3.6万人): a count of another noun, passed over by a later clause going on with the
# subject
# (…，统筹整合涉农资金2.3亿元，目前已完成8.6万亩: the money the work drew on, a means of it)
_REMARK = re.compile(
    r"(?:覆盖|惠及|涉及|服务|辐射|带动|受益)(?![率面])"
    r"|[^，,。；0-9]{0,4}?(?:统筹|整合|筹措|落实|投入|争取)[^，,。；0-9]{0,6}?资金"
)


# A clause holding only a time (…，截至9月底，已完成…; …，1—8月，…; …，截至目前，…): the work
# after it goes on with the subject before it
_MONTHS = r"[0-9一二三四五六七八九十]{1,2}(?:\s*[—\-–至到]\s*[0-9一二三四五六七八九十]{1,2})?\s*月"
_TIME_ONLY = re.compile(
    r"(?:截至|截止|到)?(?:[0-9]{4}\s*年)?(?:"
    + _MONTHS
    + r"(?:份|底|末|中旬|下旬|\s*[0-9]{1,2}\s*日)?"  # (截止5月12日: a day of it too)
    r"|[一二三四]季度末?|上半年|前三季度|目前|" + SINCE_NEW_YEAR + r")(?=[，,])"
)


# A bracketed note of what the count before includes (…2.3万套（含改建2100套），开工率…)
_INCLUDES = ("含", "包括", "包含", "其中")


def remark_on(sentence: str, at: int) -> bool:
    """Whether the clause at `at` is a remark on what the subject before covers or serves, holds
    only a time (截至9月底), or is a bracketed note of what the count includes: passed over by a
    later clause going on with the subject."""
    if sentence[at - 1 : at] in ("（", "(") and sentence.startswith(_INCLUDES, at):
        return True
    return _REMARK.match(sentence, at) is not None or _TIME_ONLY.match(sentence, at) is not None
