"""The period of a figure said against an earlier year's end: an increase over it (比2020年底
增加21家: the years since), a level dated at it (由去年底的63家…: that year) or the level it
rose to (从2016年底的180公里增至435公里: the year published). Split from binding.py."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.cues import A_YEAR, EARLIER_LEVEL, EARLIER_WORK
from monitor.figures.measures import since_window
from monitor.figures.windows import base_window
from monitor.models import FigureScope

# (a year's level as the base too: 从2020年的1200家增加到…)
_LEVEL_THEN = re.compile(r"年(?:底|末)?的[^，,。；]*?[0-9][^，,。；]*?[到至][约近超]?$")


def dated_period(
    head: str, scope: FigureScope, period: str | None, published: date | None
) -> str | None:
    """The period of an increase over an earlier year's end (比2020年底增加21家: the years
    since), of a level dated at one (由去年底的【63家】…: that year) or of the level it rose to
    (从2016年底的180公里增至【435公里】: the year published); else `period` as it is."""
    work = EARLIER_WORK.search(head) if published is not None else None
    if work and published is not None:  # 比去年实际新增的7.4万个: that year's
        year = A_YEAR.search(work.group())
        return year.group(1) if year else str(published.year - 1)
    if scope == "new":
        return since_window(head, period, published)
    if scope == "rate":  # 比2020年下降11.3% (read where the plan's years are tracked): since
        return base_window(head, period, published)
    if published is None or scope != "cumulative" or "的" not in head:
        return period
    earlier = EARLIER_LEVEL.search(head)
    if earlier:
        year = A_YEAR.search(earlier.group())
        return year.group(1) if year else str(published.year - 1)
    return str(published.year) if _LEVEL_THEN.search(head) else period
