"""The sparse map from a retyped text back to the page's text gives each letter the place the
per-letter list it replaced gave (a number's digits spread over its numerals, dropped letters
skipped)."""

from __future__ import annotations

import random

import pytest

from monitor.figures.chinese_amounts import in_digits
from monitor.figures.offsets import Back
from monitor.figures.spacing import squeezed


def per_letter(length: int, edits: list[tuple[int, int, int]]) -> list[int]:
    """The map as a list, one place a letter: what in_digits and squeezed built before."""
    back: list[int] = []
    at = 0
    for a, b, n in edits:
        back.extend(range(at, a))
        back.extend(a + (j * (b - a - 1)) // (n - 1) if n > 1 else a for j in range(n))
        at = b
    back.extend(range(at, length))
    return back


def made_up_edits(rnd: random.Random) -> tuple[int, list[tuple[int, int, int]]]:
    length = rnd.randint(1, 40)
    edits: list[tuple[int, int, int]] = []
    at = 0
    while rnd.random() > 0.2:
        a = at + rnd.randint(0, 5)
        b = a + rnd.randint(1, 6)
        if b > length:
            break
        edits.append((a, b, rnd.choice([0, 0, 1, 2, 3, 4, 7])))
        at = b
    return length, edits


@pytest.mark.parametrize("seed", range(20))
def test_each_letter_maps_where_the_per_letter_list_did(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(200):
        length, edits = made_up_edits(rnd)
        want = per_letter(length, edits)
        back = Back(length, edits)
        assert len(back) == len(want)
        assert [back[j] for j in range(len(back))] == want
        if want:
            assert back[-1] == want[-1]


def test_a_letter_past_the_end_is_no_letter() -> None:
    back = Back(5, [(1, 3, 0)])
    with pytest.raises(IndexError):
        back[3]


def test_retyped_letters_stand_for_the_pages_own() -> None:
    text = "新建社区食堂四十五个，截止到 9月底完成1,230套"
    got = in_digits(text, ())
    assert got is not None
    digits, back = got
    assert digits == "新建社区食堂45个，截止到 9月底完成1,230套"
    assert [text[back[j]] for j in range(6, 9)] == ["四", "五", "个"]
    spaced = squeezed(digits)
    assert spaced is not None
    plain, back2 = spaced
    assert plain == "新建社区食堂45个，截止9月底完成1230套"
    assert all(plain[j] == digits[back2[j]] for j in range(len(plain)))
