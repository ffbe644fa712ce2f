"""A goal for a time to come: 到2025年 naming this or a later year, the end of a plan still to
come (“十五五”末), 年内交付 and 年底前全部建成 before December, 到年底 opening a clause; read
from a clause, its sentence and the date."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.announcing import announced_again, pledge_size
from monitor.figures.cues import _PLEDGE, MODAL, _cue
from monitor.figures.firsts import Opening
from monitor.figures.five_years import plan_end
from monitor.figures.months import YEAR_SPAN
from monitor.figures.stock_flow import IN_STATE
from monitor.models import FigureKind, FigureScope, Quantity, Target

_BY_YEAR = re.compile(r"(?:到|至)((?:19|20)[0-9]{2})年")
# The end of this year still to come, opening a clause or its sentence (到年底，…; 年底前…)
_YEAR_END = (
    "到年底",
    "到今年底",
    "到今年年底",
    "到年末",
    "年底前",
    "到本年末",
    "至年底",
    "今年底前",
)


# The year's end still to come as the adverb of a verb of work (年内交付, 年底前全部建成, 年内新
# 开工); read in December, 年内新建5100个 is the year's work done (see coming_goal)
_WORK = (
    r"新建|新增|建成|完成|交付|开工|完工|竣工|投用|投入使用|开通|改造|筹集|开放|启用|实现"
    r"|建设|落地|上线|通车"
)
_BY_YEAR_END = re.compile(
    r"年(?<![0-9去上]年)(?:内|[底末]前)(?:将|要|再|全部|全面|陆续|基本|力争|争取)?新?"
    r"(?:" + _WORK + ")"
)


def coming_goal(clause: str, published: date, sentence: str = "") -> bool:
    """到2025年 naming this or a later year: a goal for then (not 截至2025年, a date passed);
    年内/年底前 right before a verb of work, read before December, in a clause with no 已 (年内
    交付); or 到年底/年底前 opening the clause or its sentence, read from March to November or
    in a sentence of intent (今年将…), in a clause with no 已: a goal for the year's end (到年底
    全省累计建成28万个), not a total reached (in December or early in the next year, the end
    of the year spoken of is at hand or passed, unless the sentence plans)."""
    if published.month < 12 and "已" not in clause and _BY_YEAR_END.search(clause):
        return True  # 年内交付, 年底前全部建成 before December: work still to be done
    if clause.lstrip("　 ").startswith(_YEAR_END) or sentence.lstrip("　 ").startswith(_YEAR_END):
        coming = 3 <= published.month <= 11 or bool(MODAL.search(sentence or clause))
        return coming and "已" not in clause
    end = plan_end(clause) if "末" in clause else None
    if end is not None and end >= published.year and "截" not in clause:
        return True  # “十五五”末…累计达到8000部: a goal for the plan's last year
    if (
        "已" not in clause
        and any(w in clause for w in "前底末")
        and _deadline_ahead(clause, published)
    ):
        return True  # 2025年底(前)口袋公园达到150个, read in 2024: a goal with its deadline
    if "月" in clause and "已" not in clause and _month_ahead(clause, published):
        return True  # …，剩余6个11月底前完工, read in October: work still to be done
    if "年" in sentence and "已" not in clause and _span_ahead(sentence, clause, published):
        return True  # 《通知》提出，2019年至2022年，…规模累计达到3.2万个, read in 2019: a plan
    found = _BY_YEAR.search(clause) if "年" in clause else None
    if found is None and "已" not in clause and sentence:
        # 到2027年，累计新改建…2万公里: a deadline opening the sentence sets the time of each
        # clause after it that names none of its own
        found = _BY_YEAR.match(sentence.lstrip("　 ")) or _deadline_before(sentence, clause)
    return bool(
        found
        and int(found.group(1)) >= published.year
        and clause[found.start() - 1 : found.start()] != "截"
    )


# A clause holding only a deadline, with the intent or plan it is set by (力争到2028年，…; 力争
# 到2027年底，…): it sets the time of the clauses after it, as one opening the sentence does
# (opening with its words, a search looks for their first letters, not tries every place)
_DEADLINE_CLAUSE = re.compile(
    r"(?:争取|力争|计划|确保|预计|努力|要|将)(?:在|到|至)((?:19|20)[0-9]{2})\s*年(?:底|末)?(?:前)?[，,]"
)
_CLAUSE_OPENS = frozenset("，,；;：: \u3000")
_NOW_WORDS = re.compile(r"目前|现已|截至|截止|至今|当前")


# A span of years standing as a clause (…提出，2019年至2022年，…): the time of the clauses after it
_SPAN_CLAUSE = re.compile(YEAR_SPAN + r"[，,]")


def _span_ahead(sentence: str, clause: str, published: date) -> bool:
    """Whether a span of years standing as a clause before `clause`, commas only between, ends
    after the year published (2019年至2022年, read in 2019): what it sets is still to come."""
    found = _clause_before(_SPAN_CLAUSE, sentence, clause)
    return found is not None and int(found.group(1)) > published.year


def _deadline_before(sentence: str, clause: str) -> re.Match[str] | None:
    """The last clause before `clause` in `sentence` holding only a deadline (_DEADLINE_CLAUSE),
    with no other stop than commas between; None where the clause says where things stand now
    (目前累计建成…)."""
    return _clause_before(_DEADLINE_CLAUSE, sentence, clause)


def _clause_before(pattern: re.Pattern[str], sentence: str, clause: str) -> re.Match[str] | None:
    """The last clause before `clause` in `sentence` that opens with a match of `pattern`, with
    no other stop than commas between; None where `clause` says where things stand now
    (目前累计建成…)."""
    at = sentence.find(clause)
    if at <= 0 or _NOW_WORDS.search(clause):
        return None
    found = None
    for m in pattern.finditer(sentence, 0, at):
        if m.start() == 0 or sentence[m.start() - 1] in _CLAUSE_OPENS:
            found = m
    if found is None or any(c in sentence[found.end() : at] for c in "；;。"):
        return None
    return found


# A deadline in a year named (2025年底前, 2026年前, 2024年末之前): 截至 is no deadline, nor the
# year's first months (2024年前7个月, 2024年前三季度)
_BEFORE = r"(?:以前|之前|前(?![0-9一二三四五六七八九十两]{1,2}个?月|[一二三]季度))"
_DEADLINE = re.compile(
    r"(?<!截至)(?<!截止)((?:19|20)[0-9]{2})\s*年(?:(?:底|末)(?!以来)(?:"
    + _BEFORE
    + ")?|"
    + _BEFORE
    + ")"
)


def _deadline_ahead(clause: str, published: date) -> bool:
    """Whether the clause names a deadline still to come: a later year's, or this year's read
    before December."""
    found = _DEADLINE.search(clause)
    if found is None:
        return False
    year = int(found.group(1))
    return year > published.year or (year == published.year and published.month < 12)


# A month's deadline this year before a verb of work (11月底前完工, 10月前全部建成): not a span of
# months (1—10月), a count of them (3个月前) or a date with a year (see _DEADLINE)
_MONTH_DEADLINE = re.compile(
    r"(?<![0-9年—\-至到~～])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"(?:底|末|中旬|上旬|下旬)?(?:以前|之前|前)(?:全部|陆续|基本)?(?:" + _WORK + ")"
)
_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MONTHS |= {"十": 10, "十一": 11, "十二": 12}


def _month_ahead(clause: str, published: date) -> bool:
    """Whether the clause names a month of this year, not yet over, as the deadline of work."""
    found = _MONTH_DEADLINE.search(clause)
    if found is None:
        return False
    word = found.group(1)
    month = int(word) if word.isdigit() else _MONTHS[word]
    return month >= published.month


def done_in_past(head: str, period: str | None, published: date | None) -> bool:
    """Whether a task's amount after 完成 (完成国土绿化任务1.27亿亩) is dated to a year before the
    one published in, with no word of plan: the work done that year, not its task's size."""
    return (
        "完成" in head
        and head.endswith("任务")  # (not 超额完成40所的年度目标任务: the plan's size after 完成)
        and published is not None
        and period is not None
        and period.isdigit()
        and int(period) < published.year
        and _PLEDGE.search(head) is None
    )


