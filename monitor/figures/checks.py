"""The checks one number passes before it is a target's figure, and what a figure says of
itself: another period than the pledge's, an exclude word in its clause, a fraction read as a
share, the size of a plan (204万套的任务), and why it was read as it was (`try --explain`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from monitor.figures.attribution import _Match
from monitor.figures.brackets import PLAN_BRACKET
from monitor.figures.cues import _ACHIEVED, _PLEDGE, PLAN_AFTER, PLAN_WORD
from monitor.figures.firsts import opening
from monitor.figures.numeral_reader import frozen
from monitor.figures.plan_words import list_counted, project_size, quoted_project
from monitor.figures.references import plan_compared
from monitor.figures.task_done import done_of_task
from monitor.models import FigureKind, FigureScope, Quantity, Target

_RATE_UNITS = frozenset({"%", "‰", "百分点"})
# a quoted name in a clause: a thing of its own (“爱心托管班”), but not a plan's (“十三五”)
_NAMED = re.compile(r"“(?!十?[一二三四五六七八九]五”)[^”]{2,}”")
_KIND_WORDS = {  # the words shown as what made a figure's kind (`try --explain`)
    "achieved": re.compile(
        _ACHIEVED.pattern
        + r"|[0-9一二三四五六七八九十]+\s*[—\-–至]\s*[0-9一二三四五六七八九十]+月"
        + r"|前[一二三]季度|上半年"
    ),
    "pledge": re.compile(_PLEDGE.pattern + r"|到(?:19|20)[0-9]{2}\s*年|的(?:年度)?(?:目标)?任务"),
}
# 204万套（间）的任务, 5万套的年度目标: the number is the size of the plan
# 计划新建的100个口袋公园, 拟改造的300个小区: the number inside what a plan is to do
# …, and 新建充电桩的任务是500个, 新增床位的任务5000张: the number the plan is
# (Each branch opens with a letter, one a word, not with a group: a search then jumps between
# those letters instead of trying every place of the clause; 4-5x quicker.)
_PLANNED_BEFORE = re.compile(
    # …, 年初确定新建的, 要新增的, 下达的, 纳入民生实事的: set, handed down or listed as the plan
    "|".join(
        f"{word}[^，,。；已]{{0,8}}的$"
        for word in (
            *("计划", "(?<![虚模])拟", "将", "要(?<![主重需只必不纲]要)", "确定", "提出", "明确"),
            *("制定", "部署", "下达", "列入", "纳入", "定下", "原定", "预定", "既定"),
        )
    )
    + r"|的(?:年度|全年)?(?:建设)?(?:任务|目标|计划)(?:是|为)?$"
    # 今年绿道建设任务为200公里
    + "".join(
        f"|{word}(?:数|量)?(?:是|为|定为|确定为)$" for word in ("任务", "目标", "限额", "额度")
    )
    # an allocation named just before its amount (下达的债券额度2600亿元, 今年安排的新增专项债券
    # 3.9万亿元已发行完毕): the amount allotted, whatever was done with it since
    + r"|限额$|额度$|安排的[^，,。；已的]{0,14}$|下达的[^，,。；已的]{0,14}$"
    # spoken: 今年目标定在5000套, 年初定的是100个, 要办的义诊是六百场; a heading's 目标350户
    + r"|目标(?:定在|锁定在)$|(?<!稳)定下?的(?:是|为)$"
    + r"|要[^，,。；已]{0,8}的[^，,。；已的]{1,10}?是$"
    + r"|(?<![超比离距差过于达成])目标$|(?:年度|全年)(?:目标|任务|计划)$|控制指标$"
)
_PLANNED_BEFORE = opening(_PLANNED_BEFORE)  # searched only where a match can start (firsts.py)
# 今年750万亩高标准农田建设任务已完成…: the number opens a noun phrase that ends in the task
_CLAUSE_REST = re.compile(r"[^，,。；;]*")
# (not a step before the work: 8万个公办学位的任务已完成选址, …已完成立项、招标: still the plan)
_MET_AFTER = re.compile(
    r"(?:已|均|都|全部|如期|提前|超额|全面|顺利|基本)*(?:完成|实现|落实)"
    r"(?!了?(?:审批|备案|选址|立项|签约|核准|报建|招标|设计|前期|规划|方案|分解))"
)
# (为5万户居民家庭安装燃气泄漏报警器的任务, …新建40个口袋公园的目标: a long name, joined by 的)
_TASK_PHRASE = re.compile(
    # (not across a bracket: 共建成116个（目标100个） gives the plan beside the result)
    # (…学位民生实事, …农贸市场20个民生实事项目: the year's listed project, a plan's task too)
    # (not across a sentence's end: 新增泊位4600个！这项民生实事… is a result, then a remark)
    # (a digit only as a name's: 新建1万个5G基站的任务目标)
    r"(?:[^\s，,。；：:、的0-9完成已达超占（()）！？!?]|[0-9](?=[A-Za-z])){1,14}?"
    r"(?:的(?=任务|目标|民生实事))?"
    r"(?:任务|目标|民生实事)(?!书|值)"
)


def plan_size(sentence: str, c0: int, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] is the size of a plan: 204万套的任务, 7万套目标,
    计划新建的100个口袋公园, 已将新建中医馆12个列入民生实事项目."""
    return bool(
        (PLAN_AFTER.match(sentence, end) and not _tally(sentence, start))
        or (  # 完成…浓度下降5%、重污染天数减少8%的年度目标: the first of the goal's figures
            (more := _MORE_OF_PLAN.match(sentence, end)) is not None
            and PLAN_AFTER.match(sentence, more.end()) is not None
            and not _tally(sentence, start)
        )
        or _PLANNED_BEFORE.search(sentence, c0, start)
        or _task_to_do(sentence, end, start)
        or _named_plan(sentence, c0, start)
        or listed_as_plan(sentence, end)
        or _inside_listed_plan(sentence, start, end)
        or _SET_THEN_PART.match(sentence, end) is not None
        or _set_then_completed(sentence, start, end)
        or (
            _YEARS_SET_THEN_PART.match(sentence, end) is not None
            and _OF_A_YEAR.search(sentence, c0, start) is not None
        )
        or plan_compared(sentence, start, end)  # 比年度目标300个多12个
        or quoted_project(sentence, start, end)  # 如“新增普惠托育机构40家”等项目
        or _OVER_DONE.search(sentence, max(c0, start - 12), start) is not None  # 3120个/5000个
        or PLAN_BRACKET.search(sentence, max(0, start - 40), start) is not None
        or list_counted(sentence, c0, start)  # 民生实事…改造项目共42个
        or project_size(sentence, c0, start, end)  # 2万亩…农田项目进展顺利: a project's size
    )


