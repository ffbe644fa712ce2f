"""The scope of a figure for a target whose pledge is a level (余额达到, 总数达到, 产业规模突破):
its amounts are that level unless their words say they are additions."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.firsts import opening
from monitor.figures.measures import _ADDITION, _EVENTS, _FLOW, _IN_YEAR, _SPAN, scope_of
from monitor.figures.stock_flow import total_after_additions
from monitor.figures.units import same_family
from monitor.models import FigureScope, Quantity, Target
from monitor.units import normalise

# What makes a count of a level target the additions, not the level: with _ADDITION and _SPAN,
# a word of things new (新认定; not 高新, 专精特新), or the year's entries in a register
# (今年…412家企业通过…认定, 今年入库…)
_NEW_WORD = re.compile(r"(?<![高创更革翻刷最全重特])新(?!能源|型|兴|区|城|疆|华)")
_POINTER = re.compile(r"(?:这一|这个|这项|该|此)(?:比例|比重|比率|指标|数字|数据|数值|数)")
_REGISTERED = re.compile(r"认定|评定|认证|入库|登记|注册|备案|落户")
# Built so far, with no year named (已建成, 已累计建成): all there are of them, the level
_BUILT = re.compile(r"已经?(?:累计)?建成(?!率)")
# Units only a capacity is measured in (computing power, storage): a level unless a word of
# addition is said before it (新增算力12EFLOPS)
_CAPACITY = frozenset({"EFLOPS", "PFLOPS", "EB", "PB"})
_ADDED = re.compile(r"新增|新建|新上|净增|增加|提升了?|扩容")


def scope_for(
    sentence: str,
    c0: int,
    c1: int,
    q: Quantity,
    target: Target,
    published: date | None,
    period: str | None = None,
) -> FigureScope:
    """scope_of, for a target whose pledge is a level (余额达到, 总数达到, 产业规模突破) too (and a
    capacity, 算力规模超过300EFLOPS, is a level unless said to be added): an
    amount of it whose clause names no work, addition or span before it (2023年深圳人工智能产业
    规模3280亿元; 全市专精特新中小企业2760家) is that level; and for a pledge of one year's
    additions, a running total within it that the pledge still exceeds (year_progress)."""
    scope = scope_of(sentence, c0, c1, q)
    if scope == "cumulative" and window_total(sentence, c0, c1, q.start, period, published):
        return "new"  # 2021年以来，…推进。全省累计新增托位9.7万个: over the window said before
    if scope == "new" and standing(sentence, c0, q):
        return "cumulative"  # 参保人数力争稳定在5600万人以上, 目前签约居民68.5万人: a level
    if scope == "cumulative" and year_progress(sentence, c0, c1, q, target, published):
        return "new"
    if scope == "new" and past_the_years_plan(sentence, c0, q, target, published):
        return "cumulative"  # 截至8月末，已建成铁塔2.6万座 beside a year's plan of 8000: the stock
    if scope == "new" and q.unit in _CAPACITY and not _ADDED.search(sentence, c0, q.start):
        return "cumulative"  # 到2025年，算力规模超过300EFLOPS: a capacity, not what a year adds
    if scope == "new" and pledge_restated(q, target, period):
        return "cumulative"  # 到2022年建设5G基站3.2万个, the level pledged: the pledge said again
    if scope != "new" or not _level_target(target):
        return scope
    head, clause = sentence[c0 : q.start], sentence[c0:c1]
    # (实现 before a level is reaching it: 力争实现全市…企业超过3200家的目标); the words since the
    # last comma when they name a stock of their own (…，五年增长2600公里，其中城市轨道交通运营里程
    # 209公里: that rise is another number's; not …新建…，其中滨水绿道80公里, a part of it)
    own = head[max(map(head.rfind, "，,；;")) + 1 :]
    own = own if _OWN_STOCK.search(own) else head
    worked = _ADDITION.search(own.replace("实现", ""))
    if worked and _BUILT.search(head) and not _IN_YEAR.search(sentence, 0, q.start):
        worked = None  # 截至10月底，全市已建成公共充电桩2.41万台: built so far, the level
    if worked and worked.group() == "建成" and _BY_A_YEAR.search(sentence, 0, q.start):
        worked = None  # 到2027年累计建成3200万亩: the level to have by then, no new ones named
    if worked or _NEW_WORD.search(own) or _SPAN.search(sentence, 0, q.start):
        return scope
    if "累计" in own and own is head and _IN_YEAR.search(sentence, 0, q.start):
        return scope  # 今年1月至10月，累计推广应用新能源汽车8.2万辆: the year's so far
    if "增" in head and _INCREMENT.search(head):
        return scope  # 今年1—10月，充电基础设施增量为275.7万台: the increment, not the level
    if _POINTER.search(head) and (
        _ADDITION.search(sentence, 0, c0) or _NEW_WORD.search(sentence, 0, c0)
    ):
        return scope  # …新增备案博物馆…，去年这个数是11家: the additions, pointed back to
    if target.pledge is None and not _ADDITION.search(head) and _NEW_WORD.search(sentence, 0, c0):
        # a target with no pledge, its stock named only by its title: a list going on with a
        # verb of new things before, none of its own (将新增集中式充换电站超过1.2万座，分散式充电桩
        # 超过480万个)
        return scope
    if _IN_YEAR.search(clause) and (
        _REGISTERED.search(clause) or _ADDITION.search(sentence, q.end, c1)
    ):
        return scope  # 今年已有2.3万个充电桩建成投用: the year's work, its verb after the count
    return "cumulative"


def _level_target(target: Target) -> bool:
    """Whether the target follows a level: its pledge is one (总数达到…), or it has no pledge and
    its title names the things' stock, with no work and no addition (湖北应急避难场所数量)."""
    if target.pledge is not None:
        return target.pledge.scope == "cumulative"
    title = target.title
    return bool(_STOCK_TITLE.search(title)) and not (
        _ADDITION.search(title) or _NEW_WORD.search(title)
    )