def year_to_come(read: tuple[FigureKind, FigureScope, str | None], published: date | None) -> bool:
    """Whether a year's work read as done (`read`: kind, scope, period) is dated to a year after
    the one published in, which cannot be: what that year is to do, its pledge (会议明确，2025年
    新建口袋公园60个，一季度已建成12个, read in 2024); not a stock, whose period may be a deadline
    its clause took from another (到2025年底累计建成3万个，截至目前已累计建成2.6万个)."""
    kind, scope, period = read
    return (
        kind == "achieved"
        and scope == "new"
        and published is not None
        and period is not None
        and period.isdigit()
        and int(period) > published.year
    )


def pledge_said_again(
    quantity: Quantity,
    target: Target,
    read: tuple[FigureKind, FigureScope, str | None],
    sentence: str,
    published: date | None,
    span: tuple[int, int],
) -> bool:
    """Whether a count read (`read`: kind, scope, period) as the year's new work by its date
    alone, or in no frame at all (a title's), with no word of plan or result in its clause
    (`span` in `sentence`) is the target's pledge said again: the pledge's size, of the pledge's
    year, read before that year's last month (今年改造老旧小区200个 in August, for a pledge of
    200), not said to be passed (超200个) nor given with its share of the plan (开工300个，开工率
    100%: the year's work so far). Nor a clause with no time of its own that sizes the work the
    clause before it says is done or under way (…项目已全面开工，开工面积18万亩): the whole
    pledge started, not restated. In the month the pledge is announced, its size said with a
    bare verb of work, done or not (建成14个…。), is it too (announcing.py)."""
    c0, c1 = span
    text = sentence[:c1]
    kind, scope, period = read
    clause = text[c0:]
    if exceeds(clause, quantity.start - c0) or _share_after(sentence, c1):
        return False
    if announced_again(quantity, target, read, clause, published):
        return True  # 建成14个高品质生活服务圈。 on the day a pledge of 14 is announced
    pledge = target.pledge
    # (a title's amount in no clear frame too: 福州今年新增托位6000个 in May, for a pledge of 6000)
    if kind not in _UNSAID or scope != "new" or pledge is None or pledge.scope != "new":
        return False
    if pledge.by is None or published is None:
        return False
    if not pledge_size(quantity, pledge.value) or period not in (None, str(pledge.by.year)):
        return False  # no year named: a task list early in the year (新建5G基站4万个)
    if kind == "mention" and period is None:
        return False  # 福州新增托位6000个 in January: as likely last year's result
    if published.year != pledge.by.year or published.month >= 12:
        return False
    if _cue(clause) is not None or _DONE_WORDS.search(clause):
        return False
    if not c0 or _OWN_YEAR.search(clause):
        return True
    before = text[:c0].rstrip("，,；;　 ")
    last = max(before.rfind(mark) for mark in "，,；;：:") + 1  # the clause it goes on with
    return not _DONE_WORDS.search(before, last)


