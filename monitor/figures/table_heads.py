"""One header cell read: what a value column under it holds (the pledge, the result, a share
of the pledge, a rate, or nothing of the target's), with its scope, the unit it writes, its
period; merged header cells ("年度计划（个）|开工") read as a group and the cell below it."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal, NamedTuple

from monitor.figures.firsts import opening
from monitor.figures.table_units import HEADER_UNIT as _HEADER_UNIT
from monitor.figures.table_units import MONTH_PART, SINCE_LAST_MONTH, header_unit
from monitor.figures.table_units import YEAR as _YEAR
from monitor.figures.traditional import simplified
from monitor.models import FigureScope

Role = Literal["index", "unit", "label", "pledge", "achieved", "share", "rate", "none"]

_RATE = re.compile(r"同比|环比|增长|增速|增幅|增减|±|比上年|比去年|较上年|较去年|变动|变化")
# A share of the plan a stage of work has reached (开工率, 投运率, 通车率, 交付率, 签约率)
_STAGE_RATE = (
    r"(?:[开完竣]工|建成|投运|投产|通车|交付|交房|签约|配租|筹集|开通|启用|验收|挂牌|并网)率"
)
_SHARE = re.compile(
    r"完成率|进度|占.{0,6}(?:%|％|比|计划|任务|目标|预算)|比例|比重|执行率|到位率|兑现率|实现率|"
    r"落实率|达成率|完成比|完成度|达成度|拨付率|支付率|发放率|" + _STAGE_RATE
)
_SHARE = opening(_SHARE)  # searched only where a match can start (firsts.py)

# …and what the year is due to do (今年应完成, 全年应完成): its plan
_PLEDGE_FIRST = re.compile(r"计划完成|目标任务|任务数|计划数|目标值|预算数|预期|应完成|应达到")

_ACHIEVED = re.compile(
    r"完成|实际|实现|已|建成|开工|竣工|完工|累计|新建|新增|到位|达到|执行|实绩|决算|快报|"
    r"[0-9０-９]{1,2}月|"
    r"签约|交付|交房|投用|投入使用|投产|投运|通车|开通|并网|入住|筹集|供应|配租|"
    r"发放|拨付|兑付|发行|支出|惠及|办理|办结|受理|筛查|接种|培训|安置|"
    r"上半年|下半年|[一二三四]季度|前三季度|当月|本月|当年|本年|"
    r"本期|报告期|当前|实测|监测值"  # a bulletin's current period, a monitoring table's 当前值,
)  # (…, an air-quality table's 实测值, 监测值: the level measured)
_ACHIEVED = opening(_ACHIEVED)  # searched only where a match can start (firsts.py)

# A column of the progress made (工作进展, 推进情况, 落实情况): the results
_PROGRESS = re.compile(r"进展|推进情况|落实情况")
# A per cent alone heading a column (…| 已建成 | %): the share of the plan done
_PER_CENT_ALONE = re.compile(r"\s*[（(]?\s*[%％]\s*[)）]?\s*")
# A span of years (2021-2024年, 2021—2025年): a window's total, not a stock
_SPAN = re.compile(r"((?:19|20)[0-9]{2})\s*年?\s*[-—–~至]\s*((?:19|20)[0-9]{2})\s*年?")

# …and the year's money allocated (年度资金, 全年投资, 下达资金): the plan for it
_PLEDGE = re.compile(r"任务|目标|计划|预算|规划|指标值|(?:年度|全年)(?:资金|投资|投入)|下达")

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

# A share of the people or homes covered (覆盖农村人口比例, 普及比例): a level, not the plan's
_COVERED = re.compile(r"覆盖|普及|人口|户数")

_OF_PLAN = re.compile(r"计划|任务|目标|预算|全年|年度|完成|进度|执行率|到位率|达成|" + _STAGE_RATE)

# A plan's word before the work it plans (计划新建改造, 拟新增, 规划建设): the plan, whatever verb
# follows it (计划完成率 is a share, read before)
_PLAN_FIRST = re.compile(
    r"^(?:(?:19|20)[0-9]{2}\s*年|年度|全年|今年|本年|当年)?(?:计划|拟|规划|确保|力争|争取)"
)

# Words that make a column under a plan's group header a result after all (年度计划|已完成)
_DONE_WORD = re.compile(r"已|实际|实绩|完成|累计|截至|截止")

# A group of parts (其中|新建学校, 其中：农村): no total of the row's item
_PARTS = re.compile(r"^(?:其中|含|包括)")
# A per cent of the plan done (完成年度计划（%）, 完成调整预算%, 为年初预算的%, 预算完成%): the
# share, with no 率 or 进度 in its words
_DONE_OF_PLAN = re.compile(
    r"(?:完成|达到?|为)(?:了)?[\u4e00-\u9fff]{0,4}?(?:计划|任务|目标|预算)|"
    r"(?:计划|任务|目标|预算)数?(?:的)?(?:完成|执行)"
)

POINTS = ("百分点", "个百分点")
# A rank among places (全省位次, 增速排位): no amount
_RANK = re.compile(r"位次|排位|排名|名次|排序|位列")
# A change against an earlier part of the same year or the month before (比上月, 较一季度, 比1-8月,
# 比上半年), not against last year's: no growth of the target's
_EARLIER = re.compile(
    r"(?:比|较)(?:上月|上期|上季度?|[一二三四1-4]\s*季度|上半年|前三季度|"
    r"(?:1[0-2]|[1-9])(?:\s*[-—–~至]\s*(?:1[0-2]|[1-9]))?\s*月)"
)
_MONTH_ON_MONTH = re.compile(r"环比")
# A difference written alone (增减, 比上年增加, 同比增减数): an amount in the row's unit, no rate
_AMOUNT_CHANGE = re.compile(r"(?:同比|比上年|较上年|比去年|较去年)?(?:增减|增加|减少|增减[数量额])")
# A difference from the plan or the schedule, not from last year (较序时进度增减（百分点）)
_OFF_PLAN = re.compile(r"序时|时序|时间进度|超欠|超前|滞后|差距|计划|目标|任务|进度")
# A forecast (预计完成, 预测); not 预期目标, the plan's own name (主要预期目标)
FORECAST = re.compile(r"预计|预期(?!目标|指标|值)|预测")

# A level held (保有量, 余额, 年末实有, 期末数, a telecom bulletin's 10月末到达数): the stock,
# whatever period it is told for
_HELD = re.compile(r"保有量|存量|总数|总量|余额|实有|期末数|年末数|末到达|到达数")
# …and the capacity installed or the length in service (装机容量, 运营里程, 营业里程): where the
# thing stands, unless the header names what was added (新增装机容量, 新开通里程)
_LEVEL = re.compile(r"装机|(?:运营|营运|营业|通车|总)里程|总长度")
_ADDED = re.compile(r"新增|净增|新建|新开|新投|投产|新并网")

# An amount added since the year's start (比年初增加, 较上年末新增): the year's so far, not a rate
# (or its signed change, 比上年末增减: in the table's unit, what the year added or took away)
_SINCE_START = re.compile(
    r"(?:比|较)(?:年初|上年末|去年末|上年底|去年底)(?:增加|新增|净增|多增|增减)"
)

STOCK = re.compile(r"累计|开累|总数|总量|总规模|保有量|存量|总里程")  # 开累: since work began

_IN_PERIOD = re.compile(
    r"以来|[0-9０-９一二三四五六七八九十]+月|季度|今年|本年|当年|年度|全年|半年|年内"
)


# A column of a point in time and nothing else (2023年底, 2024年6月末): the level then
POINT = re.compile(r"(?:截至|截止|到)?(?:(?:19|20)[0-9]{2}\s*年)?(?:[0-9]{1,2}\s*月)?(?:底|末)")


class Column(NamedTuple):
    role: Role
    scope: FigureScope | None
    unit: str | None  # as the header writes it: 万人, 套, %
    period: str | None
    stage: str | None = None  # the stage of work it counts: 已竣工（套） → 竣工
    part_of: int | None = None  # a kind (快充桩) of the row's total in that column (合计)
    bare: bool = False  # headed by a value alone (数值): a row label's role word decides
    ratio: bool = False  # a share written as a ratio (完成率 | 0.75): its value times 100


# Spaces set between a header's letters to spread it over its cell (项 目 内 容, 序 号, 单 位)
_SPREAD = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\xa0]+(?=[\u4e00-\u9fff])")


def squashed(head: str) -> str:
    """A header cell's words as the rules read them: the spaces that spread its letters taken
    out (项 目 内 容 → 项目内容), traditional letters simplified (實事內容 → 实事内容); the table
    still shows the cell as written."""
    head = simplified(head)
    return _SPREAD.sub("", head) if " " in head or "\u3000" in head or "\xa0" in head else head


def words_of(head: str) -> str:
    """A header cell's words without its unit in brackets (合计（个） → 合计)."""
    return _HEADER_UNIT.sub("", head).strip()


