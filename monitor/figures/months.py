"""The period a month or a quarter gives a figure when the text names no year: the year so far
(截至9月底, 1—10月, 前三季度: 2024, 2024Q1-Q3) or one month's own (10月当月: 2024M10)."""

from __future__ import annotations

import re
from datetime import date, timedelta

# From the year's start to now, in its common wordings (今年以来, 年初以来, 开年以来, 自年初以来,
# 年初至今; not 去年年初以来 nor 2023年年初以来, another year's)
SINCE_NEW_YEAR = r"(?:今年(?:年初)?以来|(?:自|从)?(?<![0-9年])年初(?:以来|至今)|开年以来)"
_SINCE_NEW_YEAR = re.compile(SINCE_NEW_YEAR)


def since_new_year(text: str) -> bool:
    """Whether `text` speaks of the year so far without 今年 (年初以来, 开年以来)."""
    return ("年初" in text or "开年" in text) and _SINCE_NEW_YEAR.search(text) is not None


# the month by which a year's work reports and plans (and scorecards of the year before) are out
PLAN_SEASON_ENDS = 3

HALF = {"上半年": "H1", "下半年": "H2", "一季度": "Q1", "前三季度": "Q1-Q3"}
# The year's first months said as a span (1—9月, 1月至6月, 一至三月, 前9个月, 前三个月): the same
# part of the year as 前三季度, 上半年, 一季度 (the reader writes it so, whichever wording is used)
_FIRST_MONTHS = re.compile(
    r"\s*(?:第?(一季度)|(前三季度)|(?:1|一)\s*(?:月份?)?\s*[—\-–－~～至到]\s*([369三六九])\s*月份?"
    r"|前([369三六九])个?月份?)(?![底末初中上下旬0-9日号])"
)
_BY_LAST_MONTH = {"3": "Q1", "三": "Q1", "6": "H1", "六": "H1", "9": "Q1-Q3", "九": "Q1-Q3"}


# 1—6月, 前6个月 anywhere in a text: its first half, as 上半年 is (not a base: 增速比上半年回升…)
_HALF_NOT_BASE = re.compile(r"(?<![比较与])上半年")
_FIRST_HALF = re.compile(
    r"(?<![0-9比较与])1\s*(?:月份?)?\s*[—\-–－~～至到]\s*6\s*月(?![底末初中上下旬0-9日号])"
    r"|(?<![比较与])前[6六]个?月"
)


def first_half_named(text: str) -> bool:
    """Whether `text` names the year's first half in months (1—6月, 前6个月), as 上半年."""
    if "上半年" in text and _HALF_NOT_BASE.search(text):
        return True
    return "月" in text and _FIRST_HALF.search(text) is not None


def part_at(text: str, at: int) -> str:
    """The part of a year named at `at` (after a year: 2024年1—9月, 今年前6个月, 今年前三季度) as a
    span of its first months, or as 第一季度 or 前三季度: Q1-Q3, H1, Q1; else ''."""
    found = _FIRST_MONTHS.match(text, at)
    if found is None:
        return ""
    if found.group(1) or found.group(2):
        return "Q1" if found.group(1) else "Q1-Q3"
    return _BY_LAST_MONTH[found.group(3) or found.group(4)]


# 截至9月底, 1—10月, 前11个月, 前三季度: a time so far in a year the text does not name
_MONTHS = re.compile(
    r"(?:截至|截止|到)\s*([0-9一二三四五六七八九十]{1,2})\s*月"
    r"|[0-9一二三四五六七八九十]{1,2}\s*(?:月份?)?\s*[—\-–－~～至到]\s*([0-9一二三四五六七八九十]{1,2})\s*月"
    r"|前[0-9一二三四五六七八九十两]{1,2}个?月|(前三季度|一季度)|[二三四]季度"
)
_CN_MONTH = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")} | {"十一": 11, "十二": 12}


def months_period(text: str, published: date | None) -> str | None:
    """The year of a month or quarter named without one: the year published in, or the year
    before when the month is still to come then (截至12月底, read in January)."""
    found = _MONTHS.search(text) if published is not None else None
    if published is None:
        return None
    if found is None:
        return _one_month(text, published)
    month = found.group(1) or found.group(2)
    n = int(month) if month and month.isdigit() else _CN_MONTH.get(month or "", 0)
    year = published.year - 1 if n > published.month else published.year
    return f"{year}{HALF.get(found.group(3) or '') or part_at(text, found.start())}"