# the share of the plan the count is, in the clause after it (，完成年度任务的100%; 开工率100%)
_SHARE_AFTER = re.compile(
    r"[，,　 ](?:[^。；，,　 ]{0,12}?(?:任务|计划|目标)的?|[^。；，,　 ]{0,4}?率(?:为|达到?)?)"
    r"[0-9０-９.]+%"
)


def _share_after(sentence: str, c1: int) -> bool:
    """Whether the clause after c1 gives the share of the plan (_SHARE_AFTER), which ends in
    %: looked for only where a % follows (a match tried each of its ways up to 16 letters)."""
    return sentence.find("%", c1) >= 0 and _SHARE_AFTER.match(sentence, c1) is not None


_UNSAID = ("achieved", "mention")  # read as a result by its date alone, or in no frame at all
# a clause's own time words: 今年新建12万亩 after …已完工8.6万亩 is the plan said again
_OWN_YEAR = re.compile(r"今年|全年|年度|本年")


# words of things done or under way, short of a cue word (建成, 完工, 投用): the count is a result
_DONE_WORDS = re.compile(r"已|建成|完成|完工|竣工|投用|投运|交付|开通|实现")


def exceeds(sentence: str, start: int) -> bool:
    """Whether the amount at `start` is said to pass its size (新增普惠托位超3000个, 突破3000个):
    a result beyond the plan, not the plan said again."""
    return sentence.startswith(_PAST, start) or sentence[max(0, start - 2) : start] in _PAST


