"""The unit and the year a table's header, caption or title writes: 年度任务（万个） → 万个,
…完成情况（%） → %, 2024年1-9月 → 2024."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures import units
from monitor.models import Table

YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年?")
HEADER_UNIT = re.compile(r"[（(]([^（）()]{1,8})[)）]\s*$")
_PERCENT = re.compile(r"[%％]")
_UNIT_PARTS = re.compile(r"[/、,，]")
_UNIT_NOTE = re.compile(r"[（(]\s*(?:计量)?单位\s*[:：]\s*([^（）()]{1,12})[)）]\s*$")


def header_unit(head: str) -> str | None:
    """The unit a header or label writes in brackets at its end (年度任务（万个） → 万个)."""
    found = _UNIT_NOTE.search(head) or HEADER_UNIT.search(head)  # （单位：亿元、%）: 亿元
    if found:
        written = _UNIT_PARTS.split(found.group(1))[0].strip()
        if _PERCENT.fullmatch(written) or units.normalise(written) in units.CANONICAL.values():
            return "%" if _PERCENT.fullmatch(written) else written
    if head.rstrip().endswith(("%", "％")):
        return "%"
    return None


def period_of(text: str) -> str | None:
    found = YEAR.search(text)
    return found.group(1) if found else None


# A row of one month (8月, 2024年8月份) and a column of a running total (累计, 1-N月, 合计)
_ONE_MONTH = re.compile(
    r"(?:(?:19|20)[0-9]{2}\s*年)?\s*(1[0-2]|[1-9]|十?[一二三四五六七八九十])\s*月份?"
)
_MONTH_WORDS = {w: k for k, w in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}
_RUNNING = re.compile(r"累计|合计|[0-9一]\s*[-—–~至]|以来|全年")
# A column of one month's part of a running total (其中：9月建成, 其中本年8月新增)
MONTH_PART = re.compile(
    r"^(?:其中|含)[:：]?\s*(?:(?:19|20)[0-9]{2}\s*年|本年|今年)?(1[0-2]|[1-9])\s*月份?(?![底末0-9])"
)


# An amount added since last month (较上月增加, 比上月末新增): the month's own work
# A change against an average of years (同比 三年均值, 较近五年平均增长): no rate over last year
AGAINST_MEAN = re.compile(r"[0-9一二三四五六七八九十两几]\s*年(?:的)?(?:均值|平均)")
SINCE_LAST_MONTH = re.compile(r"(?:比|较)上月末?(?:增加|新增|净增|多增)|环比(?:增加|新增|净增)")
# The one month a caption reports (2025年8月各区县…), not a span (1-8月) nor a day (8月底)
_CAPTION_MONTH = re.compile(r"(?<![0-9\-—–~至])(1[0-2]|[1-9])\s*月份?(?![底末0-9])")


def caption_month(caption: str) -> int | None:
    """The one month a caption reports (2025年8月各区县…: 8), None for a span or none."""
    found = _CAPTION_MONTH.search(caption)
    return int(found.group(1)) if found else None


# A column or row of one quarter's own amount (二季度, 第三季度, 四季度完成; not 前三季度, 1-3季度)
_ONE_QUARTER = re.compile(r"(?:(?:19|20)[0-9]{2}\s*年)?第?([一二三四1-4])季度(?:完成|新增|新建)?")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def month_flow(
    label: str, head: str, year: str | None, scope: str, caption: str = ""
) -> str | None:
    """The period of a cell in a month's row under a column of that month's own amount (8月 |
    本月: 2024M08), or under 较上月增加 in a table whose caption names its month, or in one
    quarter's column or row (二季度: 2024Q2); None for a running total's column (累计), a rate or
    a row of no one month."""
    if SINCE_LAST_MONTH.search(head):
        month = caption_month(caption)
        return f"{year[:4]}M{month:02d}" if month and year else None
    part = MONTH_PART.match(head)  # 其中：9月建成 beside 截至9月底累计: September's own
    if part and year and scope != "rate":
        return f"{year[:4]}M{int(part.group(1)):02d}"
    quarter = _ONE_QUARTER.fullmatch(head.strip()) or _ONE_QUARTER.fullmatch(label.strip())
    if quarter and year and scope == "new" and not _RUNNING.search(head):  # 二季度: 2024Q2
        return f"{year[:4]}Q{_QUARTERS[quarter.group(1)]}"
    found = _ONE_MONTH.fullmatch(label.strip())
    if found is None or not year or scope == "rate" or _RUNNING.search(head):
        return None
    month = _MONTH_WORDS.get(found.group(1)) or int(found.group(1))  # 八月份: 8
    return f"{year[:4]}M{month:02d}"


# A rise or a fall said in words before a rate in its cell (增长24.1%, 同比下降7.7%)
RATE_WORD = r"(?:同比|比上年|较上年)?(?:增长|增加|上升|提高|下降|减少|降低|回落)"

# A row of the year's plan among rows of periods (全年目标, 年度计划, 2025年任务)
PLAN_ROW = re.compile(
    r"(?:(?:19|20)[0-9]{2}\s*年)?(?:全年|年度|今年|本年)?(?:目标|任务|计划)(?:数|值)?"
)


def table_year(table: Table, title: str, published: date | None) -> str | None:
    """The year the table's caption or title names, else the year of publication."""
    said = period_of(table.caption) or period_of(title)
    return said or (str(published.year) if published else None)


def read_as_of(year: str | None, published: date | None) -> date | None:
    """When a table's cells are read: the last day of the earlier year its caption or title
    names (2024年度民生实事项目完成情况, out in January 2025: each task is 2024's), else the day
    it was published."""
    if published is None or year is None or not year.isdigit() or int(year) >= published.year:
        return published
    return date(int(year), 12, 31)
