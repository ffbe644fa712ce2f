"""export and history --format: every observation as CSV (UTF-8 with BOM) or JSON, streamed;
and the schema migration that added chat channels, on a database from before it."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.config import watchlist
from monitor.models import Watchlist
from monitor.report import export
from monitor.store.schema import MIGRATIONS
from monitor.store.state import Store
from tests.factories import TZ, figure, save

WATCHLIST = """
sources:
  - {id: bjgov, name: 北京市人民政府, url: "https://www.beijing.gov.cn/ywdt/"}
targets:
  - id: circles
    title: 北京2024年新建80个一刻钟便民生活圈
    keywords: [一刻钟便民生活圈]
    unit: 个
    pledge: {value: 80, scope: new, by: 2024-12-31, announced: 2024-01-22}
    baseline: {value: 360, as_of: 2023-12-31}
  - id: debt
    title: 专项债券
    keywords: [专项债券]
    unit: 元
"""
S1 = "截至目前，本市已建设验收422个一刻钟便民生活圈，覆盖常住人口超过1400万人。"
S2 = "全年发行新增专项债券4.37万亿元，支持项目建设。"


@pytest.fixture
def wl(tmp_path: Path) -> Watchlist:
    path = tmp_path / "watchlist.yaml"
    path.write_text(WATCHLIST, encoding="utf-8")
    return watchlist.load(path)


@pytest.fixture
def filled(tmp_path: Path, wl: Watchlist) -> Iterator[Store]:
    store = Store.open(tmp_path / "state")
    save(
        store,
        "http://a/1",
        S1,
        [figure(S1, "422个", 422)],
        source_id="bjgov",
        when="2024-07-16 10:00",
    )
    debt = figure(S2, "4.37万亿元", "4370000000000", target="debt", unit="元", scope="new")
    save(store, "http://a/2", S2, [debt], source_id="elsewhere", when="2024-03-05 09:00")
    yield store
    store.close()  # Python 3.13 warns of a connection left to the garbage collector


def test_csv_opens_in_a_spreadsheet_with_every_column(wl: Watchlist, filled: Store) -> None:
    out = io.StringIO(newline="")
    assert export.write(out, export.rows(wl, filled), "csv") == 2
    text = out.getvalue()
    assert text.startswith("\ufeff")  # Excel reads UTF-8 Chinese only with the BOM
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert tuple(rows[0]) == export.COLUMNS
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["target"] == "circles" and first["target_title"].startswith("北京2024年")
    assert first["value"] == "422" and first["unit"] == "个" and first["kind"] == "achieved"
    assert first["status"] == "reported" and first["outlet"] == "北京市人民政府"
    assert first["sentence"] == S1 and first["url"] == "http://a/1"
    assert first["published"].startswith("2024-07-16T10:00")
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["value"] == "4370000000000"  # exact, not 4.37E+12
    assert second["outlet"] == "elsewhere"  # a source no longer in the watchlist: its id


def test_every_column_is_documented_in_order() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "report.md").read_text("utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", docs, re.MULTILINE)
    assert tuple(documented) == export.COLUMNS


def test_json_is_one_array_with_exact_numbers(wl: Watchlist, filled: Store) -> None:
    out = io.StringIO()
    export.write(out, export.rows(wl, filled), "json")
    data = json.loads(out.getvalue())
    assert [d["value"] for d in data] == [422, 4370000000000]
    assert list(data[0]) == list(export.COLUMNS)
    assert data[0]["value_high"] is None and data[1]["surface"] == "4.37万亿元"


def test_json_numbers_read_back_exactly() -> None:
    assert export._exact("4370000000000") == 4370000000000
    assert export._exact("0.1") == 0.1 and export._exact("5.5") == 5.5
    assert export._exact("0.12345678901234567890") == "0.12345678901234567890"  # no float has it
    assert export._exact(None) is None


def test_an_empty_export_is_still_well_formed(wl: Watchlist, store: Store) -> None:
    out = io.StringIO()
    assert export.write(out, export.rows(wl, store), "json") == 0
    assert json.loads(out.getvalue()) == []


def test_since_and_target_filter(wl: Watchlist, filled: Store) -> None:
    since = datetime(2024, 6, 1, tzinfo=TZ)
    assert [r["id"] for r in export.rows(wl, filled, since=since)] == ["1"]
    assert [r["target"] for r in export.rows(wl, filled, target_ids=("debt",))] == ["debt"]


def test_cli_export_and_history_formats(
    tmp_path: Path, wl: Watchlist, filled: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    filled.close()
    base = ["--watchlist", str(wl.path), "--state", str(tmp_path / "state")]
    out = tmp_path / "figures.csv"
    assert main([*base, "export", "--out", str(out)]) == 0
    assert "2 figure(s) written" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "一刻钟便民生活圈".encode() in raw
    assert main([*base, "export", "--format", "json", "--since", "2024-06-01"]) == 0
    assert [d["target"] for d in json.loads(capsys.readouterr().out)] == ["circles"]
    assert main([*base, "history", "debt", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "4.37万亿元" in lines[1]
    assert main([*base, "export", "--since", "July"]) == 1
    assert "--since 'July' is not a date" in capsys.readouterr().err
    assert main([*base, "export", "--target", "nope"]) == 1
    assert "no target 'nope'" in capsys.readouterr().err
    assert main(["--watchlist", str(wl.path), "--state", str(tmp_path / "none"), "export"]) == 1
    assert "no state here yet" in capsys.readouterr().err
    assert not (tmp_path / "none" / "monitor.db").exists()  # no empty database made


def test_a_database_from_before_channels_migrates_and_keeps_its_digests(tmp_path: Path) -> None:
    before = next(i for i, m in enumerate(MIGRATIONS) if "channel_deliveries" in m)
    conn = sqlite3.connect(tmp_path / "monitor.db")
    for script in MIGRATIONS[:before]:
        conn.executescript(script)
    conn.execute(
        "INSERT INTO digests(created_at, period_end, message_id, message, status) "
        "VALUES ('2024-07-01', '2024-07-01', '<d1@x>', x'00', 'delivered')"
    )
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()
    for _ in range(2):  # and opening it again changes nothing
        store = Store.open(tmp_path)
        assert store.schema_version == len(MIGRATIONS)
        (digest,) = store.digests()
        assert digest.message_id == "<d1@x>" and digest.chat is None
        assert store.conn.execute("SELECT COUNT(*) FROM channel_deliveries").fetchone()[0] == 0
        store.close()