# A header cell holding a group with its unit and a role after it (城镇新增就业（人）目标任务):
# two header rows written in one cell
_GROUP_FIRST = re.compile(r"([^|（）()]{2,}[（(]([^（）()]{1,6})[)）])\s*([^|（）()\s][^|]*)")


def split_group(head: str) -> str:
    """A header of a group and its role in one cell as merged cells are read ("…（人）|目标任务");
    any other header as it is."""
    bracket = "）" in head or ")" in head
    found = _GROUP_FIRST.fullmatch(head) if bracket and "|" not in head else None
    if found is None or header_unit(found.group(1)) in (None, "%"):
        return head
    if read_words(found.group(3), None).role == "none":
        return head
    return f"{found.group(1)}|{found.group(3)}"


# 进度 alone, no 率 or % of its own: under a group counting in 人 or 个, the count done so far
_BARE_PROGRESS = re.compile(r"\s*(?:当前|目前|工作|完成|实际|实际完成|累计完成)?进度\s*")


def progress_count(head: str) -> str | None:
    """The amount unit of the group over a 进度 column that writes no 率 or % of its own
    (新增就业（人）|进度): the count done when its cells are no per cents; None for another head."""
    *group, last = split_group(head).split("|")
    unit = next((u for part in reversed(group) if (u := _unit_cell(part))), None)
    return unit if group and _BARE_PROGRESS.fullmatch(last) and unit != "%" else None