_PAST = ("超", "逾", "突破", "超过")


# The total a plan brings, said after it (…将新改建1.5万公里，累计达到27万公里; …计划新建60个，
# 全市累计突破400个): 累计 and a verb of reaching, no word of now or done (截至目前累计建成…)
_TOTAL_TO_REACH = re.compile(
    r"[　 ]*(?:全[市省区县国])?累计(?:将|可|要|能)?(?:达到?|超过|突破|增至|增加到|提高到)"
)
_NOW = re.compile(r"截至|截止|目前|至今|现在|已")


def planned_total(clause: str, before: str) -> tuple[str, str] | None:
    """The clause right before `clause` and the sentence up to it (`before` ends with `clause`),
    when `clause` gives the total the work of that clause brings, not a total reached by now
    (截至目前累计建成…): the total is the plan's if that clause is a plan (frames._kind)."""
    if not before.endswith(clause) or not _TOTAL_TO_REACH.match(clause) or _NOW.search(clause):
        return None
    head = before[: len(before) - len(clause)].rstrip("，,；; 　")
    last = head[max(head.rfind(c) for c in "，,；;") + 1 :]
    return (last, head) if last and not _NOW.search(last) else None


# A bare amount of work, then the part of it done so far (今年新改建农村公路1200公里，截至9月底，
# 已完成1030公里; …新建口袋公园60个，目前已建成45个): the first is the work set, the plan. Not
# another stage after it (新开工300个，已完工180个), nor a share done (…，已完成年度任务的85%)
_WORK_SET = re.compile(
    r"(新建|新增|新改建|改建|改造|建设|筹集|开工|新开工)[^，,。；0-9]{0,12}?[约近超逾]?[0-9一二三四五六七八九十两][^，,。；]*$"
)
_DONE_SO_FAR = re.compile(
    r"[，,]\s*(?:截[至止][^，,。；]{1,10}?[，,]?\s*|目前|当前|现)?已经?(?:累计)?"
    r"(完成|建成|新建|新增|新改建|改造|筹集|开工|新开工)了?[约近超逾]?[0-9]"
)


def set_then_done(clause: str, rest: str, own: str | None) -> bool:
    """Whether the clause's work, with no cue of its own (`own`), is the amount set, the clause
    after it (`rest`, from its comma) the part of it done so far, by the same verb, 完成, or 建成
    of what is built."""
    if own is not None or "%" in clause or "计划" in clause:  # (年度计划完成85%: a share)
        return False
    work, done = _WORK_SET.search(clause), _DONE_SO_FAR.match(rest)
    if work is None or done is None:
        return False
    verb, did = work.group(1), done.group(1)
    return did in ("完成", verb) or (did == "建成" and verb in ("新建", "建设"))


# The clause after a bare amount of work saying all of it is due by a time ahead (…1200公里，10月底
# 前全部完工; …，年内全面建成): the amount is the work to do, the plan
_ALL_DUE = re.compile(
    r"[，,]\s*(?:[0-9一二三四五六七八九十]{1,2}\s*月(?:份)?(?:底|末|中旬|下旬)?前|年底前|年内|年前)"
    r"(?:要|将|须|力争|确保)?(?:全部|全面|如期)"
)


# Things in a state now (在建充电站85座, 在营, 在运): where the count stands; their end no plan
_IN_STATE = re.compile(IN_STATE)


