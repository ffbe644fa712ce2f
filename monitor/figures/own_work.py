"""Clauses naming no keyword that still give the sentence's subject's own figure: its work by a
date with the verb its target names the work by (…，截至9月底已完工64公里), or its progress named
right after the keyword's last word (…资金已拨付4.2亿元，资金到位率88%)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match


# A clause giving the work done by a date (截至9月底已完工64公里, 截至8月底全省已认定63项): after
# remarks naming no figure of their own, it gives the sentence's subject's figure when its verb
# is the one the target names its work by (完工 for 供热管网改造完工, 认定 for 认定首台（套）)
_DATED_WORK = re.compile(
    r"(?:截至|截止|到)[^，,。；]{1,10}?(?:底|末|日|旬|目前|现在)"
    r"(?:全省|全市|全区|全县|全国)?(?:已经?|累计)([\u4e00-\u9fff]{2})(?=[约近超逾0-9一二三四五六七八九十两])"
)


def dated_work(
    sentence: str, at: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The sentence's last keyword before the clause at `at`, when the clause gives the work
    done by a date with the verb its targets name their work by (see _DATED_WORK)."""
    if not sentence.startswith(("截至", "截止", "到"), at):
        return None
    found = _DATED_WORK.match(sentence, at)
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if found is None or not earlier:
        return None
    match = by_clause[max(earlier)][-1]
    verb = found.group(1)
    named = any(verb in t.title or any(verb in k for k in t.keywords) for t in match.targets)
    return match if named else None


# A measure of progress a clause gives right after the keyword's last word (资金到位率, 支出进度)
_PROGRESS = re.compile(r"到位率|完成率|执行率|拨付率|支付率|发放率|进度")


def own_progress(
    sentence: str, at: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The sentence's last keyword before the clause at `at`, when the clause opens with that
    keyword's last word and a measure of progress (…校舍改造资金已拨付4.2亿元，资金到位率88%;
    …支出完成21.7亿元，序时进度为50%，支出进度为51.7%): the progress of its thing."""
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if not earlier:
        return None
    match = by_clause[max(earlier)][-1]
    word = sentence[match.end - 2 : match.end] if match.end - match.start >= 3 else ""
    if word and sentence.startswith(word, at) and _PROGRESS.match(sentence, at + 2):
        return match
    return None
