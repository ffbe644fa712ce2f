"""Cron strings as crontab(5) reads them, turned into APScheduler 3 triggers.

APScheduler's own `CronTrigger.from_crontab` counts weekdays from Monday = 0, so the crontab
line "0 8 * * 1-5" would fire Tuesday to Saturday and "0 8 * * 7" would be refused. Here each
field is expanded by crontab's rules (0 and 7 are Sunday; names; ranges, lists, steps; the
day-of-month / day-of-week "either matches" rule; @daily and the other nicknames) into explicit
values APScheduler cannot misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from apscheduler.triggers.base import BaseTrigger

CRON_EXAMPLE = '"0 8 * * *"'

NICKNAMES = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # crontab's order: Sunday = 0
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()  # names[i] stands for low + i (day-of-week: sun = 0)


_FIELDS = (
    _Field("minute", 0, 59),
    _Field("hour", 0, 23),
    _Field("day-of-month", 1, 31),
    _Field("month", 1, 12, MONTHS),
    _Field("day-of-week", 0, 7, WEEKDAYS),  # 7 is Sunday again, as crontab(5) allows
)


def parse_cron(text: str, timezone: ZoneInfo) -> BaseTrigger:
    """A crontab line (minute hour day-of-month month day-of-week, or @daily…) as a trigger
    in `timezone`; ValueError with what was expected otherwise."""
    spelled = text.strip()
    fields = NICKNAMES.get(spelled.lower(), spelled).split()
    if spelled.startswith("@") and spelled.lower() not in NICKNAMES:
        raise ValueError(
            f"{text!r} is not a cron schedule: the nicknames are {', '.join(NICKNAMES)}"
        )
    if len(fields) != 5:
        raise ValueError(
            f"{text!r} is not a cron schedule: expected 5 fields, like {CRON_EXAMPLE}"
            " (minute hour day-of-month month day-of-week)"
        )
    try:
        values = [_expand(part, spec) for part, spec in zip(fields, _FIELDS, strict=True)]
    except ValueError as err:
        raise ValueError(f"{text!r} is not a cron schedule: {err}; like {CRON_EXAMPLE}") from None
    minute, hour, day, month, weekday = values
    weekdays = sorted({d % 7 for d in weekday})
    if fields[4].startswith("*") and not _fits(day, month):
        raise ValueError(
            f"{text!r} is not a cron schedule: that day-of-month never falls in those months"
        )
    # Imported here: a pass that finds its watchlist in the cache never parses a schedule.
    from apscheduler.triggers.combining import OrTrigger
    from apscheduler.triggers.cron import CronTrigger

    def trigger(days: str, dows: str) -> CronTrigger:
        return CronTrigger(
            minute=_list(minute, fields[0]),
            hour=_list(hour, fields[1]),
            day=days,
            month=_list(month, fields[3]),
            day_of_week=dows,
            timezone=timezone,
        )

    day_text = _list(day, fields[2])
    dow_text = "*" if len(weekdays) == 7 else ",".join(WEEKDAYS[d] for d in weekdays)
    # crontab(5): when both day fields are restricted (neither starts with '*'), a day that
    # matches either one fires; APScheduler alone would ask for both.
    if not fields[2].startswith("*") and not fields[4].startswith("*"):
        return OrTrigger([trigger(day_text, "*"), trigger("*", dow_text)])
    return trigger(day_text, dow_text)


def _expand(part: str, spec: _Field) -> set[int]:
    """One field ('1-5', 'mon-fri', '*/15', '1,15', 'jan-jun/2') as the set of its values."""
    found: set[int] = set()
    for item in part.split(","):
        if not item:
            raise ValueError(f"{spec.name} {part!r} has an empty item")
        body, _, step_text = item.partition("/")
        step = 1
        if step_text:
            if not step_text.isdigit() or int(step_text) == 0:
                raise ValueError(f"{spec.name} step {step_text!r} must be a whole number above 0")
            step = int(step_text)
        if body == "*":
            low, high = spec.low, spec.high if spec.name != "day-of-week" else 6
        elif "-" in body:
            first, _, last = body.partition("-")
            low, high = _value(first, spec), _value(last, spec)
            if low > high:
                raise ValueError(
                    f"{spec.name} range {body!r} runs backwards: write the smaller end first"
                )
        else:
            low = _value(body, spec)
            high = (spec.high if spec.name != "day-of-week" else 6) if step_text else low
        found.update(range(low, high + 1, step))
    return found


def _value(text: str, spec: _Field) -> int:
    lowered = text.lower()
    if lowered in spec.names:
        return spec.low + spec.names.index(lowered)
    if not text.isdigit():
        names = f" or a name ({', '.join(spec.names)})" if spec.names else ""
        raise ValueError(f"{spec.name} {text!r} must be a number {spec.low}-{spec.high}{names}")
    number = int(text)
    if not spec.low <= number <= spec.high:
        raise ValueError(f"{spec.name} {number} is out of range {spec.low}-{spec.high}")
    return number


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _fits(days: set[int], months: set[int]) -> bool:
    """Whether some listed day exists in some listed month ('0 8 31 2 *' never fires)."""
    return any(d <= _MONTH_DAYS[m - 1] for d in days for m in months)


def _list(values: set[int], field: str) -> str:
    if field == "*":
        return "*"
    return ",".join(str(v) for v in sorted(values))
