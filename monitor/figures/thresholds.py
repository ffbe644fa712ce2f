"""Numbers that bound an amount instead of giving it: a threshold crossed when the amount
itself follows (首次突破1100亿斤，达到1131亿斤), a floor held over a run of years
(连续三年稳定在1100亿斤以上), and a level some places pass (有12个市…在80%以上) or a share
of places (超过半数的城市). `bound` says which a number is, for binding.refused."""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.figures import units
from monitor.figures.firsts import Opening
from monitor.models import Quantity

# 连续三年, 连续5年, 连续多年: the clause speaks of each of those years, not of one
_RUN_OF_YEARS = re.compile(r"连续(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3}|多|几)(?:余|多)?个?年")
# a threshold crossed: 突破/超过 (the at_least qualifier), 迈上/站上…新台阶, …大关
_CROSSED_BEFORE = re.compile(r"(?:迈上|站上|跨上|跃上|跨越|冲上|登上)$")
_CROSSED_AFTER = Opening(re.compile(r"(?:大关|关口|台阶|新台阶|门槛)"))
# an amount given roughly (5600余公里, 320多公里): more than it by a little, no threshold crossed
_ROUGHLY = re.compile(r"[^超突破逾]*[0-9一二三四五六七八九十百千][万亿]?[余多][^以]*")
_REACHED = re.compile(r"(?:达到|达|为|至|是|增至|升至|突破)\s*$")
# …以上的商贸企业, 500万元以下的项目: the things of that size, not the plan's amount (…以上的目标)
# (or with no 的, before the projects or firms named: 亿元以上在建省外投资项目, 10亿元以上项目10个)
_SIZE_CLASS = re.compile(
    r"的(?!目标|任务|计划|预期|水平|规模|增长|高位)"
    r"|(?:(?!完成|实现|达到|建成|投资额)[^，,。；;：:0-9、“”（(]){0,10}?(?:项目|企业)"
)
_PART = re.compile(r"[，,]\s*(?:其中|包括|含)")
# a count or share of places or sites that a per-cent level is said of (12个市, 2/3的城市)
_PLACES = r"(?:市|城市|县|区|州|盟|省份?|断面|站点|监测点)"
_MEMBERS = re.compile(
    r"(?:[0-9一二三四五六七八九十两]+个|(?:[0-9]+/[0-9]+|[一二三四五六七八九]成|半数)(?:以上|左右)?的)"
    r"[^，,。；0-9]{0,6}?" + _PLACES
)
# …the share itself (超过半数的城市, 七成以上的断面), or a level those counted after it pass
# (比例超过90%的已有6个)
_OF_MEMBERS = re.compile(
    # (not across a verb: 52%的面积达到海绵城市…要求 is the area's share, no cities')
    r"(?:以上|左右)?的(?:(?:(?!达到|实现|完成|纳入)[^，,。；0-9]){0,6}?" + _PLACES + r"(?!民|间)"
    r"|(?:已经?)?有?[0-9一二三四五六七八九十两]+个)"
)


# …or an amount each of some places passes, counted with 有 (全国有8个省份完成投资超过300亿元;
# not 全市12个区县累计建成…超过500个, their sum)
_HAD_MEMBERS = re.compile(r"有(?:[0-9一二三四五六七八九十两]+个)[^，,。；0-9]{0,6}?" + _PLACES)


_PASSED = re.compile(r"(?:超过|超|突破|高于|达到|在)了?\s*$")


def _had(sentence: str, q: Quantity) -> re.Match[str] | None:
    """The places counted with 有 in the number's clause before it, each passing it."""
    clause = max(sentence.rfind(mark, 0, q.start) for mark in "，,。；;")
    return _HAD_MEMBERS.search(sentence, clause + 1, q.start)


# A word of striving before a later amount (力争, 争取, 力求, 努力): a stretch aim, not the amount
_STRIVING = re.compile(r"力争|争取|力求|努力|冲刺")


# Additions said before the number, a stock named after it: two amounts of two scopes, the one
# no threshold of the other
_ADDED = re.compile(r"新增|新建|新开工|新改建|净增")
_STOCK_NAMED = re.compile(r"总(?:数|量|长度?|里程|规模|面积|容量)|保有量|存量|累计")


# A date of its own opening what follows (到2027年末, 2026年, 明年, “十五五”末)
_LATER_DATE = re.compile(r"(?:19|20)[0-9]{2}\s*年|明年|十[一二三四五六]五")


def bound(sentence: str, q: Quantity, quantities: Sequence[Quantity], head: str) -> str | None:
    """Why the number `q` (its clause up to it: `head`) bounds the amount rather than gives it,
    or None: a floor held over a run of years, or a threshold whose amount the sentence gives."""
    if q.unit == "%" and _OF_MEMBERS.match(sentence, q.end):
        return "a share of the places or sites (…的城市), not a level of the thing"  # 半数的城市
    if (
        q.unit != "%"
        and q.surface.endswith(("以上", "以下"))
        and _SIZE_CLASS.match(sentence, q.end)
    ):
        return "a size class of the things counted (…以上的企业), not an amount of them"
    crossed = (q.qualifier == "at_least" and not _ROUGHLY.fullmatch(q.surface)) or bool(
        _CROSSED_BEFORE.search(head) or _CROSSED_AFTER.match(sentence, q.end)
    )
    if q.unit != "%" and (crossed or _PASSED.search(head)) and (members := _had(sentence, q)):
        # 全国有8个省份完成投资超过了300亿元: what each of them passed, not the whole's amount
        return f"a level some members pass ({members.group()}…), not the whole's"
    if not crossed:
        return None  # most numbers: exact, no word of crossing
    members = _MEMBERS.search(sentence, 0, q.start) if q.unit == "%" else None
    if members and "平均" not in sentence[members.end() : q.start]:
        # 有12个市优良天数比例在80%以上: a level those members pass, not the whole's level
        return f"a level some members pass ({members.group()}…), not the whole's"
    years = _RUN_OF_YEARS.search(head)
    if years:
        # 连续5年稳定在1500亿斤以上: what each of those years passed, not one year's amount
        return f"a floor held over a run of years ({years.group()}), not one year's amount"
    for later in quantities:
        if later.start <= q.end or later.qualifier != "exact":
            continue
        if _PART.search(sentence, q.end, later.start):
            break  # …，其中…: a part follows, not the amount
        between = sentence[q.end : later.start]
        if _LATER_DATE.search(between):
            break  # …突破1.3万亿元，到2027年末达到1.6万亿元: a goal of another date follows
        if _STRIVING.search(between):
            break  # 稳定在800亿斤以上、力争达到820亿斤: a stretch aim beside the floor, a plan
        if _STOCK_NAMED.search(between) and _ADDED.search(head):
            break  # 新建充电桩5万个以上，…充电桩总数达到25万个: the additions, then the stock
        if units.fits(later.unit, q.unit) and later.value >= q.value and _REACHED.search(between):
            # 首次突破1100亿斤，达到1131亿斤: the threshold crossed, then the amount
            return f"a threshold crossed ({q.surface}); the amount follows ({later.surface})"
    return None
