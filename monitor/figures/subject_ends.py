"""Where a subject carried back over clauses ends: at a clause that opens with work on a thing
of its own before its count (…；计划完成家庭适老化改造5000户，已完成4322户，完成率86.4%). The
clauses after it go on with that thing, not with the keyword before it. Split from
attribution.py, which walks back to a subject with names_own; the reader says why with
ended_by."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from monitor.figures.predicates import own_noun
from monitor.models import Target


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def targets(self) -> tuple[Target, ...]: ...


def names_own(
    sentence: str, at: int, by_clause: Mapping[int, Sequence[_Span]], clause: int
) -> str | None:
    """The thing the clause at `at` opens with work on (计划完成家庭适老化改造5000户), sharing no
    word with the keywords of the clauses before `clause`; None if it names none."""
    keywords = [
        k
        for c, spans in by_clause.items()
        if c < clause
        for m in spans
        for t in m.targets
        for k in t.keywords
    ]
    return own_noun(sentence, at, keywords)


def _carried_own(
    sentence: str, by_clause: Mapping[int, Sequence[_Span]], clause: int
) -> str | None:
    """The thing of its own the clause names when its subject is one carried from the sentence
    before (a span of no letters) and it opens with work on that thing (…；计划完成…改造5000户)."""
    carried = next((m for m in by_clause.get(clause, ()) if m.start == m.end), None)
    return names_own(sentence, carried.start, by_clause, clause + 1) if carried else None


def carried_own(sentence: str, by_clause: Mapping[int, Sequence[_Span]], clause: int) -> bool:
    """Whether the clause's carried subject ends there (_carried_own names a thing)."""
    return _carried_own(sentence, by_clause, clause) is not None


# A number no keyword owns (…，带动民间投资2130亿元): refused for every target of the sentence, so a
# rate going on after it (…，同比增长9.2%) is that amount's, not the target's
NO_NOUN = "no target noun in its clause, nor one the clause goes on with"
# …or one after a clause naming a thing of its own: the clauses before go on with that thing
_OF_OWN = "a count or share of another thing ({}) that a clause before it names after its verb"


class _Sentence(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def cuts(self) -> list[int]: ...
    @property
    def by_clause(self) -> Mapping[int, Sequence[_Span]]: ...


def unowned(read: _Sentence, clause: int) -> str:
    """Why a number in `clause` has no subject: a count or share of another thing when a clause
    at or before it, back to the nearest clause with a keyword (or a subject carried from the
    sentence before), names a thing of its own; else no target noun at all."""
    sentence, cuts, by_clause = read.text, read.cuts, read.by_clause
    for k in range(clause, -1, -1):
        spans = by_clause.get(k)
        if spans:
            noun = _carried_own(sentence, by_clause, k)
            return _OF_OWN.format(noun) if noun else NO_NOUN
        if (noun := names_own(sentence, cuts[k - 1] + 1 if k else 0, by_clause, k)) is not None:
            return _OF_OWN.format(noun)
    return NO_NOUN
