"""An event's measures (火灾1.2万起、死亡38人、受伤21人; 道路交通事故起数、死亡人数同比分别下降…;
事故共造成612人死亡): a target of one of them (生产安全事故死亡人数, 火灾起数) takes its own
measure's figures only, read also where the text names the event alone and its measures after
it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from monitor.figures.firsts import Opening
from monitor.models import Quantity, Target

if TYPE_CHECKING:
    from monitor.figures.attribution import _Match

# Words naming an event whose measures a report counts (its number, deaths, injuries, losses)
_EVENT = re.compile(r"事故|火灾|溺水|灾害|警情")
EVENT = _EVENT  # (subsets.subset_before: an event of one grade is a part)
# Each measure of an event, by the words naming it; a count also by its unit, 起
_MEASURE = re.compile(
    r"(?P<rate>死亡率|发生率|亡人率)"
    r"|(?P<deaths>死亡|遇难|罹难|丧生)|(?P<injuries>受伤)|(?P<losses>直接经济损失|经济损失)"
    r"|(?P<count>起数|发生数|(?<=[0-9万千])起)"
)
_NAMES = {
    "deaths": "死亡",
    "injuries": "受伤",
    "losses": "经济损失",
    "count": "起数",
    "rate": "死亡率",
}
# A keyword naming an event and one of its measures (生产安全事故死亡, 火灾起数): the event's
# name before the measure
_EVENT_THEN_MEASURE = re.compile(
    r"(.*(?:事故|火灾|溺水|灾害|警情))(?:死亡|遇难|受伤|起数)(?:人数|数)?"
)


@lru_cache(maxsize=1024)
def event_measure(target: Target) -> str | None:
    """The measure of an event a target counts, from its title and keywords: deaths for
    生产安全事故死亡人数, the count for 火灾起数 or a target in 起; None for a target naming no
    event, or no measure of one. Asked for each number read: made once a target."""
    words, unit = target.title + "".join(target.keywords), target.unit
    event = _EVENT.search(words)
    if event is None:
        return None
    found = _MEASURE.search(words, event.end())
    if found is not None:
        return found.lastgroup
    return "count" if unit == "起" else None


@lru_cache(maxsize=1024)
def event_alone(keyword: str) -> str | None:
    """The event a keyword names with one of its measures, named alone (生产安全事故 for
    生产安全事故死亡); None for other keywords, or an event word too short to be a name (事故)."""
    found = _EVENT_THEN_MEASURE.fullmatch(keyword)
    event = found.group(1) if found else ""
    return event if len(event) >= 2 and event != "事故" else None


def measure_said(item: str) -> str | None:
    """The measure of an event a list item or a number's words name (死亡38人: deaths; …发生
    火灾1.2万起: the count), or None."""
    named = list(_MEASURE.finditer(item))
    return named[-1].lastgroup if named else None  # the last named: 事故死亡人数 is deaths


def completed(item: str, items: tuple[str, ...]) -> str:
    """A list item naming only a measure (死亡38人, 死亡人数) after an item naming the event
    (…发生火灾1.2万起; 道路交通事故起数): the event's name and the item, the measure of it;
    else the item as it is."""
    if not _MEASURE.match(item) or item == items[0]:
        return item
    events = list(_EVENT.finditer(items[0]))
    return items[0][: events[-1].end()] + item if events else item


_ITEM_BREAK = re.compile(r"[、，,；;：:]")


def refused(
    sentence: str,
    match: _Match,
    q: Quantity,
    paired: tuple[str, tuple[str, ...]] | None,
    target: Target,
) -> str | None:
    """Why the number gives another measure of an event than the target's (受伤21人 for a
    target of deaths), or the event named alone with no measure of it (a rate of 火灾 for a
    target of 火灾死亡); None if neither, or the target counts no measure of an event."""
    own = event_measure(target)
    if own is None:
        return None
    if paired is not None:  # a 分别 list's value: its item's measure (死亡38人)
        said = measure_said(completed(paired[0], paired[1]))
    else:  # the words of its own item (…、死亡38人), or after it (造成612人死亡)
        breaks = _ITEM_BREAK.finditer(sentence, match.start, q.start)
        cut = max((b.end() for b in breaks), default=match.start)
        after = _MEASURE.match(sentence, q.end)
        said = (
            measure_said(sentence[cut : q.start])
            or (after.lastgroup if after else None)
            or ("count" if q.unit == "起" else None)
            # (…共造成612人死亡，同比下降4.8%: the last measure named before it)
            or measure_said(sentence[match.start : q.start])
        )
    if said is not None and said != own:
        return f"another measure of the event ({_NAMES[said]}) than the target's"
    alone = sentence[match.start : match.end]
    if said is None and any(event_alone(k) == alone for k in target.keywords):
        return f"the event named alone, not its {_NAMES[own]}"
    return None


# A clause opening with a measure of an event before its amount (…火灾1.2万起、死亡38人、受伤
# 21人; …，直接经济损失1.3亿元): it goes on with the event named before
MEASURE_OPENS = Opening(
    re.compile(
        r"(?:共|累计)?(?:造成)?(?:死亡|遇难|受伤|直接经济损失|经济损失)(?:人数)?(?:为|达到?|约)?"
        r"(?=[约近超逾]?[0-9一二三四五六七八九十两])"
    )
)


def own_after(sentence: str, end: int, target: Target) -> bool:
    """Whether the words right after a number name the event measure the target counts
    (造成612人死亡 for a target of deaths)."""
    after = _MEASURE.match(sentence, end)
    return after is not None and after.lastgroup == event_measure(target)


def paired_own(paired: tuple[str, tuple[str, ...]] | None, target: Target) -> bool:
    """Whether a 分别 list's value is paired with the event measure the target counts (…，起数和
    死亡人数同比分别下降13.6%、10.2%: 10.2% with 死亡人数, for a target of deaths)."""
    own = event_measure(target) if paired is not None else None
    if own is None or paired is None:
        return False
    item, items = paired
    return measure_said(completed(item, items)) == own
