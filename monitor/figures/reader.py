"""The figures an article gives for watched targets: sentences naming a target, each number tied
to the right target, with kind (pledge/achieved/mention), scope, qualifier and period. Which
target a number is about is in attribution.py, the checks each number passes in checks.py, the
time frame in frames.py, sentences and clauses in sentences.py; `try --explain` in explain.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from monitor.figures import lists, units
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
from monitor.figures.checks import (
    _NAMED,
    _PLEDGED_SHARE,
    _RATE_UNITS,
    _TASK_AFTER,
    _as_percent,
    _clause_of,
    _excluded,
    _listed,
    _other_period,
    _unit_differs,
    _why,
)
from monitor.figures.cues import (
    _CHANGE,
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
from monitor.figures.sentences import (
    _MAX_SENTENCE,
    carried,
    clause_cuts,
    sentence_ends,
    with_title,
)
from monitor.models import Figure, FigureKind, Quantity, Seen, Target

_LEAD = 300  # a region named this early in the article (dateline, lead) holds for all of it
_CLAUSE_END = re.compile(r"[，,；;。]")


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
    ends = sentence_ends(text)
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
    going_on = carried(text, ends, wanted)
    wanted.update(going_on)
    read = [
        r for i in sorted(wanted) if (r := reader.read(i, wanted[i], i in going_on)) is not None
    ]
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
    found = find_figures(with_title(title, text), targets, published=published, region=region)
    head = title.strip()
    if not head or not any(f.sentence == head for f in found):
        return found
    in_body = {(f.target_id, f.value, f.kind) for f in found if f.sentence != head}
    return [f for f in found if f.sentence != head or (f.target_id, f.value, f.kind) not in in_body]


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
        cuts = clause_cuts(sentence)
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
                if clause not in when:
                    when[clause] = self.when(sentence, c0, c1, read.at)
                kind, period = when[clause]
                scope = measure or scope_of(sentence, c0, c1, quantity)
                other = _other_period(target, period, scope, kind)
                if other:
                    drop(q, target, other)
                    continue
                seen.add(target.id)
                given.add(target.id)
                if measure == "share_of_pledge" and not _PLEDGED_SHARE.search(head):
                    kind = "achieved"  # 完成年度任务的83%: progress so far
                elif task and measure is None:
                    kind = "pledge"
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
