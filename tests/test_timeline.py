"""End to end over the demo's replayed year: a misread figure that becomes the latest level
and is rejected (更正 in the next digest, progress recomputed), a falling count shown as
待核实 until a second outlet confirms it, and the board in every digest, text and HTML."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from monitor import demo_replay
from monitor.cli import main
from monitor.store import verdicts
from monitor.store.state import Store


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    demo_replay.replay(folder)
    return folder


def _mail(state: Path, n: int) -> EmailMessage:
    files = sorted((state / "outbox").glob("*.eml"))
    return message_from_bytes(files[n].read_bytes(), policy=policy.default)  # type: ignore[return-value]


def _parts(state: Path, n: int) -> tuple[str, str]:
    msg = _mail(state, n)
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    return text, html


def _board_line(text: str, title: str) -> str:
    board = text.split("== 全部目标一览 ==")[1].split("\n== ")[0]
    lines = board.splitlines()
    i = next(i for i, line in enumerate(lines) if line.endswith(title))
    return lines[i] + "\n" + lines[i + 1]


def _section(text: str, title: str) -> str:
    return text.split(f"■ {title}")[1].split("\n■ ")[0].split("\n== ")[0]


def _plain_html(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_first_digest_shows_baselines_and_pledges_as_a_board(state: Path) -> None:
    text, html = _parts(state, 0)
    line = _board_line(text, "北京2024年新建80个一刻钟便民生活圈")
    assert line.startswith("暂无新消息")
    assert "基数 360个；目标新增80个，2024-12-31前" in line
    assert text.count("暂无新消息") == 10  # every target, though none has moved yet
    assert 'id="board"' in html and "全部目标一览（基数与目标）" in _plain_html(html)


def test_the_first_digest_quotes_each_pledge_the_work_report_states(state: Path) -> None:
    text, _ = _parts(state, 0)
    for title, quoted in (
        ("建设100条城市画廊", "【100条】城市画廊"),  # 城市 opens the noun: no count of cities
        ("打造20个无界公园", "【20个】无界公园"),
    ):
        assert quoted in _section(text, title), title


def test_the_board_opens_every_digest_with_every_target(state: Path) -> None:
    for n in range(5):
        text, html = _parts(state, n)
        assert text.index("== 全部目标一览 ==") < text.index("== ", text.index("一览") + 5)
        board = text.split("== 全部目标一览 ==")[1].split("\n== ")[0]
        assert board.count("目标") >= 10
        assert _plain_html(html).index("全部目标一览") < _plain_html(html).index("由 monitor")


def test_a_falling_count_waits_as_unconfirmed(state: Path) -> None:
    text, html = _parts(state, 3)  # 2024-10-31
    section = _section(text, "专精特新企业总数超过1万家")
    assert "待核实 #" in section
    assert "8450家（累计数低于此前的8600家（2024-07-19）；未计入进度）" in section
    assert "最新：" not in section  # it is not the latest level
    line = _board_line(text, "专精特新企业总数超过1万家")
    assert "8600家" in line and "8450" not in line.split("；")[0]
    assert "1 个数字待核实" in line
    assert text.startswith("3 项有进展，1 项待核实：")
    assert "待核实</b>：8450家（累计数低于此前的8600家" in html


def test_a_second_outlet_confirms_it(state: Path) -> None:
    text, html = _parts(state, 4)  # 2024-12-06
    section = _section(text, "专精特新企业总数超过1万家")
    assert "最新：8450家（上次报告 8600家，−150家）" in section  # a fall, signed
    assert "已证实：此前待核实的 8450家" in section
    assert "北京市经济和信息化局 2024-12-05 的报道证实" in section
    assert "8450家" in _board_line(text, "专精特新企业总数超过1万家")
    assert "已证实：此前待核实的 8450家" in _plain_html(html)


def test_a_misread_becomes_latest_until_rejected(state: Path) -> None:
    october, _ = _parts(state, 3)
    assert "最新：9200个（上次报告 6000个，+3200个）" in october
    assert "【9200个】" in october


def test_the_next_digest_corrects_it_and_recomputes_progress(state: Path) -> None:
    text, html = _parts(state, 4)
    fix = re.search(r"更正：2024-10-31 摘要所报「新增普惠托位1万个」9200个（#(\d+)）有误", text)
    assert fix, text
    assert "原因：托位总数含往年存量，不是今年新增" in text
    line = _board_line(text, "新增普惠托位1万个")
    assert line.startswith("落后（2024-07-18）")  # back to July's 6000, against 93 % by now
    assert "60%" in line and "6000个" in line and "9200" not in line
    assert "<s>9200个</s> <span" in html and f"#{fix[1]}" in html
    assert "1 条更正" in text.splitlines()[0]


def test_a_correction_is_sent_once_and_nothing_is_deleted(state: Path) -> None:
    store = Store.open(state)
    try:
        assert verdicts.corrections_due(store) == []
        rejected = [o for o in store.observations() if o.rejected]
        assert [o.figure.quantity.surface for o in rejected] == ["9200个"]
        assert rejected[0].corrected_in is not None
    finally:
        store.close()


def test_history_shows_ids_and_strikes_the_rejected(
    state: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wl = str(state / "watchlist.yaml")
    assert main(["--watchlist", wl, "--state", str(state), "history", "childcare-places"]) == 0
    out = capsys.readouterr().out
    assert "9\u03362\u03360\u03360\u0336个\u0336" in out
    assert "REJECTED (托位总数含往年存量，不是今年新增)" in out
    assert re.search(r"#\d+ +2024-07-18", out)
    assert "latest level: 6000个, 60% of the pledge" in out
    assert main(["--watchlist", wl, "--state", str(state), "history", "specialized-smes"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"8450家 +corroborated by #\d+ \(doubted: 累计数低于此前的8600家", out)


def test_ids_in_the_text_part_are_the_ones_reject_takes(state: Path) -> None:
    text, _ = _parts(state, 2)
    ident = re.search(r"#(\d+)「上半年，全市新增普惠托位【6000个】", text)
    assert ident
    store = Store.open(state)
    try:
        assert verdicts.observation(store, int(ident[1])).figure.quantity.surface == "6000个"
    finally:
        store.close()


def test_mail_conventions(state: Path) -> None:
    msg = _mail(state, 3)
    assert msg["Auto-Submitted"] == "auto-generated"
    text, html = _parts(state, 3)
    assert text.splitlines()[0].startswith(
        "3 项有进展，1 项待核实：北京2024年新建80个一刻钟便民生活圈 501个"
    )
    assert '<meta name="color-scheme" content="light">' in html
    assert "<!--[if mso]>" in html and 'role="presentation"' in html
    assert html.index("3 项有进展，1 项待核实") < html.index("<h1")  # the inbox preview
