"""The columns of a progress table, read from their headers: the row label, a 序号 or 单位
column, the pledge (年度任务, 省定目标, 年度完工计划), the result (完成数, 截至9月底已完成,
累计完成), a share of the pledge (完成率, 完成进度, 完成比例), a rate (同比增长), each with its
scope, the unit its header writes, its period and the stage of work it counts (table_stages)."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal, NamedTuple

from monitor.figures.table_rows import is_period
from monitor.figures.table_stages import stage_in
from monitor.figures.table_units import HEADER_UNIT as _HEADER_UNIT
from monitor.figures.table_units import YEAR as _YEAR
from monitor.figures.table_units import header_unit
from monitor.models import FigureScope, Table

Role = Literal["index", "unit", "label", "pledge", "achieved", "share", "rate", "none"]

_INDEX = re.compile(r"(?:序号|编号|序|排名|排序|名次|No\.?|NO\.?)")
_UNIT_COLUMN = re.compile(r"(?:计量)?单位")
_RATE = re.compile(r"同比|环比|增长|增速|增幅|增减|±|比上年|比去年|较上年|较去年|变动|变化")
_SHARE = re.compile(
    r"完成率|进度|占.{0,6}(?:%|％|比|计划|任务|目标|预算)|比例|比重|[开完竣]工率|执行率|到位率|"
    r"兑现率|实现率|落实率|"
    r"达成率|建成率|完成比|完成度|达成度"
)
# …and what the year is due to do (今年应完成, 全年应完成): its plan
_PLEDGE_FIRST = re.compile(r"计划完成|目标任务|任务数|计划数|目标值|预算数|预期|应完成|应达到")
_ACHIEVED = re.compile(
    r"完成|实际|实现|已|建成|开工|竣工|完工|累计|新建|新增|到位|达到|执行|实绩|[0-9０-９]{1,2}月|"
    r"签约|交付|交房|投用|投入使用|入住|筹集|供应|配租|"
    r"上半年|下半年|[一二三四]季度|前三季度|当月|本月|当年|本年"
)
_PLEDGE = re.compile(r"任务|目标|计划|预算|规划|指标值")
# A header whose last word is the plan is the plan, whatever work it names first (年度完工计划,
# 全年建成目标, 省定目标): Chinese puts the head noun last. Not 已完成计划 (a result).
_PLAN_HEAD = re.compile(r"(?:计划|任务|目标|预算|规划)(?:数|值|量|数量)?$")
_DONE_FIRST = re.compile(r"^(?:已|实际|实绩|累计|截至|截止)")
# A plan over many years (规划里程, 规划总数): the results beside it are stocks
# Columns that are no count of the work: the share of the year gone by (序时进度), the plan less
# the result (未完成, 剩余任务), last year's same months (上年同期), the amount due by now (应完成)
# …and a difference from the schedule in points (超欠进度（百分点）, 超前, 滞后): no share done
_NO_FIGURE = re.compile(
    r"序时|时序|时间进度|未完成|剩余|尚需|尚未|差额|缺口|还差|同期|(?<!今年|全年|年度|本年)应(?:完成|达到)"
    r"|百分点|超欠|超前|滞后|差距"
)
# A part's share of a whole (占全市比重, 占比): no share of the plan unless it names the plan or
# the work done (占年度任务比重, 完成率)
_OF_WHOLE = re.compile(r"占|比重")
_OF_PLAN = re.compile(
    r"计划|任务|目标|预算|全年|年度|完成|进度|[开完竣]工率|执行率|到位率|达成|建成率"
)
# A header that names no role and no item, only a value (数值, 合计（个）): the caption or the
# article's title says what it holds
_BARE = re.compile(r"数值|数据|数量|数|值|绝对值|绝对数|绝对额|总量|总数|合计|总计|共计|小计")
# A total's header (合计, 总计): the columns of kinds left of it are its parts
_TOTAL = re.compile(r"合计|总计|共计|小计|总数")
# A plan's word before the work it plans (计划新建改造, 拟新增, 规划建设): the plan, whatever verb
# follows it (计划完成率 is a share, read before)
_PLAN_FIRST = re.compile(
    r"^(?:(?:19|20)[0-9]{2}\s*年|年度|全年|今年|本年|当年)?(?:计划|拟|规划|确保|力争|争取)"
)
# Words that make a column under a plan's group header a result after all (年度计划|已完成)
_DONE_WORD = re.compile(r"已|实际|实绩|完成|累计|截至|截止")
# A group of parts (其中|新建学校, 其中：农村): no total of the row's item
_PARTS = re.compile(r"^(?:其中|含|包括)")
# A column of one month (当月, 本月): a 累计 column beside it runs from the year's start
_ONE_MONTH = re.compile(r"当月|本月|^\s*[0-9０-９]{1,2}\s*月份?\s*$")
# A per cent of the plan done (完成年度计划（%）): the share, with no 率 or 进度 in its words
_DONE_OF_PLAN = re.compile(r"(?:完成|达到?)(?:了)?[\u4e00-\u9fff]{0,4}?(?:计划|任务|目标)")
_FORECAST = re.compile(r"预计|预期|预测")
_LONG_PLAN = re.compile(r"规划|总")
_HELD = re.compile(r"保有量|存量|总数|总量|余额")
# An amount added since the year's start (比年初增加, 较上年末新增): the year's so far, not a rate
_SINCE_START = re.compile(r"(?:比|较)(?:年初|上年末|去年末|上年底|去年底)(?:增加|新增|净增|多增)")
_STOCK = re.compile(r"累计|总数|总量|总规模|保有量|存量|总里程")
_IN_PERIOD = re.compile(
    r"以来|[0-9０-９一二三四五六七八九十]+月|季度|今年|本年|当年|年度|全年|半年|年内"
)
_DIGIT_FIRST = re.compile(r"[-+－＋−]?\s*[0-9０-９.]")  # a number cell; 一般公共预算 is a label
# …also with a qualifier before it (约280, 超1800, 近300); a dash or a slash is no cell at all
_AMOUNT_FIRST = re.compile(
    r"(?:约|超过?|近|逾|不足|不到|达|[≥≧＞>≤≦＜<])?[-+－＋−▲▼△▽↑↓]?\s*[0-9０-９.]"
)  # …or a bound before it (≥3000个, ≤5%)
# An item's number before its words (1.新建充电桩, 2、加装电梯): a label, no amount
_NUMBERED = re.compile(
    r"[0-9０-９]{1,2}\s*(?:[.、．]|(?:[-—–~至]\s*[0-9]{1,2}\s*)?月份?)\s*[\u4e00-\u9fff]"
)  # …or its months before them (1-9月已新增养老床位)
_EMPTY = re.compile(r"\s*[-—–/／\\]*\s*")
_SO_FAR = re.compile(r"[0-9０-９]{1,2}\s*月|截至|截止|季度|上半年|以来")  # the year's work so far
_YEAR_ALONE = re.compile(r"((?:19|20)[0-9]{2})\s*年(?:度|全年)?")
# A column of a point in time and nothing else (2023年底, 2024年6月末): the level then
_POINT = re.compile(r"(?:截至|截止|到)?(?:(?:19|20)[0-9]{2}\s*年)?(?:[0-9]{1,2}\s*月)?(?:底|末)")


class Column(NamedTuple):
    role: Role
    scope: FigureScope | None
    unit: str | None  # as the header writes it: 万人, 套, %
    period: str | None
    stage: str | None = None  # the stage of work it counts: 已竣工（套） → 竣工
    part_of: int | None = None  # a kind (快充桩) of the row's total in that column (合计)
    bare: bool = False  # headed by a value alone (数值): a row label's role word decides


def columns(table: Table, published: date | None, title: str = "") -> list[Column]:
    out: list[Column] = []
    for i, head in enumerate(table.header):
        cells = [row[i] for row in table.rows if i < len(row) and not _EMPTY.fullmatch(row[i])]
        numbers = sum(
            _AMOUNT_FIRST.match(c) is not None and not is_period(c) and not _NUMBERED.match(c)
            for c in cells
        )
        if _INDEX.fullmatch(head):
            out.append(Column("index", None, None, None))
        elif _UNIT_COLUMN.fullmatch(head):
            out.append(Column("unit", None, None, None))
        elif cells and numbers * 2 < len(cells) and not (i and numbers and _said(head, published)):
            out.append(Column("label", None, None, None))
        else:  # (a header of a role keeps it over cells in words: 2025年目标 | 与经济增长同步)
            out.append(_role(head, published)._replace(stage=stage_in(head)))
    values = ("pledge", "achieved", "share", "rate")
    _rate_of_plan(out)
    _plan_of_the_year(out, table.header, published)
    _years_of_a_plan(out, table.header, table.caption, published)
    _parts_of_totals(out, table.header, published)
    _bare_values(out, table.header, (table.caption, title), published)
    _year_result(out, table.header)
    first = next((i for i, c in enumerate(out) if c.role in values), None)
    for i in range(first + 1 if first is not None else len(out), len(out)):
        if out[i].role == "label":  # words after the figures (备注: 超额完成) remark, not label
            out[i] = Column("none", None, None, None)
    return _year_to_date(out, table.header)


def _said(head: str, published: date | None) -> bool:
    """Does a header name a plan, a result or a share by its words (2025年目标, 完成率)?"""
    return _role(head, published).role in ("pledge", "achieved", "share")


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
    if _one(_BRACKET.sub(" ", caption), published).role != "pledge":
        return
    years = [
        (i, found.group(1))
        for i, h in enumerate(header)
        if columns[i].role in ("none", "achieved") and (found := _YEAR_ALONE.fullmatch(_words(h)))
    ]
    if len(years) < 2:
        return
    for i, year in years:
        columns[i] = Column("pledge", "new", columns[i].unit, year)
    last = years[-1][0] + 1
    if last < len(header) and _TOTAL.fullmatch(_words(header[last])):
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
        if column.role == "none" and _WHOLE_YEAR.fullmatch(_words(header[i])):
            columns[i] = Column("achieved", "new", column.unit, column.period)


def _words(head: str) -> str:
    """A header cell's words without its unit in brackets (合计（个） → 合计)."""
    return _HEADER_UNIT.sub("", head).strip()


