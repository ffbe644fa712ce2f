"""The columns of a progress table, read from their headers: the row label, a 序号 or 单位
column, the pledge (年度任务, 省定目标, 年度完工计划), the result (完成数, 截至9月底已完成,
累计完成), a share of the pledge (完成率, 完成进度, 完成比例), a rate (同比增长), each with its
scope, the unit its header writes, its period and the stage of work it counts (table_stages)."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.table_heads import (
    FORECAST,
    POINTS,
    STOCK,
    Column,
    Role,
    bare_progress,
    names_change,
    progress_count,
    read_head,
    read_words,
    squashed,
    words_of,
)
from monitor.figures.table_heads import role_of as role_of
from monitor.figures.table_rows import is_period, label_of, periods_down
from monitor.figures.table_running import year_to_date
from monitor.figures.table_spans import done_in_per_cent, done_of_plan, plan_window, ratio_shares
from monitor.figures.table_stages import stage_in
from monitor.figures.table_units import (
    AGAINST_MEAN,
    PLAN_ROW,
    RATE_WORD,
    SINCE_LAST_MONTH,
    caption_month,
    header_unit,
    period_of,
)
from monitor.figures.table_units import HEADER_UNIT as _HEADER_UNIT
from monitor.figures.table_years import years_down
from monitor.models import Table, Target

# A header over rows' names (项目类别, 指标名称): labels, even opening with a number (5G基站)
_LABEL_HEAD = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:名称|类别|类型|分类|内容|事项)|(?:主要)?(?:项目|工程|指标)|"
    r"地区|区域|地市|市州|县区|区县|县[（(]市、?区[)）]|月份|时间|行业|领域"
)
_INDEX = re.compile(r"(?:序号|编号|序|排名|排序|名次|No\.?|NO\.?)")
_UNIT_COLUMN = re.compile(r"(?:计量)?单位")
# A header that names no role and no item, only a value (数值, 合计（个）): the caption or the
# article's title says what it holds
_BARE = re.compile(r"数值|数据|数量|数|值|绝对值|绝对数|绝对额|总量|总数|合计|总计|共计|小计")
# A total's header (合计, 总计): the columns of kinds left of it are its parts
_TOTAL = re.compile(r"合计|总计|共计|小计|总数")
# A column of one month (当月, 本月): a 累计 column beside it runs from the year's start
# …also with a qualifier before it (约280, 超1800, 近300); a dash or a slash is no cell at all
_AMOUNT_FIRST = re.compile(
    r"(?:约|超过?|近|逾|不足|不到|达|[≥≧＞>≤≦＜<]|"
    + RATE_WORD
    + r")?[-+－＋−▲▼△▽↑↓]?\s*[0-9０-９.]"
)  # …or a bound before it (≥3000个, ≤5%), or a rise or fall in words (增长24.1%)
# An item's number before its words (1.新建充电桩, 2、加装电梯): a label, no amount
_NUMBERED = re.compile(
    r"[0-9０-９]{1,2}\s*(?:[.、．]|(?:[-—–~至]\s*[0-9]{1,2}\s*)?月份?)\s*[\u4e00-\u9fff]"
)  # …or its months before them (1-9月已新增养老床位)
_EMPTY = re.compile(r"\s*[-—–/／\\]*\s*")
_SO_FAR = re.compile(r"[0-9０-９]{1,2}\s*月|截至|截止|季度|上半年|以来")  # the year's work so far
_YEAR_ALONE = re.compile(r"((?:19|20)[0-9]{2})\s*年(?:度|全年)?")


def columns(table: Table, published: date | None, title: str = "") -> list[Column]:
    out: list[Column] = []
    wordy: list[bool] = []  # a column with a cell in words (合计 below 500千伏, 220千伏)
    dates: list[bool] = []  # a column of dates alone (发行时间: 2025年2月)
    for i, head in enumerate(map(squashed, table.header)):  # (序 号, 单 位: spread over a cell)
        cells = [row[i] for row in table.rows if i < len(row) and not _EMPTY.fullmatch(row[i])]
        dates.append(bool(cells) and all(is_period(c) for c in cells))
        numbers = sum(
            _AMOUNT_FIRST.match(c) is not None and not is_period(c) and not _NUMBERED.match(c)
            for c in cells
        )
        wordy.append(numbers < len(cells))
        if _INDEX.fullmatch(head):
            out.append(Column("index", None, None, None))
        elif _UNIT_COLUMN.fullmatch(head):
            out.append(Column("unit", None, None, None))
        elif cells and (
            (numbers * 2 < len(cells) and not (i and numbers and _said(head, published)))
            or (numbers < len(cells) and _LABEL_HEAD.fullmatch(head.strip()))
        ):  # (a header of labels over names that open with a number: 35千伏及以上电网)
            out.append(Column("label", None, None, None))
        else:  # (a header of a role keeps it over cells in words: 2025年目标 | 与经济增长同步)
            out.append(read_head(head, published)._replace(stage=stage_in(head)))
    values = ("pledge", "achieved", "share", "rate")
    years_down(out, table)  # 年份 | 床位数(张) over 2019 | 2020 …: a yearbook's series
    _names_first(out, wordy)
    labels = [i for i, c in enumerate(out) if c.role == "label"]
    for i in labels[1:]:  # 批次 | 发行时间: the date a row's batch was issued, not its name
        out[i] = Column("none", None, None, None) if dates[i] else out[i]
    said = period_of(table.caption) or period_of(title)
    _years_before(out, table.header, said, published)
    _rate_of_plan(out, table.header)
    _plan_of_the_year(out, table.header, published)
    _years_of_a_plan(out, table.header, table.caption, published)
    _parts_of_totals(out, table.header, published)
    _bare_values(out, table.header, (table.caption, title), published)
    _year_result(out, table.header)
    _fraction_halves(out, table.header, published)
    ratio_shares(out, table)
    done_in_per_cent(out, table.header)
    done_of_plan(out, table)  # 完成年度目标任务的 | 65.0%
    _progress_counts(out, table)
    plan_window(out, table.header)
    for i, head in enumerate(table.header):  # 较上月增加 of no month the caption names: unread
        if (SINCE_LAST_MONTH.search(head) and not caption_month(table.caption)) or (
            out[i].role == "rate" and AGAINST_MEAN.search(head)  # 同比 三年均值
        ):
            out[i] = Column("none", None, None, None)
    first = next((i for i, c in enumerate(out) if c.role in values), None)
    for i in range(first + 1 if first is not None else len(out), len(out)):
        if out[i].role == "label":  # words after the figures (备注: 超额完成) remark, not label
            out[i] = Column("none", None, None, None)
    _running_down(out, table)
    return year_to_date(out, table.header)


def _progress_counts(columns: list[Column], table: Table) -> None:
    """A 进度 column under a group counting in an amount unit (新增就业（人）|目标任务 | 进度 |
    完成比例（%）), or 进度 alone beside a share column of the table's own (目标任务 | 进度 |
    完成任务(%)), its cells no per cents (3650, not 87.0%): the count done so far (in the
    group's unit, else the row's: 新增城镇就业(人))."""
    shares = [i for i, c in enumerate(columns) if c.role == "share"]
    for i in shares:
        unit = progress_count(table.header[i])
        beside = unit is None and bare_progress(table.header[i]) and len(shares) > 1
        cells = [row[i] for row in table.rows if i < len(row) and row[i].strip()]
        if (unit or beside) and cells and not any("%" in c or "％" in c for c in cells):
            columns[i] = columns[i]._replace(role="achieved", scope="new", unit=unit)


_YEAR_ROW = re.compile(r"\s*(?:19|20)[0-9]{2}\s*年(?:度|末|底)?\s*")


def _running_down(columns: list[Column], table: Table) -> None:
    """With the year's quarters or months down (一季度 | 二季度, 7月 | 8月), a 累计 column is the
    year's running total (new), not a stock; with years down (2023年 | 2024年) it stays one."""
    labels = [i for i, c in enumerate(columns) if c.role == "label"]
    if not labels or not periods_down(table, labels):
        return
    if any(_YEAR_ROW.fullmatch(label_of(row, labels)) for row in table.rows):
        return
    for i, (column, head) in enumerate(zip(columns, table.header, strict=False)):
        rest = head.replace("累计", "", 1)
        running = rest != head and not STOCK.search(rest)  # 累计建成, not 累计总数
        running = running or (column.bare and "累计" in table.caption)  # 主要指标（累计）
        if column.role == "achieved" and column.scope == "cumulative" and running:
            columns[i] = column._replace(scope="new")


