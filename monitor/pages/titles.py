"""Choose an article's headline: an h1/h2 that <title> or og:title names, else page text that
<title> sets off, else <title> without the site's name. A heading's buttons and icons are not
its text, and a headline's dashes may differ from <title>'s ("——" there, "-" here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from monitor.pages.blocks import Walk, clean

# Site separators: _ | and spaced dashes or colons; "--"; a lone dash before a short last part
# ("标题-站名"). A dash between words ("奋斗——记…") is the headline's own.
_TITLE_SPLIT = re.compile(
    r"\s*[_|｜]\s*|\s+[-－:：–—]{1,2}\s+|-{2,}|(?<=[^\s\-－–—])[-－–—](?=[^-－–—_|｜]{2,12}$)"
)
_TITLE_GAP = frozenset(" _|｜-:")
# Punctuation written two ways (full and half width, dash variants) compared as one
_SAME = str.maketrans("－–—―‒～~：｜（）！？，", "-------:|()!?,")
_DASHES = re.compile("-{2,}")
# Controls inside a heading: share and listen buttons, font size, icon fonts.
_CONTROL = re.compile(
    r"btn|button|icon|share|fenxiang|collect|shoucang|favou?rite|listen|audio|voice|speech|"
    r"langdu|font-?size|zihao|\bprint|toolbar|\btools?\b",
    re.IGNORECASE,
)
_NOT_TEXT = frozenset({"button", "script", "style", "svg", "img", "select", "noscript", "template"})
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # what icon fonts draw with


def norm(text: str) -> str:
    """Punctuation of one kind written one way; a run of dashes as one."""
    text = text.translate(_SAME)
    return _DASHES.sub("-", text) if "--" in text else text


def key(text: str) -> str:
    """What two spellings of a headline share: no spaces, punctuation normalised."""
    return norm("".join(text.split()))


def heading_text(node: LexborNode) -> str:
    """A heading's text without the buttons, icons and controls inside it."""
    if next(node.iter(), None) is None:  # text alone, as most headings are
        text = node.text()
        return clean(_PRIVATE_USE.sub("", text) if _PRIVATE_USE.search(text) else text)
    parts: list[str] = []
    stack: list[Iterator[LexborNode]] = [node.iter(include_text=True)]
    while stack:
        for child in stack[-1]:
            if child.is_text_node:
                parts.append(child.text_content or "")
                continue
            if child.tag in _NOT_TEXT or _is_control(child):
                continue
            stack.append(child.iter(include_text=True))
            break
        else:
            stack.pop()
    text = "".join(parts)
    if _PRIVATE_USE.search(text):
        text = _PRIVATE_USE.sub("", text)
    return clean(text)


def _is_control(element: LexborNode) -> bool:
    attrs = element.attributes
    if not attrs:
        return False
    hints = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    return not hints.isspace() and _CONTROL.search(hints) is not None


def choose(headings: list[str], head_title: str, og_title: str, meta: dict[str, str]) -> str:
    """The headline: a heading that <title> or og:title names, else those minus the site name."""
    cms_title = clean(meta.get("articletitle"))  # TRS and other government CMSs state it
    if cms_title:
        return cms_title
    stems = [stem for stem in (stem_of(head_title), og_title) if stem]
    og_key, head_key = key(og_title), key(head_title)
    og_trimmed = bool(og_key) and og_key in head_key and og_key != head_key
    if og_trimmed:
        stems.reverse()  # og:title is <title> without the site's decorations
    stem_keys = [key(stem) for stem in stems]
    best = ""
    best_size = 0
    for heading in headings:
        heading_key = key(heading)
        if len(heading_key) < 4 or len(heading_key) <= best_size:
            continue
        for stem_key in stem_keys:
            if (stem_key in heading_key and len(heading_key) <= len(stem_key) * 2 + 4) or (
                heading_key in stem_key and len(heading_key) * 2 >= len(stem_key)
            ):  # not a logo's "站名_栏目_栏目" for the stem "站名" of "站名--标题"
                best, best_size = heading, len(heading_key)
                break
    if best:
        return best
    if og_title and (og_trimmed or not head_key):
        return og_title
    return ""  # the caller looks for the headline in the page text


def in_text(walk: Walk, head_title: str) -> str:
    """The headline when no h1/h2 states it: a text of the page that stands whole in <title>,
    set off by separators or spaces ("标题 栏目_网站" splits nowhere the splitter trusts; in
    "网站--标题" the site comes first); else <title> without its site name, else the first heading.
    Where <title> ends with the text, a link or the page's first text is the site's logo."""
    best = ""
    title = norm(head_title)
    limit = len(title)
    for index, piece in enumerate(walk.pieces):
        if piece is None or len(piece[0]) * 2 <= limit:
            continue
        text = piece[0].strip()
        if len(text) * 2 <= limit or len(text) <= len(best):
            continue
        if text[:6] not in head_title and norm(text[:12])[:6] not in title:
            continue
        text = clean(text)
        written = norm(text)
        at = title.find(written) if len(written) < limit else -1  # all of <title> says nothing
        end = at + len(written)
        if at < 0 or (at and title[at - 1] not in _TITLE_GAP):
            continue
        if end < limit and title[end] not in _TITLE_GAP:
            continue
        if end == limit and (piece[2] or index == 0):
            continue
        best = text
    if best:
        return best
    stem = stem_of(head_title)
    if stem:
        return stem
    headings = walk.headings()
    return heading_text(headings[0]) if headings else ""


def stem_of(title: str) -> str:
    """A <title> without its site name: the last part after a separator ("标题_栏目_网易财经",
    "栏目 - 标题 - 网站名") names the site; of the rest, the longest part is the headline."""
    parts = [part.strip() for part in _TITLE_SPLIT.split(title) if part and part.strip()]
    if len(parts) > 1:
        parts.pop()
    return max(parts, key=len) if parts else title.strip()
