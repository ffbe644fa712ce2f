"""report: the demo's report as a static site, checked in files and in a real browser
(Debian's headless chromium): every target on the board, each chart drawn with one dot per
figure, nothing fetched from the network, and screenshots that are not blank."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from monitor import demo_replay
from monitor.cli import main
from monitor.config import watchlist
from monitor.models import Watchlist
from monitor.report import chart, export
from monitor.store import stream
from monitor.store.state import Store


@pytest.fixture(scope="module")
def demo_state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("demo") / "state"
    lines = demo_replay.run(state_dir=state)
    assert lines[-1] == f"Report with charts (open in a browser): {state / 'report' / 'index.html'}"
    return state


@pytest.fixture(scope="module")
def wl(demo_state: Path) -> Watchlist:
    return watchlist.load(demo_state / "watchlist.yaml")


def _expected_dots(wl: Watchlist, state: Path, target_id: str) -> int:
    target = next(t for t in wl.targets if t.id == target_id)
    with Store.open(state) as store:
        observations = list(stream.observations(store, target_ids=(target_id,)))
    doubted = export.unconfirmed(target, observations)
    rows = [(o, export.status_of(o, doubted)) for o in observations]
    return chart.data(target, rows, {}).dots


def test_the_demo_writes_an_index_and_a_page_per_target(demo_state: Path, wl: Watchlist) -> None:
    report = demo_state / "report"
    index = (report / "index.html").read_text(encoding="utf-8")
    tree = HTMLParser(index)
    rows = tree.css("tr.target-row")
    assert [r.attributes["data-target"] for r in rows] == [t.id for t in wl.targets]
    for target in wl.targets:
        assert (report / "targets" / f"{target.id}.html").is_file()
        assert f'href="targets/{target.id}.html"' in index
    assert len(tree.css("tr.source-row")) == len(wl.sources)
    assert "失效" in index  # the demo's broken source, in source health
    assert "已完成" in index and "进度正常" in index and "暂无新消息" in index
    page = (report / "targets" / "convenience-circles.html").read_text(encoding="utf-8")
    assert "<mark>501个</mark>" in page and "已实现" in page
    assert 'href="../index.html"' in page


def test_nothing_is_fetched_at_view_time(demo_state: Path) -> None:
    for path in (demo_state / "report").rglob("*.html"):
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        assert not tree.css("script, link, iframe, img, object, embed"), path
        text = path.read_text(encoding="utf-8")
        assert "@import" not in text and "url(http" not in text, path


def test_a_target_chart_has_one_dot_per_figure_with_pledge_and_pace_lines(
    demo_state: Path, wl: Watchlist
) -> None:
    page = (demo_state / "report" / "targets" / "convenience-circles.html").read_text("utf-8")
    figure = HTMLParser(page).css_first("figure#chart")
    assert figure is not None
    # The demo's story: 新建80个 announced in January (a pledge, 440 as a level), 422 in July,
    # 501 in October; last year's 360 is the baseline, not a point.
    assert figure.attributes["data-dots"] == "3"
    assert _expected_dots(wl, demo_state, "convenience-circles") == 3
    for name in ("已实现", "目标表述", "目标线", "时间进度线"):
        assert name in figure.html  # type: ignore[operator]


def test_report_command_and_report_dir(
    demo_state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    args = ["--watchlist", str(demo_state / "watchlist.yaml"), "--state", str(demo_state)]
    assert main([*args, "report", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"report written: {out / 'index.html'} (10 target page(s))" in said
    assert "file://" in said
    (out / "targets" / "gone.html").write_text("old", encoding="utf-8")
    assert main([*args, "-q", "report", "--out", str(out)]) == 0
    assert not (out / "targets" / "gone.html").exists()  # a target no longer watched
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    assert main([*args, "report", "--out", str(blocked)]) == 1
    assert "cannot write the report" in capsys.readouterr().err


# --- in a real browser ---------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail("chromium is missing: scripts/test installs it (apt-get install chromium)")
    return found


def _browse(url: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = [
        _chromium(),
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={tmp / 'profile'}",  # its own: other browsers may be running
        *(["--no-sandbox"] if os.geteuid() == 0 else []),
        *extra,
        url,
    ]
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def browser_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


def test_the_browser_shows_every_target_on_the_board(
    demo_state: Path, wl: Watchlist, browser_tmp: Path
) -> None:
    url = (demo_state / "report" / "index.html").as_uri()
    dom = HTMLParser(_browse(url, browser_tmp, "--dump-dom").stdout)
    titles = [r.css_first("td a").text() for r in dom.css("tr.target-row")]  # type: ignore[union-attr]
    assert titles == [t.title for t in wl.targets]
    assert len(dom.css("tr.target-row .bar .fill")) >= 4  # the targets with figures have bars


def test_the_browser_draws_each_chart_with_the_right_number_of_points(
    demo_state: Path, wl: Watchlist, browser_tmp: Path
) -> None:
    for target in wl.targets:
        url = (demo_state / "report" / "targets" / f"{target.id}.html").as_uri()
        dom = HTMLParser(_browse(url, browser_tmp, "--dump-dom").stdout)
        svg = dom.css_first("figure#chart svg")
        assert svg is not None, target.id
        dots = svg.css("circle.dot")
        assert len(dots) == _expected_dots(wl, demo_state, target.id), target.id
        for dot in dots:  # drawn inside the plot, at real coordinates
            assert float(dot.attributes["cx"] or "nan") >= 0
            assert float(dot.attributes["cy"] or "nan") >= 0


@pytest.mark.parametrize("page", ["index.html", "targets/convenience-circles.html"])
def test_screenshots_are_not_blank(demo_state: Path, browser_tmp: Path, page: str) -> None:
    shot = browser_tmp / (page.replace("/", "-") + ".png")
    url = (demo_state / "report" / page).as_uri()
    _browse(url, browser_tmp, f"--screenshot={shot}", "--window-size=1200,1000")
    width, height, pixels = _read_png(shot.read_bytes())
    assert (width, height) == (1200, 1000)
    inked = sum(1 for p in pixels if p[:3] != (255, 255, 255))
    colours = {p[:3] for p in pixels}
    assert inked > width * height * 0.02, "the page looks blank"
    assert len(colours) > 20  # text, bars and a chart, not a single flat colour


def _read_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """The pixels of an 8-bit RGB or RGBA PNG, as chromium writes them."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(chunks)
    stride = width * size
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = prev[i]
            corner = prev[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    pixels = [tuple(row[x * size : x * size + size]) for row in rows for x in range(width)]
    return width, height, pixels
