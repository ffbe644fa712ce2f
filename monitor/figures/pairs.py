"""A number of a 分别 list tied to its own item: the keyword its item names, the place it speaks
for (杭州、温州分别…), the thing named after 分别 when the items are places or years (2023年和
2024年，厦门分别新建…), the side of a fused pair (产销分别完成A和B: A the output, B the sales), or
why it gives nothing (城市和农村的托位分别…: one noun's parts)."""

from __future__ import annotations

import re
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING

from monitor.figures import events, lists
from monitor.figures.attribution import _Match
from monitor.figures.keywords import _first_part, _splittable, may_split, split_matches
from monitor.figures.list_periods import is_period
from monitor.figures.periods import _period
from monitor.figures.short_forms import BOTH_SIDES
from monitor.models import Quantity, Target

if TYPE_CHECKING:
    from monitor.figures.binding import Making, Read

_start = attrgetter("start")


# the rate of a stage of the work (开工率, 竣工率): a share of the plan, of no noun of its own
_STAGE_RATE = re.compile(r"(?:新?开工|完工|竣工|建成|投运|通车|交付|完成)率")


def in_list(making: Making, q: Quantity) -> tuple[_Match | None, str | None, str | None]:
    """For a number of a 分别 list: the keyword it belongs to, the place it speaks for when the
    list is of places, or why it gives nothing (a list of one noun's parts)."""
    read = making.read
    sentence = read.text
    item, items = making.paired[q.start]
    # 城镇、农村居民人均可支配收入分别…: the earlier items with the words the list shares
    items = tuple(lists.completed(i, items, read.targets) for i in items)
    item = lists.completed(item, making.paired[q.start][1], read.targets)
    # 火灾1.2万起、死亡38人，同比分别…: 死亡38人 is the deaths of that 火灾
    item, items = events.completed(item, items), tuple(events.completed(i, items) for i in items)
    said = sentence.rfind("分别", 0, q.start)
    if shared := _share_of_count(making, q, item, said):  # …分别完成年度计划的101%和106.6%
        return shared[0], None, shared[1]
    # the keyword between 分别 and the number: the thing a list of places or years counts
    after = [m for ms in read.by_clause.values() for m in ms if said < m.start < q.start]
    regions = tuple(r for t in read.targets for r in t.region)
    places = [lists.place_of(i, regions) for i in items]
    if len(items) > 1 and all(places):
        # 杭州、温州分别新建口袋公园74个、41个: the noun after 分别, each value its place's; 厦门、
        # 泉州两市充电桩保有量分别…: the noun the list's last item names
        found = max(after, key=_start) if after else _listed(items[-1], read.targets, q)
        if found is None:  # …公厕1120座，合肥、芜湖分别完成176座和98座: the noun said before
            found = max(
                (m for ms in read.by_clause.values() for m in ms if m.end <= q.start),
                key=_start,
                default=None,
            )
        return found, places[items.index(item)], None
    other = lists.modifying(item, items, read.targets)
    if other:  # 新建农村公路、实施农村公路安全生命防护工程的…分别…: the second is the works'
        return None, None, f"the keyword only names another thing here ({other})"
    if any(lists.modifying(i, items, read.targets) for i in items):
        return _listed(item, read.targets, q), None, None  # the item naming the thing itself
    keyed = [i for i in items if _listed(i, read.targets, q)]
    if not keyed and all(map(is_period, items)) and (near := _period_noun(read, said, q)):
        # 2023年和2024年，厦门分别新建充电桩5200个和6800个: the items name no thing of their own
        # (…分别建成1070座和1000座“口袋公园”: the noun after the values, in their clause)
        return near, None, None
    if len(items) == 1 and fused(item):
        return _listed(item, read.targets, q), None, None  # 产销分别…: read by side_refused
    if keyed == [items[-1]] and lists.periods_of_noun(items, read.targets):
        # 一季度、上半年地区生产总值分别增长…: the noun's values, period by period
        return _listed(items[-1], read.targets, q), None, None
    if by_kind := _by_kind(item, items, read.targets, q):
        return by_kind  # 城镇和农村常住居民人均可支配收入分别…, for a target of 城镇's
    if (keyed == [items[-1]] and lists.modified(items[-1], read.targets)) or (
        len(keyed) == len(items) and lists.kinds(items, read.targets)
    ):
        # 城市和农村的托位分别…, 城乡居民人均可支配收入分别…: one noun's parts, not it
        return None, None, f"one part's value in a 分别 list of parts ({'、'.join(items)})"
    if not keyed and all(map(_STAGE_RATE.fullmatch, items)):
        # …开工11个、竣工7个，开工率、竣工率分别达到…: the shares of the thing named before
        before = [m for ms in read.by_clause.values() for m in ms if m.end <= q.start]
        return max(before, key=_start, default=None), None, None
    if not keyed and all(map(events.measure_said, items)):
        # …，起数和死亡人数同比分别下降…: the measures of the event named before, each its value
        before = [m for ms in read.by_clause.values() for m in ms if m.start < q.start]
        return (max(before, key=_start) if before else None), None, None
    return _listed(item, read.targets, q), None, None


