"""A running total read as the year's work so far: a 累计完成 column beside the year's task (in
numbers or in words: 年度任务 | 改造公厕40座) or beside one month's figure (当月), with no other
result of the year (money paid or invested beside a count is another thing's), is what the year
added (new, as E7 counts year-to-date), not a stock."""

from __future__ import annotations

import re

from monitor.figures.table_heads import POINT, STOCK, Column, read_head
from monitor.figures.table_stages import stage_in
from monitor.figures.table_units import HEADER_UNIT as _HEADER_UNIT
from monitor.figures.table_units import MONTH_PART, header_unit

# One month's column (本月, 当月, 10月), not a span to it (1-本月累计, 本月止累计: the year's)
_ONE_MONTH = re.compile(
    r"(?<![-—–~至])\s*(?:当月|本月)(?!止|末|累计)|^\s*[0-9０-９]{1,2}\s*月份?\s*$"
)
_LONG_PLAN = re.compile(r"规划|总")
_MONEY = ("元", "万元", "亿元", "万亿元")


def _plan_words(head: str) -> bool:
    """Does a header over words name the plan (年度任务, 全年目标任务)?"""
    return read_head(head, None).role == "pledge"


def year_to_date(columns: list[Column], header: tuple[str, ...]) -> list[Column]:
    """A 累计完成 column beside the year's task or one month's figure (当月), and no other result
    of the year, is the year's running total (new, as E7 counts year-to-date), not a stock:
    全年任务 | 累计完成 | 完成比例, 当月新增 | 累计新增."""
    achieved = [i for i, c in enumerate(columns) if c.role == "achieved"]
    months = [i for i in achieved if _ONE_MONTH.search(header[i]) or MONTH_PART.match(header[i])]
    counts = [i for i in achieved if i not in months]
    money = [i for i in counts if header_unit(header[i]) in _MONEY]  # 资金拨付（万元）: another
    counts = [i for i in counts if i not in money] or counts  # thing's result than the count's
    plans = [  # (a task in words, 年度任务: 改造公厕40座, is the year's plan too)
        i
        for i, c in enumerate(columns)
        if (c.role == "pledge" and c.scope == "new")
        or (c.role == "label" and _plan_words(header[i]))
        if not _LONG_PLAN.search(header[i])
    ]
    if not (plans or months) or not _one_result_a_stage(counts, header):
        return columns
    for i in counts:
        rest = header[i].replace("累计", "", 1)
        point = POINT.fullmatch(_HEADER_UNIT.sub("", header[i]).strip()) is not None  # 截至8月底
        if columns[i].scope != "cumulative" or (rest == header[i] and not point):
            continue  # no 累计 nor a date alone
        if STOCK.search(rest):
            continue  # another stock word beside it (累计总数): a stock still
        columns[i] = columns[i]._replace(scope="new")
    return columns


def _one_result_a_stage(counts: list[int], header: tuple[str, ...]) -> bool:
    """Whether the year's result columns are one, or one a stage of the work (累计开工 | 累计完工:
    each stage's running total of the year)."""
    if len(counts) <= 1:
        return len(counts) == 1
    stages = [stage_in(header[i]) for i in counts]
    return None not in stages and len(set(stages)) == len(stages)
