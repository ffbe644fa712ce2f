"""The figures an article gives for watched targets: sentences naming a target, each number tied
to the right target, with kind (pledge/achieved/mention), scope, qualifier and period.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from itertools import accumulate, count
from operator import add, attrgetter
from typing import NamedTuple

from monitor.figures import units
from monitor.figures.numeral_reader import frozen
from monitor.figures.numerals import find_quantities, may_hold_quantities
from monitor.models import Figure, FigureKind, FigureScope, Quantity, Target

_END_CHARS = "。！？；!?;\n"  # what ends a sentence
_CLAUSE = re.compile(r"[，,、：:（）()]")
_MAX_SENTENCE = 10_000  # longer is not a sentence (find_quantities reads none either)
_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it

# Cues, read in the clause first and then in the sentence (see _kind for the order).
# In these patterns every alternative starts with a letter and any look-behind comes after it
# (去年(?<![比]去年) is (?<!比)去年): re then jumps from one possible first letter to the next
# instead of trying every alternative at every place, ten times faster on a long sentence.
_ACHIEVED = re.compile(
    r"已|累计|截至|截止|目前|至今|去年(?<![比较同环从由]去年)|上年(?<![比较同环从由]上年)|过去|以来"
    r"|刚刚过去|五年来|一年来|上一年|超额完成"
)
# A target beaten or met is a result (超过全年预期目标, 落户目标顺利实现); read only where 目标 is.
_TARGET_MET = re.compile(
    r"超过[^，,。；]{0,8}目标|目标(?:任务)?(?:顺利|全面|如期|圆满|胜利|较好)(?:实现|完成)"
)
_PLEDGE = re.compile(
    r"将(?!近)|计划|力争|目标(?<!全年主要目标)|预(?<![于出合]预)期|确保"
    r"|要(?<![主重需只必不纲]要)(?![求素点闻])|拟|争取|预计|今(?<!前今)年(?!以来)|明年"
    r"|再(?=[减建新增完开投])|部署|工作任务|建议"
)
# 把涨幅控制在3%左右: an aim, not a result; read only where 把 is.
_AIM = re.compile(r"把[^，,。；]{1,16}(?:控制|定|保持|稳定)在")
_DONE = re.compile(
    r"建成|完成|达到|实现|竣工|验收|交付|开通|投用|投入使用|创历史新高|首次|保持在|稳定在"
)
_CUMULATIVE = re.compile(
    r"累计|共计|共有|共建|总计|合计|总数|总量|达到|累积|保有|现有|已有|拥有|全市共"
)
_RATE_WORDS = re.compile(r"比例|比重|占比|率|增长|增速|增幅|涨幅")
# A number after these is a reference to another value, not the figure itself.
_REFERENCE = re.compile(
    r"比(?<![同环占对无]比)(?![例重率])|较(?:上年|去年|上月|同期|[12][0-9]{3})"
    r"|相比|高于|低于|原定|原计划|预定"
)
# A clause that starts with these continues the previous clause's subject (…，增长6.1%).
_CONTINUE_WHEN = r"近?[五十]年|过去[一五]年|[0-9]+年"
_CONTINUE_HOW = (
    "同比|环比|比上年|比去年|年均|全年|今年|其中|并|且|已|已经|累计|共|将|计划|预计|力争|再|先|还|又"
    "|同时|拟|要|基本|新"
)
_CONTINUE_VERB = (
    "增长|增加|减少|下降|降低|提高|上涨|上升|达到|达|超过|突破|总量|规模|总额|总数|增速|增幅|涨幅"
    "|累计|共计|合计|建成|完成|新增|新建|建设|验收|开工|竣工|实现|为|约|近|保持|稳定在|控制在|提升|降至|升至"
    "|降到|升到|分别|发行|安排|下达|建(?!议)|改造|打造|培育|筹集"
)
_CONTINUES = re.compile(
    # the letters a continuation can start with, looked at first: most clauses fail there
    "(?=[近五十过0-9"
    + "".join(sorted({word[0] for word in f"{_CONTINUE_HOW}|{_CONTINUE_VERB}".split("|")}))
    + f"])(?:{_CONTINUE_WHEN})?(?:{_CONTINUE_HOW})*(?:{_CONTINUE_VERB})"
)
_CHANGE = re.compile(r"(?:比[^，,、]{1,6})?(?:增加|减少|多|少)")
_CUT = re.compile(r"减|降|节约|节省")
_PREDICATE = re.compile(r"(?:全部|已|均|都)?(?:实现|通过|完成|参加|纳入)")
_SHARE_OF = ("占", "相当于", "单位")  # 占国内生产总值比重, 单位国内生产总值用水量
_SHARE_NEXT = frozenset("中的比之占")
_SHARE_AFTER = re.compile(r"中?的?(?:比重|比例|之比|占比)")  # 在国内生产总值中的比重
# 城镇居民人均可支配收入, 农村居民消费价格: one group's figure, not the residents' as a whole
_PART_OF_RESIDENTS = ("城镇", "农村")
_LAST_YEAR = re.compile(r"去年(?<![比较同从由]去年)|上年(?<![比较同从由]上年)")
_FROM = re.compile(r"[从由][^，,。；0-9]{0,4}$")
_YEAR = re.compile(  # (?<![0-9])((?:19|20)[0-9]{2})年, the look-behind after the first letter
    r"((?:1(?<![0-9]1)9|2(?<![0-9]2)0)[0-9]{2})年(?:度)?(上半年|下半年|一季度|前三季度)?"
)
_HALF = {"上半年": "H1", "下半年": "H2", "一季度": "Q1", "前三季度": "Q1-Q3"}
_PLAN = re.compile(r"“?(十[一二三四五六七八九]|[一二三四五六七八九])五”?(?:规划|时期|期间)")
_FRAME_HEAD = re.compile(  # ——, 一、, 一是, （一）: what may precede an opening time phrase
    r"(?:[\s—－]+|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[）)])*"
)
_FRAME_PAST = re.compile(r"过去一年|一年来|过去五年|五年来|去年|上年|刚刚过去|今年以来")
_FRAME_NOW = re.compile(r"今年(?!以来)|明年")
# Every way the frames above can open, in one pattern: a quick test before reading them.
_FRAME_OPENS = re.compile(
    r"过去|一年来|五年来|去年|上年|刚刚过去|今年|明年|“?十?[一二三四五六七八九]五|(?:19|20)[0-9]{2}年"
)

# The letters a sentence opening a frame can start with: a space (bounds() skips it; every one
# str.isspace knows is below U+3001), those _FRAME_HEAD starts with (—, 一、, （一）) and those
# _FRAME_OPENS does (去年, 2019年), but for “, which opens one only before _PLAN_NTH (“十四五”).
# Not a line break: a sentence starting with one is only that (after a full stop), a blank.
_SPACES = frozenset(filter(str.isspace, map(chr, range(0x3001)))) - {"\n"}
_MAY_OPEN = _SPACES | frozenset("—－（(一二三四五六七八九十" + "过去上刚今明12")
_PLAN_NTH = "十一二三四五六七八九"


class _Match(NamedTuple):
    start: int
    end: int
    targets: tuple[Target, ...]


_match_start = attrgetter("start")  # read in C: no generator or lambda for each number


class _Read(NamedTuple):
    """A sentence naming targets, read up to its numbers."""

    at: int  # its place among the article's sentences
    text: str
    targets: list[Target]  # those it is about
    cuts: list[int]  # where its clauses break (at a ，、：…)
    by_clause: dict[int, list[_Match]]  # its keywords, by clause
    quantities: list[Quantity]  # the numbers in clauses a keyword is the subject of


def find_figures(
    text: str, targets: Sequence[Target], *, published: date | None = None
) -> list[Figure]:
    """Every figure `text` gives for one of `targets`, in reading order.

    A sentence counts for a target when it holds one of its keywords, none of its `exclude`
    words and, if the target names regions, a region word in the sentence, its paragraph or
    the article's lead. `published` anchors 今年, 去年 and 过去五年 to years.
    """
    if not text or not targets:
        return []
    first: list[tuple[Target, str, int]] = []  # each keyword's first place in the text
    plan = _plan(targets)
    for target, part in plan.words:
        pos = text.find(part)
        if pos >= 0:
            first.append((target, part, pos))
    if not first:
        return []
    ends = _sentence_ends(text)
    reader = _Article(text, ends, published, plan.plain)
    wanted: dict[int, list[Target]] = {}
    for target, part, pos in first:
        while pos >= 0:
            index = bisect_right(ends, pos)
            bucket = wanted.setdefault(index, [])
            if target not in bucket:
                bucket.append(target)
            pos = text.find(part, ends[index] if index < len(ends) else len(text))
    # Every sentence is read first, then their figures are made: each step's code runs for all
    # sentences back to back, which is quicker than taking one sentence through both in turn.
    read = [r for i in sorted(wanted) if (r := reader.read(i, wanted[i])) is not None]
    figures: list[Figure] = []
    for r in read:
        figures.extend(reader.figures(r))
    return figures


class _Plan(NamedTuple):
    """What find_figures looks for, the same for every article of a pass."""

    words: list[tuple[Target, str]]  # each target with the first part of each of its keywords
    plain: bool  # no target has exclude or region words: a sentence naming one is about it


# Plans by the identity of a tuple of targets: a pass reads every article for the same targets,
# and a reading worker is given them once, as a tuple (see reading.py).
_PLANS: dict[int, tuple[Sequence[Target], _Plan]] = {}


def _plan(targets: Sequence[Target]) -> _Plan:
    kept = _PLANS.get(id(targets))
    if kept is not None and kept[0] is targets:
        return kept[1]
    plan = _Plan(
        words=[(t, part) for t in targets for part in _first_parts(tuple(t.keywords))],
        plain=not any(t.exclude or t.region for t in targets),
    )
    if isinstance(targets, tuple):  # a list may change from one call to the next
        if len(_PLANS) >= 8:
            _PLANS.clear()
        _PLANS[id(targets)] = (targets, plan)
    return plan


def _first_part(keyword: str) -> str:
    return keyword.split("…", 1)[0]


@lru_cache(maxsize=4096)
def _first_parts(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct, non-empty first parts of a target's keywords, in order."""
    return tuple(dict.fromkeys(p for p in map(_first_part, keywords) if p))


