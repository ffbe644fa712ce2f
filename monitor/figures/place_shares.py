"""Shares given place by place after the whole's figure (…全国新开工…4.9万个。分省份看，河北、
浙江等12个省份开工率超过90%): the sentence goes on with the subject of the one before, and each
place listed has the share its clause gives. And a partner's share of a total (对东盟进出口): a
part, not the region's total (trade_partner)."""

from __future__ import annotations

import re

# A breakdown by place opening a sentence (分地区看，; 分省份来看：; 从各地看，)
BY_PLACE = re.compile(
    r"\s*(?:分|从|按)(?:地区|区域|省份|省区市|地市|市州|城市|县区|区县|各地|各市|各省)(?:来|上)?看[，,：:]"
)
# A list of places counted after it (甲、乙、丙等10个地区; 甲、乙3个市): the clause's subject
_PLACES_COUNTED = re.compile(
    r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)等?[0-9一二三四五六七八九十]{1,3}个?"
    r"(?:地区|省份|省区市|省|地市|城市|市州|市|区县|县区|县)"
)


def places_counted(text: str, at: int) -> re.Match[str] | None:
    """The list of places counted that opens the clause at `at`, if one does."""
    return _PLACES_COUNTED.match(text, at) if "、" in text[at : at + 8] else None


def listed_place_speaks(sentence: str, c0: int, regions: tuple[str, ...]) -> bool:
    """Whether the clause at `c0` is in a list of places counted (河北、浙江等12个省份…; its pauses
    may cut the clauses) that names one of the target's places: its share is that place's too."""
    if "、" not in sentence[: c0 + 8] or "个" not in sentence:
        return False  # (most clauses: no list of places)
    counted = sentence.find("个", c0)
    end = counted + 8 if counted >= 0 else len(sentence)
    for found in _PLACES_COUNTED.finditer(sentence, 0, end):
        if found.start() <= c0 <= found.end():
            names = found.group(1).split("、")
            return any(n.endswith((r, r.rstrip("省市县区"))) for n in names for r in regions)
    return False


def unless_listed(why: str | None, sentence: str, c0: int, regions: tuple[str, ...]) -> str | None:
    """`why` a share is refused as some places' (…等9个省份完成率超过85%), unless the places are
    listed and one is the target's (listed_place_speaks): then it is that place's as well."""
    return None if why and listed_place_speaks(sentence, c0, regions) else why


def after_by_place(sentence: str, at: int) -> int:
    """Where the clause after a breakdown by place opening at `at` (分地区看，) starts; `at` if
    none opens there."""
    found = BY_PLACE.match(sentence, at)
    if found is None:
        return at
    listed = places_counted(sentence, found.end())  # (…，甲、乙、丙8个地区…: the last one's clause)
    return sentence.rfind("、", 0, listed.end(1)) + 1 if listed else found.end()


# A partner's share of a total (对东盟进出口, 对“一带一路”沿线国家出口): not the region's total
_DEALINGS = ("进出口", "出口", "进口", "贸易", "外贸", "投资", "直接投资", "实际使用外资")
_PARTNER = re.compile(
    r"(?<![相针面绝反核应])对(?!外|比|于|此|照)[^，,。；;、\s]{1,14}$"
    r"|与[^，,。；;、\s]{0,10}(?:国|盟|RCEP|经济体|沿线)[^，,。；;、\s]{0,6}$"
)


def trade_partner(keywords: tuple[str, ...], sentence: str, at: int) -> bool:
    """Whether the target's keyword nearest before `at` is of trade or dealings with a
    partner (对东盟进出口): the partner's share, not the region's total."""
    pos = max(sentence.rfind(k, 0, at) for k in keywords)
    return (
        pos > 0
        and sentence.startswith(_DEALINGS, pos)
        and bool(_PARTNER.search(sentence, max(0, pos - 16), pos))
    )
