"""The figure-reading modules compiled by scripts/native are used only while they are the build
of their sources (monitor/native.py): a source edited since is read from its source."""

from __future__ import annotations

import importlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from monitor import native

SUFFIX = EXTENSION_SUFFIXES[0]


def _built(folder: Path, names: list[str]) -> None:
    """A folder as scripts/native leaves it: sources, a (fake) extension module each, a stamp."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not (folder / f"{name}.py").exists():
            (folder / f"{name}.py").write_text(f"WHERE = 'source of {name}'\n", encoding="utf-8")
        (folder / f"{name}{SUFFIX}").write_bytes(b"not a shared library")
    (folder / native.STAMP).write_text(json.dumps(native.stamp(folder, names)), encoding="utf-8")


def test_a_build_of_the_sources_as_they_are_is_current(tmp_path: Path) -> None:
    _built(tmp_path, ["alpha", "beta"])
    assert native.compiled(tmp_path) == ["alpha", "beta"]
    assert native.current(tmp_path)


def test_a_source_edited_after_the_build_makes_it_stale(tmp_path: Path) -> None:
    _built(tmp_path, ["alpha", "beta"])
    (tmp_path / "beta.py").write_text("WHERE = 'edited'\n", encoding="utf-8")
    assert not native.current(tmp_path)


def test_the_same_text_saved_again_keeps_the_build(tmp_path: Path) -> None:
    _built(tmp_path, ["alpha"])
    source = tmp_path / "alpha.py"
    st = source.stat()
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert native.current(tmp_path)


def test_an_edit_of_the_same_size_and_time_is_not_missed_by_the_size(tmp_path: Path) -> None:
    _built(tmp_path, ["alpha"])
    source = tmp_path / "alpha.py"
    st = source.stat()
    source.write_text(source.read_text(encoding="utf-8").replace("alpha", "gamma"), "utf-8")
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    assert not native.current(tmp_path)


def test_no_stamp_or_another_interpreter_s_is_not_current(tmp_path: Path) -> None:
    _built(tmp_path, ["alpha"])
    stamp = json.loads((tmp_path / native.STAMP).read_text(encoding="utf-8"))
    stamp["tag"] = "cpython-27"
    (tmp_path / native.STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    assert not native.current(tmp_path)
    (tmp_path / native.STAMP).unlink()
    assert not native.current(tmp_path)


def test_nothing_compiled_is_current(tmp_path: Path) -> None:
    (tmp_path / "alpha.py").write_text("X = 1\n", encoding="utf-8")
    assert native.compiled(tmp_path) == []
    assert native.current(tmp_path)


def test_a_stale_build_is_passed_over_for_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "stalepkg"
    _built(package, ["alpha"])
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "alpha.py").write_text("WHERE = 'edited source'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    pkg = importlib.import_module("stalepkg")
    try:
        assert native.use_sources_if_stale(list(pkg.__path__)) is False
        # without the guard, the (here broken) extension module would be imported instead
        assert importlib.import_module("stalepkg.alpha").WHERE == "edited source"
    finally:
        for name in ("stalepkg.alpha", "stalepkg"):
            sys.modules.pop(name, None)
            sys.path_importer_cache.pop(str(package), None)
