"""What a number measures for a target beyond its count: a growth rate (同比增长, or a bare change
after the target's own amount), a per-cent target's change in points, a share of the pledge or of
its own things, and the checks that refuse a rate of something else or a plan restated."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from monitor.figures import events, markets, units
from monitor.figures.amounts import amount_before, own_amount_before
from monitor.figures.bases import without_compared
from monitor.figures.binding import Making, Number, listed_stage
from monitor.figures.checks import _out_of_frame
from monitor.figures.counting import _fit_unit, _is_han
from monitor.figures.cues import BATCH_OPENS
from monitor.figures.leftovers import measured_otherwise
from monitor.figures.levels import other_amount
from monitor.figures.measures import compared, compared_before, is_fall, without_modals
from monitor.figures.nouns import measure_before, other_measure, own_measure_changed
from monitor.figures.other_counts import COUNT_RATE, counts_another, of_another_count
from monitor.figures.periods import _period
from monitor.figures.plan_words import SCHEDULE_QUOTA
from monitor.figures.rate_words import EARLIER_VALUES, percent_measure, widened_head
from monitor.figures.references import level_changed, on_year_change, since_start
from monitor.figures.rests import (
    _in_unit,
    _plan_given,
    _rest_before_whole,
    _rest_of_plan,
    unit_after,
)
from monitor.figures.shares import (
    PLAN_NAMED,
    PROJECTS_RATE,
    counted_otherwise,
    facilities_counted,
    other_share,
    share_again,
    share_before_plan_done,
    share_done,
    share_goes_on,
    share_in_brackets,
    share_of_several,
)
from monitor.figures.stages import stage_said
from monitor.figures.windows import (
    _over_years,
    holiday_of,
    other_base,
    part_year_plan,
    period_before,
    points_since_base,
    yearly_average,
)
from monitor.models import FigureKind, FigureScope, Quantity, Target


def rate_of(making: Making, n: Number, target: Target) -> str | None:
    """What a rate in the number's clause measures when that is not the thing counted."""
    sentence = making.read.text
    tracked = _rate_target(making.read.targets, target, sentence)
    if tracked:
        return tracked
    if events.paired_own(making.paired.get(n.q.start), target):
        return None  # …起数和死亡人数同比分别下降13.6%、【10.2%】: the deaths' own change
    if _own_rate_goes_on(making, n, target):
        return None  # …快递业务量增速较一季度加快3.2个百分点，达到21.4%: its own growth rate
    if not n.c0 <= n.match.end <= n.q.start:
        # …充电量达1.9亿千瓦时，同比增长37%: the rate of what the clause before measured
        # (not a size class naming the things: 集体经济收入10万元以上的村占比…)
        amounts = [q for q in making.read.quantities if not sentence.startswith("的", q.end)]
        named = measure_before(sentence, n.match.end, amounts, target.unit)
        if named and not own_amount_before(making, n, target):
            return named
    if n.match.end < n.c0 and target.id in making.given and own_measure_changed(n.head, target):
        return None  # …，执行到位金额5.6亿元，案件数同比上升9.2%: the count of the cases
    if n.match.end < n.c0:
        # …，带动投资9.6亿元，增长20%: a change of the amount just before it, not the target's
        before = amount_before(making.read.text, making.read.quantities, n.q.start)
        if before is not None and (
            counts_another(making, target, before)  # …合同金额5620亿元，同比增长11.6%
            or not _in_unit(before, target.unit)
            or markets.refused(making.read.text, 0, n.match.end, before.start, target)
        ):
            return before.surface
        if (
            not compared(n.head)
            and (before is None or target.id not in making.given)
            and (before is None or not on_year_change(making.read.text, before.start))
        ):
            # …，增长4.2%: only the change of an amount this sentence gave the target (or its
            # change in count: 死亡人数同比减少86人、下降9.3%)
            return "a change with no amount of the target before it"
    start = n.match.end if n.c0 <= n.match.end <= n.q.start else n.c0
    for q in making.read.quantities:  # …总数达1281.8万台 同比增长49.1%: after the last one
        if start <= q.start and q.end <= n.q.start:
            start = q.end
    between = _PERIOD_WORDS.sub("", without_modals(sentence[start : n.q.start]))
    between = _BASIS.sub("同比", between)  # 同口径增长3.6%, 按年升0.4%: like 同比
    itself = start == n.match.end and _itself(between, target.unit)
    named = other_measure(_ITSELF.sub("", between, count=1) if itself else between, target.unit)
    if named and events.measure_said(named) == events.event_measure(target) is not None:
        return None  # 生产安全事故死亡人数下降12.4% for a target of those deaths: its own rate
    if named in _INCREMENT and target.pledge is not None and target.pledge.scope == "new":
        return None  # 增量同比提高12%: for a target of additions, the growth of its own count
    return named


