"""Lists read in order: 口袋公园、城市绿道和城市书房分别新建81个、48公里和20家 gives each
value to its own noun, so a target takes only the value paired with its keyword."""

from __future__ import annotations

import re

from monitor.figures.firsts import opening
from monitor.figures.keywords import LIST_WORD, _first_part
from monitor.figures.list_periods import bare_periods, is_period
from monitor.figures.nouns import WORK_VERB as _VERB
from monitor.figures.places import mentions
from monitor.models import Quantity, Target

_RESPECTIVELY = "分别"
_BREAK = re.compile(r"[，。；：,;:]")
_ITEM = re.compile(LIST_WORD)
_ITEM = opening(_ITEM)  # searched only where a match can start (firsts.py)


def pairs(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """For each number in a 分别 list (by its start), the noun it is paired with; only lists
    whose nouns and numbers are as many."""
    return {at: item for at, (item, _) in listed(sentence, quantities).items()}


def listed(sentence: str, quantities: list[Quantity]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """For each number in a 分别 list (by its start), the item it is paired with and all the
    list's items; a list of one item (城乡居民收入分别增长4.6%和6.6%) gives each number it."""
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    at = sentence.find(_RESPECTIVELY)
    before: tuple[str, ...] = ()  # the items of the sentence's last list
    while at >= 0:
        begin = max((m.end() for m in _BREAK.finditer(sentence, 0, at)), default=0)
        nouns = _items(sentence[begin:at])
        stop_at = _BREAK.search(sentence, at)
        stop = stop_at.start() if stop_at else len(sentence)
        values = [q for q in quantities if at < q.start < stop]
        share = PLAN_SHARE.match(sentence, at + 2)
        sizes = [q for q in values if share and q.start < share.end()]  # (…（100公里、…）的)
        sizes = sizes if len(values) == 2 * len(sizes) else []
        count = len(values) - len(sizes)
        if (
            len(values) > 1
            and _NO_NOUN.fullmatch(sentence, begin, at)
            and (_RISE.match(sentence, at + 2) or share or _PACE.search(sentence, begin, at))
        ):
            # …新建口袋公园60个，改造街头游园45处，同比分别增长20%和15%: the clauses before;
            # …分别达到5.2万元和2.6万元，分别增长4.3%和6.1%: the list before, again;
            # 零售总额和固定资产投资保持平稳，分别增长…: the list of the clause before
            nouns = (
                (before if len(before) == count or _one_pair(before, values) else ())
                or _clauses_before(sentence, begin, count, quantities)
                or _list_before(sentence, begin, count)
                or nouns
            )
            nouns = () if share and not _names_things(nouns) else nouns
        elif len(values) > 1 and _MEASURE_ONLY.fullmatch(sentence, begin, at):
            # …新建街头游园、口袋公园和城市书房，数量分别为…: the list of the clause before
            nouns = _list_before(sentence, begin) or nouns
        elif len(nouns) == 1 and len(values) > 1:
            # 2023年和2024年，厦门分别新建…: the periods of the clause before, each value its own
            periods = _list_before(sentence, begin, len(values))
            nouns = periods if periods and all(map(is_period, periods)) else nouns
        if len(nouns) == len(values) > 1 and (bare := bare_periods(nouns)):
            nouns = bare  # 2021年、2022年沈阳分别建成…; 杭州2022年、2023年…: the periods
        if len(values) > 1 and len(nouns) != len(values):
            # 新建和改建的高速公路、国省干线、农村公路分别…: the items after the words they share
            nouns = _after_shared(sentence[begin:at], len(values)) or nouns
        if len(nouns) > 1 or _one_pair(nouns, values):
            before = nouns
        if sizes:  # (each item's plan in the brackets, then each one's share: paired alike)
            values = [*sizes, *(q for q in values if q not in sizes)]
            nouns = nouns * 2 if len(nouns) == len(sizes) else nouns
        if len(nouns) > 1 and len(nouns) == len(values):
            for noun, q in zip(nouns, values, strict=True):
                out[q.start] = (noun, nouns)
        elif len(nouns) == 1 and len(values) > 1:
            for q in values:
                out[q.start] = (nouns[0], nouns)
        at = sentence.find(_RESPECTIVELY, at + 2)
    return out


# What may stand before 分别 in a clause naming no noun of its own: the pace of what the list
# before named (增速较去年同期分别回落…), comparisons, times, adverbs
_NO_NOUN = re.compile(
    r"\s*(?:增速|增幅|涨幅|降幅)?(?:二者|两者|三者|同比|环比|(?:比|较|与)(?:上年|去年|上一年)(?:同期)?(?:相比)?|今年|全年|也|均"
    # a basis of comparison (按可比口径, 同口径, 按现价计算): no noun of its own
    r"|按?(?:可比|同)口径|按(?:可比|不变|现行?|当年)价格?计算)*\s*"
)


# (…，增速分别为5.1%、6.8%: the pace named before 分别, the values after it its own)
_PACE = re.compile(r"增速|增幅|涨幅|降幅")
# (after the base it is reckoned from: 分别比上年下降…, 分别较上年增长…, 分别同比增长…)
_RISE = re.compile(
    r"(?:同比|(?:比|较|与)(?:上年|去年|上一年)(?:同期)?(?:相比)?)?"
    r"(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)"
)
# …，分别完成年度计划的107%和120%: each clause's share of its own plan, where every clause names
# a thing of its own (…农村公路1.6万公里、改造危桥600座，…), not only a stage (开工…、完工…);
# the plan by its amount or number (…任务量的, …计划数的)
# (分别占市年度目标（100公里、800公里）的…: the body setting it, each plan's size in brackets)
PLAN_SHARE = re.compile(
    r"(?:完成|占|达到)了?[\u4e00-\u9fff]?(?:年度|全年|年初|[两三四五]年)?(?:目标)?总?(?:计划|目标|任务)"
    r"(?:任务)?[量数]?(?:[（(][^）)，,。；]{1,30}[)）])?的"
)
_STAGE_ONLY = re.compile(r"[0-9.]+[万亿千百]*[\u4e00-\u9fff]?|已|今年|全年|新?开工|完工|竣工|建成")


def _names_things(items: tuple[str, ...]) -> bool:
    """Whether every item names a thing of its own, not only a stage and its count (完工176座)."""
    return all(len(_STAGE_ONLY.sub("", item)) >= 2 for item in items)


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")


# A 分别 clause naming only a measure of things listed before it (数量分别为, 规模分别达到)
_MEASURE_ONLY = re.compile(r"\s*(?:其|的|新增|新建)?(?:数量|规模|总数|面积|长度|里程)(?:也|均)?")


def _after_shared(words: str, count: int) -> tuple[str, ...]:
    """The `count` items of a list whose first item opens with words every item shares (今年
    新建和改建的…、…: a verb or a relative clause ending in 的): the items after those words,
    or none when they are not as many."""
    comma = words.find("、")
    first = comma if comma >= 0 else (m.start() if (m := _ITEM.search(words)) else 0)
    head = words[:first]
    cut = head.rfind("的") + 1
    if not cut:
        verbs = list(_VERB.finditer(head))
        cut = verbs[-1].end() if verbs else 0
    if not cut:
        return ()
    items = _items(words[cut:])
    return items if len(items) == count and all(items) else ()


def _one_pair(nouns: tuple[str, ...], values: list[Quantity]) -> bool:
    """A list of one item naming two things at once (产销分别完成A和B), its two values."""
    return len(nouns) == 1 and len(values) == 2 and FUSED_PAIR.search(nouns[0]) is not None


# Words naming two things at once (产销: output and sales; pairs.py says which side is which)
FUSED_PAIR = re.compile(r"产销|进出口|收支|存贷款|城乡")


def _list_before(sentence: str, begin: int, count: int = 0) -> tuple[str, ...]:
    """The items of the list closing the clause before `begin` (新建游园、口袋公园和书房); with
    `count`, only a list of that many items."""
    cut = max(begin - 1, 0)
    start = max((m.end() for m in _BREAK.finditer(sentence, 0, cut)), default=0)
    # with a count, the clause is the list's subject (零售总额和固定资产投资保持平稳): no verb
    # opens it, and its words are taken whole (服务业增加值 holds 服务 and 增加, no verbs here)
    items = _items(sentence[start:cut] if count else _counted(sentence[start:cut]))
    return items if len(items) > 1 and count in (0, len(items)) else ()


# What may close a list's last item before 分别 and names nothing of it (产销同比分别增长)
_ITEM_TAIL = re.compile(r"(?:同比|环比|今年|全年|也|均|都|两市|两省|三市|几项)+$")


def _items(words: str) -> tuple[str, ...]:
    """The items of a list (城镇、农村居民人均可支配收入), without the words closing the last one
    that name nothing of it (同比)."""
    items = [i for i in _ITEM.split(words) if i]
    if items:
        items[-1] = _ITEM_TAIL.sub("", items[-1]) or items[-1]
    return tuple(items)


def _clauses_before(
    sentence: str, begin: int, count: int, quantities: list[Quantity]
) -> tuple[str, ...]:
    """The `count` clauses before `begin`, each with a number of its own, as a list's items (the
    things a 分别 clause naming no noun gives rates of, in order); none when they are not."""
    cuts = [m.start() for m in _BREAK.finditer(sentence, 0, max(begin - 1, 0))]
    starts = [0, *(c + 1 for c in cuts)]
    ends = [*cuts, max(begin - 1, 0)]
    if len(starts) < count:
        return ()
    nouns: list[str] = []
    for a, b in zip(starts[-count:], ends[-count:], strict=True):
        first = next((q for q in quantities if a <= q.start < b), None)
        if first is None:
            return ()
        noun = _counted(sentence[a : first.start]) or sentence[first.end : b]
        if not _HAN_WORD.search(noun):
            return ()  # 开工470万套（户）: no noun of its own to pair
        nouns.append(noun)
    return tuple(nouns)


def _counted(head: str) -> str:
    """The noun a clause names between its last verb and its number (济南今年新建口袋公园 gives
    口袋公园): the item of the list, not the place or time the clause opens with."""
    verbs = list(_VERB.finditer(head))
    if verbs and _HAN_WORD.search(head, verbs[-1].end()):
        return head[verbs[-1].end() :]
    # (服务业增加值1020亿元: 增加 inside the noun leaves one letter after it: the noun is the head)
    return head


# The whole of a place, before a period in a list's first item (全省一季度、上半年…)
_WHOLE = re.compile(r"全[市省区县国]|本[市省]|我[市省区国]")


def periods_of_noun(items: tuple[str, ...], targets: list[Target]) -> tuple[str, ...]:
    """The periods of a 分别 list of periods whose last item goes on to name the targets' noun
    (一季度、上半年地区生产总值分别增长…; 全省1—5月、1—6月社会消费品零售总额…): each value is
    the noun's in its item's period; () when the list is no such list."""
    regions = tuple(r for t in targets for r in t.region)
    last = items[-1]
    found = [at for t in targets for k in t.keywords if (at := last.find(_first_part(k))) >= 0]
    at = min(found, default=0)
    if len(items) < 2 or at <= 0:
        return ()
    periods = []
    for item in (*items[:-1], last[:at]):
        for m in reversed(mentions(item, regions)):
            item = item[: m.start] + item[m.start + len(m.word) :]
        item = _WHOLE.sub("", item)
        if not is_period(item):
            return ()
        periods.append(item)
    return tuple(periods)


# What may follow the keyword in an item that names the thing itself: the work on it, its task,
# its progress (农村公路建设, 充电桩建设任务, 新建5G基站的完成率)
_ITS_OWN = re.compile(
    r"(?:建设|建成|新建|改造|改建|新改建|提升|开工|完工|竣工)?(?:工作|项目)?(?:年度|全年)?"
    r"(?:任务|计划|目标)?(?:完成率|完成情况|进度|开工率)?"
)


def modifying(item: str, items: tuple[str, ...], targets: list[Target]) -> str | None:
    """The thing an item of a 分别 list names with the targets' keyword only as its modifier
    (实施农村公路【安全生命防护工程】的任务完成率, 改造充电桩【配套电网】的进度), when another item
    names the thing itself (新建农村公路): that item's value is the other thing's; else None."""
    own = [i for i in items if _after_keyword(i, targets) == ""]
    other = _after_keyword(item, targets)
    return other if other and own and item not in own else None


def _after_keyword(item: str, targets: list[Target]) -> str | None:
    """The words after the keyword in a list's item up to its 的, without those naming the
    thing's own work or progress ('' for none); None when the item holds no keyword."""
    for target in targets:
        for keyword in target.keywords:
            at = item.find(keyword)
            if at >= 0:
                tail = item[at + len(keyword) :].split("的", 1)[0]
                return "" if _ITS_OWN.fullmatch(tail) else tail
    return None


def span(sentence: str) -> tuple[int, int] | None:
    """From the first 分别 list's nouns to the end of its numbers, when the sentence has one:
    its numbers must be read although their clauses name no keyword."""
    at = sentence.find(_RESPECTIVELY)
    if at < 0:
        return None
    begin = max((m.end() for m in _BREAK.finditer(sentence, 0, at)), default=0)
    if _NO_NOUN.fullmatch(sentence, begin, at):
        begin = 0  # its items are the clauses before (…，同比分别增长20%和15%)
    stop = len(sentence)
    while at >= 0:  # …分别达到5.2万元和2.6万元，分别增长4.3%和6.1%: to the last list's end
        stop_at = _BREAK.search(sentence, at)
        stop = stop_at.start() if stop_at else len(sentence)
        at = sentence.find(_RESPECTIVELY, stop)
    return begin, stop


def verb_head(sentence: str, at: int, head: str, listed: bool) -> str:
    """The words saying how the number at `at` moved: its clause's (`head`), or for a later
    value of a 分别 list with no verb of its own (分别下降13.3%、20.8%), the list's."""
    own = _ITEM.split(head)[-1]  # the words of its own item (…、增长2.1%: its own verb)
    said = sentence.rfind(_RESPECTIVELY, 0, at) if listed and not _RISE.search(own) else -1
    if said < 0:
        return head
    verb = _VERB_BEFORE_NUMBER.match(sentence, said + 2, at)
    return verb.group() if verb else head


_VERB_BEFORE_NUMBER = re.compile(r"[^0-9，,。；;]*")


# A list of things the target's keyword is one item of, and what may stand between the list and
# the number it shares (…和换电站共2.1万个, 公共和私人充电桩总数达到…): no word that gives each
# item the number (分别, 均, 各)
JOINS = frozenset("和、及与以")  # the letters a list word opens or ends with (以及)
_ITEMS = rf"(?:{LIST_WORD}[\u4e00-\u9fff]{{1,12}}?)+"
_ITEM_BEFORE = re.compile(rf"([\u4e00-\u9fff]{{1,12}}){LIST_WORD}$")
_SHARED = (
    r"(?:等[\u4e00-\u9fff]{0,4}?)?的?(?:总数|数量|总量|总规模|规模)?(?:共计?|合计|总计|累计)?"
    r"(?:已经?|也|将|预计|计划|力争)?(?:建成|达到|达|为|超过|突破|增至|约|近|超)?"
)
_ITEMS_THEN_SHARED = re.compile(f"({_ITEMS}){_SHARED}")
_ONLY_SHARED = re.compile(_SHARED)
_ITEMS_TO_END = re.compile(f"({_ITEMS})(?:等[\u4e00-\u9fff]{{0,4}}?)?(?=[，。；,;！？]|$)")
# Words no item of a list of things holds: a comparison (与去年同期相比), a time, a plan, a
# measure of the whole, a programme of its own (学位扩充工程、城镇新增就业30万人: the jobs')
_NO_ITEM = re.compile(
    r"上年|去年|工程|行动|同期|相比|同比|今年|全年|年度|以来|期间|将|预计|计划|力争|规模|总数|数量|总量|合计"
)


def list_total(sentence: str, start: int, end: int, q: Quantity, words: str) -> str | None:
    """The other items of a list the keyword at `start`-`end` is one item of, when the number
    counts the whole list (助餐点、社区食堂共146个; 充电桩和换电站共2.1万个; 2.1万个充电桩和换电站)
    and the target's words (`words`: title and keywords) do not name them; else None."""
    others: list[str] = []
    if q.start >= end:
        after = _ITEMS_THEN_SHARED.fullmatch(sentence, end, q.start)
        if after:
            others.extend(_items(after.group(1)))
        before = _ITEM_BEFORE.search(sentence, max(0, start - 14), start)
        if before and _ONLY_SHARED.fullmatch(sentence, end, q.start):
            at = before.start()
            if at == 0 or not sentence[at - 1].isdigit():  # 学校3所、社区食堂12个: its own
                others.append(_counted(before.group(1)))
    elif q.end == start:  # 2.1万个充电桩和换电站: the number before the whole list
        after = _ITEMS_TO_END.match(sentence, end)
        if after:
            others.extend(_items(after.group(1)))
    others = [i for i in others if len(i) >= 2 and not _VERB.search(i) and not _NO_ITEM.search(i)]
    named = [i for i in others if i not in words]
    return "、".join(named) if named and len(named) == len(others) else None


def completed(item: str, items: tuple[str, ...], targets: list[Target]) -> str:
    """An earlier item of a list whose last item ends with words the items share (城镇、农村居民
    人均可支配收入: 城镇 is 城镇居民人均可支配收入), when the item ends with a target's keyword's
    first words and the last item with the rest of it (the longest such rest, whichever target's
    keyword it completes: 城镇和农村常住居民… share 常住居民…); else the item as it is."""
    last = items[-1]
    if item == last or len(items) < 2:
        return item
    shared = ""  # the longest words the last item ends with that complete a keyword
    for target in targets:
        for keyword in target.keywords:
            for cut in range(len(keyword) - 2, 1, -1):  # the item ends with its first words
                if item.endswith(keyword[:cut]) and last.endswith(keyword[cut:]):
                    shared = max(shared, keyword[cut:], key=len)  # (合肥)城镇居民 + 人均可支配收入
    return item + shared


def place_of(item: str, regions: tuple[str, ...]) -> str | None:
    """The place a list item opens with (杭州, 温州今年), if it opens with one."""
    found = mentions(item, regions)
    return item if found and found[0].start == 0 else None


def modified(item: str, targets: list[Target]) -> bool:
    """Whether a target's keyword in the item has words before it (农村的托位): the last item of
    a list of that noun's parts, the earlier items its other parts (城市和农村的托位)."""
    for target in targets:
        for keyword in target.keywords:
            at = item.find(_first_part(keyword))
            if at > 0 and not _DONE_ONLY.fullmatch(item, 0, at):
                return True  # (实现旅游总收入: a verb of the result, no kind of it)
    return False


_DONE_ONLY = re.compile(r"(?:实现|完成|接待)")


# Words before a keyword naming no kind of it: places, times, verbs of work (合肥全市, 今年新增)
_NO_KIND = re.compile(r"全[市省区县国]|本[市省]|今年|去年|全年|已|共|累计|新增|新建|的|和|及|与")


def kinds(items: tuple[str, ...], targets: list[Target]) -> bool:
    """Whether every item of a 分别 list names the targets' keyword after words of its own kind
    (公共充电桩和私人充电桩分别…): kinds of the thing, each a part, none its total."""
    found = []
    for item in items:
        before = next(
            (
                item[: item.find(_first_part(k))]
                for t in targets
                for k in t.keywords
                if item.find(_first_part(k)) >= 0
            ),
            None,
        )
        if before is None:
            return False
        for m in reversed(mentions(before, ())):
            before = before[: m.start] + before[m.start + len(m.word) :]
        found.append(_NO_KIND.sub("", before))
    return len(items) > 1 and all(found) and len(set(found)) == len(found)