# More figures of the same plan after a pause (…下降5%、重污染天数减少8%的…目标; 新增就业5万人、
# 培训2万人次的任务): the plan's noun after the last is each one's
_MORE_OF_PLAN = re.compile(
    r"(?:、[^，,。；;、0-9]{1,16}?[0-9][0-9.]*\s*(?:%|％|个百分点|[万亿千]?[\u4e00-\u9fff]{0,2}))+"
)


# An amount done, then a slash before the number (完成3120个/5000个, 建成9/12个): the number is
# the whole the amount is done of, the plan
_OVER_DONE = re.compile(r"[0-9][0-9.]*[万亿]?[\u4e00-\u9fff]{0,2}\s*[/／]\s*$")


# The set of the work's things, then the part of it at a stage (武汉10个物流园区项目已开工7个,
# 1200公里…工程已完工860公里; 今年20个…改扩建项目中，已开工18个): the set is the plan the part is
# taken from
_PART_DONE = (
    r"已经?(?:全部)?"
    r"(?:开工|完工|竣工|建成|投用|开业|通车|交付|验收|启动|实施)了?[约近超逾]?[0-9一二三四五六七八九十两]"
)
_SET_THEN_PART = re.compile(r"[^，,。；;0-9、]{1,16}?" + _PART_DONE)
# …or then 已完成 a count in the same measure (12个老旧小区改造已完成9个, 3500公里…工程已完成
# 2960公里); not 已完成 another measure (32个…项目已完成投资4.6亿元)
_SET_THEN_COMPLETED = re.compile(
    r"[^，,。；;0-9、]{1,16}?已经?(?:累计)?完成了?[约近超逾]?[0-9][0-9.]*\s*[万亿]?"
)
_UNIT_TAIL = re.compile(r"[^0-9.\s万亿]+$")


