"""What the words around a table's cells say about them: the sentence above that points at the
table (…托育点建设情况见下表) names the thing it counts; a note below (注：表中“完成数”为已开工…)
names the stage a column counts, or the note or the sentence above calls the whole table a plan
(表中数据为年度计划数, …任务分解如下); places across a header's group row (全市 | 旌阳区 | 广汉市
over 目标 | 完成) leave the target its columns under the whole or its own place only.
"""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.places import mentions, speaks_for
from monitor.figures.table_cells import same_measure
from monitor.figures.table_explain import ITEM, ROLE, other_item
from monitor.figures.table_heads import Column, role_of, split_group
from monitor.figures.table_levels import other_measure
from monitor.figures.table_rows import group_of, is_period, label_of, names
from monitor.figures.table_stages import stage_in
from monitor.figures.table_units import HEADER_UNIT, header_unit
from monitor.models import Table, Target

# 表中“完成数”为已开工改造的小区个数, “完成”指主体完工: a column's word and what it counts
_DEFINED = re.compile(
    r"[“\"「‘']([^”\"」’']{1,12})[”\"」’'](?:一栏|栏|列|数据)?\s*(?:为|指|是|系|均为|系指)"
    r"([^，,；;。]{1,30})"
)
# The table is a plan: 任务分解如下, 安排如下, 表中数据为年度计划数
_PLAN_SAID = re.compile(
    r"(?:任务|目标|指标)分解|分解如下|安排如下|计划如下|"
    r"(?:数据|数字|表)(?:均)?(?:为|是|系)[^，,；;。]{0,6}(?:计划|目标|任务)(?:数|值)?"
)
_CLAUSE = re.compile(r"[^，,；;。]+")
_DONE_SAID = re.compile(r"完成|已|实际|进展|进度|情况")
# A header's words that say the work is done or counted so far: no plan, whatever the frame
_DONE = re.compile(r"已|实际|实绩|完成|累计|截至|截止|[0-9０-９]{1,2}\s*月|季度|半年|以来")
_PARTS = re.compile(r"^(?:其中|含|包括)")
# A header cell naming a place or the whole (全市, 旌阳区, 广汉市, 合计)
_PLACE = re.compile(
    r"全[国省市区县]|合计|总计|[\u4e00-\u9fff]{1,6}(?:省|市|区|县|旗|州|盟|镇|乡|街道)"
)
_WHOLE = re.compile(r"全[国省市区县]|合计|总计|全[国省市区县]合计")
_NOT_PLACE = re.compile(r"(?:小|社|园|景|街|片|校|厂|矿|库)区$")


# The words of a clause pointing at a table that name no thing of its own (各区县年度任务及建成
# 情况见下表): with only these, the clause points at what its sentence named before it
_GENERIC = re.compile(
    r"现将|各|县|市|区|镇|街道|全|[（）()、，：:\s]|[0-9０-９]|年度|年|月|日|底|以来|截至|"
    r"任务|目标|计划|及|和|与|完成|建成|开工|竣工|情况|进度|进展|建设|工作|推进|实施|通报|公布|列|"
    r"如下|见下表|下表|详见|见表|附表|列表|有关|相关|主要|具体|分解|的|等|表|见|为|请|将|数据|统计|汇总|"
    r"附件|个|省|州|投资|资金|到位|项目"
)
_POINTER_CLAUSE = re.compile(r"[^，,；;：:。]*(?:下表|如下|见表|附表|列表|见附件)[^，,；;：:。]*")


def intro_text(intro: str) -> str:
    """What the sentence above a table says the table is of: the clause pointing at it when that
    names a thing of its own (…充电站建设进度如下), else the whole sentence (嵌入式托育点…，各区县
    年度任务及建成情况见下表)."""
    found = _POINTER_CLAUSE.search(intro)
    if found is None:
        return ""
    clause = found.group().rstrip("。！？")
    return intro if not _GENERIC.sub("", clause) else clause


# A caption looking back over years (近三年, 历年, 2021年以来): its years are results
_REVIEW = re.compile(r"近[两二三四五六七八九十0-9]+年|近年|历年|以来|逐年")
_BARE_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年?")


