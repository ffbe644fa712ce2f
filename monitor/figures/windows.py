"""Rates and figures over another window than the target's period: a holiday of a few days, a
change since an older base year (比2015年下降31.5%), a rate over several years (年均增长)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from monitor.figures.cues import A_YEAR, MONTH_SPAN
from monitor.figures.five_years import plan_named
from monitor.models import Quantity, Target

if TYPE_CHECKING:
    from monitor.figures.binding import Number

# A holiday of a few days (国庆假期, “五一”假期, 春节黄金周, 端午小长假): its figures are not a
# period's (a target naming one, 国庆假期接待游客, takes them)
# (a branch a holiday: each opens with a letter, so that a search jumps between them)
_HOLIDAY = re.compile(
    "|".join(
        f"{day}”?(?:假期|长假|小长假|黄金周|期间)"
        for day in ("春节", "元旦", "清明", "五一", "端午", "中秋", "国庆", "十一")
    )
    + "|黄金周|小长假"
)
# A holiday named as a cause (受春节假期影响，1月份…): the figure is of its own period
_CAUSE = re.compile(r"(?:影响|因素|效应|错月|带动|拉动)")
# A later clause naming a period of its own (…，今年1—4月累计接待游客…; ，前三季度…): where a
# holiday's frame ends
_OWN_PERIOD = re.compile(
    r"[，,；;]\s*(?:全[市省县区])?(?:今年|全年|本年|年内|[上下]半年|前三季度|[一二三四]季度|截至|截止"
    r"|前[0-9一二三四五六七八九十两]{1,2}个?月|[0-9一二三四五六七八九十]{1,2}\s*[—\-–~～至到]\s*"
    r"[0-9一二三四五六七八九十]{1,2}\s*月)"
)


def holiday_of(sentence: str, at: int, target: Target) -> str | None:
    """The holiday whose few days the number at `at` is of (国庆假期…接待游客486万人次): named
    before it, not as a cause (受春节假期影响), with no clause between naming a period of its
    own; None for a target naming a holiday itself."""
    holiday = _HOLIDAY.search(sentence, 0, at)
    if holiday is None or _HOLIDAY.search(target.title) or _CAUSE.match(sentence, holiday.end()):
        return None
    return None if _OWN_PERIOD.search(sentence, holiday.end(), at) else holiday.group()


# A change against a named year's level (比2015年下降31.5%, 与2019年相比增长21.4%)
_BASE_YEAR = re.compile(
    r"(?:比|较|与|同)((?:19|20)[0-9]{2})\s*年(?:末|底|同期)?(?:相比|比较)?[，,]?"
    r"(?:下降|增长|增加|减少|提高|降低|上升|回落|增)了?(?:约|近|超过)?$"
)


def _older_base(sentence: str, n: Number, published: date | None, target: Target) -> int | None:
    """The base year of a change over more than one year (比2015年… in 2024's figures): the
    year a sentence's other years or its date put the figure in is two or more after it; not
    one the target reads (plan_change)."""
    found = _BASE_YEAR.search(n.head)
    if found is None:
        return None
    base = int(found.group(1))
    years = [int(y) for y in A_YEAR.findall(sentence) if int(y) != base]
    if years:
        year = max(years)
    elif published is not None:  # early in a year, coverage is of the year before
        year = published.year - (published.month <= 3)
    else:
        return None
    return base if year - base >= 2 and not plan_change(base, n.q, target) else None


# A rate over a window of several years: a yearly average (年均增长, 两年平均增长), a change over
# N years (比五年前提高, 四年间提高, 三年来增长)
# (not a year's mean level: 年均浓度, 年均值, 年平均气温; see _ANNUAL_MEAN)
_ANNUAL_MEAN = r"(?!浓度|值|气温|温度|降水|降雨)"
_SEVERAL_YEARS = re.compile(
    r"年均" + _ANNUAL_MEAN + r"|年(?<!全年)(?<!当年)平均" + _ANNUAL_MEAN + r"|平均每年|每年平均"
    # (全年平均88.2%: the year's own)
    r"|(?<![0-9])(?:[两二三四五六七八九十]|[0-9]{1,2})个?年(?:平均|间|来|前|多来)"
)
_SPAN_PERIOD = re.compile(r"((?:19|20)[0-9]{2})-((?:19|20)[0-9]{2})")


def _over_years(
    head: str, period: str | None, target: Target, named: str | None = None
) -> str | None:
    """The words or the span (2021-2023) that make a change one over several years, unless the
    target tracks such a rate (its title says 年均) or the change over its own plan's years
    (“十四五”以来累计下降14.6% for a target of “十四五”期间…下降16%), or it is a yearly rate over
    the window its own sentence names (`named`, that sentence's period: 五年来…年均增长4.6%)."""
    if "年均" in target.title or any("年均" in k for k in target.keywords):
        return None
    span = _SPAN_PERIOD.fullmatch(period or "")
    if span and int(span.group(1)) - 1 == _plan_base(target):
        return None
    found = _SEVERAL_YEARS.search(head)
    # 五年来…年均增长4.6%: a yearly rate over the window its sentence names, that span its period
    # (a window only a heading before names is left: its years are less sure)
    windowed = span is not None and span.group(1) != span.group(2) and named == period
    if found and "均" in found.group() and windowed:
        return None
    if found:
        return found.group()
    if span is None or span.group(1) == span.group(2) or not _CHANGED.search(head):
        return None  # 贫困发生率从10.2%下降到3.1%: a level at the span's end, not its change
    return period


# a change verb right before the number (…提高了31个百分点): a change, not a level
_CHANGED = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)了?(?:约|近|超过)?$")


# A count averaged over several years (年均新增370家, 平均每年建成420万亩): no period's count
_YEARLY_AVERAGE = re.compile(
    r"年均" + _ANNUAL_MEAN + r"|年(?<!全年)(?<!当年)平均" + _ANNUAL_MEAN + r"|平均每年|每年平均"
)


def yearly_average(head: str, target: Target) -> str | None:
    """The words (年均…) making a count a yearly average over several years, unless the target
    tracks such an average (its title or keywords say 年均)."""
    found = _YEARLY_AVERAGE.search(head) if "均" in head else None  # (均 in every form)
    if found is None or "年均" in target.title or any("年均" in k for k in target.keywords):
        return None
    return found.group()


def _plan_base(target: Target) -> int | None:
    """The base year of the change a target tracks over a five-year plan (宁夏“十四五”期间万元
    GDP用水量下降16%: 2020), if its title names the plan and its pledge is a rate."""
    if target.pledge is None or target.pledge.scope != "rate" or "五" not in target.title:
        return None
    plan = plan_named(target.title)
    return plan[0] - 1 if plan is not None else None


def plan_change(base: int, q: Quantity, target: Target) -> bool:
    """Whether a change since an older base year is one the target reads: the change over its
    own plan's years (比2020年下降11.3% for “十四五”期间…下降16%), or a per-cent target's change
    in points (比2020年提高4.8个百分点: the schema's rate over a span, as corpora I, M and S label
    it; read with the years since as its period, and a change in points is never a level)."""
    return _in_points(q, target) or (q.unit in ("%", "百分点") and base == _plan_base(target))


def points_since_base(head: str, q: Quantity, target: Target) -> bool:
    """Whether a per-cent target's change in points is said against a named base year (较2020年
    提高了9.3个百分点): read over the years since (plan_change), not refused as several years'."""
    return _in_points(q, target) and _BASE_YEAR.search(head) is not None


def _in_points(q: Quantity, target: Target) -> bool:
    return q.unit == "百分点" and target.unit in ("%", "％")


def base_window(head: str, period: str | None, published: date | None = None) -> str | None:
    """The years of a change since an older base (比2020年下降11.3% in 2023: 2021-2023), where
    one is read (plan_change), up to the year the coverage is of where the sentence names none;
    else `period` as it is."""
    found = _BASE_YEAR.search(head) if "年" in head else None
    if found is not None and period is None and published is not None:
        period = str(published.year - (published.month <= 3))  # (early in a year: the last)
    if found is None or period is None or not period[:4].isdigit():
        return period
    base, end = int(found.group(1)), int(period[-4:]) if period[-4:].isdigit() else None
    if end is None or end - base < 2:
        return period
    return f"{base + 1}-{end}"


# A change against the period just before (环比, 比上月, 较上季度, 比上年四季度) and one against
# the same period a year before (同比, 比上年同期, 比上年): the two comparisons statistics give
_PERIOD_BEFORE = re.compile(r"环比|(?:比|较)(?:上月|上个月|上季度?|上一季度|上年四季度)")
_YEAR_ON_YEAR = re.compile(r"同比|(?:比|较)(?:上年|去年)(?!四季度|[末底])")


def period_before(sentence: str, n: Number, target: Target) -> str | None:
    """The words of a growth against the period just before (环比增长1.5%), when the sentence
    also gives a year-on-year one (同比增长6.0%，环比增长1.5%): for a target of a growth rate (in
    %), another comparison than the one its growth is; alone, it is the sentence's change. A
    target of an amount takes both; a change in points (增速比上月加快…) is the growth's own."""
    if target.unit != "%" or n.q.unit != "%" or ("环比" not in n.head and "上" not in n.head):
        return None
    found = _PERIOD_BEFORE.search(n.head)
    if found is None or _YEAR_ON_YEAR.search(n.head):
        return None
    rest = sentence[: n.c0] + sentence[n.q.end :]
    return found.group() if _YEAR_ON_YEAR.search(rest) else None


# A change against an average (较三年均值下降4.4%, 比近五年同期平均值上升0.9个百分点, 较全国平均水平
# 高2.1个百分点): set against no period before it, so no change of the period's; the base the last
# one of the clause up to the number (…，同比下降11.2%，较三年均值…: the 同比 one is the period's)
_AGAINST_MEAN = re.compile(
    r"(?:较|比|与|同|相比)[^，,。；;0-9%]{0,16}?(?:[0-9—\-–~至]+年)?[^，,。；;0-9%]{0,8}?"
    r"(?:均值|平均值|平均水平|平均数)(?:相比)?[^，,。；;0-9%]{0,6}$"
)


def other_base(text: str, n: Number, published: date | None, target: Target) -> str | None:
    """Why a change `n` states is not one over the period before: it is set against an average
    (较三年均值…) or against an older base year (比2015年下降31.5%)."""
    if n.q.unit in ("%", "百分点") and "均" in n.head and (mean := _AGAINST_MEAN.search(n.head)):
        return f"a change against an average ({mean.group()}…), not over a period before"
    if since := _older_base(text, n, published, target):
        return f"a change over the years since {since} (比{since}年…), not one year's rate"
    return None


# A share of a plan for a part of the year (完成1-4月投资计划的132.1%, 占上半年计划的…): progress
# against that part's plan, not the year's
_PART_YEAR_PLAN = re.compile(
    rf"(?:{MONTH_SPAN}份?|前[0-9一二三四五六七八九十]{{1,2}}个?月"
    r"|上半年|一季度|前三季度|[一二三四]季度)[^，,。；;0-9]{0,6}?(?:计划|任务|目标)的?$"
)


def part_year_plan(head: str) -> str | None:
    """Why a share of a plan said before it (`head`: its clause up to it) is not the year's."""
    found = _PART_YEAR_PLAN.search(head) if ("计划" in head or "任务" in head) else None
    return (
        f"a share of a part of the year's plan ({found.group()}), not the year's" if found else None
    )
