"""firsts.opening: a pattern looked for only where a match can start, with the same matches."""

from __future__ import annotations

import random
import re

import pytest

from monitor.figures import firsts
from monitor.figures.firsts import opening

# Alternatives opening with a look-behind, a group or an optional word: re finds no first letters
OPENED = [
    r"(?<![虚模])拟|将(?!近)|(?:力争|确保)|要(?<![主重]要)",
    r"(?:目标|任务)?(?:是|为)[0-9]",
    r"(?:(?<=以来)|(?<=[0-9]年))(?:至|到|截至)今年",
    r"(?:数量|总数|(?:营业|通车)里程)\s*$",
    r"(?=[今明])(?:今年|明年)?新建",
]
# A match may start anywhere or be empty, or re finds first letters itself: left as it is
UNCHANGED = [
    r"[^，。]{0,4}目标",
    r".+年",
    r"\s*完成",
    r"(?:新建)?",
    r"新建|改造",
    r"[新改]建",
    r"(?i:ab)c",
]
LETTERS = "拟将近力争确保要主重虚模目标任务是为0123至到截今年以来数量总营业通车里程明新建改造，。 "


@pytest.mark.parametrize("text", OPENED)
def test_a_look_ahead_of_first_letters_and_the_same_matches(text: str) -> None:
    plain = re.compile(text)
    opened = opening(plain)
    assert opened.pattern.startswith("(?#first letters)(?=[")
    assert opened.pattern.endswith(f"(?:{text})")
    rng = random.Random(text)
    for _ in range(3000):
        s = "".join(rng.choice(LETTERS) for _ in range(rng.randint(0, 14)))
        for at in range(len(s) + 1):
            for verb in ("search", "match", "fullmatch"):
                a, b = getattr(plain, verb)(s, at), getattr(opened, verb)(s, at)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (s, at)
        assert [m.span() for m in plain.finditer(s)] == [m.span() for m in opened.finditer(s)]


@pytest.mark.parametrize("text", UNCHANGED)
def test_left_as_it_is_when_any_place_may_start_a_match(text: str) -> None:
    plain = re.compile(text)
    assert opening(plain) is plain


def test_the_look_ahead_holds_every_first_letter() -> None:
    opened = opening(re.compile(r"(?<!x)甲|(?:乙|丙?丁)|[a-c]{1,2}"))
    assert opened.pattern.startswith("(?#first letters)(?=[abc丁丙乙甲])")


def test_what_the_build_recorded_is_taken_without_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = re.compile(r"(?<!x)甲|(?:乙|丙?丁)")
    made = opening(plain).pattern
    monkeypatch.setitem(firsts._MADE, (plain.pattern, plain.flags), made)

    class NoParser:
        @staticmethod
        def parse(*args: object) -> None:
            raise AssertionError("parsed again")

    monkeypatch.setattr(firsts, "_parser", NoParser)
    assert opening(plain).pattern == made