def reviewed_year(columns: list[Column], table: Table, published: date | None) -> list[Column]:
    """Under a caption looking back over the years (近三年全市…里程), a column of this year alone
    beside past years' results holds this year's result so far, not nothing."""
    if published is None or not _REVIEW.search(table.caption):
        return columns
    years = {
        i: int(found.group(1))
        for i, head in enumerate(table.header)
        if (found := _BARE_YEAR.fullmatch(HEADER_UNIT.sub("", head).strip()))
    }
    past = [i for i, y in years.items() if y < published.year and columns[i].role == "achieved"]
    if not past:
        return columns
    return [
        c._replace(role="achieved", scope="new", period=str(published.year))
        if years.get(i) == published.year and c.role == "none"
        else c
        for i, c in enumerate(columns)
    ]


def noted_stages(columns: list[Column], table: Table) -> list[Column]:
    """The columns with the stage the caption names (表1 …新开工情况), or that a note below or the
    sentence above gives a word of their header (表中“完成数”为已开工…: 完成数 counts starts)."""
    stage = stage_in(table.caption)  # 表1 安置房新开工情况: every count of the table's is starts
    if stage and not any(c.stage for c in columns):
        counts = ("pledge", "achieved", "share")
        columns = [c._replace(stage=stage) if c.role in counts else c for c in columns]
    said = f"{table.note}\n{table.intro}"
    if not table.note and not table.intro:
        return columns
    defined = [(word, stage) for word, what in _DEFINED.findall(said) if (stage := stage_in(what))]
    if not defined:
        return columns
    out = list(columns)
    for i, head in enumerate(table.header):
        words = HEADER_UNIT.sub("", head.split("|")[-1])
        for word, stage in defined:
            if word in words and out[i].role in ("pledge", "achieved", "share"):
                out[i] = out[i]._replace(stage=stage)
    return out


def plan_said(table: Table) -> bool:
    """Does the note below or the sentence above call the table a plan (任务分解如下, 表中数据为
    年度计划数), in a clause that tells of no work done?"""
    for text in (table.intro, table.note):
        for clause in _CLAUSE.findall(text):
            found = _PLAN_SAID.search(clause)
            if found and not _DONE_SAID.search(clause, found.end()):
                return True
    return False


def as_plan(
    columns: list[Column], table: Table, target: Target, published: date | None
) -> list[Column]:
    """In a table its words call a plan, a column of the work with no word of it done
    (新建充电桩（个）) and one naming the target's thing alone (口袋公园（个）) hold the plan; a
    column of a year before publication keeps its result."""
    out = list(columns)
    for i, (column, head) in enumerate(zip(columns, table.header, strict=False)):
        if _PARTS.match(head.split("|")[-1]) or column.part_of is not None or _DONE.search(head):
            continue
        past = column.period and published and int(column.period[-4:]) < published.year
        if column.role == "achieved" and not past:
            out[i] = column._replace(role="pledge", scope=column.scope or "new")
        elif column.role == "none" and names(head, target) and not past:
            out[i] = column._replace(role="pledge", scope="new")
    return out