def _by_kind(
    item: str, items: tuple[str, ...], targets: list[Target], q: Quantity
) -> tuple[_Match | None, None, str | None] | None:
    """For a list whose items a target's keywords tell apart by kind (城镇常住居民人均可支配收入
    beside 农村…人均可支配收入): the item's keyword if it names the target's own kind, else why
    it gives nothing; None when no target's longer keyword names one of the items."""
    kinds = [t for t in targets if any(_sibling_kind(i, items, t) for i in items)]
    if not kinds:
        return None
    mine = [t for t in kinds if not _sibling_kind(item, items, t)]
    if mine:
        return _listed(item, mine, q), None, None
    return None, None, f"another kind ({item}) than a longer keyword names, in a 分别 list"


def _sibling_kind(item: str, items: tuple[str, ...], target: Target) -> bool:
    """Whether another item of the list names a longer keyword of the target than this one does,
    which ends with this one's (城镇常住居民人均可支配收入 beside 农村…人均可支配收入): the
    longer names the target's own kind, this item another."""
    named = [k for k in target.keywords if _item_names(item, k)]
    if not named:
        return False
    mine = max(map(len, named))
    return any(
        len(k) > mine and k.endswith(short) and any(_item_names(o, k) for o in items if o != item)
        for k in target.keywords
        for short in named
    )


_CLAUSE_BREAK = re.compile(r"[，,。；;！？!?]")


def _period_noun(read: Read, said: int, q: Quantity) -> _Match | None:
    """The keyword a list of periods counts: the last between 分别 (at `said`) and the value,
    else the first after the values in their clause, else the last in the list before 分别."""
    found = [m for ms in read.by_clause.values() for m in ms]
    between = [m for m in found if said < m.start < q.start]
    if between:
        return max(between, key=_start)
    stop = _CLAUSE_BREAK.search(read.text, q.end)
    end = stop.start() if stop else len(read.text)
    later = [m for m in found if q.end <= m.start < end]
    if later:
        return min(later, key=_start)
    begin = max(read.text.rfind(c, 0, said) for c in "，,。；;") + 1
    return max((m for m in found if begin <= m.start and m.end <= said), key=_start, default=None)


# Each side of a word naming two things at once (lists.FUSED_PAIR), with the words a target
# names it by
_FUSED = {
    "产销": (("产量", "生产", "产出"), ("销量", "销售")),
    "进出口": (("进口",), ("出口",)),
    "收支": (("收入",), ("支出",)),
    "存贷款": (("存款",), ("贷款",)),
    "城乡": (("城镇", "城市"), ("农村", "乡村")),
}


def fused(item: str) -> str | None:
    """The word naming two things at once in a list's only item (新能源汽车产销), if any."""
    found = lists.FUSED_PAIR.search(item)
    return found.group() if found else None


