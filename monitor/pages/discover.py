"""Find the articles a source points to: links on a list page, entries of a feed, or the page.

`links(page, source) -> list[Link]` (absolute, canonical, on the source's site, in page order);
`canonical(url) -> str` is the one spelling of a URL that state keys articles by.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from monitor.models import SHANGHAI, Link, Page, Source

if TYPE_CHECKING:
    import feedparser
    from selectolax.lexbor import LexborNode


# Shorter anchor texts are menu items ("首页", "更多"), not headlines.
MIN_TITLE_CHARS = 6
# How far up from a link to look for the date printed beside it (li > span, tr > td …).
DATE_LEVELS = 3

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = re.compile(r"^(utm_[a-z_]+|spm|gclid|fbclid)$", re.IGNORECASE)
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "menu", "form"})
# class/id words of navigation, footers and pagers, matched on whole tokens ("top" is left
# out: "top-news" is where a front page puts its headlines).
_FURNITURE = re.compile(
    r"^(nav|navbar|menu|header|head|topbar|footer|foot|bottom|breadcrumbs?|crumbs?|"
    r"sidebar|side|aside|copyright|pager|pages|paging|pagination|share|login|toolbar|"
    r"friendlinks?|links?|banner|logo|search|position|location|weizhi)$",
    re.IGNORECASE,
)
_PAGER_TEXT = re.compile(
    r"^(首页|尾页|上一页|下一页|更多|more|next|prev|previous|»|«)", re.IGNORECASE
)
# A rooted path with nothing urljoin or urlsplit would change: no dot segments, backslashes,
# or tabs and line breaks (which urlsplit drops).
_PLAIN_PATH = re.compile(r"(?!.*/\.)[^\\\t\r\n]*").fullmatch
_PAGE_EXT = re.compile(r"\.(s?html?|php|aspx?|jsp)$", re.IGNORECASE)
_DOC_EXT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|wps|zip|rar|7z|jpe?g|png|gif|webp|mp4|mp3|exe|apk)$", re.IGNORECASE
)
_INDEX_STEM = re.compile(
    r"^(index|default|home|list|more|column|channel)([_-]?\d+)?$|^list[_-]|[_-]list([_-]?\d+)?$",
    re.IGNORECASE,
)
_ARTICLE_PATH = re.compile(r"\d{4,}|/(19|20)\d\d/\d{1,2}/|/t(19|20)\d{6}_")
_FULL_DATE = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})[:：](\d{2}))?"
)
_SHORT_DATE = re.compile(r"(?<![\d.:/-])(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})日?(?![\d:/-])")


def links(
    page: Page, source: Source, *, text: str | None = None, tz: ZoneInfo = SHANGHAI
) -> list[Link]:
    """The articles `page` points to for `source`; `text` is the decoded page if already known."""
    match source.type:
        case "page":
            return [Link(url=canonical(page.url))]
        case "feed":
            return _feed_links(page, source, tz)
        case "list":
            if text is None:
                from monitor.pages.charset import decode

                text = decode(page.content, page.content_type)
            return _list_links(page, source, text, tz)


def canonical(url: str) -> str:
    """Lowercase scheme and host, no fragment, no default port, no tracking parameters."""
    return _canonical(url)[0]


def _canonical(url: str) -> tuple[str, str, str]:
    """The canonical URL with its host and path, from one split (a list page has thousands)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    shown = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = shown if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{shown}:{port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    # Filter the raw pairs rather than re-encoding them: the server sees the query it printed.
    query = parts.query
    if query:
        query = "&".join(
            pair for pair in query.split("&") if pair and not _TRACKING.match(pair.split("=", 1)[0])
        )
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, query, "")), host, path


def on_site(url: str, source: Source) -> bool:
    """Whether a link stays on the source's site: its host or a subdomain, or an allowed host.

    The site is the source's host with a leading "www." dropped: www.beijing.gov.cn admits
    fgw.beijing.gov.cn but not gov.cn. Without a public-suffix list this is the safe reading.
    """
    return _host_on_site((urlsplit(url).hostname or "").lower(), _sites(source))


def _sites(source: Source) -> list[str]:
    sites = [urlsplit(source.url).hostname or "", *source.allow_hosts]
    return [site.lower().removeprefix("www.") for site in sites if site]


