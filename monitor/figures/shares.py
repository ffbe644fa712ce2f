"""Per-cent targets that track a share of a whole (税收收入占一般公共预算收入比重, 民生支出占比):
which of a sentence's shares is theirs (the share of the whole their title names, or 占比 said of
their own thing), and which share or change is of something else (占全省的比重, the growth of the
amount whose share they track)."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures import units
from monitor.figures.cues import _SHARE_AFTER, _SHARE_NEXT, _SHARE_OF, SHARE_BASIS
from monitor.figures.items import COUNT
from monitor.figures.numerals import find_quantities
from monitor.figures.rate_words import percent_measure
from monitor.models import FigureKind, FigureScope, Target

# The whole a title's share is of (占【一般公共预算收入】比重, 占【地区生产总值】的比例)
_WHOLE_IN_TITLE = re.compile(r"占([^，,。；0-9]{1,20}?)的?(?:比重|比例)")
# A share said of a thing by its own word (民生支出占比, 税收占比)
_SHARE_WORD = re.compile(r"占比|比重|比例")
# A clause giving a share of a whole before its number (…，占一般公共预算收入的比重为68.4%;
# …，占全省的45.3%; 占世界经济比重从11.4%提高到15%): the whole, in group 1
_SHARE_HEAD = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|其中|并|且)占(?!比)([^，,。；0-9]{1,24}?)(?:的?比重|的?比例|的)?"
    r"(?:已|为|达到?|是|约|近|超过|从|由)*(?=[约近超逾]?[0-9]|$)"
)
# A growth of an amount, in per cent (同比增长10.2%, 增长4.1%): not a share's change in points
_GLOSS = re.compile(r"[（(][^（）()]+[)）]")  # a bracket naming what the share is
_GROWTH = re.compile(r"(?:增长|增加|下降|减少)了?(?:约|近|超过)?$")
_FIRST_NUMBER = re.compile(r"[约近超逾]?[0-9]")
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


@lru_cache(maxsize=256)
def share_target(title: str, keywords: tuple[str, ...], unit: str | None) -> str | None:
    """The whole a per-cent target's share is of ('' when its title says only 占比), or None
    when the target tracks no share."""
    if unit != "%":
        return None
    found = _WHOLE_IN_TITLE.search(title)
    if found:
        return found.group(1)
    words = title + "".join(keywords)
    return "" if _SHARE_WORD.search(words) else None


def whole_of(target: Target) -> str | None:
    """share_target for a target."""
    return share_target(target.title, tuple(target.keywords), target.unit)


def _pairs(text: str) -> set[str]:
    """The pairs of Han letters in a whole's name; GDP is 生产总值 (国内生产总值, 地区生产总值)."""
    return {m.group(1) for m in _HAN_PAIR.finditer(text.replace("GDP", "生产总值"))}


def other_share(sentence: str, c0: int, start: int, target: Target, points: bool) -> str | None:
    """Why a per-cent number of a per-cent target is a share of another whole, or the change
    of one, or the growth of the amount a share target tracks the share of; None when it is
    none of these. `c0`: its clause's start; `start`: the number's; `points`: in 个百分点."""
    whole = whole_of(target)
    head = sentence[c0:start]
    said = _SHARE_HEAD.search(head)
    if said is None and points and c0:
        # …，占全省的比重为45.3%，比上年提高0.5个百分点: the change of the share before it
        before = sentence[_clause_start(sentence, c0 - 1) : c0]
        said = _SHARE_HEAD.search(before)
    if said is not None:
        named = said.group(1)
        gloss = _GLOSS.search(named)
        if gloss and any(k in gloss.group() for k in target.keywords):
            return None  # 占常住人口比重（常住人口城镇化率）为66.34%: the share the target names
        if whole is None or (whole and not _pairs(named) & _pairs(whole)):
            return f"a share of another whole (占{named}…), not the target's figure"
        return None
    if whole is not None and not points and _GROWTH.search(head):
        # …增加值4130亿元，同比增长10.2%: the amount's growth, not the share of it
        return "the growth of the amount, not the share of the whole the target tracks"
    return None


