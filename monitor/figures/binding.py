"""One read sentence's numbers on their way to figures: a number placed in its clause and tied
to a keyword (`Number`), the sentence's figures being made (`Making`), and the checks that
refuse a number for a target before its unit is weighed: another noun, another measure, a part.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from monitor.figures import thresholds, units
from monitor.figures.attribution import _Match, counts_other
from monitor.figures.checks import _clause_of, _excluded
from monitor.figures.cues import EARLIER_LEVEL
from monitor.figures.measures import (
    since_period_start,
    since_window,
    stage_before,
    stage_of,
    sum_after,
)
from monitor.figures.nouns import (
    inside_those,
    other_kind,
    other_size,
    per_head,
    predicate_after,
)
from monitor.models import FigureKind, FigureScope, Quantity, Seen, Target

# A clause opening with these gives a part of the total before it (其中…, 包括…, 含…)
_PART = re.compile(r"\s*(?:其中|包括|内含|含)")
# A clause after the parts that names the whole again (…，累计建成7.3万个; …，全省共…)
_WHOLE_AGAIN = re.compile(r"\s*(?:累计|总计|合计|共计|总数|总量|全年|全省|全市|全区|全县|全国|共)")


# A part named by its period (其中今年新增…, 其中三季度增长…): the period's own figure, not a subset
_PERIOD_PART = re.compile(
    r"\s*(?:其中|包括)[，,：:]?\s*(?:今年|去年|当年|本年|(?:19|20)[0-9]{2}\s*年|[一二三四]季度|上半年|下半年"
    r"|[0-9一二三四五六七八九十]{1,2}\s*月)"
)


def period_part(sentence: str, cuts: list[int], at: int) -> bool:
    """Whether the number at `at` is in a part named by its period (其中今年新开工5260个)."""
    if "其中" not in sentence and "包括" not in sentence:
        return False  # most sentences: read in C, no loop
    clause = bisect_right(cuts, at)
    starts = [0, *(c + 1 for c in cuts[:clause])]
    for start in reversed(starts):
        if _PART.match(sentence, start):
            return bool(_PERIOD_PART.match(sentence, start))
        if _WHOLE_AGAIN.match(sentence, start):
            return False  # …，全省…达到2710万亩: the whole again, past the part
    return False


def _part_start(sentence: str, cuts: list[int], at: int) -> int | None:
    """Where the part clause (其中…, 包括…) the number at `at` is in or goes on from starts."""
    clause = bisect_right(cuts, at)
    for start in reversed([0, *(c + 1 for c in cuts[:clause])]):
        if _PART.match(sentence, start):
            return start
    return None


def _opens_with_own_place(sentence: str, c0: int, regions: tuple[str, ...]) -> bool:
    """Whether the clause at c0 opens with one of the target's own places (…中，合肥5.3万个)."""
    opening = sentence[c0 : c0 + 12].lstrip()
    return any(opening.startswith(r) for r in regions if r not in _WHOLE_WORDS)


def own_place_part(sentence: str, cuts: list[int], at: int, regions: tuple[str, ...]) -> bool:
    """Whether the number is in a part named by the target's own place (全省…，其中南京64公里):
    for that place's target it is the figure itself, not a part."""
    if "其中" not in sentence:
        return False
    start = _part_start(sentence, cuts, at)
    if start is None:
        return False
    opening = sentence[start : start + 12].lstrip()[2:]
    return any(opening.startswith(r) for r in regions if r not in _WHOLE_WORDS)


_WHOLE_WORDS = frozenset(("全市", "全省", "全区", "全县", "本市", "本省", "全国", "我国", "各地"))
# …，新建的5G基站中室内基站900个; 新建绿道里滨水绿道有22公里: the noun named again with 中/里
_INSIDE = re.compile(r"的?(?:当中|之中|中|里)(?![国心小央部山华东西南北])")


def named_part(sentence: str, own: list[_Match], at: int) -> bool:
    """Whether the number's clause names the noun again and then a part of it (…的X中, X里)."""
    return any(m.end < at and _INSIDE.match(sentence, m.end) for m in own)


def inside_set(read: Read, clause: int) -> str | None:
    """The set an earlier clause names as what the rest is taken from (今年新增的公办学位中，…;
    新建的绿道里，…): the keyword and its 中/里 closing that clause, if one does before `clause`."""
    sentence, cuts = read.text, read.cuts
    for k, found in read.by_clause.items():
        if k >= clause or k >= len(cuts):
            continue
        for m in found:
            inside = _INSIDE.match(sentence, m.end)
            if inside and inside.end() == cuts[k]:
                return sentence[m.start : inside.end()]
    return None