def _host_on_site(host: str, sites: list[str]) -> bool:
    return bool(host) and any(host == site or host.endswith("." + site) for site in sites)


# --- feeds ----------------------------------------------------------------------------------


def _feed_links(page: Page, source: Source, tz: ZoneInfo) -> list[Link]:
    # Imported here, not at the top: only a feed source needs it, and feedparser is ~20 ms of
    # the start-up of every pass (page and list sources never use it).
    import feedparser

    headers = {"content-location": page.url}
    if page.content_type:
        headers["content-type"] = page.content_type
    parsed = feedparser.parse(page.content, response_headers=headers)
    found: dict[str, Link] = {}
    for entry in parsed.entries:
        href = entry.get("link") or ""
        if not href:
            continue
        url = _absolute(page.url, href)
        if url is None or not on_site(url, source) or url in found:
            continue
        title = " ".join(str(entry.get("title") or "").split()) or None
        found[url] = Link(url=url, title=title, published=_entry_date(entry, tz))
    return list(found.values())


def _entry_date(entry: feedparser.FeedParserDict, tz: ZoneInfo) -> datetime | None:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if value:
            when = _parse_feed_date(str(value), tz)
            if when is not None:
                return when
    # feedparser's own reading, in UTC, for dialects the two parsers above do not know.
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).astimezone(tz)
    return None


def _parse_feed_date(value: str, tz: ZoneInfo) -> datetime | None:
    when: datetime | None = None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    # A feed that prints no zone means the site's local time, which is the watchlist's zone;
    # feedparser would read it as UTC and shift Chinese dates by eight hours.
    if when.tzinfo is None:
        return when.replace(tzinfo=tz)
    return when.astimezone(tz)


# --- list pages -----------------------------------------------------------------------------


def _list_links(page: Page, source: Source, text: str, tz: ZoneInfo) -> list[Link]:
    from selectolax.lexbor import LexborHTMLParser  # a pass of unchanged pages parses no HTML

    tree = LexborHTMLParser(text)
    base = page.url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = urljoin(page.url, base_node.attributes.get("href") or "")
    every = tree.css("a[href]")
    shape = _Shape(every)
    if source.links:
        anchors = []
        for node in tree.css(source.links):
            anchors.extend([node] if node.tag == "a" else node.css("a[href]"))
        chosen = anchors  # the user's selector decides; no headline guessing
    else:
        chosen = [a for a in every if not shape.in_furniture(a)]
    now = page.fetched_at.astimezone(tz)
    sites = _sites(source)
    start = urlsplit(_canonical(base)[0])
    origin = (f"{start.scheme}://{start.netloc}", start.hostname or "")
    found: dict[str, Link] = {}
    for anchor in chosen:
        absolute = _absolute_parts(base, origin, anchor.attributes.get("href") or "")
        if absolute is None:
            continue
        url, host, path = absolute
        if _DOC_EXT.search(path) or not _host_on_site(host, sites):
            continue
        title = _title(anchor)
        if not source.links and not (_looks_like_headline(title) and _looks_like_article(path)):
            continue
        if url in found:
            # Keep the first position; a later anchor (text beside a thumbnail) may fill gaps.
            first = found[url]
            if first.title is None or first.published is None:
                found[url] = Link(
                    url,
                    first.title or title,
                    first.published or _date_beside(anchor, shape, now, tz),
                )
            continue
        found[url] = Link(url=url, title=title, published=_date_beside(anchor, shape, now, tz))
    return list(found.values())


class _Shape:
    """What the link loop asks of a node's ancestors, worked out once per page so that the
    loop stays linear in links (asking each link's block anew was quadratic when thousands of
    links share one parent: 8,000 links took 10 s).

    `links(node)`: 0, 1, or 2 for "more than one" `a[href]` inside it; `in_furniture(node)`:
    whether an ancestor is navigation, a footer or a pager (each ancestor judged once).
    """

    def __init__(self, anchors: list[LexborNode]):
        self._links: dict[int, int] = {}
        self._furniture: dict[int, bool] = {}
        for anchor in anchors:
            # Climb while the count changes: once a block holds two links, all around it do.
            node: LexborNode | None = anchor
            while node is not None:
                seen = self._links.get(node.mem_id, 0)
                if seen >= 2:
                    break
                self._links[node.mem_id] = seen + 1
                node = node.parent

    def links(self, node: LexborNode) -> int:
        return self._links.get(node.mem_id, 0)

    def in_furniture(self, node: LexborNode) -> bool:
        path: list[int] = []
        parent = node.parent
        verdict = False
        while parent is not None and parent.tag not in ("body", "html"):
            known = self._furniture.get(parent.mem_id)
            if known is not None:
                verdict = known
                break
            path.append(parent.mem_id)
            if _is_furniture(parent):
                verdict = True
                break
            parent = parent.parent
        # Every node on the way shares the verdict of the first furniture (or known) above it.
        for ident in path:
            self._furniture[ident] = verdict
        return verdict


