"""CLI: exit codes, one-line errors, the shipped example watchlist, README commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.cli import main

ROOT = Path(__file__).resolve().parent.parent
BAD = sorted((ROOT / "tests" / "data" / "watchlists" / "bad").glob("*.yaml"))


def test_check_passes_on_the_shipped_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--watchlist", str(ROOT / "watchlist.yaml"), "check"]) == 0
    assert "OK" in capsys.readouterr().out


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_check_exits_2_with_one_line_per_problem(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--watchlist", str(path), "check"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines and all(re.match(r"(monitor: )?\S+\.yaml(:\d+)?: ", line) for line in lines), err


def test_missing_watchlist_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--watchlist", str(tmp_path / "nope.yaml"), "run"]) == 2
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "Traceback" not in err


def test_bad_now_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--watchlist",
            str(ROOT / "watchlist.yaml"),
            "--state",
            str(tmp_path),
            "run",
            "--now",
            "yesterday",
            "--digest",
            "never",
        ]
    )
    assert code == 2
    assert "2024-07-15T09:00" in capsys.readouterr().err


def test_corrupt_state_is_one_line_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "monitor.db").write_bytes(b"garbage" * 200)
    code = main(["--watchlist", str(ROOT / "watchlist.yaml"), "--state", str(tmp_path), "status"])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "monitor.db" in err
    assert (tmp_path / "monitor.db").read_bytes() == b"garbage" * 200


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "monitor", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("run", "check", "try", "status", "history", "demo"):
        assert command in out


def test_readme_names_commands_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for script in re.findall(r"^(scripts/\w+)", readme, flags=re.M):
        assert (ROOT / script).exists(), script
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test" in ci and "scripts/test" in readme
    for command in re.findall(r"`monitor ([\w-]+)", readme):
        out = subprocess.run(
            [sys.executable, "-m", "monitor", command, "--help"], capture_output=True, text=True
        )
        assert out.returncode == 0, command


def test_try_shows_what_a_page_yields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from monitor import demo

    server = demo.DemoServer(demo.load_site())
    server.now = server.site.passes[-1]
    with server.running():
        wl = tmp_path / "watchlist.yaml"
        wl.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        url = f"{server.base}/jxj/202407/t20240719_sme-h1.html"
        code = main(["--watchlist", str(wl), "try", url, "--target", "specialized-smes"])
    out = capsys.readouterr().out
    assert code == 0
    assert "标题:  本市专精特新企业数量稳步增长" in out
    assert "日期:  2024-07-19T10:00:00+08:00" in out
    assert "achieved" in out and "8600家" in out
    assert "【8600家】" in out


def test_try_an_unreachable_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = main(["--watchlist", "/nonexistent/watchlist.yaml", "try", f"http://127.0.0.1:{port}/"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"127.0.0.1:{port}" in err and "Traceback" not in err


def test_try_explain_says_what_became_of_each_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor import demo

    server = demo.DemoServer(demo.load_site())
    server.now = server.site.passes[-1]
    with server.running():
        wl = tmp_path / "watchlist.yaml"
        wl.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        url = f"{server.base}/jxj/202407/t20240719_sme-h1.html"
        code = main(["--watchlist", str(wl), "try", url, "--explain"])
    out = capsys.readouterr().out
    assert code == 0
    assert "  | 截至6月底，本市专精特新企业累计达到8600家" in out  # the sentence, once
    assert re.search(r"8600家 +\[specialized-smes\] → achieved cumulative 8600 家 +\(noun: ", out)
    # 较年初增加1420家: what the year has added to the stock, its new figure (E7's `new`)
    assert re.search(r"1420家 +\[specialized-smes\] → achieved new 1420 家", out)


def test_try_shows_the_stage_of_work_a_figure_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from monitor import demo

    server = demo.DemoServer(demo.load_site())
    server.now = server.site.passes[-1]
    page = next(a for a in server.site.articles if a.id == "circles-501")
    with server.running():
        wl = tmp_path / "watchlist.yaml"
        wl.write_text(demo.demo_watchlist(server.base), encoding="utf-8")
        url = f"{server.base}{page.path}"
        assert main(["--watchlist", str(wl), "try", url]) == 0
        listed = capsys.readouterr().out
        assert main(["--watchlist", str(wl), "try", url, "--explain"]) == 0
    explained = capsys.readouterr().out
    assert re.search(r"501个 = 501 个 \(exact[^)]*, stage 建成\)", listed)  # 已建成501个
    assert re.search(r"501个 +\[\S+\] → achieved \w+ 501 个 \(stage 建成\)", explained)


def test_status_and_history_make_no_database_in_a_wrong_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "typo"
    args = ["--watchlist", str(ROOT / "watchlist.yaml"), "--state", str(wrong)]
    assert main([*args, "status"]) == 0
    assert "no state database yet" in capsys.readouterr().out
    assert main([*args, "history"]) == 0
    assert f"no state database in {wrong}" in capsys.readouterr().err
    assert not wrong.exists()


def test_global_options_work_after_the_command_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = main(["--watchlist", str(ROOT / "watchlist.yaml"), "-q", "check"])
    out_before = capsys.readouterr().out
    after = main(["check", "--watchlist", str(ROOT / "watchlist.yaml"), "-q"])
    assert before == after == 0
    assert capsys.readouterr().out == out_before
    state = tmp_path / "s"
    assert main(["status", "--state", str(state), "--watchlist", str(ROOT / "watchlist.yaml")]) == 0
    assert f"State: {state}" in capsys.readouterr().out
