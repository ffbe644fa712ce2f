"""The words around a data table: its title or unit note just above it, the sentence above
that points at it (…建设情况见下表, …情况见附件, with the sentence before a pointer of one
clause), the notes just below it (注：…, 说明：…).
"""

from __future__ import annotations

import functools
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import units
from monitor.pages.blocks import clean

_MAX_CAPTION = 80  # characters: a longer line above the table is a paragraph, not its title
_UNIT_NOTE = re.compile(r"[(（]?\s*(?:计量)?单位\s*[:：]\s*([^）)\s，,；;。]{1,20})")
# A sentence above the table that points at it (…建设情况见下表, 分解如下): what the table is of
_POINTER = re.compile(r"下表|如下|见表|附表|列表|见附件")
TABLE_NO = r"(?:附)?表\s*[0-9０-９]{1,2}[\s:：]"  # below it: a note (注：…, 说明：…) or its title
NOTE = re.compile(r"(?:注|说明|备注|附注)\s*[0-9０-９]?\s*[:：]|" + TABLE_NO)
_SENTENCES = re.compile(r"[^。！？；]+[。！？；]?")
_CLAUSE_MARK = re.compile(r"[，,：:]")  # a sentence of one clause has none
_MAX_INTRO = 300  # characters: a paragraph above the table longer than this is the article's
_SENTENCE_END = ("。", "；", "！", "？")


@functools.cache
@functools.cache
def _text_id() -> int:
    """Lexbor's number for a text node."""
    node = LexborHTMLParser("<p>x</p>").css_first("p")
    assert node is not None and node.first_child is not None
    return node.first_child.tag_id


_NOTE_PARTS = re.compile(r"[、,，/（(]")
_CANONICAL = frozenset(units.CANONICAL.values())


def unit_note(text: str) -> str | None:
    """The unit a note names (单位：万元、% → 万元、%); None for a 单位 that is an office, not a
    unit of measure (责任单位：市体育局, 牵头单位：…: who does the work)."""
    found = _UNIT_NOTE.search(text)
    return found.group(1) if found and measure_unit(found.group(1)) else None


def measure_unit(note: str) -> bool:
    """Does a note's first unit name a unit of measure (万套, 亿元, %), not an office?"""
    first = _NOTE_PARTS.split(note, 1)[0].strip()
    return first in ("%", "％") or units.normalise(first) in _CANONICAL


def caption_above(node: LexborNode) -> tuple[str | None, str]:
    """The unit note and the caption written just above the table (a heading, a short line),
    looking past a wrapper that holds the table alone."""
    at: LexborNode | None = node
    for _ in range(3):  # out of <div class="table-wrap"><table>…
        if at is None or _previous(at) is not None or at.parent is None:
            break
        at = at.parent
    note: str | None = None
    caption = ""
    sibling = _previous(at) if at is not None else None
    for _ in range(2):
        if sibling is None:
            break
        text = clean(sibling.text())
        if (
            not text
            or len(text) > _MAX_CAPTION
            or text.endswith(_SENTENCE_END)
            or _has_link(sibling)  # a menu or a breadcrumb, not a title
        ):
            break
        unit = unit_note(text)
        if unit and note is None:
            note = unit
            rest = _UNIT_NOTE.sub("", text).strip("（）() ")
            if rest:
                caption = rest
                break
        else:
            caption = text
            break
        sibling = _previous(sibling)
    return note, caption


def _outermost(node: LexborNode, step: str) -> LexborNode:
    """The table, or the wrapper that holds it alone on the side `step` looks to."""
    at = node
    for _ in range(3):
        beside = _previous(at) if step == "prev" else _next(at)
        if beside is not None or at.parent is None:
            break
        at = at.parent
    return at


def pointer_above(node: LexborNode) -> str:
    """The sentence of a paragraph just above the table (or above its caption) that points at
    it (…各区县任务及完成情况见下表。); "" when none does."""
    sibling = _previous(_outermost(node, "prev"))
    for _ in range(3):
        if sibling is None:
            return ""
        text = clean(sibling.text())
        if len(text) <= _MAX_INTRO and _POINTER.search(text):
            sentences: list[str] = _SENTENCES.findall(text)
            pointer = next(s for s in reversed(sentences) if _POINTER.search(s))
            alone = len(sentences) == 1 and not _CLAUSE_MARK.search(pointer)
            return _said_before(sibling) + pointer if alone else pointer
        sibling = _previous(sibling)
    return ""


def _said_before(paragraph: LexborNode) -> str:
    """The last sentence of the paragraph above one that only points at the table, in one clause
    (各区县推进情况见附件。): the sentence naming what the pointer speaks of; "" if none."""
    above = _previous(paragraph)
    text = clean(above.text()) if above is not None else ""
    if not text or len(text) > _MAX_INTRO or not text.endswith(_SENTENCE_END):
        return ""
    sentences: list[str] = _SENTENCES.findall(text)
    return sentences[-1] if sentences else ""


def notes_below(node: LexborNode) -> str:
    """The notes written just below the table (注：…, 说明：…), joined; "" when none."""
    notes: list[str] = []
    sibling = _next(_outermost(node, "next"))
    while sibling is not None and len(notes) < 3:
        text = clean(sibling.text())
        if not NOTE.match(text) and not (notes and re.match(r"[0-9０-９]{1,2}\s*[.、．]", text)):
            break
        notes.append(text[:_MAX_INTRO])
        sibling = _next(sibling)
    return "\n".join(notes)


def _next(node: LexborNode) -> LexborNode | None:
    """The element after node among its siblings (whitespace aside); None at the end or text."""
    return _sibling(node, forward=True)


def _sibling(node: LexborNode, *, forward: bool) -> LexborNode | None:
    """The element after (before) node among its siblings, whitespace between them aside; None
    at the end (start) or at text that is not whitespace."""
    sibling = node.next if forward else node.prev
    text_id = _text_id()
    while sibling is not None:
        if sibling.tag_id == text_id:
            if (sibling.text_content or "").strip():
                return None
        elif sibling.is_element_node:
            return sibling
        sibling = sibling.next if forward else sibling.prev
    return None


def _has_link(node: LexborNode) -> bool:
    return node.tag == "a" or any(child.tag == "a" for child in node.traverse())


def _previous(node: LexborNode) -> LexborNode | None:
    """The element before node among its siblings (whitespace aside); None at the start or text."""
    return _sibling(node, forward=False)