def in_part(sentence: str, cuts: list[int], at: int) -> bool:
    """Whether the number at `at` is among the parts of a total: after a 其中 (or a clause that
    opens with 包括/含), with no clause between naming the whole again."""
    if "其中" not in sentence and "包括" not in sentence and "含" not in sentence:
        return False
    clause = bisect_right(cuts, at)
    starts = [0, *(c + 1 for c in cuts[:clause])]
    for start in reversed(starts):
        if _PART.match(sentence, start):
            return True
        if _WHOLE_AGAIN.match(sentence, start):
            return False
    return sentence.rfind("其中", 0, at) >= 0  # …全市其中… inside a clause


class Read(NamedTuple):
    """A sentence naming targets, read up to its numbers."""

    at: int  # its place among the article's sentences
    s0: int  # where it starts in the article
    text: str
    targets: list[Target]  # those it is about
    cuts: list[int]  # where its clauses break (at a ，、：…)
    by_clause: dict[int, list[_Match]]  # its keywords, by clause
    quantities: list[Quantity]  # the numbers in clauses a keyword is the subject of


class Number(NamedTuple):
    """A number of a read sentence, placed in its clause and tied to a keyword."""

    q: Quantity
    clause: int  # which clause of the sentence it is in
    c0: int  # where that clause starts
    c1: int  # and ends
    match: _Match  # the keyword it belongs to
    after_breakdown: bool  # after a 其中 (or in a sentence of parts)
    change: bool  # its clause says a rise (增加…) and names no thing of its own
    after: str  # the character after it, unless it counts the keyword right after it
    head: str  # its clause up to it
    task: bool  # 204万套的任务: the size of the plan
    place: str | None = None  # in a 分别 list of places, the number's own (杭州、温州分别…)
    period_part: bool = False  # a part named by its period (其中今年…): the period's own figure


@dataclass
class Making:
    """One read sentence's figures being made: the targets given so far, and each drop."""

    read: Read
    trace: list[Seen] | None
    seen: set[str]  # targets whose total an earlier sentence (or number) gave
    whole_part: bool  # the whole sentence is among the parts of a total (其中，…；…)
    paired: dict[int, tuple[str, tuple[str, ...]]]  # in a 分别 list, each number's item, all items
    given: set[str] = field(default_factory=set)  # targets given a figure by this sentence
    when: dict[int, tuple[FigureKind, str | None]] = field(default_factory=dict)  # by clause
    pairs: dict[int, Quantity] | None = None  # amounts given again in another unit, by start
    scopes: dict[str, FigureScope] = field(default_factory=dict)  # each target's last figure's

    def give(self, target_id: str, scope: FigureScope) -> None:
        """A figure of the target was made, with this scope (a count's is kept for plan_scope)."""
        self.given.add(target_id)
        if scope in ("new", "cumulative"):
            self.scopes[target_id] = scope

    def plan_scope(self, n: Number, target_id: str) -> FigureScope | None:
        """The scope of a pledge restated beside a result (…总数达到72家，提前完成70家的目标;
        新建4.1万个，超过4万个的年度目标): the result's it is set against, when the plan's own
        words name no period or work of their own (今年新建8000个的目标 is of the year)."""
        if not n.task or _OWN_SCOPE.search(n.head):
            return None
        return self.scopes.get(target_id)

    def restated(self) -> dict[int, Quantity]:
        """The sentence's amounts given again in another unit (units.restated), read once."""
        if self.pairs is None:
            self.pairs = units.restated(self.read.text, self.read.quantities)
        return self.pairs

    def drop(self, q: Quantity, target: Target | None, why: str) -> None:
        if self.trace is not None:
            tid = target.id if target else None
            self.trace.append(Seen(self.read.text, q.start, q.end, q.surface, tid, None, why))


_OWN_SCOPE = re.compile(r"新|累计|总|今年|全年|年内|当年|以来|[0-9]{4}\s*年")


# A clause giving an example (比如, 例如, 譬如): one of the things, not their whole
_EXAMPLE = re.compile(r"\s*(?:比如|例如|譬如|诸如)")


