"""Pages typed with a space between a number and the words around it (建成 60.3万套, 到 2027 年,
开工率 76.3%, 截至 6月底; a web page's non-breaking space, a full-width one), or with commas
between a number's thousands (新开工3,861套): read as if written without them, which the reading
rules know, the figures then given back with the page's own sentences and spans. A space after
an amount is left (新建45个 85%在社区: a headline's clauses)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any, TypeVar

from monitor.figures.firsts import find_word, places_of
from monitor.figures.offsets import Back
from monitor.models import Figure, Quantity, Seen

_SPACES = " \u00a0\u3000"  # a space, a web page's non-breaking one (&nbsp;), a full-width one
_WORD = re.compile(r"[\u4e00-\u9fff]")
# an amount right before the space: its unit, not a word the number belongs to (45个 85%…)
_AMOUNT_BEFORE = re.compile(r"[0-9][0-9.]*[万亿千百]?[\u4e00-\u9fff%％]{0,3}$")
_DATE_WORDS = "年月日号"
# an amount with a space after it too, before a word (新增 2150张 护理型…): left as typed
_SET_OFF = re.compile(
    f"[0-9][0-9.,]*[{_SPACES}]*[万亿千百]*[\u4e00-\u9fff]{{1,3}}[{_SPACES}]+(?=[\u4e00-\u9fff])"
)
_DIGITS = "0123456789"
_MARKS = "，,。；;、"  # the marks a space beside is no break of its own


def _thousands(text: str) -> list[tuple[int, int]]:
    """The commas between a number's thousands (1,230; 12,345,678): three digits after each,
    one to three before the first; not a list's (2,3) nor after a year (2023,100个)."""
    return [
        (at, at + 1)
        for at in places_of(text, ",")
        if at
        and text[at - 1] in _DIGITS
        and text[at + 1 : at + 4].isdigit()
        and text[at + 1 : at + 4].isascii()
        and (at + 4 == len(text) or text[at + 4] not in _DIGITS)
        and _group_before(text, at)
    ]


# a syllable with its tone mark in brackets right after a letter (農(nóng)村, 就業(yè)): a mirror
# site's reading aid, no word of the text
_SYLLABLE = re.compile(r"[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")


def unglossed(text: str) -> tuple[str, Back] | None:
    """`text` without the toned syllables in brackets after its letters (農(nóng)村公路: (nóng)),
    and for each of its letters the place of that letter in `text`; None when it has none.
    (Before amounts in Chinese numerals are read: 两(liǎng)三百个.)"""
    if "(" not in text and "（" not in text:
        return None
    cuts = [
        (at, found.end())
        for at in places_of(text, "(（")
        if at and _WORD.match(text[at - 1]) and (found := _SYLLABLE.match(text, at))
    ]
    if not cuts:
        return None
    return _cut(text, cuts)


def _as_of_to(text: str) -> list[tuple[int, int]]:
    """The 到 of 截止到, 截至到 before a date (截止到9月底, 截至到目前), the 今 of 今年内, the 之
    of 底之前 (年底之前) and the 共 of 累计共: 截止, 年内, 年底前, 累计 said with a letter more,
    read without it as the reading rules know the cue."""
    cuts = [
        (at + 2, at + 3)
        for at in places_of(text, ("截止到", "截至到"))
        if _AS_OF_DATE.match(text, at + 3)
    ]
    cuts.extend((at, at + 1) for at in places_of(text, ("今年内",)))
    cuts.extend((at + 1, at + 2) for at in places_of(text, ("底之前",)))
    cuts.extend((at + 2, at + 3) for at in places_of(text, ("累计共",)))  # (累计共新建: 累计)
    return cuts


_AS_OF_DATE = re.compile(
    r"\s*(?:[0-9０-９]|今年|去年|上年|本年|当年|目前|当前|年底|年末|本月|上月)"
)


def _group_before(text: str, at: int) -> bool:
    """Whether the digits before the comma at `at` are a number's first group (1-3 digits) or
    a whole group after another comma (3)."""
    start = at
    while start and text[start - 1] in _DIGITS:
        start -= 1
    digits = at - start
    return digits == 3 if start and text[start - 1] == "," else digits <= 3