def fraction_roles(head: str, published: date | None) -> tuple[str, str] | None:
    """A header of two roles split by a slash (完成数/任务数（个）: each half with the unit, a
    result and a plan in either order), or of a count and its share in brackets (已开工（完成率）);
    None for any other header."""
    found = _HEADER_UNIT.search(head)
    words, unit = (head[: found.start()], found.group()) if found else (head, "")
    if found and read_head(found.group(1), published).role == "share" and words.strip():
        counted = read_head(words, published).role  # 已开工（完成率）: the count, then its share
        return (words, found.group(1)) if counted in ("pledge", "achieved") else None
    halves = re.split(r"[/／]", words)
    if len(halves) != 2 or not all(h.strip() for h in halves):
        return None
    left, right = (f"{h.strip()}{unit}" for h in halves)
    roles = {read_head(left, published).role, read_head(right, published).role}
    return (left, right) if roles == {"pledge", "achieved"} else None


def _fraction_halves(
    columns: list[Column], header: tuple[str, ...], published: date | None
) -> None:
    """A column of fractions split in two (table_shapes.fractions: the same header twice, 完成数/
    任务数（个）): the first takes its header's first half's role, the second the other's."""
    for i in range(len(header) - 1):
        roles = fraction_roles(header[i], published) if header[i] == header[i + 1] else None
        if roles and columns[i].role == columns[i + 1].role:
            columns[i], columns[i + 1] = (read_head(r, published) for r in roles)


