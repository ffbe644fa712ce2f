"""Articles kept in a page's scripts: JSON-LD, Next.js and Nuxt data, any script's JSON or string
literals. The longest Chinese text there is the body, with the title and date beside it;
script variables (publishTime = "…") give a date when the page shows none."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from selectolax.lexbor import LexborNode

from monitor.pages.dates import parse_date

MIN_CJK = 40  # Chinese characters: less is a caption or a teaser, not an article
MAX_TITLE = 200  # characters; a longer "title" is not a headline
_MAX_NODES = 200_000  # JSON values visited per page: a hostile payload stops here
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenews", "blogposting", "analysisnewsarticle",
    "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "report", "webpage",
    "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting",
})  # fmt: skip
_TITLE_KEYS = (
    "headline", "title", "articleTitle", "article_title", "newsTitle", "docTitle", "Title",
    "name",
)  # fmt: skip
_DATE_KEYS = (
    "datePublished", "publishTime", "publish_time", "publishedTime", "published_at",
    "publishedAt", "publishDate", "publish_date", "pubTime", "pub_time", "pubtime", "pubDate",
    "pub_date", "releaseTime", "release_time", "firstPublishTime", "ptime", "createTime",
    "create_time", "createdAt", "created_at", "date", "time",
)  # fmt: skip
_CJK = re.compile("[\u3400-\u9fff]")
_SENTENCE = re.compile("[。，！？；]")
# A string literal of a script, at least 40 characters long between its quotes.
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.){40,})"')
_HEX_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")
_ASSIGNED = re.compile(r"=\s*(?=[{\[])")  # window.__INITIAL_STATE__ = {…}
# A key and its quoted value in JSON or a JavaScript object literal: "title":"…", title: '…'
_BESIDE = r"""["']?\b({keys})["']?\s*:\s*["']([^"'\n]{{1,{size}}})["']"""
_TITLE_BESIDE = re.compile(_BESIDE.format(keys="|".join(_TITLE_KEYS), size=MAX_TITLE))
_DATE_BESIDE = re.compile(
    r"""["']?\b({keys})["']?\s*:\s*["']?([0-9][^"'\n,}}]{{5,30}})""".format(
        keys="|".join(_DATE_KEYS)
    )
)
_NEAR = 3000  # characters around a literal where its title and date are looked for
# A publication time set in a script: var publishTime = "2024-05-01 10:00", "pubDate":"…"
_DATE_VARIABLE = re.compile(
    r"""\b(?:publish_?(?:ed_?)?(?:time|date|at)|pub_?(?:time|date)|release_?(?:time|date)|"""
    r"""date_?published|first_?publish_?time|article_?pub_?time)["']?\s*[:=]\s*["']?"""
    r"""([0-9][^"'\n,;}]{5,30})""",
    re.IGNORECASE,
)
_BLOCK_END = re.compile(
    r"<\s*(?:br|hr|/p|/div|/h[1-6]|/li|/section|/blockquote|/tr|/figure|/table)\b[^>]*>",
    re.IGNORECASE,
)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]{0,2000}>")


@dataclass(frozen=True)
class ScriptArticle:
    """What a script holds: the body's paragraphs, and the title and date beside it if any."""

    paragraphs: tuple[str, ...]
    title: str
    published: datetime | None

    @property
    def size(self) -> int:
        return sum(len(line) for line in self.paragraphs)


class Scripts:
    """The scripts of one page (their elements from the walk), read only when asked."""

    def __init__(self, nodes: list[LexborNode], tz: ZoneInfo):
        self._nodes = nodes
        self._tz = tz
        self._texts: list[tuple[str, str, str]] | None = None
        self._ld: list[dict[str, Any]] | None = None

    def texts(self) -> list[tuple[str, str, str]]:
        """(type, id, text) of each inline script that holds something."""
        if self._texts is None:
            found = []
            for node in self._nodes:
                attrs = node.attributes
                if attrs.get("src"):
                    continue
                text = node.text(deep=True)
                if text and not text.isspace():
                    found.append(((attrs.get("type") or "").lower(), attrs.get("id") or "", text))
            self._texts = found
        return self._texts

    def linked_data(self) -> list[dict[str, Any]]:
        """The JSON-LD objects of article types, in page order (@graph and lists unfolded)."""
        if self._ld is None:
            self._ld = []
            for node in self._nodes:  # its type first: texting every script costs far more
                if "ld+json" in (node.attributes.get("type") or "").lower():
                    self._ld += _ld_articles(_loads(node.text(deep=True)))
        return self._ld

    def ld_value(self, key: str) -> str:
        for item in self.linked_data():
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return _plain(value)
        return ""

    def declared(self) -> str:
        """JSON-LD's datePublished, as written."""
        return self.ld_value("datePublished")

    def article(self) -> ScriptArticle | None:
        """The article the scripts hold: JSON-LD's articleBody, else the longest Chinese text
        of any script's data."""
        for item in self.linked_data():
            body = item.get("articleBody") or item.get("text")
            if isinstance(body, str) and _cjk(body) >= MIN_CJK:
                return self._article(body, item)
        best: tuple[int, str, dict[str, Any] | str] | None = None
        for kind, ident, text in self.texts():
            if "ld+json" in kind or not (_CJK.search(text) or "\\u" in text):
                continue  # nothing Chinese in it, not even escaped: the rest is no use
            for size, body, beside in _candidates(kind, ident, text):
                if best is None or size > best[0]:
                    best = (size, body, beside)
        if best is None:
            return None
        return self._article(best[1], best[2])

    def date_variable(self) -> datetime | None:
        """A publication time a script sets, for a page that shows none."""
        for _, _, text in self.texts():
            for match in _DATE_VARIABLE.finditer(text):
                found = _date(match.group(1), self._tz)
                if found is not None:
                    return found
        return None

    def _article(self, body: str, beside: dict[str, Any] | str) -> ScriptArticle | None:
        paragraphs = tuple(paragraphs_of(body))
        if not paragraphs:
            return None
        if isinstance(beside, dict):
            title = _first_text(beside, _TITLE_KEYS, body)
            published = next(
                (
                    found
                    for key in _DATE_KEYS
                    if (found := _date(beside.get(key), self._tz)) is not None
                ),
                None,
            )
        else:  # the text around a string literal
            title_match = _nearest(_TITLE_BESIDE, beside)
            title = _plain(_unescape(title_match.group(2))) if title_match else ""
            date_match = _nearest(_DATE_BESIDE, beside)
            published = _date(date_match.group(2), self._tz) if date_match else None
        return ScriptArticle(paragraphs, title, published)


def paragraphs_of(body: str) -> list[str]:
    """A body as JSON carries it (plain lines, or HTML with its entities) as clean lines."""
    if "<" in body:
        body = _SCRIPT_OR_STYLE.sub("", body)
        body = _TAG.sub("", _BLOCK_END.sub("\n", body))
    if "&" in body:
        body = html.unescape(body)
    return [line for line in (" ".join(part.split()) for part in body.split("\n")) if line]


def _candidates(
    kind: str, ident: str, text: str
) -> Iterator[tuple[int, str, dict[str, Any] | str]]:
    """(Chinese characters, text, what stands beside it) for each long Chinese text in a script:
    a string field with its object, or a string literal with the script text around it."""
    data: Any = None
    if "json" in kind or ident in ("__NEXT_DATA__", "__NUXT_DATA__"):
        data = _loads(text)
    else:
        assigned = _ASSIGNED.search(text)
        if assigned is not None:
            try:
                data, _ = json.JSONDecoder().raw_decode(text, assigned.end())
            except (ValueError, RecursionError):
                data = None  # a JavaScript object, not JSON: its string literals are read below
    if data is not None:
        if isinstance(data, list) and ident == "__NUXT_DATA__" and data:
            yield from _json_texts(0, data)
        else:
            yield from _json_texts(data)
        return
    for match in _LITERAL.finditer(text):
        literal = match.group(1)
        if "\\u" not in literal and _cjk(literal) < MIN_CJK:
            continue
        value = _unescape(literal)
        size = _cjk(value)
        if size >= MIN_CJK and _SENTENCE.search(value):
            start = max(0, match.start() - _NEAR)
            # before and after the literal, apart: the nearest title before it is its own
            yield (
                size,
                value,
                f"{text[start : match.start()]}\x00{text[match.end() : match.end() + _NEAR]}",
            )


def _json_texts(
    data: Any, table: list[Any] | None = None
) -> Iterator[tuple[int, str, dict[str, Any] | str]]:
    """Long Chinese strings of a JSON value with the object holding them; a list of paragraph
    strings (or of objects with one text each) counts as one text. With a table (Nuxt 3's
    payload), whole numbers are references to its items, each followed once."""
    seen: set[int] = set()

    def deref(value: Any) -> Any:
        if table is None or not isinstance(value, int) or isinstance(value, bool):
            return value
        return table[value] if 0 <= value < len(table) else value

    stack: list[tuple[Any, dict[str, Any] | None]] = [(data, None)]
    visited = 0
    while stack and visited < _MAX_NODES:
        value, holder = stack.pop()
        visited += 1
        if table is not None and isinstance(value, int) and not isinstance(value, bool):
            if value in seen or not 0 <= value < len(table):
                continue
            seen.add(value)
            value = table[value]
        if isinstance(value, dict):
            for item in value.values():
                stack.append((item, value))
        elif isinstance(value, list):
            joined = _joined([deref(item) for item in value[:5000]])
            if joined and holder is not None:
                size = _cjk(joined)
                if size >= MIN_CJK:
                    yield size, joined, _resolved(holder, deref)
            for item in value:
                stack.append((item, holder))
        elif isinstance(value, str) and holder is not None and len(value) >= MIN_CJK:
            size = _cjk(value)
            if size >= MIN_CJK and _SENTENCE.search(value):
                yield size, value, _resolved(holder, deref)


def _resolved(holder: dict[str, Any], deref: Callable[[Any], Any]) -> dict[str, Any]:
    return {key: deref(value) for key, value in holder.items()}


def _joined(items: list[Any]) -> str:
    """The paragraphs of a list of strings or of {"text": …} objects, one per line; "" if the
    list is not one."""
    if len(items) < 2:
        return ""
    lines = []
    for item in items:
        if isinstance(item, dict):
            texts = [v for v in item.values() if isinstance(v, str) and _CJK.search(v)]
            if len(texts) != 1:
                return ""
            item = texts[0]
        if not isinstance(item, str):
            return ""
        lines.append(item)
    joined = "\n".join(lines)
    return joined if _SENTENCE.search(joined) else ""


def _ld_articles(data: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(found) < 20:
        value = stack.pop(0)
        if isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            kinds = value.get("@type")
            names = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(name, str) and name.lower() in _ARTICLE_TYPES for name in names):
                found.append(value)
            graph = value.get("@graph")
            if isinstance(graph, list):
                stack.extend(graph)
    return found


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):  # old pages hide script content from very old browsers
        text = text[4:].removesuffix("-->")
    try:
        return json.loads(text, strict=False)  # raw newlines inside strings are common
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python allows
        return None