def _set_then_completed(sentence: str, start: int, end: int) -> bool:
    done = _SET_THEN_COMPLETED.match(sentence, end)
    unit = _UNIT_TAIL.search(sentence, start, end)
    return done is not None and unit is not None and sentence.startswith(unit.group(), done.end())


# …and a set of the year's before a comma (今年…20个社区卫生服务中心（站）中，已有12个投入使用);
# a set of no year (全市86条黑臭水体中，已有79条…) is the whole stock, no plan (sets.whole_set)
# (…or before 已有 with no 中: 今年新建的60个口袋公园已有58个完工; …的3500个托位，目前已有2900个…)
_YEARS_SET_THEN_PART = re.compile(
    r"[^，,。；;0-9、]{1,24}?(?:中[，,]|[，,]?(?:目前|现在|当前)?(?=已有))"
    r"(?:已有[约近超逾]?[0-9一二三四五六七八九十两]|" + _PART_DONE + ")"
)
_OF_A_YEAR = re.compile(r"今年|本年|年度|全年|[0-9]{4}\s*年|计划|列入|纳入")


# Work listed as a plan (将新建中医馆12个列入民生实事项目, 把改造120个写入…清单): the count is
# what the plan holds, and the words after it name the plan, no other thing it counts
# (…or its noun between: 已将400个城镇老旧小区纳入改造计划, the things put in the plan)
_LISTED_AS_PLAN = re.compile(
    r"(?:已经?|均|都|全部)?被?(?:列入|纳入|写入|列为|确定为|定为|作为)[^，,。；]{0,14}?"
    r"(?:计划|项目|实事|清单|任务|目标|工程)"
    r"|[^，,。；0-9]{1,12}?(?:列入|纳入|写入)[^，,。；]{0,14}?(?:计划|实事|清单|任务|目标)"
)
# …or the plan the thing was put in, the count inside its name (已列入区政府今年新建6家社区卫生
# 服务中心计划, 纳入市里今年新建50个社区食堂的计划)
_LISTED_INTO = re.compile(r"(?:列入|纳入|写入)[^，,。；的]{0,16}$")
_PLAN_ENDS = re.compile(r"[^，,。；]{0,16}?的?(?:计划|清单|任务)(?=[，,。；;]|$)")


def listed_as_plan(sentence: str, end: int) -> bool:
    """Whether the count ending at `end` is followed by the plan it was listed in."""
    return _LISTED_AS_PLAN.match(sentence, end) is not None


def _inside_listed_plan(sentence: str, start: int, end: int) -> bool:
    return bool(_LISTED_INTO.search(sentence, max(0, start - 18), start)) and bool(
        _PLAN_ENDS.match(sentence, end)
    )


# The plan's noun right before its size (完成年度目标2万个的115%, 目标任务1000个): the plan's
# amount, in apposition; not one compared with it (高于年度目标5个百分点, 比目标多3个)
# (a branch each way it is written, each opening with a letter: see _PLANNED_BEFORE;
# 占调整预算70亿元的60%: a budget is a plan)
# a plan set anew before its size (年度任务调整为650台, 目标调增至100个)
_SET_AGAIN = "(?:调整为|调整到|调增至|调增到|调减至|调减到|提高到|提高至|增加到|增至)?"
# the plan's noun heading a measure of the work (任务面积12万亩, 计划里程420公里, 任务数量为126个):
# still the plan's size, the measure named after it
_PLAN_MEASURE = "(?:(?:面积|里程|规模|总量|总数|数量)(?:为|是)?)?"
_PLAN_NAMED = re.compile(
    "|".join(
        f"{period}{work}{plan}(?:任务)?{_PLAN_MEASURE}{_SET_AGAIN}$"
        for period in ("年度", "全年", "")
        for work in ("建设", "改造", "")
        for plan in ("目标", "任务", "计划")
    )
    + "".join(f"|{period}预算数?$" for period in ("年初", "调整", "年度", "全年", ""))
)
_COMPARED = re.compile(r"[于过出比较差距离超]$")


