"""Numbers a target's sentence gives that measure something else of it than its total (a
per-unit level, 每1元消费券带动消费7.2元, is binding's: nouns.per_head): a ratio of other
things beside a per-cent level (研发经费与营业收入之比为1.42%), what is still to be done
(待治理面积约26万亩) and the rest of a plan after the work done (…已发放2.7亿元，剩余0.3亿元将于
12月投放; 其余82座正在施工)."""

from __future__ import annotations

import re

from monitor.figures.binding import Making, Number
from monitor.figures.firsts import Opening
from monitor.figures.renewals import things_not_work
from monitor.figures.shares import whole_of
from monitor.figures.since import ADDED_CLAUSE
from monitor.figures.topics import a_gap
from monitor.models import Target

# A ratio named by its own noun right before its value (之比为1.42%, 占比为62%, 覆盖…的比例达到65%)
_RATIO = re.compile(r"(之比|占比|比例|比重|[\u4e00-\u9fff]{2}率)[^，,。；0-9]{0,5}$")
# What is still to be done (待治理面积, 尚未改造的, 有待修复): no work done
# (not 尚未完成7万人的年度目标: the plan, said not yet met)
# (a branch each way it opens, a letter first: a search then jumps between them)
_WORK_TO_DO = "(?:修复|治理|改造|建设|整治|完成|开工|建成|实施|处置|复垦|搬迁|复耕)"
_TO_BE_DONE = re.compile(
    f"待{_WORK_TO_DO}|尚未(?=[^，,。；]{{2,3}}的){_WORK_TO_DO}|未(?=[^，,。；]{{2,3}}的){_WORK_TO_DO}"
)
# The rest of the things counted (剩余0.3亿元, 其余82座, 今年剩余的4000万元)
_REST = Opening(
    re.compile(
        r"(?:今年|全年|年内|目前)?(?:其余|剩余|余下|剩下|尚余)的?"
        r"(?=[约近超逾0-9一二三四五六七八九十两])"
    )
)
_PLAN_NAMED = re.compile(r"任务|目标|计划")
# A figure an earlier plan set (上一轮规划确定的…面积为43.8万亩, 原规划划定的): neither the plan
# watched nor a result
_EARLIER_PLAN = re.compile(
    r"(?:上一轮|上轮|前一轮|上一期|原)(?:规划|总体规划|国土空间规划|土地利用总体规划)"
    r"(?:确定|划定|下达|明确|提出|要求|安排)的"
)
# Those still left undone (尚有114个乡镇综合文化站未完成建设任务, 还有3个县没有达标)
_STILL_HAVE = re.compile(r"(?:尚|还|仍)(?:有|存在|余)(?:约|近)?$")
_NOT_YET = re.compile(r"[^，,。；]{0,16}?(?:尚未|未|没有|待)")
_POINTERS = ("这一", "这个", "这项", "该", "此")
# Work still going on (正在施工, 仍在建设, 加紧推进, 进入收尾) right after the rest's number
_STILL_DOING = re.compile(
    r"[^，,。；已完]{0,4}?(?:(?:正在|仍在|还在|尚在)[\u4e00-\u9fff]"
    r"|(?:加紧|加快|有序)?(?:施工|建设|推进)|进入收尾|收尾)"
)
# A proposal put by someone outside the government (人大代表建议, 政协委员提议, 专家呼吁): what it
# asks for is neither the plan nor a result (a government's own 建议 or 拟 is its plan)
# (the proposal's content after it: not 针对代表建议，… nor 代表建议的答复, the answer's own work)
_PROPOSER = re.compile(
    r"(?:代表|委员|专家|学者|网友|业内人士)[^，,。；0-9]{0,4}?(?:建议|提议|呼吁)"
    r"(?=[，,：:]|将|把|应|要|今年|明年|全[省市县国])"
)
_ANSWERED = re.compile(
    r"(?:针对|根据|按照|结合|采纳|吸收|落实|办理|答复|回复|关于|对)[^，,。；]{0,8}$"
)
_ASKS = ("建议", "提议", "呼吁")


def _proposed(sentence: str, at: int) -> bool:
    """Whether the number at `at` is in what a proposal by someone outside the government asks
    for (有人大代表建议，将…提高到1.5万公里; 专家呼吁…), not in the answer to one."""
    if not any(w in sentence[:at] for w in _ASKS):
        return False
    found = _PROPOSER.search(sentence, 0, at)
    return found is not None and not _ANSWERED.search(sentence, 0, found.start())


