"""A topic a sentence opens with, its clause only naming it (长期护理保险这块，…; 在农村公路方面，…;
说到停车泊位，…): in speech and in reports alike, what the clauses after it count is the topic's,
unless they name a noun of their own. attribution.py reads clauses with it."""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")

_TOPIC = re.compile(
    r"[“「]?(?:(?:关于|说到|谈到|讲到|至于)[^，,。；：:0-9]{1,20}|(?:就|在)?[^，,。；：:0-9]{1,20}?"
    r"(?:这块|这一块|这方面|方面|这项工作|这件事|这个事|这一项)(?:来说|而言|来看|的话)?"
    r"|在[^，,。；：:0-9]{2,20}?上)"  # 在口袋公园建设上，…
)
# A heading-like topic: a short name of the work and its colon (口袋公园建设：…)
_HEADING = re.compile(r"[^，,。；：:0-9０-９]{2,24}")  # (a slogan in quotes too: 外贸“开门红”：)
# A clause restating what is left to reach the plan (…，也就是说还要再扩大将近200万人): a gap
_GAP = re.compile(
    r"(?:也就是说|就是说|这意味着|意味着|换句话说)[^，,。；]{0,6}?(?:还要|还需|还得|仍需|尚需|还差)"
)


def topic_of(sentence: str, cuts: list[int], by_clause: dict[int, list[T]]) -> T | None:
    """The keyword of a topic opening the sentence (…这块，; 在…方面，; 在…上，; 说到…，; a heading
    and its colon, 口袋公园建设：): the last of its first clause's (`by_clause`, by clause), if that
    clause only names a topic."""
    if not cuts or not by_clause.get(0):
        return None
    if _TOPIC.fullmatch(sentence, 0, cuts[0]) is None and not (
        sentence[cuts[0]] in "：:" and _HEADING.fullmatch(sentence, 0, cuts[0])
    ):
        return None
    return by_clause[0][-1]


def a_gap(head: str) -> bool:
    """Whether the words before a number (`head`) say it is what is left to reach the plan."""
    return ("说" in head or "意味" in head) and _GAP.search(head) is not None
