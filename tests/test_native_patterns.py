"""The patterns the build records (monitor/native.py, scripts/native) are made from their
recorded code, the same patterns `re` compiles, and only by the interpreter that recorded them."""

from __future__ import annotations

import importlib
import marshal
import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from monitor import native

COMPILER: Any = importlib.import_module("re._compiler")


def _fresh(word: str) -> str:
    """A pattern no earlier test compiled (re's own cache would answer it): the word, a unique
    tag and 2-8 Chinese letters."""
    return rf"(?P<head>{word}{uuid.uuid4().hex})[\u4e00-\u9fff]{{2,8}}(?:个|处)?"


@pytest.fixture
def compiler_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """re's compiler as it is before the test, put back after it."""
    monkeypatch.setattr(COMPILER, "compile", COMPILER.compile)


def test_a_recorded_pattern_is_made_without_compiling_and_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiler_kept: None
) -> None:
    path = tmp_path / "patterns.marshal"
    text = _fresh("新建")
    assert native.record_patterns(lambda: re.compile(text, re.IGNORECASE), path) >= 1
    expected = COMPILER.compile(text, re.IGNORECASE)
    assert native.use_patterns(path) >= 1

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(importlib.import_module("re._parser"), "parse", no_parsing)
    made = COMPILER.compile(text, re.IGNORECASE)
    assert made == expected
    assert (made.flags, made.groups, made.groupindex) == (
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    head = text[len("(?P<head>") : text.index(")")]
    found = made.search(f"今年{head.upper()}口袋公园12处")
    assert found is not None and found["head"] == head.upper()


def test_a_pattern_not_recorded_is_compiled_as_always(tmp_path: Path, compiler_kept: None) -> None:
    path = tmp_path / "patterns.marshal"
    native.record_patterns(lambda: re.compile(_fresh("建成")), path)
    native.use_patterns(path)
    other = _fresh("开工")
    assert COMPILER.compile(other, 0).pattern == other


def test_patterns_recorded_by_another_interpreter_are_not_used(
    tmp_path: Path, compiler_kept: None
) -> None:
    path = tmp_path / "patterns.marshal"
    text = _fresh("完成")
    native.record_patterns(lambda: re.compile(text), path)
    _, recorded = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((("3.99.0 (other)", 0, 4), recorded)))
    assert native.use_patterns(path) == 0
    assert native.use_patterns(tmp_path / "missing.marshal") == 0


def test_a_damaged_entry_is_compiled_as_always(tmp_path: Path, compiler_kept: None) -> None:
    path = tmp_path / "patterns.marshal"
    text = _fresh("改造")
    native.record_patterns(lambda: re.compile(text), path)
    made_by, recorded = marshal.loads(path.read_bytes())
    flags, code, groups, groupindex, indexgroup = recorded[(text, 0)]
    recorded[(text, 0)] = (flags, code[: len(code) // 2], groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps((made_by, recorded)))
    assert native.use_patterns(path) == 1
    made = COMPILER.compile(text, 0)
    head = text[len("(?P<head>") : text.index(")")]
    assert made == re.compile(text) and made.search(f"{head}老旧小区") is not None
