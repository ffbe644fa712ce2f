"""Clauses opening with a place that go on with the sentence's subject for that place: …，其中深圳
7.6万个; …，山东参保人数3120万人 after 全国…参保人数5.3亿人; …，占全市52家的近三成 (the whole the
share is of). Their figures then speak for the place, as the region rules (regional.py) decide."""

from __future__ import annotations

import re
from itertools import pairwise

from monitor.figures import speech
from monitor.figures.firsts import Opening
from monitor.figures.months import SINCE_NEW_YEAR
from monitor.figures.nouns import WORK_VERB
from monitor.figures.places import GENERIC, NATIONAL, PLACES, Mention, mentions

# A clause opening with a place goes on with the subject for that place: …，其中深圳7.6万个;
# …，郑州新增7.1万个; …，今年长沙已建成27个; …，全市今年已建成58个. Its figure then speaks
# for that place.
# A place may be followed by its own generic word or by 平均 (甘肃全省为…; 全国平均为…).
# (a time may open it before the place: …，今年以来贵州新建1.1万个; …，9月份杭州新建9个)
LEAD_TIME = (
    r"同期|" + SINCE_NEW_YEAR + r"|今年|去年|上半年|下半年|前三季度|[一二三四]季度"
    r"|(?:[0-9]{1,2}\s*[—\-–至到]\s*)?[0-9]{1,2}月(?:份|底|末)?"
)
_PLACE_LEAD = re.compile(
    r"(?:其中|而|在|"
    + LEAD_TIME
    + r")?(?:"
    + "|".join(sorted(map(re.escape, {*PLACES, *NATIONAL, *GENERIC}), key=len, reverse=True))
    + r")(?:市|省|区|县|州)?(?:全省|全市|全区|全县)?(?:"
    + SINCE_NEW_YEAR
    + r"|今年|去年|全年|以来)?(?:平均)?"
)
# The letters a _PLACE_LEAD match can start with. re's match tries its ~500 names one by one
# (about 1 us); most clauses open with none of these letters, and a set says so at once.
_PLACE_FIRST = frozenset(
    w[0] for w in ("其中", "而", "在", "今年", "去年", *PLACES, *NATIONAL, *GENERIC)
) | frozenset("同上下前一二三四0123456789")


def place_lead(sentence: str, at: int) -> re.Match[str] | None:
    """_PLACE_LEAD.match(sentence, at), quickly where no place can open the clause."""
    if sentence[at : at + 1] not in _PLACE_FIRST:
        return None
    return _PLACE_LEAD.match(sentence, at)


# The words between a place opening a clause and its number (山东参保人数3120万人, 我省接报2.3万起,
# 全省达标率为93.6%), with the verbs of a level after them
_PARALLEL_HEAD = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:已经?|累计|共|也)?(?:达到|达|为|是|约|近|有)?(?=[约近超逾]?[0-9])"
)


def _parallel(sentence: str, at: int, end: int) -> bool:
    """Whether the clause at `at`, after its place (ending at `end`), repeats words said before
    a number earlier in the sentence: the same measure, of another place."""
    found = _PARALLEL_HEAD.match(sentence, end)
    if found is None:
        return False
    pos = sentence.rfind(found.group(1), 0, at)
    return pos >= 0 and any(c.isdigit() for c in sentence[pos:at])


def for_the_place(sentence: str, at: int, end: int) -> bool:
    """Whether a clause opening at `at` with a place (ending at `end`) goes on with the subject
    in words of its own: it repeats words said before an earlier number of the sentence."""
    return _parallel(sentence, at, end)


# A share opening a clause, of a whole named with its place and amount (…，占全市52家的近三成;
# …，约占全省已装3.4万台的两成): the whole is that place's amount of the subject
_SHARE_OPENS = Opening(re.compile(r"(?:约|近|仅|只|已)?占"))
_WHOLE_AMOUNT = re.compile(
    r"[^，,。；;0-9]{0,6}?[约近超逾]?[0-9一二三四五六七八九十两][^，,。；;]{0,12}?的"
)


def whole_in_share(sentence: str, at: int) -> bool:
    """Whether the clause at `at` is a share of a whole whose place and amount it names."""
    share = _SHARE_OPENS.match(sentence, at)
    if share is None:
        return False
    place = place_lead(sentence, share.end())
    return place is not None and bool(_WHOLE_AMOUNT.match(sentence, place.end()))


