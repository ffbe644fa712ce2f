"""Pages typed with ASCII marks where Chinese uses full-width ones (“十四五”期间,…; 其中:…;
…36个(含改建8个); "新建…"列为实事; 进行改造.), or with full-width digits (２０２５年, １２０个):
read as if written with ，；：（）“”。 and 0-9, which the reading rules know, the figures then
given back with the page's own sentences (each mark one letter for one, so every offset holds)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from monitor.models import Figure, Seen

# a comma or colon between digits is a number's (1,234; 10:30), not a clause's
_ASCII = re.compile(r"(?<![0-9]),|,(?![0-9])|;|(?<![0-9]):|:(?![0-9])|\(|\)")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}


_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
_FULL_WIDTH_NUMBER = re.compile("[０-９][０-９．]*")
_ASCII_DIGITS = str.maketrans({**{d: str(i) for i, d in enumerate(_FULL_WIDTH_DIGITS)}, "．": "."})
_FULL_WIDTH_POINT = re.compile("(?<=[0-9])．(?=[0-9])")
_QUOTE_OR_LINE = re.compile('["\n]')


def full_width(text: str) -> str:
    """`text` with its digits ASCII and its clause marks and quotes full-width; `text` itself
    when it has none to change. (Digits first: 1,230 typed １,２３０ keeps its comma a number's.)"""
    out = text
    if any(digit in out for digit in _FULL_WIDTH_DIGITS):
        out = _FULL_WIDTH_NUMBER.sub(lambda m: m.group().translate(_ASCII_DIGITS), out)
    if "．" in out:  # 12．5万套
        out = _FULL_WIDTH_POINT.sub(".", out)
    if "," in out or ";" in out or ":" in out or "(" in out:
        out = _ASCII.sub(lambda m: _FULL[m.group()], out)
    if '"' in out:
        out = _paired(out)
    if "." in out:
        out = _full_stops(out)
    return text if out == text else out  # (callers test `is`: an equal copy would read again)


# an ASCII full stop after a word, a per cent or a closing mark, before a word, a mark, a space
# or the end (超年度目标12.8%.建成…; 进行改造.): the sentence's end, not a decimal point or a URL's
_STOP_AFTER = re.compile(r"[\u4e00-\u9fff%％”’）》」]")
_STOP_BEFORE = re.compile(r"[\u4e00-\u9fff“‘（《「\s]")


def _full_stops(text: str) -> str:
    """`text` with its ASCII full stops that end a Chinese sentence as 。 (found with str.find:
    most texts hold a decimal point, and a pattern would test every letter)."""
    stops: list[int] = []
    at = text.find(".")
    while at >= 0:
        if (
            at
            and _STOP_AFTER.match(text, at - 1)
            and (at + 1 == len(text) or _STOP_BEFORE.match(text, at + 1))
        ):
            stops.append(at)
        at = text.find(".", at + 1)
    if not stops:
        return text
    letters = list(text)
    for at in stops:
        letters[at] = "。"
    return "".join(letters)


def _paired(text: str) -> str:
    """ASCII double quotes as “…”, the first of a line opening, the next closing."""
    opened = False

    def quote(m: re.Match[str]) -> str:
        nonlocal opened
        if m.group() == "\n":
            opened = False
            return "\n"
        opened = not opened
        return "“" if opened else "”"

    return _QUOTE_OR_LINE.sub(quote, text)


def restored(found: Sequence[Figure], text: str, marked: str) -> list[Figure]:
    """The figures read in `marked` (full_width of `text`), each with its sentence as `text`
    has it."""
    out: list[Figure] = []
    cursor = 0
    for fig in found:
        at = marked.find(fig.sentence, cursor)
        if at < 0:
            at = marked.find(fig.sentence)
        if at < 0:  # (a headline put before the text: kept as read)
            out.append(fig)
            continue
        cursor = at
        sentence = text[at : at + len(fig.sentence)]
        q = fig.quantity  # (１２０个 as the page has it)
        quantity = replace(q, surface=sentence[q.start : q.end]) if q.end > q.start else q
        out.append(replace(fig, sentence=sentence, quantity=quantity))
    return out


def seen_restored(seen: Sequence[Seen], text: str, marked: str) -> list[Seen]:
    """`restored` for what `monitor try --explain` shows."""
    out: list[Seen] = []
    for s in seen:
        at = marked.find(s.sentence) if s.sentence else -1
        if at < 0:
            out.append(s)
            continue
        sentence = text[at : at + len(s.sentence)]
        figure = restored([s.figure], text, marked)[0] if s.figure else None
        surface = sentence[s.start : s.end] or s.surface
        out.append(replace(s, sentence=sentence, surface=surface, figure=figure))
    return out
