"""Rates and figures over another window than the target's period: a holiday of a few days, a
change since an older base year (比2015年下降31.5%), a rate over several years (年均增长)."""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from monitor.figures.cues import A_YEAR
from monitor.models import Quantity, Target

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
# A change against a named year's level (比2015年下降31.5%, 与2019年相比增长21.4%)
_BASE_YEAR = re.compile(
    r"(?:比|较|与|同)((?:19|20)[0-9]{2})\s*年(?:末|底|同期)?(?:相比|比较)?[，,]?"
    r"(?:下降|增长|增加|减少|提高|降低|上升|回落|增)了?(?:约|近|超过)?$"
)


def _older_base(sentence: str, head: str, published: date | None) -> int | None:
    """The base year of a change over more than one year (比2015年… in 2024's figures): the
    year a sentence's other years or its date put the figure in is two or more after it."""
    found = _BASE_YEAR.search(head)
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
    return base if year - base >= 2 else None


# A rate over a window of several years: a yearly average (年均增长, 两年平均增长), a change over
# N years (比五年前提高, 四年间提高, 三年来增长)
_SEVERAL_YEARS = re.compile(
    r"年均|年平均|平均每年|每年平均"
    r"|(?<![0-9])(?:[两二三四五六七八九十]|[0-9]{1,2})个?年(?:平均|间|来|前|多来)"
)
_SPAN_PERIOD = re.compile(r"((?:19|20)[0-9]{2})-((?:19|20)[0-9]{2})")


def _over_years(head: str, period: str | None, target: Target) -> str | None:
    """The words or the span (2021-2023) that make a change one over several years, unless the
    target tracks such a rate (its title says 年均)."""
    if "年均" in target.title or any("年均" in k for k in target.keywords):
        return None
    found = _SEVERAL_YEARS.search(head)
    if found:
        return found.group()
    span = _SPAN_PERIOD.fullmatch(period or "")
    if span is None or span.group(1) == span.group(2) or not _CHANGED.search(head):
        return None  # 贫困发生率从10.2%下降到3.1%: a level at the span's end, not its change
    return period


# a change verb right before the number (…提高了31个百分点): a change, not a level
_CHANGED = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)了?(?:约|近|超过)?$")


# A count averaged over several years (年均新增370家, 平均每年建成420万亩): no period's count
_YEARLY_AVERAGE = re.compile(r"年均|年平均|平均每年|每年平均")


def yearly_average(head: str, target: Target) -> str | None:
    """The words (年均…) making a count a yearly average over several years, unless the target
    tracks such an average (its title or keywords say 年均)."""
    found = _YEARLY_AVERAGE.search(head) if "均" in head else None  # (均 in every form)
    if found is None or "年均" in target.title or any("年均" in k for k in target.keywords):
        return None
    return found.group()


def other_window(
    sentence: str, n: _Rated, target: Target, period: str | None, published: date | None
) -> str | None:
    """Why a rate is over another window than the target's: a change since an older base, or
    over several years; None where the target tracks that change itself (own_change)."""
    since = _older_base(sentence, n.head, published)
    if since is not None:
        if own_change(since, n.q, target):
            return None
        return f"a change over the years since {since} (比{since}年…), not one year's rate"
    years = _over_years(n.head, period, target)
    if years is None:
        return None
    span = _SPAN_PERIOD.fullmatch(years)
    if span and own_change(int(span.group(1)) - 1, n.q, target):
        return None  # “十四五”以来累计下降14.6% of a target over the 十四五
    return f"a rate over several years ({years}), not one period's"


class _Rated(Protocol):
    @property
    def q(self) -> Quantity: ...
    @property
    def head(self) -> str: ...


# The base year of the span a target's title names its change over (“十四五”期间…下降16%: 2020)
_PLAN_BASES = {"十三五": 2015, "十四五": 2020, "十五五": 2025}
_TITLE_BASE = re.compile(r"(?:比|较)((?:19|20)[0-9]{2})\s*年|((?:19|20)[0-9]{2})\s*[—\-–至到~]")


def own_change(base: int, q: Quantity, target: Target) -> bool:
    """Whether a change since `base` is what the target tracks: a change in points of a per-cent
    target (比2020年提高4.8个百分点), or a change over the span its pledge of a rate is over, from
    the same base (宁夏“十四五”期间万元GDP用水量下降16%: 比2020年下降11.3%)."""
    if q.unit == "百分点" and target.unit in ("%", "％"):
        return True
    if target.pledge is None or target.pledge.scope != "rate":
        return False
    return _title_base(target.title) == base


def _title_base(title: str) -> int | None:
    for plan, base in _PLAN_BASES.items():
        if plan in title:
            return base
    found = _TITLE_BASE.search(title)
    if found is None:
        return None
    return int(found.group(1)) if found.group(1) else int(found.group(2)) - 1


def change_window(head: str, period: str | None, published: date | None) -> str | None:
    """The years a change since a named base year spans (比2020年下降11.3% of 2023: 2021-2023),
    up to the figure's own year or, if it names none, the year the coverage is of; else
    `period` as it is."""
    found = _BASE_YEAR.search(head)
    if found is None:
        return period
    start = int(found.group(1)) + 1
    end = int(period) if period and period.isdigit() and int(period) >= start else None
    if end is None and published is not None:  # (the base year is no period of the figure's)
        end = published.year - (published.month <= 3)
    return f"{start}-{end}" if end is not None and start < end else period
