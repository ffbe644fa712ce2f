"""Parts and wholes: whether a number of a read sentence gives a part of the target's thing
rather than its total: after 其中/包括 (a kind, a place, a period), among a set named before
(今年新增的公办学位中，…), or in a sentence breaking down an earlier total (whether a number is
in a breakdown at all, and its total's clause: breakdowns.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from monitor.figures.brackets import closes_between, in_brackets_after_total, open_bracket
from monitor.figures.divisions import (
    _HAN_ONLY,
    _PART,
    _part_start,
    one_of_the_divisions,
    total_of_a_list,
)
from monitor.figures.nouns import WORK_VERB
from monitor.figures.places import GENERIC
from monitor.figures.stages import stage_after, stage_of
from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match
    from monitor.figures.binding import Making, Number, Read

# A clause opening with _PART (其中…, 包括…, 含…: divisions.py) gives a part of the total before it
# A clause after the parts that names the whole again (…，累计建成7.3万个; …，全省共…)
_WHOLE_AGAIN = re.compile(
    # (共 alone, not a word it opens: 共享停车泊位, 共建, 共同)
    r"\s*(?:累计|总计|合计|共计|总数|总量|全年|全省|全市|全区|全县|全国|共(?![享建同治用管])"
    # the whole's progress toward its plan (…，其中人工造林86万亩，完成年度任务的68.7%)
    r"|(?:已经?)?完成(?:了)?(?:年度|全年|今年)(?:目标)?(?:任务|计划|目标)的"
    # …or the way still to its goal (…，距年底建成25万个的目标还差…; 离年度60个的目标仅差8个)
    r"|距离?(?=[^，,。；;]{0,16}?目标)|离(?=[^，,。；;]{0,16}?目标))"
)
# A stock named at a clause's head after a period's part (…，其中今年完成560公里，农村公路总里程
# 达到1.56万公里): the whole again, a level, not that period's own figure
_STOCK_AGAIN = re.compile(  # (…，其中分布式光伏3736万千瓦，截至3月底累计装机9.46亿千瓦, too)
    r"[^，,。；;]{0,12}?(?:总里程|总长度?|总规模|总面积|总数|总量|保有量)"
    r"|截[至止][^，,。；;0-9]{0,4}[0-9一二三四五六七八九十]{0,2}[^，,。；;0-9]{0,3}?[，,]?累计"
)


# A part named by its period (其中今年新增…, 其中三季度增长…): the period's own figure, not a
# subset; or by a later stage of the same things (已开工58个，其中建成运营49个): that stage's figure
_TIME_PART = (  # …a part by its time (其中今年…, 其中1—11月…)
    r"\s*(?:其中|包括)[，,：:]?\s*(?:今年|去年|当年|本年|(?:19|20)[0-9]{2}\s*年|[一二三四]季度|上半年|下半年"
    # (not a deadline: 其中5月底前完成120公里 is a tranche of the plan, no period's figure)
    r"|[0-9一二三四五六七八九十]{1,2}\s*月(?!(?:底|末|中旬|下旬|份)?前)|“?十[一二三四五]五”?(?:以来|期间)"
    # (…总数5.6万座，其中1—6月新建3100座; 其中前三季度…: the months' additions)
    r"|[0-9一二三四五六七八九十]{1,2}\s*[—\-–－~～至到]\s*[0-9一二三四五六七八九十]{1,2}\s*月"
    r"|前[0-9一二三四五六七八九十两]{1,2}个?月|前三季度"
)
_PERIOD_PART = re.compile(
    _TIME_PART
    + r"|(?:已经?)?(?:基本建成|建成|完工|竣工|投用|投入使用|交付)(?:开放|运营|使用|通车|投用)?"
    r"(?:[约近超逾0-9一二三四五六七八九十两]|$))"
)


def period_part(sentence: str, cuts: list[int], at: int) -> bool:
    """Whether the number at `at` is in a part named by its period (其中今年新开工5260个)."""
    if "其中" not in sentence and "包括" not in sentence:
        return False  # most sentences: read in C, no loop
    clause = bisect_right(cuts, at)
    starts = [0, *(c + 1 for c in cuts[:clause])]
    for start in reversed(starts):
        if _PART.match(sentence, start):
            return bool(_PERIOD_PART.match(sentence, start))
        if _WHOLE_AGAIN.match(sentence, start) or _STOCK_AGAIN.match(sentence, start):
            return False  # …，全省…达到2710万亩: the whole again, past the part
    return False


def _opens_with_own_place(sentence: str, c0: int, regions: tuple[str, ...]) -> bool:
    """Whether the clause at c0 opens with one of the target's own places (…中，合肥5.3万个)."""
    opening = sentence[c0 : c0 + 12].lstrip()
    return _opens_with(opening, regions)


