"""Places named like the watched one at another level (文山市 for 文山州: the prefecture's seat;
吉林市 for 吉林省; 淮安区 for 淮安市): another, smaller place, when the target's regions give the
stem with a level of their own."""

from __future__ import annotations

import re
from collections.abc import Callable

# The level a place's name ends with: the same stem at another level is another place
_LEVELS = ("地区", "省", "市", "州", "盟", "县", "区")
# (not 地区 after a name: 江苏地区生产总值 is the province's output)
# (nor a tier, 浙江县级以上, 市县两级, nor 县域, 县城, 区域)
_LEVEL_AFTER = re.compile(r"(?:省|市(?![场民县区])|州|盟|县(?![域城])|区(?![域划块间]))(?!级)")


# The provinces named with 省: a city's name and 省 is no place (杭州省重点项目: the province's list
# of projects in 杭州), a province's is (吉林省 in a story on 吉林市)
_PROVINCES = frozenset(
    (
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
        "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
        "台湾",
    )
)  # fmt: skip


def named_like(
    word: str, regions: tuple[str, ...], level_of: Callable[[tuple[str, ...]], str | None]
) -> bool:
    """Is `word` another place named like the watched one (`level_of` its regions' level):
    at another level of the same stem (other_level), or the city of a province's name."""
    return other_level(word, regions) or city_named_as(word, regions, level_of)


def other_level(word: str, regions: tuple[str, ...]) -> bool:
    """Is `word` a place named like one of `regions` at another level (文山市 for 文山州, the
    seat named after its prefecture; 吉林市 for 吉林省; 淮安区 for 淮安市): another place, when the
    regions give the stem with a level of their own?"""
    for level in _LEVELS:
        if word.endswith(level) and len(word) - len(level) >= 2:
            stem = word[: -len(level)]
            if level == "省" and stem not in _PROVINCES:
                return False
            return word not in regions and any(
                stem + other in regions for other in _LEVELS if other != level
            )
    return False


def at_level(text: str, word: str, end: int, regions: tuple[str, ...]) -> tuple[str, int]:
    """A region word found at text[:end] with the level written after it when that makes it
    another place (文山 + 市 in a story on 文山州), and where it then ends."""
    level = _LEVEL_AFTER.match(text, end) if word in regions else None
    if level and other_level(word + level.group(), regions):
        return word + level.group(), level.end()
    return word, end


def city_named_as(
    word: str, regions: tuple[str, ...], level_of: Callable[[tuple[str, ...]], str | None]
) -> bool:
    """吉林市 for a target of the province 吉林 (`level_of` its regions' level): the city of its
    name, another place than the province."""
    return word[-1:] in "市县" and word[:-1] in regions and level_of(regions) == "province"