# A place of any name (a district, a county: 余杭区, 如皋市) opening a clause with work done and
# its amount (…，余杭区完成4200个): the subject goes on, for that place
_NAMED_PLACE_DOING = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:片区|区|县|市|镇)(?=(?:今年|已经?|共|累计)*"
    r"(?:完成|新增|新建|建成|改造|开工|竣工|完工|筹集|实现|提供|开发|发放|吸纳|培训|安置)"
    r"[约近超逾0-9一二三四五六七八九十两]"
    r"|(?:承担|分担|分得|分到)(?:其中)?的?(?:任务|目标)?(?:为|是)?[约近超逾0-9一二三四五六七八九十两]"
    # or its amount at once, in a list by place (…，分区来看，蜀山区12个、包河区15个; …，桐庐县为
    # 87.1%, 德清县达到97.6%): not a noun ending like a place (小区, 社区, 园区…)
    r"|(?<!小区|社区|园区|城区|景区|街区|辖区|市区|郊区|范区|发区|验区|保区|业区|城市|超市|都市)"
    r"(?:为|达到)?[约近超逾0-9])"
)
# what a place takes on of a whole the clause before named (…任务4500万亩，河南承担620万亩)
# (…，萧山区承担其中的1.2万套: of the whole just named; …，分解给湖南的是600座: given to a place)
_TAKES_ON = re.compile(
    r"(?:承担|分担|分得|分到|负责)(?:其中)?(?:的)?(?:任务|目标)?(?:为|是)?"
    r"(?=[约近超逾0-9一二三四五六七八九十两])"
)
# (one branch a first word, not a group: a search jumps between the letters they open with)
_TAKES_ON_END = re.compile(
    "|".join(
        f"{word}(?:其中)?(?:的)?(?:任务|目标)?(?:为|是)?$"
        for word in ("承担", "分担", "分得", "分到")
    )
    + "".join(
        f"|{word}给[\u4e00-\u9fff]{{1,8}}?的?(?:任务|目标)?(?:为|是)?$"
        for word in ("分解", "下达", "分配", "下发")
    )
)
# …，分解给湖南的是600座; …，下达给南宁市的任务为180座: a place's share of a task handed down
# to it (分解到各地 is read in places.py as handed down to others)
_HANDED_TO = Opening(
    re.compile(
        r"(?:分解|下达|分配|下发)给"
        r"(?=[\u4e00-\u9fff]{1,8}?的?(?:任务|目标)?(?:为|是)?[约近0-9一二三四五六七八九十两])"
    )
)
# …，九江以212家居全省第二: a place ranked by its amount
_RANKED_BY = re.compile(
    r"以(?=[约近超逾]?[0-9一二三四五六七八九十两][^，,。；]{0,6}?(?:居|位居|位列|排名|领跑))"
)


def takes_on(head: str) -> bool:
    """Whether a clause up to its number (`head`) gives a place's share of a task (山东承担): the
    size of a plan, not work done."""
    return bool(_TAKES_ON_END.search(head))


def place_doing(sentence: str, at: int) -> str | None:
    """The place of any name a clause starting at `at` opens with, before its work and amount
    (…，余杭区完成4200个), if it opens so and the place is no known one (those are weighed by
    the region rules)."""
    if place_lead(sentence, at):
        return None
    return _named_doing(sentence, at)


def _named_doing(sentence: str, at: int) -> str | None:
    """place_doing for a clause that opens with no known place."""
    found = _NAMED_PLACE_DOING.match(sentence, at)
    if found is None or _NO_NAME.search(found.group()) or WORK_VERB.match(found.group()):
        return None  # 一季度全市已建成…: a time and this place's generic word; 完成棚户区改造…
    return found.group()


_NO_NAME = re.compile(r"[全本我今去年月季度期底末前后]")


# A phrase set before the subject, ending in its base or the plan it names (在去年新增…4.6万个的
# 基础上，江西…; 年初确定的…5万个目标，江西目前…): its number is of the subject named after it
_FRONTED = re.compile(r"[^，,；;。]{0,24}?(?:的?基础上|目标|任务|计划)(?=[，,])")


def subject_after(sentence: str, at: int, keywords: tuple[str, ...]) -> bool:
    """Whether the number at `at` comes before the sentence's subject: no keyword of the
    target's is named before it (对照年初定下的300万亩目标，新疆…), or it is in a phrase fronted
    before the subject."""
    return _FRONTED.match(sentence, at) is not None or all(k not in sentence[:at] for k in keywords)


