"""Read an article from page bytes: title, publication date and body paragraphs.

One lexbor parse per page; the body is the block container that scores best on text and
punctuation density against link density, its paragraphs kept in order, boilerplate dropped.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.errors import ExtractError
from monitor.models import SHANGHAI, Article, Table
from monitor.pages import titles
from monitor.pages.blocks import Block, Walk, clean
from monitor.pages.charset import decode, for_parser
from monitor.pages.dates import META_KEYS, find_date
from monitor.pages.leads import lead
from monitor.pages.scoring import best_container
from monitor.pages.scripted import ScriptArticle, Scripts
from monitor.pages.tables import around_tables, read_tables

__all__ = ["decode", "extract"]

MAX_MARKUP = 20_000_000  # bytes; bigger is not an article, and parsing it would stall a pass
# Tree building slows down with the square of the nesting depth (0.3 s at 20 000 levels): on a
# page big enough to nest that deep, the depth is counted first.
MAX_DEPTH = 3_000
_DEPTH_CHECK_BYTES = 192_000  # below this, the worst nesting costs about a second to parse

_BINARY_MAGIC = (  # PDF, PNG, GIF, JPEG, ZIP (docx, xlsx), gzip, RAR, ELF
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"Rar!", b"\x7fELF",
)  # fmt: skip
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)")
_UNNESTED = frozenset(
    b"br img input meta link hr area base col embed param source track wbr p li td th tr option "
    b"dt dd".split()
)
# Lines that are never article text: copyright, licences, comment disclaimers, credits. (Each
# alternative starts with a plain character: the engine then skips to where one may match.)
_BOILERPLATE = re.compile(
    r"版权所有|版权声明|公网安备|不良信息举报|举报电话|仅供其?表达个人看法|责任编辑|责编[:：]|"
    r"本文来源[:：]|原标题[:：]|\(本文来自|（本文来自|更多.{0,12}请?下载.{0,12}(?:app|客户端)|"
    r"不构成(?:任何)?投资建议|据此操作.{0,3}风险自担",
    re.IGNORECASE,
)
# The same in Latin letters, apart: an IGNORECASE search for words in Latin letters tries every
# position of a line. Each holds an "a", a "c" or "©" (IGNORECASE lets no other character match
# those letters), which a Chinese line seldom has.
_BOILERPLATE_LATIN = re.compile(r"copyright|©|all rights reserved|icp[备证]", re.IGNORECASE)
_LATIN_CUE = re.compile("[acAC©]")
# A site's disclaimer, however long: "声明：本文仅代表作者个人观点，与本网无关。…"
_DISCLAIMER_LABEL = re.compile(r"[(（【\[]?(?:免责|特别|郑重|版权)?声明[:：]")  # at the start
_DISCLAIMER = re.compile(
    r"仅代表作者(?:本人|个人)?观点|不代表本(?:网|站|报|刊|平台)的?(?:立场|观点)"
)
# A reprint notice, as the line's opening: "转载请注明出处", "未经授权不得转载", "本文转自…". (A
# columnist's "本文为某某授权本网发布，转载请注明出处。" is the column's own closing: it stays.)
_REPRINT = re.compile(
    r"[(（【\[]?(?:(?:未经|严禁|禁止|不得|谢绝|请勿|如需|欢迎).{0,12}转载|转载.{0,12}(?:注明|请|须|授权|联系)|"
    r"本文(?:转自|转载自|系转载)|转自|转载自|原文链接|原文地址)"
)
# A source line: "来源：新华社 2024-05-01", "（稿源：北京日报）"
_SOURCE_LINE = re.compile(r"[(（【\[]?\s*(?:文章|信息|新闻)?(?:来源|稿源|出处)\s*[:：]")
_SOURCE_MAX = 80  # characters: a longer line is a sentence
# Page chrome: dropped from short lines that are not sentences ("分享到：", "上一篇：…").
_CHROME = re.compile(
    r"编辑[:：]|分享到|扫一扫|扫描二维码|关注我们|相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热门推荐|"
    r"打印本页|关闭窗口|【纠错】|我要纠错|上一篇|下一篇|字号[:：]|点击量|浏览次数|阅读次数|返回顶部|"
    r"加入收藏|设为首页|网站地图|联系我们"
)
_BYLINE = re.compile(
    r"来源\s*[:：]|作者\s*[:：]|发布时间|发布日期|时间\s*[:：]|日期\s*[:：]|编辑\s*[:：]|浏览|阅读|点击"
)
_DATELIKE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}")
_DATETIME = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?"
)
# A credit line: "来源：新华社", "（编辑：张三）", "文/李四"
_CREDIT = re.compile(r"[(（【\[]?(?:来源|作者|编辑|责编|记者|摄影|通讯员|撰文|文|图|声明)\s*[:：/]")
# Credits later in a short line: "办公室供稿 摄影/张三 编辑/李四"
_CREDIT_INSIDE = re.compile(r"(?:摄影|编辑|责编|审核|校对|撰稿|采写|通讯员)\s*[:：/]|供稿(?:\s|$)")
# Traditional characters of the words above, read as simplified (zh-TW and Hong Kong pages).
_SIMPLIFIED = str.maketrans(
    "權聲責編輯關聞閱讀薦熱掃們號點擊瀏覽頂設為頁網圖聯繫來發佈時間記攝訊員轉載糾錯閉資"
    "僅個達舉報維碼標題備頻",
    "权声责编辑关闻阅读荐热扫们号点击浏览顶设为页网图联系来发布时间记摄讯员转载纠错闭资"
    "仅个达举报维码标题备频",
)
_TRADITIONAL = re.compile("[" + "".join(map(chr, _SIMPLIFIED)) + "]")
_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"[\W_]+")  # what a comparison of wordings leaves out: punctuation, spaces
_REPEATED = 0.6  # a lead whose character pairs are this much in the body is an excerpt of it
_THIN = 500  # characters of body text: less, and the scripts may hold the whole article
# A short label: no digits (a table row), no sentence ending
_LABEL = re.compile(r"[^0-9０-９。！？!?…]{1,10}")


def extract(
    content: bytes,
    *,
    url: str,
    content_type: str | None = None,
    body_selector: str | None = None,
    tz: ZoneInfo = SHANGHAI,
) -> Article:
    """The article on a page; ExtractError for a page that is not one (binary, empty, huge...)."""
    _refuse_non_article(content, url)
    markup = for_parser(content, content_type)
    tree = LexborHTMLParser(markup)
    head_title, og_title, meta, head_scripts = _head(tree)
    root = tree.body
    if root is None:
        raise ExtractError("the page has no body", url=url)
    walk = Walk(root)
    scripts = Scripts(head_scripts + walk.scripts, tz)
    headings = [titles.heading_text(node) for node in walk.headings()]
    title = titles.choose(headings, head_title, og_title, meta)
    if not title and not og_title and (headline := scripts.ld_value("headline")):
        title = titles.choose(headings, head_title, headline, meta)  # JSON-LD's og:title
    title = title or titles.in_text(walk, head_title)
    paragraphs: list[str] = []
    tables: list[Table] = []
    if walk.pieces:
        paragraphs, tables = _body(walk, tree, body_selector, title)
    published = None
    shown = sum(map(len, paragraphs))
    if shown < _THIN:  # the article may live in the page's script data
        found = scripts.article()
        if (
            found is not None
            and found.size > shown * 1.5
            and (not paragraphs or _continues(found, paragraphs, title, head_title))
        ):
            title_key = _SPACE.sub("", title)
            paragraphs = [line for line in found.paragraphs if _is_body_line(line, title_key)]
            tables = []
            if found.title and _same_story(found.title, title, head_title):
                title = found.title
            published = found.published
    if not paragraphs and not tables:  # a page of one table and no prose is an article
        if not walk.pieces:
            raise ExtractError(
                "the page holds no text",
                url=url,
                hint="is it rendered by JavaScript? try render: browser",
            )
        raise ExtractError(
            "no article text found",
            url=url,
            hint="set `body:` for this source; if its scripts build the page, try render: browser",
        )
    if published is None:
        published = find_date(meta, lambda: walk.dateline_text(title), url, tz, scripts=scripts)
    return Article(
        url=url, title=title, published=published, text="\n".join(paragraphs), tables=tuple(tables)
    )


def _continues(found: ScriptArticle, shown: list[str], title: str, head_title: str) -> bool:
    """Is a script's article the one whose little the markup shows: its title is the page's,
    or its text holds the shown text's opening?"""
    if found.title and title and _same_story(found.title, title, head_title):
        return True
    opening = shown[0][:12]
    return len(opening) >= 6 and any(opening in line for line in found.paragraphs)