def _parts_of_totals(
    columns: list[Column], header: tuple[str, ...], published: date | None
) -> None:
    """The columns of kinds just left of a total under the same group (快充桩 | 慢充桩 | 合计,
    1-8月新建|快充 … 1-8月新建|合计) are parts of it: no figure of the row's total."""
    for i, head in enumerate(header):
        *group, last = head.split("|")
        if not _TOTAL.fullmatch(_words(last)):
            continue
        j = i - 1
        while j >= 0 and columns[j].role in ("none", "pledge", "achieved"):
            *other, kind = header[j].split("|")
            if other != group or _TOTAL.fullmatch(_words(kind)):
                break
            if _one(kind, published).role != "none" or _YEAR_ALONE.fullmatch(_words(kind)):
                break  # a column of its own role (年度任务, 已完成) or a year's: no kind
            columns[j] = Column("none", None, columns[j].unit, None, part_of=i)
            j -= 1


def _bare_values(
    columns: list[Column], header: tuple[str, ...], frames: tuple[str, str], published: date | None
) -> None:
    """A column headed by a value alone (数值, 合计（个）) holds what the caption, else the
    article's title, says the table holds (1-9月…主要指标: results; 2025年目标: plans); nothing
    when neither says."""
    bare = [
        i
        for i, (c, h) in enumerate(zip(columns, header, strict=False))
        if c.role == "none" and c.part_of is None and "|" not in h and _BARE.fullmatch(_words(h))
    ]
    if not bare:
        return
    frame = next(
        (
            f
            for text in frames
            if text and (f := _one(_BRACKET.sub(" ", text), published)).role in _FRAMES
        ),
        None,
    )
    for i in bare:
        if frame is None:  # no frame: only a row label's own role word can say (for_row)
            columns[i] = Column("none", None, header_unit(header[i]), None, bare=True)
            continue
        scope = frame.scope if frame.scope in ("new", "cumulative") else "new"
        columns[i] = Column(frame.role, scope, header_unit(header[i]), frame.period, bare=True)