def _named_plan(sentence: str, c0: int, start: int) -> bool:
    found = _PLAN_NAMED.search(sentence, c0, start)
    if found is None or _COMPARED.search(sentence, c0, found.start()):
        return False
    return not done_of_task(sentence, c0, found.start(), found.end(), start)


# 累计 before the verb of work done and the amount (累计完成2.6亿亩…任务, 已经累计完成了1.2万户的
# …任务): a tally of the work done, which a plan's size is not
# (累计完成…; 共完成建设…, 全部完成…: the task's amount done, a sum of work)
_TALLY_DONE = re.compile(r"(?:累计|共|共计|全部|已)(?:完成|建成|改造|实施)(?:建设)?了?[约近超逾]?$")


def _tally(sentence: str, start: int) -> bool:
    return _TALLY_DONE.search(sentence, max(0, start - 8), start) is not None


def _task_to_do(sentence: str, end: int, start: int) -> bool:
    """Whether the number ending at `end` opens a noun phrase naming a task (750万亩高标准农田建设
    任务已完成690万亩: the task's size), not one said to be met (249万人…搬迁建设任务如期完成: what
    was done) nor a tally of work done (累计完成2.6亿亩…建设任务)."""
    phrase = _TASK_PHRASE.match(sentence, end)
    if phrase is None or _tally(sentence, start):
        return False
    rest = _CLAUSE_REST.match(sentence, phrase.end())
    tail = rest.group() if rest else ""
    return not (_MET_AFTER.match(tail) and not any(c.isdigit() for c in tail))


def _out_of_frame(
    target: Target, period: str | None, scope: FigureScope, kind: FigureKind
) -> str | None:
    """Why a figure is not given in the frame it was read in: its frame is unclear (kind
    mention: no word of plan or result, no dated frame; a guess costs more than a miss), or it
    is of another period than the target's."""
    if kind == "mention":
        return "its frame is unclear: no word of plan or result, no date"
    return _other_period(target, period, scope, kind)


def _other_period(
    target: Target,
    period: str | None,
    scope: FigureScope,
    kind: FigureKind = "achieved",
) -> str | None:
    """Why a figure of another period than the target's is not its figure (2023 for a pledge
    announced in 2024; next year's plan), or None. The target's period runs from the year its
    pledge was announced to its deadline; a target with no pledge but a year in its title
    (全国2022年新增减税降费) is of that year. A pledge whose announcement is not known has no
    start: real coverage of 全国2025年…改造2.5万个 is followed from the programme's first
    years (E7 labels them), so only later periods are out."""
    span = _target_years(target)
    if span is None and period and kind == "pledge":
        return _later_plan(target, period)
    if span is None or not period:
        return None
    years = _years_of(period)
    if years is None:
        return None
    (start, end), (first, last) = span, years
    shown = f"{start or '…'}-{end}"
    if start is not None and last < start:
        return f"another period ({period}) than the target's ({shown})"
    if first > end and (scope != "cumulative" or kind == "pledge"):
        # a later stock still counts (a running total); a later plan or year's work does not
        return f"another period ({period}) than the target's ({shown})"
    return None


def _later_plan(target: Target, period: str) -> str | None:
    """Why a plan for a year after a total's deadline (2025年…稳定在5120万人以上 for a total
    due by the end of 2024) is not the target's: next year's plan, not this one."""
    pledge = target.pledge
    if pledge is None or pledge.by is None:
        return None
    years = _years_of(period)
    if years is None or years[0] <= pledge.by.year:
        return None
    return f"a plan for a later period ({period}) than the target's deadline ({pledge.by.year})"


_TITLE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!以来|来)")


