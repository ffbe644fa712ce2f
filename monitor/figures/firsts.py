"""A pattern made to look first at the letters its matches can start with.

`re` searches quickly with a pattern that opens with a letter or a class (it jumps from one
place holding one of them to the next), but it tries the whole pattern at every place of the
text when an alternative opens with a look-behind, a group or an optional word: a pattern of
forty alternatives then costs ~1.5-2 us a sentence. `opening(pattern)` puts before such a
pattern a look-ahead of the letters its matches can start with, worked out from the pattern
itself (so a rule added later is counted too): the same matches, found where they can start
(2-3x quicker searches on corpus sentences, bench/README.md).
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]  # private, but the only way
from re._constants import (  # type: ignore[import-not-found]  # to ask what a pattern opens with
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    RANGE,
    SUBPATTERN,
)
from typing import Any

_MOST = 400  # letters: a look-ahead of more than these tells little and costs a longer class
_MARK = "(?#first letters)"  # opens a pattern `opening` made (a comment: re reads past it)
_MADE: dict[tuple[str, int], str] = {}  # (a pattern, its flags) → what `opening` made of it


class _AnyLetter(Exception):
    """A match may start with a letter out of any bounded set (., [^…], \\s, \\w)."""


def opening(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, with a look-ahead of the letters its matches can start with when `re` finds
    no first letters of its own; unchanged when it does, or when a match may start with any
    letter or be empty (or the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    made = _made().get((pattern.pattern, pattern.flags))
    if made is not None:  # the build recorded it: no parse (~5 ms for the longest patterns)
        return re.compile(made, pattern.flags)
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        opens = _compiler._get_literal_prefix(parsed, pattern.flags)[0]
        opens = opens or _compiler._get_charset_prefix(parsed, pattern.flags)
    except AttributeError:  # another interpreter's re, made otherwise
        return pattern
    if opens:
        return pattern  # re looks for its first letters itself
    letters: set[str] = set()
    try:
        if _first(list(parsed), letters) or len(letters) > _MOST:
            return pattern  # it may match the empty string: any place may start a match
    except _AnyLetter:
        return pattern
    ahead = "".join(map(re.escape, sorted(letters)))
    try:
        return re.compile(f"{_MARK}(?=[{ahead}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # (flags set in the pattern's text must open it)
        return pattern


class Opening:
    """A pattern tried with match() at places in a sentence where most of its rules fail at the
    first letter: that letter is looked for among those its matches can start with, worked out
    from the pattern at its first match, before `re` is called (a call that fails costs ~1,500
    instructions, most of them the call's own; the look ~200)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._letters: str | None = None  # (None: not worked out yet, or any letter may start)
        self._known = False

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """pattern.match(string, pos)."""
        if not self._known:
            self._letters = first_letters(self.pattern)
            self._known = True
        letters = self._letters
        if letters is not None and 0 <= pos < len(string) and string[pos] not in letters:
            return None
        return self.pattern.match(string, pos)


def first_letters(pattern: re.Pattern[str]) -> str | None:
    """The letters a match of `pattern` can start with; None when it may start with any or be
    empty (or the pattern ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return None
    letters: set[str] = set()
    try:
        if _first(list(_parser.parse(pattern.pattern, pattern.flags)), letters):
            return None
    except (_AnyLetter, AttributeError):  # (AttributeError: another interpreter's re)
        return None
    return "".join(sorted(letters))


def _made() -> dict[tuple[str, int], str]:
    """What `opening` made of each pattern, from the patterns `scripts/native` recorded (see
    monitor/native.py: a pattern it made is one of those a run compiles at its start)."""
    if not _MADE:
        recorded = getattr(_compiler.compile, "recorded", None) or {}
        for text, flags in recorded:
            if isinstance(text, str) and text.startswith(_MARK):
                inner = text[text.index("])(?:", len(_MARK)) + 5 : -1]  # (a class holds no ])
                _MADE[(inner, flags)] = text
        _MADE[("", -1)] = ""  # looked for once, found or not
    return _MADE


def _first(items: list[tuple[Any, Any]], letters: set[str]) -> bool:
    """Add to `letters` those a match of the sequence `items` (parsed) can start with; True when
    the sequence may match the empty string, so that what follows it can start a match too."""
    for op, av in items:
        if op is LITERAL:
            letters.add(chr(av))
            return False
        if op is IN:
            for kind, value in av:
                if kind is LITERAL:
                    letters.add(chr(value))
                elif kind is RANGE and value[1] - value[0] < _MOST:
                    letters.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    raise _AnyLetter  # a negated class, a category (\s, \d), a wide range
            return False
        if op is BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _first(list(alternative), letters) or empty
            if not empty:
                return False
        elif op is SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _AnyLetter  # (?i:…): letters of either case
            if not _first(list(av[3]), letters):
                return False
        elif op is ATOMIC_GROUP:
            if not _first(list(av), letters):
                return False
        elif op is MAX_REPEAT or op is MIN_REPEAT or op is POSSESSIVE_REPEAT:
            if not _first(list(av[2]), letters) and av[0] > 0:
                return False
        elif op is not ASSERT and op is not ASSERT_NOT and op is not AT:
            raise _AnyLetter  # any letter (.), a letter not given (NOT_LITERAL), a group's text
    return True  # (look-arounds and anchors take no letter: what follows them starts the match)


def find_word(text: str, word: str, start: int = 0) -> int:
    """text.find(word, start), from the place of the word's first letter: str.find looks for one
    letter with memchr (~0.03 ns a letter of a page), for a word of two or more letter by letter
    (~1 ns), so a word whose first letter the page lacks, or holds late, is found at once."""
    at = text.find(word[:1], start)
    if at < 0 or text.startswith(word, at):
        return at
    return text.find(word, at + 1)


def places_of(text: str, words: tuple[str, ...] | str) -> list[int]:
    """Where `text` holds any of `words` (or of the letters of a string), in order: found with
    str.find, which looks for a letter with memchr, where a pattern's class tests every letter."""
    at_all: list[int] = []
    for word in words:
        at = find_word(text, word)
        while at >= 0:
            at_all.append(at)
            at = find_word(text, word, at + 1)
    return sorted(at_all)