@lru_cache(maxsize=4096)
def _parts(keyword: str) -> tuple[str, ...]:
    """A keyword's parts: 增发…国债 is 增发 and 国债."""
    return tuple(p for p in keyword.split("…") if p)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence ends (after its 。, ！, ；, newline…); the last ends with the text."""
    ends: list[int] = []
    for ch in _END_CHARS:
        if ch in text:  # the offsets after each `ch`, from the lengths of the pieces between
            pieces = text.split(ch)
            pieces.pop()
            ends.extend(map(add, accumulate(map(len, pieces)), count(1)))
    ends.sort()
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return ends


class _Article:
    """One article split into sentences, with the time frame each sentence is read in."""

    def __init__(self, text: str, ends: list[int], published: date | None, plain: bool) -> None:
        self.text = text
        self.ends = ends
        self.published = published
        self.plain = plain  # no target has exclude or region words
        self._frames: dict[int, tuple[FigureKind | None, str | None]] = {}  # by sentence asked
        self._cues: dict[int, FigureKind | None] = {}  # what each sentence's words say, by index
        self._years: dict[int, FigureKind | None] = {}  # what the year each one names says

    def bounds(self, index: int) -> tuple[int, int]:
        start = self.ends[index - 1] if index > 0 else 0
        end = self.ends[index]
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def read(self, index: int, candidates: list[Target]) -> _Read | None:
        """The sentence at `index` read up to its numbers, if it may give a figure for one of
        `candidates` (the targets whose keyword it holds)."""
        s0, s1 = self.bounds(index)
        if s1 - s0 > _MAX_SENTENCE:
            return None  # not a sentence: a table, a dump or an attack
        sentence = self.text[s0:s1]
        if not may_hold_quantities(sentence):
            return None  # a sentence naming a target without a number in it: a common one
        if self.plain:
            targets = candidates  # a sentence naming one of them is about it
        else:
            targets = [t for t in candidates if self._about(t, sentence, s0)]
        matches = _keyword_matches(sentence, targets) if targets else []
        if not matches:
            return None
        cuts = list(map(re.Match.start, _CLAUSE.finditer(sentence)))
        by_clause: dict[int, list[_Match]] = {}
        for m in matches:
            by_clause.setdefault(bisect_right(cuts, m.start), []).append(m)
        quantities = find_quantities(sentence, *_about_span(sentence, cuts, by_clause))
        if not quantities:
            return None
        return _Read(index, sentence, targets, cuts, by_clause, quantities)

    def figures(self, read: _Read) -> list[Figure]:
        """The figures a read sentence gives: each number tied to the targets of its keyword."""
        sentence, cuts = read.text, read.cuts
        seen, whole_part = self._total_before(read)
        given: set[str] = set()  # targets this sentence has already given a figure for
        when: dict[int, tuple[FigureKind, str | None]] = {}  # kind and period, by clause
        figures: list[Figure] = []
        for q in read.quantities:
            clause = bisect_right(cuts, q.start)
            c0 = cuts[clause - 1] + 1 if clause > 0 else 0
            c1 = cuts[clause] if clause < len(cuts) else len(sentence)
            own = read.by_clause.get(clause, [])
            # a clause without a keyword of its own may continue the previous clause's subject
            if own:
                match = _attribute(sentence, q, own)
            else:
                match = _subject(sentence, cuts, read.by_clause, clause)
            if match is None or _is_reference(sentence, c0, c1, q, match):
                continue
            after_breakdown = whole_part or sentence.rfind("其中", 0, q.start) >= 0
            change = not own and q.unit != "%" and bool(_CHANGE.match(sentence, c0))
            # 551万农村贫困人口: a bare number right before the keyword counts its subject
            counted = match.start == q.end or q.end in map(_match_start, own)
            after = "" if counted else sentence[q.end : q.end + 1]
            for target in match.targets:
                if after_breakdown and target.id in seen:
                    continue  # 其中…: a part of a total already reported for this target
                if change and target.id in given:
                    continue  # 改造580万套，增加110万套: the rise over last year, not the figure
                quantity = _fit_unit(q, target, after)
                if quantity is None:
                    continue
                seen.add(target.id)
                given.add(target.id)
                if clause not in when:
                    when[clause] = self._when(sentence, c0, c1, read.at)
                kind, period = when[clause]
                figures.append(
                    frozen(
                        Figure,
                        target_id=target.id,
                        quantity=quantity,
                        kind=kind,
                        scope=_scope(sentence[c0:c1], quantity),
                        sentence=sentence,
                        start=q.start,
                        end=q.end,
                        period=period,
                    )
                )
        return figures

    def _total_before(self, read: _Read) -> tuple[set[str], bool]:
        """For a sentence breaking down a total an earlier one gave (其中，…): the targets that
        one named, and whether this whole sentence is among the parts; else none and False."""
        breakdown = self._breakdown(read.at)
        if breakdown is None:
            return set(), False
        p0, p1 = self.bounds(breakdown)
        before = self.text[p0:p1]
        seen = {t.id for t in read.targets if any(_first_part(k) in before for k in t.keywords)}
        return seen, not read.text.startswith("其中")

    def _when(self, sentence: str, c0: int, c1: int, index: int) -> tuple[FigureKind, str | None]:
        """The kind and period of the figures in the clause sentence[c0:c1]."""
        clause = sentence[c0:c1]
        kind = self._kind(sentence, clause, index)
        period = (
            _period(clause, self.published)
            or _period(sentence[:c1], self.published)
            or self.frame(index)[1]
        )
        if kind == "mention" and _ended(period, self.published):
            kind = "achieved"  # 上半年新增6000个, read in July: a result, not a plan
        return kind, period

    def _breakdown(self, index: int) -> int | None:
        """The sentence whose total this one breaks down: the one before a 其中 sentence, also
        for the parts after it up to the full stop (其中，中央…；地方…)."""
        k = index
        while k > 0 and index - k < 8:
            start = self.ends[k - 1]
            if self.text[start : start + 8].lstrip().startswith("其中"):
                return k - 1
            if self.text[start - 1] not in "；;":
                return None
            k -= 1
        return None

    def _about(self, target: Target, sentence: str, s0: int) -> bool:
        if any(word and word in sentence for word in target.exclude):
            return False
        if not target.region:
            return True
        if any(word in sentence for word in target.region):
            return True
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s0)
        paragraph = self.text[p0 : p1 if p1 >= 0 else len(self.text)]
        lead = self.text[:_LEAD]
        return any(word in paragraph or word in lead for word in target.region)

    def _kind(self, sentence: str, clause: str, index: int) -> FigureKind:
        cue = _cue(clause)
        if cue is None and clause != sentence:
            if index not in self._cues:
                self._cues[index] = _cue(sentence)
            cue = self._cues[index]
        if cue is not None:
            return cue
        if index not in self._years:  # once a sentence, not once a clause
            self._years[index] = self._year_kind(sentence)
        said = self._years[index]
        if said is not None:
            return said
        frame = self.frame(index)[0]
        if frame is not None:
            return frame
        if _DONE.search(clause):
            return "achieved"
        return "mention"

    def _year_kind(self, sentence: str) -> FigureKind | None:
        """A past year named in the sentence makes a result, a coming one a plan."""
        year = _YEAR.search(sentence) if "年" in sentence else None
        if year and self.published:
            y = int(year.group(1))
            if y < self.published.year:
                return "achieved"
            if y > self.published.year:
                return "pledge"
        return None

    def frame(self, index: int) -> tuple[FigureKind | None, str | None]:
        """The kind and period set by the nearest sentence at or before `index` that opens with
        a time phrase (过去五年, 去年, 今年, 2019年…): a report's review or its plan."""
        frames, text, ends = self._frames, self.text, self.ends
        found: tuple[FigureKind | None, str | None] = (None, None)
        i = index
        while i >= 0:
            if i in frames:  # asked before: its frame holds here, none opening in between
                found = frames[i]
                break
            # most sentences start with a letter no frame opens with: no need to read them
            start = ends[i - 1] if i > 0 else 0
            first = text[start]
            if first in _MAY_OPEN or (first == "“" and text[start + 1 : start + 2] in _PLAN_NTH):
                own = self._own_frame(i)
                if own is not None:
                    found = own
                    break
            i -= 1
        frames[index] = found
        return found

    def _own_frame(self, index: int) -> tuple[FigureKind | None, str | None] | None:
        s0, s1 = self.bounds(index)
        if s0 == s1:
            return None  # the blank between a full stop and a line break opens nothing
        head = _FRAME_HEAD.match(self.text, s0)
        h = head.end() if head else s0
        if not _FRAME_OPENS.match(self.text, h, s1):
            return None  # most sentences: no time phrase up front, so no need to read further
        opening = self.text[h : min(s1, h + 12)]
        sentence = self.text[h:s1]
        period = _period(opening, self.published)
        if _FRAME_PAST.match(opening):
            return "achieved", period
        plan = _PLAN.match(opening)
        if plan and self.published and period:
            first, last = (int(y) for y in period.split("-"))
            if last < self.published.year:
                return "achieved", period
            if first >= self.published.year:
                return "pledge", period
        year = _YEAR.match(opening)
        if year and self.published:
            y = int(year.group(1))
            if y < self.published.year:
                return "achieved", period
            if y > self.published.year:
                return "pledge", period
        if _FRAME_NOW.match(opening) or year:
            # this year, opening a sentence: a plan unless the sentence reports a result
            if _achieved(sentence) or (_DONE.search(sentence) and not _pledged(sentence)):
                return "achieved", period
            return "pledge", period
        return None