def _names_first(columns: list[Column], wordy: list[bool]) -> None:
    """With no column of labels, the first column, before any value's, that names no role and
    has a cell in words is the rows' names (电压等级 | 500千伏 … 合计)."""
    if any(c.role == "label" for c in columns):
        return
    for i, column in enumerate(columns):
        if column.role in ("pledge", "achieved", "share", "rate"):
            return
        if column.role == "none" and wordy[i]:
            columns[i] = Column("label", None, None, None)
            return


# Last year's column (上年执行数, 去年完成): a result of the year before the table's
_LAST_YEAR = re.compile(r"^(?:上年度?|去年)(?!同期)")


def _years_before(
    columns: list[Column], header: tuple[str, ...], said: str | None, published: date | None
) -> None:
    """A column of last year (上年执行数) is of the year before the one the caption or title
    names, else before the year of publication; a forecast (全年预计完成) under a caption of a
    year already over (2024年主要指标执行情况, published in 2025) is that year's first result."""
    year = int(said) if said else (published.year if published else None)
    for i, head in enumerate(header):
        column = columns[i]
        if year is None or column.period or column.role not in ("pledge", "achieved"):
            continue
        if _LAST_YEAR.match(head):
            columns[i] = column._replace(period=str(year - 1))
        elif FORECAST.search(head) and said and published and year < published.year:
            columns[i] = column._replace(role="achieved", period=said)


def _said(head: str, published: date | None) -> bool:
    """Does a header name a plan, a result, a share or a rate (2025年目标, 完成率, 完成|增速)?"""
    return read_head(head, published).role in ("pledge", "achieved", "share", "rate")


def _plan_of_the_year(
    columns: list[Column], header: tuple[str, ...], published: date | None
) -> None:
    """A column headed by this year alone (2024年) beside the year's results so far (1-9月,
    截至9月底) is the year's plan."""
    so_far = [
        c.role == "achieved" and _SO_FAR.search(h) for c, h in zip(columns, header, strict=False)
    ]
    if published is None or not any(so_far):
        return
    for i, column in enumerate(columns):
        bare = _YEAR_ALONE.fullmatch(_HEADER_UNIT.sub("", header[i]).strip())
        if column.role == "none" and bare and int(bare.group(1)) == published.year:
            columns[i] = column._replace(role="pledge", scope="new")