def months_ahead(text: str, published: date | None) -> str | None:
    """The year before publication when `text` names months without a year that were still to
    come when it appeared (1—8月 read in May: last year's), whatever frame the sentences before
    set (今年…); else None."""
    if published is None or "月" not in text or _MONTHS.search(text) is None:
        return None
    period = months_period(text, published)
    return period if period and int(period[:4]) < published.year else None


# A half or quarter named bare (上半年, 前三季度; not 今年上半年, 2024年上半年), and its days
_BARE_PART = re.compile(r"(?<![年0-9])(?:上半年|下半年|前三季度|一季度)")
# words that tell a result (完成, 实现, a comparison with the same part of last year)
_DONE = re.compile(r"完成|实现|同比|比上年同期|比去年同期")
_PART_DAYS = {
    "H1": (1, 1, 6, 30),
    "H2": (7, 1, 12, 31),
    "Q1": (1, 1, 3, 31),
    "Q1-Q3": (1, 1, 9, 30),
}


def part_ahead(text: str, said: str | None, published: date | None) -> str | None:
    """The same part of last year when `text` names a half or quarter bare (上半年，湘潭市完成…)
    that `said` dates in the year published, less than half of it gone by then (上半年 read in
    January), and tells a result: no figure of it is out yet, so those given are last year's;
    else None."""
    if published is None or not said or said[:4] != str(published.year):
        return None
    days = _PART_DAYS.get(said[4:])
    if days is None or not _BARE_PART.search(text) or not _DONE.search(text):
        return None  # (上半年杭州新建…40个, read in March: no word of a result, left unread)
    start, end = date(published.year, days[0], days[1]), date(published.year, days[2], days[3])
    return f"{published.year - 1}{said[4:]}" if published < start + (end - start) / 2 else None


# One month named alone (6月份，…; 10月当月…; 9月新能源汽车销量…): that month's flow, not the
# year's running total (1—10月) nor a point in time (10月底, 10月1日, 自5月以来)
_ONE_MONTH = re.compile(
    r"(?<![0-9—\-–－~～至到止个前])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(份|当月|单月|份当月)?"
    r"(?![底末初中上下旬0-9日号起以前后至到—\-–－~～])"
)


def _one_month(text: str, published: date) -> str | None:
    """2024M10 for a text opening with one month (10月，…) or naming one as a month's own
    (5月份, 10月当月), in the year published in, or the one before when the month is to come."""
    start = len(text) - len(text.lstrip())
    found = _ONE_MONTH.search(text)
    if found is None or (found.start() != start and not found.group(2)):
        return None
    word = found.group(1)
    n = int(word) if word.isdigit() else _CN_MONTH.get(word, 0)
    year = published.year - 1 if n > published.month else published.year
    return f"{year}M{n:02d}"


# A date inside a year a count runs to (截至8月底, 截至2024年9月20日, 到10月中旬): work done by then
# (…已清淤山塘318座) is the year's so far, not a running total; not 截至年底, 截至目前.
_TO_A_MONTH = re.compile(
    r"(?:截至|截止|到)\s*(?:今年|(?:19|20)[0-9]{2}\s*年)?\s*[0-9一二三四五六七八九十]{1,2}\s*月"
    r"(?:底|末|份|[上中下]旬|\s*[0-9]{1,2}\s*日)?"
)
# 已 before a verb of work (已清淤, 已打通, 已下达), not a level's (已达, 已有, 已超过, 已累计)
_DONE_BY_NOW = re.compile(
    r"已(?:经)?(?!达|有|超|突破|破|是|为|占|累计|逾|近|约|接近|增至|升至|增加到|共|经)[\u4e00-\u9fff]"
)


def done_by_a_month(sentence: str, at: int, head: str) -> bool:
    """Whether the number at `at` is work done (`head`, the words before it in its clause:
    已清淤…, 已建成开放…) by a date inside the year the sentence runs to (截至8月底): the year's
    so far, not where a stock stands."""
    return bool(_DONE_BY_NOW.search(head) and _TO_A_MONTH.search(sentence, 0, at))


