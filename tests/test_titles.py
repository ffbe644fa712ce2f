"""Headlines: <title> separators, dashes written two ways, controls inside a heading."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.pages import extract, titles

BODY = "<p>" + "全市新建便民生活圈八十个，覆盖一百多个街道，居民买菜更方便了。" * 3 + "</p>"


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        pytest.param("标题在这里_栏目_站名", "标题在这里", id="underscores"),
        pytest.param("栏目 | 一条较长的新闻标题 | 站名", "一条较长的新闻标题", id="bars"),
        pytest.param("一条较长的新闻标题 - 站名", "一条较长的新闻标题", id="spaced-hyphen"),
        pytest.param("一条较长的新闻标题-站名", "一条较长的新闻标题", id="hyphen-before-site"),
        pytest.param("一条较长的新闻标题 —— 站名", "一条较长的新闻标题", id="spaced-dash"),
        pytest.param(
            "奋力谱写新篇章——记老城区改造三年_新闻_站名",
            "奋力谱写新篇章——记老城区改造三年",
            id="dash-inside-the-headline",
        ),
    ],
)
def test_stem_of(title: str, stem: str) -> None:
    assert titles.stem_of(title) == stem


@pytest.mark.parametrize(
    ("head", "heading", "expected"),
    [
        pytest.param(
            "城市更新行动-记老城区改造三年_日报",
            "城市更新行动——记老城区改造三年",
            "城市更新行动——记老城区改造三年",
            id="title-hyphen-heading-dash",
        ),
        pytest.param(
            "城市更新行动——记老城区改造三年 | 日报",
            "城市更新行动 - 记老城区改造三年",
            "城市更新行动 - 记老城区改造三年",
            id="title-dash-heading-hyphen",
        ),
        pytest.param(
            "新闻标题（图）：副题｜日报",
            "新闻标题(图):副题",
            "新闻标题(图):副题",
            id="full-and-half-width",
        ),
    ],
)
def test_heading_matches_title_whatever_its_dashes(head: str, heading: str, expected: str) -> None:
    html = (
        f"<html><head><meta charset='utf-8'><title>{head}</title></head>"
        f"<body><h1>{heading}</h1>{BODY}</body></html>"
    )
    assert extract.extract(html.encode(), url="https://x.cn/a.html").title == expected


def test_headline_found_in_text_when_title_writes_its_dash_otherwise() -> None:
    html = (
        "<html><head><meta charset='utf-8'>"
        "<title>站名--城市更新行动-记老城区改造三年</title></head>"
        "<body><div class='nav'><a href='/'>首页</a></div>"
        f"<div class='tt'>城市更新行动——记老城区改造三年</div>{BODY}</body></html>"
    )
    assert extract.extract(html.encode(), url="https://x.cn/a.html").title == (
        "城市更新行动——记老城区改造三年"
    )


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        pytest.param("<h1>标题<button>分享</button></h1>", "标题", id="button"),
        pytest.param("<h1>标题<span class='btn-listen'>听新闻</span></h1>", "标题", id="btn"),
        pytest.param("<h1><i class='iconfont'>\ue60c</i>标题</h1>", "标题", id="icon-element"),
        pytest.param("<h1>标题\ue601</h1>", "标题", id="icon-font-character"),
        pytest.param("<h1>标题<a class='share-wx' href='#'>微信</a></h1>", "标题", id="share"),
        pytest.param("<h1><span class='t'>新闻</span><em>标题</em></h1>", "新闻标题", id="inline"),
        pytest.param("<h1>标题<svg><text>A+</text></svg></h1>", "标题", id="svg"),
    ],
)
def test_heading_text_leaves_out_controls(markup: str, text: str) -> None:
    node = LexborHTMLParser(markup).css_first("h1")
    assert node is not None
    assert titles.heading_text(node) == text


def test_key_normalises_punctuation() -> None:
    assert titles.key("甲 —— 乙：丙｜丁") == titles.key("甲-乙:丙|丁") == "甲-乙:丙|丁"
