"""Who speaks on a page that names no place (speaker): a national body (国家统计局, 交通运输部,
国务院) or a province's, city's or county's own office (省民政厅, 据市统计局, 县政府); places.py
reads an office's 各地 (省水利厅要求各地…) with the same pattern. Split from places.py. And a
page that is a local body's (local_page: 宁波市人大常委会…), whose figures are its place's."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.figures.places import Mention

# Who speaks on a page that names no place: a national body (国家统计局, 交通运输部, 国务院) or a
# province's, city's or county's own office (省民政厅, 据市统计局, 县政府).
_NATIONAL_BODY = re.compile(
    r"国务院|党中央|国家(?!级)[\u4e00-\u9fff]{1,8}?(?:局|委|署|院)|海关总署"
    r"|(?:财政|商务|民政|教育|科技|公安|司法|自然资源|生态环境|交通运输|水利|农业农村|文化和旅游"
    r"|应急管理|住房和城乡建设|住房城乡建设|人力资源社会保障|人力资源和社会保障|工业和信息化"
    r"|退役军人事务|审计)部"
)
_LOCAL_BODY = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[据从由向经在和与]))([省市县])"
    r"(?:委|政府|人大|政协|[\u4e00-\u9fff]{1,7}?(?:厅|局|委|办))"
)
_BODY_LEVELS = {"省": "province", "市": "city", "县": "county"}


@lru_cache(maxsize=16)
def national_body_speaks(text: str) -> bool:
    """Whether a national body is named in the text (asked once per article: local_page asks it
    for each figure of a national target that a sentence names no place for)."""
    return _NATIONAL_BODY.search(text) is not None


def speaker(text: str) -> str | None:
    """Who a page that names no place speaks as: "nation" for a national body, the level of a
    local office (province, city, county), or None when it names none."""
    if national_body_speaks(text):
        return "nation"
    local = _LOCAL_BODY.search(text)
    return _BODY_LEVELS[local.group(1)] if local else None


# A place's own body right after its name (宁波市人大, 绵阳市政府, 西安市委, 第N届人民代表大会)
_BODY_AFTER_PLACE = re.compile(
    r"[省市区县州]?(?:第[一二三四五六七八九十]{1,3}届)?(?:人民代表大会|人大|人民政府|政府|政协|[省市区县]委)"
)


def local_page(text: str, found: Sequence[Mention]) -> bool:
    """Whether a page is a local body's (宁波市人大常委会昨日听取了…报告): its only
    region words (`found`, for a national target) name places, one of them with its own body
    after it, and no national body speaks in it. A figure it gives with no place is that
    place's, not the nation's."""
    if not found or any(m.kind != "place" for m in found) or national_body_speaks(text):
        return False
    return any(_BODY_AFTER_PLACE.match(text, m.start + len(m.word)) for m in found)