def names_change(head: str) -> bool:
    """Does a header name a change (增长, 同比, 比上年增减), no level?"""
    return _RATE.search(words_of(head)) is not None


def bare_progress(head: str) -> bool:
    """Is a header 进度 alone (当前进度, 完成进度), no group, no 率 or %?"""
    return "|" not in head and _BARE_PROGRESS.fullmatch(head) is not None


def read_head(head: str, published: date | None) -> Column:
    """What a value column holds, from its header: role, scope, written unit, period."""
    head = split_group(squashed(head))
    if "|" in head:
        return _merged(head, published)
    if _PARTS.match(head):
        if not MONTH_PART.match(head):  # (其中：9月建成: the month's part of the running total)
            return Column("none", None, header_unit(head), None)
        found = read_words(_PARTS.sub("", head).lstrip(":： "), published)
        return found if found.role == "achieved" else Column("none", None, found.unit, None)
    found = read_words(head, published)
    if found.role == "none" and _PROGRESS.search(head):  # 工作进展, 推进情况 over the work done
        return Column("achieved", "new", found.unit, found.period)  # (not a caption's frame)
    return found


def _merged(head: str, published: date | None) -> Column:
    """A column under merged header cells ("年度计划（个）|开工"): a group of parts, or a part
    below its group (今年已建成 | 其中已通过认证), gives nothing; a share or rate below is one
    (below a plan's group, 年度目标|增长（%）, the growth planned); a plan's group holds plans of
    the stages or measures below it unless one of them says it is done; else the words as one
    header. The unit is the lowest cell's that writes one (新增装机（万千瓦）|年度目标 → 万千瓦)."""
    parts = head.split("|")
    unit = next((u for part in reversed(parts) if (u := _unit_cell(part))), None)
    if any(_PARTS.match(part) for part in parts):  # 其中|新建, 基层版（家）|其中已通过认证
        return Column("none", None, unit, None)
    last, group = read_words(parts[-1], published), read_words("".join(parts[:-1]), published)
    if last.role == "rate" and group.role == "pledge":
        found = last._replace(role="pledge")  # 年度目标|增长（%）: the growth planned
    elif last.role in ("share", "rate"):
        found = last
    elif _NO_FIGURE.search(head):
        found = Column("none", None, unit, last.period)
    elif group.role == "pledge" and _DONE_WORD.search(parts[-1]):
        found = read_words(parts[-1], published)  # 年度计划|已完成: the result of the plan
    elif group.role == "pledge":
        found = group
    elif group.role == "none" and last.role in ("pledge", "achieved"):
        found = last  # 项目数（个）|年度计划开工: the group names the thing, the cell its role
    else:
        found = read_words(head.replace("|", ""), published)
    return found._replace(unit=found.unit or unit, period=found.period or group.period)


def _unit_cell(part: str) -> str | None:
    """The unit a header cell writes: in brackets at its end, or all it holds (a row of units
    under the header: 万米, %)."""
    written = header_unit(part)
    if written or not part or len(part) > 6:
        return written
    return header_unit(f"（{part.strip()}）")


# The name of a revenue or spending of a budget (一般公共预算收入, 政府性基金预算支出): a measure,
# its 预算 no word of plan
_BUDGET_NAME = re.compile(r"(?<=公共|基金|经营)预算(?=收入|支出)")


