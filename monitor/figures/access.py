"""Who may use the things counted: public (公共, 公用) or private and internal (私人, 自用, 专用,
内部). A target titled with one (新增公共停车泊位, 新建公共充电桩) does not take the other's
count (机关事业单位内部停车位1100个, 私人充电桩1800个), as town and country are each the other's
kind (kinds._other_area)."""

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
