"""The words between a keyword and its number (充电桩示范小区45个, 农村公路日常养护里程9.6万公里,
专项债券用作项目资本金96亿元): whether they make the number another thing's. Split from
binding.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from monitor.figures import units
from monitor.figures.kinds import after_keyword, noun_after, of_phrase_noun, same_head_after
from monitor.figures.sizes import other_goods_measure, other_size, work_extent
from monitor.figures.stages import other_work
from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.binding import Number

# what the things fall short by, named after them (缺口, 差额, 短缺, 欠账): no work done
_SHORTFALL = re.compile(r"缺口|差额|短缺|欠账")


def between_keyword_and_number(sentence: str, n: Number, target: Target, same: bool) -> str | None:
    """Why the words between the keyword and the number (in the number's own clause: `same`)
    make the number another thing's: a noun of its own after the keyword (充电桩示范小区), what
    the thing drove, another measure or work's extent (养护里程); else other_work's reason."""
    m, keyword = n.match, sentence[n.match.start : n.match.end]
    between = sentence[m.end : n.q.start]
    if same and (gap := _SHORTFALL.search(between)):  # 停车泊位缺口约3万个: what is missing
        return f"what is still missing ({gap.group()}), not work done nor a plan"
    if same and _projects_beside_things(sentence, between, keyword, n.q.end, target.title):
        return f"counts another noun ({keyword}项目): the things are counted beside it"
    same_unit = units.fits(n.q.unit, target.unit)  # else the unit's reason is given
    noun = noun_after(between, target.title) if same and same_unit else None
    if noun is None and same and m.start < m.end < n.q.start:
        noun = same_head_after(between, keyword, target.title)
        if noun is None and n.q.unit != "%":
            noun = of_phrase_noun(between, keyword, target.title)
    if noun:
        return f"counts another noun ({keyword}{noun})"
    if same and m.end < n.q.start and "每" not in n.head:  # (每1元…: per unit, below)
        other = after_keyword(between, target.title, target.keywords, same_unit)
        if other:
            return other
    size = (
        other_size(between, keyword, target.title) or work_extent(between, target.title)
        if same
        else None
    ) or other_goods_measure(between, keyword, target.title, None if same else n.head)
    if size:
        return f"another measure of the noun ({size})"
    return other_work(sentence, n.c0, n.q, target)  # 新建…、改造提升200万亩: upgraded, not new


# A zone or site the keyword's things make up, named right after the keyword a count stands
# before (打造20万亩高标准农田示范片, 建成10个口袋公园示范点): the count is the zone's
_ZONE = re.compile(r"示范(?:区|片区?|点|村|县|基地|园)|试点|园区|基地")


def zone_after(sentence: str, end: int, title: str) -> str | None:
    """Why a count before the keyword ending at `end` is another noun's: a zone or site named
    right after the keyword (…农田示范片), unless the target's title names it; None else."""
    zone = _ZONE.match(sentence, end)
    if zone is None or zone.group() in title:
        return None
    return f"counts another noun (a zone or site: {zone.group()})"


# The projects of the work counted, then its things counted beside them (…改造项目73个、小区693个;
# …建设项目12个、公园40个): the first counts projects, the second the keyword's own things
# (the work's name may come between: 老旧小区 改造项目73个)
_PROJECTS = re.compile(
    r"(?:改造|建设|整治|综合整治|更新|提升|改建)?项目(?:已经?|累计|共|达到|达|为|约|近|超过|有)*"
)
_THINGS_NEXT = re.compile(
    r"[、，,]([\u4e00-\u9fff]{2,4}?)(?:共|约|近|超过|达)?[0-9一二两三四五六七八九十]"
)


def _projects_beside_things(
    sentence: str, between: str, keyword: str, end: int, title: str
) -> bool:
    """Whether the words before the number (`between`) name the keyword's projects, and the next
    list item, from `end`, counts things the keyword names (小区 of 老旧小区改造); not when the
    title names projects."""
    if "项目" in title or not _PROJECTS.fullmatch(between):
        return False
    things = _THINGS_NEXT.match(sentence, end)
    if things is None:
        return False
    return things.group(1) in keyword
