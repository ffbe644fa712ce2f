"""The size of a thing rather than its count (高校毕业生总规模, 线网总长度), the extent of other
work on it (养护里程, 灌溉面积), and work that changes things already there (改造老旧小区): read
by binding and tails."""

from __future__ import annotations

import re

from monitor.figures.nouns import _NOT_HAN

# 高校毕业生总规模为23.6万名 for a target of graduates who stayed to work: the noun's size
_SIZE = re.compile(
    r"的?(?:总规模|规模|总数|总人数|人数|总量|数量|总长度|总里程)(?:为|达到?|约|近|超过|突破|是|有)*"
)
_A_MEASURE = re.compile(r"量|数|值|额|规模|面积|里程|率|比例|比重|容量|装机")
_LEVEL_VERB = re.compile(r"(?:达到|突破|超过|增至|增加到|提高到|达|为|稳定在|保持在|不少于)+")
_UP_TO_NUMBER = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿]")


# Work that changes things already there (优化调整公交线路, 改造老旧小区), and work that makes new
# ones or counts them all (新建, 累计, 总数): the size of every such thing counts the first not
_CHANGE_WORK = re.compile(r"优化|调整|改造|整治|提升|更新|修缮|治理|改建|扩建|加装")
_MAKE_WORK = re.compile(
    r"新建|新改建|新改扩建|建成|建设|新增|筹集|累计|开通|打造|总数|总量|保有量|规模|数量"
)  # (新改建农村公路: new roads among the work, so the network's 总里程 is of them)


# Things already there, changed (提升改造老旧绿道, 更新既有充电桩): the work on them, right before
_EXISTING = re.compile(r"(?:" + _CHANGE_WORK.pattern + r")[^，,。；0-9]{0,2}?(?:老旧|既有|原有)$")


def existing_changed(head: str, title: str) -> str | None:
    """The old or existing things a change work names right before the keyword (`head`: its
    clause up to it), when the target's title names no such work: another kind than the new
    ones the target counts."""
    if not head.endswith(("旧", "有")) or _CHANGE_WORK.search(title) or "老旧" in title:
        return None
    found = _EXISTING.search(head)
    return found.group() if found else None


# The extent of the upkeep or use of things already there, named between the keyword and the
# number (农村公路日常养护里程, 高标准农田有效灌溉面积, 绿道巡查里程): that work's measure, not
# the thing's, which building adds to. Not a state of the thing (达标里程, 通车里程, 硬化里程)
_UPKEEP_EXTENT = re.compile(
    r"([\u4e00-\u9fff]{0,4}?(?:养护|管护|维护|维修|巡查|巡护|巡检|清扫|保洁|灌溉|排灌|监测|覆盖)"
    r"(?:里程|面积|长度))(?:已经?|累计|共计?|达到|达|为|约|近|超过|突破|有|增至|新增|今年|全年)*$"
)


def work_extent(between: str, title: str) -> str | None:
    """The upkeep or use whose extent the words from the keyword to the number (`between`)
    name, unless the title names it; else None."""
    if "里程" not in between and "面积" not in between and "长度" not in between:
        return None  # most numbers: no extent named before them
    found = _UPKEEP_EXTENT.fullmatch(between)
    if found is None or found.group(1) in title:
        return None
    return found.group(1)


def other_size(between: str, keyword: str, title: str) -> str | None:
    """The size of the keyword's noun (`between`: the words from it to the number) when the
    target counts what some of them did (title 高校毕业生留吉就业创业12万人): 总规模, 人数."""
    size = _SIZE.fullmatch(between)
    if size is None:
        return None
    at = title.find(keyword)
    if at < 0:
        return None
    # (优化调整公交线路; 供水管网改造: the work named before or right after the keyword)
    change = _CHANGE_WORK.search(title, 0, at) or _CHANGE_WORK.match(title, at + len(keyword))
    if change and not _MAKE_WORK.search(title):
        # 全市公交线路总数 for a target of lines 优化调整: every such thing, not those changed
        return f"{between.rstrip('为达到约近超过突破是有')}, not those {change.group()}"
    tail = title[at + len(keyword) :]
    number = _UP_TO_NUMBER.search(tail)
    did = tail[: number.start()] if number else tail
    did = did[: m.start()] if (m := _NOT_HAN.search(did)) else did  # （年度目标）: a note
    if not did or _A_MEASURE.search(did) or did in between or _LEVEL_VERB.fullmatch(did):
        return None  # the title counts the noun itself (充电桩保有量, 5G基站12万个, 超充站达到…)
    if _MAKE_WORK.fullmatch(did):
        return None  # 充电桩建设: the things built, whose number in all is their stock
    return f"{between.rstrip('为达到约近超过突破是有')}, not {keyword}{did}"


# Measures of goods: made, sold, sent abroad, bought abroad, held (产量, 销量, 出口, 进口, 保有量).
# A target whose title names one right after its keyword (新能源汽车产量) counts no other one
# its keyword is followed by (新能源汽车保有量, 工业机器人出口, 粮食进口), whatever the unit.
_GOODS_MEASURES = (
    ("产量", "生产", "产出"),
    ("销量", "销售量", "销售"),
    ("出口",),
    ("进口",),
    ("保有量", "保有"),
)
_GOODS_LEAD = re.compile(r"(?:的|累计|全年|今年|当年|共|已)*")


def _goods_measure(words: str) -> str | None:
    """The measure of goods `words` open with, as its group's first word."""
    return next((group[0] for group in _GOODS_MEASURES if words.startswith(group)), None)


_ANY_GOODS_MEASURE = re.compile("|".join(w for group in _GOODS_MEASURES for w in group))


def other_goods_measure(
    between: str, keyword: str, title: str, head: str | None = None
) -> str | None:
    """The measure of goods the words from the keyword to the number (`between`) name when the
    title names another right after the keyword (保有量 for …新能源汽车产量…); else None. `head`:
    the number's own clause up to it, when that is a later clause going on from the keyword's
    (…保有量62.3万辆，较上年末增加11.4万辆): it keeps that measure unless it names one itself."""
    at = title.find(keyword)
    own = _goods_measure(title[at + len(keyword) :]) if at >= 0 and between else None
    if own is None or (head is not None and _ANY_GOODS_MEASURE.search(head)):
        return None
    lead = _GOODS_LEAD.match(between)
    said = _goods_measure(between[lead.end() if lead else 0 :])
    return said if said is not None and said != own else None
