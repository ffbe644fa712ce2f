"""The figures an article gives for watched targets: sentences naming a target, each number tied
to the right target, with kind (pledge/achieved/mention), scope, qualifier and period. Which
target a number is about is in attribution.py; the words that give kind and period in cues.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from itertools import accumulate, count
from operator import add
from typing import NamedTuple

from monitor.figures import lists, units
from monitor.figures.attribution import (
    _NUMBER_START,
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
    continues,
    counts_other,
)
from monitor.figures.cues import (
    _ACHIEVED,
    _CHANGE,
    _CLAUSE,
    _PLEDGE,
)
from monitor.figures.frames import Frames
from monitor.figures.measures import (
    is_fall,
    percent_measure,
    scope_of,
    stage_before,
    stage_of,
)
from monitor.figures.numeral_reader import frozen
from monitor.figures.numerals import find_quantities, may_hold_quantities
from monitor.figures.places import is_national, mentions, speaks_for
from monitor.models import Figure, FigureKind, FigureScope, Quantity, Seen, Target

_END_CHARS = "。！？；!?;\n"  # what ends a sentence
_MAX_SENTENCE = 10_000  # longer is not a sentence (find_quantities reads none either)
_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it
_RATE_UNITS = frozenset({"%", "‰", "百分点"})
_CLAUSE_END = re.compile(r"[，,；;。]")
# a quoted name in a clause: a thing of its own (“爱心托管班”), but not a plan's (“十三五”)
_NAMED = re.compile(r"“(?!十?[一二三四五六七八九]五”)[^”]{2,}”")
_KIND_WORDS = {  # the words shown as what made a figure's kind (`try --explain`)
    "achieved": re.compile(
        _ACHIEVED.pattern
        + r"|[0-9一二三四五六七八九十]+\s*[—\-–至]\s*[0-9一二三四五六七八九十]+月"
        + r"|前[一二三]季度|上半年"
    ),
    "pledge": re.compile(_PLEDGE.pattern + r"|到(?:19|20)[0-9]{2}年|的(?:年度)?(?:目标)?任务"),
}
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


def _other_period(target: Target, period: str | None, scope: FigureScope) -> str | None:
    """Why a figure of another period than the pledge's is not this target's (2023 for a pledge
    announced in 2024; next year's plan), or None. The pledge's period runs from the year it was
    announced to its deadline."""
    pledge = target.pledge
    if pledge is None or pledge.by is None or not period or pledge.scope != "new":
        return None
    if pledge.announced is None:
        return None  # a pledge whose start is unknown may be any year's (全国城镇新增就业（年度）)
    start, end = pledge.announced.year, pledge.by.year
    years = _years_of(period)
    if years is None:
        return None
    first, last = years
    if last < start or (first > end and scope != "cumulative"):
        return f"another period ({period}) than the pledge's ({start}-{end})"
    return None


def _years_of(period: str) -> tuple[int, int] | None:
    """The first and last year of a period as the reader writes it: 2024, 2024H1, 2016-2020."""
    parts = [p[:4] for p in period.split("-")]
    if not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[-1])


def _as_percent(q: Quantity) -> Quantity | None:
    """The number as a percentage if it is one: 83%, or a fraction (三分之一 → 33.3…%)."""
    if q.unit == "%":
        return q
    if q.unit is None and "分之" in q.surface and 0 < q.value <= 1:
        return frozen(Quantity, **{**q.__dict__, "value": q.value * 100, "unit": "%"})
    return None


def _excluded(target: Target, *clauses: str) -> str | None:
    """The target's exclude word in the number's clause or its keyword's, if one is there."""
    for word in target.exclude:
        if word and any(word in clause for clause in clauses):
            return word
    return None


def _clause_of(sentence: str, cuts: list[int], match: _Match) -> str:
    k = bisect_right(cuts, match.start)
    return sentence[cuts[k - 1] + 1 if k > 0 else 0 : cuts[k] if k < len(cuts) else len(sentence)]


def _unit_differs(q: Quantity, target: Target, after: str) -> str:
    if q.unit is None:
        return f"a bare number before a noun ({after}…), not in the target's unit {target.unit}"
    return f"unit {q.unit} is not the target's {target.unit}"


def _why(
    sentence: str,
    clause: str,
    match: _Match,
    listed: str | None,
    kind: FigureKind,
    scope: FigureScope,
) -> str:
    """Why a figure was read as it was: the noun it counts, the word that made its kind."""
    noun = listed or sentence[match.start : match.end] or "the clause's subject"
    cue = _cue_word(clause, kind) or _cue_word(sentence, kind)
    said = f" (by '{cue}')" if cue else " (by the time frame)"
    return f"noun: {noun}; {kind}{said}; scope: {scope}"


@lru_cache(maxsize=256)
def _cue_word(text: str, kind: FigureKind) -> str | None:
    found = _KIND_WORDS[kind].search(text) if kind in _KIND_WORDS else None
    return found.group() if found else None


def _listed(noun: str, targets: list[Target], q: Quantity) -> _Match | None:
    """The targets whose keyword the noun paired with `q` in a 分别 list holds."""
    mine = tuple(t for t in targets if any(_first_part(k) in noun for k in t.keywords))
    return _Match(q.start, q.start, mine) if mine else None


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
    text: str,
    targets: Sequence[Target],
    *,
    published: date | None = None,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """Every figure `text` gives for one of `targets`, in reading order.

    A sentence counts for a target when it holds one of its keywords, none of its `exclude`
    words and, if the target names regions, a region word in the sentence, its paragraph or
    the article's lead, or the source's `region` when the text names none. `published` anchors
    今年, 去年 and 过去五年 to years.
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
    reader = _Article(text, ends, published, plan.plain, region)
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
    carried = _carried(text, ends, wanted)
    wanted.update(carried)
    read = [r for i in sorted(wanted) if (r := reader.read(i, wanted[i], i in carried)) is not None]
    figures: list[Figure] = []
    for r in read:
        figures.extend(reader.figures(r))
    return figures


def find_article_figures(
    title: str,
    text: str,
    targets: Sequence[Target],
    *,
    published: date | None = None,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """The figures of an article, its headline read as its first sentence (dated like it); a
    headline figure the body restates is left to the body, whose sentence says more."""
    found = find_figures(_with_title(title, text), targets, published=published, region=region)
    head = title.strip()
    if not head or not any(f.sentence == head for f in found):
        return found
    in_body = {(f.target_id, f.value, f.kind) for f in found if f.sentence != head}
    return [f for f in found if f.sentence != head or (f.target_id, f.value, f.kind) not in in_body]


def _with_title(title: str, text: str) -> str:
    title = title.strip()
    if not title or text.lstrip().startswith(title):
        return text
    return f"{title}\n{text}"


def explain(
    title: str, text: str, targets: Sequence[Target], *, published: date | None = None
) -> list[Seen]:
    """Every number in each sentence that names a target (headline first), with the figure it
    became or why it was dropped: what `monitor try --explain` shows."""
    text = _with_title(title, text)
    ends = _sentence_ends(text)
    plan = _plan(targets)
    reader = _Article(text, ends, published, plan.plain)
    seen: list[Seen] = []
    for index in range(len(ends)):
        s0, s1 = reader.bounds(index)
        sentence = text[s0:s1]
        named = [t for t in targets if any(_first_part(k) in sentence for k in t.keywords)]
        if not named or s1 - s0 > _MAX_SENTENCE:
            continue
        numbers = find_quantities(sentence)
        about = [t for t in named if reader.plain or reader._about(t, sentence, s0)]
        for target in named:
            if target not in about:
                why = _not_about(target, sentence)
                seen.extend(
                    Seen(sentence, q.start, q.end, q.surface, target.id, None, why) for q in numbers
                )
        r = reader.read(index, about) if about else None
        trace: list[Seen] = []
        made = reader.figures(r, trace) if r is not None else []
        made_at = {(f.start, f.target_id): f for f in made}
        traced = {(x.start, x.target_id) for x in trace}
        for q in numbers:
            for target in about:
                key = (q.start, target.id)
                if key in made_at:
                    f = made_at[key]
                    seen.append(Seen(sentence, q.start, q.end, q.surface, target.id, f, f.why))
                elif key not in traced and (q.start, None) not in traced:
                    why = "outside the clauses about the target (no keyword, nothing continues one)"
                    seen.append(Seen(sentence, q.start, q.end, q.surface, target.id, None, why))
        seen.extend(trace)
    seen.sort(key=lambda x: (text.find(x.sentence), x.start))
    return seen


def _not_about(target: Target, sentence: str) -> str:
    return (
        f"no region word of the target ({'、'.join(target.region)}) in the sentence or its context"
    )


# What a part after a semicolon may open with and still go on with the subject before it:
# a time phrase, a place, then a continuation (…；“十四五”以来全省累计筹集63万套).
_CARRY_TIME = re.compile(
    r"(?:“?十?[一二三四五六七八九]五”?(?:以来|期间)|(?:19|20)[0-9]{2}年(?:以来)?|今年(?:以来)?|去年"
    r"|前三季度|上半年|[一二三四]季度|截[至止][^，,；;。]{1,8}?(?=[，,]|已|累计))?[，,]?"
    r"(?:全省|全市|全国|全区)?"
)


def _carried(
    text: str, ends: list[int], wanted: dict[int, list[Target]]
) -> dict[int, list[Target]]:
    """Sentences after a semicolon that name no target but go on with the one before."""
    out: dict[int, list[Target]] = {}
    for index in sorted(wanted):
        k = index
        while k + 1 < len(ends) and text[ends[k] - 1] in "；;" and k + 1 not in wanted:
            start = ends[k]
            lead = _CARRY_TIME.match(text, start)
            at = lead.end() if lead else start
            if not (
                continues(text, at)
                or (lead and lead.end() > start and _NUMBER_START.match(text, at))
            ):
                break
            out[k + 1] = wanted[index]
            k += 1
    return out


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


class _Article(Frames):
    """One article split into sentences: which targets each names, and their figures."""

    def __init__(
        self,
        text: str,
        ends: list[int],
        published: date | None,
        plain: bool,
        region: tuple[str, ...] = (),
    ) -> None:
        super().__init__(text, ends, published)
        self.plain = plain  # no target has exclude or region words
        self.region = region  # what the source's articles speak for when they name no place

    def read(self, index: int, candidates: list[Target], carried: bool = False) -> _Read | None:
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
        if not matches and carried and targets:
            # …；“十四五”以来累计筹集63万套: the part after a semicolon goes on with the subject
            matches = [_Match(0, 0, tuple(targets))]
        if not matches:
            return None
        cuts = _clause_cuts(sentence)
        by_clause: dict[int, list[_Match]] = {}
        for m in matches:
            by_clause.setdefault(bisect_right(cuts, m.start), []).append(m)
        a0, a1 = _about_span(sentence, cuts, by_clause)
        listed = lists.span(sentence) if "分别" in sentence else None
        if listed:
            a0, a1 = min(a0, listed[0]), max(a1, listed[1])
        quantities = find_quantities(sentence, a0, a1)
        if not quantities:
            return None
        return _Read(index, s0, sentence, targets, cuts, by_clause, quantities)

    def figures(self, read: _Read, trace: list[Seen] | None = None) -> list[Figure]:
        """The figures a read sentence gives: each number tied to the targets of its keyword;
        with `trace`, each number dropped is added to it with the reason."""
        sentence, cuts = read.text, read.cuts

        def drop(q: Quantity, target: Target | None, why: str) -> None:
            if trace is not None:
                tid = target.id if target else None
                trace.append(Seen(sentence, q.start, q.end, q.surface, tid, None, why))

        seen, whole_part = self._total_before(read)
        given: set[str] = set()  # targets this sentence has already given a figure for
        when: dict[int, tuple[FigureKind, str | None]] = {}  # kind and period, by clause
        figures: list[Figure] = []
        paired = lists.pairs(sentence, read.quantities) if "分别" in sentence else {}
        for q in read.quantities:
            clause = bisect_right(cuts, q.start)
            c0 = cuts[clause - 1] + 1 if clause > 0 else 0
            c1 = cuts[clause] if clause < len(cuts) else len(sentence)
            own = read.by_clause.get(clause, [])
            # a clause without a keyword of its own may continue the previous clause's subject
            if q.start in paired:
                match = _listed(paired[q.start], read.targets, q)
                own = [match] if match else []
            elif own:
                match = _attribute(sentence, q, own)
            else:
                match = _subject(sentence, cuts, read.by_clause, clause)
            if match is None:
                drop(q, None, "no target noun in its clause, nor one the clause goes on with")
                continue
            if _is_reference(sentence, c0, c1, q, match):
                drop(q, None, "a reference value (比…, 较…, 从…到…), not the figure")
                continue
            if not own and _NAMED.search(sentence, c0, q.start):
                # …，累计开办“爱心托管班”1.9万个: a clause naming its own thing
                drop(q, None, "its clause names a thing of its own (“…”)")
                continue
            after_breakdown = whole_part or sentence.rfind("其中", 0, q.start) >= 0
            change = not own and q.unit != "%" and bool(_CHANGE.match(sentence, c0))
            # 551万农村贫困人口: a bare number right before the keyword counts its subject
            counted = match.start == q.end or q.end in map(_match_start, own)
            after = "" if counted else sentence[q.end : q.end + 1]
            head = sentence[c0 : q.start]
            task = bool(_TASK_AFTER.match(sentence, q.end))  # 204万套的任务: the plan's size
            for target in match.targets:
                word = _excluded(target, sentence[c0:c1], _clause_of(sentence, cuts, match))
                if word:
                    drop(q, target, f"its clause holds the exclude word '{word}'")
                    continue
                stage = stage_of(target.title)
                said = stage_before(sentence, q.start) if stage else None
                if stage and said and said != stage:
                    # 新开工580万套，基本建成360万套: a target of starts takes no completions
                    drop(q, target, f"another stage ({said}) than the target's ({stage})")
                    continue
                if counts_other(sentence, q, target):
                    # 210个试点地区, 覆盖534个社区: a count of another noun
                    drop(q, target, f"counts another noun ({sentence[q.end : q.end + 6]}…)")
                    continue
                if after_breakdown and target.id in seen:
                    # 其中…: a part of a total already reported for this target
                    drop(q, target, "a part of a breakdown (其中…) of a total already read")
                    continue
                if change and target.id in given:
                    # 改造580万套，增加110万套: the rise over last year, not the figure
                    drop(q, target, "a change over an earlier figure (增加…), not the level")
                    continue
                measure = None
                share = _as_percent(q)  # 三分之一 is 33.3 %
                if share is not None and units.normalise(target.unit) not in _RATE_UNITS:
                    # a count target's own %: progress toward its pledge, or its growth
                    measure = percent_measure(head)
                    if measure is None:
                        # 占移动基站总数26.9%: a share of something else
                        drop(q, target, "a share of another total, not progress or growth")
                        continue
                    quantity: Quantity | None = share
                else:
                    quantity = _fit_unit(q, target, after)
                if quantity is None:
                    drop(q, target, _unit_differs(q, target, after))
                    continue
                if target.region and not self._speaks_for(target, sentence, read.s0, q.start):
                    drop(q, target, "another region's or body's figure (在福州，…; 中国移动…)")
                    continue  # 在福州，…: another region's figure
                seen.add(target.id)
                given.add(target.id)
                if clause not in when:
                    when[clause] = self.when(sentence, c0, c1, read.at)
                kind, period = when[clause]
                other = _other_period(target, period, scope_of(sentence, c0, c1, quantity))
                if other:
                    drop(q, target, other)
                    continue
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
                        why=_why(
                            sentence, sentence[c0:c1], match, paired.get(q.start), kind, scope
                        ),
                    )
                )
        return figures

    def _speaks_for(self, target: Target, sentence: str, s0: int, at: int) -> bool:
        """Whether the number at `at` in the sentence speaks for the target's region: the last
        region word before it decides (在福州，…), else one later in the sentence; for a regional
        target also the paragraph before it and the article's lead."""
        regions = target.region
        said = speaks_for(mentions(sentence, regions, 0, at), regions)
        if said is None:  # a place later in the number's own clause (…100个的杭州)
            end = _CLAUSE_END.search(sentence, at)
            found = mentions(sentence, regions, at, end.start() if end else len(sentence))
            said = speaks_for(found[:1], regions)
        if said is None and s0 > 0 and self.text[s0 - 1] in "；;":
            # after a semicolon: the place named before it in the same full sentence holds
            run = max(self.text.rfind(c, 0, s0 - 1) for c in "。！？!?\n") + 1
            said = speaks_for(mentions(self.text, regions, run, s0), regions)
        if said is None and is_national(regions):
            # a sentence naming no place: a national figure (unless the source speaks for a
            # region). An earlier sentence's place is as often a speaker's or a meeting's as
            # the subject's, so it does not carry over.
            return self._source_speaks_for(regions) is not False
        if said is None:
            p0 = self.text.rfind("\n", 0, s0) + 1
            said = speaks_for(mentions(self.text, regions, p0, s0), regions)
        if said is None:  # the article's lead, before this sentence
            said = speaks_for(mentions(self.text[: min(_LEAD, s0)], regions)[:1], regions)
        if said is None:
            said = self._source_speaks_for(regions)
        return is_national(regions) if said is None else said

    def _source_speaks_for(self, regions: tuple[str, ...]) -> bool | None:
        """What the source's own region (`region:` on a source) says, if it gives one."""
        if not self.region:
            return None
        return speaks_for(mentions("、".join(self.region), regions)[:1], regions)

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
        if not target.region or is_national(target.region):
            return True  # a national target speaks for wherever no other place is named
        if any(word in sentence for word in target.region):
            return True
        if self.region and self._source_speaks_for(target.region):
            return True
        p0 = self.text.rfind("\n", 0, s0) + 1
        p1 = self.text.find("\n", s0)
        paragraph = self.text[p0 : p1 if p1 >= 0 else len(self.text)]
        lead = self.text[:_LEAD]
        return any(word in paragraph or word in lead for word in target.region)