# Words of a period between a keyword and its rate (…进出口额上半年同比增长14.6%), or of a cause
# (…，受春节错月影响同比下降4.3%): no measure
_PERIOD_WORDS = re.compile(
    r"(?:受|由于|因)[^，,。；;0-9]{1,14}?(?:影响|因素)[，,]?"
    r"|上半年|下半年|前三季度|[一二三四]季度|今年|去年|全年|前[0-9一二三四五六七八九十两]{1,2}个?月"
    r"|[0-9一二三四五六七八九十]{1,2}\s*[—\-–－~～至到]\s*[0-9一二三四五六七八九十]{1,2}\s*月份?"
)
# The basis of a comparison (同口径, 按可比口径, 按年; 名义, 实际): a year-on-year change like 同比
_BASIS = re.compile(
    r"(?:按可比|同|可比)口径|按年|按(?:可比|不变|现行?|当年)价格?计算|扣除价格因素后?|名义|实际"
)
# The amount added (增量): what a target of additions counts, another measure of a stock's
_INCREMENT = frozenset({"增量", "新增量"})


# What a keyword may be followed by that is still the thing itself: its value (进出口总值) or its
# count in its own unit (接待游客人次)
_ITSELF = re.compile(r"^(?:总值|总额|人次|人数|户数|次数)")
# …and the units such a count is in: 助餐服务人次 is no count of the people served (人)
_COUNT_UNITS = {"人次": ("人次",), "人数": ("人", "名", "人次"), "户数": ("户",), "次数": ("次",)}


def _itself(between: str, unit: str | None) -> bool:
    """Whether the words after the keyword (`between`) open with the thing itself: its value,
    or its count in the target's own unit."""
    found = _ITSELF.match(between)
    if found is None:
        return False
    units_of = _COUNT_UNITS.get(found.group())
    return units_of is None or unit is None or unit.endswith(units_of)


def in_unit(making: Making, n: Number, target: Target) -> Quantity | None:
    """The number in the target's unit (万套 is 套; a bare number its unit, or 人 when people
    follow it), or a per-cent target's change in points; None when it is neither."""
    q = n.q
    if q.unit is None and (unit := unit_after(making.read.text, q.end)):
        return _fit_unit(replace(q, unit=unit), target, "")  # 126万农村人口; 36亿的投资
    if units.place_counted(making.read.text, q, target.unit, target.keywords, target.title):
        return q  # 口袋公园1070座 for a target in 个
    bare = not _is_han(n.after[:1])
    if units.counted_again(making.read.text, q, bare, target.unit, target.keywords):
        return replace(q, unit=units.normalise(target.unit))  # …服务站64个，已完成54家
    return _fit_unit(q, target, n.after) or in_points(making, n, target)


def in_points(making: Making, n: Number, target: Target) -> Quantity | None:
    """A per-cent target's change in percentage points (…比例达66.3%，同比提高4.2个百分点): its
    rate, the value in points, unless the words before name another measure."""
    if n.q.unit != "百分点" or target.unit != "%":
        return None
    if level_changed(making.read.text, n.q.start):  # 比重达到53.4%、提高1.6个百分点
        return n.q  # the level's change over the year, said right after the level
    if since_start(making.read.text, n.c0, n.q.start):
        return n.q  # “十四五”以来…提高了18个百分点: over the span, from its start
    if not compared(n.head) and not compared_before(making.read.text, n.head):
        return None  # (与2022年相比，…下降0.7个百分点: the base opens the sentence)
    if share_goes_on(making.read.text, n.c0, target):
        return n.q  # …，占一般公共预算收入的比重为68.4%，比上年同期提高1.1个百分点
    other = rate_of(making, n, target)
    if other in _RATE_NOUNS and _GROWTH_TITLE.search(target.title):
        return n.q  # …增长3.9%，增速较上半年提高0.3个百分点 for a target of growth: its own
    return None if other else n.q


