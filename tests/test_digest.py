"""digest: model from state, Chinese templates, one multipart/alternative email."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor.models import DigestSettings, Source, Watchlist
from monitor.report import digest
from monitor.store.state import Store
from tests.factories import CIRCLES, article, at, figure

S422 = "截至目前，本市已建设验收422个一刻钟便民生活圈。"


def _watchlist(tmp_path: Path) -> Watchlist:
    return Watchlist(
        path=tmp_path / "watchlist.yaml",
        timezone=ZoneInfo("Asia/Shanghai"),
        sources=(
            Source(id="bjgov", url="http://127.0.0.1/list", name="北京市人民政府"),
            Source(id="dead", url="http://127.0.0.1/dead", name="坏掉的源"),
        ),
        targets=(CIRCLES,),
        digest=DigestSettings(to=("a@example.org",), sender="m@example.org", subject="进展 {date}"),
    )


def test_number_formats_like_the_news_does() -> None:
    from decimal import Decimal

    assert digest.number(Decimal(501), "个") == "501个"
    assert digest.number(Decimal(10000), "个") == "1万个"
    assert digest.number(Decimal("4370000000000"), "元") == "4.37万亿元"
    assert digest.number(Decimal("12345"), "个") == "12345个"
    assert digest.number(Decimal("22.5"), "%") == "22.5%"
    assert digest.signed(Decimal(79), "个") == "+79个"


def test_digest_email_carries_the_change_quote_and_link(tmp_path: Path, store: Store) -> None:
    wl = _watchlist(tmp_path)
    store.save_article(
        article("http://127.0.0.1/a/1.html", S422, title="北京<b>验收</b>422个"),
        source_id="bjgov",
        fetched_at=at("2024-07-16 10:00"),
        digest="h",
        mentions=["circles"],
        figures=[figure(S422, "422个", 422)],
    )
    for _ in range(3):
        store.record_failure(
            "dead", "http://127.0.0.1/dead", at=at("2024-07-16 10:00"), error="HTTP 500", status=500
        )
    model = digest.build(wl, store, now=at("2024-07-17 08:00"), period_start=None)
    assert not model.empty
    msg = digest.compose(model, wl, digest.environment(None))
    parsed = message_from_bytes(bytes(msg), policy=policy.default)
    assert parsed.get_content_type() == "multipart/alternative"
    assert parsed["Subject"] == "进展 2024-07-17"
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "最新：422个（基数 360个，+62个）" in text
    assert "进度：78%" in text
    assert "http://127.0.0.1/a/1.html" in text
    assert "坏掉的源：失效（连续失败 3 次）" in text
    assert re.search(r"<mark[^>]*>422个</mark>", html)
    assert "北京&lt;b&gt;验收&lt;/b&gt;422个" in html  # web text is escaped
    assert 'href="http://127.0.0.1/a/1.html"' in html
    assert "<style>" not in html and 'style="' in html  # CSS inlined for mail clients


def test_nothing_pending_is_an_empty_digest(tmp_path: Path, store: Store) -> None:
    model = digest.build(_watchlist(tmp_path), store, now=at("2024-07-17 08:00"), period_start=None)
    assert model.empty


def test_templates_beside_the_watchlist_win(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "digest.txt.j2").write_text("自定义 {{ d.title }}", "utf-8")
    env = digest.environment(tmp_path)
    assert env.get_template("digest.txt.j2").render(d=type("D", (), {"title": "T"})) == "自定义 T"
    fallback = env.get_template("digest.html.j2").filename
    assert fallback is not None and Path(fallback).parent == digest.PACKAGED_TEMPLATES