def _absolute(base: str, href: str) -> str | None:
    found = _absolute_parts(base, None, href)
    return found[0] if found else None


def _absolute_parts(
    base: str, origin: tuple[str, str] | None, href: str
) -> tuple[str, str, str] | None:
    """`href` on a page at `base` as (canonical URL, host, path), or None for javascript:,
    mailto: and the like; `origin` (base's canonical scheme://host, and host) makes "/path" links,
    most of a list page's, quick: they need no splitting beyond their query."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    if origin and href.startswith("/") and not href.startswith("//") and _PLAIN_PATH(href):
        path, _, query = href.partition("#")[0].partition("?")
        if query:
            query = "&".join(
                p for p in query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])
            )
        return origin[0] + path + ("?" + query if query else ""), origin[1], path
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    if urlsplit(url).scheme not in ("http", "https"):
        return None  # javascript:, mailto:, tel:, data:
    try:
        return _canonical(url)
    except ValueError:
        return None


def _is_furniture(node: LexborNode) -> bool:
    if node.tag in _FURNITURE_TAGS:
        return True
    attrs = node.attributes
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".replace("_", "-")
    return any(word and _FURNITURE.match(word) for word in re.split(r"[\s-]+", words))


def _title(anchor: LexborNode) -> str | None:
    shown = " ".join((anchor.text(deep=True) or "").split())
    full = " ".join((anchor.attributes.get("title") or "").split())
    if not shown:
        image = anchor.css_first("img[alt]")
        shown = " ".join((image.attributes.get("alt") or "").split()) if image else ""
    # Lists cut long headlines ("本市已建成501个一刻钟…") and keep the whole one in title="".
    stem = shown.rstrip(".…。 ")
    if full and len(full) > len(shown) and (not stem or full.startswith(stem)):
        return full
    return shown or full or None


def _looks_like_headline(title: str | None) -> bool:
    return (
        bool(title) and len(title or "") >= MIN_TITLE_CHARS and not _PAGER_TEXT.match(title or "")
    )


def _looks_like_article(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    stem = _PAGE_EXT.sub("", name)
    if not name or _INDEX_STEM.search(stem):
        return False  # a section front or a list page, not an article
    return bool(_PAGE_EXT.search(name) or _ARTICLE_PATH.search(path))


def _date_beside(anchor: LexborNode, shape: _Shape, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The date printed next to a link in its list item, row or block, if there is one."""
    own = anchor.text(deep=True) or ""
    node = anchor.parent
    for _ in range(DATE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return None
        if shape.links(node) > 1:
            return None  # the block holds other links: a date in it may be theirs
        around = (node.text(deep=True) or "").replace(own, " ", 1)
        when = _read_date(around, now, tz)
        if when is not None:
            return when
        node = node.parent
    return None


def _read_date(text: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    full = _FULL_DATE.search(text)
    if full:
        year, month, day = int(full[1]), int(full[2]), int(full[3])
        hour, minute = int(full[4] or 0), int(full[5] or 0)
        return _date(year, month, day, hour, minute, tz)
    short = _SHORT_DATE.search(text)
    if short:
        # "[07-15]": the year is this year's, unless that lands in the future.
        month, day = int(short[1]), int(short[2])
        when = _date(now.year, month, day, 0, 0, tz)
        if when is not None and when.date() > now.date():
            when = _date(now.year - 1, month, day, 0, 0, tz)
        return when
    return None


def _date(year: int, month: int, day: int, hour: int, minute: int, tz: ZoneInfo) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, tzinfo=tz)
    except ValueError:
        return None