_FRAMES = ("pledge", "achieved")
_BRACKET = re.compile(r"[（()）]")  # a caption's date in brackets (截至8月底) is its frame too
# A row label's own role word, for a column headed by a value alone (今年新建充电桩任务 | 数值)
_LABEL_PLAN = re.compile(r"任务|目标|计划|预算|规划")
_LABEL_DONE = re.compile(r"已|完成|实际|实绩|实现")


def for_row(columns: list[Column], label: str) -> list[Column]:
    """The columns as one row reads them: a bare value column (数值) takes the role its row's
    label names (…任务: the plan; 已建成…: the result) over the caption's, when it names one."""
    plan, done = _LABEL_PLAN.search(label), _LABEL_DONE.search(label)
    if not any(c.bare for c in columns) or bool(plan) == bool(done):
        return columns
    role: Role = "pledge" if plan else "achieved"
    return [c._replace(role=role, scope=c.scope or "new") if c.bare else c for c in columns]


def _rate_of_plan(columns: list[Column]) -> None:
    """A rate right of the plan, with no result between (2024年计划 | 比上年增长（%）), is the
    plan's: a planned growth."""
    for i, column in enumerate(columns):
        if column.role != "rate":
            continue
        left = next((c for c in reversed(columns[:i]) if c.role in ("pledge", "achieved")), None)
        if left is not None and left.role == "pledge" and left.scope != "rate":
            columns[i] = column._replace(role="pledge")


