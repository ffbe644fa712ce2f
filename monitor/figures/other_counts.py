"""Amounts refused for a target as counts of another thing, and what goes on with them: a
growth rate after one (…合同金额5620亿元，同比增长11.6%) or a share of plan right after one
(…，完成护栏建设640公里，完成率98%) is that thing's, not the target's. Split from rates.py."""

from __future__ import annotations

import re

from monitor.figures.amounts import amount_before
from monitor.figures.binding import Making, Number
from monitor.models import Quantity, Target

# The share of things at a stage (开工率, 竣工率): of a count, never of an amount of money
COUNT_RATE = re.compile(r"(?:开工|动工|完工|竣工|建成|交付|签约|投运)率")

# refusals that leave the thing counted the target's (…比上年同期增加41亿元，增长12.7%)
_NOT_ANOTHER = ("a change over", "the same amount in another unit")


def counts_another(making: Making, target: Target, q: Quantity) -> bool:
    """Whether the amount `q` was refused for the target as a count of another thing (another
    noun, a part, a subset, another stage): a growth rate going on with it is that thing's."""
    why = making.refused.get((target.id, q.start))
    return why is not None and not why.startswith(_NOT_ANOTHER)


def of_another_count(making: Making, n: Number, target: Target) -> bool:
    """Whether the amount right before a share (after the target's keyword) was refused as a
    count of another thing: the share is of that thing's plan."""
    sentence = making.read.text
    before = amount_before(sentence, making.read.quantities, n.q.start)
    if before is None or before.start < n.match.end or n.q.start in making.paired:
        return False
    if not _CUT.search(sentence, before.end, n.q.start):
        return False  # …等9个省份完成率超过85%: the count of those whose share it is
    if (before.unit or "").endswith("元") and COUNT_RATE.search(n.head):
        return False  # …，完成投资12.4亿元，开工率达到96%: a stage's share is of no money
    why = making.refused.get((target.id, before.start), "")
    # (…、惠及居民2.6万户，开工率91%: the people the work reached, no work of their own)
    return why.startswith("counts another noun") and not _REACHED.search(
        sentence, max(0, before.start - 12), before.start
    )


_CUT = re.compile(r"[，,；;、]")
# The people or places work reached, before their count: no thing of its own with a plan
_REACHED = re.compile(r"(?:惠及|涉及|覆盖|带动|受益|服务|解决|方便)[^，,；;、]*$")
