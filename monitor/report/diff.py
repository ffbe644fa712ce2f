"""Per target: the newest confirmed achieved figure against the last one reported, progress,
and the figures that wait as 待核实.

Takes a target with its pending and already-reported observations; returns a `TargetUpdate`
(change, progress toward the pledge in the pledge's own scope, pace needed by the deadline).
Rejected figures count for nothing; doubted ones (plausibility.py) neither become the latest
level nor move the bar until they are corroborated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from monitor.models import Target
from monitor.report import plausibility
from monitor.report.levels import (
    Progress,
    is_progress,
    level_of,
    progress_of,
    when,
)
from monitor.report.plausibility import Check
from monitor.store.records import Observation

__all__ = [
    "Evidence",
    "Flagged",
    "Progress",
    "TargetUpdate",
    "is_progress",
    "latest_progress",
    "level_of",
]

EVIDENCE_SHOWN = 3  # quotes per target; the rest are counted (另有 N 篇)


@dataclass(frozen=True)
class Evidence:
    """One story (possibly syndicated by several outlets) and the figure it gives."""

    observation: Observation
    links: tuple[tuple[str, str], ...]  # (source id, url) for each outlet that ran it


@dataclass(frozen=True)
class Flagged:
    """A figure shown as 待核实, with why."""

    evidence: Evidence
    check: Check


@dataclass(frozen=True)
class TargetUpdate:
    target: Target
    latest: Observation | None  # the newest confirmed achieved figure in this period
    level: Decimal | None  # latest read as a level (cumulative total, or the rate)
    previous: Decimal | None  # the last level reported, or the baseline
    previous_label: str | None  # "上次报告" / "基数"
    change: Decimal | None
    progress: Progress | None
    achieved: tuple[Evidence, ...]  # the best stories with a confirmed figure, newest first
    others: tuple[Evidence, ...]  # pledges, mentions and shares of the pledge, oldest first
    conflicts: tuple[Observation, ...]  # articles of one day that give different levels
    more_achieved: int = 0  # stories with a confirmed figure beyond those shown (另有 N 篇)
    unconfirmed: tuple[Flagged, ...] = ()  # new figures that wait as 待核实
    corroborated: tuple[Flagged, ...] = ()  # figures reported as 待核实 before, now confirmed

    @property
    def moved(self) -> bool:
        return self.latest is not None

    @property
    def flagged(self) -> bool:
        return bool(self.unconfirmed)

    @property
    def unit(self) -> str | None:
        return self.target.unit or (self.latest.figure.unit if self.latest else None)


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


def _newest(observations: Sequence[Observation], target: Target) -> Observation | None:
    return max(observations, key=lambda o: (when(o), level_of(o, target)), default=None)


def update(
    target: Target,
    pending: Sequence[Observation],
    reported: Sequence[Observation],
    *,
    today: date,
) -> TargetUpdate:
    """What this target's pending observations say against what was reported before."""
    pending = [o for o in pending if not o.rejected]
    reported = [o for o in reported if not o.rejected]
    progress_obs = [o for o in pending if is_progress(o, target)]
    earlier = [o for o in reported if is_progress(o, target)]
    others = [o for o in pending if o not in progress_obs]
    checks = plausibility.assess(target, [*earlier, *progress_obs])
    before = plausibility.assess(target, earlier)  # as the last digest saw them
    confirmed = [o for o in progress_obs if checks[o.id].confirmed]
    doubted = [o for o in progress_obs if not checks[o.id].confirmed]
    latest = _newest(confirmed, target)
    level = level_of(latest, target) if latest else None

    previous: Decimal | None = None
    previous_label: str | None = None
    last = _newest([o for o in earlier if before[o.id].confirmed], target)
    if last is not None:
        previous, previous_label = level_of(last, target), "上次报告"
    elif target.baseline is not None:
        previous, previous_label = target.baseline.value, "基数"

    achieved = sorted(_group(confirmed), key=_best, reverse=True)
    now_confirmed = [o for o in earlier if not before[o.id].confirmed and checks[o.id].confirmed]
    return TargetUpdate(
        target=target,
        latest=latest,
        level=level,
        previous=previous if latest is not None else None,
        previous_label=previous_label if latest is not None else None,
        change=(level - previous) if (level is not None and previous is not None) else None,
        progress=progress_of(level, target, today=today) if level is not None else None,
        achieved=tuple(achieved[:EVIDENCE_SHOWN]),
        more_achieved=max(len(achieved) - EVIDENCE_SHOWN, 0),
        others=tuple(sorted(_group(others), key=lambda e: when(e.observation))),
        conflicts=tuple(plausibility.disputes(target, progress_obs)),
        unconfirmed=tuple(
            Flagged(e, checks[e.observation.id])
            for e in sorted(_group(doubted), key=lambda e: when(e.observation))
        ),
        corroborated=tuple(Flagged(e, checks[e.observation.id]) for e in _group(now_confirmed)),
    )


def _best(e: Evidence) -> tuple[object, ...]:
    """The best quotes first: the newest, then the one most outlets ran."""
    return (when(e.observation), len(e.links), -e.observation.id)


def latest_progress(
    target: Target, observations: Sequence[Observation], *, today: date
) -> tuple[Decimal | None, Progress | None]:
    """The newest confirmed level among all observations, and its progress."""
    last = latest_confirmed(target, observations)
    if last is None:
        return None, None
    level = level_of(last, target)
    return level, progress_of(level, target, today=today)


def latest_confirmed(target: Target, observations: Sequence[Observation]) -> Observation | None:
    """The newest achieved figure that is neither rejected nor waiting as 待核实."""
    progress_obs = [o for o in observations if is_progress(o, target) and not o.rejected]
    checks = plausibility.assess(target, progress_obs)
    return _newest([o for o in progress_obs if checks[o.id].confirmed], target)