def _unescape(literal: str) -> str:
    """A script's string literal as text: JSON escapes, JavaScript's \\x escapes too."""
    if "\\" not in literal:
        return literal
    literal = _HEX_ESCAPE.sub(r"\\u00\1", literal)
    try:
        value = json.loads(f'"{literal}"', strict=False)
    except ValueError:
        return literal
    return value if isinstance(value, str) else literal


def _nearest(pattern: re.Pattern[str], around: str) -> re.Match[str] | None:
    """In "before\\x00after": the last match before the literal, else the first after it."""
    before, _, after = around.partition("\x00")
    last = None
    for last in pattern.finditer(before):  # noqa: B007 - the last one is wanted
        pass
    return last or pattern.search(after)


def _first_text(holder: dict[str, Any], keys: tuple[str, ...], body: str) -> str:
    for key in keys:
        value = holder.get(key)
        if isinstance(value, str) and value.strip() and len(value) <= MAX_TITLE and value != body:
            return _plain(value)
    return ""


def _plain(value: str) -> str:
    """A short text from JSON: tags out, entities decoded, whitespace as single spaces."""
    if "<" in value:
        value = _TAG.sub("", value)
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split())


def _date(value: Any, tz: ZoneInfo) -> datetime | None:
    """A date written as text, or a Unix time in seconds or milliseconds."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        number = float(value)
        if 1e12 <= number < 1e13:
            number /= 1000
        if 3e8 <= number < 5e9:  # 1979 to 2128: a Unix time, not a count
            return datetime.fromtimestamp(number, tz)
        if isinstance(value, int | float):
            return None
    return parse_date(str(value), tz) if isinstance(value, str) else None


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))
