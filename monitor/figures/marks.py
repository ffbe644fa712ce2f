"""Pages typed with ASCII marks where Chinese uses full-width ones (“十四五”期间,…; 其中:…;
…36个(含改建8个); "新建…"列为实事; 进行改造.), or with full-width digits (２０２５年, １２０个):
read as if written with ，；：（）“”。 and 0-9, which the reading rules know, the figures then
given back with the page's own sentences (each mark one letter for one, so every offset holds:
spacing.given_back with no map). Pages in traditional letters (萬, 區) are read in simplified ones
the same way (traditional.py), and three result wordings as the rules know them (已落成 as 已建成:
wordings.py)."""

from __future__ import annotations

import re

from monitor.figures.firsts import places_of
from monitor.figures.traditional import simplified
from monitor.figures.wordings import as_known

# a comma or colon between digits is a number's (1,234; 10:30), not a clause's
_ASCII = re.compile(r"(?<![0-9]),|,(?![0-9])|;|(?<![0-9]):|:(?![0-9])|\(|\)")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}


_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
_FULL_WIDTH_NUMBER = re.compile("[０-９][０-９．﹒]*")  # ﹒: a small full stop as the point
_POINTS = {"．": ".", "﹒": "."}
_ASCII_DIGITS = str.maketrans({**{d: str(i) for i, d in enumerate(_FULL_WIDTH_DIGITS)}, **_POINTS})
_FULL_WIDTH_POINT = re.compile("(?<=[0-9])．(?=[0-9])")
_QUOTE_OR_LINE = re.compile('["\n]')


def full_width(text: str) -> str:
    """`text` with its digits ASCII, its clause marks and quotes full-width and its letters
    simplified (萬, 區: traditional.py); `text` itself when it has none to change. Letter for
    letter. (Digits first: 1,230 typed １,２３０ keeps its comma a number's.)"""
    out = as_known(simplified(text))  # (已落成 as 已建成: wordings.py)
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


# an ASCII full stop after a word, a per cent or a closing mark, before a word, a mark, a space,
# a digit or the end (超年度目标12.8%.建成…; 进行改造.; 投资300亿元.1—7月份…): the sentence's end,
# not a decimal point (a digit before it) or a URL's
_STOP_AFTER = re.compile(r"[\u4e00-\u9fff%％”’）》」]")
_STOP_BEFORE = re.compile(r"[\u4e00-\u9fff“‘（《「\s0-9]")


def _full_stops(text: str) -> str:
    """`text` with its ASCII full stops that end a Chinese sentence as 。 (found with str.find:
    most texts hold a decimal point, and a pattern would test every letter)."""
    stops = [
        at
        for at in places_of(text, ".")
        if at
        and _STOP_AFTER.match(text, at - 1)
        and (at + 1 == len(text) or _STOP_BEFORE.match(text, at + 1))
    ]
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