def _cue(text: str) -> FigureKind | None:
    """What the words of `text` say the figure is, if they do: achieved before pledge."""
    if _ACHIEVED.search(text) or ("目标" in text and _TARGET_MET.search(text)):
        return "achieved"
    if _PLEDGE.search(text) or ("把" in text and _AIM.search(text)):
        return "pledge"
    return None


def _achieved(text: str) -> bool:
    return bool(_ACHIEVED.search(text) or ("目标" in text and _TARGET_MET.search(text)))


def _pledged(text: str) -> bool:
    return bool(_PLEDGE.search(text) or ("把" in text and _AIM.search(text)))


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
        if sentence.endswith(_SHARE_OF, 0, a) or (
            sentence[b : b + 1] in _SHARE_NEXT and _SHARE_AFTER.match(sentence, b)
        ):
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
    while pos >= 0:
        out.append((pos, pos + len(keyword)))
        pos = sentence.find(keyword, pos + 1)
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
    while not by_clause.get(clause):
        if clause == 0 or not _CONTINUES.match(sentence, cuts[clause - 1] + 1):
            return None
        clause -= 1
    return by_clause[clause][-1]


def _about_span(
    sentence: str, cuts: list[int], by_clause: dict[int, list[_Match]]
) -> tuple[int, int]:
    """From the first clause with a keyword to the end of the last clause with a subject (see
    _subject): a number elsewhere belongs to no keyword, so it need not be read at all."""
    first, last = min(by_clause), max(by_clause)
    while last < len(cuts) and _CONTINUES.match(sentence, cuts[last] + 1):
        last += 1
    start = cuts[first - 1] + 1 if first > 0 else 0
    stop = cuts[last] if last < len(cuts) else len(sentence)
    return start, stop


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
    if nearest is not None:
        return nearest
    after = sorted((m for m in own if q.end <= m.start), key=lambda m: m.start)
    if after:
        first = after[0]
        if first.start == q.end and _PREDICATE.match(sentence, first.end):
            for later in after[1:]:
                if later.targets != first.targets:
                    return later
        return first
    return None


