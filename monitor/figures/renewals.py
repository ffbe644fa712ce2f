"""Counts a target of renovation work (改造提升村卫生室, 提标改造污水处理设施) does not take: the
things themselves rather than the work done on them (全省现有村卫生室5.6万所, 累计建成…1860处),
the things counted in a sentence naming no work on them at all (1200余处…设施装上“智慧大脑”;
计划对40处…开展巡检), and what projects under way can give once finished (在建项目建成后还可
提供学位6.1万个), which is neither work done nor a plan; and for a target whose title names one kind
of its thing (普惠托位, 公办学位), a stock of every kind (托位总数12.8万个, 共有托位…)."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.figures.binding import Number
from monitor.models import Target

# Work of renovation a title or a sentence names; a target naming building or adding as well
# (新改建农村公路, 新建改建户厕, 新建改扩建学校) counts new things too, their stock included, as
# does one of homes built for those a renewal moves (城中村改造复建安置房, 旧城改造还建房): the
# renewal is the area's, the homes are built
_RENEWAL = re.compile(r"改造|改建|提升|提标|整治|修缮|升级|更新|翻新")
_BUILDING = re.compile(r"新建|新增|新改建|扩建|新开通|复建|还建|回迁|配建")
# Any work on the things a sentence may name, renovation or a stage of it (开工, 完工, 完成)
_ANY_WORK = re.compile(
    r"改造|改建|提升|提标|整治|修缮|升级|更新|翻新|开工|完工|竣工|建成|完成|实施|投用|交付"
)
# The things' existence in the number's clause, before it: their stock, not the year's work
_STOCK = re.compile(r"现有|共有|拥有|保有|累计建成|总数|总量")
# Things built, named before the keyword (已建成乡镇卫生院1600所): the things there, however
# they came (those newly built, 新建…, are refused by stages.other_work)
_BUILT = re.compile(r"建成")
_STARTED = re.compile(r"开工|完工|竣工")
# What projects can give once they are finished (建成后还可提供, 投用后可新增, 竣工后能增加)
_ONCE_DONE = re.compile(
    r"(?:建成|投用|投入使用|竣工|完工|投产|交付)后[^，,。；]{0,4}?(?:还|也|共|总共)?(?:可以|可|能够|能)"
)


# The kinds a title may name its thing by that a text often leaves out of a stock of them all
_ONE_KIND = re.compile(r"(?:普惠性?|公办|公立)$")
# A stock named around the keyword: before it (现有, 共有) or right after it (托位总数)
_STOCK_AFTER = re.compile(r"(?:总数|总量|总规模)")


@lru_cache(maxsize=256)
def _titled_kind(title: str, keyword: str) -> str | None:
    """The kind the title names right before the keyword (新增【普惠】托位), if one."""
    at = title.find(keyword)
    kind = _ONE_KIND.search(title, 0, at) if at > 0 else None
    return kind.group() if kind else None


def wider_stock(sentence: str, n: Number, target: Target) -> str | None:
    """Why a stock of the keyword's things of every kind (可提供托位总数…, 共有托位…) is not the
    figure of a target titled with one kind of them (普惠托位); None when it may be."""
    m = n.match
    if not (n.c0 <= m.start < m.end <= n.q.start) or not target.title:
        return None
    keyword = sentence[m.start : m.end]
    kind = _titled_kind(target.title, keyword)
    if kind is None or kind[:2] in sentence[n.c0 : n.q.start]:
        return None
    if _STOCK.search(sentence, n.c0, m.start) or _STOCK_AFTER.search(sentence, m.end, n.q.start):
        return f"a stock of every kind ({keyword}), not the target's ({kind}{keyword})"
    return None


@lru_cache(maxsize=256)
def _renovation(title: str) -> bool:
    """Whether a target's title counts renovation work only (改造提升村卫生室3000所)."""
    return bool(_RENEWAL.search(title)) and not _BUILDING.search(title)


def things_not_work(sentence: str, n: Number, target: Target) -> str | None:
    """Why a count is not one of the target's renovation work (the things' stock, the things
    with no work named), or of any work done (a capacity once built); None when it may be."""
    q = n.q
    if q.unit != "%" and (wider := wider_stock(sentence, n, target)):
        return wider
    if "后" in n.head and _ONCE_DONE.search(n.head):
        return "what projects can give once finished (建成后可…), neither work done nor a plan"
    if q.unit == "%" or not target.title or not _renovation(target.title):
        return None
    m = n.match
    if m.start == q.end and m.end > m.start and _ANY_WORK.search(sentence) is None:
        # (2800余户农户今年用上了卫生厕所 counts households served: not the things themselves)
        return "the things renovated, in a sentence naming no work on them (not their renovation)"
    own = n.c0 <= m.start < m.end <= n.c1
    clause = sentence[n.c0 : n.c1]
    if own and not _RENEWAL.search(clause):
        if _STOCK.search(n.head):
            return "a stock of the things (现有…, 累计建成…), not their renovation"
        # (农贸市场已完工14个, 新增开工老旧小区…: the work's stage, its count)
        if _BUILT.search(sentence, n.c0, m.start) and not _STARTED.search(n.head):
            return "things built (已建成…), not renovated ones"
    return None
