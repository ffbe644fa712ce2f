"""What a per-cent number of a count target measures, from the words before it: progress as a
share of the pledge (完成年度任务的83%, 开工率95%), a growth rate (同比增长31%, 增速回落至3.1%), a
fall (下降30%), or neither (a share of something else)."""

from __future__ import annotations

import re

from monitor.figures.cues import PLAN_RATE, PLAN_WORD
from monitor.models import FigureScope

# A share of the plan: 完成年度目标任务的83%, 占全年额度的93%, 为年度目标的1.12倍, 任务目前已完成
# 72%, 开工率达到77%.
_PLAN_WORD = "(?:" + PLAN_WORD + "|预期)"  # (完成全年预期的54.4%: the year's expected amount)
_SHARE_OF_PLAN = re.compile(
    r"(?:(?:完成|占|达到|达|实现|为|是|相当于)了?[^，,。；：:]{0,20}?"
    + _PLAN_WORD
    + r"[^，,。；：:]{0,10}?"  # (占调整预算45.6亿元的61.2%)
    # (分别占年度目标（100公里、800公里）的120%、…: the plans' sizes in brackets)
    + r"(?:[（(][^）)，,。；]{1,30}[)）][^，,。；：:]{0,3}?)?"
    r"|" + _PLAN_WORD + r"[^，,。；：:]{0,8}?(?:完成|进度)(?:了|达到?|超过|为)?[^，,。；：:]{0,3}?"
    r"|(?:" + PLAN_RATE + r"|(?<!序时)(?<!形象)进度)"  # (完成率仅为38%, 进度只有41%, 才达到)
    r"(?:分别|已|已经|可|将|能|有望|仅|只有?|才)?(?:达到|达|为|超过)?了?)$"
)
# A growth rate of the counted thing: 同比增长49.4%, 比“十三五”末提高了125%, 超过计划开工量6%,
# 累计下降47.9% (since the base year), 同比改善4.8% (a fall), 同比仅增长2.1%, 比上年同期多53.0%.
# Only a comparison makes it one (同比, 比…, 较…): a work report's bare 增长6.5% of a 元 target is
# the plan for its growth, which a watchlist tracks as a target of its own, in %.
_GROWTH = re.compile(
    r"(?:(?:同比|环比|累计|(?:按可比|同|可比)口径|按年|[比较][^，,。；]{0,10}?)(?:分别[^，,。；]*?)?(?:仅|只|才)?"
    r"(?:增长|增加|提高|提升|上升|上涨|回升|下降|减少|降低|回落|下滑|下跌|暴跌|改善|加快|放缓)"
    r"|超出|超过计划[^，,。；]{0,6}?"
    r"|(?:同比|环比|按年|比上年|比去年)(?:仅|只|才)?(?:增|降|升|减)"  # 同比(仅)降5.1%
    r"|(?:比|较)[^，,。；]{0,10}?多)了?(?:约|近|超过|达)?(?:[0-9.]+(?:个?百分点|%)[和、及与])*$"
)
# A change with no comparison word (…9326亿元，增长4.2%; 进出口回落6.5%; 目标是…增长3%左右): the
# change of whatever the clause's subject is, weighed by binding.rate_of, which asks that subject
# be the target's (its keyword just before, or its own amount closing the clause before).
# (a new-media post's arrow after an amount: 1750.8亿件↑21.5%, 248.6亿元↓4.9%)
_CHANGE_VERB = (
    r"(?:增长|增加|提高|提升|上升|上涨|回升|下降|减少|降低|回落|下滑|下跌|暴跌|[增减]产|[↑↓]\s*)"
)
_BARE_GROWTH = re.compile(
    r"(?:预计|预期|将|力争|争取|要|可望|有望|确保|实现|全年|当月|同期相比)*"
    + _CHANGE_VERB
    + r"了?(?:约|近|超过|达)?$"
)
# 预计增长, 力争增长: the words of a plan or estimate before a change verb name no measure
_MODAL_BEFORE_CHANGE = re.compile(
    r"(?:预计|预期|将|力争|争取|要|可望|有望|确保|实现|全年|当月)+(?=(?:同比)?" + _CHANGE_VERB + ")"
)
_FALL = re.compile(
    r"(?:下降|减少|降低|回落|下滑|下跌|暴跌|缩减|减产|放缓|负增长|(?<=同比|环比)[降减]|(?<=比上年|比去年)[降减])"
    r"了?(?:约|近|超过|达)?$|↓\s*$|降幅" + r"[^，,。；比较]{0,4}?"
    r"(?:为|是|达到?|(?:扩大|收窄)(?:至|到))?(?:约|近)?$"
)
# A rate named by its noun, given as its level: 增速回落至3.1% (growth slowed to 3.1%, still a
# rise), 增幅为11.6%, 增长率达到9%, 降幅收窄至2% (a fall: _FALL); not 增速比全国高2.1个百分点
_RATE_NOUN = re.compile(
    r"(?:增速|增幅|增长率|涨幅|降幅)[^，,。；比较]{0,4}?"
    r"(?:为|是|达到?|(?:回落|回升|提高|提升|加快|放缓|下降|上升|扩大|收窄|降|升)(?:至|到)|保持在|稳定在"
    r"|超过?|逾)"
    r"(?:约|近)?$|(?:增速|增幅|增长率|涨幅)$"  # (增速超两成: 超 is the number's own)
)