def read_words(head: str, published: date | None) -> Column:
    if _PER_CENT_ALONE.fullmatch(head):  # 年度任务 | 已建成 | %: the share done
        return Column("share", "share_of_pledge", "%", None)
    unit = header_unit(head)
    words = _BUDGET_NAME.sub("", _HEADER_UNIT.sub("", head))  # (一般公共预算收入: no plan)
    if span := _SPAN.search(words):  # 2021-2024年累计完成: what the span added, over the span
        return _over_span(words, span, unit, published)
    year = _YEAR.search(words)
    period = year.group(1) if year else None
    if _SINCE_START.search(words) and unit != "%":
        return Column("achieved", "new", unit, period)
    if SINCE_LAST_MONTH.search(words) and unit != "%":  # 较上月增加: the month's own work
        return Column("achieved", "new", unit, period)
    if (_MONTH_ON_MONTH.search(words) and "同比" not in words) or _RANK.search(words):
        return Column("none", None, unit, period)  # 当月环比: against last month; 全省位次
    if _EARLIER.search(words):  # 比上月（%）, 增速比一季度（百分点）; 较上月增加 is read above
        return Column("none", None, unit, period)
    if _RATE.search(words):
        if unit in POINTS and not _OFF_PLAN.search(words):  # 比上年提高（个百分点）: for a
            return Column("rate", "rate", "百分点", period)  # target in % (points_for)
        if unit not in (None, "%") or (unit is None and _AMOUNT_CHANGE.fullmatch(words.strip())):
            return Column("none", None, unit, period)  # 比上年增减（个）, 增减: a change in count
        kind: Role = "pledge" if _PLEDGE_FIRST.search(words) else "rate"
        return Column(kind, "rate", "%", period)
    if _NO_FIGURE.search(words) or (
        (_OF_WHOLE.search(words) or (_COVERED.search(words) and _SHARE.search(words)))
        and not _OF_PLAN.search(words)
    ):  # 占全市比重, 覆盖农村人口比例: a part's or a coverage's share, no share of the plan
        return Column("none", None, unit, period)
    if _SHARE.search(words) and unit not in (None, "%"):  # 进度（个）: the count done so far
        return Column("achieved", "new", unit, period)
    if _SHARE.search(words) or (unit == "%" and _DONE_OF_PLAN.search(words)):
        return Column("share", "share_of_pledge", "%", period)
    if FORECAST.search(words):  # a forecast: a first result once its year is over
        over = period and published and int(period) < published.year
        return Column("achieved" if over else "pledge", "new", unit, period)
    plan_first = _PLAN_FIRST.match(words)
    # 计划完成, 确保完成: the completion planned; 计划已完成 is done
    if plan_first and not _DONE_WORD.search(words[plan_first.end() :].removeprefix("完成")):
        scope_first: FigureScope = "cumulative" if STOCK.search(words) else "new"
        return Column("pledge", scope_first, unit, period)
    if POINT.fullmatch(words.strip()):
        return Column("achieved", "cumulative", unit, period)
    plan_head = _PLAN_HEAD.search(words) and not _DONE_FIRST.search(words)
    if (
        (_PLEDGE_FIRST.search(words) and not _DONE_FIRST.search(words))
        or plan_head
        or (_PLEDGE.search(words) and not _ACHIEVED.search(words))
    ):
        scope: FigureScope = "cumulative" if STOCK.search(words) else "new"
        return Column("pledge", scope, unit, period)
    if _HELD.search(words) or (_LEVEL.search(words) and not _ADDED.search(words)):  # 保有量
        return Column("achieved", "cumulative", unit, period)
    if _ACHIEVED.search(words) or (period and published and int(period) < published.year):
        stock = STOCK.search(words) and not _IN_PERIOD.search(words.replace("累计", "", 1))
        return Column("achieved", "cumulative" if stock else "new", unit, period)
    return Column("none", None, unit, period)


def _over_span(words: str, span: re.Match[str], unit: str | None, published: date | None) -> Column:
    """A header over a span of years (2021-2024年累计完成): its words without the span, a plan's or
    a result's scope what the span added (new), the span its period."""
    rest = read_words(words[: span.start()] + words[span.end() :] or "完成", published)
    if rest.role not in ("pledge", "achieved"):
        return rest._replace(unit=rest.unit or unit)
    period = f"{span.group(1)}-{span.group(2)}"
    return rest._replace(scope="new", unit=rest.unit or unit, period=period)


def role_of(head: str, published: date | None) -> Role:
    """What a column headed `head` holds (pledge, achieved, share, rate, none)."""
    return read_head(head, published).role