@lru_cache(maxsize=256)
def _target_years(target: Target) -> tuple[int | None, int] | None:
    """The first and last year of the target's period, if it has one: its pledge's (announced,
    if known, to deadline), else the year its title names. A pledge to reach a total by a date
    has none."""
    pledge = target.pledge
    if pledge is not None and pledge.scope == "cumulative":
        # a level to reach: any year's level counts toward it, but not what was added or said
        # before it was announced (2022年新认定…3200家 for a total pledged in 2025)
        if pledge.announced is None or pledge.by is None:
            return None
        return pledge.announced.year, pledge.by.year
    title_year = _title_year(target)
    if pledge is not None and pledge.by is not None:
        # a pledge announced at an unknown time may be followed from any earlier year (real
        # coverage of 全国2025年…改造2.5万个 reports 2021's work too): only later ones are out
        return (pledge.announced.year if pledge.announced else None), pledge.by.year
    if pledge is None and title_year is not None:
        return title_year, title_year
    return None


def _title_year(target: Target) -> int | None:
    named = _TITLE_YEAR.search(target.title)
    return int(named.group(1)) if named else None


def _years_of(period: str) -> tuple[int, int] | None:
    """The first and last year of a period as the reader writes it: 2024, 2024H1, 2016-2020."""
    parts = [p[:4] for p in period.split("-") if p[:1].isdigit()]  # 2024Q1-Q3 is of 2024
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[-1])


def _as_percent(q: Quantity, head: str = "") -> Quantity | None:
    """The number as a percentage if it is one: 83%, a fraction (三分之一 → 33.3…%), or, after
    words naming the plan (`head`: 为年度目标任务的1.12倍), a multiple of it (112%), or after a
    rise (同比增长1.2倍), the rise (120%)."""
    if q.unit == "%":
        return q
    if q.unit is None and "分之" in q.surface and 0 < q.value <= 1:
        return frozen(Quantity, **{**q.__dict__, "value": q.value * 100, "unit": "%"})
    if q.unit == "倍" and (_OF_THE_PLAN.search(head) or _GROWN_BY.search(head)):
        # 增长1.2倍: grown by 120 %, as a rate is written (not 增长到/增至, a multiple reached)
        return frozen(Quantity, **{**q.__dict__, "value": q.value * 100, "unit": "%"})
    return None


_GROWN_BY = re.compile(r"(?:增长|增加|提高|提升|上升|上涨)了?(?:约|近|超过)?$")


# A multiple of the plan, not of last year's figure (是去年同期的1.3倍): 为全年任务的1.05倍
_OF_THE_PLAN = re.compile(r"(?:为|是|达到?|相当于)[^，,。；]{0,8}?" + PLAN_WORD + r"的$")


def _excluded(target: Target, *clauses: str) -> str | None:
    """The target's exclude word in the number's clause or its keyword's, if one is there."""
    for word in target.exclude:
        if word and any(word in clause for clause in clauses):
            return word
    return None


def _clause_of(sentence: str, cuts: list[int], match: _Match) -> str:
    k = bisect_right(cuts, match.start)
    return sentence[cuts[k - 1] + 1 if k > 0 else 0 : cuts[k] if k < len(cuts) else len(sentence)]


def _unit_differs(q: Quantity, target: Target, after: str) -> str:
    if q.unit is None:
        return f"a bare number before a noun ({after}…), not in the target's unit {target.unit}"
    return f"unit {q.unit} is not the target's {target.unit}"


def _why(
    sentence: str,
    clause: str,
    match: _Match,
    listed: str | None,
    kind: FigureKind,
    scope: FigureScope,
) -> str:
    """Why a figure was read as it was: the noun it counts, the word that made its kind."""
    noun = listed or sentence[match.start : match.end] or "the clause's subject"
    cue = _cue_word(clause, kind) or _cue_word(sentence, kind)
    said = f" (by '{cue}')" if cue else " (by the time frame)"
    return f"noun: {noun}; {kind}{said}; scope: {scope}"


@lru_cache(maxsize=256)
def _cue_word(text: str, kind: FigureKind) -> str | None:
    found = _KIND_WORDS[kind].search(text) if kind in _KIND_WORDS else None
    return found.group() if found else None