_GROWTH_TITLE = re.compile(r"增长|增速|增幅|涨幅")  # a target of a growth rate (…总产值增长)


def percent_of(making: Making, n: Number, target: Target) -> FigureScope | None:
    """What a % number of a count target measures: progress toward the pledge, its growth, or
    the share of its own things doing what it counts; None for a share of something else."""
    head = widened_head(making.read.text, n.c0, n.q.start, n.head)
    if n.q.start in making.paired:  # 同比分别增长9.4%和【12.1%】: the words before the list
        head = EARLIER_VALUES.sub("", head)
    if counted_otherwise(head, target.unit):
        return None  # …，按户数计开工率为97.2% for compounds counted by 个: another measure's share
    if share_of_several(making.read.text, head, n.c0):
        return None  # …、新增托位900个，整体完成率104.2%: the whole item's, of no one work
    money = (target.unit or "").endswith("元")
    if money and COUNT_RATE.search(head):
        return None  # …已开工138个，开工率86% for a target of money: a share of the projects
    if PROJECTS_RATE.match(head) and facilities_counted(making.read.text, n.q.start, target):
        return None  # …中小学12所，新增学位1.6万个，项目开工率95%: the schools' share
    if not money and _MONEY_SHARE.search(head):
        # …，完成投资2.7亿元，占年度投资计划的84%; 资金到位率90%; 投资完成率72.5%: a share of the
        # money, not of the things a count target counts
        return None
    measure = (
        percent_measure(head)
        or share_in_brackets(making.read.text, n.head, n.c0)
        or share_done(making.read.text, n.head, n.q.start, n.q.end)
        or ("share_of_pledge" if share_before_plan_done(making.read.text, n.q.end) else None)
        or share_of_noun(making, n, target)
        or ("rate" if _own_rate_goes_on(making, n, target) else None)
        or _done_bare(making.read.text, n)
        or ("share_of_pledge" if share_again(making.read.text, n.c0) else None)
    )
    if measure == "share_of_pledge" and of_another_count(making, n, target):
        return None  # …，完成护栏建设640公里，完成率98%: the share of the 640公里's plan
    return measure


# A share done said bare (…，已完成3900批次，完成近五成; …已完成480公里，占80%) after the plan
# the sentence names (年度计划, 计划600公里, 确保今年完成…)
_DONE_BARE = re.compile(r"(?:已经?|共|累计)?完成了?|占")


def _done_bare(sentence: str, n: Number) -> FigureScope | None:
    if not _DONE_BARE.fullmatch(n.head) or not PLAN_NAMED.search(sentence, 0, n.c0):
        return None
    return "share_of_pledge"


def _window(making: Making, n: Number, published: date | None) -> str | None:
    """The period a yearly average's own words name, from the last comma before it (…，十年增加
    70万亿元、年均增长6.2%: 2013-2022), else its sentence's (五年来，…年均增长4.6%: 2020-2024)."""
    if "均" not in n.head:
        return None
    text = making.read.text
    part = text[max(text.rfind("，", 0, n.q.start), text.rfind(",", 0, n.q.start)) + 1 : n.q.start]
    return _period(part, published, relative=False) or _period(text, published)


# The money a share is of (年度投资计划的84%, 资金到位率, 预算执行率): never a count's
_MONEY_SHARE = re.compile(r"投资|资金|预算|经费|资本金")


# a clause that only gives a level (…，达到21.4%; …，回落至3.1%)
_LEVEL_ONLY = re.compile(r"(?:已经?)?(?:达到|达|为|升至|回升至|回落至|提高到|提高至|加快至)$")
_RATE_NOUNS = ("增速", "增幅", "增长率", "涨幅")


