"""Script data: JSON-LD, Next.js/Nuxt payloads, JavaScript literals, script date variables."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.errors import ExtractError
from monitor.pages import extract
from monitor.pages.scripted import Scripts, paragraphs_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
SENTENCE = "今年全市新增公共充电桩一万个，覆盖所有街道乡镇，方便市民绿色出行。"


def scripts(markup: str) -> Scripts:
    tree = LexborHTMLParser(markup)
    return Scripts(tree.css("script"), SHANGHAI)


def shell(script: str, *, title: str = "充电桩建设提速_新闻网") -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a><a href='/n/'>新闻</a></div>{script}</body></html>"
    ).encode()


def test_the_longest_chinese_field_wins_with_its_title_and_date() -> None:
    data = {
        "menu": [{"title": "首页"}, {"title": "新闻"}],
        "teaser": {"title": "别的新闻", "summary": "一句话的摘要，不是正文。" * 2},
        "doc": {"title": "充电桩建设提速", "pubDate": "2024-07-01 09:30", "html": SENTENCE * 3},
    }
    script = f"<script>var pageData = {json.dumps(data, ensure_ascii=True)};</script>"
    article = extract.extract(shell(script), url="https://x.cn/a/1.html")
    assert article.title == "充电桩建设提速"
    assert article.text == SENTENCE * 3
    assert article.published == datetime(2024, 7, 1, 9, 30, tzinfo=SHANGHAI)


def test_paragraph_lists_count_as_one_text() -> None:
    data = {"title": "充电桩建设提速", "blocks": [{"type": "p", "text": SENTENCE}] * 3}
    script = f"<script type='application/json'>{json.dumps(data, ensure_ascii=False)}</script>"
    found = scripts(script).article()
    assert found is not None
    assert found.paragraphs == (SENTENCE,) * 3
    assert found.title == "充电桩建设提速"


def test_html_in_json_becomes_lines_without_tags_or_entities() -> None:
    body = "<p>第一段&ldquo;引号&rdquo;。</p><script>x()</script><p>第二段&amp;符号<br>第三段</p>"
    assert paragraphs_of(body) == ["第一段“引号”。", "第二段&符号", "第三段"]


def test_javascript_escapes_and_entities_in_a_literal() -> None:
    text = "\\x3Cp\\x3E" + SENTENCE * 2 + "&ldquo;引号&rdquo;\\x3C/p\\x3E"
    script = f'<script>render({{title: "充电桩&amp;建设", body: "{text}"}});</script>'
    found = scripts(script).article()
    assert found is not None
    assert found.paragraphs == (SENTENCE * 2 + "“引号”",)
    assert found.title == "充电桩&建设"


def test_markup_with_an_article_keeps_it_over_script_data() -> None:
    body = "".join(f"<p>{SENTENCE}{n}</p>" for n in range(12))
    other = "另一篇文章的内容，比页面上的正文更长。" * 60
    page = shell(f'<div class=\'article\'>{body}</div><script>var s = {{"x": "{other}"}};</script>')
    text = extract.extract(page, url="https://x.cn/a/1.html").text
    assert SENTENCE in text and "另一篇文章" not in text


def test_short_script_texts_are_not_articles() -> None:
    page = shell('<script>var s = {"tip": "欢迎访问本网站。"};</script>')
    with pytest.raises(ExtractError, match="no article text"):
        extract.extract(page, url="https://x.cn/a/1.html")


@pytest.mark.parametrize(
    "script",
    [
        pytest.param("<script type='application/ld+json'>{not json</script>", id="broken-json-ld"),
        pytest.param("<script id='__NEXT_DATA__' type='application/json'>[[[</script>", id="next"),
        pytest.param("<script>var a = {" + '"k": [' * 5000 + "</script>", id="unclosed"),
        pytest.param(
            "<script type='application/json'>" + "[" * 50_000 + "]" * 50_000 + "</script>",
            id="deep",
        ),
        pytest.param(
            "<script id='__NUXT_DATA__' type='application/json'>[1,0,[2,1]]</script>", id="cycle"
        ),
    ],
)
def test_broken_or_hostile_script_data_is_no_article(script: str) -> None:
    with pytest.raises(ExtractError):
        extract.extract(shell(script), url="https://x.cn/a/1.html")


def test_json_ld_gives_the_date_and_headline_beside_a_markup_article() -> None:
    ld = {"@type": ["NewsArticle"], "headline": "充电桩建设提速", "datePublished": "2024-07-02"}
    page = shell(
        f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
        f"<h1>充电桩建设提速</h1><div class='content'><p>{SENTENCE * 4}</p></div>",
        title="新闻网",
    )
    article = extract.extract(page, url="https://x.cn/a/1.html")
    assert article.title == "充电桩建设提速"
    assert article.published == datetime(2024, 7, 2, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        pytest.param('var publishTime = "2024-05-01 10:20";', (2024, 5, 1, 10, 20), id="var"),
        pytest.param('{"pubDate":"2024/05/01"}', (2024, 5, 1), id="json-key"),
        pytest.param("window.DATA = {publish_time: 1714530000};", (2024, 5, 1, 10, 20), id="unix"),
        pytest.param("var pub_time='1714530000000';", (2024, 5, 1, 10, 20), id="milliseconds"),
        pytest.param('var serverTime = "2024-05-01 10:20";', None, id="not-a-publication-time"),
    ],
)
def test_date_variable(script: str, expected: tuple[int, ...] | None) -> None:
    found = scripts(f"<script>{script}</script>").date_variable()
    assert found == (datetime(*expected, tzinfo=SHANGHAI) if expected else None)  # type: ignore[misc]


def test_scripts_with_src_are_not_read() -> None:
    assert scripts('<script src="/a.js">var pubDate = "2024-05-01";</script>').texts() == []