def _is_reference(sentence: str, c0: int, c1: int, q: Quantity, match: _Match) -> bool:
    """比去年增加5500亿元, 从54万亿元增加到…, 超过原定的近2万亿元: the number is a difference or
    a starting point, not the figure. A growth rate after 比上年 is still the figure, and so is
    a cut named between the reference and the number (比改革前减轻企业负担5000亿元): a cut is
    always measured from a baseline."""
    if q.unit == "百分点":
        return True
    head = sentence[c0 : q.start]
    refs = list(_REFERENCE.finditer(head)) if _REFERENCE.search(head) else []  # mostly none
    if refs and not (q.unit == "%" and refs[-1].group().startswith(("比", "较"))):
        cut = c0 + refs[-1].end() <= match.start < q.start and bool(
            _CUT.search(sentence, c0 + refs[-1].end(), match.end)
        )
        if not cut:
            return True
    tail = sentence[q.end : c1]
    return ("到" in tail or "至" in tail) and bool(_FROM.search(head))


def _fit_unit(q: Quantity, target: Target, after: str) -> Quantity | None:
    """The quantity if its unit is the target's (万套 is 套, 吨 is a mass like 斤); a bare number
    takes the target's unit unless a noun follows it (8000万纳税人 counts taxpayers)."""
    want = units.normalise(target.unit)
    if want is None:
        return q
    have = units.normalise(q.unit)
    if have == want or (have and units.convert(q.value, have, want) is not None):
        return q
    if have is None and want not in {"%", "百分点", "倍", "‰"} and not _is_han(after):
        return replace(q, unit=want)
    return None


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _scope(clause: str, q: Quantity) -> FigureScope:
    if q.unit in {"%", "‰", "百分点"} or (q.unit is None and _RATE_WORDS.search(clause)):
        return "rate"
    if _CUMULATIVE.search(clause):
        return "cumulative"
    return "new"