def _same_story(script_title: str, title: str, head_title: str) -> bool:
    """Is the title beside a script's article this page's headline, the one found in the
    markup (or <title>) being the same or a part of it?"""
    written = titles.key(script_title)
    return not title or titles.key(title) in written or written in titles.key(head_title)


def _body(
    walk: Walk, tree: LexborHTMLParser, body_selector: str | None, title: str
) -> tuple[list[str], list[Table]]:
    """The body's paragraphs from the page's markup, its lead first ([] if none), and the data
    tables in or beside it, whose cells the paragraphs leave out."""
    containers: list[Block] = []
    if body_selector:
        chosen = tree.css_first(body_selector)
        block = walk.element(chosen) if chosen is not None else None
        if block is not None:
            containers = [block]
    if not containers:
        containers = around_tables(best_container(walk))  # (not a row of a table of figures)
    title_key = _SPACE.sub("", title)

    def keep(line: str) -> bool:
        return _is_body_line(line, title_key)

    tables, read = read_tables(walk, containers)
    paragraphs = walk.paragraphs(containers, keep, read)
    while len(paragraphs) > 1 and _LABEL.fullmatch(paragraphs[-1]):
        paragraphs.pop()  # tab titles of a related-news box whose links were dropped
    if paragraphs:
        opening = lead(walk, containers, keep)
        if opening and not _repeats(opening, paragraphs):
            paragraphs[:0] = opening
    return paragraphs, tables


