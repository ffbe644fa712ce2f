"""Whether a time phrase says the period a figure covers is under way or over (1—10月份,
截至7月底, 前三季度 once it has ended, 8月末 gone by): a result, not a plan. And measures.scope_of's
last resort (scope_so_far, split from measures.py): a level where the sentence says what stands so
far or now (已建成, 突破, 现有…) and names no period, else the period's additions."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from monitor.figures.cues import MONTH_SPAN
from monitor.figures.firsts import opening
from monitor.figures.items import COUNT
from monitor.figures.months import SINCE_NEW_YEAR, done_by_a_month, past_month_end
from monitor.figures.scope_words import _ADDITION, _added_before
from monitor.figures.stock_flow import listed_after_a_stock
from monitor.models import FigureScope, Quantity

# A time phrase saying the period is under way or over: a result, not a plan.
_TO_DATE = re.compile(
    r"(?=[0-9一二三四五六七八九十前截今同环提超年开自从])(?:"
    + MONTH_SPAN
    + r"|前[一二三四五六七八九十两0-9]{1,2}个?月|截至|截止|"
    + SINCE_NEW_YEAR
    + r"|同比|环比|提前完成|超额完成)"
)
_PART_OF_YEAR = re.compile(r"(上半年|下半年|前三季度|一季度|二季度|三季度|四季度)")
# ...or its first months (1—6月, 前9个月), the same parts said otherwise (a forecast's time gone by)
PART_OR_FIRST_MONTHS = re.compile(
    _PART_OF_YEAR.pattern
    + r"|(?<![0-9])1\s*(?:月份?)?\s*[—\-–－~～至到]\s*[0-9]{1,2}\s*月份?(?![底末])"
    r"|前[0-9一二三四五六七八九十两]{1,2}个?月"
)
_PART_END = {
    "一季度": (3, 31),
    "上半年": (6, 30),
    "二季度": (6, 30),
    "前三季度": (9, 30),
    "三季度": (9, 30),
    "下半年": (12, 31),
    "四季度": (12, 31),
}


@lru_cache(maxsize=256)
def under_way(text: str, published: date | None) -> bool:
    """A time phrase in `text` that says the figure covers time already past: 1—10月份, 前八个月,
    截至7月底, 同比, 提前完成; or a part of the year (上半年, 前三季度) over when published."""
    if _TO_DATE.search(text) or past_month_end(text, published):
        return True  # (8月末，…余额5412亿元: at a month's end gone by)
    part = _PART_OF_YEAR.search(text)
    if part is None:
        return False
    if published is None:
        return True
    month, day = _PART_END[part.group(1)]
    year = re.search(r"((?:19|20)[0-9]{2})\s*年" + part.group(1), text)
    end = date(int(year.group(1)) if year else published.year, month, day)
    return end <= published


# The first months of a year (一季度, 1—2月, 前两个月, 开年以来), not last year's (去年一季度):
# a text read early in a year naming them speaks of the year just begun
YEAR_BEGUN = re.compile(
    r"(?=[一首开年前1-3二三])(?<!去年)(?<!上年)(?:一季度|首季|开年以来|年初以来|前[两二三]个月"
    r"|(?<![0-9十])[1-3一二三]\s*(?:[—\-－~～至到]\s*[2-3二三]\s*)?月份?(?![底末]))"
)


# …or the year told whole, part by part (一季度、上半年、前三季度、全年…分别增长): it is over
_TOLD_WHOLE = re.compile(
    r"(?:第?一季度|上半年|前三季度|1\s*[—\-–－~～至到]\s*[0-9]{1,2}\s*月|前[0-9一二三四五六七八九十]{1,2}个?月)"
    r"[、和][^，,。；;]{0,16}?全年"
)


def year_begun(text: str) -> bool:
    """Whether `text` names the first months of a year (YEAR_BEGUN), not as the first parts of a
    whole year it tells (一季度、上半年、前三季度、全年全市GDP分别增长…)."""
    return YEAR_BEGUN.search(text) is not None and _TOLD_WHOLE.search(text) is None


# 已建成X with no period at all: a running total
# (…and bodies formed so far, 已组建医共体118个, 已建立/成立/设立…: the founding verbs)
_DONE_SO_FAR = re.compile(
    r"已(?:经)?(?:累计)?(?:建成|建设|完成|开通|改造|实施|组建|建立|成立|设立|完工|竣工|落成|投入使用|交付使用)"
)
# …or progress toward the plan named beside it (已建成460个，完成率达92%): the plan's period
_YEAR_WORDS = re.compile(
    r"年度|全年|年内|今年|当年|[0-9]{4}\s*年|去年|上年|(?:完成|开工|完工|建成|竣工)率|任务"
    r"|(?:其余|剩余|余下|剩下)的?[约近0-9一二三四五六七八九十两]"  # (剩余12个…: a plan's rest)
)
# A later clause of the sentence that is a part or the year's own (…，其中…; …，今年新建成12家)
# (a headline's part after a space too: 我国5G基站超过374万个 一季度净增36.9万个)
_LATER_YEAR = re.compile(
    r"其中|[，,；;　 ](?:今年|当年|本年|前三季度|[一二三四]季度|[上下]半年"
    r"|前[0-9一二三四五六七八九十]{1,2}个?月|1[-—–至~][0-9]{1,2}月)"
)
_AS_OF_STOCK = re.compile(
    r"(?:截至|截止)[^，,。；]{0,8}(?:年底|年末|目前|现在|底前|[0-9]{4}\s*年(?!\s*[0-9一二三四五六七八九十]{1,2}\s*月))"
    r"|^目前"  # (not 截至2024年8月底: a date inside the year, the year's work so far)
    r"|(?<![计划将要争保])到(?:19|20)[0-9]{2}\s*年[底末]"  # 到2010年底，…已修建96个: as of then
)
_AS_OF_STOCK = opening(_AS_OF_STOCK)  # searched only where a match can start (firsts.py)
# things dated by their year (2024年度…项目, 今年度, 本年度), not 跨年度 nor a bare 年度重点…
_YEARS_THINGS = re.compile(r"(?:(?:19|20)[0-9]{2}\s*|今|本|当)年度")
# the share of the year's plan the count is, said right after it (…，完成率95.4%; …，完成年度任务
# 的80%): the year's work so far, not a stock
_SHARE_OF_PLAN_AFTER = re.compile(
    r"[^，,。；;0-9]{0,8}[，,]\s*(?:(?:任务)?完成率|完成(?:年度|全年)(?:目标)?(?:任务|计划))"
)
# so far, from no start (到目前为止，…建成…; 迄今，…): a running total, 已 or not
_SO_FAR = re.compile(r"(?:到|至)目前为止|迄今")


def scope_so_far(sentence: str, c0: int, clause: str, head: str, q: Quantity) -> FigureScope:
    """scope_of's last resort: a level when the sentence says what stands so far or now (已建成,
    突破, 现有…), else the period's additions."""
    if _SO_FAR.match(sentence) or (
        _as_of_stock(sentence)
        and "已" in sentence[: q.start]
        and not _YEARS_THINGS.search(head)
        and not _part_of_set(sentence, head, q)
        and not _SHARE_OF_PLAN_AFTER.match(sentence, q.end)  # (…已完成250部，完成率95.4%)
    ):  # (截至目前，已完成2024年度农村公路新改建…: the year's things so far; 截至目前，确定的
        return "cumulative"  # 120个项目已开工96个: the part done of the set named before 已)
    if (
        _DONE_SO_FAR.search(head)
        and not _named_a_period(sentence, c0, head)
        and not _SHARE_OF_PLAN_AFTER.match(sentence, q.end)
    ):
        return "cumulative"  # 福州已建成口袋公园1500多个: no period named, a running total
    passed = _passed_a_level(head, q) and not _ADDITION.search(clause)
    if passed and sentence[c0 - 1 : c0] == "、" and _added_before(sentence, c0):
        return "new"  # 新增养老床位超3000张、普惠托位超6000个: the verb the list opens with
    if passed and not _named_a_period(sentence, c0, head):
        return "cumulative"  # 我国专精特新“小巨人”企业突破1.4万家: where the count stands
    if c0 and listed_after_a_stock(sentence, q.start):
        return "cumulative"  # 现有养老机构1860家，床位21.4万张，其中护理型床位13.2万张
    return "new"


