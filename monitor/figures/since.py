"""Increases over a base (比年初增加8400张: what the period added; 比2020年底增加21家: what the
years since added) and clauses summing the parts before them (…，合计4780公里)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from monitor.figures.firsts import Opening
from monitor.figures.nouns import per_head_title
from monitor.models import Target

# An increase over the start of the period (比年初增加8400张, 较上年末新增1.6万个): what the
# period has added to a stock, its `new` figure; over a year (比上年增加17.6亿斤) it is the change
# of a flow, and over an older base (比2012年) a change over many years: references, not figures.
# Over the end of a named earlier year (比2020年底增加21家) it is what the years since added: `new`
# over that window (period_since gives it).
# The end of a five-year plan is a named year's end too (较“十三五”末增加312万吨: since 2020).
_SINCE_START = re.compile(
    r"(?:比|较)(?:年初|(?:上年|去年|上一年|((?:19|20)[0-9]{2})\s*年|“?(十[一二三四])五”?)(?:年)?(?:末|底))"
    r"(?:净增|新增|增加|增长)了?$"
)
# a clause right after a number saying how much it changed since a base point (…参保人数5612万人，
# 比上年末净增25万人; …志愿者38.2万名，较年初增加1.4万名): the number is the level that changed
_CHANGE_SINCE_BASE = Opening(
    re.compile(
        r"[，,]\s*(?:比|较)(?:年初|上月末|(?:上年|去年|上一年|(?:19|20)[0-9]{2}\s*年)(?:末|底))"
        r"(?:净增|新增|增加|增长|减少|下降)"
    )
)
_ADDED = re.compile(r"新(?:增|建|开)|净增")
_PLAN_ENDS = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025}


def level_before_change(sentence: str, head: str, end: int) -> bool:
    """Whether the clause after the number ending at `end` gives its change since a base point:
    the number is then a level (cumulative), whatever period the sentence names; not where its
    own words (`head`) say it was added (新增床位1200张，比去年底…)."""
    return _CHANGE_SINCE_BASE.match(sentence, end) is not None and not _ADDED.search(head)


# A clause summing the parts before it (…，合计4780公里; …，两项合计超过3.1万亿元)
# (…，厦门、泉州分别新增…，全省合计新增6.1万个: the whole place's sum of its places' figures)
SUM_CLAUSE = re.compile(
    r"[，,；;]\s*(?:[两三四五六七八九十2-9]项|以上|上述|全[省市区县])?(?:合计|共计|总计)"
)


# the whole place's sum after parts of the year given place by place (…今年分别建成9个和7个，宜宾
# 全市共建成31个): the parts' period is the sum's
_WHOLE_SUM = re.compile(
    r"[，,；;][^，,。；0-9]{0,4}?全[市县区省]共(?:建成|完成|新建|改造|开工|实施)"
)


def year_summed(sentence: str, c0: int, in_year: re.Pattern[str]) -> bool:
    """Whether the clause at `c0` sums the year's work said before it (`in_year` finds the
    year's words): …今年已全部发行完毕，共计3120亿元; the whole place's parts of the year,
    given place by place (…今年分别建成9个和7个，全市共建成31个)."""
    if not in_year.search(sentence, 0, c0):
        return False
    if SUM_CLAUSE.match(sentence, c0 - 1):
        return True
    return "分别" in sentence[:c0] and _WHOLE_SUM.match(sentence, c0 - 1) is not None


# A clause adding another thing to what came before (…，加上中央转移支付收入2380亿元等，…; 再加上…;
# 连同…): a sum after it holds more than the thing before, which is no mere part of it
ADDED_CLAUSE = re.compile(r"[，,；;]\s*(?:再)?(?:加上|连同|算上)")


def sum_after(sentence: str, end: int) -> bool:
    """Whether a later clause of the sentence sums the parts the number at `end` is among (not
    where a clause adding another thing comes first: …2296亿元，加上…，合计…)."""
    found = SUM_CLAUSE.search(sentence, end) if "计" in sentence else None
    return found is not None and not ADDED_CLAUSE.search(sentence, end, found.start())


# An increase over last year (较上年增加21万亩) of a stock: over last year's level, what the year
# added; of a flow (粮食产量比上年增加17.6亿斤) a change, read only for a stock target
_SINCE_LAST_YEAR = re.compile(r"(?:比|较)(?:上年|去年|上一年)(?:净增|新增|增加)了?$")
# A target tracking a stock by its title (个体工商户总量, 耕地保有量, 贷款余额)
_STOCK_TITLE = re.compile(r"总量|总数|保有量|余额|存量|实有")


def stock_target(target: Target) -> bool:
    """Whether the target tracks a stock: its pledge is a level, or its title names one."""
    if target.pledge is not None:
        return target.pledge.scope == "cumulative"
    return _STOCK_TITLE.search(target.title) is not None


# the letters both patterns end with ($ also before a last line break): most heads end otherwise
_SINCE_ENDS = tuple(e + nl for e in "增加长了" for nl in ("", "\n"))


def since_period_start(head: str, targets: Sequence[Target] = ()) -> bool:
    """Whether the words before a number say it is the increase since the period began: over
    its start (比年初增加), or over last year where every target tracks a stock (较上年增加)."""
    if not head.endswith(_SINCE_ENDS):
        return False
    if _SINCE_START.search(head):
        return True
    # (not of a figure per head: 千人口托位数…，比上年增加0.65个 is a ratio's change, no addition)
    return (
        bool(targets)
        and _SINCE_LAST_YEAR.search(head) is not None
        and all(map(stock_target, targets))
        and not any(per_head_title(t.title + "".join(t.keywords)) for t in targets)
    )


def since_window(head: str, period: str | None, published: date | None) -> str | None:
    """The period of an increase over the end of a named earlier year (比2020年底增加21家, read
    in 2023): the years after it up to the figure's own, or the year published when the clause
    names no later one (2021-2023), so that it is never taken for one year's addition; else
    `period` as it is."""
    found = _SINCE_START.search(head)
    if found is None or not (found.group(1) or found.group(2)):
        return period
    start = (int(found.group(1)) if found.group(1) else _PLAN_ENDS[found.group(2)]) + 1
    end = int(period) if period and period.isdigit() else None
    if (end is None or end < start) and published is not None:
        end = published.year
    return f"{start}-{end}" if end is not None and start < end else period


# A comparison opening the sentence (与2022年相比，…下降0.7个百分点; 同上年相比，…): the base
# of a change said later with no word of its own
_OPENS_COMPARED = re.compile(
    r"\s*(?:与|同|和|跟)(?:(?:19|20)[0-9]{2}\s*年(?:末|底)?|上年|去年|上一年)(?:同期)?相比[，,]"
    r"|\s*相比(?:于)?(?:(?:19|20)[0-9]{2}\s*年(?:末|底)?|上年|去年)(?:同期)?[，,]"
)
_CHANGE_END = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)了?(?:约|近)?$")


def compared_before(sentence: str, head: str) -> bool:
    """Whether a change (…下降0.7个百分点) takes its base from a comparison opening the sentence
    (与2022年相比，…)."""
    return _CHANGE_END.search(head) is not None and _OPENS_COMPARED.match(sentence) is not None


# Since a programme began, no year named (试点以来, 启动以来): a running total, not a span's work
_SINCE_LAUNCH = re.compile(r"(?:试点|启动|实施|开通|运行|运营|成立|设立|推行)(?:工作)?以来")
# (a programme named by its length is dated too: 三年行动实施以来, 两年攻坚行动启动以来, its window)
_DATED = re.compile(
    r"[0-9]{4}\s*年|十[一二三四五]五|[一二三四五六七八九十两0-9]年(?:来|间"
    r"|[\u4e00-\u9fff]{0,4}?(?:行动|攻坚|计划|规划|会战))"
)


def since_launch(sentence: str, end: int) -> bool:
    """Whether sentence[:end] opens a running total since a launch it gives no date of (试点以来，
    全市…累计交易金额1.87万亿元)."""
    found = _SINCE_LAUNCH.search(sentence, 0, end) if sentence.find("以来", 0, end) > 0 else None
    return found is not None and not _DATED.search(sentence, 0, found.end())


# A date the work runs to, then the start it ran from, each a phrase of its own (截至9月底，三年行动
# 实施以来，…): the sentence's opening is both
_DATE_THEN_SINCE = re.compile(r"截[至止][^，,。；]{0,10}[，,]([^，,。；0-9]{0,24}以来)[，,]")


def dated_then_since(sentence: str, c0: int, span: re.Pattern[str]) -> bool:
    """Whether the clause at `c0` follows an opening of a date and then a dated start (截至9月底，
    城中村改造三年行动实施以来，广州累计完成…): its total is over that window, as after a
    start opening the sentence; not a launch with no date (试点以来)."""
    if not sentence.startswith("截", 0, 1):
        return False  # (most sentences: no date first)
    found = _DATE_THEN_SINCE.match(sentence)
    if found is None or found.end() != c0 or not span.search(found.group(1)):
        return False
    return not since_launch(sentence, c0)


# A span of two named years standing as a clause (…介绍，2020年至2024年，全省累计…): a window too
_SPAN_OF_YEARS = r"(?:19|20)[0-9]{2}\s*年?\s*(?:至|到|—|－|-|~|～)\s*(?:19|20)[0-9]{2}\s*年"
_TWO_YEARS = re.compile(_SPAN_OF_YEARS)
# …or from a named year up to now (…获悉，从2020年至今，…; 自2021年至今; 自2016年至今年3月底) or
# on (自2018年开始，…; 从2019年起，…): the window to the date
_TO_NOW = (
    r"[从自]?(?:19|20)[0-9]{2}\s*年(?:至|到)今(?:年(?:[0-9一二三四五六七八九十]{1,2}月)?[底末]?)?"
    r"|[从自](?:19|20)[0-9]{2}\s*年(?:开始|起)"
)
# A dated start standing as a clause of its own further into the sentence (…介绍，2020年以来，全市
# 累计…; …获悉，八年来，…明显改善，累计…): the window of a total said after it, as when it opens
# the sentence; a clause naming another time between (今年, 上半年, 9月) ends the search, a date
# the window runs to (截至今年9月底) does not
# (…获悉，“十三五”期间，全区累计…: a plan's years, dated by its name)
_START_CLAUSE = re.compile(
    r"\s*(?:[^，,；;：:。]{0,24}?(?:以来|年来)|[^，,；;：:。]{0,12}?(?:期间|时期)|"
    + _SPAN_OF_YEARS
    + "|"
    + _TO_NOW
    + r")\s*"
)
_OTHER_TIME = re.compile(r"今年|当年|本年|年内|全年|半年|季度|[0-9一二三四五六七八九十]\s*月")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")


def since_clause_before(sentence: str, c0: int, span: re.Pattern[str]) -> bool:
    """Whether one of the three clauses before the one at `c0` is a dated start of its own
    (`span` finds the start's words), with no other time said between."""
    if c0 < 2 or (
        "来" not in sentence[:c0]
        and "至今" not in sentence[:c0]
        and "到今" not in sentence[:c0]
        and "期间" not in sentence[:c0]
        and "时期" not in sentence[:c0]
        and "年开始" not in sentence[:c0]
        and "年起" not in sentence[:c0]
        and not _TWO_YEARS.search(sentence, 0, c0)
    ):
        return False  # (most clauses: no start before)
    marks = [m.start() for m in _CLAUSE_MARK.finditer(sentence, 0, c0 - 1)]
    stop = c0 - 1
    for start in reversed([-1, *marks][-3:]):
        clause = sentence[start + 1 : stop]
        if _START_CLAUSE.fullmatch(clause) and span.search(clause) and _DATED.search(clause):
            return True
        if _OTHER_TIME.search(clause) and not clause.lstrip().startswith(("截至", "截止")):
            return False
        stop = start
    return False
