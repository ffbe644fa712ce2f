"""Who speaks on a page that names no place (speaker): a national body (国家统计局, 交通运输部,
国务院) or a province's, city's or county's own office (省民政厅, 据市统计局, 县政府); places.py
reads an office's 各地 (省水利厅要求各地…) with the same pattern. Split from places.py."""

from __future__ import annotations

import re

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


def speaker(text: str) -> str | None:
    """Who a page that names no place speaks as: "nation" for a national body, the level of a
    local office (province, city, county), or None when it names none."""
    if _NATIONAL_BODY.search(text):
        return "nation"
    local = _LOCAL_BODY.search(text)
    return _BODY_LEVELS[local.group(1)] if local else None