# What is still needed before the plan is met (下半年还需筹集8000套，才能完成全年任务; 还差170公里，
# 方能完成…): the gap, not the plan
_STILL_NEEDED = re.compile(r"(?:还需要?|仍需要?|尚需|还差|还要|仍要)[^，,。；]{0,12}$")
# …or how far the work is from the goal (距离1200公里的年度目标还有364公里, 离目标仅差8个)
_SHORT_OF = re.compile(
    r"(?:距离?|离)[^，,。；]{0,20}?(?:目标|任务|计划)[^，,。；]{0,4}?(?:还有|还差|尚有|仍有|只差|仅差|尚差)$"
)
_ONLY_THEN = re.compile(r"[^。；;]{0,24}?[，,]?\s*(?:才能|方能|才可|才会)(?:完成|实现|达到|达成)")
# The target's thing summed with another (涉农贷款与普惠小微贷款合计余额…, …和…两项合计)
_AND = ("与", "和", "及", "加上")
_AND_SUM = re.compile(
    r"[^，,。；0-9]{0,4}?(?:与|和|及|加上)[^，,。；0-9]{1,14}?(?:[2-9]项)?(?:合计|共计|总计)"
)  # (…和…2项合计: 两项 in digits)
_SUM = re.compile(r"[^，,。；0-9]{0,4}?(?:[两2-9]项|二者|两者)?(?:合计|共计|总计)")
_SUM_WORD = re.compile(r"合计|共计|总计|总量|总额")


def _share_named(head: str, ratio: re.Match[str], target: Target) -> bool:
    """Whether a share word (占比, 比重, 比例) is the target's: it tracks a share of a whole, or
    the word opens the number's clause, going on with the subject before it."""
    if ratio.group(1) not in ("占比", "比重", "比例"):
        return False
    return whole_of(target) is not None or not head[: ratio.start()].strip()


def measured_otherwise(making: Making, n: Number, target: Target) -> str | None:
    """Why the number measures something else of the target than its total, or None."""
    sentence = making.read.text
    if n.match.end <= n.q.start and _summed_with_another(sentence, n):
        return "a sum with another thing (…与…合计), not the target's own"
    # (…普及率、…比例分别达到94.3%和66%: the list gives each its value)
    paired = n.q.start in making.paired or "分别" in n.head
    if target.unit == "%" and not paired and not n.c0 <= n.match.start < n.q.start:
        ratio = _RATIO.search(n.head)
        named = ratio and (
            # (…，去年这一比例为96.2%: the target's own measure, pointed back to)
            n.head[max(0, ratio.start() - 2) : ratio.start()].endswith(_POINTERS)
            or ratio.group(1) in target.title
            or any(ratio.group(1) in k for k in target.keywords)
            # (…，其中民生支出3360亿元，占比72.9% for 民生支出占…比重: the share it tracks; …水质
            # 断面67个，比例为98.5%: the subject's share, the ratio word its clause's first)
            or _share_named(n.head, ratio, target)
        )
        if ratio and not named:  # (…的村占比达到65% for a target titled …的村占比: its own)
            return f"a ratio of another thing ({ratio.group(1)}), not the target's level"
    if _proposed(sentence, n.q.start):
        return "what a proposal asks for (代表建议…), neither the plan nor a result"
    if things := things_not_work(sentence, n, target):
        return things  # 现有村卫生室5.6万所 for a target of their renovation; 建成后可提供…
    if (
        a_gap(n.head)
        or (_STILL_NEEDED.search(n.head) and _ONLY_THEN.match(sentence, n.q.end))
        or _SHORT_OF.search(n.head)
    ):
        return "what is left to reach the plan (也就是说还要…), not work done nor the plan"
    if "规划" in n.head and _EARLIER_PLAN.search(n.head):
        return "a figure an earlier plan set (上一轮规划确定的…), neither the plan nor a result"
    if _TO_BE_DONE.search(n.head):
        return "what is still to be done (待治理…), not work done"
    if _STILL_HAVE.search(n.head) and _NOT_YET.match(sentence, n.q.end):
        return "what is still left undone (尚有…未完成), not work done"
    if _REST.match(sentence, n.c0) and (
        _STILL_DOING.match(sentence, n.q.end) or _PLAN_NAMED.search(sentence, n.q.end)
    ):
        # 其余82座正在施工; 今年剩余的4000万元…，确保完成全年3亿元的发放计划 (but 其余120公里将于
        # 年底前完工 after the work done is the plan for the rest of the year, read as a pledge)
        return "the rest of the plan, under way or before the whole plan: no work done, no plan"
    return None


def _summed_with_another(sentence: str, n: Number) -> bool:
    """Whether the number's keyword is summed with another thing before it (A与B合计…), or the
    number sums what a clause added to the keyword's (…，加上…收入2380亿元等，收入总量5890亿元)."""
    if _AND_SUM.match(sentence, n.match.end, n.q.start):
        return True
    if _SUM_WORD.search(n.head) and ADDED_CLAUSE.search(sentence, n.match.end, n.c0):
        return True
    joined = sentence[max(n.c0, n.match.start - 2) : n.match.start].endswith(_AND)
    return joined and bool(_SUM.match(sentence, n.match.end, n.q.start))
