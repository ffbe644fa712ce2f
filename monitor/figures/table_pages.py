"""Whose page a table is on: a title or caption that opens with a county's, city's or district's
name (靖江市主要经济指标, 2024年1-10月德清县…, 北岭县2025年民生实事…) speaks for that place; where
it is not one of the target's regions, and names none of them, the table counts nothing of the
target's. Names a prose sentence would not take for places (county-level cities are in no list)
are taken here, at the head of a title, where they can be nothing else."""

from __future__ import annotations

import re

from monitor.models import Target

# A title's date first (2024年, 2024年1-10月, 2025年前三季度), then the place it speaks for; not a
# word it opens (市场, 市民, 县域, 区级)
_HEAD_PLACE = re.compile(
    r"\s*(?:(?:19|20)[0-9]{2}\s*年度?)?\s*"
    r"(?:(?:1[0-2]|[1-9])(?:\s*[-—–~至]\s*(?:1[0-2]|[1-9]))?\s*月份?|上半年|前三季度|[一二三四]季度)?"
    r"\s*([\u4e00-\u9fff]{2,3}?(?:市|县|区|旗))(?!场|民|政|级|属|内|外|域|委|直|辖)"
)
# …not a word for a kind of area (城区, 小区, 园区), a market (超市), nor a time or 全市, 我市
_NO_PLACE = re.compile(
    r"城市|都市|城区|市区|县区|园区|景区|社区|街区|辖区|郊区|片区|小区|校区|厂区|矿区|库区|湾区|山区"
    r"|城乡|主城|超市|菜市|夜市|早市|门市|楼市|车市|股市|关于|有关|对于|根据|按照|[全本我各该此以来年月度季]"
    # …nor a class of places (设区市, 地级市, 县级市, 重点区县)
    r"|设区|地级|县级|省辖|副省|单列|县市|市县|区县|重点|试点|示范"
)


def place_of(text: str) -> str | None:
    """The place a title or caption opens with (靖江市, 德清县), else None."""
    found = _HEAD_PLACE.match(text)
    if not found or _NO_PLACE.search(found.group(1)):
        return None
    return found.group(1)


def others_page(target: Target, caption: str, title: str, within: str = "") -> bool:
    """Does the caption, else the title, open with another place than the target's, while none of
    them nor the table's own words (`within`: its row names) names one of its regions?"""
    regions = [r for r in target.region if len(r) >= 2 and not r.startswith(("全", "本", "我"))]
    if not regions or any(r in text for r in regions for text in (caption, title, within)):
        return False
    place = place_of(caption) or place_of(title)
    return place is not None and not any(place in r or r in place for r in regions)
