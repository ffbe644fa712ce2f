"""`monitor check` warnings: a watchlist that loads but would quietly miss things."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.cli import main

ROOT = Path(__file__).resolve().parent.parent

RISKY = """\
timezone: Asia/Shanghai
digest: {schedule: "0 8 * * *", to: [a@example.org], from: "政策监测 <monitor@example.org>"}
sources:
  - {id: s, url: "https://www.beijing.gov.cn/ywdt/"}
targets:
  - id: graduates
    title: 高校毕业生就业
    keywords: [高校畢業生]
    region: []
    unit: 人
  - id: circles
    title: 便民生活圈
    keywords: [便民生活圈]
    exclude: [生活圈]
    unit: 个
    pledge: {value: -5}
"""


def test_each_risk_is_one_warning_line_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    path.write_text(RISKY, encoding="utf-8")
    assert main(["--watchlist", str(path), "check"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    warned = [line for line in lines if ": warning: " in line]
    assert [line.split(": warning: ")[0] for line in warned] == [
        f"{path}:6",
        f"{path}:9",
        f"{path}:11",
        f"{path}:11",
    ]
    text = "\n".join(warned)
    assert "counts in 人" not in text  # the reader reads 名 and 位 as 人: nothing to warn of
    assert "keyword 高校畢業生 has traditional characters (畢業)" in text
    assert "region: [] which limits nothing" in text
    assert "exclude word 生活圈 is in its keyword 便民生活圈" in text
    assert "pledge value -5 is negative" in text


def test_a_cron_line_that_never_fires_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    path.write_text(RISKY.replace('"0 8 * * *"', '"0 8 30 2 *"'), encoding="utf-8")
    assert main(["--watchlist", str(path), "check"]) == 2
    assert f"{path}:2: schedule '0 8 30 2 *'" in capsys.readouterr().err


def test_traditional_keywords_are_fine_for_hong_kong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    text = RISKY.replace("region: []", "region: [香港]").replace("unit: 人", "unit: 个")
    path.write_text(text, encoding="utf-8")
    assert main(["--watchlist", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "traditional characters" not in out and "region: []" not in out


@pytest.mark.parametrize("name", ["watchlist.yaml", "monitor/demo_site/watchlist.yaml"])
def test_the_shipped_watchlists_draw_no_warning(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    path.write_text(
        (ROOT / name).read_text(encoding="utf-8").replace("{base}", "http://127.0.0.1:9"), "utf-8"
    )
    assert main(["--watchlist", str(path), "check"]) == 0
    assert "warning" not in capsys.readouterr().out


NATIONAL_OUTLET = """\
timezone: Asia/Shanghai
digest: {schedule: "0 8 * * *", to: [a@example.org], from: monitor@example.org}
sources:
  - {id: xinhua, url: "https://www.news.cn/politics/"}
  - {id: stats, url: "https://www.stats.gov.cn/sj/", region: [全国]}
  - {id: city, url: "https://www.beijing.gov.cn/ywdt/"}
targets:
  - {id: circles, title: 便民生活圈, keywords: [便民生活圈], region: [北京, 全市], unit: 个}
"""


def test_a_national_outlet_without_region_beside_a_regional_target_is_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "watchlist.yaml"
    path.write_text(NATIONAL_OUTLET, encoding="utf-8")
    assert main(["--watchlist", str(path), "check"]) == 0
    warned = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]
    assert len(warned) == 1, warned  # the one with region: [全国] and the city's own site pass
    assert warned[0].startswith(f"{path}:4: warning: source 'xinhua' is a national outlet")
    assert "add region: [全国]" in warned[0]
    national = NATIONAL_OUTLET.replace("region: [北京, 全市]", "region: [全国]")
    path.write_text(national, encoding="utf-8")
    assert main(["--watchlist", str(path), "check"]) == 0
    assert ": warning: " not in capsys.readouterr().out  # a national target: nothing to warn of
