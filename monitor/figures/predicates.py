"""The words after a count in its clause when they name no noun of their own (predicate_after):
what the things counted did (…已有1350张投入使用, 已有9个投入执勤), the gap left to a goal
(…尚有差距), a rank (…居全省第二); and the head noun of the keywords right after a count opening
its clause (…，86个项目总投资…: head_of_keyword), the target's things named again. Split from
nouns.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.figures.nouns import WORK_VERB
from monitor.models import Quantity

# 已有1350张投入使用, 目前已有15个进场施工, 312座主体工程完工: what the counted things did,
# no noun of their own
_PREDICATE = re.compile(
    r"(?:主体(?:工程|结构)?)?(?:已经?|正在|全部|均|都|陆续|相继|先后|顺利|基本|已经|进场|正式|建成|实现|集中|开始)*"
    r"(?:" + WORK_VERB.pattern + r"|施工|运行|使用|营业|通车|开业)+(?:了|中)?"
)
# (a headline's parts stand apart by a space: …已有35所投入使用 新增学位…)
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n \u3000]|$")


# a clause opening with a count of the head noun of the thing named before (…集中开工活动，86个
# 项目总投资735亿元; …名单，共1195家企业入选): those things, named again by their head
_HEADS = ("项目", "企业")
_COUNT_OPENS = re.compile(r"(?:共|共有|共计)?$")


def head_of_keyword(sentence: str, q: Quantity, keywords: Sequence[str]) -> bool:
    """Whether the count opens its clause and is followed by the bare head noun its keywords end
    with (86个【项目】 for 省级重点项目), or a clause of work on a count ends in the head noun of
    a keyword of four letters or more (已开工900个【小区】 for 老旧小区): the target's things
    named again."""
    head = next((h for h in _HEADS if sentence.startswith(h, q.end)), None)
    if head is not None and any(k.endswith(head) for k in keywords):
        start = max(sentence.rfind(c, 0, q.start) for c in "，,；;。") + 1
        return _COUNT_OPENS.fullmatch(sentence, start, q.start) is not None
    return any(
        len(k) >= 4
        and sentence.startswith(k[-2:], q.end)
        # (…，已有86个【小区】开始施工: the head, then what the things did)
        and (counted_then_head(sentence, q.end) or predicate_after(sentence, q.end + 2, q.start))
        for k in keywords
    )


# a clause of work ending in a count of things (…老旧小区改造…，已开工900个小区; 新开工改造312个
# 小区): the keyword's head noun after the count names its things again
_WORK_ON_COUNT = re.compile(
    r"(?:已经?|累计|共|新|当年|今年|目前|现已|全年)*"
    r"(?:开工|完工|竣工|建成|完成|改造|改建|扩建|新建|整治|实施|启动|验收|交付|建设)+了?"
    r"[约近超逾]?[0-9][0-9.]*[万亿]?[个座处所家套户条]$"
)
_HEAD_ENDS = re.compile(r"[，,。；;！？!?]|$")


# a list item or a clause of work naming the head noun right before its count (…改造项目73个、
# 【小区】693个; 涉及改造【小区】2761个)
# (things counted, not amounts: 、出口1912亿元 is no item of 外贸进出口)
_ITEM_OR_WORK_BEFORE = re.compile(r"(?:、|(?:涉及|开工|完工|完成|改造|新开工|建成)了?)$")
_COUNT_NEXT = re.compile(r"(?:共|约|近|超过|达)?[0-9][0-9.]*[万]?[个座处所家套户条张]")


def head_then_count(sentence: str, at: int) -> bool:
    """Whether a two-letter head noun at `at` opens a list item or follows a verb of work, a
    count right after it (…改造项目73个、【小区】693个; 在建项目170个，涉及改造【小区】2761个)."""
    return bool(
        _COUNT_NEXT.match(sentence, at + 2)
        and _ITEM_OR_WORK_BEFORE.search(sentence, max(0, at - 4), at)  # (新开工了: 4 letters)
    )


def counted_then_head(sentence: str, at: int) -> bool:
    """Whether a two-letter head noun at `at` ends its clause, after a clause of work on a count
    of things (已开工900个【小区】, 累计建成56个【公园】)."""
    if not _HEAD_ENDS.match(sentence, at + 2):
        return False
    start = max(sentence.rfind(c, 0, at) for c in "，,；;：:") + 1
    return _WORK_ON_COUNT.search(sentence, start, at) is not None


def predicate_after(sentence: str, end: int, start: int = -1) -> bool:
    """Whether the words after a count up to the clause's end (`end`: where the count ends) say
    only what the things counted did (…已有1350张投入使用), naming no other noun; after 有
    (`start`: where the count starts), a verb and its object do too (已有9个投入执勤)."""
    stop = _CLAUSE_END.search(sentence, end)
    rest = sentence[end : stop.start() if stop else len(sentence)]
    if (
        rest
        and start > 0
        and _HAVE.search(sentence, max(0, start - 2), start)
        and _DID.fullmatch(rest)
    ):
        return True
    return bool(rest) and any(p.fullmatch(rest) for p in (_PREDICATE, _RANK, _GAP))


# 有 before a count (已有9个, 共有近30个): the count is the subject of what follows it
_HAVE = re.compile(r"有[约近超逾]?$")
# …and what they did, a verb and its object (投入执勤, 通过验收, 接入平台)
_DONE_ONE = (
    r"(?:已经?|全部|均|都|陆续|相继|先后|顺利|正式)*(?:" + WORK_VERB.pattern + r"|通过|接入)"
    r"[\u4e00-\u9fff]{0,2}?(?:了|中)?"
)
# (完成改造并恢复供气, 接入平台并投入运营: a second thing done after 并)
_DID = re.compile(_DONE_ONE + r"(?:(?:并|并且|且)[\u4e00-\u9fff]{2,4}?(?:了|中)?)*")


# …离年初确定的35万人尚有差距, …7.2张还差一些: the gap left to a goal, no noun of its own
_GAP = re.compile(r"(?:还|尚|仍)(?:有|存在)?[一定些不小较大很的]{0,4}差[^，,。；;]{0,10}")


# …以212家居全省第二, …位列全国前列: the count's rank among places, no noun of its own
_RANK = re.compile(
    r"(?:位?居|位列|排名?|排在|领跑|列)[^，,。；;]{0,10}?"
    r"(?:第[一二三四五六七八九十0-9]+(?:位|项|条|件|名)?|首位|前列|前[一二三四五六七八九十0-9]+位?"
    r"|榜首|前茅|末位)"  # (…300条列第三项: its item's place in a list of tasks)
)


# A count then a noun of its own (计划新增4个日间照料中心, 新建20家养老服务站): not a count
# then a qualifier, a span of time or what the things did (3个以上, 3个月, 40户已入住)
_COUNT_THEN_NOUN = re.compile(
    r"[0-9][0-9.]*[万千]?(?:个|家|所|座|套|户|处|条|台|辆|名|张|间|栋|项)"
    r"(?![已均全正在完建开投的中以左多余次年月天周百千万亿共约近超和及与、])([\u4e00-\u9fff]{2})"
)


def counts_own_noun(sentence: str, start: int, end: int, keywords: Sequence[str]) -> bool:
    """Whether the clause from `start` to `end` counts a thing it names after the count, not
    the keywords' own head (已开工900个小区 for 老旧小区): its own subject, so what follows goes
    on with that thing, not with the one before."""
    found = _COUNT_THEN_NOUN.search(sentence, start, end)
    return found is not None and not any(found.group(1) in k for k in keywords)


# Work on a thing named right before its count (…；全省完成森林抚育任务78.1万亩; 完成义务植树
# 1.2亿株): the thing, less a word for the plan or the measure it ends with
_DONE_THEN_NOUN = re.compile(
    r"(?:全[省市区县])?(?:计划|共|累计|已)?(?:完成|新建|建成|实施|开展|种植|栽植)"
    r"([\u4e00-\u9fff]{4,12}?)(?:任务|计划|工程)?(?=[约近超逾]?[0-9])"
)


def own_noun(sentence: str, start: int, keywords: Sequence[str]) -> str | None:
    """The thing the clause at `start` opens with work on before its count, sharing no word with
    the keywords (…；全省完成森林抚育任务78.1万亩 for 封山育林): its own subject, not the one
    before; None if it opens with no such work."""
    found = _DONE_THEN_NOUN.match(sentence, start)
    if found is None:
        return None
    noun = found.group(1)  # (sharing a word with a keyword: another kind, siblings.sibling_noun)
    shared = any(k[i : i + 2] in noun for k in keywords for i in range(len(k) - 1))
    return None if shared or _NO_THING.search(noun) else noun


# a plan, its share or a sum of money (完成年度任务的90%, 完成全年投资…), or the work on the
# subject and its measure (已完成治理河长386公里): no thing of its own
_NO_THING = re.compile(
    r"的|任务|计划|目标|年度|全年|投资|资金|规模|总量|数量|同比|环比|增长|增速|比重|比例|占比|面积"
    r"|^(?:治理|改造|整治|修复)"
)
