"""Per target: the newest achieved figure against the last one reported, and progress.

Takes a target with its pending and already-reported observations; returns a `TargetUpdate`
(change, progress toward the pledge in the pledge's own scope, pace needed by the deadline).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from monitor.figures.units import normalise
from monitor.models import Target
from monitor.store.records import Observation


@dataclass(frozen=True)
class Evidence:
    """One story (possibly syndicated by several outlets) and the figure it gives."""

    observation: Observation
    links: tuple[tuple[str, str], ...]  # (source id, url) for each outlet that ran it


@dataclass(frozen=True)
class Progress:
    toward: Decimal  # the amount that counts toward the pledge, in the pledge's scope
    percent: Decimal
    remaining: Decimal | None  # None when met
    per_month_needed: Decimal | None  # when behind and the deadline is ahead
    expected_percent: Decimal | None  # where a steady pace would be by now
    deadline: date | None


@dataclass(frozen=True)
class TargetUpdate:
    target: Target
    latest: Observation | None  # the newest achieved figure in this period
    level: Decimal | None  # latest read as a level (cumulative total, or the rate)
    previous: Decimal | None  # the last level reported, or the baseline
    previous_label: str | None  # "上次报告" / "基数"
    change: Decimal | None
    progress: Progress | None
    achieved: tuple[Evidence, ...]  # each story with an achieved figure, newest first
    others: tuple[Evidence, ...]  # pledges and mentions restated, oldest first
    conflicts: tuple[Observation, ...]  # different achieved levels reported on the same day

    @property
    def moved(self) -> bool:
        return self.latest is not None


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


def progress_of(level: Decimal, target: Target, *, today: date) -> Progress | None:
    pledge = target.pledge
    if pledge is None or pledge.value == 0:
        return None
    toward = level
    if pledge.scope == "new" and target.baseline is not None:
        toward = level - target.baseline.value
    percent = (toward / pledge.value * 100).quantize(Decimal("1"))
    remaining = pledge.value - toward if toward < pledge.value else None
    per_month = expected = None
    if pledge.by and pledge.announced and pledge.by > pledge.announced:
        span = (pledge.by - pledge.announced).days
        elapsed = min(max((today - pledge.announced).days, 0), span)
        expected = (Decimal(elapsed) / Decimal(span) * 100).quantize(Decimal("1"))
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


def is_progress(obs: Observation, target: Target) -> bool:
    """An achieved figure about this pledge's period, not last year's restated result."""
    if obs.figure.kind != "achieved":
        return False
    if obs.figure.scope == "share_of_pledge" or (obs.figure.scope == "rate" and target.unit != "%"):
        return False  # 完成年度任务的60%, 同比增长12%: about the level, never a level itself
    if target.unit and obs.figure.unit and normalise(obs.figure.unit) != normalise(target.unit):
        return False
    period = obs.figure.period
    if period and target.pledge and target.pledge.announced:
        year = period[:4]
        if year.isdigit() and "-" not in period and int(year) < target.pledge.announced.year:
            return False
    return True


def _group(observations: Sequence[Observation]) -> list[Evidence]:
    """One item per story and figure: the same story syndicated by several outlets."""
    groups: dict[tuple[str, str, str], list[Observation]] = {}
    for obs in observations:
        key = (obs.story, str(obs.figure.value), obs.figure.kind)
        groups.setdefault(key, []).append(obs)
    items = []
    for members in groups.values():
        first = members[0]
        links = tuple(dict.fromkeys((m.source_id, m.article_url) for m in members))
        items.append(Evidence(observation=first, links=links))
    return items


def _day(obs: Observation) -> date:
    return (obs.published or obs.observed_at).date()


def _when(obs: Observation) -> datetime:
    return obs.published or obs.observed_at


def update(
    target: Target,
    pending: Sequence[Observation],
    reported: Sequence[Observation],
    *,
    today: date,
) -> TargetUpdate:
    """What this target's pending observations say against what was reported before."""
    progress_obs = [o for o in pending if is_progress(o, target)]
    others = [o for o in pending if o not in progress_obs]
    latest = max(progress_obs, key=lambda o: (_when(o), level_of(o, target)), default=None)
    level = level_of(latest, target) if latest else None

    previous: Decimal | None = None
    previous_label: str | None = None
    earlier = [o for o in reported if is_progress(o, target)]
    if earlier:
        last = max(earlier, key=lambda o: (_when(o), level_of(o, target)))
        previous, previous_label = level_of(last, target), "上次报告"
    elif target.baseline is not None:
        previous, previous_label = target.baseline.value, "基数"

    conflicts: list[Observation] = []
    if latest is not None:
        same_day = [o for o in progress_obs if _day(o) == _day(latest)]
        if len({level_of(o, target) for o in same_day}) > 1:
            conflicts = same_day

    achieved = sorted(_group(progress_obs), key=lambda e: _when(e.observation), reverse=True)
    return TargetUpdate(
        target=target,
        latest=latest,
        level=level,
        previous=previous if latest is not None else None,
        previous_label=previous_label if latest is not None else None,
        change=(level - previous) if (level is not None and previous is not None) else None,
        progress=progress_of(level, target, today=today) if level is not None else None,
        achieved=tuple(achieved),
        others=tuple(sorted(_group(others), key=lambda e: _when(e.observation))),
        conflicts=tuple(conflicts),
    )


def latest_progress(
    target: Target, observations: Sequence[Observation], *, today: date
) -> tuple[Decimal | None, Progress | None]:
    """The newest level among all observations, and its progress: for status and history."""
    progress_obs = [o for o in observations if is_progress(o, target)]
    if not progress_obs:
        return None, None
    last = max(progress_obs, key=lambda o: (_when(o), level_of(o, target)))
    level = level_of(last, target)
    return level, progress_of(level, target, today=today)
