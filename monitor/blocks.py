"""Walk a parsed page into blocks of text, and score which container holds the article.

Text and link characters, commas and full stops per block element, readability-style scores
passed up to the ancestors, link density and class/id hints; then the paragraphs of a container.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose text is never article text.
_DROP = frozenset([
    "script", "style", "noscript", "iframe", "svg", "template", "textarea", "select", "option",
    "button", "object", "embed", "canvas", "video", "audio", "map", "head",
])  # fmt: skip
_MAX_BONUS = 1.25  # the most a positive class/id hint multiplies a score by
# Inline tags: their text belongs to the paragraph of the block around them.
_INLINE = frozenset([
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "o:p",
])  # fmt: skip
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "dialog"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_TOP_HEADINGS = frozenset({"h1", "h2"})
_BREAKS = frozenset({"br", "hr"})


class _TagIds:
    """Lexbor's numbers for the tags above: comparing ints is cheaper than making tag names."""

    def __init__(self) -> None:
        parser = LexborHTMLParser("")
        names = _DROP | _INLINE | _FURNITURE_TAGS | _HEADINGS | _CELLS | _BREAKS | {"a"}
        ids = {name: parser.create_node(name).tag_id for name in names}
        # Tags lexbor does not know get a number per document; only the fixed ones are kept.
        known = {name: tag_id for name, tag_id in ids.items() if tag_id < 1024}
        self.max_known = max(known.values()) + 64
        sample = LexborHTMLParser("<p>x<!-- c --></p>").css_first("p")
        assert (
            sample is not None and sample.first_child is not None and sample.last_child is not None
        )
        self.text = sample.first_child.tag_id
        self.comment = sample.last_child.tag_id
        self.link = known["a"]
        self.drop = frozenset(known[name] for name in _DROP if name in known)
        self.inline = frozenset(known[name] for name in _INLINE if name in known)
        self.furniture = frozenset(known[name] for name in _FURNITURE_TAGS)
        self.headings = frozenset(known[name] for name in _HEADINGS)
        self.top_headings = frozenset(known[name] for name in _TOP_HEADINGS)
        self.cells = frozenset(known[name] for name in _CELLS)
        self.breaks = frozenset(known[name] for name in _BREAKS)


@functools.cache
def _tag_ids() -> _TagIds:
    return _TagIds()


