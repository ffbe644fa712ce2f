"""One read sentence's numbers on their way to figures: a number placed in its clause and tied
to a keyword (`Number`), the sentence's figures being made (`Making`), and the checks that
refuse a number for a target before its unit is weighed: another noun, another measure, a part
(whether it is a part is in parts.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from monitor.figures import events, lists, markets, thresholds, units
from monitor.figures.attribution import _Match
from monitor.figures.batches import later_batch, one_day
from monitor.figures.checks import _clause_of, _excluded, listed_as_plan
from monitor.figures.counting import counts_other, share_refused
from monitor.figures.cues import EARLIER_LEVEL, PLAN_WORD
from monitor.figures.examples import after_example
from monitor.figures.facilities import a_size, around_places, one_facility, one_length
from monitor.figures.held import scheme_name
from monitor.figures.kinds import (
    age_group,
    for_one_use,
    kind_after,
    kind_word,
    other_modifier,
    picked_after,
    picked_out,
    put_forward,
    wider_than_titled,
)
from monitor.figures.measures import since_period_start, sum_after
from monitor.figures.nouns import driven_by, inside_those, other_kind, per_head, per_head_title
from monitor.figures.numeral_kinds import not_counted
from monitor.figures.pairs import side_refused
from monitor.figures.parts import part_of
from monitor.figures.place_shares import unless_listed
from monitor.figures.predicates import head_of_keyword, predicate_after
from monitor.figures.references import compared_base, plan_compared
from monitor.figures.school_places import other_level
from monitor.figures.sets import other_set, whole_set, wider_class
from monitor.figures.shares import whole_named_again
from monitor.figures.siblings import sibling_refused
from monitor.figures.sizes import existing_changed
from monitor.figures.stages import going_on, stage_of, stage_refused
from monitor.figures.stock_flow import goal_of_the_stock
from monitor.figures.subsets import group_rate, subset_before
from monitor.figures.tails import between_keyword_and_number, zone_after
from monitor.figures.tiers import own_tier
from monitor.figures.wholes import kind_beside_whole, whole_of_titled_kind
from monitor.models import FigureKind, FigureScope, Quantity, Seen, Target


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
    pledged: set[str] = field(default_factory=set)  # targets given a pledge by this sentence
    last: dict[str, FigureKind] = field(default_factory=dict)  # each target's last figure's kind
    refused: dict[tuple[str, int], str] = field(default_factory=dict)  # why, by (target, start)
    given_at: set[tuple[str, int]] = field(default_factory=set)  # (target, start) of each figure

    def give(self, target_id: str, scope: FigureScope, kind: FigureKind, at: int = -1) -> None:
        """A figure of the target was made (from the number at `at`), with this scope (a count's
        is kept for plan_scope) and kind (a pledge's is kept for rest_of_plan)."""
        self.given.add(target_id)
        self.given_at.add((target_id, at))
        if kind == "pledge":
            self.pledged.add(target_id)
        self.last[target_id] = kind
        if scope in ("new", "cumulative"):
            self.scopes[target_id] = scope

    def plan_scope(self, n: Number, target_id: str) -> FigureScope | None:
        """The scope of a pledge restated beside a result (…总数达到72家，提前完成70家的目标;
        新建4.1万个，超过4万个的年度目标): the result's it is set against, when the plan's own
        words name no period or work of their own (今年新建8000个的目标 is of the year)."""
        if not n.task or _OWN_SCOPE.search(n.head):
            return None
        if goal_of_the_stock(self.read.text, n.c0, n.head):
            return "cumulative"  # 累计建成…，…，距年底建成25万个的目标: the total's goal
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

    def refuse(self, q: Quantity, targets: Sequence[Target], why: str) -> None:
        """Drop a number that counts no target's thing, remembered for each of `targets`: a rate
        going on after it is that thing's change (…支出5260亿元，比上年预算增长2.5%)."""
        self.drop(q, None, why)
        for target in targets:
            self.refused[(target.id, q.start)] = why


# Verbs that only say how much more or less than before (吉林增产26.6亿斤, 同比多增1.2万人)
_CHANGE_ONLY = re.compile(r"(?:增产|减产|多增|少增|增收|减收)了?[约近超逾]?$")
_OWN_SCOPE = re.compile(r"新|累计|总|今年|全年|年内|当年|以来|[0-9]{4}\s*年")


# A clause giving an example (比如, 例如, 譬如): one of the things, not their whole
_EXAMPLE = re.compile(r"\s*(?:比如|例如|譬如|诸如)")
_SHARE_HEAD = re.compile(PLAN_WORD + r"的?$")


def refused(making: Making, n: Number, target: Target) -> str | None:
    """Why the number is no figure of this target, before its unit is looked at, or None."""
    sentence, q = making.read.text, n.q
    if why := not_counted(q):
        return why  # 走进一条…小巷, 2/3的受访者
    if target.exclude:  # (most targets have none: no clause is cut out for them)
        clause = _clause_of(sentence, making.read.cuts, n.match)
        word = _excluded(target, sentence[n.c0 : n.c1], clause)
        if word:
            return f"its clause holds the exclude word '{word}'"
    words = target.title + "".join(target.keywords)  # the target's own words, made once
    listed = listed_stage(making, n) if stage_of(words) else None
    if why := stage_refused(sentence, n.c0, q, n.c1, words, listed, target.keywords):
        return why  # 新开工580万套，基本建成360万套 for starts; 已审批1504部, 完成备案… for any
    event = markets.measure_refused(sentence, n, making.paired.get(q.start), target)
    if event:
        return event  # 火灾1.2万起、死亡38人、受伤21人: a target of deaths takes 38 only
    if why := unless_listed(share_refused(sentence, n.c0, q), sentence, n.c0, target.region):
        return why  # 仍有4个市州完成率不到三分之一; 过半，达到… (not 河北、浙江等12个省份…)
    side = side_refused(making, q, target)
    if side:
        return side  # 产销分别完成A和B: a sales target takes B
    if other := _other_amount(making, n, target):
        return other
    if part := part_of(making, n, target):
        return part
    if one := _one_part(making, n, target):
        return one
    if other := sibling_refused(making, n, target):  # …；完成商业投资… after 完成工业投资…
        return other
    kind = subset_before(sentence, making.read.cuts, n.match, target)
    if kind:
        # 小微企业新增减税降费, 退役军人等重点群体新增就业: one kind's figure, not the whole
        return f"a subset ({kind}), not the whole"
    group = group_rate(n.head, target) if q.unit == "%" else None
    if group:  # 脱贫人口签约率保持在99%以上 after the whole's 签约率: one group's rate
        return f"a subset ({group}), one group's rate, not the whole's"
    kind = _kind_or_size(sentence, making.read.cuts, n, target)
    if kind:
        if not kind.startswith("a wider"):  # the parts of a wider thing may be the target's
            making.seen.add(target.id)  # its parts (…，其中研究生4.3万人) are parts of it
        return kind
    m = n.match
    # (a sum of money is left alone: a measure is often named by its list, 减税降费及退税缓费)
    listing = m.end > m.start and (
        sentence[m.end : m.end + 1] in lists.JOINS or sentence[m.start - 1 : m.start] in lists.JOINS
    )
    if listing and q.start not in making.paired and not (q.unit or "").endswith("元"):
        listed = lists.list_total(sentence, m.start, m.end, q, words)
        if listed:  # 新建助餐点、社区食堂共146个 for a target of 社区食堂 alone
            return f"the total of a list with {listed}, more than the target's thing"
    per = per_head(n.head, words)
    if per:
        return f"a figure per head ({per}…), not the count"
    own_clause = n.c0 <= n.match.start < n.c1
    if own_clause and q.unit != "%" and per_head_title(words) and not per_head(n.head, ""):
        # 提供托位数约350万个 for a target of 每千人口托位数: the count, not the figure per head
        return "a count, not the figure per head the target tracks"
    return _changed(making, n, target)


def _changed(making: Making, n: Number, target: Target) -> str | None:
    """Why the number is the change over an earlier figure, not the level: a rise after the
    target's figure (改造580万套，增加110万套), or after a verb that only says how much more
    or less than before (吉林增产26.6亿斤, 同比多增1.2万人), whatever was read before it."""
    if n.change and target.id in making.given and not since_period_start(n.head, (target,)):
        return "a change over an earlier figure (增加…), not the level"
    if n.q.unit != "%" and _CHANGE_ONLY.search(n.head):
        return "a change over an earlier figure (增产…, 多增…), not the level"
    return None


def _one_part(making: Making, n: Number, target: Target) -> str | None:
    """Why the number gives one part of the work only: a part of a sum after it, a later batch,
    an example, one part alone, those a passive picks out; None when it gives none of these."""
    sentence, q = making.read.text, n.q
    if sum_after(sentence, q.end) and not _SHARE_HEAD.search(n.head) and not n.place:
        # 新建1320公里、改建3460公里，合计4780公里: the sum is the figure, these its parts (not
        # a share of the plan before it: 已完成全年任务的三分之二，共计533艘; not a place's own
        # in a list of places, 郑州、洛阳分别…，全省合计…: that place's figure, weighed by region)
        return "a part of the sum (合计…) after it"
    batch = later_batch(sentence, q.start, target.title, target.keywords)
    if batch:  # 第三批次活动当天，58个重大项目同时开工
        return f"one batch ({batch}…) of the work, not all of it"
    if _EXAMPLE.match(sentence, n.c0) or after_example(
        sentence, making.read.cuts, n.c0, n.match.start
    ):
        return "an example (比如…), a part of the whole"  # …，比如沿河建成的绿道就有12公里
    if "就" in n.head and _ALONE.search(n.head):
        return "one part alone (光…就有…), not the whole"  # 光他们社区就有两千多户…
    if q.end <= n.match.start and (picked := picked_after(sentence, n.match.end)):
        return f"a subset: those a passive picks out ({picked}…)"  # 2.3万户个体工商户被认定为…
    if one := one_facility(sentence, n.c0, q.start):  # …实验小学南校区建成后可新增学位2160个
        return f"one facility's figure ({one}…), a part of the work"
    if one_length(n.head):  # …6号线东延段今日开通，全长约4.5公里
        return "the length of one thing named (全长), not the target's"
    if a_size(sentence, q.end, n.head, q.unit):  # 3.5米宽的村道, 路面宽4.5米
        return "a size of each thing (宽, 高, 厚), not an amount built"
    if one_day(sentence, q.start):
        return "one day's figure (当天…), a part of the work"  # 当天共有526家单位进场，提供…
    if near := around_places(sentence, q.start):  # 在医院、学校周边新增泊位1200个
        return f"those in some places only ({near}), a part of the work"
    return None


# One part alone (光他们社区就有…, 单是老城区就…): a part; a period alone (光上半年就…) is its own
_ALONE = re.compile(
    r"(?:光|单是|单单)(?!今年|去年|上半年|下半年|[一二三四]季度|[0-9]+月)[^，,。；]{1,12}?就"
)


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

_PLAN_BASE = re.compile(r"占[^，,。；]{0,8}?(?:预算|计划|任务|目标|额度|限额)[^，,。；]{0,3}$")
_BASE_OF_SHARE = re.compile(
    r"的(?:[约近超]?[0-9.]+\s*%|[一二三四五六七八九十]成|[一二三四五六七八九十]+分之)"
)
_TO_LEVEL = re.compile(r"(?:增加|增长|提高|提升|上升|下降|减少|降低|增|升|降|减)(?:到|至)")
# (…700辆公交车中新能源车型不少于600辆: a kind of them named before the part's number)

# what projects cost in all, over their years (计划总投资, 项目总投资达): no year's investment
_TOTAL_COST = re.compile(r"总投资额?(?:约|近|达到?|为|超过|逾|共|计)*$")


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
    if going_on(sentence, q.end, target.title):
        return "work under way (正在施工, 在建…), not done"  # …，第二批62条正在施工
    if not n.task and _PLAN_BASE.search(n.head) and _BASE_OF_SHARE.match(sentence, q.end):
        # …，占调整预算45.6亿元的61.2%: the plan a share is of, not the amount done (unread
        # rather than read as done)
        return "the plan a share is taken of (占…预算N的M%), not the amount done"
    if _TOTAL_COST.search(n.head) and "总投资" not in target.title:
        return "the total investment of the projects, their cost in all (总投资), not the target's"
    bounds = thresholds.bound(sentence, q, making.read.quantities, n.head)
    if bounds := unless_listed(bounds, sentence, n.c0, target.region):
        return bounds  # (河北、浙江等12个省份…超过90%: a level each place listed passes)
    m = n.match
    if not n.c0 <= m.start < n.c1 and (whole := whole_named_again(sentence, n.c0, n.head)):
        return f"the whole a share was taken of ({whole}), not the target's"  # 占…总装机的64.5%
    if q.end == m.start and whole_set(sentence, m.end, n.head, n.task):
        # 38段黑臭水体中35段已消除; 全市86条黑臭水体中，已有79条…: not the work done
        return "the whole set a part is taken from (…中N…), not the figure"
    if m.end < n.c0 and (others := other_set(sentence, m.end, n.c0)):  # …项目中，已竣工11个
        return f"counts the members of another set (…{others}中), not the target's"
    if why := wider_class(sentence, n, target):
        return why  # 改造供水等各类管网860公里: the class the keyword is one example of
    if (
        not (EARLIER_LEVEL.search(n.head) and _TO_LEVEL.match(sentence, q.end))
        and counts_other(sentence, q, target)  # (由去年底的63家增加到71家: a level, then the next)
        and not units.counted_by_measure(sentence, q, target.keywords, target.unit)
        and not predicate_after(sentence, q.end, q.start)
        and not head_of_keyword(sentence, q, target.keywords)  # …，86个项目总投资…
        and not listed_as_plan(sentence, q.end)  # 新建中医馆12个列入民生实事项目
        and not events.own_after(sentence, q.end, target)  # 事故共造成612人死亡
        and not plan_compared(sentence, q.start, q.end)  # 比控制指标1500人少114人: the plan's size
        and not compared_base(sentence, q.start, q.end)  # 比去年实际完成的812部增加…: the base
    ):
        # 210个试点地区, 覆盖534个社区: a count of another noun
        return f"counts another noun ({sentence[q.end : q.end + 6]}…)"
    return None


def _kind_or_size(sentence: str, cuts: list[int], n: Number, target: Target) -> str | None:
    """Why the keyword's things in the number's clause are not those the target counts: another
    kind (新增儿科床位), those inside what was named before (这些中心里…), another measure of
    them (高校毕业生总规模为…); None when they are."""
    m, c0 = n.match, n.c0
    if not c0 <= m.start < n.q.start:
        if n.q.end <= m.start < n.c1:  # 另有85个社区获评省级老年友好型社区: its kind after it
            return kind_after(sentence, n.q.end, m.start, m.end, target) or zone_after(
                sentence, m.end, target.title
            )
        if m.end > n.c0 or m.start == m.end:
            return None
        # …超级充电桩500个，计划年底前再建200个: a clause going on with a kind is of that kind
        c0 = max((c + 1 for c in cuts if c < m.start), default=0)
    head, keyword = sentence[c0 : m.start], sentence[m.start : m.end]
    inside = inside_those(head)
    if inside:
        return f"a subset: those inside what was named before ({inside}…)"
    if wider := whole_of_titled_kind(
        sentence, m.start, n.q.end, keyword, target.title, target.keywords
    ):
        return f"a superset: every kind of {keyword}, wider than the title's {wider} after it"
    kind = (
        other_kind(head, keyword, target.title, sentence[c0 - 1 : c0] == "、")
        or kind_beside_whole(sentence, c0, m.start, keyword, target.title, target.keywords)
        or kind_word(
            head, target.title, target.keywords, own_tier(sentence, keyword, target.region)
        )
        or existing_changed(head, target.title)
    )
    if kind:
        return f"another kind ({kind}{keyword}) than the target's"
    # (a scheme's short name, 以旧换新 after 家电以旧换新, is the scheme: no kind before it)
    if not any(scheme_name(k) == keyword for k in target.keywords) and (
        kind := other_modifier(head, keyword, target.keywords, target.title, target.region)
    ):  # 城区自来水普及率 for a target of 农村自来水普及率 (keyword 自来水普及率 too)
        return f"another kind ({kind}{keyword}) than the target's longer keyword names"
    age = age_group(head, target.title)
    if age:
        return f"a subset: one age group ({age}), not the whole"
    use = for_one_use(head, target.title)
    if use:
        return f"a subset: the part for one use ({use}{keyword})"
    wider = wider_than_titled(head, keyword, target.title) if c0 == n.c0 else None
    if wider:
        return f"a wider thing ({keyword} of every kind) than the target's ({wider}{keyword})"
    picked = picked_out(head, target.title)
    if picked:
        return f"a subset: those a clause picks out ({picked}{keyword})"
    if asked := put_forward(head, sentence[m.end : n.q.start], target.title):  # 申报…的有46个
        return f"those put forward ({asked}…), not those the work gave"
    if drove := driven_by(head):  # 周边商业项目带动新建口袋公园12个: that subject's work
        return f"what a subject of its own drove ({drove}…), not the target's count"
    # (…，新建幼儿园6所、新增学位2700个 for a target of 中小学学位: the kindergartens' places)
    return between_keyword_and_number(sentence, n, target, c0 == n.c0) or other_level(
        sentence, m.start, m.end, target
    )