def own_places(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """With places across a group row of the header (全市|目标, 旌阳区|目标), the columns under
    another place than the whole or the target's own hold none of the target's figures."""
    groups = [h.split("|")[0] if "|" in h else "" for h in header]
    places = {g for g in groups if g and _PLACE.fullmatch(g) and not _NOT_PLACE.search(g)}
    if len(places) < 2 or not target.region:
        return columns
    own = {g for g in places if _WHOLE.fullmatch(g) or _speaks_for_target(g, target)}
    if not own:
        return columns
    return [
        c._replace(role="none") if groups[i] in places and groups[i] not in own else c
        for i, c in enumerate(columns)
    ]


# A group and its role in one header cell (惠及居民(万户)开工率): the group, its bracket ending it
_GROUP_FIRST = re.compile(r"^(.+?[)）])\s*(?=[^()（）|\s])[^()（）|]+$")


def own_groups(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """A share or rate under a group of columns that counts in a unit the target's cannot be
    read in (空调安装（台）|完成率 for a target of 元; 惠及居民(万户)开工率 for 个) is that group's,
    none of the target's; so is a share of the money (own_money)."""
    out = own_money(columns, header, target)
    for i, (column, head) in enumerate(zip(columns, header, strict=False)):
        groups = head.split("|")[:-1] if "|" in head else _GROUP_FIRST.findall(head)
        if column.role not in ("share", "rate") or not groups:
            continue
        unit = next((u for part in groups if (u := header_unit(part))), None)
        if unit and unit != "%" and not same_measure(unit, target):
            out[i] = column._replace(role="none")
    return out


# A share of the money spent or paid (资金拨付率, 预算执行率, 投资完成比例)
_MONEY_SHARE = re.compile(r"投资|资金|金额|经费|拨付|支付|预算")


def own_money(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """A share of the money (年度计划投资（万元） | 已完成投资（万元） | 资金支付率) is the
    money's, none of a target counting a thing (个, 公里, 人): its own share is 开工率, 完成率."""
    if target.unit is None or target.unit.endswith("元") or target.unit in ("%", "％"):
        return columns
    return [
        c._replace(role="none")
        if c.role == "share" and _MONEY_SHARE.search(HEADER_UNIT.sub("", head.split("|")[-1]))
        else c
        for c, head in zip(columns, header, strict=False)
    ]


_OF_WHICH_HEAD = re.compile(r"^(?:其中|含|包括)[:：]?\s*")


def own_parts(columns: list[Column], header: tuple[str, ...], target: Target) -> list[Column]:
    """A 其中 column naming the target's own keyword (其中：新增专项债券 right of 发行规模, for a
    target of 新增专项债券) holds the target's figures in the role of the total left of it, and
    that total (every bond issued) is none of the target's; a 其中 column of a kind of the
    target's thing (其中：公共充电桩 for 充电桩) stays a part."""
    out = list(columns)
    for i, head in enumerate(header):
        last = head.split("|")[-1]
        found = _OF_WHICH_HEAD.match(last)
        if not found or out[i].role != "none":
            continue
        rest = last[found.end() :]
        own = [k for k in target.keywords if "…" not in k and rest.startswith(k)]
        left = [j for j in range(i) if out[j].role in ("pledge", "achieved")]
        if not own or not left or any(k in header[left[-1]] for k in own):
            continue
        total = out[left[-1]]
        out[i] = total._replace(unit=header_unit(last) or total.unit, part_of=None)
        out[left[-1]] = total._replace(role="none")
    return out


def _speaks_for_target(place: str, target: Target) -> bool:
    return speaks_for(mentions(place, target.region), target.region) is True


def items_across(table: Table, columns: list[Column], target: Target) -> list[Column]:
    """With the items across (区 | 新增托位（个） | 新建社区食堂（个）), the target's columns
    only: those whose header names it and the plain ones (年度任务, 完成率) not after another
    item's; the columns as they are when none names it."""
    values = ("pledge", "achieved", "share", "rate")
    heads = table.header
    named = [c.role in values and names(heads[i], target) for i, c in enumerate(columns)]
    if not any(named):
        items = {m.group(1) for h in heads if (m := ITEM.match(h)) and not ROLE.search(m.group(1))}
        # things added, a column each (新建社区食堂（个）, 新增养老床位（张）): none the target's
        if len(items) > 1:
            return [c._replace(role="none") for c in columns]
        # the target named by the caption or a row: a column naming another item is that item's
        others = [c.role in values and other_item(heads[i], target) for i, c in enumerate(columns)]
        if not any(others):
            return columns
        return [c._replace(role="none") if others[i] else c for i, c in enumerate(columns)]
    split = [split_group(h) for h in heads]  # (城镇新增就业（人）目标任务: a group, a role)
    groups = [h.rsplit("|", 1)[0] if "|" in h else "" for h in split]
    own = {  # the groups naming the target in a unit that can count it (not 空调安装（台） for 元)
        g
        for i, g in enumerate(groups)
        if g and named[i] and names(g, target) and same_measure(header_unit(g), target)
    }
    out: list[Column] = []
    mine = True  # whose item the plain columns from here on belong to
    for i, column in enumerate(columns):
        if named[i]:
            mine = True
        elif column.role in values and (other_item(heads[i], target) or _indicator(heads[i])):
            mine = False  # (社零（亿元） | 增速（%） | 规上工业增加值（亿元） | 增速（%）)
        other = other_item(heads[i], target) or other_measure(heads[i], target)
        other = other or (column.role == "share" and _own_share(heads[i]))  # 水质优良比例
        keep = named[i] or column.role not in values or (mine and not other)
        # 老年食堂（个）|年度任务 … 助餐点（个）|年度任务: a group naming another item, no role
        keep = keep and not (own and groups[i] not in own and not _role_group(groups[i]))
        out.append(column if keep else column._replace(role="none"))
    return out


_NOUN = re.compile(r"[\u4e00-\u9fff]{2,12}")


def _indicator(head: str) -> bool:
    """Is a header another indicator's name with its unit (规上工业增加值（亿元）), no role's?"""
    words = HEADER_UNIT.sub("", head).strip()
    if not header_unit(head) or "|" in head or not _NOUN.fullmatch(words):
        return False
    return role_of(words, None) == "none"


# A share word closing a measure's name (水质优良比例, 毛入园率, 失业率)
_SHARE_END = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:比例|比重|率)")


def _own_share(head: str) -> bool:
    """Is a per-cent header the name of a measure of its own (水质优良比例（%）), its words before
    the share word naming no role (完成, 开工, 占年度目标): no share of a plan?"""
    found = _SHARE_END.fullmatch(HEADER_UNIT.sub("", head.rsplit("|", 1)[-1]).strip())
    return found is not None and role_of(found.group(1), None) == "none"


def _role_group(group: str) -> bool:
    """Does a group of header cells name a role or a period (1-9月完成, 完成情况), not an item?"""
    return not group or role_of(group, None) != "none" or "情况" in group


# Words of an addition in a row's label (新增就业, 新建充电桩): the period's flow, not a level
_ADDED = re.compile(
    r"新[增建开签发]|净增|增加|增长|发放|开工|建成|完成|改造|建设|安装|开发|培训|筹集|供应|交付|实施|任务"
)


# A year's value of an indicator (2023年实现值, 2020年基期值, 2024年现状值): what it stood at
# or headed by its year and what the value is (2020年基数, 2022年实际, 2021年基期)
_YEAR_VALUE = re.compile(
    r"(?:19|20)[0-9]{2}\s*年(?:度|末|底)?(?:(?:实现|基期|现状|实际|预计|完成)?值|基数|基期|现状|实际)"
)


def stock_level(label: str, head: str, target: Target, header: tuple[str, ...] = ()) -> bool:
    """Is a result headed by a period alone (1—9月, 前三季度) or a year's value (2023年实现值,
    2020年基期值) the level then of a target that pledges a stock (参保人数达到5100万人), its row
    naming no addition (…养老保险参保人数) and no column a task of work (年度任务: the rows
    count the year's work)?"""
    if target.pledge is None or target.pledge.scope != "cumulative":
        return False
    if any("任务" in h for h in header):
        return False
    head = HEADER_UNIT.sub("", head).strip()
    return (is_period(head) or _YEAR_VALUE.fullmatch(head) is not None) and not _ADDED.search(label)


_WHOLE = re.compile(r"全[国省市区县]|合计|总计")


def wholes_only(rows: list[tuple[str, ...]], labels: list[int]) -> list[tuple[str, ...]]:
    """Of the rows under one item merged down over its places (新建社区食堂 | 全市, … | 东城区),
    the whole's (全市, 合计) alone where the item has one: the others are its parts."""
    if len(labels) < 2:
        return rows
    groups: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        groups.setdefault(group_of(row, labels), []).append(row)
    keep = {
        id(row)
        for group, members in groups.items()
        for row in (
            [r for r in members if group and _WHOLE.fullmatch(label_of(r, labels).strip())]
            or members
        )
    }
    return [row for row in rows if id(row) in keep]