def refused(making: Making, n: Number, target: Target) -> str | None:
    """Why the number is no figure of this target, before its unit is looked at, or None."""
    sentence, q = making.read.text, n.q
    clause = _clause_of(sentence, making.read.cuts, n.match)
    word = _excluded(target, sentence[n.c0 : n.c1], clause)
    if word:
        return f"its clause holds the exclude word '{word}'"
    stage = stage_of(target.title + "".join(target.keywords))  # the stage the target counts
    said = (listed_stage(making, n) or stage_before(sentence, q.start)) if stage else None
    if stage and said and said != stage:
        # 新开工580万套，基本建成360万套: a target of starts takes no completions
        return f"another stage ({said}) than the target's ({stage})"
    other = _other_amount(making, n, target)
    if other:
        return other
    regions = target.region
    if (
        n.after_breakdown
        and target.id in making.seen
        and not n.period_part
        and not own_place_part(sentence, making.read.cuts, q.start, regions)
    ):
        # 其中…: a part of a total already reported for this target
        return "a part of a breakdown (其中…) of a total already read"
    named = None
    if q.unit != "%" and ("中" in sentence or "里" in sentence):  # a % is weighed as a share
        named = inside_set(making.read, n.clause)
    if named and not _opens_with_own_place(sentence, n.c0, regions):
        # 今年新增的公办学位中，…，寄宿制学位新增2.2万个: one part of the set, not the whole
        return f"a part of the set named before ({named}…)"
    if sum_after(sentence, q.end):
        # 新建1320公里、改建3460公里，合计4780公里: the sum is the figure, these its parts
        return "a part of the sum (合计…) after it"
    if _EXAMPLE.match(sentence, n.c0):
        return "an example (比如…), a part of the whole"  # …，比如沿河建成的绿道就有12公里
    kind = subset_before(sentence, making.read.cuts, n.match, target)
    if kind:
        # 小微企业新增减税降费, 退役军人等重点群体新增就业: one kind's figure, not the whole
        return f"a subset ({kind}), not the whole"
    kind = _kind_or_size(sentence, n, target)
    if kind:
        making.seen.add(target.id)  # its parts (…，其中研究生4.3万人) are parts of it, not totals
        return kind
    words = target.title + "".join(target.keywords)
    per = per_head(n.head, words)
    if per:
        return f"a figure per head ({per}…), not the count"
    own_clause = n.c0 <= n.match.start < n.c1
    if own_clause and q.unit != "%" and per_head(words, "") and not per_head(n.head, ""):
        # 提供托位数约350万个 for a target of 每千人口托位数: the count, not the figure per head
        return "a count, not the figure per head the target tracks"
    if n.change and target.id in making.given and not since_period_start(n.head):
        # 改造580万套，增加110万套: the rise over last year, not the figure
        return "a change over an earlier figure (增加…), not the level"
    return None


def listed_stage(making: Making, n: Number) -> str | None:
    """In 开工980公里、完工760公里，分别占年度任务的98%和76%: the stage whose amount the number
    pairs with, by its place in the list after 分别 (98% is the starts')."""
    sentence, q = making.read.text, n.q
    said = sentence.rfind("分别", n.c0, q.start)
    if said < 0:
        return None
    values = [x.start for x in making.read.quantities if said < x.start < n.c1]
    stages = [m.group() for m in _STAGE_WORD.finditer(sentence, 0, said)]
    if len(stages) != len(values) or q.start not in values:
        return None
    return stage_of(stages[values.index(q.start)])


_STAGE_WORD = re.compile(r"基本建成|建成|竣工|完工|开工|筹集|交付|签约")


_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|上升|下降|减少|降低|增|升|降|减)(?:到|至)")
_PART_TAKEN = re.compile(r"(?:当中|之中|中)[0-9一二三四五六七八九十两]")


def _other_amount(making: Making, n: Number, target: Target) -> str | None:
    """Why the number is not the amount of the target's thing: the same amount given beside it
    in the target's unit, a threshold or floor, a count of another noun; None if it may be."""
    sentence, q = making.read.text, n.q
    partner = making.restated().get(q.start)
    if (
        partner is not None
        and not units.fits(q.unit, target.unit)
        and (units.fits(partner.unit, target.unit) or partner.start < q.start)
    ):
        # 70650万吨（14130亿斤） for a target in 斤: the same amount, read in the target's unit
        return f"the same amount in another unit as {partner.surface}, read there instead"
    bounds = thresholds.bound(sentence, q, making.read.quantities, n.head)
    if bounds:
        return bounds
    m = n.match
    if q.end == m.start and _PART_TAKEN.match(sentence, m.end):
        # 38段黑臭水体中35段已消除: the set the part is taken from, not the work done
        return "the whole set a part is taken from (…中N…), not the figure"
    if (
        not (EARLIER_LEVEL.search(n.head) and _TO_LEVEL.match(sentence, q.end))
        and counts_other(sentence, q, target)  # (由去年底的63家增加到71家: a level, then the next)
        and not units.counted_by_measure(sentence, q, target.keywords, target.unit)
        and not predicate_after(sentence, q.end)
    ):
        # 210个试点地区, 覆盖534个社区: a count of another noun
        return f"counts another noun ({sentence[q.end : q.end + 6]}…)"
    return None


