"""A clause going on with the subject before it by its verb (…；完成…, …，新建…) that names its own
thing after that verb: a noun ending in the keyword's head word under another modifier
(完成商业投资… after 完成工业投资…; 完成管网改造… after 老旧小区改造…) counts that other kind,
not the target's; the head alone (完成投资…) or a period's (完成年度投资…) stays the subject's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from monitor.figures.continuations import _CONTINUES
from monitor.figures.cues import PLAN_WORD
from monitor.figures.nouns import WORK_VERB
from monitor.figures.predicates import own_noun
from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.binding import Making, Number

_RATES = ("%", "百分点")
_OWN_THING = "the clause names its own thing"
_WHY = "another kind ({}) than the target's: " + _OWN_THING
_OTHER = "counts another noun ({}), after its verb: " + _OWN_THING
# a share of the plan (…，完成年度目标任务的49%): of the amount just before it
_PLAN_SHARE = re.compile(PLAN_WORD + r"的?$")


def sibling_refused(making: Making, n: Number, target: Target) -> str | None:
    """Why a number of a clause going on with the subject is another kind's (sibling_noun), or
    a share of the plan right after such a number is (…；完成商业投资80亿元，完成年度目标的52%)."""
    m, sentence = n.match, making.read.text
    if not (m.end <= n.c0 or m.start == m.end):
        return None
    if other := sibling_noun(sentence, n.c0, n.q.start, target):
        return _WHY.format(other)
    if (other := own_noun(sentence, n.c0, target.keywords)) and n.q.start < n.c0 + 20:
        return _OTHER.format(other)  # …；全省完成森林抚育任务78.1万亩 for 封山育林
    if n.q.unit != "%" or not _PLAN_SHARE.search(n.head):
        return None
    before = [x for x in making.read.quantities if x.start < n.q.start and x.unit not in _RATES]
    why = making.refused.get((target.id, before[-1].start), "") if before else ""
    return why if why.endswith(_OWN_THING) else None


# what may stand between the noun and its number (…投资达到…, …改造约…)
_BEFORE_NUMBER = re.compile(r"(?:达到|达|为|约|近|超过|共计|共|计|了|总额|总量)+$")
# a period, a plan or a sum of the subject's own (年度投资, 计划投资, 累计投资), or a verb of the
# work before the noun (开工改造小区…): no other kind
_OWN_MODIFIER = re.compile(
    r"(?:年度|全年|当年|今年|本年|上半年|前三季度|[一二三四]季度|月度|计划|实际|总|共|"
    + WORK_VERB.pattern
    + ")+"
)
_NOUN = re.compile(r"[\u4e00-\u9fff]{3,10}")


def sibling_noun(sentence: str, c0: int, q_start: int, target: Target) -> str | None:
    """The noun the clause at `c0` names after its opening verb, when it ends in the head word of
    one of the target's keywords (their last two letters) under another modifier, while naming no
    keyword: another kind of that head's thing; None when the clause names none such."""
    if sentence[c0 : c0 + 1] not in _FIRST:
        return None
    verb = _CONTINUES.match(sentence, c0)
    if verb is None or verb.end() >= q_start:
        return None
    noun = sentence[verb.end() : q_start]
    noun = noun[: len(noun) - len(m.group())] if (m := _BEFORE_NUMBER.search(noun)) else noun
    if not _NOUN.fullmatch(noun):
        return None
    if any(k in noun or k.endswith(noun) for k in target.keywords):
        return None  # (the keyword itself, or its head word alone: 完成投资…)
    if _OWN_MODIFIER.fullmatch(noun[:-2]):
        return None  # 完成年度投资…, 开工改造小区…
    heads = {k[-2:] for k in target.keywords if len(k) >= 4}
    return noun if noun[-2:] in heads else None


# the verbs a clause going on with the subject opens with and then names a thing (完成, 新建…)
_FIRST = frozenset("完新建实开竣验累")