def _period(text: str, published: date | None) -> str | None:
    """The period a sentence speaks of: 2024, 2024H1, 2016-2020 (十三五 or 过去五年)."""
    if not text or ("年" not in text and "五" not in text):
        return None  # every period below is written with 年, or is a plan (十三五)
    years = list(_YEAR.finditer(text)) if "年" in text else []
    if years:
        last = years[-1]
        return last.group(1) + _HALF.get(last.group(2) or "", "")
    plan = _PLAN.search(text)
    if plan:
        n = _plan_number(plan.group(1))
        first = 1953 + 5 * (n - 1) if n < 3 else 1966 + 5 * (n - 3)  # 1963-65 was no plan
        return f"{first}-{first + 4}"
    if published is None:
        return None
    y = published.year
    if "过去五年" in text or "五年来" in text:
        return f"{y - 5}-{y - 1}"
    half = "H1" if "上半年" in text else "H2" if "下半年" in text else ""
    if _LAST_YEAR.search(text) or "过去一年" in text or "一年来" in text:
        return f"{y - 1}{half}"
    if "今年" in text or half:
        return f"{y}{half}"
    if "明年" in text:
        return str(y + 1)
    return None


def _ended(period: str | None, published: date | None) -> bool:
    """Whether the period (2024, 2024H1, 2016-2020) was over when the article appeared."""
    if not period or published is None:
        return False
    last = period.rpartition("-")[2]
    if not last[:4].isdigit():
        return False
    year = int(last[:4])
    end = date(year, 6, 30) if last.endswith("H1") else date(year, 12, 31)
    return end < published


def _plan_number(word: str) -> int:
    digits = "一二三四五六七八九"
    if word.startswith("十"):
        return 10 + (digits.index(word[1]) + 1 if len(word) > 1 else 0)
    return digits.index(word) + 1