def _kind_or_size(sentence: str, n: Number, target: Target) -> str | None:
    """Why the keyword's things in the number's clause are not those the target counts: another
    kind (新增儿科床位), those inside what was named before (这些中心里…), another measure of
    them (高校毕业生总规模为…); None when they are."""
    m = n.match
    if not n.c0 <= m.start < n.q.start:
        return None  # the number's clause goes on from a keyword before it
    head, keyword = sentence[n.c0 : m.start], sentence[m.start : m.end]
    inside = inside_those(head)
    if inside:
        return f"a subset: those inside what was named before ({inside}…)"
    kind = other_kind(head, keyword, target.title)
    if kind:
        return f"another kind ({kind}{keyword}) than the target's"
    size = other_size(sentence[m.end : n.q.start], keyword, target.title)
    return f"another measure of the noun ({size})" if size else None


# Kinds of firms, people and households a figure may be given for (a subset of the whole): a
# modifier naming who benefits, just before the keyword (小微企业新增减税降费).
_KIND = re.compile(
    r"(?:(?:民营|小微|中小|国有|外资|私营|个体|规上|规模以上)(?:企业|工商户|经营主体)"
    r"|(?:城镇|农村|城市|乡村)居民|[\u4e00-\u9fff]{1,6}群体|高校毕业生|退役军人|农民工|脱贫人口)"
    r"(?:累计|今年|已|的|共|新增|享受|获得)*$"
)

_KIND_WORDS = ("企业", "工商户", "主体", "居民", "群体", "毕业生", "军人", "农民工", "人口")
_KIND_TAIL = re.compile(r"(?:累计|今年|已|的|共|新增|享受|获得)+$")


def subset_before(sentence: str, cuts: list[int], match: _Match, target: Target) -> str | None:
    """The kind of firm or people just before the keyword (小微企业, 重点群体), if one is there
    and the target's title does not name it: the figure is that kind's, a part of the whole."""
    k = bisect_right(cuts, match.start)
    before = sentence[max(cuts[k - 1] + 1 if k > 0 else 0, match.start - 14) : match.start]
    if not any(map(before.__contains__, _KIND_WORDS)):
        return None  # most keywords: nothing of the kind before them
    found = _KIND.search(before)
    if found is None:
        return None
    kind = _KIND_TAIL.sub("", found.group())
    return None if kind in target.title else kind


_LEVEL_THEN = re.compile(r"年(?:底|末)的[^，,。；]*?[0-9][^，,。；]*?[到至][约近超]?$")
_YEAR_OF = re.compile(r"((?:19|20)[0-9]{2})\s*年")


def dated_period(
    head: str, scope: FigureScope, period: str | None, published: date | None
) -> str | None:
    """The period of an increase over an earlier year's end (比2020年底增加21家: the years
    since), of a level dated at one (由去年底的【63家】…: that year) or of the level it rose to
    (从2016年底的180公里增至【435公里】: the year published); else `period` as it is."""
    if scope == "new":
        return since_window(head, period, published)
    if published is None or scope != "cumulative" or "的" not in head:
        return period
    earlier = EARLIER_LEVEL.search(head)
    if earlier:
        year = _YEAR_OF.search(earlier.group())
        return year.group(1) if year else str(published.year - 1)
    return str(published.year) if _LEVEL_THEN.search(head) else period


def breaks_down(making: Making, clause: int, at: int) -> bool:
    """Whether the number at `at` (in clause number `clause`) is among the parts of a total: the
    sentence breaks one down (其中，…), a 其中/包括 clause, or the noun named again (…的X中)."""
    read = making.read
    return (
        making.whole_part
        or in_part(read.text, read.cuts, at)
        or named_part(read.text, read.by_clause.get(clause, []), at)
    )