def _year_to_date(columns: list[Column], header: tuple[str, ...]) -> list[Column]:
    """A 累计完成 column beside the year's task or one month's figure (当月), and no other result
    of the year, is the year's running total (new, as E7 counts year-to-date), not a stock:
    全年任务 | 累计完成 | 完成比例, 当月新增 | 累计新增."""
    achieved = [i for i, c in enumerate(columns) if c.role == "achieved"]
    months = [i for i in achieved if _ONE_MONTH.search(header[i])]
    counts = [i for i in achieved if i not in months]
    plans = [
        i
        for i, c in enumerate(columns)
        if c.role == "pledge" and c.scope == "new" and not _LONG_PLAN.search(header[i])
    ]
    if len(counts) != 1 or not (plans or months):
        return columns
    i = counts[0]
    rest = header[i].replace("累计", "", 1)
    point = _POINT.fullmatch(_HEADER_UNIT.sub("", header[i]).strip()) is not None  # 截至8月底
    if columns[i].scope != "cumulative" or (rest == header[i] and not point):
        return columns  # no 累计 nor a date alone
    if _STOCK.search(rest):
        return columns  # another stock word beside it (累计总数): a stock still
    columns[i] = columns[i]._replace(scope="new")
    return columns


def _role(head: str, published: date | None) -> Column:
    """What a value column holds, from its header: role, scope, written unit, period."""
    if "|" in head:
        return _merged(head, published)
    if _PARTS.match(head):
        return Column("none", None, header_unit(head), None)
    return _one(head, published)