def _passed_a_level(head: str, q: Quantity) -> bool:
    """Whether the count is said to pass or reach a mark (突破1.4万家, 超8.2万个, 逾12万个,
    总数超过…, 达到…)."""
    return q.surface.startswith(("突破", "超", "逾")) or head.endswith(("突破", "超过", "达到"))


def _named_a_period(sentence: str, c0: int, head: str) -> bool:
    """Whether the sentence names the year or its plan (年度, 今年, 完成率), or a date inside
    the year work done runs to (截至8月底，已建成…)."""
    part = _LATER_YEAR.search(sentence, c0 + len(head))  # (其中今年新建成…; 今年新开的有…)
    named = _YEAR_WORDS.search(sentence, 0, part.start() if part else len(sentence))
    if c0 and _PLAN_BEFORE.search(sentence, 0, c0):
        return True  # 计划60个，已完成62个: the work done toward the plan given before
    if _SET_IN_HEAD.match(head):
        return True  # 12个老旧小区改造已完成9个: the part done of the work set before it
    return bool(named) or done_by_a_month(sentence, c0 + len(head), head)


# the work set opening the number's clause, then 已 (12个…改造已完成)
_SET_IN_HEAD = re.compile(r"[^，,。；]*?" + COUNT + r"[^，,。；0-9]*已")
# …the set, then 已 and its verb alone, the number right after (120个重点项目已开工96个; not
# 12个区已建成口袋公园120个, the things named again after the verb)
_PART_OF_SET = re.compile(
    r"[^，,。；]*?" + COUNT + r"[^，,。；0-9]*已(?:经)?(?:全部)?(?:开工|完工|建成|完成|竣工|启动)$"
)


def _part_of_set(sentence: str, head: str, q: Quantity) -> bool:
    """Whether the number counts the part done of the set named before 已, nothing named after it
    (120个重点项目已开工96个; not 12个区已建成120个口袋公园, the things named after the number)."""
    return bool(_PART_OF_SET.match(head)) and not _NOUN_AFTER.match(sentence, q.end)


_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2}")
# a plan and its amount in a clause before (计划60个，…; 任务为120公里，…)
_PLAN_BEFORE = re.compile(r"(?:计划|任务|目标)[^，,。；0-9]{0,12}?[约近超逾]?[0-9]")


# Per sentence, not per number (as measures._in_year)
@lru_cache(maxsize=256)
def _as_of_stock(sentence: str) -> bool:
    return bool(_AS_OF_STOCK.search(sentence))