def _repeats(lead: list[str], body: list[str]) -> bool:
    """Does the body already say what the lead says (an excerpt of it, or nearly)? By the
    share of the lead's character pairs that the body holds too."""
    said = _WORDS.sub("", "".join(lead))
    text = _WORDS.sub("", "".join(body))
    pairs = {said[i : i + 2] for i in range(len(said) - 1)}
    if not pairs:
        return True
    known = {text[i : i + 2] for i in range(len(text) - 1)}
    return len(pairs & known) >= len(pairs) * _REPEATED


def _refuse_non_article(content: bytes, url: str) -> None:
    if len(content) > MAX_MARKUP:
        raise ExtractError(f"page too large ({len(content):,} bytes)", url=url)
    if not content or content.isspace():  # as `not content.strip()`, without copying content
        raise ExtractError("empty page", url=url)
    start = content[:1024]
    if start.startswith(_BINARY_MAGIC) or (
        b"\x00" in start and not start.startswith((b"\xff\xfe", b"\xfe\xff"))
    ):
        raise ExtractError("binary content, not an HTML page", url=url)
    if (
        len(content) > _DEPTH_CHECK_BYTES
        and _nesting_bound(content) > MAX_DEPTH
        and _nesting(content) > MAX_DEPTH
    ):
        raise ExtractError(f"markup nested more than {MAX_DEPTH:,} levels deep", url=url)


def _nesting_bound(content: bytes, chunk: int = 32_768) -> int:
    """An upper bound of the nesting depth from counts of "<" and "</" alone (fast, in C): the
    tags opened so far, less those closed by the start of each chunk."""
    bound = depth = 0
    for start in range(0, len(content), chunk):
        end = start + chunk
        closes = content.count(b"</", start, end)
        opens = content.count(b"<", start, end) - closes
        bound = max(bound, depth + opens)
        depth += opens - closes
    return bound