def own_place_part(sentence: str, cuts: list[int], at: int, regions: tuple[str, ...]) -> bool:
    """Whether the number is in a part named by the target's own place (全省…，其中南京64公里):
    for that place's target it is the figure itself, not a part."""
    if "其中" not in sentence:
        return False
    start = _part_start(sentence, cuts, at)
    if start is None:
        return False
    return _opens_with(sentence[start : start + 14].lstrip()[2:].lstrip("，,：: "), regions)


def _opens_with(opening: str, regions: tuple[str, ...]) -> bool:
    """Whether `opening` starts with one of the target's own places, not a tier named after it
    (自治区级医院, 省级财政: bodies of that level, a part)."""
    return any(
        opening.startswith(r) and opening[len(r) : len(r) + 1] != "级"
        for r in regions
        if r not in _WHOLE_WORDS
    )


_WHOLE_WORDS = frozenset(("全市", "全省", "全区", "全县", "本市", "本省", "全国", "我国", "各地"))
# …，新建的5G基站中室内基站900个; 新建绿道里滨水绿道有22公里: the noun named again with 中/里
# (not 里程: the network's length, 农村公路里程达到…)
_INSIDE = re.compile(r"的?(?:当中|之中|中|里(?!程))(?![国心小央部山华东西南北])")


def named_part(sentence: str, own: list[_Match], at: int) -> bool:
    """Whether the number's clause names the noun again and then a part of it (…的X中, X里)."""
    return any(m.end < at and _INSIDE.match(sentence, m.end) for m in own)


# A keyword naming work, not things (城中村改造, 口袋公园建设): 在…改造中 is while doing it
_ACTIVITY = re.compile(r"(?:建设|改造|治理|整治|工作|行动|工程|提升|更新|发行)$")


def inside_set(read: Read, clause: int) -> str | None:
    """The set an earlier clause names as what the rest is taken from (今年新增的公办学位中，…;
    新建的绿道里，…): the keyword and its 中/里 closing that clause, if one does before `clause`."""
    sentence, cuts = read.text, read.cuts
    for k, found in read.by_clause.items():
        if k >= clause or k >= len(cuts):
            continue
        for m in found:
            inside = _INSIDE.match(sentence, m.end)
            if (
                inside
                and inside.end() == cuts[k]
                and not _ACTIVITY.search(sentence, m.start, m.end)
            ):
                return sentence[m.start : inside.end()]
    return None


_PART_OPEN = re.compile(r"\s*(?:其中|包括)[，,：:\s]*")


# The verb of the work alone between 其中 and the keyword (其中新建, 其中已建成): no kind
_WORK_ONLY = re.compile(r"(?:已经?|共|累计)?(?:" + WORK_VERB.pattern + r")+")


def one_kind(making: Making, n: Number) -> str | None:
    """In a part opening with 其中/包括, the words naming one kind of the keyword's things before
    it (其中，【普惠性】托位8600个), if there are any: the part is that kind, never the whole."""
    sentence, m = making.read.text, n.match
    start = _part_start(sentence, making.read.cuts, n.q.start)
    if start is None and sentence.startswith("其中"):
        start = 0
    opened = _PART_OPEN.match(sentence, start) if start is not None else None
    if opened is None or not opened.end() < m.start <= n.q.start:
        return None  # 其中社区食堂45个: the keyword itself is the part, of another whole
    words = sentence[opened.end() : m.start]
    if _WORK_ONLY.fullmatch(words):
        return None  # 其中新建社区食堂36个: the work on the thing, no kind of it
    return words if _HAN_ONLY.fullmatch(words) else None


