"""End to end: the bundled demo site over real HTTP on loopback, through every stage, to the
digests in the outbox; then `monitor run` from the CLI against the same site."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from monitor import demo, demo_replay, pipeline
from monitor.cli import main
from monitor.config import watchlist
from monitor.models import Article
from monitor.store.state import Store


def _digests(state: Path) -> list[EmailMessage]:
    files = sorted((state / "outbox").glob("*.eml"))
    return [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]  # type: ignore[misc]


def _text(msg: EmailMessage) -> str:
    return msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def _html(msg: EmailMessage) -> str:
    return msg.get_body(("html",)).get_content()  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def server() -> Iterator[demo.DemoServer]:
    site = demo.DemoServer(demo.load_site())
    with site.running():
        yield site


@pytest.fixture(scope="module")
def replayed(
    tmp_path_factory: pytest.TempPathFactory, server: demo.DemoServer
) -> tuple[Path, list[pipeline.PassReport]]:
    state = tmp_path_factory.mktemp("demo")
    return state, demo_replay.replay(state, server=server)


def test_one_digest_per_period(replayed: tuple[Path, list[pipeline.PassReport]]) -> None:
    state, reports = replayed
    assert len(reports) == 5
    assert len(_digests(state)) == 5
    assert all(len(r.delivered) == 1 for r in reports)


def test_july_digest_reports_422_against_the_baseline(replayed) -> None:  # type: ignore[no-untyped-def]
    state, _ = replayed
    july = _text(_digests(state)[2])
    assert "北京2024年新建80个一刻钟便民生活圈" in july
    assert "最新：422个（基数 360个，+62个）" in july
    assert "进度：78%" in july
    assert "本市已建设验收【422个】一刻钟便民生活圈" in july
    assert "/bjgov/202407/t20240716_circles-422.html" in july


def test_october_digest_reports_501_with_both_outlets(replayed) -> None:  # type: ignore[no-untyped-def]
    state, _ = replayed
    october = _digests(state)[3]
    text = _text(october)
    assert "最新：501个（上次报告 422个，+79个）" in text
    assert "进度：176%" in text
    section = text.split("■ 北京2024年新建80个一刻钟便民生活圈")[1].split("■")[0]
    assert "北京市人民政府 · 要闻动态：http://127.0.0.1" in section
    assert "北京日报：http://127.0.0.1" in section
    assert section.count("本市已建成【501个】一刻钟便民生活圈") == 1  # syndicated: one item
    assert "<mark" in _html(october)


def test_other_targets_move_too(replayed) -> None:  # type: ignore[no-untyped-def]
    state, _ = replayed
    digests = [_text(d) for d in _digests(state)]
    assert "1.8万套" in digests[1]  # April: rental housing raised
    assert "6000个" in digests[2]  # July: childcare places
    assert "6.2万套" in digests[3]  # October, from the GBK site


def test_gbk_legacy_site_reads_as_chinese(replayed) -> None:  # type: ignore[no-untyped-def]
    state, _ = replayed
    july = _text(_digests(state)[2])
    assert "本市专精特新企业累计达到【8600家】" in july
    assert "010-55579000" not in july.split("专精特新")[0]  # a phone number is no figure


def test_broken_source_shows_in_health_and_stops_nothing(replayed) -> None:  # type: ignore[no-untyped-def]
    state, reports = replayed
    digests = [_text(d) for d in _digests(state)]
    assert "某区政务公开：暂时失败（连续失败 1 次）" in digests[0]
    assert "某区政务公开：失效（连续失败 3 次）" in digests[2]
    assert all(sum(not s.ok for s in r.sources) == 1 for r in reports)
    assert reports[0].summary()["new"] >= 2


def test_a_second_run_over_unchanged_sources_sends_nothing(replayed, server) -> None:  # type: ignore[no-untyped-def]
    state, reports = replayed
    wl = watchlist.load(state / "watchlist.yaml")
    server.requests.clear()
    store = Store.open(state)
    try:
        again = pipeline.run_pass(
            wl, store, now=reports[-1].now + timedelta(days=1), state_dir=state
        )
    finally:
        store.close()
    assert again.summary()["new"] == 0
    assert again.digests_built == [] and again.delivered == []
    assert len(_digests(state)) == 5
    listed = [status for path, status in server.requests if path.endswith(".html")]
    assert listed and all(status != 200 for status in listed if status != 500)


def test_cli_demo_prints_the_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--dir", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    assert "360个 → 422个 → 501个, 176% of the pledge" in out
    assert "新增普惠托位1万个: 6000个, 60% of the pledge" in out  # 上半年新增, read in July
    assert "1.8万套 → 6.2万套, 89% of the pledge" in out
    assert "7180家 → 8600家 → 8450家, 84% of the pledge" in out  # 8450 once corroborated
    assert "then the analyst rejected 9200个 (childcare-total)" in out
    assert "subject: 北京2024年政策目标进展 2024-10-31：3 项有进展，1 项待核实" in out
    assert "subject: 北京2024年政策目标进展 2024-01-23：首份摘要：10 项目标的基数与目标" in out
    assert str(tmp_path / "demo" / "outbox") in out


def test_cli_run_against_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = demo.load_site()
    server = demo.DemoServer(site)
    server.now = site.passes[2]
    with server.running():
        wl = tmp_path / "watchlist.yaml"
        wl.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        summary = tmp_path / "summary.json"
        code = main(
            [
                "--watchlist",
                str(wl),
                "run",
                "--now",
                "2024-07-22T09:00",
                "--summary-json",
                str(summary),
            ]
        )
    assert code == 3  # the demo site's broken source failed: cron is told
    out = capsys.readouterr().out
    assert "digest delivered:" in out
    assert "source broken failed:" in out
    assert (tmp_path / "state" / "outbox").is_dir()
    import json

    counts = json.loads(summary.read_text())
    assert counts["new"] >= 6 and counts["errors"] == 1


def test_a_bug_on_one_source_stops_no_other(
    tmp_path: Path, server: demo.DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # patched where reading.read calls it (figures compiled by scripts/native call each
    # other directly, past any module attribute)
    from monitor.figures import tables

    real = tables.article_figures

    def buggy(article: Article, *args: object, **kwargs: object) -> object:
        if "专精特新企业累计" in article.text:  # the GBK site's July article
            raise ZeroDivisionError("a bug in reading")
        return real(article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "article_figures", buggy)
    reports = demo_replay.replay(tmp_path / "state", server=server)
    july = reports[2]
    failed = {r.source_id: r.error for r in july.sources if not r.ok}
    assert set(failed) == {"jxj", "broken"}
    assert "internal error: ZeroDivisionError: a bug in reading" in (failed["jxj"] or "")
    assert july.summary()["new"] >= 2  # the other sources' articles were read and stored
    assert "最新：422个" in _text(_digests(tmp_path / "state")[2])
