"""The figures an article gives for watched targets: sentences naming a target, each number tied
to the right target, with kind (pledge/achieved/mention), scope, qualifier and period. Which
target a number is about is in attribution.py, the noun it counts in nouns.py and binding.py,
parts and wholes (其中…) in parts.py, the checks each number passes in checks.py, the time frame
in frames.py, the region a number speaks for in regional.py, sentences and clauses in
sentences.py; `try --explain` in explain.py.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from monitor.figures import lists, speech, subject_ends, units
from monitor.figures.attribution import (
    _about_span,
    _attribute,
    _keyword_matches,
    _Match,
    _match_start,
    _subject,
)
from monitor.figures.bases import on_base
from monitor.figures.binding import Making, Number, Read, refused
from monitor.figures.breakdowns import breaks_down, whole_clause
from monitor.figures.checks import (
    _NAMED,
    _RATE_UNITS,
    _as_percent,
    _unit_differs,
    _why,
    plan_size,
)
from monitor.figures.consistency import consistent
from monitor.figures.cues import _CHANGE, _CLAUSE
from monitor.figures.dated import dated_period
from monitor.figures.frame_words import unnamed
from monitor.figures.goals import done_in_past, pledge_said_again, year_to_come
from monitor.figures.keywords import _first_part, first_found, plan_found, split_sentences
from monitor.figures.levels import scope_for
from monitor.figures.nouns import noun_of
from monitor.figures.numeral_reader import frozen
from monitor.figures.numerals import find_quantities, may_hold_quantities
from monitor.figures.pairs import in_list, list_head, list_period
from monitor.figures.parts import period_part
from monitor.figures.place_clauses import place_doing, takes_on
from monitor.figures.place_shares import after_by_place, listed_place_speaks
from monitor.figures.places import mentions, speaks_for
from monitor.figures.rates import counted_stage, in_unit, out_of_frame, percent_of, rate_of, signed
from monitor.figures.references import is_reference
from monitor.figures.regional import Regional
from monitor.figures.restating import PLAN_NOUNS, last_match, restates
from monitor.figures.retold import article_figures
from monitor.figures.retyping import marked, retyped
from monitor.figures.sections import is_headline
from monitor.figures.sentences import (
    _MAX_SENTENCE,
    carried,
    clause_bounds,
    clause_cuts,
    past_time_clause,
    sentence_ends,
    with_title,
)
from monitor.figures.shares import plan_share_of_rate, share_kind
from monitor.figures.spacing import given_back, squeezed, unglossed
from monitor.models import Figure, FigureScope, Quantity, Seen, Target


def find_figures(
    text: str,
    targets: Sequence[Target],
    *,
    published: date | None = None,
    region: tuple[str, ...] = (),
) -> list[Figure]:
    """Every figure `text` gives for one of `targets`, in reading order.

    A sentence counts for a target when it holds one of its keywords, none of its `exclude`
    words and, if the target names regions, a region word in the sentence, its paragraph or the
    article's lead, or the source's `region` when the text names none. `published` anchors 今年.
    """
    if not text or not targets:
        return []
    if (marks := marked(text)) is not None:  # (“十四五”期间,…)
        return given_back(
            find_figures(marks[0], targets, published=published, region=region), text, *marks
        )
    named = first_found(targets, text)  # (each keyword's first place in the text)
    if named is None and squeezed(text) is None and unglossed(text) is None:
        return []  # (a page naming no target, unless spaced (PM2.5 平均浓度), reads nothing)
    if (page := retyped(text, targets)) is not None:  # (四十五个; 建成 60.3万套)
        found = find_figures(page[0], targets, published=published, region=region)
        return given_back(found, text, *page)
    plan, first, splits = plan_found(targets, text, named)  # (widened for this text)
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
    for target, keyword in splits:  # 光伏新增装机 for 光伏装机
        for index in split_sentences(text, ends, keyword):
            bucket = wanted.setdefault(index, [])
            if target not in bucket:
                bucket.append(target)
    # Every sentence is read first, then figures made: each step runs for all (quicker so).
    going_on = carried(text, ends, wanted)
    wanted.update(going_on)
    read = [
        r for i in sorted(wanted) if (r := reader.read(i, wanted[i], i in going_on)) is not None
    ]
    return article_figures(read, is_headline(text, ends, 0), reader.figures)


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
    # …of either kind: 福州新增托位6000个 over a body's 今年将新增托位6000个 is the body's plan
    in_body = {(f.target_id, f.value) for f in found if f.sentence != head}
    return [f for f in found if f.sentence != head or (f.target_id, f.value) not in in_body]


class _Article(Regional):
    """One article split into sentences: which targets each names, and their figures."""

    def __init__(
        self,
        text: str,
        ends: list[int],
        published: date | None,
        plain: bool,
        region: tuple[str, ...] = (),
    ) -> None:
        super().__init__(text, ends, published, region)
        self.plain = plain  # no target has exclude or region words

    def read(self, index: int, candidates: list[Target], carried: bool = False) -> Read | None:
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
        if carried and targets and (not matches or _CLAUSE.search(sentence, 0, matches[0].start)):
            # …；“十四五”以来累计筹集63万套 (…；明年计划新增10万个，其中…): the subject goes on
            # (after 局长：; 分地区看，; a time alone, 1—8月份，累计完成投资…: the clause after it)
            at = past_time_clause(sentence, after_by_place(sentence, speech.opening(sentence)))
            matches = [_Match(at, at, tuple(targets)), *matches]
        if not matches:
            return None
        cuts = clause_cuts(sentence)
        by_clause: dict[int, list[_Match]] = {}
        for m in matches:
            by_clause.setdefault(bisect_right(cuts, m.start), []).append(m)
        a0, a1 = _about_span(sentence, cuts, by_clause)
        plan_at = min((at for w in PLAN_NOUNS if (at := sentence.find(w, a1)) >= 0), default=-1)
        if plan_at >= 0:  # …，全年新建50个的目标…: a later clause restating the pledge
            a1 = clause_bounds(cuts, bisect_right(cuts, plan_at), len(sentence))[1]
        if units.restating_at(sentence, a1):  # …8013万吨，折合1602.6亿斤: the amount again
            a1 = clause_bounds(cuts, bisect_right(cuts, a1), len(sentence))[1]
        listed = lists.span(sentence) if "分别" in sentence else None
        if listed:
            a0, a1 = min(a0, listed[0]), max(a1, listed[1])
        quantities = find_quantities(sentence, a0, a1)
        if not quantities:
            return None
        return Read(index, s0, sentence, targets, cuts, by_clause, quantities)

    def figures(self, read: Read, trace: list[Seen] | None = None) -> list[Figure]:
        """The figures a read sentence gives: each number tied to the targets of its keyword;
        with `trace`, each number dropped is added to it with the reason."""
        seen, whole_part = self._total_before(read)
        paired = lists.listed(read.text, read.quantities) if "分别" in read.text else {}
        making = Making(read, trace, seen, whole_part, paired)
        figures: list[Figure] = []
        for q in read.quantities:
            number = self._place(making, q)
            if number is None:
                continue
            for target in number.match.targets:
                if (figure := self._figure(making, number, target)) is not None:
                    figures.append(figure)
        return consistent(figures, read.targets, making.drop)

    def _place(self, making: Making, q: Quantity) -> Number | None:
        """The number in its clause, tied to the keyword it belongs to; None (and why, in the
        trace) when no keyword owns it or it is no figure of one."""
        read = making.read
        sentence, cuts = read.text, read.cuts
        clause = bisect_right(cuts, q.start)
        c0, c1 = clause_bounds(cuts, clause, len(sentence))
        c0 = list_head(making, q, c0)  # 分别为5.1万元、【2.7万元】: the list's clause
        own = read.by_clause.get(clause, [])
        if q.start in making.paired:
            match, place, why = in_list(making, q)
            if why:
                making.drop(q, None, why)
                return None
            own = [match] if match and not place else own
        elif own:
            match, place = _attribute(sentence, q, own), None
        else:  # no keyword of its own: the clause may go on with the previous one's subject
            match = _subject(sentence, cuts, read.by_clause, clause)
            place = place_doing(sentence, c0)  # …，余杭区完成4200个: that place's figure
        restated = not own and restates(sentence, q.end)
        if match is None and (restated or q.start in making.restated()):
            match = last_match(read.by_clause, q.start)  # …，全年完成600部的目标…
        if match is None:
            making.refuse(q, read.targets, subject_ends.unowned(read, clause))
            return None
        if is_reference(sentence, c0, c1, q, match, making.restated().get(q.start)):
            making.drop(q, None, "a reference value (比…, 较…, 从…到…), not the figure")
            return None
        if not own and _NAMED.search(sentence, c0, q.start):
            # …，累计开办“爱心托管班”1.9万个: a clause naming its own thing
            making.drop(q, None, "its clause names a thing of its own (“…”)")
            return None
        noun = None
        listed = place is not None and q.start in making.paired  # (…分别新增5200个和【3900个】)
        if not (own or listed) and q.unit != "%" and _as_percent(q, sentence[c0 : q.start]) is None:
            noun = noun_of(sentence[c0 : q.start], match.targets, sentence[:c0])
        if noun:
            # …，新增便民理发点300余个: a clause going on after the target names its own noun
            making.refuse(q, match.targets, f"counts another noun named in its clause ({noun})")
            return None
        # 551万农村贫困人口: a bare number right before the keyword counts its subject
        counted = match.start == q.end or q.end in map(_match_start, own)
        return Number(
            q,
            clause,
            c0,
            c1,
            match,
            after_breakdown=breaks_down(making, clause, q.start),
            change=not own and q.unit != "%" and bool(_CHANGE.match(sentence, c0)),
            after="" if counted else sentence[q.end : q.end + 1],
            head=sentence[c0 : q.start],
            # 204万套的任务, 山东承担450万亩: the plan's size
            task=plan_size(sentence, c0, q.start, q.end)
            or restated
            or takes_on(sentence[c0 : q.start]),
            place=place,
            period_part=period_part(sentence, cuts, q.start),
        )

    def _measured(
        self, making: Making, n: Number, target: Target
    ) -> tuple[Quantity, FigureScope | None] | None:
        """The number in the target's terms: a count in its unit, or a count target's own %
        with what it measures (progress toward the pledge, growth); None (and why) if neither,
        or if it speaks for another region."""
        why = refused(making, n, target)
        if why:
            making.drop(n.q, target, why)
            making.refused[(target.id, n.q.start)] = why
            return None
        measure: FigureScope | None = None
        share = _as_percent(n.q, n.head)  # 三分之一 is 33.3 %, 为年度目标任务的1.12倍 112 %
        rated = units.normalise(target.unit) in _RATE_UNITS
        if share is not None and rated and plan_share_of_rate(n.head):
            measure = "share_of_pledge"  # 完成“十四五”目标任务的70.6% for a per-cent target
            quantity: Quantity | None = share
        elif share is not None and not rated:
            measure = percent_of(making, n, target)
            if measure is None:
                # 占移动基站总数26.9%: a share of something else
                making.drop(n.q, target, "a share of another total, not progress or growth")
                return None
            other = rate_of(making, n, target) if measure == "rate" else None
            if other:
                # 5G基站单站功耗同比下降12%: the rate of another measure of the thing
                making.drop(n.q, target, f"a rate of another measure ({other}), not the count")
                return None
            quantity = share
        else:
            quantity = in_unit(making, n, target)
        if quantity is None:
            making.drop(n.q, target, _unit_differs(n.q, target, n.after))
            return None
        read = making.read
        said: bool | None = listed_place_speaks(read.text, n.c0, target.region) or None  # 甲、乙等
        if n.place and not said:  # a place the clause opens with: no region word of the target's
            said = speaks_for(mentions(n.place, target.region)[:1], target.region) or False
        if said is False or (
            target.region
            and said is None
            and not self._speaks_for(target, read.text, read.s0, n.q.start)
        ):
            making.drop(n.q, target, "another region's or body's figure (在福州，…; 中国移动…)")
            return None  # 在福州，…: another region's figure
        return quantity, measure

    def _figure(self, making: Making, n: Number, target: Target) -> Figure | None:
        """The figure the number gives for the target, with its kind, scope and period."""
        measured = self._measured(making, n, target)
        if measured is None:
            return None
        quantity, measure = measured
        read, sentence = making.read, making.read.text
        clause, c0, c1 = n.clause, n.c0, n.c1
        whole = whole_clause(read, n)
        if whole is not None:
            # 其中合肥5.3万个, 其中护理型床位16.5万张: a part is read in the frame and scope of
            # its total's clause
            clause, c0, c1 = whole
        if clause not in making.when:
            making.when[clause] = self.when(unnamed(sentence, read.targets), c0, c1, read.at)
        kind, period = on_base(sentence, n.q.start, self.published) or making.when[clause]
        period = list_period(making, n.q, period, self.published if kind == "achieved" else None)
        scope = (
            measure
            or making.plan_scope(n, target.id)
            or scope_for(sentence, c0, c1, quantity, target, self.published, period)
        )
        if n.period_part and scope == "cumulative" and "累计" not in sentence[c0:c1]:
            scope = "new"  # 其中2023年筹集2.3万套: what that period added
        if "年" in n.head or "五" in n.head:  # 比2020年底增加21家 (2021-2024); 较“十三五”末…
            period = dated_period(n.head, scope, period, self.published)
        if measure == "share_of_pledge":  # 完成年度任务的83%: progress so far, unless planned
            kind = share_kind(sentence, c0, n.head, kind, making.last.get(target.id) == "pledge")
        elif (
            (n.task and measure is None and not done_in_past(n.head, period, self.published))
            or year_to_come((kind, scope, period), self.published)
            or pledge_said_again(
                quantity, target, (kind, scope, period), sentence, self.published, (c0, c1)
            )
        ):
            kind = "pledge"  # (今年改造老旧小区200个 in August, for a pledge of 200: said again)
        other = out_of_frame(making, n, target, (period, scope, kind), self.published)
        if other:
            making.drop(n.q, target, other)
            return None
        making.seen.add(target.id)
        making.give(target.id, scope, kind, n.q.start)
        listed = n.q.start in making.paired  # (分别下降13.3%、20.8%: both fell)
        verb = lists.verb_head(sentence, n.q.start, n.head, listed)
        fall, quantity = signed(quantity, scope, verb)  # (同比增长-7.1%: a fall of 7.1)
        noun = making.paired[n.q.start][0] if n.q.start in making.paired else None
        return frozen(
            Figure,
            target_id=target.id,
            quantity=quantity,
            kind=kind,
            scope=scope,
            sentence=sentence,
            start=n.q.start,
            end=n.q.end,
            period=period,
            direction="down" if fall else None,
            why=_why(sentence, sentence[n.c0 : n.c1], n.match, noun, kind, scope),
            measure=counted_stage(making, n),  # 开工2860个, 完工740个: the stage counted
        )

    def _total_before(self, read: Read) -> tuple[set[str], bool]:
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