def in_part(sentence: str, cuts: list[int], at: int) -> bool:
    """Whether the number at `at` is among the parts of a total: after a 其中 (or a clause that
    opens with 包括/含), with no clause between naming the whole again."""
    if ("（" in sentence or "(" in sentence) and in_brackets_after_total(sentence, at):
        return True  # 新建改造公厕60座（新建20座、改造40座）: the total's parts, in brackets
    if "其中" not in sentence and "包括" not in sentence and "含" not in sentence:
        return False
    clause = bisect_right(cuts, at)
    starts = [0, *(c + 1 for c in cuts[:clause])]
    if _open_part(sentence, sentence.rfind("其中", starts[-1], at), at):
        return True  # …，公共充电桩占其中310.2万台: inside the number's own clause
    # (…4200个（其中公共充电桩1800个），同比增长35%: a part in brackets ends at its bracket)
    for start in reversed(starts):
        if _PART.match(sentence, start):
            return _open_part(sentence, start, at)
        if _WHOLE_AGAIN.match(sentence, start) or _STOCK_AGAIN.match(sentence, start):
            return False
    return _open_part(sentence, sentence.rfind("其中", 0, at), at)  # …全市其中… inside a clause


def _open_part(sentence: str, said: int, at: int) -> bool:
    """Whether the 其中 at `said` (-1: none) still holds at `at`: not in a bracket closed before
    it (…5.3万个（其中公共泊位1.2万个），完成率达88.3%: the total's again)."""
    if said < 0:
        return False
    return open_bracket(sentence, said) < 0 or not closes_between(sentence, said, at)


# A sentence opening a breakdown by a kind of its own (按责任部门来看，…; 从各专班推进情况看，…;
# 分领域看：…): each figure after it is one kind's part (by place or time: place_shares, sentences)
_BY_KIND = re.compile(
    r"(?:按|从|分)各?(?:责任)?(?:部门|单位|领域|行业|产业|类别|类型|专班|板块|主体|门类|项目类型)"
    r"[^，,：:。0-9]{0,6}?(?:来|上)?看[，,：:]"
)


def part_of(making: Making, n: Number, target: Target) -> str | None:
    """Why the number is a part of the target's thing, not its total: after 其中 with the total
    read already, one kind of it after 其中, or a part of a set named before (…X中，); None."""
    sentence, q, regions = making.read.text, n.q, target.region
    if sentence[:1] in "按从分" and (by := _BY_KIND.match(sentence)):
        return f"a part of a breakdown ({by.group()[:-1]}): one kind's, not the whole"
    if total_of_a_list(making, q.start):
        return None  # …，其中技改投资142亿元，同比分别增长12.6%和15.3%: 12.6% is the total's
    own_place = own_place_part(sentence, making.read.cuts, q.start, regions)
    if project := named_project(sentence, n.c0, n.q.start, target):
        return f"a subset: the figure of one named project ({project})"
    if whole_not_read(making, n, target, own_place):
        # …由国有企业统一代建的216部已全部开工，其中已完工148部: 216 is not the target's
        return "a part (其中…) of a whole not read as the target's"
    if divided := one_of_the_divisions(making, n, target):
        # …项目共划分14个标段，其中1号标段涉及2.1万亩: one of the 标段, not the whole
        return f"a part (其中…) naming one of the {divided} the whole was divided into"
    if _things_at_a_stage(sentence, n):
        return None  # 其中86个已建成, …中，已开工112个: the things at a stage, no kind of them
    if (
        n.after_breakdown
        and (target.id in making.seen or "持平" in sentence[: n.c0])  # (…同比持平，其中城市…)
        and not n.period_part
        and not own_place
        and not _names_the_part(making, n)
        and not _rate_of_the_part_read(making, n, target.id)
    ):
        # 其中…: a part of a total already reported for this target
        return "a part of a breakdown (其中…) of a total already read"
    kind = one_kind(making, n) if n.after_breakdown and not n.period_part else None
    if kind and kind not in target.title and not own_place:
        # …。其中，普惠性托位8600个: one kind of the thing, wherever its total was given
        return f"a part (其中{kind}…): one kind of the thing, not its total"
    among = _among_in_clause(sentence, n, target.title) if "中" in sentence else None
    if among:  # 城镇新增就业中通过公益性岗位安置2100人: some of those things, picked out
        return f"a part of the things named before it ({among}…)"
    named = None
    if q.unit != "%" and ("中" in sentence or "里" in sentence):  # a % is weighed as a share
        named = inside_set(making.read, n.clause)
    if (
        named
        and not _opens_with_own_place(sentence, n.c0, regions)
        and not _WHOLE_THEN_WORK.match(sentence, n.c0, n.match.start)
        and not _SO_FAR_OF_SET.fullmatch(sentence, n.c0, q.start)
    ):
        # 今年新增的公办学位中，…，寄宿制学位新增2.2万个: one part of the set, not the whole
        return f"a part of the set named before ({named}…)"
    return None