def all_due_after(sentence: str, at: int, clause: str = "") -> bool:
    """Whether the clause after `at` (a clause's end) says all the work of `clause` is due by a
    time ahead; not of things counted in the state they are in now (今年在建充电站85座，预计年底
    前全部投运: a stock under way)."""
    return _ALL_DUE.match(sentence, at) is not None and not in_state(clause)


def in_state(clause: str) -> bool:
    """Whether the clause counts things in the state they are in now (在建, 在营, 在运, 在册)."""
    return "在" in clause and _IN_STATE.search(clause) is not None


# A clause giving work done by its verb and amount (完成62个, 实际建成1320盏) in a sentence that
# goes on to the rate of the plan done (完成率103.3%, 完成进度…, 占年度任务…%)
_DONE_AMOUNT = re.compile(
    r"\s*(?:实际|累计|共)?(?:完成|建成|完工|竣工|开工|实现)了?(?:投资)?[约近超逾]?[0-9]"
)
_RATE_AFTER = re.compile(r"完成(?:率|进度|比例)|占[^，,。；]{0,8}?(?:任务|计划|目标)")


def done_beside_rate(clause: str, rest: str) -> bool:
    """Whether the clause gives work done with the plan's rate after it in its sentence (`rest`):
    the plan word of a clause before (计划60个，完成62个，完成率103.3%) does not make it a plan."""
    return bool(_DONE_AMOUNT.match(clause)) and bool(_RATE_AFTER.search(rest))


# A clause giving only a rate of change, with no subject or verb of work of its own (…，同比增长
# 7.5%; …，比上年同期下降3.1%): the change of the amount the clause before gave
_RATE_ONLY = Opening(
    re.compile(
        r"(?:同比|环比|比上年同期|比去年同期|比上年|比去年|较上年同期|较去年同期|较上年|较去年)"
        r"(?:增长|下降|增加|减少|提高|回落)了?[约近超逾]?[0-9]"
    )
)
# (not a clause comparing with another amount, 比年度目标30个多4个: the rate is the figure's own)
_SET_AGAINST_BEFORE = re.compile(r"\s*(?:比|较|相比|高于|低于|多于|少于|超过|超出|占|与)")
_AMOUNT_END = re.compile(r"[0-9][0-9.]*\s*[万亿]?[\u4e00-\u9fff]{0,3}(?:以上|左右)?$")


def rate_of_before(clause: str, before: str) -> tuple[str, str] | None:
    """The clause before `clause` and the sentence up to it (`before` ends with `clause`), when
    `clause` is only the rate of change of the amount that clause ends with (1—8月完成投资612亿元，
    同比增长7.5%): the rate is read in that clause's frame. None if not so."""
    if not before.endswith(clause) or _RATE_ONLY.match(clause) is None:
        return None
    head = before[: len(before) - len(clause)]
    if not head.endswith(("，", ",")):
        return None
    head = head[:-1]
    last = head[max(map(head.rfind, "，,；;：:")) + 1 :]
    if not _AMOUNT_END.search(head) or _SET_AGAINST_BEFORE.match(last):
        return None
    return last, head


# One month named (1月, 2月份), not a day of it (1月15日), its end or start (6月底, 3月初), a span
# (1—2月) or a deadline (6月前)
_ONE_MONTH = re.compile(
    r"(?<![0-9—\-–至到~～])(1[0-2]|[1-9])月(?:份)?(?![0-9日号底末中上下初旬前以])"
)
_OTHER_YEAR = re.compile(r"[0-9]{4}\s*年|去年|上年|明年|前年")


def month_gone(text: str, published: date | None) -> bool:
    """Whether `text` names one month of the year published in that has ended (南京2月加装电梯
    86部, read in March): the figure is that month's result, no plan."""
    if published is None or "月" not in text or _OTHER_YEAR.search(text):
        return False
    months = [int(m.group(1)) for m in _ONE_MONTH.finditer(text)]
    return len(months) == 1 and months[0] < published.month
