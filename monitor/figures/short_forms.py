"""The short forms statistics and news write for a long name (规上 for 规模以上), either way: a
keyword written one way names the same thing written the other."""

from __future__ import annotations

# The short forms statistics and news write for a long name, either way (规上工业增加值 and
# 规模以上工业增加值; 固投 and 固定资产投资; 保租房 and 保障性租赁住房)
_SHORT_FORMS = (
    ("规上", "规模以上"),
    ("固投", "固定资产投资"),
    ("保租房", "保障性租赁住房"),
    ("高标农田", "高标准农田"),
)


def short_forms(keyword: str) -> tuple[str, ...]:
    """The keyword with a long name written short, or a short one written long."""
    return tuple(
        keyword.replace(long, short) if long in keyword else keyword.replace(short, long)
        for short, long in _SHORT_FORMS
        if long in keyword or short in keyword
    )


# One side of 城乡 (the towns, the countryside) a keyword may open with, and the word for both
_TOWN_OR_COUNTRY = frozenset(("城镇", "城市", "农村", "乡村"))
BOTH_SIDES = "城乡"


def both_sides(keyword: str) -> str | None:
    """The keyword of one side (城镇居民人均可支配收入) as a text names it with the other at
    once (城乡居民人均可支配收入), whose 分别 pair gives each side its value; alone it is the
    whole's (pairs.py). None for a keyword of no side, or too short to be sure of."""
    if keyword[:2] in _TOWN_OR_COUNTRY and len(keyword) >= 6:
        return BOTH_SIDES + keyword[2:]
    return None