# …，已有4.8万个投入使用 after the set (今年新增的5.2万个学位中，): how many of all of them
# reached a stage so far, naming no kind: the set's progress, not one part of it
_SO_FAR_OF_SET = re.compile(r"\s*(?:目前|截至[^，,。；]{1,8}?|现)?(?:已有|已经?|均已|共有)")


# the keyword's things, then 中: those among them (not 中心, 中国, 中期, 中旬)
_AMONG = re.compile(r"的?(?:当中|之中|中)(?![国心小央部山华东西南北期旬])")


def _among_in_clause(sentence: str, n: Number, title: str) -> str | None:
    """The keyword and its 中 when the number's own clause names some of its things after them
    by words of their own (社区食堂中引入专业餐饮企业运营的达到64个), not only the stage they
    are at (计划新建的社区食堂中已建成56个: the target's own count) nor what the title counts
    (高校毕业生中留在吉林就业创业的 for 高校毕业生留吉就业创业); else None."""
    m, q = n.match, n.q
    among = _AMONG.match(sentence, m.end) if n.c0 <= m.start and m.end < q.start else None
    if among is None or _ACTIVITY.search(sentence, m.start, m.end):
        return None  # (在老旧小区改造中…: while doing the work)
    at = among.end()
    if _STAGE_ONLY.fullmatch(sentence, at, q.start) or _STAGE_PART.fullmatch(sentence, at, q.start):
        return None
    if _BARE_PART.fullmatch(sentence, at, q.start):
        return None  # (…中有86个已建成: weighed as a stage part)
    words = sentence[at : q.start]
    if any(words[i : i + 2] in title for i in range(len(words) - 1)):
        return None
    return sentence[m.start : at]


_TIME_OPENS_PART = re.compile(_TIME_PART + ")")
# a clause naming the whole again, then only the work, up to the keyword (…，全年共新增【长者
# 食堂】64家; 全市今年累计新建…): the whole the set's parts were taken from, not another part
_WHOLE_THEN_WORK = re.compile(
    r"\s*(?:全年|全[省市区县]|今年|年内)+(?:共计?|累计|合计|总计)?(?:已经?)?"
    r"(?:新增|新建|建成|完成|筹集|改造|开工)?$"
)


def whole_not_read(making: Making, n: Number, target: Target, own_place: bool) -> bool:
    """Whether the number, in a part (其中…) naming no keyword of its own, is a part of a whole
    in its unit said before it since the keyword that was not read for the target: a part of
    what is not the target's (其中已完工148部 of 由国有企业统一代建的216部) is none of it either."""
    if not n.after_breakdown or own_place or target.id in making.seen:
        return False
    start = _part_start(making.read.text, making.read.cuts, n.q.start)
    if start is None or not n.match.end <= start:
        return False  # (其中口袋公园86个: the part names the keyword, the target's own)
    if (n.period_part and _TIME_OPENS_PART.match(making.read.text, start)) or stage_of(
        target.title + "".join(target.keywords)
    ):
        # 其中今年新开工5.4万个: the target's year inside a span's total; 已开工85个，其中完工
        # 32个: for a target of completions, the starts were another stage, not another thing
        return False
    unit = n.q.unit
    return any(n.match.end <= x.start < start and x.unit == unit for x in making.read.quantities)


