"""Tiers of the things a target counts (省级, 市级, 国家级): the tier of the target's own place
names its things as that place counts them, not another kind. Split from kinds.py."""

from __future__ import annotations

import re


def own_tier(sentence: str, keyword: str, regions: tuple[str, ...]) -> tuple[str, ...]:
    """The target's place words (`regions`) when a tier of its own place (省级 for a province)
    may name its things: not where the sentence names the keyword's things of another tier too
    (新创建全国文明村镇18个，争创省级文明村镇40个: the tiers are told apart)."""
    if "级" not in sentence:
        return ()  # most sentences: no tier named
    at = sentence.find(keyword)
    while at >= 0:
        tier = _TIER_BEFORE.search(sentence, max(0, at - 10), at)
        if tier and not own_level(tier.group(1), regions):
            return ()
        at = sentence.find(keyword, at + 1)
    return regions


# a tier before the keyword, words of its kind between (全国示范性足球特色学校)
_TIER_BEFORE = re.compile(r"(全国|国家级|国家|[省市县]级)[\u4e00-\u9fff“”]{0,6}$")


def own_level(kind: str, regions: tuple[str, ...]) -> bool:
    """Whether a word of kinds is the level of the target's own place (省级 for 安徽省 or 全省,
    市级 for 全市): a tier named by that place, not one above or below it."""
    return len(kind) == 2 and kind[1] == "级" and any(r.endswith(kind[0]) for r in regions)