def side_refused(making: Making, q: Quantity, target: Target) -> str | None:
    """For the two values after a fused pair (产销分别完成A和B), why this one is not the
    target's: the target names the other side (a sales target takes B), or neither; None if it
    is the target's side, or the number is no such value."""
    paired = making.paired.get(q.start)
    if paired is None or len(paired[1]) != 1:
        return _both_sides(making, q, target)
    word = fused(paired[0])
    # (城乡居民…分别… for a target of both sides: it takes each value, as a list's one item)
    if word is None or (
        word == BOTH_SIDES and any(_own_both(k, target.keywords) for k in target.keywords)
    ):
        return None
    sentence = making.read.text
    said = sentence.rfind("分别", 0, q.start)
    stop = sentence.find("分别", said + 2)
    stop = len(sentence) if stop < 0 else stop
    values = [at for at, (_, its) in making.paired.items() if its == paired[1] and said < at < stop]
    if len(values) != 2:
        return f"one of {len(values)} values after {word}, not a pair"
    side = sorted(values).index(q.start)
    words = (target.title + "".join(target.keywords)).replace(word, "")
    mine, other = _FUSED[word][side], _FUSED[word][1 - side]
    if any(w in words for w in mine) and not any(w in words for w in other):
        return None
    return f"the {'first' if side == 0 else 'second'} of {word}'s pair, not the target's side"


def _both_sides(making: Making, q: Quantity, target: Target) -> str | None:
    """Why a number of 城乡… outside a 分别 pair is not the figure of a target of one side
    (城镇居民…, named by 城乡居民… only as keywords.variants spells it): it is both sides'."""
    sentence = making.read.text
    at = sentence.rfind(BOTH_SIDES, 0, q.start)
    if at < 0 or any(_own_both(k, target.keywords) for k in target.keywords):
        return None  # (a target of 城乡居民… itself)
    rest = sentence[at + 2 : q.start]
    sides = [k for k in target.keywords if k[:2] in _SIDES and rest.startswith(k[2:])]
    if not sides or any(k in rest for k in target.keywords):
        return None
    return f"{BOTH_SIDES} names both sides at once; the target counts one ({sides[0][:2]})"


_SIDES = frozenset(w for side in _FUSED[BOTH_SIDES] for w in side)


def _own_both(keyword: str, keywords: tuple[str, ...]) -> bool:
    """Whether the keyword names both sides and is no spelling of a one-side keyword."""
    rest = keyword[2:]
    return keyword.startswith(BOTH_SIDES) and not any(s + rest in keywords for s in _SIDES)


def list_head(making: Making, q: Quantity, c0: int) -> int:
    """Where the words before a number start (`c0`: its clause's start): for a later value of a
    分别 list cut off by 、 (分别增长7.2%、3.5%和【5.6%】), the clause holding 分别, whose verb
    says what the value measures."""
    if q.start not in making.paired:
        return c0
    sentence = making.read.text
    said = sentence.rfind("分别", 0, q.start)
    if said < 0 or said >= c0:
        return c0
    cuts = making.read.cuts
    return max((c + 1 for c in cuts if c < said), default=0)


_YEAR = re.compile(r"([0-9]{4})年")


def list_period(
    making: Making, q: Quantity, period: str | None, done: date | None = None
) -> str | None:
    """The year of the item a value of a list of periods is paired with (2023年和2024年，厦门分别
    新建…: 5200个 is 2023's), or its part of the year (一季度、上半年地区生产总值分别增长…: the
    first value is 2024Q1's, 1—5月 the year's so far), else `period` as the clause gave it. With
    `done` (a result's date), a year told whole to 全年 in a year not over is the year before."""
    paired = making.paired.get(q.start)
    if paired is None:
        return period
    item, items = paired
    whole = any(i.startswith("全年") for i in items)  # (一季度、…、全年全市GDP分别增长…)
    if whole and done and period and period[:4] == str(done.year) and done.month < 12:
        period = str(done.year - 1) + period[4:]
    if not is_period(item):
        periods = lists.periods_of_noun(items, making.read.targets)
        if not periods or period is None or not period[:4].isdigit():
            return period
        return period[:4] + (_part(periods[items.index(item)]) or "")
    year = _YEAR.match(item)
    part = _part(item) if year is None and period and period[:4].isdigit() else None
    if part is not None and period:
        return period[:4] + part  # 一季度、上半年、全年全市GDP分别增长…: 一季度's
    return year.group(1) if year else period


