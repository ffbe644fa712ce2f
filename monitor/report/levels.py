"""A target's figures read as levels: which achieved figures count as progress, the level each
gives (a cumulative total, or the rate), whether two levels agree within rounding, and
progress toward the pledge in the pledge's own scope with the pace needed by its deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from monitor.figures.stages import stage_of
from monitor.figures.units import normalise
from monitor.models import Target
from monitor.store.records import Observation

# A % that is progress as a share of the pledge (完成年度任务的83%): never a level.
SHARE_OF_PLEDGE = "share_of_pledge"
# Two reports of one level agree within rounding (6.2万 and 61,800), or within this much more
# when either is approximate (近3万, 超6000).
EXACT_TOLERANCE = Decimal("0.01")
LOOSE_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Progress:
    toward: Decimal  # the amount that counts toward the pledge, in the pledge's scope
    percent: Decimal
    remaining: Decimal | None  # None when met
    per_month_needed: Decimal | None  # when behind and the deadline is ahead
    expected_percent: Decimal | None  # where a steady pace would be by now
    deadline: date | None


def when(obs: Observation) -> datetime:
    return obs.published or obs.observed_at


def day(obs: Observation) -> date:
    return when(obs).date()


def level_of(obs: Observation, target: Target) -> Decimal:
    """The figure as a level comparable across reports: a cumulative total, or the rate.

    A figure said to be "new" that already exceeds both the baseline and the pledge cannot be
    the period's additions (建成501个 against a pledge of 80 new from 360): it is read as the
    cumulative total the outlet meant.
    """
    fig = obs.figure
    value = fig.value
    baseline = target.baseline.value if target.baseline else None
    if fig.scope == "rate" or baseline is None or fig.scope == "cumulative":
        return value
    pledge = target.pledge.value if target.pledge else None
    if value >= baseline and (pledge is None or value > pledge):
        return value
    return baseline + value


def is_rate(target: Target) -> bool:
    return (target.pledge is not None and target.pledge.scope == "rate") or target.unit == "%"


def counts_stage(measure: str, target: Target) -> bool:
    """Whether a figure of a stage of work (`measure`: 开工, 完工, 基本建成…) is a level of the
    target: the stage its title or keywords name (新开工…), or, when they name none, the work
    done (完工, 建成). Starts are then shown beside its level, never as it: one target's
    starts and completions would otherwise make one series that rises and falls."""
    own = stage_of(target.title + "".join(target.keywords))
    if own is None:  # the work done, or the homes raised (筹集, 供应) of a housing programme
        return stage_of(measure) in ("建成", "筹集")
    return stage_of(measure) == own


def is_progress(obs: Observation, target: Target) -> bool:
    """An achieved level about this pledge's period, not last year's restated result, nor a
    share of the pledge (完成全年任务的88.6% is progress said as a %, not a level)."""
    fig = obs.figure
    if fig.kind != "achieved" or fig.scope == SHARE_OF_PLEDGE:
        return False
    if fig.scope == "rate" and target.unit != "%":
        return False  # 同比增长12% of a count target: about the level, never a level itself
    if target.unit and fig.unit and normalise(fig.unit) != normalise(target.unit):
        return False
    if fig.measure and not counts_stage(fig.measure, target):
        return False  # 开工2860个 beside 完工740个: one stage's series, never both mixed
    period = fig.period
    if period and fig.scope == "new" and (period[4:5] == "M" or period[4:] in _LATER_PARTS):
        return False  # 11月当月新增3.7万人 (2024M11), 二季度 (2024Q2): not the year's so far
    if period and target.pledge and target.pledge.announced:
        year = period[:4]
        if year.isdigit() and "-" not in period and int(year) < target.pledge.announced.year:
            return False
    if not period and _before_pledge(obs, target):
        return False  # 新建45个, undated, on a page out before the pledge was made: earlier work
    return not (period and fig.scope == "new" and _span_before(period, target))


_LATER_PARTS = ("Q2", "Q3", "Q4", "H2")  # a part of the year that does not start with it


def _before_pledge(obs: Observation, target: Target) -> bool:
    """Whether the figure's page came out before the target's pledge was announced."""
    pledge, published = target.pledge, obs.published
    return bool(pledge and pledge.announced and published and published.date() < pledge.announced)


def _span_before(period: str, target: Target) -> bool:
    """Whether a span of years (2021-2025) starts before the one year a pledge is for: what the
    span added (2021年以来累计建成27万个) is no measure of that year's pledge (新建4万个)."""
    first, _, last = period.partition("-")
    pledge = target.pledge
    if not (first[:4].isdigit() and last[:4].isdigit()) or pledge is None or pledge.by is None:
        return False
    start = pledge.announced.year if pledge.announced else _title_year(target.title)
    one_year = start == pledge.by.year
    return one_year and int(first[:4]) < int(last[:4]) and int(first[:4]) < pledge.by.year