def _own_rate_goes_on(making: Making, n: Number, target: Target) -> bool:
    """Whether the number's clause only gives the level of a growth rate the clause before named
    for the target (快递业务量增速较一季度加快3.2个百分点，达到【21.4%】)."""
    if not n.c0 or not _LEVEL_ONLY.fullmatch(n.head):
        return False
    sentence = making.read.text
    before = sentence[max(sentence.rfind(c, 0, n.c0 - 1) for c in "，,；;。") + 1 : n.c0]
    return any(k + r in before for k in target.keywords for r in _RATE_NOUNS)


def share_of_noun(making: Making, n: Number, target: Target) -> FigureScope | None:
    """A per-cent of the target's own things doing what it counts (95%左右的贫困人口将脱贫 for
    贫困人口脱贫): their rate; of things doing something else (92%的社区食堂实现盈亏平衡) not."""
    sentence = making.read.text
    if not sentence.startswith("的", n.q.end):
        return None
    named = next((k for k in target.keywords if sentence.startswith(k, n.q.end + 1)), None)
    if named is None:
        return None
    doing = sentence[n.q.end + 1 + len(named) : n.c1]
    rest = target.title.replace(named, "")  # (全国农村贫困人口脱贫: what they are counted doing)
    pairs = {rest[i : i + 2] for i in range(len(rest) - 1)}
    return "rate" if any(p in doing for p in pairs if _HAN_PAIR.fullmatch(p)) else None


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def out_of_frame(
    making: Making,
    n: Number,
    target: Target,
    when: tuple[str | None, FigureScope, FigureKind],
    published: date | None = None,
) -> str | None:
    """Why a figure read in its frame is not given: another period (checks._out_of_frame), a
    change over other years or against an average, a share of a part-year plan, a restated
    plan's growth… (each check below says which). `when`: the figure's period, scope, kind."""
    period, scope, kind = when
    if target.unit == "%" and n.q.unit in _RATE_UNITS:
        points = n.q.unit == "百分点"
        if other := other_share(making.read.text, n.c0, n.q.start, target, points):
            return other  # 占全省的比重为45.3%; …增加值4130亿元，同比增长10.2% for its share
    if scope == "rate" and (before := period_before(making.read.text, n, target)):
        return f"a change over the period just before ({before}), beside the year-on-year one"
    if scope == "rate" and (base := other_base(making.read.text, n, published, target)):
        return base  # 较三年均值下降4.4%; 比2015年下降31.5%
    if (
        scope == "rate"
        and not points_since_base(n.head, n.q, target)  # 较2020年提高了9.3个百分点: its years
        and not (n.q.unit == "百分点" and since_start(making.read.text, n.c0, n.q.start))
        and (years := _over_years(n.head, period, target, _window(making, n, published)))
    ):
        return f"a rate over several years ({years}), not one period's"
    if scope != "rate" and (average := yearly_average(n.head, target)):
        return f"an average a year over several years ({average}…), not a period's count"
    if scope != "rate" and (other := other_amount(n.head, target)):
        return other  # 专项债务余额 for the bonds issued; 总投资 for the investment done
    if scope == "share_of_pledge" and (part := part_year_plan(n.head)):  # 完成1-4月投资计划的…
        return part
    if scope != "rate" and _due_by_schedule(making.read.text, n.c0, n.q.start):
        return "a quota of the time gone by (按序时进度应完成…), neither the plan nor a result"
    if holiday := holiday_of(making.read.text, n.q.start, target):
        return f"a holiday's figure ({holiday}…): a few days, not the period's"
    other = _out_of_frame(target, period, scope, kind)
    if not other and _rest_of_plan(making, n, target):
        # 今年确定新建20家，已有6家建成，其余14家计划10月底前完工: a part of the plan given
        return "the rest of a plan the sentence gave (其余…): a part of it, not a plan of its own"
    if not other and (otherwise := measured_otherwise(making, n, target)):
        return otherwise  # …之比为1.42%; 待治理…; 剩余0.3亿元将于12月投放
    if (
        not other
        and kind == "pledge"
        and BATCH_OPENS.match(making.read.text, n.c0)
        and _plan_given(making, n, target)
    ):
        # 全年计划投放2亿元，首批6000万元将于4月初发放: a tranche of the plan given
        return "a batch of a plan the sentence gave (首批…): a part of it, not a plan of its own"
    if not other and kind == "pledge" and _rest_before_whole(making, n, target):
        # 年底前还要新增3000个，全年新增总量将达到1.2万个: a part of the year's plan given after
        return "the rest of the year's work (还将…) before the whole the sentence gives after it"
    return other or (_restated_growth(making, n, target, kind) if scope == "rate" else None)


