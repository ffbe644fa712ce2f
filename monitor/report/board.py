"""The board: one line per target with its status, latest level (qualifier kept), progress
toward the pledge and where steady progress would be by now. Built from every observation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from monitor.models import Target
from monitor.report import diff
from monitor.store.records import Observation

Status = Literal["已完成", "进度正常", "落后", "逾期", "暂无新消息", "未设目标"]
BEHIND_BY = Decimal(5)  # percentage points below the steady pace before a target is 落后

# How a latest level reads with its qualifier: 近3万名, 超6000个, 约80%.
QUALIFIER_PREFIX = {"about": "约", "at_least": "超", "nearly": "近", "at_most": "不超过"}


@dataclass(frozen=True)
class BoardLine:
    target: Target
    status: Status
    level: Decimal | None  # the newest achieved level (cumulative total, or the rate)
    latest: Observation | None  # the figure that level comes from
    progress: diff.Progress | None
    goal: Decimal | None  # the level that meets the pledge
    figures: int  # observations stored for this target

    @property
    def qualifier(self) -> str:
        return QUALIFIER_PREFIX.get(self.latest.figure.qualifier, "") if self.latest else ""

    @property
    def last_date(self) -> date | None:
        if self.latest is None:
            return None
        return (self.latest.published or self.latest.observed_at).date()

    @property
    def bar(self) -> int:
        """Progress as a whole percentage for drawing, 0 to 100."""
        if self.progress is None:
            return 0
        return int(min(max(self.progress.percent, Decimal(0)), Decimal(100)))

    @property
    def pace_mark(self) -> int | None:
        """Where steady progress would be by now, 0 to 100, when the pledge has dates."""
        if self.progress is None or self.progress.expected_percent is None:
            return None
        return int(min(max(self.progress.expected_percent, Decimal(0)), Decimal(100)))


def goal_level(target: Target) -> Decimal | None:
    """The level that meets the pledge: baseline plus a pledge of new ones, or the pledge."""
    pledge = target.pledge
    if pledge is None:
        return None
    if pledge.scope == "new" and target.baseline is not None:
        return target.baseline.value + pledge.value
    return pledge.value


def latest_of(target: Target, observations: Sequence[Observation]) -> Observation | None:
    """The newest achieved figure about this pledge's period (the one the board shows)."""
    progress = [o for o in observations if diff.is_progress(o, target)]
    return max(progress, key=lambda o: (diff.when(o), diff.level_of(o, target)), default=None)


def line(target: Target, observations: Sequence[Observation], *, today: date) -> BoardLine:
    latest = latest_of(target, observations)
    level = diff.level_of(latest, target) if latest else None
    progress = diff.progress_of(level, target, today=today) if level is not None else None
    return BoardLine(
        target=target,
        status=status_of(target, level, progress, today=today),
        level=level,
        latest=latest,
        progress=progress,
        goal=goal_level(target),
        figures=len(observations),
    )


def status_of(
    target: Target, level: Decimal | None, progress: diff.Progress | None, *, today: date
) -> Status:
    if target.pledge is None:
        return "未设目标"
    if level is None or progress is None:
        return "暂无新消息"
    if progress.remaining is None:
        return "已完成"
    if progress.deadline is not None and today > progress.deadline:
        return "逾期"
    expected = progress.expected_percent
    if expected is not None and progress.percent + BEHIND_BY < expected:
        return "落后"
    return "进度正常"
