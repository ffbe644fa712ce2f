"""A page typed with a space between a number and its words (建成 60.3万套, 2027 年, 率 76.3%),
or with a web page's non-breaking or full-width space there, reads as the same page without it:
every case of the reading tables, spaced so, gives the same figures, with the page's own
sentence and spans (figures/spacing.py). So does one typed with full-width digits (２０２５年)
or ASCII double quotes ("…") or full stops (.) (figures/marks.py), or with commas between
thousands (1,230)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from monitor.figures.explain import explain
from monitor.figures.reader import find_figures
from monitor.figures.spacing import squeezed
from monitor.models import Target
from tests.reading_tables import RETYPED_TABLES, case_text, load, read_as_typed

# a space after a number, before its unit or word (60.3万套 → 60.3 万套, 76.3% → 76.3 %)
_AFTER_NUMBER = re.compile(r"(?<=[0-9])(?=[\u4e00-\u9fff%])")
_SPACES = (" ", "\u00a0", "\u3000")  # a space, a web page's non-breaking one, a full-width one


def _every_case(*, with_space: bool = False) -> list[Any]:
    """Every case of the tables (but those read wrong yet); `with_space`: each with one of the
    three spaces in turn."""
    out: list[Any] = []
    for name in RETYPED_TABLES:
        table, targets = load(name)
        for c in table["cases"]:
            if "open" in c:
                continue
            extra = (_SPACES[len(out) % len(_SPACES)],) if with_space else ()
            out.append(pytest.param(c, targets, *extra, id=f"{name}:{c['id']}"))
    return out


@pytest.mark.parametrize(("case", "targets", "space"), _every_case(with_space=True))
def test_a_space_after_each_number_reads_the_same(
    case: dict[str, Any], targets: list[Target], space: str
) -> None:
    text = case_text(case)
    spaced = _AFTER_NUMBER.sub(space, text)
    assert read_as_typed(case, targets, spaced) == read_as_typed(case, targets, text)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


_THOUSANDS = re.compile(r"(?<![0-9.,])[1-9][0-9]{3,}(?![0-9.])")


def _with_commas(m: re.Match[str]) -> str:
    """1230 as 1,230 (not a year: 2024)."""
    return m.group() if 1900 <= int(m.group()) <= 2100 else f"{int(m.group()):,}"


# a mirror site's reading aid: a syllable with its tone mark in brackets after a letter (农(nóng)村)
_A_LETTER = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


def _with_syllables(text: str) -> str:
    """`text` with a toned syllable in brackets after every third letter of two or more."""
    seen = iter(range(len(text)))
    return _A_LETTER.sub(lambda m: "(nóng)" if next(seen) % 3 == 0 else "", text)


@pytest.mark.parametrize("typed", ["digits", "quotes", "thousands", "stops", "syllables"])
@pytest.mark.parametrize(("case", "targets"), _every_case())
def test_full_width_digits_ascii_quotes_or_thousands_commas_read_the_same(
    case: dict[str, Any], targets: list[Target], typed: str
) -> None:
    text = case_text(case)
    if typed == "digits":
        retyped = text.translate(_FULL_WIDTH)
    elif typed == "quotes":
        retyped = text.replace("“", '"').replace("”", '"')
    elif typed == "stops":
        retyped = text.replace("。", ".")
    elif typed == "syllables":
        retyped = _with_syllables(text)
    else:
        retyped = _THOUSANDS.sub(_with_commas, text)
    if retyped == text:
        return
    assert read_as_typed(case, targets, retyped) == read_as_typed(case, targets, text)


def test_a_text_without_such_a_space_is_read_as_it_is() -> None:
    assert squeezed("截至9月底，已建成社区食堂120个。") is None
    assert squeezed("新建社区食堂45个 85%在社区中心") is None  # a headline's two clauses


def test_only_a_numbers_thousands_commas_are_dropped() -> None:
    text = "新建1,230个，投资12,345,678元；2,3个；2023,100个"
    got = squeezed(text)
    assert got is not None
    assert got[0] == "新建1230个，投资12345678元；2,3个；2023,100个"


def test_a_space_before_a_number_is_dropped_but_after_an_amount_kept() -> None:
    text = "截至 9月底，已建成 120 个，开工率达到\u00a076.3%；新增 2150张 护理型床位"
    got = squeezed(text)
    assert got is not None
    plain, back = got
    assert plain == "截至9月底，已建成120个，开工率达到76.3%；新增 2150张 护理型床位"
    assert all(plain[i] == text[back[i]] for i in range(len(plain)))


def test_figures_and_their_explanation_keep_the_pages_own_text() -> None:
    target = Target(id="c", title="社区食堂", keywords=("社区食堂",), region=("长沙",), unit="个")
    text = "截至 6月底，长沙新开工社区食堂项目 29 个，开工率 76.3%。"
    found = find_figures(text, [target], published=date(2024, 7, 27))
    assert [(f.quantity.surface, f.scope) for f in found] == [
        ("29 个", "new"),
        ("76.3%", "share_of_pledge"),
    ]
    assert all(f.sentence == text for f in found)
    seen = explain("", text, [target], published=date(2024, 7, 27))
    assert {(x.sentence, x.surface) for x in seen if x.figure} == {(text, "29 个"), (text, "76.3%")}
