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
        content_hash="h",
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


def test_computed_amounts_read_in_their_own_magnitude() -> None:
    from decimal import Decimal

    from monitor.report.numbers import approx, qualified

    assert approx(Decimal("110000123"), "元") == "1.1亿元"
    assert approx(Decimal("62560"), "套") == "6.26万套"
    assert approx(Decimal("6256.4"), "套") == "6256套"
    assert approx(Decimal("3.43"), "个") == "3.4个"
    assert digest.signed(Decimal(-150), "家") == "−150家"
    assert qualified(Decimal(30000), "名", "nearly") == "近3万名"
    assert qualified(Decimal(6000), "个", "at_least") == "超6000个"


def test_subject_placeholders_sender_name_and_mail_headers(tmp_path: Path, store: Store) -> None:
    from dataclasses import replace

    wl = _watchlist(tmp_path)
    wl = replace(
        wl,
        digest=DigestSettings(
            to=("a@example.org",),
            sender="政策监测 <monitor@example.org>",
            subject="{date}：{moved} 项变化（{board}）",
        ),
    )
    store.save_article(
        article("http://127.0.0.1/a/1.html", S422),
        source_id="bjgov",
        fetched_at=at("2024-07-16 10:00"),
        content_hash="h",
        mentions=["circles"],
        figures=[figure(S422, "422个", 422)],
    )
    model = digest.build(wl, store, now=at("2024-07-17 08:00"), period_start=None)
    parsed = message_from_bytes(
        bytes(digest.compose(model, wl, digest.environment(None))), policy=policy.default
    )
    assert parsed["Subject"] == "2024-07-17：1 项变化（1 项有进展）"
    assert parsed["From"].addresses[0].display_name == "政策监测"
    assert parsed["From"].addresses[0].addr_spec == "monitor@example.org"
    assert parsed["Message-ID"].endswith("@example.org>")
    assert parsed["Auto-Submitted"] == "auto-generated"
    text = parsed.get_body(("plain",)).get_content()
    assert text.splitlines()[0] == "1 项有进展：北京2024年新建80个一刻钟便民生活圈 422个"
    assert "「截至目前，本市已建设验收【422个】一刻钟便民生活圈。」" in text


def test_evidence_is_capped_at_three_quotes(tmp_path: Path, store: Store) -> None:
    wl = _watchlist(tmp_path)
    for n in range(5):
        s = f"截至目前，本市已建设验收{420 + n}个一刻钟便民生活圈，第{n}篇。"
        store.save_article(
            article(f"http://127.0.0.1/a/{n}.html", s, when=f"2024-07-1{n} 09:00"),
            source_id="bjgov",
            fetched_at=at("2024-07-16 10:00"),
            content_hash=f"h{n}",
            mentions=["circles"],
            figures=[figure(s, f"{420 + n}个", 420 + n)],
        )
    model = digest.build(wl, store, now=at("2024-07-20 08:00"), period_start=None)
    text, html = digest.render(model, digest.environment(None))
    assert text.count("」\n    —— ") == 3
    assert "另有 2 篇报道给出数字" in text and "另有 2 篇报道给出数字" in html
    assert "最新：424个" in text  # the newest


def test_from_with_a_display_name_is_a_valid_watchlist() -> None:
    from monitor.config import watchlist

    text = """\
digest: {to: [a@example.org], from: "政策监测 <monitor@example.org>", subject: "{date} {board}"}
sources:
  - {id: s, url: "https://www.beijing.gov.cn/ywdt/"}
targets:
  - {id: t, title: T, keywords: [便民生活圈]}
"""
    wl = watchlist.loads(text, Path("w.yaml"))
    assert wl.digest.sender == "政策监测 <monitor@example.org>"


def test_literal_braces_in_the_subject_come_out_single(tmp_path: Path, store: Store) -> None:
    """The validator tells users to write {{ and }} for a brace: the subject must show one."""
    from monitor.config import watchlist

    text = """\
digest: {to: [a@example.org], subject: "{{周报}} {date} {{{moved}}}"}
sources:
  - {id: s, url: "https://www.beijing.gov.cn/ywdt/"}
targets:
  - {id: t, title: T, keywords: [便民生活圈]}
"""
    wl = watchlist.loads(text, tmp_path / "watchlist.yaml")
    model = digest.build(wl, store, now=at("2024-07-17 08:00"), period_start=None)
    parsed = message_from_bytes(
        bytes(digest.compose(model, wl, digest.environment(None))), policy=policy.default
    )
    assert parsed["Subject"] == "{周报} 2024-07-17 {0}"


def test_a_pledge_read_in_the_period_shows_though_the_target_moved(
    tmp_path: Path, store: Store
) -> None:
    wl = _watchlist(tmp_path)
    s80 = "明年本市将再新建100个一刻钟便民生活圈。"
    store.save_article(
        article("http://127.0.0.1/a/1.html", S422 + s80),
        source_id="bjgov",
        fetched_at=at("2024-07-16 10:00"),
        content_hash="h",
        mentions=["circles"],
        figures=[
            figure(S422, "422个", 422),
            figure(s80, "100个", 100, kind="pledge", scope="new"),
        ],
    )
    model = digest.build(wl, store, now=at("2024-07-17 08:00"), period_start=None)
    text, html = digest.render(model, digest.environment(None))
    section = text.split("■ 北京2024年新建80个一刻钟便民生活圈")[1]
    assert "最新：422个" in section
    assert "目标表述 #" in section and "【100个】" in section
    assert "目标表述" in html and re.search(r"<mark[^>]*>100个</mark>", html)


def test_docs_name_every_template_variable() -> None:
    """docs/templates.md documents every field and property a template can use."""
    import dataclasses

    from monitor.report import board, diff

    docs = (Path(__file__).resolve().parent.parent / "docs" / "templates.md").read_text("utf-8")
    missing = []
    for prefix, cls in (
        ("d", digest.DigestModel),
        ("b", board.BoardLine),
        ("u", diff.TargetUpdate),
    ):
        names = [f.name for f in dataclasses.fields(cls)]
        names += [n for n, v in vars(cls).items() if isinstance(v, property)]
        internal = {"observation_ids", "mention_keys", "correction_ids", "empty"}
        missing += [
            f"{prefix}.{n}" for n in names if n not in internal and f"{prefix}.{n}" not in docs
        ]
    assert not missing, f"docs/templates.md does not document {missing}"
