"""The measure a target's title names right after its keyword (…轨道交通运营里程达到1000公里:
运营里程; 天津公租房在保家庭: 在保家庭): a clause opening with it, after its words of time and
place, counts the keyword's thing again (…，运营里程达到541公里; …，目前在保家庭达到6.3万户).
Two helpers of session 13 grew this at once (genre_f, genre_l); titled_measure is its one entry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match

_TITLE_MEASURE = re.compile(r"[\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=256)
def title_measures(title: str, keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The words a target's title names its thing's measure with right after a keyword
    (合肥…新增海绵城市达标面积30平方公里: 达标面积): a clause naming that measure, or a part
    of its words (前8月新增达标面积19.2平方公里), counts the target's thing, not another noun."""
    tails = []
    for keyword in keywords:
        at = title.find(keyword)
        found = _TITLE_MEASURE.match(title, at + len(keyword)) if at >= 0 else None
        if found:
            tails.append(found.group())
    return tuple(tails)


# the verb of a title's pledge after its measure (运营里程【达到】1000公里): not the measure's
_MEASURE_VERB = re.compile(r"(?:达到|突破|超过|增至|增长|新增|提高到?|为|达)$")
_MEASURE_OPENS = re.compile(r"(?:目前|现在|届时|到时|全[市省区县国]|累计|今年|年内|全年|共|已)*")


def _opens_with_measure(sentence: str, at: int, targets: Sequence[Target]) -> bool:
    """Whether the clause at `at` opens (after words of time or place) with the measure a
    target's title names right after its keyword (…轨道交通运营里程达到1000公里: 运营里程; 省重点
    项目完成投资: 完成投资): the keyword's thing, measured again."""
    start = _MEASURE_OPENS.match(sentence, at)
    at = start.end() if start else at
    for target in targets:
        for measure in title_measures(target.title, target.keywords):
            word = _MEASURE_VERB.sub("", measure)  # (运营总里程 for 运营里程: 总 inside it)
            if len(word) >= 2 and sentence[at : at + len(word) + 1].replace("总", "").startswith(
                word
            ):
                return True
    return False


def titled_measure(
    sentence: str, at: int, end: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The sentence's last keyword before the clause at sentence[at:end] when the clause opens
    (after its time and place) with the measure a title of its targets names right after its
    keyword: any of its keywords' (…，运营线路达到12条，运营里程达到541公里: 运营里程, 总 inside it
    or not), or its last keyword's, its verb left out, three letters or more, after the place
    (天津公租房在保家庭: …，目前在保家庭达到6.3万户): the target's thing, counted again."""
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if not earlier:
        return None
    match = by_clause[max(earlier)][-1]
    if _opens_with_measure(sentence, at, match.targets):
        return match
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