def _clause_start(sentence: str, end: int) -> int:
    return max(sentence.rfind(c, 0, end) for c in "，,；;。") + 1


def share_goes_on(sentence: str, c0: int, target: Target) -> bool:
    """Whether the clause before the one at c0 gives the share a share target tracks (…，占一般
    公共预算收入的比重为68.4%，【比上年同期提高1.1个百分点】: the change of that share)."""
    whole = whole_of(target)
    if whole is None or not c0:
        return False
    before = sentence[_clause_start(sentence, c0 - 1) : c0]
    said = _SHARE_HEAD.search(_FIRST_NUMBER.split(before, 1)[0])
    if said is not None:
        return not whole or bool(_pairs(said.group(1)) & _pairs(whole))
    return any(k + w in before for k in target.keywords for w in ("占比", "比重"))


def share_of_it(sentence: str, a: int, b: int, targets: list[Target]) -> bool:
    """Whether the keyword at sentence[a:b] is named as the whole of a share (占国内生产总值比例,
    与国内生产总值之比: a share of it, not it); a share said after it (民生支出占比) is its
    own for targets that track that share."""
    if sentence.endswith(_SHARE_OF, 0, a):
        return True
    after = sentence[b : b + 1] in _SHARE_NEXT and _SHARE_AFTER.match(sentence, b)
    return bool(after) and not all(whole_of(t) is not None for t in targets)


# A share standing before the plan it is of, that plan said done after it (约五分之一的年度任务已经
# 完成, 六成以上的全年计划已完成, 45%的年度目标任务已实现): progress toward the pledge
_BEFORE_PLAN_DONE = re.compile(
    r"(?:以上|左右|多)?的(?:年度|全年|今年|本年度?)(?:目标)?(?:任务|计划|目标)(?:量|数)?"
    r"(?:已经|已|均已|都已)(?:全部)?(?:完成|实现|落实)"
)


def share_before_plan_done(sentence: str, end: int) -> bool:
    """Whether the share ending at `end` is of the year's plan, said done after it."""
    return _BEFORE_PLAN_DONE.match(sentence, end) is not None


# A share of a second plan after the first's, its verb left out (…，完成省定任务的130%，市定任务的
# 127%): the clause before gave the first share with its 完成
_SHARE_AGAIN = re.compile(r"[^，,。；;0-9]{1,12}?(?:目标任务|任务|计划|目标)的[0-9.]{1,6}%")
_SHARE_BEFORE = re.compile(r"完成[^，,。；;]{1,16}?的[0-9.]{1,6}%[，,、]$")


def share_again(sentence: str, at: int) -> bool:
    """Whether the clause at `at` gives a second plan's share, the 完成 of the share right
    before it left out (…完成省定任务的130%，市定任务的127%)."""
    return (
        sentence.endswith("%", 0, at - 1)
        and _SHARE_AGAIN.match(sentence, at) is not None
        and _SHARE_BEFORE.search(sentence, max(0, at - 30), at) is not None
    )


# A per-cent target's progress toward its plan, said as a share of it (完成“十四五”目标任务的
# 70.6%, 规划目标完成进度为98.2%): its share_of_pledge, not a level of the rate
_PLAN_SHARE_OF_RATE = re.compile(
    r"(?:(?:完成|实现)了?[^，,。；：:]{0,16}?(?:目标|任务|计划)(?:任务)?的"
    r"|(?:目标|任务|计划)(?:任务)?(?:完成|实现)(?:进度|率|程度)(?:为|达到?)?)(?:约|近|超过)?$"
)


def plan_share_of_rate(head: str) -> bool:
    """Whether a per-cent number is the share of its plan done (完成…目标任务的70.6%)."""
    return ("目标" in head or "任务" in head or "计划" in head) and bool(
        _PLAN_SHARE_OF_RATE.search(head)
    )