_ANY_YEAR = date(2000, 12, 31)


def _part(item: str) -> str | None:
    """The part of a year a list's item names as the reader writes it (一季度, 1—3月: Q1; 全年:
    ''), None if it names none."""
    said = _period(item, _ANY_YEAR)
    return said[4:] if said and said[:4] == "2000" else None


def _share_of_count(
    making: Making, q: Quantity, item: str, said: int
) -> tuple[_Match | None, str | None] | None:
    """For a share of the plan in a 分别 list after clauses holding counts (…项目3460个、完成投资
    6930亿元，分别完成年度计划的101%和106.6%): the keyword of its clause's count, if that count
    is a target's, else why not; None when the list is of no such clauses."""
    read = making.read
    if q.unit != "%" or not lists.PLAN_SHARE.match(read.text, said + 2):
        return None
    counted = _count_in(read, item)
    if counted is None:
        return None
    if not any((t.id, counted.start) in making.given_at for t in read.targets):
        return None, f"the share of a count that is no target's ({counted.surface})"
    # (…改造2400户农村卫生户厕: the keyword the item names after its count, else the last before)
    end = read.text.find(item) + len(item)
    after = [m for ms in read.by_clause.values() for m in ms if counted.end <= m.start < end]
    before = [m for ms in read.by_clause.values() for m in ms if m.end <= counted.start]
    return min(after, key=_start, default=None) or max(before, key=_start, default=None), None


def _count_in(read: Read, item: str) -> Quantity | None:
    """The last count (no %) a 分别 list's item, a clause before it, holds; None if none."""
    at = read.text.find(item) if item else -1
    inside = [x for x in read.quantities if at <= x.start and x.end <= at + len(item)]
    counts = [x for x in inside if x.unit != "%"] if at >= 0 else []
    return counts[-1] if counts else None


def _listed(noun: str, targets: list[Target], q: Quantity) -> _Match | None:
    """The targets whose keyword the noun paired with `q` in a 分别 list holds."""
    mine = tuple(
        t
        for t in targets
        if any(_item_names(noun, k) for k in t.keywords) and not _count_of(noun, t)
    )
    return _Match(q.start, q.start, mine) if mine else None


def _item_names(noun: str, keyword: str) -> bool:
    """Whether a list's item names the keyword, or the keyword split by an aspect word (光伏发电
    新增装机 for 光伏发电装机)."""
    part = _first_part(keyword)
    if (at := noun.find(part)) >= 0:
        return not _GROUP_AFTER.fullmatch(noun, at + len(part))  # (就业困难人员: people, below)
    return _splittable(keyword) and may_split(noun, keyword) and bool(split_matches(noun, keyword))


# People named by a phrase the keyword opens (就业困难人员, 就业见习人员 for 就业; not 就业人员,
# the keyword's own people): a group of people, not the keyword's thing
_GROUP_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:人员|群体|人群|家庭|对象)")


_COUNT_WORD = re.compile(r"(?:个数|数量|总数)$")


def _count_of(noun: str, target: Target) -> bool:
    """Whether a list's item is the count of the keyword's things (重点项目个数, …数量, …总数)
    while the target measures them in money (项目投资, in 元): another measure, not the target's."""
    count = _COUNT_WORD.search(noun)
    if count is None or not (target.unit or "").endswith("元"):
        return False
    return any(noun[: count.start()].endswith(k) for k in target.keywords)
