"""The pledge said in the days it is announced: on a page published within a month of the
pledge's announcement, the pledge's own size (建成14个高品质生活服务圈。 in a list of the year's
tasks, for a pledge of 14 announced that day) said with a bare verb of work and no word of a
result (已, 了, 截至, 累计…) is the pledge, not work done: nothing can be done yet."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from monitor.models import FigureKind, FigureScope, Quantity, Target

_DAYS = timedelta(days=31)  # how long after its announcement a page still announces it
# a word of a result or a time past: the count is work done (已建成, 建成了, 截至…, 累计…)
_DONE = re.compile(r"已|了|截至|截止|累计|实际|超额|提前|去年|上年|以来|过去|共计")


_ROUNDED = Decimal("0.02")  # how far a rounded size (近4900个 for 4897) may be from the pledge's


def pledge_size(quantity: Quantity, pledge: Decimal) -> bool:
    """Whether `quantity` is the pledge's size: the same, or rounded to it (近4900个, 约1.2万套)."""
    if quantity.value == pledge:
        return True
    near = quantity.qualifier in ("nearly", "about") and pledge > 0
    return near and abs(quantity.value - pledge) <= _ROUNDED * pledge


def announced_again(
    quantity: Quantity,
    target: Target,
    read: tuple[FigureKind, FigureScope, str | None],
    clause: str,
    published: date | None,
) -> bool:
    """Whether a count read as a result or in no clear frame (`read`: kind, scope, period) is the
    target's pledge said in the month it was announced: its size, in no other year, with no
    word of a result in its clause."""
    kind, scope, period = read
    pledge = target.pledge
    if kind not in ("achieved", "mention") or pledge is None or pledge.announced is None:
        return False
    if published is None:
        return False
    if not pledge_size(quantity, pledge.value) or scope != pledge.scope:
        return False
    if not pledge.announced <= published <= pledge.announced + _DAYS:
        return False
    if period is not None and pledge.by is not None and period != str(pledge.by.year):
        return False
    return _DONE.search(clause) is None
