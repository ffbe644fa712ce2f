"""Walk a parsed page into blocks of text, and read a container's paragraphs.

Text and link characters, commas and full stops per block element, in one depth-first pass
(scoring.py picks the container that holds the article from them); then the paragraphs of a
container, without link lists or page furniture.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.pages.hints import furniture_hints, negative_hints

# Elements whose text is never article text.
_DROP = frozenset([
    "script", "style", "noscript", "iframe", "svg", "template", "textarea", "select", "option",
    "button", "object", "embed", "canvas", "video", "audio", "map", "head",
])  # fmt: skip
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
        self.unread = self.drop | {self.comment}  # what the walk skips, subtree and all
        self.inline = frozenset(known[name] for name in _INLINE if name in known)
        self.furniture = frozenset(known[name] for name in _FURNITURE_TAGS)
        self.headings = frozenset(known[name] for name in _HEADINGS)
        self.top_headings = frozenset(known[name] for name in _TOP_HEADINGS)
        self.cells = frozenset(known[name] for name in _CELLS)
        self.breaks = frozenset(known[name] for name in _BREAKS)
        self.script = known["script"]


@functools.cache
def _tag_ids() -> _TagIds:
    return _TagIds()


class Block:
    """A block element: its own inline text, and what its whole subtree adds up to."""

    __slots__ = (  # attributes in slots: cheaper to make, set and read than a __dict__
        "end", "furniture", "hints", "node", "own_link", "own_punct", "own_text", "parent", "score",
        "start", "tag",
    )  # fmt: skip

    def __init__(self, node: LexborNode, tag: int, parent: Block | None, start: int) -> None:
        self.node = node
        self.tag = tag
        self.parent = parent
        self.start = start
        self.end = -1  # pieces[start:end] are this subtree's text, once the walk has closed it
        self.own_text = self.own_link = self.own_punct = 0
        self.score = 0.0
        self.hints: str | None = None  # class and id, lowercased; read when first needed
        self.furniture: bool | None = None  # nav, footer, share bar…; decided when first needed

    def hint_text(self) -> str:
        if self.hints is None:
            attrs = self.node.attributes
            self.hints = (
                f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower() if attrs else ""
            )
        return self.hints

    def is_furniture(self) -> bool:
        if self.furniture is None:
            self.furniture = self.tag in _tag_ids().furniture or furniture_hints(self.hint_text())
        return self.furniture


class Walk:
    """One depth-first pass: inline text pieces in document order, attributed to their blocks."""

    def __init__(self, root: LexborNode) -> None:
        self.ids = _tag_ids()
        self.all_blocks: list[Block] = []  # in document order
        self.blocks: list[Block] = []  # blocks holding text, in document order of their text
        # (text, its block, inside a link) in document order; None stands for a <br>
        self.pieces: list[tuple[str, Block, bool] | None] = []
        self._sizes: list[int] = []  # characters in each piece, whitespace aside
        self._chars: list[int] = []  # running totals of text and link characters, made on demand
        self._link_chars: list[int] = []
        self._under: dict[int, bool] = {}
        self.scripts: list[LexborNode] = []  # the <script> elements, unread, for script data
        self._read(root)

    def _read(self, root: LexborNode) -> None:
        """Walk root's subtree with a stack of the open elements' child iterators. The stack
        knows each node's block and whether it is inside a link (asking lexbor for node.parent
        would make a Python object per node), closes each block where its text ends, and never
        enters a dropped element."""
        ids = self.ids
        all_blocks, blocks, pieces, sizes = self.all_blocks, self.blocks, self.pieces, self._sizes
        scripts, script_id = self.scripts, ids.script
        count = str.count  # commas and full stops: what readability counts, in Chinese
        text_id, link_id, max_known = ids.text, ids.link, ids.max_known
        unread, inline, breaks = ids.unread, ids.inline, ids.breaks
        block = Block(root, root.tag_id, None, 0)
        closing: Block | None = block  # the block the open element closes; None for inline ones
        all_blocks.append(block)
        in_link = False
        children = root.iter(True, True)  # text too, but not whitespace alone
        stack: list[tuple[Iterator[LexborNode], Block, bool, Block | None]] = []
        while True:
            for node in children:
                tag = node.tag_id
                if tag == text_id:
                    text = node.text_content
                    if not text:
                        continue
                    size = len(text.strip())  # no-break and ideographic spaces too
                    if not size:
                        continue
                    if not block.own_text and not block.own_link:
                        blocks.append(block)
                    pieces.append((text, block, in_link))
                    sizes.append(size)
                    if in_link:
                        block.own_link += size
                    else:
                        block.own_text += size
                        block.own_punct += count(text, "，") + count(text, "。")
                elif tag not in unread:  # an element to enter
                    stack.append((children, block, in_link, closing))
                    if tag in inline or (tag > max_known and node.tag in _INLINE):
                        closing = None
                        in_link = in_link or tag == link_id
                    else:
                        block = closing = Block(node, tag, block, len(pieces))
                        all_blocks.append(block)
                        if tag in breaks:
                            pieces.append(None)
                            sizes.append(0)
                    children = node.iter(True, True)
                    break
                elif tag == script_id:
                    scripts.append(node)
            else:  # the children are done: the element closes
                if closing is not None:
                    closing.end = len(pieces)
                if not stack:
                    return
                children, block, in_link, closing = stack.pop()

    def element(self, node: LexborNode) -> Block | None:
        """The block of an element of the walked tree, for an inline one the block around it;
        None for an element outside the tree or inside a dropped one."""
        if not node.is_element_node:
            return None
        wanted = node.mem_id  # a body selector names a block: found before a map of all is made
        for found in self.all_blocks:
            if found.node.mem_id == wanted:
                return found
        by_node = {block.node.mem_id: block for block in self.all_blocks}
        at: LexborNode | None = node
        while at is not None:  # up to the nearest block, unless a dropped element comes first
            block = by_node.get(at.mem_id)
            if block is not None:
                return block
            if at.tag_id in self.ids.drop:
                return None
            at = at.parent
        return None

    def totals(self, block: Block) -> tuple[int, int]:
        """Characters of text and of link text in block's subtree."""
        end = block.end
        if not self._chars:
            pieces, sizes = self.pieces, self._sizes
            links = [
                size if piece and piece[2] else 0 for piece, size in zip(pieces, sizes, strict=True)
            ]
            self._chars = [0, *accumulate(sizes)]
            self._link_chars = [0, *accumulate(links)]
        chars, link_chars, start = self._chars, self._link_chars, block.start
        return chars[end] - chars[start], link_chars[end] - link_chars[start]

    def paragraphs(
        self,
        containers: list[Block],
        keep_line: Callable[[str], bool],
        leave_out: Sequence[Block] = (),
    ) -> list[str]:
        """The containers' paragraphs in order, without link lists or furniture, and only the
        lines keep_line accepts; the cells of a table row share a line. The text of the blocks
        in leave_out (tables read apart) is not in them."""
        out: list[str] = []
        for container in containers:
            self._under.clear()
            parts: list[str] = []
            current: Block | None = None
            row: Block | None = None  # the table row the last line came from
            keep = False
            for piece in [*self._pieces_in(container, leave_out), None]:
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

    def _pieces_in(
        self, container: Block, leave_out: Sequence[Block]
    ) -> list[tuple[str, Block, bool] | None]:
        """The pieces of container's subtree, each block of leave_out in it a break instead."""
        start, end = container.start, container.end
        cuts = sorted((b.start, b.end) for b in leave_out if start <= b.start and b.end <= end)
        if not cuts:
            return self.pieces[start:end]
        out: list[tuple[str, Block, bool] | None] = []
        for cut_start, cut_end in cuts:
            out.extend(self.pieces[start:cut_start])
            out.append(None)
            start = max(start, cut_end)
        out.extend(self.pieces[start:end])
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
                negative_hints(node.hint_text()) and _link_heavy(self.totals(node))
            ):
                break
            node = node.parent
        for step in path:
            under[id(step)] = result
        return result

    def headings(self) -> list[LexborNode]:
        """The h1 and h2 elements that hold text, in document order."""
        return [block.node for block in self.blocks if block.tag in self.ids.top_headings]

    def dateline_text(self, title: str) -> str:
        """The page text from the headline on (where a dateline sits), else from the top."""
        parts: list[str] = []
        last: Block | None = None
        for piece in self.pieces:
            if piece is None:
                parts.append("\n")
                last = None
                continue
            if piece[1] is not last:
                parts.append("\n")  # a line per block, so that a dateline stands on its own
                last = piece[1]
            parts.append(piece[0])
        text = "".join(parts)
        if title:
            at = text.find(title[:12])
            if at >= 0:
                return text[at : at + 3000]
        return text[:6000]


def _link_heavy(totals: tuple[int, int]) -> bool:
    text, link = totals
    return link * 3 > text


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if text and part and _is_ascii_word(text[-1]) and _is_ascii_word(part[0]):
            text += " "
        text += part
    return clean(text)


def _is_ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()  # [A-Za-z0-9], without a regex call


def clean(text: str | None) -> str:
    """Whitespace runs as one space, trimmed."""
    return " ".join(text.split()) if text else ""  # split() cuts at what \s matches
