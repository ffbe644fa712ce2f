"""`monitor try --explain`: every number in each sentence that names a target, with the figure
it became or why it was dropped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from monitor.figures.binding import Read
from monitor.figures.chinese_amounts import in_digits
from monitor.figures.keywords import named_in, plan_found
from monitor.figures.marks import full_width
from monitor.figures.numerals import find_quantities
from monitor.figures.reader import _Article
from monitor.figures.retold import LEAD, retold
from monitor.figures.sections import is_headline
from monitor.figures.sentences import _MAX_SENTENCE, carried, sentence_ends, with_title
from monitor.figures.spacing import seen_given_back, squeezed, unglossed
from monitor.models import Figure, Seen, Target


def explain(
    title: str,
    text: str,
    targets: Sequence[Target],
    *,
    published: date | None = None,
    region: tuple[str, ...] = (),
) -> list[Seen]:
    """Every number in each sentence that names a target (headline first), with the figure it
    became or why it was dropped: what `monitor try --explain` shows. `region` is the source's
    (what a page naming no place speaks for)."""
    page = with_title(title, text)  # read as find_figures reads it, then given back:
    marked = full_width(page)  # ASCII marks and quotes, full-width digits
    glossed = unglossed(marked)  # a mirror site's toned syllables (農(nóng)村)
    plain = glossed[0] if glossed is not None else marked
    written = in_digits(plain, targets)  # amounts in Chinese numerals (四十五个)
    digits = written[0] if written is not None else plain
    spaced = squeezed(digits)  # numbers typed with a space (建成 60.3万套) or 1,230
    seen = _explained(spaced[0] if spaced is not None else digits, targets, published, region)
    if spaced is not None:
        seen = seen_given_back(seen, digits, *spaced)
    if written is not None:
        seen = seen_given_back(seen, plain, *written)
    if glossed is not None:
        seen = seen_given_back(seen, marked, *glossed)
    return seen if marked is page else seen_given_back(seen, page, marked, None)


def _explained(
    text: str, targets: Sequence[Target], published: date | None, region: tuple[str, ...]
) -> list[Seen]:
    ends = sentence_ends(text)
    plan = plan_found(targets, text)[0]
    targets = plan.targets  # with their keywords' other spellings
    reader = _Article(text, ends, published, plan.plain, region)
    seen: list[Seen] = []
    named_at: dict[int, list[Target]] = {}
    for index in range(len(ends)):
        s0, s1 = reader.bounds(index)
        sentence = text[s0:s1]
        named = [t for t in targets if any(named_in(sentence, k) for k in t.keywords)]
        if named and s1 - s0 <= _MAX_SENTENCE:
            named_at[index] = named
    # the parts after a semicolon going on with the subject, and an answer to a question naming
    # a target: read as find_figures reads them
    going_on = carried(text, ends, named_at)
    for index, named in sorted({**named_at, **going_on}.items()):
        s0, s1 = reader.bounds(index)
        sentence = text[s0:s1]
        numbers = find_quantities(sentence)
        about = [t for t in named if reader.plain or reader._about(t, sentence, s0)]
        for target in named:
            if target not in about:
                why = reader.not_about(target)
                seen.extend(
                    Seen(sentence, q.start, q.end, q.surface, target.id, None, why) for q in numbers
                )
        r = reader.read(index, about, index in going_on) if about else None
        trace: list[Seen] = []
        made = _made(reader, r, index, named_at, trace) if r is not None else []
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


def _made(
    reader: _Article, r: Read, index: int, named_at: dict[int, list[Target]], trace: list[Seen]
) -> list[Figure]:
    """The figures of the read sentence `index`, as find_figures makes them: a title's as its
    lead tells them again (retold)."""
    if index != 0 or not is_headline(reader.text, reader.ends, 0):
        return reader.figures(r, trace)
    lead = [x for i in range(1, LEAD + 1) if i in named_at and (x := reader.read(i, named_at[i]))]
    return retold(r, lead, reader.figures, trace)
