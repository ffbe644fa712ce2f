"""The watchlist cache: plain JSON data (no pickles), keyed on the file's text and the code that
validates it, so that a changed validator re-reads a watchlist it cached before."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.config import kept, watchlist
from monitor.store.state import Store

ROOT = Path(__file__).resolve().parent.parent
GOOD = sorted((Path(__file__).resolve().parent / "data" / "watchlists" / "good").glob("*.yaml"))
FILES = [ROOT / "watchlist.yaml", *GOOD]


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_a_watchlist_comes_back_from_plain_data_as_it_was(path: Path) -> None:
    wl = watchlist.load(path)
    data = kept.dumps(wl)
    assert isinstance(json.loads(data), dict)
    assert kept.loads(data) == wl


@pytest.mark.parametrize(
    "data",
    [
        b"\x80\x04\x95\x00",  # a pickle, as an older monitor kept it
        b"{not json",
        b"[]",
        b'{"path": "w.yaml"}',
    ],
    ids=["pickle", "broken", "list", "fields-missing"],
)
def test_data_that_is_not_a_kept_watchlist_reads_as_none(data: bytes) -> None:
    assert kept.loads(data) is None


def test_a_field_of_the_wrong_kind_reads_as_none() -> None:
    plain = json.loads(kept.dumps(watchlist.load(ROOT / "watchlist.yaml")))
    plain["sources"][0]["every"] = "2h"
    plain["targets"][0]["pledge"]["value"] = "eighty"
    assert kept.loads(json.dumps(plain).encode()) is None


def test_the_cache_holds_json_and_an_unreadable_entry_is_only_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.yaml"
    text = (ROOT / "watchlist.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    key = "watchlist:" + hashlib.sha256(f"{kept.validator_version()}\0{text}".encode()).hexdigest()
    with Store.open(tmp_path / "state") as store:
        first = watchlist.load(path, cache=store)
        held = store.get_cached(key)
        assert held is not None and json.loads(held)["sources"][0]["id"] == first.sources[0].id
        store.put_cached(key, b"\x80\x04garbage")
        assert watchlist.load(path, cache=store) == first
        assert store.get_cached(key) == held  # validated again and kept again


def _run(package: Path, state: Path, wl: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package)}
    env.pop("MONITOR_STATE", None)
    argv = ["--watchlist", str(wl), "--state", str(state), "-q", "run", "--digest", "never"]
    return subprocess.run(
        [sys.executable, "-m", "monitor", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=package,  # not the checkout, whose monitor/ would come first
    )


def test_a_changed_validator_refuses_what_the_old_one_cached(tmp_path: Path) -> None:
    """A copy of monitor caches a watchlist; its validator is then changed so that the file is
    wrong, as a code change can make it: the next run says so instead of using the cache."""
    package = tmp_path / "package"
    shutil.copytree(
        ROOT / "monitor", package / "monitor", ignore=shutil.ignore_patterns("__pycache__")
    )
    where = subprocess.run(
        [sys.executable, "-c", "import monitor; print(monitor.__file__)"],
        env={**os.environ, "PYTHONPATH": str(package)},
        capture_output=True,
        text=True,
        check=True,
        cwd=package,
    )
    assert where.stdout.strip() == str(package / "monitor" / "__init__.py")
    wl = tmp_path / "watchlist.yaml"
    wl.write_text(
        "sources:\n  - {id: site-news, url: 'http://127.0.0.1:9/news/', type: page}\n"
        "targets:\n  - {id: circles, title: 便民生活圈, keywords: [便民生活圈]}\n",
        encoding="utf-8",
    )
    state = tmp_path / "state"
    first = _run(package, state, wl)
    # 3: the pass ran, and its one source (nothing listens on port 9) failed
    assert first.returncode == 3, first.stderr
    assert _run(package, state, wl).returncode == 0  # from the cache; nothing due this time
    values = package / "monitor" / "config" / "watchlist_values.py"
    old = 'r"[a-z0-9][a-z0-9._-]*"'
    assert old in values.read_text(encoding="utf-8"), "the id pattern this test changes"
    values.write_text(
        values.read_text(encoding="utf-8").replace(old, 'r"[a-z0-9][a-z0-9._]*"'),
        encoding="utf-8",
    )
    again = _run(package, state, wl)
    assert again.returncode == 2
    assert "watchlist.yaml:2: id must be lowercase letters" in again.stderr