# A share of the planned things that is done (计划新建的30个…已有三分之二建成投用; …中，已有
# 七成完工): progress toward the pledge, said of its things
_SHARE_HAS = re.compile(r"(?:已经?)?有$")
_PLANNED_SET = re.compile(r"(?:计划|确定|下达|年度|全年)[^。；]{0,20}?的")
_DONE_AFTER = re.compile(
    r"(?:以上|左右|多)?(?:已|已经)?(?:建成|完工|竣工|完成|投用|投入使用|开放|交付|通过验收)"
)


def share_done(sentence: str, head: str, start: int, end: int) -> FigureScope | None:
    """share_of_pledge for a share of the planned things said done (…已有三分之二建成投用), the
    number at sentence[start:end] after its clause's words `head`; else None."""
    if not _SHARE_HAS.search(head) or not _DONE_AFTER.match(sentence, end):
        return None
    planned = _PLANNED_SET.search(sentence, max(0, start - 40), start)
    return "share_of_pledge" if planned else None


# A share of the pledge said as a plan or a forecast (力争完成年度任务的100%; 确保今年年底前推广应用
# 任务完成率达到100%; 全年任务完成率有望达到95%; 预计到年底完工率可达80%): its clause's frame says
# what it is; 完成年度计划的77% and 年度计划完成率为90% alone are progress
_PLEDGED_SHARE = re.compile(
    r"(?:力争|确保|争取|将(?!近)|计划|目标是|(?<![主重需只必不纲])要|有望|可望)[^，,。；已]{0,20}?"
    r"(?:完成|实现|达到|达)"
    r"|预计[^，,。；已]{0,12}?(?:完成|实现|达)"
)
# A clause that only says how much of the plan it is (…，完成年度任务的108%左右; 占年度计划的…)
_OF_THE_PLAN = re.compile(r"(?:可|将|能|约)?(?:完成|实现|占|相当于)")
_FORECAST = re.compile(r"预计|有望|可望|力争|确保|将(?!近)")


def share_kind(sentence: str, c0: int, head: str, kind: FigureKind, pledged: bool) -> FigureKind:
    """The kind of a share of the pledge in the clause at `c0` (the words before it `head`),
    whose clause's frame says `kind`: that frame when the share is said as a plan or forecast;
    a pledge when its clause only says how much of the plan the forecast before it is
    (…，预计全年可达380万亩，完成年度任务的108%左右; `pledged`: the target's last figure
    before it is a pledge, not a forecast read as the year's first result); else progress so
    far."""
    if _PLEDGED_SHARE.search(head):
        return kind
    if pledged and c0 and _OF_THE_PLAN.match(head):
        before = sentence[_clause_start(sentence, c0 - 1) : c0]
        if "已" not in before and _FORECAST.search(before):
            return "pledge"
    return "achieved"


# A share's whole, named after 占 (占全省电力总装机的64.5%): group 1
_WHOLE_OF_SHARE = re.compile(r"占(?!比)([^，,。；;0-9的]{2,20})的?(?:比重|比例)?")
_LEVEL_VERB = re.compile(r"(?:已|约|近|共|为|是|达到?|超过|突破)+$")


def whole_named_again(sentence: str, c0: int, head: str) -> str | None:
    """The whole a share before the clause at `c0` was taken of when the clause (`head`: its
    words up to its number) names it again (…，占全省电力总装机的64.5%，全省电力总装机9890万千瓦):
    the number counts that whole, not the subject. None when it names no such whole."""
    if "占" not in sentence[:c0]:
        return None
    words = _LEVEL_VERB.sub("", head)
    if len(words) < 2:
        return None
    for found in _WHOLE_OF_SHARE.finditer(sentence, 0, c0):
        if found.group(1) == words or found.group(1).endswith(words):
            return found.group(1)
    return None


