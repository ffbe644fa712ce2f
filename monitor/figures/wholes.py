"""A kind named before the keyword beside the whole the sentence gives (新增床位1150张，新增儿科
床位150张; 新增养老服务床位3120张，同时建设家庭养老床位1500张): that kind's figure is a part of
the thing the target counts, not it."""

from __future__ import annotations

import re

from monitor.figures.kinds import _LEAD_RUN, _VERB
from monitor.figures.nouns import _FILLER, _NOT_HAN, WORK_VERB


def kind_beside_whole(
    sentence: str, c0: int, start: int, keyword: str, title: str, keywords: tuple[str, ...] = ()
) -> str | None:
    """The kind named between a verb and the keyword at `start` (its clause from `c0`: 新增儿科
    床位150张, or a later item of that list: 、精神科床位80张) when the sentence names the keyword
    right after the same verb too (新增床位1150张), or another of the target's keywords right
    after a verb of work (新增养老服务床位3120张，同时建设家庭养老床位1500张): that kind's figure is
    a part of the whole given beside it. None when the title names the kind, or the sentence no
    such whole."""
    others = [k for k in keywords if k != keyword and k in sentence and keyword not in k]
    if (
        sentence.find(keyword, start + 1) < 0
        and sentence.rfind(keyword, 0, start) < 0
        and not others
    ):
        return None  # most sentences name the keyword once
    head = sentence[c0:start]
    verbs = list(_VERB.finditer(head))
    if verbs:
        verb, kind = verbs[-1].group(), head[verbs[-1].end() :]
    elif c0 > 0 and sentence[c0 - 1] == "、":  # a later item of a list the verb opened
        before = list(_VERB.finditer(sentence, max(0, c0 - 30), c0))
        if not before:
            return None
        verb, kind = before[-1].group(), head
    else:
        return None
    if kind.startswith(("后", "以后", "之后")):
        # 全部建成后全省5G基站…: the verb is a time's (after the work), no kind after it
        return None
    kind = _FILLER.sub("", kind)
    lead = _LEAD_RUN.match(kind)  # 、全省高速公路总里程: the place's word, no kind of the thing
    if lead and lead.end() == len(kind):
        return None
    if not 1 < len(kind) <= 6 or _NOT_HAN.search(kind) or kind in title:
        return None
    whole = verb + keyword
    at = sentence.find(whole)
    while at >= 0:
        if at + len(verb) != start:
            return kind
        at = sentence.find(whole, at + 1)
    return kind if any(_after_work(sentence, k, start) for k in (keyword, *others)) else None


def _after_work(sentence: str, keyword: str, before: int) -> bool:
    """Whether the sentence gives the keyword's whole before `before`: the keyword right after
    a verb of work and its count right after it (新增养老服务床位3120张). (A kind is named after
    its whole; 安排新增地方政府专项债券…，实际发行专项债券… names no kind first.)"""
    at = sentence.find(keyword, 0, before)
    while at >= 0:
        end = at + len(keyword)
        if _VERB_END.search(sentence, max(0, at - 4), at) and _COUNT_NEXT.match(sentence, end):
            return True
        at = sentence.find(keyword, end, before)
    return False


_VERB_END = re.compile(f"(?:{WORK_VERB.pattern})$")
_COUNT_NEXT = re.compile(r"(?:已|共|累计|达到?|为|约|近|超过?)*[0-9一二三四五六七八九十两]")


def whole_of_titled_kind(
    sentence: str, start: int, end: int, keyword: str, title: str, keywords: tuple[str, ...]
) -> str | None:
    """The kind the title names (普惠托位, 护理型床位), given as a 其中 part after the bare noun's
    whole at `start`..`end` (托位6.1万个，其中普惠托位3.9万个): that whole is every kind of the
    things, a superset of the target's; None when no such part follows."""
    for kind in keywords:
        if kind == keyword or not kind.endswith(keyword) or kind not in title:
            continue
        if sentence.endswith(kind, 0, start + len(keyword)):
            return None  # (the keyword read is the kind's own tail: 普惠托位3.9万个)
        part = sentence.find("其中" + kind, end)
        if part >= 0 and not _STOP.search(sentence, end, part):
            return kind
    return None


_STOP = re.compile(r"[。；;]")