# A stock named by its own word in a clause (总数, 保有量, 通车里程, 总长度)
_OWN_STOCK = re.compile(r"总数|总量|保有量|存量|实有|总规模|(?:营业|通车|运营|营运|总)里程|总长度")
# The amount the things grew by (增量, 增加量): what was added, not the level
_INCREMENT = re.compile(r"增量|增加量")
# A title naming the stock of its things (…应急避难场所数量, …充电桩总量, …保有量), or the length
# its network has (…铁路营业里程, …高速公路通车里程, …地铁运营里程)
_STOCK_TITLE = re.compile(r"(?:数量|总数|总量|保有量|存量|个数|(?:营业|通车|运营|营运|总)里程)\s*$")
_STOCK_TITLE = opening(_STOCK_TITLE)  # searched only where a match can start (firsts.py)


_SPAN_TO = re.compile(r"([0-9]{4})-([0-9]{4})")
_STOCK_WORD = re.compile(r"总数|总量|保有量|存量|实有|现有|共有|总规模|总里程|余额")


def window_total(
    sentence: str, c0: int, c1: int, start: int, period: str | None, published: date | None
) -> bool:
    """Whether a 累计 total whose sentence names no time of its own is dated by a window a
    sentence before opened (2021年以来，…持续推进。全省累计新增普惠托位9.7万个): what the window
    added, new over it; not a stock named by its noun (总数, 保有量), nor a total said after the
    additions of a period (stock_flow)."""
    span = _SPAN_TO.fullmatch(period or "")
    if span is None or published is None or int(span.group(2)) != published.year:
        return False
    head = sentence[c0:start]
    if "累计" not in head or _STOCK_WORD.search(sentence, c0, c1):
        return False
    if _IN_YEAR.search(sentence, 0, c1) or _SPAN.search(sentence, 0, c1):
        return False
    return not total_after_additions(sentence, c0, head, _IN_YEAR)


# A count held at a level (稳定在, 保持在, 维持在): the level, planned or reached
_HELD_AT = re.compile(r"(?:稳定|保持|维持)在(?:约|近)?$")
# A count said of the present (目前, 现阶段), not of the work so far (截至目前, 到目前)
_AT_PRESENT = re.compile(r"(?<!截至)(?<!截止)(?<!到)目前|现阶段")
_AT_PRESENT = opening(_AT_PRESENT)  # searched only where a match can start (firsts.py)
_PASSED = ("突破", "跨越")
# words of work or additions before such a count (目前已完成改造300个, 目前新增…): its work
_WORK = re.compile(
    r"新(?:增|建|开|改)|净增|增加|增长|提高|完成|建成|开工|完工|竣工|改造|实施|筹集|发放|累计"
)


def standing(sentence: str, c0: int, q: Quantity) -> bool:
    """Whether the count at `q` is where a stock stands, whatever period the sentence names: held
    at a level (参保人数力争稳定在5600万人以上, 保持在38万名左右), or counted at present or said to
    pass a mark with no word of work, addition or period before it (昆山目前…，签约居民68.5万人;
    签约居民突破65万人); not a flow (粮食产量稳定在…), visits or incidents, nor a count planned."""
    head = sentence[c0 : q.start]
    if q.unit in _EVENTS or _FLOW.search(head):
        return False
    if _HELD_AT.search(head):
        return not _WORK.search(head)  # (城镇新增就业稳定在1200万人以上: a flow held, still new)
    # (a mark passed: 签约居民突破65万人; not money, most often a flow: 出口突破1000亿元)
    passed = q.unit != "元" and sentence.startswith(_PASSED, q.start - 2 * head.endswith(_PASSED))
    return (
        (passed or _AT_PRESENT.search(sentence, 0, q.start) is not None)
        and not _WORK.search(head)
        and not _IN_YEAR.search(sentence, 0, q.start)
        and not _SPAN.search(sentence, 0, q.start)
        and not _PLANNED.search(sentence, 0, q.start)  # 目前，…正计划用三年时间将总长…: a plan
    )