_WHOLE_YEAR = re.compile(r"全年|年度|全年合计|全年累计")
_PART_OF_YEAR = re.compile(r"上半年|下半年|[一二三四1-4]\s*季度|[0-9]{1,2}\s*月")


def _years_of_a_plan(
    columns: list[Column], header: tuple[str, ...], caption: str, published: date | None
) -> None:
    """Columns headed by years alone under a caption of plans (三年行动计划任务分解表) are each
    year's plan, past years' too; a total right of them (合计) is the plan over their span."""
    if read_words(_BRACKET.sub(" ", caption), published).role != "pledge":
        return
    years = [
        (i, found.group(1))
        for i, h in enumerate(header)
        if columns[i].role in ("none", "achieved") and (found := _YEAR_ALONE.fullmatch(words_of(h)))
    ]
    if len(years) < 2:
        return
    for i, year in years:
        columns[i] = Column("pledge", "new", columns[i].unit, year)
    last = years[-1][0] + 1
    if last < len(header) and _TOTAL.fullmatch(words_of(header[last])):
        span = f"{years[0][1]}-{years[-1][1]}"
        columns[last] = Column("pledge", "new", header_unit(header[last]), span)


def _year_result(columns: list[Column], header: tuple[str, ...]) -> None:
    """A column headed by the year alone (全年) beside results of its parts (上半年 | 下半年)
    and the year's own target (全年目标) is the year's result."""
    parts = any(
        c.role == "achieved" and _PART_OF_YEAR.search(h)
        for c, h in zip(columns, header, strict=False)
    )
    if not parts or not any(c.role == "pledge" for c in columns):
        return
    for i, column in enumerate(columns):
        if column.role == "none" and _WHOLE_YEAR.fullmatch(words_of(header[i])):
            columns[i] = Column("achieved", "new", column.unit, column.period)


def _parts_of_totals(
    columns: list[Column], header: tuple[str, ...], published: date | None
) -> None:
    """The columns of kinds just left of a total under the same group (快充桩 | 慢充桩 | 合计,
    1-8月新建|快充 … 1-8月新建|合计) are parts of it: no figure of the row's total."""
    for i, head in enumerate(header):
        *group, last = head.split("|")
        if not _TOTAL.fullmatch(words_of(last)):
            continue
        j = i - 1
        while j >= 0 and columns[j].role in ("none", "pledge", "achieved"):
            *other, kind = header[j].split("|")
            if other != group or _TOTAL.fullmatch(words_of(kind)):
                break
            if read_words(kind, published).role != "none" or _YEAR_ALONE.fullmatch(words_of(kind)):
                break  # a column of its own role (年度任务, 已完成) or a year's: no kind
            columns[j] = Column("none", None, columns[j].unit, None, part_of=i)
            j -= 1


def _bare_values(
    columns: list[Column], header: tuple[str, ...], frames: tuple[str, str], published: date | None
) -> None:
    """A column headed by a value alone (数值, 合计（个）), or by a thing's name where the things
    are across and no column names a role (区 | 充电桩（个） | 充电站（座）), holds what the
    caption, else the article's title, says the table holds (1-9月…主要指标: results; 2025年目标:
    plans); nothing when neither says."""
    things = not any(c.role in ("pledge", "achieved", "share") for c in columns)  # (增速 beside)
    bare = [
        i
        for i, (c, h) in enumerate(zip(columns, header, strict=False))
        if c.role == "none"
        and c.part_of is None
        and ("|" not in h or _grouped(h))
        and (_BARE.fullmatch(words_of(h.rsplit("|", 1)[-1])) or (things and _thing(h)))
    ]
    if not bare:
        return
    frame = next(
        (
            f
            for text in frames
            if text and (f := read_words(_BRACKET.sub(" ", text), published)).role in _FRAMES
        ),
        None,
    )
    measured = frame is None and _beside_a_change(columns)
    for i in bare:
        if measured and not names_change(header[i]):  # 产量（万吨） | 增长（%）: what was measured
            columns[i] = Column("achieved", "new", header_unit(header[i]), None, bare=True)
        elif frame is None:  # no frame: only a row label's own role word can say (for_row)
            columns[i] = Column("none", None, header_unit(header[i]), None, bare=True)
        else:
            scope = frame.scope if frame.scope in ("new", "cumulative") else "new"
            columns[i] = Column(frame.role, scope, header_unit(header[i]), frame.period, bare=True)