# Class/id words for page furniture: text under such an element never counts as the article's.
_FURNITURE = re.compile(
    r"comment|pinglun|disqus|reply|footer|\bfoot|copyright|banquan|\bnav|menu|breadcrumb|crumb|"
    r"sidebar|side-?bar|related|relate|xgxw|xgyd|recommend|tuijian|share|fenxiang|bdshare|jiathis|"
    r"qrcode|erweima|\bewm|\bads?\b|advert|sponsor|\bgg\b|hot-?rank|\brank|\bpager|pagination|"
    r"shengming|shenming|mianze",  # 声明, 免责: a disclaimer box
    re.IGNORECASE,
)
# Words that lower a container's score but keep its text when it is not mostly links.
_NEGATIVE = re.compile(
    r"side\b|\baside|\brec\b|\bhot|social|\bsns|weixin|wechat|\btags?\b|keyword|promo|banner|\btool|"
    r"print|login|subscribe|page-?nav|\bmore\b|widget|popup|modal|\bbottom|\btop\b|header|masthead|"
    r"logo|\bsearch|\blink|friend|\bnotice|statement|disclaimer|\bauthor|\beditor|\bsource|\binfo\b|"
    r"\bmeta\b|\bdate\b|\btime\b|\bzan\b|\blike\b|\bvote|survey",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"article|content|\bcont\b|\bcon\b|\btext|\bbody|\bmain|\bpost|entry|detail|story|"
    r"\bnews|zhengwen|\bzw\b|endtext|\btrs|\bpage-?content|\bmiddle|\bcenter|\bwenzhang",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


class Block:
    """A block element: its own inline text, and what its whole subtree adds up to."""

    # Counters default at class level: most blocks never hold text, so their instances stay small.
    own_text = 0
    own_link = 0
    own_punct = 0
    score = 0.0
    end = -1  # pieces[start:end] are this subtree's text; end is found when first needed
    hints: str | None = None  # class and id, lowercased; read when first needed
    furniture: bool | None = None  # nav, footer, comments, share bar…; decided when first needed

    def __init__(self, node: LexborNode, tag: int, parent: Block | None, start: int) -> None:
        self.node = node
        self.tag = tag
        self.parent = parent
        self.start = start

    def hint_text(self) -> str:
        if self.hints is None:
            attrs = self.node.attributes
            self.hints = (
                f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower() if attrs else ""
            )
        return self.hints

    def is_furniture(self) -> bool:
        if self.furniture is None:
            self.furniture = self.tag in _tag_ids().furniture or _matches(
                _FURNITURE, self.hint_text()
            )
        return self.furniture


class Walk:
    """One depth-first pass: inline text pieces in document order, attributed to their blocks."""

    def __init__(self, root: LexborNode) -> None:
        self.ids = ids = _tag_ids()
        self.elements: dict[int, Block] = {}  # mem_id of any element → its nearest block
        self.blocks: list[Block] = []  # blocks holding text, in document order
        # (text, its block, inside a link) in document order; None stands for a <br>
        self.pieces: list[tuple[str, Block, bool] | None] = []
        self.root_id = root.mem_id
        # mem_id of an element → index of the first piece at or after it
        self._starts: dict[int, int] = {}
        self._sizes: list[int] = []  # characters in each piece, whitespace aside
        self._chars: list[int] = []  # running totals of text and link characters, made on demand
        self._link_chars: list[int] = []
        self._under: dict[int, bool] = {}
        elements, blocks, pieces, starts = self.elements, self.blocks, self.pieces, self._starts
        sizes = self._sizes
        links: set[int] = set()  # mem_ids of elements inside an <a>
        count = str.count  # commas and full stops: what readability counts, in Chinese
        text_id, comment_id, link_id, max_known = ids.text, ids.comment, ids.link, ids.max_known
        drop, inline, breaks = ids.drop, ids.inline, ids.breaks
        elements[self.root_id] = Block(root, root.tag_id, None, 0)
        nodes = root.traverse(include_text=True, skip_empty=True)
        next(nodes)  # the root itself
        for node in nodes:
            tag = node.tag_id
            if tag == text_id:
                text = node.text_content
                if not text:
                    continue
                size = len(text.strip())  # no-break and ideographic spaces too
                if not size:
                    continue
                parent_id = node.parent.mem_id  # type: ignore[union-attr]  # text always has one
                block = elements.get(parent_id)
                if block is None:  # inside a dropped element
                    continue
                if not block.own_text and not block.own_link:
                    blocks.append(block)
                in_link = parent_id in links
                pieces.append((text, block, in_link))
                sizes.append(size)
                if in_link:
                    block.own_link += size
                else:
                    block.own_text += size
                    block.own_punct += count(text, "，") + count(text, "。")
            elif tag != comment_id and tag not in drop:
                parent_id = node.parent.mem_id  # type: ignore[union-attr]
                up = elements.get(parent_id)
                if up is None:  # inside a dropped element
                    continue
                node_id = node.mem_id
                starts[node_id] = len(pieces)
                if tag == link_id or parent_id in links:
                    links.add(node_id)
                if tag in inline or (tag > max_known and node.tag in _INLINE):
                    elements[node_id] = up
                    continue
                elements[node_id] = Block(node, tag, up, len(pieces))
                if tag in breaks:
                    pieces.append(None)
                    sizes.append(0)

    def element(self, node: LexborNode) -> Block | None:
        """The block record for an element of the walked tree."""
        return self.elements.get(node.mem_id)

    def end(self, block: Block) -> int:
        """Where block's subtree ends in pieces: the start of what follows it in the document."""
        if block.end >= 0:
            return block.end
        node: LexborNode | None = block.node
        found = len(self.pieces)
        texts = 0  # text nodes between the subtree and the next known element: one piece each
        while node is not None and node.mem_id != self.root_id:
            sibling = node.next
            while sibling is not None:
                if sibling.is_text_node:
                    content = sibling.text_content
                    if content and not content.isspace():
                        texts += 1
                else:
                    start = self._starts.get(sibling.mem_id)
                    if start is not None:
                        found = start
                        node = None
                        break
                sibling = sibling.next
            else:
                node = node.parent
        block.end = found - texts
        return block.end

    def totals(self, block: Block) -> tuple[int, int]:
        """Characters of text and of link text in block's subtree."""
        end = self.end(block)
        if not self._chars:
            pieces, sizes = self.pieces, self._sizes
            links = [
                size if piece and piece[2] else 0 for piece, size in zip(pieces, sizes, strict=True)
            ]
            self._chars = [0, *accumulate(sizes)]
            self._link_chars = [0, *accumulate(links)]
        chars, link_chars, start = self._chars, self._link_chars, block.start
        return chars[end] - chars[start], link_chars[end] - link_chars[start]

    def best_container(self, *, skip_furniture: bool = True) -> list[Block]:
        """The block whose subtree holds the most article-like text, with any sibling blocks
        that continue it (a lead paragraph apart from the body); empty if nothing scores."""
        scored: list[Block] = []
        headings = self.ids.headings
        for block in self.blocks:
            text = block.own_text
            if text < 8 or block.tag in headings:
                continue
            density = block.own_link / (text + block.own_link)
            score = (1 + block.own_punct + min(text / 40, 5)) * (1 - density) ** 2
            level = 0
            ancestor: Block | None = block
            while ancestor is not None and level < 5:
                if skip_furniture and ancestor.is_furniture():
                    break  # comments and related lists say nothing about where the article is
                if not ancestor.score:
                    scored.append(ancestor)
                ancestor.score += score / (1 if level < 2 else 2 if level == 2 else level * 3)
                ancestor = ancestor.parent
                level += 1
        if not scored:
            if skip_furniture:
                return self.best_container(skip_furniture=False)
            return []
        scored.sort(key=_by_score, reverse=True)
        best = scored[0]
        best_score = 0.0
        for candidate in scored:
            if candidate.score * _MAX_BONUS <= best_score:
                break
            final = self._final_score(candidate)
            if final > best_score:
                best, best_score = candidate, final
        return self._with_siblings(best, scored)

    def _with_siblings(self, best: Block, scored: list[Block]) -> list[Block]:
        """best, and its siblings that score like article text: few links, not furniture."""
        parent = best.parent
        if parent is None:
            return [best]
        threshold = best.score * 0.2
        chosen = [best]
        for block in scored:
            if block.parent is not parent or block is best or block.score < threshold:
                continue
            text, link = self.totals(block)
            if (
                link * 4 < text
                and not block.is_furniture()
                and not _matches(_NEGATIVE, block.hint_text())
            ):
                chosen.append(block)
        chosen.sort(key=_by_start)
        return chosen

    def _final_score(self, element: Block) -> float:
        text, link = self.totals(element)
        if element.score <= 0 or text <= 0:
            return 0.0
        score = element.score * (1 - link / text)
        if element.is_furniture():
            score *= 0.2
        hints = element.hint_text()
        if hints.strip():
            if _matches(_NEGATIVE, hints):
                score *= 0.5
            if _matches(_POSITIVE, hints):
                score *= _MAX_BONUS
        return score

    def paragraphs(self, containers: list[Block], keep_line: Callable[[str], bool]) -> list[str]:
        """The containers' paragraphs in order, without link lists or furniture, and only the
        lines keep_line accepts; the cells of a table row share a line."""
        out: list[str] = []
        for container in containers:
            self._under.clear()
            parts: list[str] = []
            current: Block | None = None
            row: Block | None = None  # the table row the last line came from
            keep = False
            for piece in [*self.pieces[container.start : self.end(container)], None]:
                if piece is not None and piece[1] is current:
                    if keep:
                        parts.append(piece[0])
                    continue
                if parts:
                    line = _join(parts)
                    parts.clear()
                    if line and keep_line(line):
                        cell_row = (
                            current.parent
                            if current is not None and current.tag in self.ids.cells
                            else None
                        )
                        if cell_row is not None and cell_row is row and out:
                            out[-1] += " " + line
                        else:
                            out.append(line)
                        row = cell_row
                if piece is None:
                    current = None
                    continue
                text, current, _ = piece
                keep = current.own_text >= current.own_link and self._inside(current, container)
                if keep:
                    parts.append(text)
        return out

    def _inside(self, block: Block, container: Block) -> bool:
        """Is block within container, with no page furniture between them?"""
        under = self._under
        path: list[Block] = []
        node: Block | None = block
        result = False
        while node is not None:  # a loop, not recursion: markup can nest thousands deep
            known = under.get(id(node))
            if known is not None:
                result = known
                break
            if node is container:
                result = True
                break
            path.append(node)
            if node.is_furniture() or (
                _matches(_NEGATIVE, node.hint_text()) and _link_heavy(self.totals(node))
            ):
                break
            node = node.parent
        for step in path:
            under[id(step)] = result
        return result

    def headings(self) -> list[str]:
        """Text of the h1 and h2 elements, in document order."""
        return [
            clean(block.node.text()) for block in self.blocks if block.tag in self.ids.top_headings
        ]

    def dateline_text(self, title: str) -> str:
        """The page text from the headline on (where a dateline sits), else from the top."""
        parts: list[str] = []
        last: Block | None = None
        for piece in self.pieces:
            if piece is None or piece[1] is not last:
                parts.append("\n")  # a line per block, so that a dateline stands on its own
            if piece is not None:
                parts.append(piece[0])
                last = piece[1]
            else:
                last = None
        text = "".join(parts)
        if title:
            at = text.find(title[:12])
            if at >= 0:
                return text[at : at + 3000]
        return text[:6000]


def _by_score(block: Block) -> float:
    return block.score


def _link_heavy(totals: tuple[int, int]) -> bool:
    text, link = totals
    return link * 3 > text


def _by_start(block: Block) -> int:
    return block.start


@functools.lru_cache(maxsize=8192)
def _matches(pattern: re.Pattern[str], hints: str) -> bool:
    return bool(hints) and pattern.search(hints) is not None


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if text and part and _ASCII_WORD.match(text[-1]) and _ASCII_WORD.match(part[0]):
            text += " "
        text += part
    return _SPACE.sub(" ", text).strip()


def clean(text: str | None) -> str:
    """Whitespace runs as one space, trimmed."""
    return _SPACE.sub(" ", text or "").strip()