_FORECAST = re.compile(r"预计|有望|可望")  # an estimate, not a plan set


def _restated_growth(making: Making, n: Number, target: Target, kind: FigureKind) -> str | None:
    """Why a planned growth is not read: it follows the plan's own amount with no comparison of
    its own (今年财政支出超过23万亿元，增长6.5%), so it restates the pledge the amount gives. A
    forecast (预计全年…达到120亿件，增长18%左右; 有望突破…，同比增速将保持在…) gives two
    estimates, both read."""
    # (…，比去年实际建成的58个增长两成: the growth over a figure given is implied by the two)
    head = without_compared(n.head) if "的" in n.head else n.head
    if kind != "pledge" or n.q.unit not in _RATE_UNITS or compared(head):
        return None
    if _FORECAST.search(making.read.text, 0, n.q.start) or _OWN_AIM.search(n.head):
        return None  # (…，增速不低于15%: a pledge of its own, its rate named or bounded)
    if n.c0 <= n.match.end <= n.q.start:
        return None  # 进出口增长3%左右: the plan's growth, named with its subject
    before = amount_before(making.read.text, making.read.quantities, n.q.start)
    if before is None or not _in_unit(before, target.unit) or target.id not in making.pledged:
        return None  # 去年…1.31万亿元，今年力争增长8%以上: a result's amount, the growth the plan
    return f"the growth a planned amount ({before.surface}) implies; the amount is the pledge"


# A growth named by its rate noun or bounded by its own aim (增速将保持在, 不低于15%)
_OWN_AIM = re.compile(r"增速|增幅|增长率|不低于|不少于|保持在")


def _rate_target(targets: list[Target], target: Target, sentence: str) -> str | None:
    """A target in per cent on the same keyword (国内生产总值 in 元 and in %): a rate in the
    sentence is that target's figure, not this one's growth."""
    if target.unit in _RATE_UNITS:
        return None
    for other in targets:
        if other.unit in _RATE_UNITS and any(
            k in sentence and k in other.keywords for k in target.keywords
        ):
            return f"the figure of target {other.id}, in {other.unit}"
    return None


_RATE_UNITS = frozenset({"%", "‰", "百分点"})


def counted_stage(making: Making, n: Number) -> str | None:
    """The stage of work the number counts, as the text names it: the one its place in a 分别
    list pairs it with, else the one named before it (measures.stage_at)."""
    return listed_stage(making, n) or stage_said(making.read.text, n.c0, n.q, n.c1)


def signed(quantity: Quantity, scope: FigureScope, verb_head: str) -> tuple[bool, Quantity]:
    """Whether a rate fell, and its value: its words say it went down (下降30%, 负增长1.3%), or it
    is written below zero (同比增长-7.1%), its value then given positive as every fall's is."""
    if scope != "rate":
        return False, quantity
    if quantity.value < 0:
        return True, replace(quantity, value=-quantity.value)
    return is_fall(verb_head), quantity


# What is due by now (应完成, 应建成, 应开工): with the schedule named before it in the sentence
_DUE = re.compile(r"应(?:完成|建成|开工|完工|达到)")


def _due_by_schedule(text: str, c0: int, at: int) -> bool:
    """Whether the number at `at` (its clause from `c0`) is the schedule's quota: the clause names
    the schedule (按序时进度应完成…), or says what is due (应完成) after a clause naming it
    (按照序时进度，前三季度…应完成投资7500亿元)."""
    if SCHEDULE_QUOTA.search(text, c0, at):
        return True
    return bool(_DUE.search(text, c0, at)) and bool(SCHEDULE_QUOTA.search(text, 0, c0))
