"""Lists read in order: 口袋公园、城市绿道和城市书房分别新建81个、48公里和20家 gives each
value to its own noun, so a target takes only the value paired with its keyword."""

from __future__ import annotations

import re

from monitor.models import Quantity

_RESPECTIVELY = "分别"
_BREAK = re.compile(r"[，。；：,;:]")
_ITEM = re.compile(r"[、和与及]|以及")


def pairs(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """For each number in a 分别 list (by its start), the noun it is paired with; only lists
    whose nouns and numbers are as many."""
    out: dict[int, str] = {}
    at = sentence.find(_RESPECTIVELY)
    while at >= 0:
        begin = max((m.end() for m in _BREAK.finditer(sentence, 0, at)), default=0)
        nouns = [n for n in _ITEM.split(sentence[begin:at]) if n]
        stop_at = _BREAK.search(sentence, at)
        stop = stop_at.start() if stop_at else len(sentence)
        values = [q for q in quantities if at < q.start < stop]
        if len(nouns) > 1 and len(nouns) == len(values):
            for noun, q in zip(nouns, values, strict=True):
                out[q.start] = noun
        at = sentence.find(_RESPECTIVELY, at + 2)
    return out


def span(sentence: str) -> tuple[int, int] | None:
    """From the first 分别 list's nouns to the end of its numbers, when the sentence has one:
    its numbers must be read although their clauses name no keyword."""
    at = sentence.find(_RESPECTIVELY)
    if at < 0:
        return None
    begin = max((m.end() for m in _BREAK.finditer(sentence, 0, at)), default=0)
    stop_at = _BREAK.search(sentence, at)
    return begin, stop_at.start() if stop_at else len(sentence)
