"""What a keyword's things hold, and what a scheme counts: the words right after a keyword that
make its number another noun's (景区内共设置游客服务中心1024个: what stands inside the things),
and the goods a scheme for them is counted in (家电以旧换新累计销售…家电产品386万台: its count).
Split from kinds.py."""

from __future__ import annotations

import re

# The keyword's things as the place where others stand (景区内共设置游客服务中心1024个, 口袋公园内
# 设置直饮水点, 社区食堂里配置终端): a word of place right after the keyword, then a verb of setting
# up or having and a noun of its own before the number
_HELD_INSIDE = re.compile(
    r"(?:内|里|中|周边|周围|沿线)(?:[共均已都统一新]{0,3})"
    r"(?:设置|设有|建有|配有|配置|配备|设立|布设|安装|建设|新建|新增|增设|提供|开设|拥有|有)了?"
    r"([\u4e00-\u9fff“”]{2,12}?)(?:共计?|达到?|约|近|超过)?$"
)


def held_inside(between: str) -> str | None:
    """The noun of the things set inside the keyword's own, named between the keyword and its
    number (`between`: 内共设置游客服务中心), if the words are such; else None."""
    held = _HELD_INSIDE.match(between)
    return held.group(1) if held else None


# A scheme for goods (家电以旧换新, 汽车以旧换新, 家电下乡): it has no things of its own; what it
# counts are the goods traded under it, named after its verb (销售…家电产品, 置换…车辆), but not
# the old ones taken back (回收旧家电)
_SCHEME = re.compile(r"(?:以旧换新|换新|置换|下乡)$")
_OLD_GOODS = re.compile(r"旧|废|报废")


def goods_of_scheme(noun: str, keywords: tuple[str, ...]) -> bool:
    """Whether `noun`, named after a verb in the target's unit, is the goods a scheme keyword
    counts (冰箱、空调等8类产品 for 家电以旧换新); not the old goods taken back."""
    return any(_SCHEME.search(k) for k in keywords) and not _OLD_GOODS.search(noun)


def scheme_name(keyword: str) -> str | None:
    """The scheme's short name a keyword ends with (以旧换新 for 家电以旧换新), if it names goods
    before it: a text names the scheme again by it (…，以旧换新购买新车10.3万辆)."""
    found = _SCHEME.search(keyword)
    return found.group() if found and found.start() >= 2 else None