def past_apposition(sentence: str, before: list[Mention]) -> list[Mention]:
    """The places named before a number, less one only where a speaker spoke (在长沙表示), in
    an apposition of the place before it (深圳作为广东…大市), or where the place before has its
    work done (银川市已在兴庆区、金凤区陆续建设了…): the subject is the place before."""
    before = [m for m in before if not speech.spoken_in(sentence, m.start, m.start + len(m.word))]
    while len(before) > 1:
        prev, last = before[-2], before[-1]
        if sentence[prev.start + len(prev.word) : last.start] != "作为":
            break
        before = before[:-1]
    return _past_sites(sentence, before)


# the subject place, then where it works (…已在A、B等地; …将在A和B): its sites, not its subject
_AT_SITES = re.compile(r"(?:已经?|将|还|又|先后|陆续|分别|今年|累计|共|也|正)*在")
_SITES_GAP = re.compile(r"、|和|及|与|以及")


def _past_sites(sentence: str, before: list[Mention]) -> list[Mention]:
    """The places named before a number, less those listed as sites of the work right after the
    place before them (银川市已在兴庆区、金凤区、西夏区建设了52个: 银川市's)."""
    for k in range(1, len(before)):
        prev, run = before[k - 1], before[k:]
        if not _AT_SITES.fullmatch(sentence, prev.start + len(prev.word), run[0].start):
            continue
        if all(  # (a name may overlap the one before: 和雨花区 and 雨花区)
            b.start <= a.start + len(a.word)
            or _SITES_GAP.fullmatch(sentence, a.start + len(a.word), b.start)
            for a, b in pairwise(run)
        ):
            return before[:k]
    return before


def share_whole(text: str, mention: Mention) -> bool:
    """Whether the place is the whole of a share (占全市…, 占安徽全省比重) or a part (其中宁波…)."""
    return text.endswith(("占", "其中", "其中，", "其中,"), 0, mention.start)


def earlier_share_whole(sentence: str, mention: Mention, at: int) -> bool:
    """Whether the place is the whole of a share (占全市…) in a clause before the number's."""
    return sentence.endswith("占", 0, mention.start) and any(
        c in "，,；;" for c in sentence[mention.start : at]
    )


def goes_on_with_own(sentence: str, regions: tuple[str, ...], at: int) -> bool:
    """Whether the sentence names only the target's region, after the number, not as a part
    of it (…，其中宁波…) or a share (占…), nor by its name as the subject of a figure of its
    own (…，杭州今年以来新建36个: a part's figure, then the city's). Its own word for itself
    (今年新建38个，全市累计建成216个) goes on with the same subject, figure or not."""
    found = mentions(sentence, regions)
    if not found:
        return False
    if (cut := sentence.find("其中", found[0].start)) > 0:  # …全市累计建成12个，其中甲县1个…
        found = [m for m in found if m.start < cut]  # (the breakdown's places are its parts)
    part = _PART_WORDS.search(sentence, _clause_start(sentence, at, found[0].start), found[0].start)
    if (
        part
        and part.end() == found[0].start
        and _WHOLE_OF_KIND.match(sentence, found[0].start + len(found[0].word))
    ):
        part = None  # 占全省电力总装机的64%: a kind of the place's things, not a part of it
    return (
        all(m.kind == "own" for m in found)
        and found[0].start > at
        and not part
        and (
            all(m.word in GENERIC for m in found)
            or not any(c.isdigit() for c in sentence[found[0].start :])
        )
    )


def _clause_start(sentence: str, at: int, place: int) -> int:
    """Where the clause holding the place at `place` starts, not before `at`: a part word of
    another clause between (…，…占比12%，全市…) makes no part of the place."""
    return max(at, *(sentence.rfind(c, at, place) + 1 for c in "，,；;"))


_PART_WORDS = re.compile(r"其中|包括|含|占|(?<![同环])比|较|相当于|分别")
# after 占 and the place, a whole of another kind (占全省【电力总装机】的): no plan, nor the place
_WHOLE_OF_KIND = re.compile(r"(?!任务|目标|计划|比重|比例)[\u4e00-\u9fff]{2,12}?(?:的|比重|比例)")