# A project's whole, over all its years: its total investment, what has been done since work began
# (开累, 自开工以来), a list set over years (清单治理完成率92%): no share of the year's plan
_WHOLE_WORKS = re.compile(r"开累|开工以来|总投资|概算|清单|名录")


# A share done, said with no whole (…，也就是说完成了六成多; 天津…整治完成75.2%): of the pledge
_DONE_BARE = re.compile(r"完成了?(?:约|大约|大概|近|将近|超过)?$")


def percent_measure(head: str) -> FigureScope | None:
    """For a % number of a count target, what the words before it (`head`, from the clause
    start) make it: progress toward the pledge, a growth rate, or None (a share of something
    else: 占移动基站总数26.9%)."""
    if _SHARE_OF_PLAN.search(head) or _DONE_BARE.search(head):
        # (开累投资完成率62%, 占项目总投资的56%: a share of the whole works since they began)
        return None if _WHOLE_WORKS.search(head) else "share_of_pledge"
    if _GROWTH.search(head) or _BARE_GROWTH.search(head) or _RATE_NOUN.search(head):
        return "rate"
    return None


def without_modals(text: str) -> str:
    """The words before a rate without the plan's or estimate's own (预计增长 → 增长)."""
    return _MODAL_BEFORE_CHANGE.sub("", text)


def compared(head: str) -> bool:
    """Whether a rate's words compare it with a base (同比, 比上年, 较…, 较…分别回落A和提高【B】):
    a growth whose own words say so, not a bare change taking its subject from the clause before."""
    return bool(_GROWTH.search(head))


def is_fall(head: str) -> bool:
    """下降30%: the words before the number say it went down."""
    return bool(_FALL.search(head))


# the values of a list before a number of it (分别增长9.4%和【12.1%】; …的120%、【107.5%】)
EARLIER_VALUES = re.compile(r"(?:[0-9.]+\s*%\s*(?:和|、|及|与|，|,)\s*)+$")


def widened_head(text: str, c0: int, start: int, head: str) -> str:
    """The words before a share (`head`, from its clause's start `c0`) when a bracket or a list
    cuts them all off (分别占年度目标（100公里、800公里）的120%、【107.5%】): from the clause
    the bracket stands in, the list's earlier values left out; else `head`."""
    if text[c0 - 1 : c0] not in ("）", ")", "、") or head.strip(" 的"):
        return head  # (…、按户数计开工率为98%: words of its own)
    at = max(text.rfind(c, 0, start) for c in "，,。；;：:") + 1
    return EARLIER_VALUES.sub("", text[at:start])