def squeezed(text: str) -> tuple[str, Back] | None:
    """`text` without the spaces between a number and a word or beside a comma, its thousands'
    commas and the 到 of 截止到, and for each of its letters the place of that letter in `text`;
    None when `text` has none."""
    cuts: list[tuple[int, int]] = []
    b = 0
    for a in places_of(text, _SPACES):  # (a regex's class would test every letter, 6x slower)
        if a < b:
            continue  # (inside the run before)
        b = a + 1
        while b < len(text) and text[b] in _SPACES:
            b += 1
        if a == 0 or b == len(text):
            continue
        left, right = text[a - 1], text[b]
        if left in _MARKS or right in _MARKS:
            cuts.append((a, b))  # …比例为88.2% , 同比上升2.1个百分点: a page spacing its commas
        elif left in _DIGITS and (_WORD.match(right) or right in "%％"):
            cuts.append((a, b))  # 60.3 万套, 2027 年, 184.1 %
        elif right in _DIGITS and (_WORD.match(left) or left in "：:"):
            if left not in _DATE_WORDS and _AMOUNT_BEFORE.search(text, max(0, a - 8), a):
                continue  # 新建45个 85%在社区: two clauses of a headline
            set_off = _SET_OFF.match(text, b)
            if set_off and not any(w in set_off.group() for w in _DATE_WORDS):
                continue  # 新增 2150张 护理型床位: an amount set off on both sides (sentences.py)
            cuts.append((a, b))  # 建成 60.3万套, 截至 6月底, 达到 93.8%
    cuts.extend(_thousands(text))
    if (
        "到" in text
        or "内" in text
        or find_word(text, "之前") >= 0
        or find_word(text, "累计共") >= 0
    ):
        cuts.extend(_as_of_to(text))
    if not cuts:
        return None
    cuts.sort()  # (apart: each cut is of its own letters, a space, a comma, 到, 今, 之 or 共)
    return _cut(text, cuts)


def _cut(text: str, cuts: list[tuple[int, int]]) -> tuple[str, Back]:
    """`text` without the letters of `cuts` (in order, apart), and the place of each letter left
    in `text`."""
    parts: list[str] = []
    at = 0
    for a, b in cuts:
        parts.append(text[at:a])
        at = b
    parts.append(text[at:])
    return "".join(parts), Back(len(text), [(a, b, 0) for a, b in cuts])


def _span(back: Back | None, s0: int, start: int, end: int) -> tuple[int, int]:
    """The span [start, end) of a sentence at `s0` of the squeezed text, in the page's text
    (`back` None: the two texts letter for letter, as marks.full_width makes them)."""
    if back is None:
        return s0 + start, s0 + end
    if end <= start:
        at = back.at(s0 + start) if s0 + start < len(back) else back.at(len(back) - 1) + 1
        return at, at
    return back.at(s0 + start), back.at(s0 + end - 1) + 1


def _found_at(squeezed_text: str, sentence: str, cursor: int) -> int:
    at = squeezed_text.find(sentence, cursor)
    return squeezed_text.find(sentence) if at < 0 else at


def given_back(
    found: Sequence[Figure], text: str, squeezed_text: str, back: Back | None
) -> list[Figure]:
    """The figures read in `squeezed_text` (squeezed from `text`, or marked from it letter for
    letter when `back` is None), each with its sentence, spans and surface as `text` has them."""
    out: list[Figure] = []
    cursor = 0
    for fig in found:
        at = _found_at(squeezed_text, fig.sentence, cursor)
        if at < 0 or not fig.sentence:  # (a headline put before the text: kept as read)
            out.append(fig)
            continue
        cursor = at
        o0, o1 = _span(back, at, 0, len(fig.sentence))
        f0, f1 = _span(back, at, fig.start, fig.end)
        q = fig.quantity
        q0, q1 = _span(back, at, q.start, q.end) if q.end > q.start else (f0, f1)
        quantity = _moved(q, start=q0 - o0, end=q1 - o0, surface=text[q0:q1] or q.surface)
        out.append(_moved(fig, sentence=text[o0:o1], start=f0 - o0, end=f1 - o0, quantity=quantity))
    return out


_T = TypeVar("_T", Figure, Quantity)


def _moved(obj: _T, **changes: Any) -> _T:
    """dataclasses.replace(obj, **changes) for a Figure or Quantity (frozen, no __post_init__, every
    field in __init__), its fields set in their order as __init__ sets them, but without it:
    replace's __init__ sets each field through object.__setattr__ (3/5 of given_back's cost)."""
    new = object.__new__(type(obj))
    new.__dict__.update(
        {k: changes[k] if k in changes else getattr(obj, k) for k in _FIELDS[type(obj)]}
    )
    return new


_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls)) for cls in (Figure, Quantity)
}


def seen_given_back(
    seen: Sequence[Seen], text: str, squeezed_text: str, back: Back | None
) -> list[Seen]:
    """`given_back` for what `monitor try --explain` shows."""
    out: list[Seen] = []
    for s in seen:
        at = _found_at(squeezed_text, s.sentence, 0)
        if at < 0 or not s.sentence:
            out.append(s)
            continue
        o0, o1 = _span(back, at, 0, len(s.sentence))
        n0, n1 = _span(back, at, s.start, s.end)
        figure = given_back([s.figure], text, squeezed_text, back)[0] if s.figure else None
        surface = text[n0:n1] or s.surface
        sentence = text[o0:o1]
        out.append(
            replace(
                s, sentence=sentence, start=n0 - o0, end=n1 - o0, surface=surface, figure=figure
            )
        )
    return out