def _merged(head: str, published: date | None) -> Column:
    """A column under merged header cells ("年度计划（个）|开工"): a group of parts gives nothing;
    a share or rate below is one; a plan's group holds plans of the stages or measures below
    it unless one of them says it is done; else the words as one header. The unit is the
    lowest cell's that writes one (新增装机（万千瓦）|年度目标 → 万千瓦)."""
    parts = head.split("|")
    unit = next((u for part in reversed(parts) if (u := _unit_cell(part))), None)
    if any(_PARTS.match(part) for part in parts[:-1]):
        return Column("none", None, unit, None)
    last, group = _one(parts[-1], published), _one("".join(parts[:-1]), published)
    if last.role in ("share", "rate"):
        found = last
    elif _NO_FIGURE.search(head):
        found = Column("none", None, unit, last.period)
    elif group.role == "pledge" and _DONE_WORD.search(parts[-1]):
        found = _one(parts[-1], published)  # 年度计划|已完成: the result of the plan
    elif group.role == "pledge":
        found = group
    elif group.role == "none" and last.role in ("pledge", "achieved"):
        found = last  # 项目数（个）|年度计划开工: the group names the thing, the cell its role
    else:
        found = _one(head.replace("|", ""), published)
    return found._replace(unit=found.unit or unit, period=found.period or group.period)


def _unit_cell(part: str) -> str | None:
    """The unit a header cell writes: in brackets at its end, or all it holds (a row of units
    under the header: 万米, %)."""
    written = header_unit(part)
    if written or not part or len(part) > 6:
        return written
    return header_unit(f"（{part.strip()}）")


def _one(head: str, published: date | None) -> Column:
    unit = header_unit(head)
    words = _HEADER_UNIT.sub("", head)
    year = _YEAR.search(words)
    period = year.group(1) if year else None
    if _SINCE_START.search(words) and unit != "%":
        return Column("achieved", "new", unit, period)
    if _RATE.search(words):
        if unit not in (None, "%"):  # 比上年增减（个）: a change in count, no rate nor level
            return Column("none", None, unit, period)
        kind: Role = "pledge" if _PLEDGE_FIRST.search(words) else "rate"
        return Column(kind, "rate", "%", period)
    if _NO_FIGURE.search(words) or (_OF_WHOLE.search(words) and not _OF_PLAN.search(words)):
        return Column("none", None, unit, period)
    if _SHARE.search(words) or (unit == "%" and _DONE_OF_PLAN.search(words)):
        return Column("share", "share_of_pledge", "%", period)
    if _FORECAST.search(words):  # a forecast: a first result once its year is over
        over = period and published and int(period) < published.year
        return Column("achieved" if over else "pledge", "new", unit, period)
    plan_first = _PLAN_FIRST.match(words)
    # 计划完成, 确保完成: the completion planned; 计划已完成 is done
    if plan_first and not _DONE_WORD.search(words[plan_first.end() :].removeprefix("完成")):
        scope_first: FigureScope = "cumulative" if _STOCK.search(words) else "new"
        return Column("pledge", scope_first, unit, period)
    if _POINT.fullmatch(words.strip()):
        return Column("achieved", "cumulative", unit, period)
    plan_head = _PLAN_HEAD.search(words) and not _DONE_FIRST.search(words)
    if (
        (_PLEDGE_FIRST.search(words) and not _DONE_FIRST.search(words))
        or plan_head
        or (_PLEDGE.search(words) and not _ACHIEVED.search(words))
    ):
        scope: FigureScope = "cumulative" if _STOCK.search(words) else "new"
        return Column("pledge", scope, unit, period)
    if _HELD.search(words):  # 充电桩保有量: the stock held, a level
        return Column("achieved", "cumulative", unit, period)
    if _ACHIEVED.search(words) or (period and published and int(period) < published.year):
        stock = _STOCK.search(words) and not _IN_PERIOD.search(words.replace("累计", "", 1))
        return Column("achieved", "cumulative" if stock else "new", unit, period)
    return Column("none", None, unit, period)


def role_of(head: str, published: date | None) -> Role:
    """What a column headed `head` holds (pledge, achieved, share, rate, none)."""
    return _role(head, published).role
