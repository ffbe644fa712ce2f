"""Who may use the things counted: public (公共, 公用) or private and internal (私人, 自用, 专用,
内部). A target titled with one (新增公共停车泊位, 新建公共充电桩) does not take the other's
count (机关事业单位内部停车位1100个, 私人充电桩1800个); and town and country, each the other's
kind (other_area: 城市电网供电可靠率 for a target titled 农村电网供电可靠率)."""

from __future__ import annotations

import re

_PUBLIC = re.compile(r"公共|公用")
# the private side, right before the keyword (a word or two between: 内部停车位, 自用充电设施)
_PRIVATE_BEFORE = re.compile(r"(私人|个人|自用|专用|内部|私家|自建)[\u4e00-\u9fff]{0,2}$")
_PUBLIC_BEFORE = re.compile(r"(公共|公用)[\u4e00-\u9fff]{0,2}$")
_PRIVATE_TITLE = re.compile(r"私人|个人|自用|私家")


def other_access(head: str, title: str) -> str | None:
    """The other side of public and private named right before the keyword (`head`: its clause
    up to it) where the title names one side: 内部 in 内部停车位 for a target titled 公共停车泊位;
    None when the title names neither or the head names the title's own side."""
    if _PUBLIC.search(title):
        found = _PRIVATE_BEFORE.search(head)
    elif _PRIVATE_TITLE.search(title):
        found = _PUBLIC_BEFORE.search(head)
    else:
        return None
    return found.group(1) if found else None


# Town and country, each the other's kind (农村电网供电可靠率 in a title, 城市电网供电可靠率 said)
_AREAS = (("农村", "乡村"), ("城市", "城镇", "城区"))


def other_area(head: str, keyword: str, title: str) -> str | None:
    """The other of town and country named right before the keyword (`head`: its clause up to it;
    a word or two between: 电网) where the title names one before it: 城市电网供电可靠率 for a
    target titled 农村电网供电可靠率."""
    at = title.find(keyword)
    if at < 0:
        return None
    before = title[max(0, at - 6) : at]
    for own, other in (_AREAS, _AREAS[::-1]):
        if any(w in before for w in own):
            said = re.search("(" + "|".join(other) + r")[\u4e00-\u9fff]{0,3}$", head)
            return said.group(1) if said else None
    return None
