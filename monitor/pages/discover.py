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
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    # Filter the raw pairs rather than re-encoding them: the server sees the query it printed.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING.match(pair.split("=", 1)[0])
    )
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, query, ""))


def on_site(url: str, source: Source) -> bool:
    """Whether a link stays on the source's site: its host or a subdomain, or an allowed host.

    The site is the source's host with a leading "www." dropped: www.beijing.gov.cn admits
    fgw.beijing.gov.cn but not gov.cn. Without a public-suffix list this is the safe reading.
    """
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return False
    sites = [urlsplit(source.url).hostname or "", *source.allow_hosts]
    for site in sites:
        site = site.lower().removeprefix("www.")
        if site and (host == site or host.endswith("." + site)):
            return True
    return False


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
    if source.links:
        anchors = []
        for node in tree.css(source.links):
            anchors.extend([node] if node.tag == "a" else node.css("a[href]"))
        chosen = anchors  # the user's selector decides; no headline guessing
    else:
        chosen = [a for a in tree.css("a[href]") if not _in_furniture(a)]
    now = page.fetched_at.astimezone(tz)
    found: dict[str, Link] = {}
    for anchor in chosen:
        url = _absolute(base, anchor.attributes.get("href") or "")
        if url is None or _DOC_EXT.search(urlsplit(url).path) or not on_site(url, source):
            continue
        title = _title(anchor)
        if not source.links and not (_looks_like_headline(title) and _looks_like_article(url)):
            continue
        if url in found:
            # Keep the first position; a later anchor (text beside a thumbnail) may fill gaps.
            first = found[url]
            if first.title is None or first.published is None:
                found[url] = Link(
                    url, first.title or title, first.published or _date_beside(anchor, now, tz)
                )
            continue
        found[url] = Link(url=url, title=title, published=_date_beside(anchor, now, tz))
    return list(found.values())


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    if urlsplit(url).scheme not in ("http", "https"):
        return None  # javascript:, mailto:, tel:, data:
    return canonical(url)


def _in_furniture(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in _FURNITURE_TAGS:
            return True
        attrs = parent.attributes
        words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".replace("_", "-")
        for word in re.split(r"[\s-]+", words):
            if word and _FURNITURE.match(word):
                return True
        parent = parent.parent
    return False


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


def _looks_like_article(url: str) -> bool:
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    stem = _PAGE_EXT.sub("", name)
    if not name or _INDEX_STEM.search(stem):
        return False  # a section front or a list page, not an article
    return bool(_PAGE_EXT.search(name) or _ARTICLE_PATH.search(path))


def _date_beside(anchor: LexborNode, now: datetime, tz: ZoneInfo) -> datetime | None:
    """The date printed next to a link in its list item, row or block, if there is one."""
    own = anchor.text(deep=True) or ""
    node = anchor.parent
    for _ in range(DATE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return None
        if len(node.css("a[href]")) > 1:
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