def opening_end(sentence: str) -> int:
    """Where a sentence's opening phrase (今年1—6月，) ends: its first comma, if near, or farther
    when the phrase names a start (自2016年实施流域补偿机制以来，)."""
    comma = sentence.find("，", 0, 11)
    if comma < 0:
        comma = sentence.find("，", 0, 25)
        if comma > 0 and _YEARS_OPENING.fullmatch(sentence, 0, comma):
            return comma  # 2016年至2018年，: a span of years, longer than most openings
        return comma if comma > 0 and _SINCE_OPENING.search(sentence, 0, comma) else 0
    return comma


# A span of years (2016年至2018年, 2019—2022年), its last year in group 1
YEAR_SPAN = r"(?:19|20)[0-9]{2}\s*年?\s*[至到—－\-~～]\s*((?:19|20)[0-9]{2})\s*年"
_YEARS_OPENING = re.compile(r"\s*" + YEAR_SPAN)


# Where the news comes from, said first (据统计，…; 根据各地上报数据，…; 记者从…获悉，…): the time
# phrase after it opens the sentence as well (as openings._FRAME_HEAD reads it for frames)
_SOURCE_FIRST = re.compile(
    r"(?:(?:据|根据)[^，,。；;：:]{0,24}?(?:统计|汇总|数据|测算|核算|监测|显示|介绍|了解|获悉)"
    r"|记者[^，,。；;：:]{0,24}?(?:获悉|了解到)"
    # (or one who speaks, named first: 刘立武说，…; 省商务厅负责人介绍，…; 数据显示，…)
    r"|[^，,。；;：:0-9]{1,16}?(?:说|表示|介绍|指出|透露|获悉|了解到|显示))[，,：:]"
)


def opening_past_source(sentence: str) -> int:
    """opening_end, past a source said first: 据统计，今年一季度，… opens on 今年一季度 (the end
    given is in `sentence`, the source kept before it); the source alone when nothing near
    follows it as an opening."""
    found = _SOURCE_FIRST.match(sentence)
    after = opening_end(sentence[found.end() :]) if found else 0
    return found.end() + after if found and after > 0 else opening_end(sentence)


# A long opening phrase that is only a start (自2016年实施…以来，“十四五”以来截至9月底，)
_SINCE_OPENING = re.compile(
    r"^(?!.*(?<![至到])今年)[^，,。；]*以来"
    r"(?:(?:截至|至|到)(?:今年)?[0-9一二三四五六七八九十]{1,2}月[底末]?)?$"
    r"|^(?:19|20)[0-9]{2}\s*年(?:至|到)今年?[^，,。；]{0,6}$"  # 2022年至今年上半年, 2021年至今
)


# A sentence opening on a month's end (8月末，…余额…; 今年6月底，…): a point in time, past once that
# month is over (not 到12月末 nor …月底前, a deadline)
_MONTH_END_OPENING = re.compile(
    r"\s*(?:今年)?([0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:末|底)(?:[，,]|(?!前))"
)


def past_month_end(text: str, published: date | None) -> bool:
    """Whether `text` opens on the end of a month already over when it was published."""
    found = _MONTH_END_OPENING.match(text) if published is not None else None
    if found is None or published is None:
        return False
    word = found.group(1)
    month = int(word) if word.isdigit() else _CN_MONTH.get(word, 13)
    return month < published.month or (month == published.month and published.day > 25)


def period_ended(period: str | None, published: date | None, closing: int = 0) -> bool:
    """Whether the period (2024, 2024H1, 2024M10, 2016-2020) was over when the article appeared,
    or, with `closing`, in its last that many days (a half reported in late June is done)."""
    if not period or published is None:
        return False
    last = period.rpartition("-")[2]
    digits = last[:4] if last[:4].isdigit() else period[:4]  # 2024Q1-Q3 ends in 2024
    if not digits.isdigit():
        return False
    year = int(digits)
    part = last[4:] if last[:4].isdigit() else last
    if part.startswith("M") and part[1:].isdigit():  # 2024M10: one month, over at its end
        month = int(part[1:])
        end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return end - timedelta(days=closing) < published
    end = _PART_ENDS.get(part, date(year, 12, 31)).replace(year=year)
    return end - timedelta(days=closing) < published


_PART_ENDS = {"H1": date(2000, 6, 30), "Q1": date(2000, 3, 31), "Q3": date(2000, 9, 30)}
