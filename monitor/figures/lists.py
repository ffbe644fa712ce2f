"""Lists read in order: 口袋公园、城市绿道和城市书房分别新建81个、48公里和20家 gives each
value to its own noun, so a target takes only the value paired with its keyword."""

from __future__ import annotations

import re

from monitor.figures.keywords import _first_part
from monitor.figures.places import mentions
from monitor.models import Quantity, Target

_RESPECTIVELY = "分别"
_BREAK = re.compile(r"[，。；：,;:]")
_ITEM = re.compile(r"[、和与及]|以及")


def pairs(sentence: str, quantities: list[Quantity]) -> dict[int, str]:
    """For each number in a 分别 list (by its start), the noun it is paired with; only lists
    whose nouns and numbers are as many."""
    return {at: item for at, (item, _) in listed(sentence, quantities).items()}


def listed(sentence: str, quantities: list[Quantity]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """For each number in a 分别 list (by its start), the item it is paired with and all the
    list's items; a list of one item (城乡居民收入分别增长4.6%和6.6%) gives each number it."""
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    at = sentence.find(_RESPECTIVELY)
    while at >= 0:
        begin = max((m.end() for m in _BREAK.finditer(sentence, 0, at)), default=0)
        nouns = tuple(n for n in _ITEM.split(sentence[begin:at]) if n)
        stop_at = _BREAK.search(sentence, at)
        stop = stop_at.start() if stop_at else len(sentence)
        values = [q for q in quantities if at < q.start < stop]
        if len(nouns) > 1 and len(nouns) == len(values):
            for noun, q in zip(nouns, values, strict=True):
                out[q.start] = (noun, nouns)
        elif len(nouns) == 1 and len(values) > 1:
            for q in values:
                out[q.start] = (nouns[0], nouns)
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


def place_of(item: str, regions: tuple[str, ...]) -> str | None:
    """The place a list item opens with (杭州, 温州今年), if it opens with one."""
    found = mentions(item, regions)
    return item if found and found[0].start == 0 else None


def modified(item: str, targets: list[Target]) -> bool:
    """Whether a target's keyword in the item has words before it (农村的托位): the last item of
    a list of that noun's parts, the earlier items its other parts (城市和农村的托位)."""
    for target in targets:
        for keyword in target.keywords:
            at = item.find(_first_part(keyword))
            if at > 0:
                return True
    return False