# A part naming only its stage before its number (…中，已经完工31个; 其中已建成20个)
_STAGE_PART = re.compile(
    r"\s*(?:其中)?[，,\s]*(?:已经?|均已|全部|已全部)(?:开工|完工|竣工|建成|投用|投入使用|交付)了?"
    r"(?:约|近|超过)?"
)
# A part naming only its number (其中86个: no one kind) or its stage (…中，已开工112个，建成86个)
_DONE_AFTER = re.compile(
    r"(?:主体工程|主体)?(?:已经?|均已|都已)?(?:全部|基本)*(?:完成|消除|实现|达标|完工)"
)
# (目前已开工158处, 已建成投用1.42万个, 其中建成开园18个: the things opening once built too)
# (…的600个项目中，计划新开工174个，1—7月已新开工142个，建成投产53个: the plan's and the
# months' so far, the things at each stage)
_STAGE_ONLY = re.compile(
    r"\s*(?:其中|包括)?[，,：:\s]*(?:目前|现已|今年|年内|全年|上半年|前三季度|[一二三四]季度"
    r"|[0-9一二三四五六七八九十]{1,2}\s*[—\-–－~～至到]\s*[0-9一二三四五六七八九十]{1,2}\s*月份?)?"
    r"(?:计划|预计|将|力争)?(?:已经?|均已|都已|共|累计)?(?:全部)?"
    r"(?:新开工|开工|基本建成|建成|完工|竣工|交付|完成(?:改造|整治|提升|治理|建设)*)"
    r"(?:并?(?:投用|投入使用|交付|开放|开业|开园|开馆|启用|运营|建设|投产|投运|并网|通车|通水))?"
    r"了?(?:约|近|超过)?"
)  # (…已全部开工。其中，已完成改造429个: the work done on them, a stage too)
_BARE_PART = re.compile(r"\s*(?:其中|包括)?[，,：:\s]*(?:已经?|共|均)?有?(?:约|近|超过)?")


def _things_at_a_stage(sentence: str, n: Number) -> bool:
    """Whether a part names nothing but the stage its things are at or the work done on them,
    before its number (…中，已开工112个; …中，已经完工31个) or after it (其中86个已建成, …中，
    已有86个建成开放, …中，已有79条完成整治): no kind of them."""
    q = n.q
    if _STAGE_ONLY.fullmatch(sentence, n.c0, q.start) or _STAGE_PART.fullmatch(
        sentence, n.c0, q.start
    ):
        return True
    return _BARE_PART.fullmatch(sentence, n.c0, q.start) is not None and (
        stage_after(sentence, n.c0, q.start, q.end, n.c1) is not None
        or _DONE_AFTER.match(sentence, q.end, n.c1) is not None
    )


def _names_the_part(making: Making, n: Number) -> bool:
    """Whether the part opens with the number's keyword (其中【跨境电商进出口】980亿元，同比增长
    18.5%): the part is the target's own thing, and what goes on from it is its figure."""
    sentence = making.read.text
    start = _part_start(sentence, making.read.cuts, n.q.start)
    opened = _PART_OPEN.match(sentence, start) if start is not None else None
    if opened is None or not n.match.start < n.match.end <= n.q.start:
        return False
    # (…，其中公共充电桩5.6万个，今年以来新建公共充电桩4300个: the part's keyword again)
    keyword = sentence[n.match.start : n.match.end]
    return opened.end() == n.match.start or sentence.startswith(keyword, opened.end())


# One project named in quotes, opening the sentence (X医院“康养中心”项目…, “玄武湖环湖”工程…)
_NAMED_PROJECT = re.compile(r"[^，,。；;]{0,16}?“([^”]{2,16})”(?:项目|工程)")


def named_project(sentence: str, c0: int, start: int, target: Target) -> str | None:
    """The quoted name of the one project a sentence opens on, when the number's clause (from
    `c0`) goes on with it naming no place of the target's (…“康养中心”项目已投用，新增床位320张):
    its figure is that project's; None when the name is the target's thing (“社区食堂”项目)."""
    found = _NAMED_PROJECT.match(sentence)
    if found is None or any(k in found.group(1) for k in target.keywords):
        return None
    clause = sentence[c0:start]
    if any(w in clause for w in (*target.region, *GENERIC)):
        return None  # …，全市已建成社区食堂86个: the whole's
    return found.group(1)


def _rate_of_the_part_read(making: Making, n: Number, target_id: str) -> bool:
    """Whether a per cent after 其中 goes on with a count of the target this same part gave
    (其中，集装箱吞吐量和…分别完成3500万标箱和…，同比分别增长6.2%和…): that count's rate, no
    part of it."""
    if n.q.unit != "%":
        return False
    said = making.read.text.rfind("其中", 0, n.q.start)  # (-1: 其中 opened a part before a ；)
    return any(t == target_id and said < at < n.q.start for t, at in making.given_at)
