"""Which target a number is about: each target's keywords found in a sentence, the keyword a
number belongs to, and whether the number is the figure itself or a reference to another."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from monitor.figures import cues, events, speech, units
from monitor.figures.brackets import gloss_end
from monitor.figures.continuations import HANDLED, NEXT_STEP, continues_at, continues_with, remark
from monitor.figures.cues import _CLAUSE, _PART_OF_RESIDENTS, _PREDICATE
from monitor.figures.firsts import Opening, opening
from monitor.figures.fronted import fronted, fronted_from
from monitor.figures.held import scheme_name
from monitor.figures.keywords import _splittable, may_split, split_matches
from monitor.figures.measures import SUM_CLAUSE
from monitor.figures.nouns import WORK_VERB
from monitor.figures.own_work import dated_work, remark_on
from monitor.figures.place_clauses import (
    _HANDED_TO,
    _RANKED_BY,
    _TAKES_ON,
    _named_doing,
    for_the_place,
    place_lead,
    whole_in_share,
)
from monitor.figures.predicates import counted_then_head, head_then_count
from monitor.figures.restating import restated_before
from monitor.figures.shares import share_of_it
from monitor.figures.subject_ends import carried_own, names_own
from monitor.figures.titled import titled_measure
from monitor.figures.topics import topic_of
from monitor.models import Quantity, Target

# (not the numeral of a name: 全市5G行业专网, 全省4K频道: a noun of its own)
_NUMBER_START = re.compile(r"[约近超逾一二三四五六七八九十两]|[0-9](?![A-Za-z])")
# A clause opening with a measure of the thing and its amount (…，运营里程约520公里; …，业务量为
# 134.5亿件; …，全市总里程增至509公里) goes on with the subject: it names no thing of its own
_MEASURE_OPENS = re.compile(
    r"(?:运营|通车|线网|建成|累计|营业)?总?(?:里程|长度|总长|全长|规模|面积|数量|总数|总量|余额"
    r"|(?:业务|保有|销售|产|客运|货运|存)量|装机容量)"
    r"(?:已经?|累计|共|也)?(?:达到|达|为|约|近|超过|突破|增至|升至|增加到|增长到|稳定在"
    r"|[0-9一二三四五六七八九十两])"
    r"|(?:远|明显)?(?:高于|低于|多于|少于)[^，,。；]{0,8}?(?:年底|年末)的"  # 远高于2016年底的…
    # the count of the work itself and its change (…，整改台数同比增长35.4%; …，场次同比增长18%;
    # …，数量同比增长16.7%; …，余额同比增长28.4%)
    r"|[\u4e00-\u9fff]{0,2}?(?:台数|场次|件数|宗数|户数|家数|起数|数量|总数|总量|余额)"
    r"(?:同比|比上年|比去年|较上年)?"
    r"(?:增长|下降|提高|减少|增加|上升)"
)


# A clause opening with a stage word and a verb of work before its amount (…、主体完工4.4万套、交付
# 2.3万套; …，基本建成1.9万套), or with a rate of the thing (…已建成2.36万个，覆盖率达到91.5%;
# …，全省覆盖率为91.5%): it goes on with the subject
_STAGE_OPENS = Opening(
    re.compile(
        r"(?:已经?|均已)?(?:主体|基本|全面|全部|整体|顺利|正式)(?:" + WORK_VERB.pattern + r")+了?"
        r"(?=[约近超逾]?[0-9一二三四五六七八九十两])"
    )
)
_RATE_WORDS = (
    r"(?:(?:覆盖|普及|入园|就诊|供养|治理|达标|优良|利用|处理|参保|签约|接种|到位|执行|拨付|交付|入住"
    r"|使用|满足)率|满足程度)(?:已经?|也)?"
    r"(?:达到|达|为|提高到|提升到|提高至|提升至|升至|超过|保持在|稳定在"
    # (from a level to another: 覆盖率由年初的85.3%提高到100%)
    r"|[由从][^，,。；]{1,12}?(?:提高|提升|上升|增加|增长|升)(?:到|至))?"
    r"(?=[约近超逾]?[0-9一二三四五六七八九十两])"
)
_RATE_OPENS = re.compile(
    # (after what brought it about: …，带动全市覆盖率提高到85%, 推动到2025年普及率提高到93%)
    r"(?:(?:带动|推动|促使|使得?)(?:全[市省区县]|到|至)?)?"
    # (after its period: …，2024 年1—10 月满足程度为94.1%; or now: …，目前覆盖率为89%)
    r"(?:目前|当前|现在|截至目前)?"
    r"(?:(?:19|20)[0-9]{2}\s*年\s*)?(?:" + cues.MONTH_SPAN + r"\s*份?)?" + _RATE_WORDS
)
_RATE_OPENS = opening(_RATE_OPENS)  # searched only where a match can start (firsts.py)
# …or after a place, the things the rate is of (…，全市居民小区覆盖率达到92.8%)
_PLACE_RATE_OPENS = re.compile(r"[\u4e00-\u9fff]{0,4}?" + _RATE_WORDS)


def continues(sentence: str, at: int) -> bool:
    """Whether the clause starting at `at` goes on with the subject of the clause before it: it
    opens with a continuation (同比增长, 累计, 其中…), a measure of the thing (运营里程约…) or the
    rest of it (其余3段), or a place and then one, its share of the whole (承担…) or a number."""
    if (
        continues_at(sentence, at)  # (or a body forecasting it: 省…厅预计到年底可完成…)
        or _MEASURE_OPENS.match(sentence, at)
        or cues.REST_OPENS.match(sentence, at)
        or cues.BATCH_OPENS.match(sentence, at)
        or whole_in_share(sentence, at)
        or _HANDED_TO.match(sentence, at)
        or _STAGE_OPENS.match(sentence, at)
        or _RATE_OPENS.match(sentence, at)
        or events.MEASURE_OPENS.match(sentence, at)
    ):
        return True
    place = place_lead(sentence, at)
    if place is None:
        return _named_doing(sentence, at) is not None
    end = place.end()
    return bool(
        continues_with(sentence, end)
        or _MEASURE_OPENS.match(sentence, end)
        or _RATE_OPENS.match(sentence, end)
        or _PLACE_RATE_OPENS.match(sentence, end)
        or _NUMBER_START.match(sentence, end)
        or _TAKES_ON.match(sentence, end)
        or _RANKED_BY.match(sentence, end)
        or for_the_place(sentence, at, end)
    )


def _is_part(sentence: str, at: int) -> bool:
    """A clause opening with 其中 names a part of the last total, however many remarks
    (…，居全国首位，其中合肥5.3万个) stand between."""
    return sentence.startswith("其中", at)


class _Match(NamedTuple):
    start: int
    end: int
    targets: tuple[Target, ...]


_match_start = attrgetter("start")  # read in C: no generator or lambda for each number


@lru_cache(maxsize=4096)
def _parts(keyword: str) -> tuple[str, ...]:
    """A keyword's parts: 增发…国债 is 增发 and 国债."""
    return tuple(p for p in keyword.split("…") if p)


