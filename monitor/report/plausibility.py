"""Plausibility before "latest": which achieved figures contradict what is known and wait,
as 待核实, for a second outlet or a later consistent figure before they count.

Takes a target and its progress observations (rejected ones left out); returns a `Check` per
observation id. A figure is doubted when it is a cumulative level that falls, a jump of more
than the whole pledged amount at once, a "new" figure many times the pledge, or when another
article on the same day gives a different level for the same kind, scope and period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from monitor.models import Target
from monitor.report.levels import agree, day, is_rate, level_of, pledged_amount, when
from monitor.report.numbers import number, signed
from monitor.store.records import Observation

Status = Literal["ok", "unconfirmed", "corroborated", "accepted"]

MANY_TIMES = 3  # a "new in the period" figure above this many times the pledge is doubted
JUMP_PACE = 3  # ... and a jump above the whole pledged amount, at this many times the pace


@dataclass(frozen=True)
class Check:
    status: Status
    reasons: tuple[str, ...] = ()  # for readers, in Chinese: 低于此前的8600家（2024-07-19）
    by: Observation | None = None  # the figure that corroborated it

    @property
    def confirmed(self) -> bool:
        return self.status != "unconfirmed"

    @property
    def reason(self) -> str:
        return "；".join(self.reasons)


@dataclass(frozen=True)
class _Known:
    level: Decimal
    on: date | None


def assess(target: Target, observations: Sequence[Observation]) -> dict[int, Check]:
    """A Check for each of `observations` (achieved levels of `target`), read in time order:
    each figure is judged against the last confirmed level before it."""
    items = sorted((o for o in observations if not o.rejected), key=lambda o: (when(o), o.id))
    known = _baseline(target)
    checks: dict[int, Check] = {}
    # A dispute is within one day: each figure is compared with its day's only (all with all,
    # the 1,000 figures of one target took seconds; bench/bench_report.py).
    same_day = _by_day(items)
    for obs in items:
        if obs.verdict == "accepted":
            checks[obs.id] = Check("accepted")
        else:
            reasons = _reasons(target, obs, known) + _disputes(target, obs, same_day[day(obs)])
            if not reasons:
                checks[obs.id] = Check("ok")
            else:
                by = _corroborator(target, obs, items, known)
                status: Status = "corroborated" if by is not None else "unconfirmed"
                checks[obs.id] = Check(status, tuple(reasons), by)
        if checks[obs.id].confirmed:
            known = _Known(level_of(obs, target), day(obs))
    return checks


def disputes(target: Target, observations: Sequence[Observation]) -> list[Observation]:
    """Those of `observations` that another article on the same day contradicts."""
    live = [o for o in observations if not o.rejected]
    same_day = _by_day(live)
    return [o for o in live if _disputes(target, o, same_day[day(o)])]


def _by_day(observations: Sequence[Observation]) -> dict[date, list[Observation]]:
    days: dict[date, list[Observation]] = {}
    for obs in observations:
        days.setdefault(day(obs), []).append(obs)
    return days


def _baseline(target: Target) -> _Known | None:
    if target.baseline is None:
        return None
    on = target.baseline.as_of or (target.pledge.announced if target.pledge else None)
    return _Known(target.baseline.value, on)


def _reasons(target: Target, obs: Observation, known: _Known | None) -> list[str]:
    unit = target.unit or obs.figure.unit
    level = level_of(obs, target)
    reasons = []
    pledge = target.pledge
    if pledge is not None and pledge.scope == "new" and pledge.value > 0 and not is_rate(target):
        toward = level - target.baseline.value if target.baseline else level
        if toward > pledge.value * MANY_TIMES:
            times = (toward / pledge.value).quantize(Decimal("0.1"))
            reasons.append(f"是目标新增量{number(pledge.value, unit)}的{_plain(times)}倍")
    if known is None or is_rate(target):
        return reasons
    since = f"（{known.on:%Y-%m-%d}）" if known.on else ""
    if level < known.level and not _close(level, known.level, obs):
        reasons.append(f"累计数低于此前的{number(known.level, unit)}{since}")
        return reasons
    amount = pledged_amount(target)
    step = level - known.level
    if amount and step > amount and _beyond_pace(target, step, amount, known, obs):
        reasons.append(
            f"较此前的{number(known.level, unit)}{since}一次{signed(step, unit)}，"
            f"超过目标的全部增量{number(amount, unit)}"
        )
    return reasons


def _close(level: Decimal, known: Decimal, obs: Observation) -> bool:
    loose = obs.figure.qualifier != "exact"
    return known - level <= known * (Decimal("0.05") if loose else Decimal("0.01"))


def _beyond_pace(
    target: Target, step: Decimal, amount: Decimal, known: _Known, obs: Observation
) -> bool:
    pledge = target.pledge
    if pledge is None or not (pledge.by and pledge.announced and pledge.by > pledge.announced):
        return True
    span = (pledge.by - pledge.announced).days
    days = max((day(obs) - (known.on or pledge.announced)).days, 1)
    return step > amount * Decimal(days) / Decimal(span) * JUMP_PACE


def _same_reading(a: Observation, b: Observation) -> bool:
    fa, fb = a.figure, b.figure
    return (fa.kind, fa.scope, fa.period) == (fb.kind, fb.scope, fb.period)


def _disputes(target: Target, obs: Observation, items: Sequence[Observation]) -> list[str]:
    """Another article, the same day, the same kind, scope and period, a different level."""
    unit = target.unit or obs.figure.unit
    seen = []
    for other in items:
        if (
            other.article_url != obs.article_url
            and day(other) == day(obs)
            and _same_reading(other, obs)
            and not agree(other, obs, target)
        ):
            shown = number(level_of(other, target), unit)
            if shown not in seen:
                seen.append(shown)
    return [f"同日另一报道为{s}" for s in seen]


def _corroborator(
    target: Target, obs: Observation, items: Sequence[Observation], known: _Known | None
) -> Observation | None:
    """A second outlet with the same level, or a later article whose figure follows from this
    one and not from what was known before it."""
    for other in items:
        if other.id == obs.id or other.rejected:
            continue
        if other.source_id == obs.source_id and other.story == obs.story:
            continue  # the same outlet saying the same thing again is no second voice
        if agree(other, obs, target):
            return other
        if day(other) > day(obs) and other.story != obs.story and known is not None:
            mine = _Known(level_of(obs, target), day(obs))
            if not _reasons(target, other, mine) and _reasons(target, other, known):
                return other
    return None


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
