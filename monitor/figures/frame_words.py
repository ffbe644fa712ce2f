"""Words of a sentence that say nothing of a figure's frame: the first year that dates what it
says, not a noun's, a deadline's or a base's (_frame_year), and a programme's name holding a word
of plan or result (营养改善计划: unnamed). Split from frames.py. And the figures that say their
frame by themselves: a level given to its last unit (837.9亿斤) is measured."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from monitor.figures.bases import without_base
from monitor.figures.cues import _ACHIEVED, _PLEDGE, MODAL, PRICE_BASIS
from monitor.figures.five_years import plan_year
from monitor.figures.periods import _YEAR
from monitor.models import Target

# a year that is no time of the figure's: 2000年底前建成的 (a noun's), 到2025年底前 (a deadline),
# 完成2025年目标的75% (the plan's name)
_MODIFIER_YEAR = re.compile(
    r"[底末]?(?:以?前|之前)|度?的?(?:规划)?(?:目标|任务)(?:任务)?的"
    # a meeting's name (记者从2025年全省交通运输工作会上获悉，2024年…): no time of its figures
    r"|(?:(?!召开|举办|举行|组织|开展)[^，,。；0-9]){0,14}?(?:工作会议?|大会|座谈会|推进会)(?:上|期间)"
)
_BASE_WORDS = ("比", "较", "与", "同", "由")  # (从2021年起 starts a span: it dates one)


def _frame_year(sentence: str) -> re.Match[str] | None:
    """The first year in the sentence that dates what it says, not a noun, a deadline or a base
    (比2024年下降2%: what the figure is compared with)."""
    for year in _YEAR.finditer(sentence):
        if sentence[year.start() - 1 : year.start()] in _BASE_WORDS:
            continue
        if year.group(2) or not _MODIFIER_YEAR.match(sentence, year.end()):
            return year
    return None


def year_of(sentence: str) -> int | None:
    """The year the sentence dates its figures by (2024年新建…; “十五五”开局之年: 2026), not a
    year inside a noun phrase, a deadline or a base (在2025年…的基础上); None if it names none."""
    if "基础上" in sentence:
        sentence = without_base(sentence)
    found = _frame_year(sentence) if "年" in sentence else None
    if found is not None:
        return int(found.group(1))
    return plan_year(sentence) if "五" in sentence else None


@lru_cache(maxsize=1024)
def _cue_words_in(keyword: str) -> bool:
    """Whether a target's keyword holds a word of plan or result (营养改善计划, 强基计划) that
    names a programme, not the year's plan itself (年度计划投资: its figure is the plan's size)."""
    if _YEARS_PLAN.search(keyword):
        return False
    return bool(_PLEDGE.search(keyword) or _ACHIEVED.search(keyword) or MODAL.search(keyword))


# the year's plan as the keyword's own measure (年度计划投资, 全年目标任务, 计划投资)
_YEARS_PLAN = re.compile(r"(?:年度|全年|年初)(?:计划|目标|任务|预算)|计划(?:总)?投资")


def unnamed(sentence: str, targets: Sequence[Target]) -> str:
    """`sentence` with the targets' keywords that hold a word of plan or result blanked out, as
    long as they were: the name of a programme (营养改善计划补助资金拨付进度达到86%) says
    nothing of the figure's frame."""
    for target in targets:
        for keyword in target.keywords:
            if keyword in sentence and _cue_words_in(keyword):
                sentence = sentence.replace(keyword, "□" * len(keyword))
    return sentence


# 预计 and a rate of change (预计增长5.6%, 能耗预计下降3.2%左右): said early in a year of no time to
# come, the year just ended's first figure (a forecast for this year names it, 今年…预计增长6%;
# one for a holiday or a season coming names that: 预计春运期间…增长8%)
# (预计，全省生产总值增长7.5%以上 with a mark after 预计; 预计全省生产总值2.97万亿元、增长8%以上
# with the level before its rate, 同比 before it or not)
_EXPECTED_RATE = re.compile(
    r"预计[，,]?[^，,。；;0-9]{0,16}?(?:(?:完成|实现|达到?)?[0-9][0-9.]*[万亿]*元[、，,])?"
    rf"(?:{PRICE_BASIS}[，,])?"  # (…73.8亿元，按不变价计算，同比增长6.2%)
    r"(?:同比|[比较]上年(?:同期)?)?(?:增长|增速|提高|下降|回落|降低)(?:了|为|达到?)?[约近超]?[0-9][0-9.]*%"
)
_COMING_SEASON = re.compile(r"春运|春节|假期|黄金周|寒假|暑期|节日|节假日|元宵|清明|五一|汛期")
# a time named (预计上半年…, 预计3月份…, 预计2025年…): the frame is that time's, read elsewhere
_TIME_NAMED = re.compile(r"(?:19|20)[0-9]{2}\s*年|季度|半年|[0-9一二三四五六七八九十]+月")
# …or one named by its distance (预计下月起…, 预计下一季…, 预计后期…) in the forecast's own
# clause, not in another (…增长5.5%左右，为今后发展打下基础: 今后 is not the rate's time)
_TIME_AHEAD = re.compile(r"下(?:个|一)?(?:月|季|阶段|周)|后期|后续|今后|接下来")
_CLAUSE_MARK = re.compile(r"[，,。；;]")


def expected_in(clause: str, text: str) -> bool:
    """Whether 预计 governs a clause: said in it, or before it as a rate's (预计，全省…增长6.1%:
    the clause after the mark is 预计's too); `text` the sentence up to the clause's end."""
    return "预计" in clause or expected_rate(text)


def expected_rate(sentence: str) -> bool:
    """Whether the sentence gives a rate of change under 预计 and names no season, holiday, part
    of a year or year (see _EXPECTED_RATE)."""
    if "预计" not in sentence or _COMING_SEASON.search(sentence) or _TIME_NAMED.search(sentence):
        return False
    found = _EXPECTED_RATE.search(sentence)
    if found is None:
        return False
    opens = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, found.start())), default=0)
    return _TIME_AHEAD.search(sentence, opens, found.end()) is None


# An amount of a flow given to its last unit (837.9亿斤, 31206元, 1576亿千瓦时), or a rate so
# given (优良天数比例90.7%): a measured level, where a plan's is round. Not a date or a span's
# ends (2024—2025学年), an ordinal, a rough amount (以上, 左右, 余, 多), nor a count of things
# (受益学生386万人, 床位823.8万张): a stock, whose scope the clause leaves open
_AMOUNT = re.compile(
    r"(?<![0-9.第—\-–~])([0-9]+(?:\.[0-9]+)?)"
    r"(?![0-9.]|\s*(?:年|月|日|号|个百分点|[以左余多—\-–~至到]"
    r"|[万亿]?[个张家所座处项套户人名位台辆部条件栋间只头批]))"
)


def precise_level(clause: str) -> bool:
    """Whether a clause states an amount with three significant digits or more (837.9, 31206,
    1576; not 800, 1.2 or 2000)."""
    return any(len(m.group(1).replace(".", "").strip("0")) >= 3 for m in _AMOUNT.finditer(clause))


# A plan's line, then its outcome after a colon (——城镇新增就业3.5万人：预计全年新增3.8万人;
# …增长6%：实际增长6.3%), as a plan-execution report lays its targets out
OUTCOME_AFTER = re.compile(r"[：:]\s*(?:全年)?(?:预计|实际|执行|初步统计|据初步统计|初步核算)")