_PLANNED = re.compile(r"计划|将|拟|力争|准备|打算")


def other_amount(head: str, target: Target) -> str | None:
    """Why an amount is another measure of the target's thing: a balance outstanding (专项债务
    余额, 贷款余额) for a target of what is added (发行新增专项债券: the bonds issued, not the
    debt standing), or a project's total investment (总投资, 计划总投资) for a target of the
    investment done (完成投资)."""
    balance, total = "余额" in head, "总投资" in head
    if not balance and not total:
        return None  # most numbers: neither word before them
    words = target.title + "".join(target.keywords)
    adds = target.pledge is not None and target.pledge.scope == "new"
    if adds and balance and "余额" not in words:
        return "a balance outstanding (余额), not what the target adds"
    if "完成投资" in words and total:
        return "a project's total investment (总投资), not the investment done"
    return None


# A level named by its own word (总数, 保有量), a part of the year named after the total (…，其中
# 今年新建24个), a span or a plan of several years: a running total then is a stock
_STOCK_NAMED = re.compile(r"总数|总量|保有量|存量|实有|总规模|总里程")
_YEAR_PART_AFTER = re.compile(r"其中(?:今年|当年|本年|(?:19|20)[0-9]{2}\s*年)|今年(?:以来)?新")
_SEVERAL_YEARS = re.compile(r"五”|五期间|期间|[0-9]{4}\s*年?\s*[—\-－~～至到]")


def year_progress(
    sentence: str, c0: int, c1: int, q: Quantity, target: Target, published: date | None
) -> bool:
    """Whether a running total (已建成96个, 截至9月底累计装好3.1万台) is the year's progress to a
    pledge of one year's additions: said in the pledge's year, of the target's unit, and no more
    than the pledge (a total past it, 累计建成168个 beside a pledge of 30, is the stock)."""
    pledge = target.pledge
    if pledge is None or pledge.scope != "new" or pledge.by is None or published is None:
        return False
    several = _SEVERAL_YEARS.search(target.title)
    if published.year > pledge.by.year or (published.year != pledge.by.year and not several):
        return False
    have, want = normalise(q.unit), normalise(target.unit)
    if q.unit is None or (have != want and not same_family(have, want)):
        return False  # (已救助1.05万名 for a target in 人: a measure word of its family)
    if _STOCK_NAMED.search(sentence, c0, c1) or _YEAR_PART_AFTER.search(sentence, c1):
        return False
    return q.value <= pledge.value


# A year work is to be done by (到2030年, 到2025年底)
_BY_A_YEAR = re.compile(r"到\s*(?:19|20)[0-9]{2}\s*年")
# …or now, opening the sentence (目前，全市建成开通…; 截至目前，建成…)
_NOW_OPENS = re.compile(r"(?:截至|截止|到)?目前|现在|当前")
_BUILT_NOW = re.compile(r"(?<!新)(?:建成|建设|开通)")
# Built so far, no word of addition between (已建成, 已建设开通, 已经累计建成; not 已新建…)
_SO_FAR_BUILT = re.compile(r"已经?(?:累计)?(?:建成|建设|开通|建设开通)")


def past_the_years_plan(
    sentence: str, c0: int, q: Quantity, target: Target, published: date | None
) -> bool:
    """Whether a count said to be built so far (已建成) in the year of a pledge of one year's
    additions is more than twice that pledge, naming no addition nor the year before it: all there
    are of the things, the stock (截至8月末，已建成铁塔2.6万座 for a year's plan of 8000), as an
    analyst reads a total no year's work comes near."""
    pledge = target.pledge
    if pledge is None or pledge.scope != "new" or pledge.by is None or published is None:
        return False
    head = sentence[c0 : q.start]
    so_far = _SO_FAR_BUILT.search(head) or (  # (目前，全市建成开通5G基站超1.1万个: so far too)
        _NOW_OPENS.match(sentence) and _BUILT_NOW.search(head)
    )
    if published.year != pledge.by.year or not so_far:
        return False
    if _NEW_WORD.search(head) or _IN_YEAR.search(sentence, 0, q.start):
        return False
    if _SPAN.search(sentence, 0, q.start):
        return False  # 近两年来共已建设筹集…: what a span of years added, new over it
    have, want = normalise(q.unit), normalise(target.unit)
    if q.unit is None or (have != want and not same_family(have, want)):
        return False
    return q.value > 2 * pledge.value


def pledge_restated(q: Quantity, target: Target, period: str | None) -> bool:
    """Whether `q` is the target's pledge of a level said again: its amount, in the target's unit,
    of the pledge's year (到2022年…建设5G基站3.2万个 for a pledge of 3.2万 by 2022: the level to
    reach, though its verb is one of work)."""
    pledge = target.pledge
    if pledge is None or pledge.scope != "cumulative" or pledge.by is None or period is None:
        return False
    if q.value != pledge.value or period[-4:] != str(pledge.by.year):
        return False
    have, want = normalise(q.unit), normalise(target.unit)
    return q.unit is not None and (have == want or same_family(have, want))