def _nesting(content: bytes) -> int:
    """Roughly how deep the elements nest: void and self-closing-in-practice tags do not count."""
    depth = deepest = 0
    for closing, name in _TAG.findall(content):
        if closing:
            depth = depth - 1 if depth else 0
        elif name.lower() not in _UNNESTED:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _head(tree: LexborHTMLParser) -> tuple[str, str, dict[str, str], list[LexborNode]]:
    """<title>, og:title, the meta name/property → content map (a <time datetime> as "time") and
    the <script> elements of <head>."""
    node, metas, scripts = _in_head(tree.head)
    if node is None:
        node = tree.css_first("title")
    title = clean(node.text()) if node is not None else ""
    if not metas:
        metas = [element.attributes for element in tree.css("meta[content]")]
    meta: dict[str, str] = {}
    for attrs in metas:
        key = (
            attrs.get("property")
            or attrs.get("name")
            or attrs.get("itemprop")
            or attrs.get("http-equiv")
        )
        value = attrs.get("content")
        if key and value:
            meta.setdefault(key.strip().lower(), value.strip())
    if not any(key in meta for key in META_KEYS):
        time = tree.css_first("time[datetime]")
        if time is not None and (value := time.attributes.get("datetime")):
            meta["time"] = value.strip()
    return title, clean(meta.get("og:title", "")), meta, scripts


def _in_head(
    head: LexborNode | None,
) -> tuple[LexborNode | None, list[dict[str, str | None]], list[LexborNode]]:
    """The first <title> in <head>, the attributes of its <meta content> elements and its
    scripts: walking its few elements costs less than setting up lexbor's CSS engine."""
    title = None
    metas = []
    scripts = []
    for node in head.traverse() if head is not None else ():
        tag = node.tag
        if tag == "meta":
            attrs = node.attributes
            if "content" in attrs:
                metas.append(attrs)
        elif tag == "script":
            scripts.append(node)
        elif tag == "title" and title is None:
            title = node
    return title, metas, scripts


def _is_body_line(line: str, title_key: str) -> bool:
    key = "".join(line.split())  # what _SPACE.sub("", line) makes, at a fifth of the cost
    if not key or key == title_key:
        return False
    if _TRADITIONAL.search(key):  # a search is far cheaper than translating every line
        line = line.translate(_SIMPLIFIED)
        key = key.translate(_SIMPLIFIED)
    if len(key) < 100 and _is_boilerplate(line):
        return False
    if len(key) < 300 and (_is_disclaimer(key) or _is_reprint(key)):
        return False
    if len(key) < _SOURCE_MAX and _SOURCE_LINE.match(key):
        return False
    if len(key) >= 80 or key.endswith(("。", "！", "？", "”")):
        return True
    if len(key) <= 2 and not key.isalnum():
        return False  # "+1", "|", "»": counters and separators; a table's "8" stays
    if _CHROME.search(key):
        return False
    if _DATELIKE.search(key) and (_BYLINE.search(key) or len(_DATETIME.sub("", key)) <= 6):
        return False  # a dateline
    return not (len(key) < 40 and (_CREDIT.match(key) or _CREDIT_INSIDE.search(line)))


def _is_boilerplate(line: str) -> bool:
    if _BOILERPLATE.search(line):
        return True
    return _LATIN_CUE.search(line) is not None and _BOILERPLATE_LATIN.search(line) is not None


def _is_reprint(key: str) -> bool:
    return ("转" in key or "原文" in key) and _REPRINT.match(key) is not None


def _is_disclaimer(key: str) -> bool:
    if key.find("声明", 0, 5) >= 0 and _DISCLAIMER_LABEL.match(key):  # 声明 at 0-3, or none
        return True
    # Both sentences say 代表: looking for it first spares a search at every 不 of a line.
    return "代表" in key and _DISCLAIMER.search(key) is not None