def share_in_brackets(sentence: str, head: str, c0: int) -> FigureScope | None:
    """A % alone in brackets after a share of the plan said in words (完成全年任务过半（52.5%）),
    or after a count done of a plan (今年计划…40个，…已建成31个（77.5%）; 8个…建设已完成5个（63%）):
    that share, in figures."""
    if head.rstrip().endswith(("（", "(")):  # the bracket inside the clause
        start, end = c0, c0 + len(head.rstrip()) - 1
    elif not head.strip() and c0 and sentence[c0 - 1] in "（(":
        start, end = max(sentence.rfind(c, 0, c0 - 1) for c in "，,；;。") + 1, c0 - 1
    else:
        return None
    if percent_measure(sentence[start:end]):
        return "share_of_pledge"
    done = _DONE_COUNT_END.search(sentence, start, end)
    if done is None:
        return None
    planned = PLAN_NAMED.search(sentence, 0, start) or _SET_BEFORE.search(
        sentence, start, done.start()
    )
    return "share_of_pledge" if planned else None


# the plan a sentence names (年度计划, 计划600公里, 计划新建…50个, 确保今年完成…)
PLAN_NAMED = re.compile(
    r"(?:年度|全年|今年)(?:计划|目标|任务)|计划[^，,。；;]{0,12}?[0-9]|确保|力争"
)
# a count done, ending at the bracket (已完成5个, 已建成31个), and a set of it before (8个…)
_DONE_COUNT_END = re.compile(
    r"已经?(?:累计)?[\u4e00-\u9fff]{1,4}?[约近超逾]?[0-9][0-9.]*[万亿]?[\u4e00-\u9fff]{1,3}$"
)
_SET_BEFORE = re.compile(COUNT)


# The share of the projects at a stage, opening its clause (…，项目开工率95%; …，项目主体完工率
# 100%; not …改造项目开工率82%, named by the target's own works)
PROJECTS_RATE = re.compile(r"项目(?:主体)?(?:开工|完工|竣工|建成|交付|投运)率")


def facilities_counted(sentence: str, start: int, target: Target) -> bool:
    """Whether the sentence counts, before the projects' rate at `start`, things in a measure
    word of their own (新建、改扩建中小学12所, 医院6家) beside the target's (学位, 床位): the
    projects are those facilities', their rate none of the target's (自然村1700个…，项目开工率
    30%: its own works')."""
    if any("项目" in k for k in target.keywords):
        return False
    own = units.normalise(target.unit)
    for q in find_quantities(sentence[:start]):
        unit = units.normalise(q.unit) if q.unit else None
        if unit and unit != "%" and unit != own and unit not in units.CURRENCIES:
            return True
    return False


# A share of the whole (整体完成率, 总体完成进度) after a list of several works (…新建社区食堂18个、
# 改造无障碍设施430处，整体完成率104.2%): the whole item's progress, of no one work listed
_WHOLE_RATE = re.compile(r"(?:整体|总体|综合)(?:完成|进度|开工|建成)")
_AMOUNT_LISTED = re.compile(r"[0-9][^、，,。；;0-9]{0,6}、")


def share_of_several(sentence: str, head: str, c0: int) -> bool:
    """Whether the share whose clause opens at `c0` (`head` its words before the number) is the
    whole's, after amounts of several works listed with 、 before it."""
    return _WHOLE_RATE.search(head) is not None and bool(_AMOUNT_LISTED.search(sentence, 0, c0))


# The measure a share is counted by (按户数计开工率97.2%, 按建筑面积计, 按项目个数计): the letters
# before 数/量 name its measure word; a basis that names a noun (按小区数计) says no unit
_BASIS = re.compile(SHARE_BASIS)
_BASIS_UNITS = {"面积": "平方米", "里程": "公里", "长度": "公里", "投资": "元", "资金": "元"}


def counted_otherwise(head: str, unit: str | None) -> bool:
    """Whether a share before its number is counted by another measure than the target's unit
    (按户数计开工率 for compounds counted by 个), so is none of the target's."""
    found = _BASIS.search(head) if "按" in head else None
    if found is None or unit is None:
        return False
    basis = found.group(1)
    said = next((u for word, u in _BASIS_UNITS.items() if basis.endswith(word)), None)
    if said is None and (found.group(2) or len(basis) == 1):  # (not 按年度计划, 按进度计)
        word = units.read_unit(basis, len(basis) - 1)
        said = word[0] if word is not None else None  # 户数, 套数, 项目个数, 按户计
    return said is not None and not units.fits(said, unit)