def _keyword_matches(sentence: str, targets: list[Target]) -> list[_Match]:
    """Keyword occurrences in the sentence; one inside a longer one (国内生产总值 inside
    单位国内生产总值能耗) is the longer one's, and targets sharing a keyword share the match."""
    spans: dict[tuple[int, int], list[Target]] = {}
    for target in targets:
        for keyword in target.keywords:
            for a, b in _occurrences(sentence, keyword):
                bucket = spans.setdefault((a, b), [])
                if target not in bucket:
                    bucket.append(target)
    matches: list[_Match] = []
    reach = -1
    for a, b in sorted(spans, key=_longest_first) if len(spans) > 1 else spans:
        if b <= reach:
            continue  # inside an earlier, longer match
        reach = b
        if share_of_it(sentence, a, b, spans[a, b]):
            continue  # 占国内生产总值比例, 与国内生产总值之比: a share of it, not it
        if sentence.startswith("居民", a) and sentence.endswith(_PART_OF_RESIDENTS, 0, a):
            continue
        matches.append(_Match(a, b, tuple(spans[a, b])))
    return matches


def _longest_first(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def _occurrences(sentence: str, keyword: str) -> list[tuple[int, int]]:
    """Spans of `keyword` in the sentence; 增发…国债 matches 增发 and 国债 in one clause."""
    if "…" in keyword:
        return _joined_occurrences(sentence, _parts(keyword))
    out: list[tuple[int, int]] = []  # most keywords: one word, wherever it is
    pos = sentence.find(keyword) if keyword else -1
    # a list (助餐点、社区食堂) cut by 、 is found in its last item's clause, where its number is
    last = keyword.rfind("、") + 1
    glued = keyword[:1].isascii() and keyword[:1].isalnum()  # (A级景区, 5G基站)
    while pos >= 0:
        if not (glued and pos and sentence[pos - 1].isascii() and sentence[pos - 1].isalnum()):
            out.append((pos + last, pos + len(keyword)))  # (not 4A级景区: a grade of them)
        pos = sentence.find(keyword, pos + 1)
    if _splittable(keyword) and may_split(sentence, keyword):
        out.extend(m.span() for m in split_matches(sentence, keyword))
        out.sort()
    if out and len(keyword) >= 4 and keyword[-2:].isalpha():
        out.extend(_head_after_count(sentence, keyword[-2:], out[0][1]))  # …，已开工900个小区
    if out and "以旧换新" in keyword and (short := scheme_name(keyword)):
        # …以旧换新以来，…，以旧换新购买新车10.3万辆: the scheme named again by its short name
        taken = {b for _, b in out}
        pos = sentence.find(short, out[0][1])
        while pos >= 0:
            if pos + len(short) not in taken:
                out.append((pos, pos + len(short)))
            pos = sentence.find(short, pos + 1)
    return out


def _head_after_count(sentence: str, head: str, after: int) -> list[tuple[int, int]]:
    """Where the keyword's head noun (`head`: 小区 of 老旧小区) ends a clause of work on a count
    of them, or opens a list item or follows a verb of work with the count right after it
    (、小区693个), after the keyword's first place in the sentence (`after`)."""
    out: list[tuple[int, int]] = []
    pos = sentence.find(head, after)
    while pos >= 0:
        if counted_then_head(sentence, pos) or head_then_count(sentence, pos):
            out.append((pos, pos + 2))
        pos = sentence.find(head, pos + 2)
    return out


def _joined_occurrences(sentence: str, parts: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans from the first of `parts` to the last, each part within 12 letters of the one
    before and no clause break between them."""
    if not parts:
        return []
    out: list[tuple[int, int]] = []
    pos = sentence.find(parts[0])
    while pos >= 0:
        end = pos + len(parts[0])
        ok = True
        for part in parts[1:]:
            nxt = sentence.find(part, end)
            if nxt < 0 or _CLAUSE.search(sentence, end, nxt) or nxt - end > 12:
                ok = False
                break
            end = nxt + len(part)
        if ok:
            out.append((pos, end))
        pos = sentence.find(parts[0], pos + 1)
    return out


def _subject(
    sentence: str, cuts: list[int], by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The keyword a clause is about: its own last one, or the previous clause's when it opens by
    continuing it (…，增长6.1%; …，总量突破90万亿元)."""
    if not by_clause.get(clause) and (ahead := fronted(sentence, cuts, by_clause, clause)):
        return ahead  # 开工322部、完工156部，烟台加装电梯进度过半: said before their subject
    if not by_clause.get(clause) and clause > 0 and (topic := topic_of(sentence, cuts, by_clause)):
        return topic  # 长期护理保险这块，去年底全省参保是4302万人，今年的目标是4500万人
    if not by_clause.get(clause) and clause > 0:
        dated = dated_work(sentence, cuts[clause - 1] + 1, by_clause, clause)
        if dated is not None:
            return dated  # …列为民生实事，老城区先行施工，截至9月20日已完工103公里
    first = clause
    while not by_clause.get(clause):
        if clause == 0:
            return None
        at = cuts[clause - 1] + 1
        if _is_part(sentence, at) or SUM_CLAUSE.match(sentence, at - 1):
            # 其中…: a part of the last total; …，合计…: the sum of what the clauses before gave
            earlier = [k for k in by_clause if k < clause and by_clause[k]]
            return by_clause[max(earlier)][-1] if earlier else None
        again = _named_again(sentence, at, by_clause, clause) or titled_measure(
            sentence, at, _end(cuts, clause, sentence), by_clause, clause
        )
        if again is not None:
            return again  # …，岗位数同比增长11.2%; …，目前在保家庭达到6.3万户: counted again
        if not _goes_on(sentence, at) and (clause == first or not remark_on(sentence, at)):
            return None  # (…，覆盖全市13个区县，今年新开了24家: the remark is passed over)
        if clause != first and names_own(sentence, at, by_clause, clause):
            return None  # …，计划完成家庭适老化改造5000户，已完成4322户，完成率86.4%: its own
        clause -= 1
        # …8.6万个，随着一批新校年底前投入使用，预计全年新增10.5万个: a remark with no amount
        # between a clause going on and its subject is passed over (as _about_span does)
        while clause > 0 and not by_clause.get(clause) and remark(sentence, cuts, clause):
            clause -= 1
        if carried_own(sentence, by_clause, clause):
            return None  # …；计划完成家庭适老化改造5000户，…: the subject carried over ； ends
    return by_clause[clause][-1]


def _goes_on(sentence: str, at: int) -> bool:
    """Whether the clause at `at` continues the one before, or gives its amount again in another
    unit (…3860.9万吨，折合772.2亿斤，增长1.8%: the rate after it is still the subject's)."""
    if sentence[at - 1 : at] in ("）", ")"):  # …70650万吨（14130亿斤），比上年增长1.6%
        return True  # nothing between the bracket and its comma: the bracket's clause decides
    if sentence[at - 1 : at] in ("、", "：", ":") and sentence[at : at + 1].isdigit():
        # …分别完成186所、243所，全省累计…: the next value of the list before; ▶新建公共充电桩：
        # 7316个: a label's value
        return True
    # …1.6万个，下一步将继续挖潜，力争全年新增2万个: a remark on what comes next is passed over
    return (
        continues(sentence, at)
        or units.restating_at(sentence, at - 1)
        or bool(NEXT_STEP.match(sentence, at))
        or bool(HANDLED.match(sentence, at))  # …60个，任务已分解到各区，截至6月底已建成32个
        or bool(speech.BY_PLACE.match(sentence, at))
    )


# a word of count after the keyword's head noun (岗位数, 食堂数量): the thing counted again
_COUNT_WORD = re.compile(r"(?:总)?(?:人?数量?|总数|总量|长度|规模)")


def _named_again(
    sentence: str, at: int, by_clause: dict[int, list[_Match]], clause: int
) -> _Match | None:
    """The last keyword before the clause at `at` when the clause opens with its head noun, or a
    word of the noun phrase after it, and a word of count (…就业岗位1.8万个，…，岗位数同比增长
    11.2%; …新增参保人员14.6万名，参保总人数2711万人; 签约居民…，签约总人数…): again."""
    earlier = [k for k in by_clause if k < clause and by_clause[k]]
    if not earlier:
        return None
    m = by_clause[max(earlier)][-1]
    lead = place_lead(sentence, at)  # (…，全市端口总量达到…: the place, then the head noun)
    at = lead.end() if lead else at
    head = sentence[m.end - 2 : m.end] if m.end - m.start >= 3 else ""
    word = sentence[at : at + 2]  # (…养老保险新增参保人员14.6万名，参保总人数…: its noun's word)
    again = word.isalpha() and word in sentence[m.end : at]
    if ((head and sentence.startswith(head, at)) or again) and _COUNT_WORD.match(sentence, at + 2):
        return m
    # 总(人)数 after a word of its name (签约总人数; not of a measure: 每千人口托位数…，托位总数)
    name = sentence[m.start : m.end]
    piece = len(name) >= 4 and sentence[at : at + 2] in name and name[-1] not in "数率比量"
    return m if piece and sentence.startswith(("总数", "总人数"), at + 2) else None


def _about_span(
    sentence: str, cuts: list[int], by_clause: dict[int, list[_Match]]
) -> tuple[int, int]:
    """From the first clause with a keyword to the end of the last clause with a subject (see
    _subject): a number elsewhere belongs to no keyword, so it need not be read at all."""
    first, last = min(by_clause), max(by_clause)
    k = last
    while k < len(cuts):
        if _goes_on(sentence, cuts[k] + 1) or _is_part(sentence, cuts[k] + 1):
            last = k + 1
        elif remark_on(sentence, cuts[k] + 1):
            pass  # (…，惠及老年人3.2万人，今年新建48个: a later clause may go on after it)
        elif any(map(str.isdigit, sentence[cuts[k] + 1 : _end(cuts, k + 1, sentence)])):
            break  # a remark without a number (…，居全国首位，其中…) is passed over
        k += 1
    for k in range(last, len(cuts)):  # …，惠及居民215万户，其中今年新开工5260个: a later part
        if _is_part(sentence, cuts[k] + 1) or SUM_CLAUSE.match(sentence, cuts[k]):
            last = k + 1  # …，合计4780公里: the sum of the parts before it
        elif dated_work(sentence, cuts[k] + 1, by_clause, k + 1):
            last = k + 1  # …，截至9月底已完工64公里: the subject's work by a date
        elif _named_again(sentence, cuts[k] + 1, by_clause, k + 1) or titled_measure(
            sentence, cuts[k] + 1, _end(cuts, k + 1, sentence), by_clause, k + 1
        ):
            last = k + 1  # …，岗位数同比增长11.2%; …，目前在保家庭达到6.3万户: counted again
        elif last == k and last > max(by_clause) and _goes_on(sentence, cuts[k] + 1):
            last = k + 1  # …，目前在保家庭达到6.3万户，今年计划再新增2000户: still going on
    if first == 0 and topic_of(sentence, cuts, by_clause) is not None:
        last = len(cuts)  # 说到停车泊位，…: every clause after the topic is about it
    while first > 0 and restated_before(sentence, cuts[first - 1]):
        first -= 1  # 对照年初定下的300万亩目标，…: a plan restated before the subject is named
    start = cuts[first - 1] + 1 if first > 0 else 0
    if first > 0 and fronted_from(sentence, cuts, by_clause) == 0:
        start = 0  # the bare figures said before their subject
    stop = cuts[last] if last < len(cuts) else len(sentence)
    return start, stop


def _end(cuts: list[int], clause: int, sentence: str) -> int:
    return cuts[clause] if clause < len(cuts) else len(sentence)


# Two amounts joined by 和 (及, 与), each before its own noun (新增1500个A和2600个B): the second
# counts the noun after it, and the first the noun between it and 和
_JOINED = re.compile(r"和|及|与|以及")
_SAME_NOUN = re.compile(r"[^0-9，,。；;、和与及]*")
_OWN_NOUN_THEN_JOINED = re.compile(
    r"[^0-9，,。；;、和与及]{2,}(?:和|与|及|以及)[约近超逾]?[0-9一二三四五六七八九十两]"
)


def _attribute(sentence: str, q: Quantity, own: list[_Match]) -> _Match | None:
    """The keyword a number belongs to, among its clause's own (`own`): the one spanning it
    (增发1万亿元国债), the nearest before it, else the first after it (发行1万亿元特别国债) unless
    that is only the people it counts and a later keyword says what they did (960万贫困人口实现
    易地搬迁)."""
    nearest: _Match | None = None  # the one ending last before the number
    for m in own:
        if m.start <= q.start and q.end <= m.end:
            return m
        if m.end <= q.start and (nearest is None or m.end > nearest.end):
            nearest = m
    after = sorted((m for m in own if q.end <= m.start), key=lambda m: m.start)
    if nearest is not None:
        # 农村老年食堂（助餐点）: the keyword in brackets glosses the one right before it
        glossed = [g for g in own if g.end == gloss_end(sentence, nearest.start)]
        nearest = next((g for g in glossed if g.targets == nearest.targets), nearest)
        joined = _JOINED.fullmatch(sentence, nearest.end, q.start) and after
        # 新增1500个A托位和【2600个】B托位: an amount after 和 counts the noun after it
        return (
            after[0]
            if joined and _SAME_NOUN.fullmatch(sentence, q.end, after[0].start)
            else nearest
        )
    if after:
        first = after[0]
        if _OWN_NOUN_THEN_JOINED.match(sentence, q.end, first.start):
            return None  # 新建【800个】换电站和2300个充电桩: the amount counts its own noun
        if first.start == q.end and _PREDICATE.match(sentence, first.end):
            for later in after[1:]:
                if later.targets != first.targets:
                    return later
        return first
    return None
