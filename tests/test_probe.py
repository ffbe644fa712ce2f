"""`monitor try SOURCE_ID`: the links a list or feed source yields, with its selector, and
which are new against the state database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor import demo, pipeline
from monitor.cli import main
from monitor.config import watchlist
from monitor.store.state import Store


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[demo.DemoServer, Path]]:
    server = demo.DemoServer(demo.load_site())
    yield server, tmp_path / "watchlist.yaml"
    server.httpd.server_close()


def test_a_list_source_shows_its_links_new_and_known(
    site: tuple[demo.DemoServer, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, wl_path = site
    with server.running():
        wl_path.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        wl = watchlist.load(wl_path)
        state = wl_path.parent / "state"
        server.now = server.site.passes[2]  # July: the state reads what was out by then
        with Store.open(state) as store:
            pipeline.run_pass(wl, store, now=server.now, state_dir=state, digest_mode="never")
        server.now = server.site.passes[3]  # October: two more on the list page
        assert main(["--watchlist", str(wl_path), "try", "bjgov"]) == 0
    out = capsys.readouterr().out
    assert f"Source: bjgov (list) {server.base}/bjgov/list.html" in out
    assert "Links:  links: 'ul.list a'" in out
    assert "5 link(s): 2 new, 3 already read" in out
    assert "NEW    2024-10-28  北京已建成501个一刻钟便民生活圈" in out
    assert "known  2024-07-16  北京已建设验收422个一刻钟便民生活圈" in out
    assert "/bjgov/202410/t20241015_childcare-total.html" in out


def test_a_feed_and_a_list_without_selector(
    site: tuple[demo.DemoServer, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    server, wl_path = site
    server.now = server.site.passes[1]
    with server.running():
        wl_path.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        assert main(["--watchlist", str(wl_path), "try", "bjrb"]) == 0
        feed = capsys.readouterr().out
        assert main(["--watchlist", str(wl_path), "try", "jxj"]) == 0
        listed = capsys.readouterr().out
    assert "Links:  feed entries" in feed
    assert "2 link(s): 2 new, 0 already read (no state in" in feed
    assert "NEW    2024-04-18  一季度本市保障性住房建设开局良好" in feed
    assert "no links: selector (monitor finds the headlines itself)" in listed
    assert "市经济和信息化局部署2024年中小企业工作" in listed  # read from the GBK page


def test_an_unknown_source_id_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wl_path = tmp_path / "watchlist.yaml"
    wl_path.write_text(demo.demo_watchlist("http://127.0.0.1:9"), encoding="utf-8")
    assert main(["--watchlist", str(wl_path), "try", "bjgv"]) == 2
    err = capsys.readouterr().err.strip()
    assert "'bjgv' is neither a URL nor a source" in err and "bjgov" in err
    assert "\n" not in err
