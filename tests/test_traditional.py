"""A page written in traditional letters (萬, 億, 區, 產: a mirror or a Hong Kong page of mainland
news) reads as the same page in simplified ones: every case of the reading tables, each letter
written in its traditional form (OpenCC's s2t, letter for letter), gives the same figures, with
the page's own sentences and spans (figures/traditional.py). The watchlist stays simplified."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any

import opencc
import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_figures
from monitor.figures.traditional import simplified
from monitor.models import Target
from tests.reading_tables import RETYPED_TABLES, case_text, load, read_as_typed


@cache
def _to_traditional() -> dict[int, str]:
    """Each simplified letter and its traditional one, one letter at a time (the phrase rules of
    OpenCC would change lengths, and a page's letters are what the reader meets)."""
    letters = [chr(code) for code in range(0x4E00, 0xA000)]
    written = opencc.OpenCC("s2t").convert("\n".join(letters)).split("\n")
    return {ord(a): b for a, b in zip(letters, written, strict=True) if a != b and len(b) == 1}


def _every_case() -> list[Any]:
    out: list[Any] = []
    for name in RETYPED_TABLES:
        table, targets = load(name)
        out += [
            pytest.param(c, targets, id=f"{name}:{c['id']}")
            for c in table["cases"]
            if "open" not in c
        ]
    return out


def _written(case: dict[str, Any]) -> tuple[str, str, str] | None:
    """The case's text, that text and its title in traditional letters; None when it has no
    letter to change."""
    text = case_text(case)
    written = text.translate(_to_traditional())
    if written == text:
        return None
    return text, written, str(case.get("title", "")).translate(_to_traditional())


@pytest.mark.parametrize(("case", "targets"), _every_case())
def test_a_page_in_traditional_letters_reads_the_same(
    case: dict[str, Any], targets: list[Target]
) -> None:
    if (typed := _written(case)) is None:
        return
    text, written, title = typed
    assert read_as_typed(case, targets, written, title) == read_as_typed(case, targets, text)


@pytest.mark.parametrize(("case", "targets"), _every_case())
def test_keywords_typed_in_traditional_letters_read_the_same(
    case: dict[str, Any], targets: list[Target]
) -> None:
    # a watcher of a mirror or Hong Kong page may type the keywords as the page writes them
    if (typed := _written(case)) is None:
        return
    _, written, title = typed
    keyed = [
        replace(t, keywords=tuple(k.translate(_to_traditional()) for k in t.keywords))
        for t in targets
    ]
    assert read_as_typed(case, keyed, written, title) == read_as_typed(
        case, targets, written, title
    )


_TARGET = Target(id="x", title="学位", keywords=("学位",), region=("深圳", "全市"), unit="个")


def test_figures_and_their_explanation_keep_the_pages_own_letters() -> None:
    text = "截至10月底，深圳全市今年已新增公辦學位4.2萬個，完成年度任務的84%。"
    found = find_figures(text, [_TARGET], published=date(2025, 11, 3))
    assert [(f.quantity.surface, f.kind, f.scope) for f in found] == [
        ("4.2萬個", "achieved", "new"),
        ("84%", "achieved", "share_of_pledge"),
    ]
    assert found[0].value == 42000
    assert all(f.sentence == text for f in found)
    seen = explain("", text, [_TARGET], published=date(2025, 11, 3))
    assert {(s.sentence, s.surface) for s in seen if s.figure} == {
        (text, "4.2萬個"),
        (text, "84%"),
    }


def test_region_words_typed_in_traditional_letters_are_places() -> None:
    # session 26: a watcher of a Hong Kong page may type its place words as it writes them
    # (內地, 全國): they name the place, not a kind of the keyword's thing (内地新增就业)
    jobs = Target(
        id="jobs", title="全国城镇新增就业", keywords=("城镇新增就业", "新增就業"),
        region=("全國", "內地"), unit="人",
    )  # fmt: skip
    text = "首10月內地新增就業1,032萬人，完成全年目標的94%。"
    found = find_figures(text, [jobs], published=date(2024, 11, 20))
    assert [(f.quantity.surface, f.kind, f.scope) for f in found] == [
        ("1,032萬人", "achieved", "new"),
        ("94%", "achieved", "share_of_pledge"),
    ]


def test_a_plan_spelled_the_taiwan_way_is_a_plan() -> None:
    # session 26: 計畫 (and 規畫) is 计划 where the page writes it so; letter for letter it would be
    # 计画, no word of plan, and the plan's size restated as done would read as a result
    text = "據報導，深圳今年的新增學位計畫4.2萬個已提前完成。"
    found = find_figures(text, [_TARGET], published=date(2025, 11, 3))
    assert [(f.quantity.surface, f.kind) for f in found] == [("4.2萬個", "pledge")]


def test_a_simplified_page_naming_a_traditional_word_is_left_as_it_is() -> None:
    text = "乾隆年间修建的书院今年改建完成，全市新增学位1200个，於今年秋季投入使用。" * 3
    assert simplified(text) is text
    assert simplified("全市新增学位1200个。") == "全市新增学位1200个。"
