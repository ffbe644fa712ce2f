"""Which container of a walked page holds the article: readability-style scores of its blocks'
text, commas and full stops, passed up to their ancestors, then link density and class/id hints.
"""

from __future__ import annotations

from monitor.pages.blocks import Block, Walk
from monitor.pages.hints import negative_hints, positive_hints

# What a block's score is divided by for the block, its parent, grandparent and so on up
_SHARES = (1, 1, 2, 9, 12)
_MAX_BONUS = 1.25  # the most a positive class/id hint multiplies a score by


def best_container(walk: Walk, *, skip_furniture: bool = True) -> list[Block]:
    """The block whose subtree holds the most article-like text, with any sibling blocks
    that continue it (a lead paragraph apart from the body); empty if nothing scores."""
    scored: list[Block] = []
    add = scored.append
    headings = walk.ids.headings
    for block in walk.blocks:
        text = block.own_text
        if text < 8 or block.tag in headings:
            continue
        density = block.own_link / (text + block.own_link)
        score = (1 + block.own_punct + min(text / 40, 5)) * (1 - density) ** 2
        ancestor: Block | None = block
        for share in _SHARES:
            if ancestor is None:
                break
            if skip_furniture:
                # the flag once known, else the check that sets it (a call per step was a
                # tenth of the scoring)
                furniture = ancestor.furniture
                if furniture is None:
                    furniture = ancestor.is_furniture()
                if furniture:
                    break  # comments and related lists say nothing about where the article is
            if not ancestor.score:
                add(ancestor)
            ancestor.score += score / share
            ancestor = ancestor.parent
    if not scored:
        if skip_furniture:
            return best_container(walk, skip_furniture=False)
        return []
    scored.sort(key=_by_score, reverse=True)
    best = scored[0]
    best_score = 0.0
    for candidate in scored:
        if candidate.score * _MAX_BONUS <= best_score:
            break
        final = _final_score(walk, candidate)
        if final > best_score:
            best, best_score = candidate, final
    return _with_siblings(walk, best, scored)


def _with_siblings(walk: Walk, best: Block, scored: list[Block]) -> list[Block]:
    """best, and its siblings that score like article text: few links, not furniture."""
    parent = best.parent
    if parent is None:
        return [best]
    threshold = best.score * 0.2
    chosen = [best]
    for block in scored:
        if block.parent is not parent or block is best or block.score < threshold:
            continue
        text, link = walk.totals(block)
        if link * 4 < text and not block.is_furniture() and not negative_hints(block.hint_text()):
            chosen.append(block)
    chosen.sort(key=_by_start)
    return chosen


def _final_score(walk: Walk, element: Block) -> float:
    text, link = walk.totals(element)
    if element.score <= 0 or text <= 0:
        return 0.0
    score = element.score * (1 - link / text)
    if element.is_furniture():
        score *= 0.2
    hints = element.hint_text()
    if hints.strip():
        if negative_hints(hints):
            score *= 0.5
        if positive_hints(hints):
            score *= _MAX_BONUS
    return score


def _by_score(block: Block) -> float:
    return block.score


def _by_start(block: Block) -> int:
    return block.start
