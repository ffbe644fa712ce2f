"""The figures an article gives for watched targets: sentences naming a target, each number tied
to the right target, with kind (pledge/achieved/mention), scope, qualifier and period. Which
target a number is about is in attribution.py; the words that give kind and period in cues.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from itertools import accumulate, count
from operator import add
from typing import NamedTuple

from monitor.figures import units
from monitor.figures.attribution import (
    _about_span,
    _attribute,
    _first_part,
    _fit_unit,
    _is_reference,
    _keyword_matches,
    _Match,
    _match_start,
    _plan,
    _subject,
    counts_other,
)
from monitor.figures.cues import (
    _CHANGE,
    _CLAUSE,
    _DONE,
    _FRAME_HEAD,
    _FRAME_NOW,
    _FRAME_OPENS,
    _FRAME_PAST,
    _MAY_OPEN,
    _PLAN,
    _PLAN_NTH,
    _YEAR,
    _achieved,
    _cue,
    _ended,
    _period,
    _pledged,
)
from monitor.figures.measures import (
    _PART_OF_YEAR,
    is_fall,
    percent_measure,
    scope_of,
    under_way,
)
from monitor.figures.numeral_reader import frozen
from monitor.figures.numerals import find_quantities, may_hold_quantities
from monitor.figures.places import is_national, mentions, speaks_for
from monitor.models import Figure, FigureKind, Quantity, Target

_END_CHARS = "。！？；!?;\n"  # what ends a sentence
_MAX_SENTENCE = 10_000  # longer is not a sentence (find_quantities reads none either)
_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it
_RATE_UNITS = frozenset({"%", "‰", "百分点"})
# 力争完成年度任务的100% is a pledge; 完成年度计划的77% is progress
_PLEDGED_SHARE = re.compile(
    r"(?:力争|确保|争取|将|计划|目标是|要)[^，,。；]{0,4}(?:完成|实现|达到)"
)
# 204万套（间）的任务, 5万套的年度目标: the number is the size of the plan
_TASK_AFTER = re.compile(
    r"(?:（[^）]{1,4}）|\([^)]{1,4}\))?(?:的(?:年度|全年)?(?:建设|改造)?(?:目标)?任务|的(?:年度)?目标|的计划)"
)
_SHORT_ASIDE = 4  # （间）, (户): a note on the unit, not a clause of its own


def _clause_cuts(sentence: str) -> list[int]:
    """Where the sentence's clauses break (at ，、：and brackets), but for a short bracketed
    note on a unit (204万套（间）的任务…), which leaves the clause whole."""
    cuts = list(map(re.Match.start, _CLAUSE.finditer(sentence)))
    if "（" not in sentence and "(" not in sentence:
        return cuts
    kept: list[int] = []
    skip = -1
    for i, at in enumerate(cuts):
        if at <= skip:
            continue
        closing = cuts[i + 1] if i + 1 < len(cuts) else -1
        short = 0 < closing - at - 1 <= _SHORT_ASIDE
        if short and sentence[at] in "（(" and sentence[closing] in "）)":
            skip = closing
            continue
        kept.append(at)
    return kept


_THIS_YEAR = re.compile(r"今年|明年|全年|年度")
_FRAME_NEXT = re.compile(r"明年")
_PLAN_SEASON_ENDS = 3  # the month by which a year's work reports and plans are published
# what a clause reporting work says it did (新建, 筹集, 开工 …), when no cue says when
_DOING = re.compile(r"新建|新增|新开工|开工|筹集|改造|发行|建设|增至|突破|超过|达|提供|有")
_BY_YEAR = re.compile(r"(?:到|至)((?:19|20)[0-9]{2})年")


def _coming_year(clause: str, now: int) -> bool:
    """到2025年 naming this or a later year: a goal for then (not 截至2025年, a date passed)."""
    found = _BY_YEAR.search(clause) if "年" in clause else None
    return bool(
        found and int(found.group(1)) >= now and clause[found.start() - 1 : found.start()] != "截"
    )


class _Read(NamedTuple):
    """A sentence naming targets, read up to its numbers."""

    at: int  # its place among the article's sentences
    s0: int  # where it starts in the article
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
        cuts = _clause_cuts(sentence)
        by_clause: dict[int, list[_Match]] = {}
        for m in matches:
            by_clause.setdefault(bisect_right(cuts, m.start), []).append(m)
        quantities = find_quantities(sentence, *_about_span(sentence, cuts, by_clause))
        if not quantities:
            return None
        return _Read(index, s0, sentence, targets, cuts, by_clause, quantities)

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
            if not own and "“" in sentence[c0 : q.start]:
                continue  # …，累计开办“爱心托管班”1.9万个: a clause naming its own thing
            after_breakdown = whole_part or sentence.rfind("其中", 0, q.start) >= 0
            change = not own and q.unit != "%" and bool(_CHANGE.match(sentence, c0))
            # 551万农村贫困人口: a bare number right before the keyword counts its subject
            counted = match.start == q.end or q.end in map(_match_start, own)
            after = "" if counted else sentence[q.end : q.end + 1]
            head = sentence[c0 : q.start]
            task = bool(_TASK_AFTER.match(sentence, q.end))  # 204万套的任务: the plan's size
            for target in match.targets:
                if counts_other(sentence, q, target):
                    continue  # 210个试点地区, 覆盖534个社区: a count of another noun
                if after_breakdown and target.id in seen:
                    continue  # 其中…: a part of a total already reported for this target
                if change and target.id in given:
                    continue  # 改造580万套，增加110万套: the rise over last year, not the figure
                measure = None
                if q.unit == "%" and units.normalise(target.unit) not in _RATE_UNITS:
                    # a count target's own %: progress toward its pledge, or its growth
                    measure = percent_measure(head)
                    if measure is None:
                        continue  # 占移动基站总数26.9%: a share of something else
                    quantity: Quantity | None = q
                else:
                    quantity = _fit_unit(q, target, after)
                if quantity is None:
                    continue
                if target.region and not self._speaks_for(target, sentence, read.s0, q.start):
                    continue  # 在福州，…: another region's figure
                seen.add(target.id)
                given.add(target.id)
                if clause not in when:
                    when[clause] = self._when(sentence, c0, c1, read.at)
                kind, period = when[clause]
                if measure == "share_of_pledge" and not _PLEDGED_SHARE.search(head):
                    kind = "achieved"  # 完成年度任务的83%: progress so far
                elif task and measure is None:
                    kind = "pledge"
                scope = measure or scope_of(sentence, c0, c1, quantity)
                fall = scope == "rate" and is_fall(head)
                figures.append(
                    frozen(
                        Figure,
                        target_id=target.id,
                        quantity=quantity,
                        kind=kind,
                        scope=scope,
                        sentence=sentence,
                        start=q.start,
                        end=q.end,
                        period=period,
                        direction="down" if fall else None,
                    )
                )
        return figures

    def _speaks_for(self, target: Target, sentence: str, s0: int, at: int) -> bool:
        """Whether the number at `at` in the sentence speaks for the target's region: the last
        region word before it decides (在福州，…), else one later in the sentence; for a regional
        target also the paragraph before it and the article's lead."""
        regions = target.region
        said = speaks_for(mentions(sentence, regions, 0, at), regions)
        if said is None:
            found = mentions(sentence, regions, at)
            said = speaks_for(found[:1], regions)
        if said is None and is_national(regions):
            # a sentence naming no place: a national figure. An earlier sentence's place is
            # as often a speaker's or a meeting's as the subject's, so it does not carry over.
            return True
        if said is None:
            p0 = self.text.rfind("\n", 0, s0) + 1
            said = speaks_for(mentions(self.text, regions, p0, s0), regions)
        if said is None:
            said = speaks_for(mentions(self.text[:_LEAD], regions)[:1], regions)
        return is_national(regions) if said is None else said

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
        if not target.region or is_national(target.region):
            return True  # a national target speaks for wherever no other place is named
        if any(word in sentence for word in target.region):
            return True
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s0)
        paragraph = self.text[p0 : p1 if p1 >= 0 else len(self.text)]
        lead = self.text[:_LEAD]
        return any(word in paragraph or word in lead for word in target.region)

    def _kind(self, sentence: str, clause: str, index: int) -> FigureKind:
        if self.published and _coming_year(clause, self.published.year):
            return "pledge"  # 到2025年…达到4.5个
        cue = _cue(clause)
        # 1—10月份, 前三季度, 截至7月底: the period is under way; a bare 今年 does not make it
        # a plan (截至7月底，各地今年新开工…4.22万个)
        weak = cue is None or _cue(_THIS_YEAR.sub("", clause)) is None
        if cue != "achieved" and weak and under_way(sentence, self.published):
            cue = "achieved"
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
        if "今年" in sentence and not self._past_plan_season():
            return "pledge"  # 今年新建X in the plan season: what the year is to bring
        if _PART_OF_YEAR.search(sentence) and not under_way(sentence, self.published):
            return "mention"  # 上半年新增6000个, read in March: neither plan nor result yet
        if _DONE.search(clause) or _DOING.search(clause):
            # a clause that does something, with no word of the future: news reports results
            return "achieved"
        return "mention"

    def _past_plan_season(self) -> bool:
        """Whether the year's plans are out when the article appeared: work reports and plans
        come by March; after that, 今年新建X with no word of the future reports what was done."""
        return self.published is not None and self.published.month > _PLAN_SEASON_ENDS

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
            # this year, opening a sentence: a plan unless the sentence reports a result, or
            # says nothing of the future once the year's plans are out (published after March)
            if _achieved(sentence):
                return "achieved", period
            if _pledged(sentence) or _FRAME_NEXT.match(opening) or not self._past_plan_season():
                return "pledge", period
            return "achieved", period
        return None
