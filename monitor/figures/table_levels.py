"""Tables whose columns name what they measure (城市 | PM2.5浓度（微克/立方米） |
优良天数比例（%） | …同比变化（百分点）), rows the places: a per-cent target's own column is its
level, whatever share word its keyword holds (比例, 覆盖率), as is the column naming a target in
a unit of a ratio (微克/立方米) in that unit; a column naming another measure is that measure's."""

from __future__ import annotations

import re

from monitor.figures import units
from monitor.figures.table_heads import STOCK, Column, words_of
from monitor.figures.table_years import SERIES
from monitor.models import Table, Target


def own_level(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """A per-cent target's column headed by its keyword alone (优良天数比例（%）, 森林覆盖率（%）)
    holds its level: a rate (as a level in per cent is), not a share of the plan."""
    if target.unit and "/" in target.unit:
        return _ratio_levels(columns, header, target)
    if target.unit not in ("%", "％"):
        return _measured(columns, header, target)
    out = []
    for column, head in zip(columns, header, strict=False):
        if (
            column.role in ("share", "none")
            and column.unit in (None, "%", "％")  # (not …人均可支配收入（元）: the amount)
            and _names_only(words_of(head), target.keywords)
        ):
            column = column._replace(role="rate", scope="rate", unit="%")
        out.append(column)
    return out


def _measured(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """In a table of what was measured, beside its changes or its plans (省区市 | 旅游总收入(亿元) |
    同比增长 | 接待游客总数(万人次) | 同比增长; 县区 | 年度目标 | 一般公共预算收入), a column of
    no role headed by the target's keyword alone holds its result, and each change column is
    the measure's on its left: another's is not the target's."""
    if not any(c.role in ("rate", "pledge") for c in columns):
        return columns
    own = [
        c.role == "none" and _names_only(words_of(h), target.keywords)
        for c, h in zip(columns, header, strict=False)
    ]
    if not any(own):
        return columns
    out = []
    for i, (c, head) in enumerate(zip(columns, header, strict=False)):
        if own[i]:
            c = c._replace(role="achieved", scope="cumulative" if STOCK.search(head) else "new")
        elif c.scope == "rate" and i and own[i - 1]:
            c = c._replace(role="rate")  # (…| 一般公共预算收入 | 同比增长: its own, measured)
        elif c.role == "rate" and i and columns[i - 1].role in ("none", "achieved"):
            c = c._replace(role="none")  # (同比增长 after 接待游客总数: the visitors')
        out.append(c)
    return out


# A unit in brackets ending a header (（微克/立方米）, (μg/m3))
_BRACKET_UNIT = re.compile(r"[（(]\s*([^（）()]+?)\s*[)）]\s*$")


def _ratio_levels(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """A target in a unit of a ratio (微克/立方米): a column of no role naming its keyword in
    that unit (二氧化氮浓度（微克/立方米）), with no change word, holds its level then."""
    want = units.normalise(target.unit or "")
    out = []
    for column, head in zip(columns, header, strict=False):
        found = _BRACKET_UNIT.search(head.rsplit("|", 1)[-1])
        if (
            column.role == "none"
            and found
            and want
            and units.normalise(found.group(1)) == want
            and any(k and k in head for k in target.keywords)
            and not _MEASURE_CHANGED.match(words_of(head))
        ):
            column = column._replace(role="achieved", scope="cumulative", unit=target.unit)
        out.append(column)
    return out


def _names_only(words: str, keywords: tuple[str, ...]) -> bool:
    """Whether a header's words are a keyword, or end with one after words of no time, base or
    plan (空气质量优良天数比例 for 优良天数比例)."""
    return any(
        words.endswith(k) and not _NO_MEASURE.search(words[: -len(k)]) for k in keywords if k
    )


# A header naming a measure before its change (PM2.5浓度同比变化（%）, 地区生产总值增长): the
# measure in group 1
_MEASURE_CHANGED = re.compile(
    r"^([^（(|]{2,16}?)(?:同比|环比|比上年|较上年|增长|增速|增幅|变化|变动|增减|上升|下降)"
)
# words of a time, a base or a plan, not a measure (比上年, 1-9月, 累计, 年度计划)
_NO_MEASURE = re.compile(r"[比较年月季期累当本同环全计划任务目标]")


def other_measure(head: str, target: Target) -> bool:
    """Whether a header names the change of another measure than the target's keywords."""
    found = _MEASURE_CHANGED.match(words_of(head.rsplit("|", 1)[-1]))
    if found is None:
        return False
    item = found.group(1)
    return not _NO_MEASURE.search(item) and not any(k in item or item in k for k in target.keywords)


# A column headed by one year alone (2021, 2021年, 2021年末): a point of a yearbook's series
_YEAR_HEAD = re.compile(r"\s*(?:19|20)[0-9]{2}\s*(?:年(?:末|底)?)?\s*")
# The name of a count of things that are (机构数, 床位数, 执业医师数, 数量), ending the words
_COUNT_NAME = re.compile(r"[\u4e00-\u9fff]数量?(?![\u4e00-\u9fff])")
# …and words of work done or a flow in the year (新增, 竣工, 产量, 人次): the year's own
# (events and dealings counted as they happen: 专利授权数, 交通事故数, 游客人数, 受理数; not the
# people or places an event word names, who are: 注册护士数, 登记失业人数, 交易市场数, 门诊部数)
_FLOW = re.compile(
    r"新增|新建|新开|增加|净增|增长|减少|当年|本年|全年|开工|竣工|建成|完成|改造|培训|接待|"
    r"出生|死亡|发放|销售|产量|生产|招生|毕业|人次|投资|实现|授权|申请|事故|案件|发生|受理|办理|"
    r"立案|游客|旅客|入境|出境|成交|(?:交易|客运|货运)(?:量|额|[件笔次]数)|"
    r"(?:诊疗|门诊|住院|出院)(?:量|人数|[次例]数)|(?:登记|注册)(?:量|[件笔次户]数)"
)


def series_count(label: str, head: str, table: Table) -> bool:
    """Is a cell a point of a yearbook's series (项目 | 2019 | 2020 | 2021 …, or the years down)
    counting things that are (…机构数, 床位数: its row or caption names a count, and no work or
    flow)? Such a count is the level at the year's end (cumulative), not what the year added."""
    down = not _YEAR_HEAD.fullmatch(head)  # (年份 | 床位数(张) with the years down)
    point, name = (label, head) if down else (head, label)
    axis = [row[0] for row in table.rows if row] if down else table.header
    if (
        not _YEAR_HEAD.fullmatch(point)
        or sum(_YEAR_HEAD.fullmatch(h) is not None for h in axis) < SERIES
    ):
        return False
    words = f"{name} {table.caption}"
    return _COUNT_NAME.search(words) is not None and _FLOW.search(words) is None
