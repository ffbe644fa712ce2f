"""Find a story's lead (核心提示, 导语, 摘要, a "summary" box) that sits apart from its body
container, above it, so that it is kept with the body."""

from __future__ import annotations

import re
from collections.abc import Callable

from monitor.pages.blocks import Block, Walk

# The label of a lead, at the start of its text: "核心提示：", "【导语】", "内容摘要:"
LABEL = re.compile(
    r"\s*[【\[（(]?\s*(?:核心提示|内容提要|内容摘要|导语|导读|摘要|提要|编者按)\s*[】\]）)]?\s*[:：]?\s*"
)
_FIRST = frozenset("核内导摘提编【[（(")  # what a label starts with: a cheap test before the regex
_HINTS = re.compile(
    r"\blead\b|summary|abstract|zhaiyao|daoyu|tiyao|\bintro\b|\bdigest\b", re.IGNORECASE
)
_MAX_LEAD = 1500  # characters; more is not a lead but a second body
_MIN_LEAD = 20  # characters of text beside the label


def lead(walk: Walk, containers: list[Block], keep_line: Callable[[str], bool]) -> list[str]:
    """The paragraphs of a lead above the body containers and outside them, label dropped."""
    if not containers:
        return []
    start = min(block.start for block in containers)
    region = _labelled(walk, start) or _hinted(walk, start)
    if region is None or any(_contains(region, block) for block in containers):
        return []
    lines = walk.paragraphs([region], keep_line)
    if lines:
        lines[0] = LABEL.sub("", lines[0], count=1)
    return [line for line in lines if line]


def _labelled(walk: Walk, start: int) -> Block | None:
    """The block of a labelled lead before piece `start`, widened to its parent when the label
    stands apart (<div><b>核心提示</b><p>…</p></div>)."""
    for piece in walk.pieces[:start]:
        if piece is None or piece[2]:
            continue
        text = piece[0]
        first = text.lstrip()[:1]
        if first not in _FIRST:
            continue
        label = LABEL.match(text)
        if label is None:
            continue
        block: Block | None = piece[1]
        while block is not None:
            text_size, link_size = walk.totals(block)
            if text_size > _MAX_LEAD or block.end > start:
                return None
            if text_size - len(label.group(0).strip()) >= _MIN_LEAD:
                return block if link_size * 4 < text_size and not _in_furniture(block) else None
            block = block.parent
    return None


def _hinted(walk: Walk, start: int) -> Block | None:
    """A block before piece `start` whose class or id names a lead or summary."""
    for block in walk.blocks:
        if block.start >= start:
            break
        if block.own_text < _MIN_LEAD or block.own_link * 4 >= block.own_text:
            continue
        for candidate in (block, block.parent):
            if candidate is None or not _HINTS.search(candidate.hint_text()):
                continue
            text_size, link_size = walk.totals(candidate)
            if (
                text_size <= _MAX_LEAD
                and candidate.end <= start
                and link_size * 4 < text_size
                and not _in_furniture(candidate)
            ):
                return candidate
    return None


def _in_furniture(block: Block) -> bool:
    node: Block | None = block
    while node is not None:
        # An article's own <header> holds its headline and lead: not the page's header.
        if node.is_furniture() and node.node.tag != "header":
            return True
        node = node.parent
    return False


def _contains(outer: Block, inner: Block) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