def _beside_a_change(columns: list[Column]) -> bool:
    """Does the table give a change over the year before (增长（%）) and no plan: a table of
    what was measured, whose bare measures are results?"""
    roles = {c.role for c in columns}
    return "rate" in roles and "pledge" not in roles


def _grouped(head: str) -> bool:
    """Is a header a bare value under a thing's group (社会消费品零售总额|总量（亿元）), no part?"""
    *group, last = head.split("|")
    return not re.match(r"其中|含|包括", group[0]) and _BARE.fullmatch(words_of(last)) is not None


def _thing(head: str) -> bool:
    """Is a header a thing's name and its unit alone (充电桩（个）): in a table of things across
    with no role of their own, the caption's work is each one's (1-9月新建…统计)?"""
    words, unit = words_of(head), header_unit(head)  # (not 比上月（%）: no amount in %)
    return bool(unit) and unit not in _NO_AMOUNT and _NOUN.fullmatch(words) is not None


_NOUN = re.compile(r"[\u4e00-\u9fff]{2,10}")
# a unit of a share or of points: no amount (built by concatenation: mypyc 1.x fails on a starred
# tuple inside `in (...)`, an internal error in visit_star_expr)
_NO_AMOUNT = ("%", "％") + POINTS  # noqa: RUF005
_FRAMES = ("pledge", "achieved")
_BRACKET = re.compile(r"[（()）]")  # a caption's date in brackets (截至8月底) is its frame too
# A row label's own role word, for a column headed by a value alone (今年新建充电桩任务 | 数值)
_LABEL_PLAN = re.compile(r"任务|目标|计划|预算|规划")
_LABEL_DONE = re.compile(r"已|完成|实际|实绩|实现")


def points_for(columns: list[Column], target: Target) -> list[Column]:
    """A change in points (比上年提高（个百分点）) is the rate of a target in % (a level: 城镇化率)
    and nothing of any other's (the change of a growth rate)."""
    if target.unit in ("%", "％"):
        return columns
    return [c._replace(role="none") if c.unit == "百分点" else c for c in columns]


def for_row(columns: list[Column], label: str) -> list[Column]:
    """The columns as one row reads them: a bare value column (数值) takes the role its row's
    label names (…任务: the plan; 已建成…: the result) over the caption's, when it names one."""
    plan, done = _LABEL_PLAN.search(label), _LABEL_DONE.search(label)
    if PLAN_ROW.fullmatch(label.strip()):  # 全年目标 below rows of quarters: each count its plan
        done_ = ("achieved",)
        return [c._replace(role="pledge", scope="new") if c.role in done_ else c for c in columns]
    if not any(c.bare for c in columns) or bool(plan) == bool(done):
        return columns
    role: Role = "pledge" if plan else "achieved"
    return [c._replace(role=role, scope=c.scope or "new") if c.bare else c for c in columns]


def _rate_of_plan(columns: list[Column], header: tuple[str, ...]) -> None:
    """A rate right of the plan, with no result between (2024年计划 | 比上年增长（%）), is the
    plan's: a planned growth; not one its own header says done (1-9月完成情况|增速)."""
    for i, column in enumerate(columns):
        if column.role != "rate" or _LABEL_DONE.search(header[i]):
            continue
        left = next((c for c in reversed(columns[:i]) if c.role in ("pledge", "achieved")), None)
        if left is not None and left.role == "pledge" and left.scope != "rate":
            columns[i] = column._replace(role="pledge")