def _title_year(title: str) -> int | None:
    found = _TITLE_YEAR.search(title)
    return int(found.group(1)) if found else None


_TITLE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!以来|来)")  # 成都2025年新建…


def agree(a: Observation, b: Observation, target: Target) -> bool:
    """Do two reports give one level, within rounding and their qualifiers (近3万 ≈ 29,800)?"""
    x, y = level_of(a, target), level_of(b, target)
    if x == y:
        return True
    loose = a.figure.qualifier != "exact" or b.figure.qualifier != "exact"
    tolerance = LOOSE_TOLERANCE if loose else EXACT_TOLERANCE
    return abs(x - y) <= max(abs(x), abs(y)) * tolerance


def pledged_amount(target: Target) -> Decimal | None:
    """How much the pledge adds: its value when new, the gap from the baseline when cumulative."""
    pledge = target.pledge
    if pledge is None or is_rate(target):
        return None
    if pledge.scope == "new":
        return pledge.value
    if target.baseline is not None and pledge.value > target.baseline.value:
        return pledge.value - target.baseline.value
    return None


def progress_of(level: Decimal, target: Target, *, today: date) -> Progress | None:
    pledge = target.pledge
    if pledge is None or pledge.value == 0:
        return None
    toward = level
    if pledge.scope == "new" and target.baseline is not None:
        toward = level - target.baseline.value
    percent = (toward / pledge.value * 100).quantize(Decimal("1"))
    remaining = pledge.value - toward if toward < pledge.value else None
    per_month = None
    expected = expected_percent(target, today=today)
    if remaining is not None and pledge.by and today < pledge.by:
        months = Decimal((pledge.by - today).days) / Decimal("30.44")
        if months > 0:
            per_month = remaining / max(months, Decimal(1))
            # 3.4个 a month reads well; 6256.4套 does not
            per_month = per_month.quantize(Decimal("0.1") if per_month < 10 else Decimal("1"))
    return Progress(
        toward=toward,
        percent=percent,
        remaining=remaining,
        per_month_needed=per_month,
        expected_percent=expected,
        deadline=pledge.by,
    )


def expected_percent(target: Target, *, today: date) -> Decimal | None:
    """Where steady progress from the announcement to the deadline would be by `today`."""
    pledge = target.pledge
    if pledge is None or not (pledge.by and pledge.announced and pledge.by > pledge.announced):
        return None
    span = (pledge.by - pledge.announced).days
    elapsed = min(max((today - pledge.announced).days, 0), span)
    share = Decimal(elapsed) / Decimal(span)
    start = target.baseline.value if target.baseline else None
    if pledge.scope == "cumulative" and start is not None and 0 < start < pledge.value:
        # A total to reach from the baseline: the bar runs from 0, so steady progress starts
        # where the baseline stands (7180 of 10000 is 72 % on the first day).
        share = (start + (pledge.value - start) * share) / pledge.value
    return (share * 100).quantize(Decimal("1"))
