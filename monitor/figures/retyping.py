"""A page typed otherwise than the reading rules know it, retyped as they know it, one way at a
time: ASCII marks and full-width digits (marks.py), amounts in Chinese numerals (四十五个,
chinese_amounts.py), a space beside a number or commas between its thousands (spacing.py). The
figures read in the retyped page go back to the page's own text with spacing.given_back."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.figures.chinese_amounts import in_digits
from monitor.figures.marks import full_width
from monitor.figures.spacing import squeezed
from monitor.models import Target


def retyped(
    text: str, targets: Sequence[Target], *, marks_only: bool = False
) -> tuple[str, list[int] | None] | None:
    """`text` retyped one way, and for each of its letters the place of that letter in `text`
    (None: letter for letter); None when `text` needs no retyping (`marks_only`: of its marks
    and full-width digits, which keywords may hold too)."""
    if (marked := full_width(text)) is not text:  # (“十四五”期间,…: ASCII marks read as ，)
        return marked, None
    if marks_only:
        return None
    return in_digits(text, targets) or squeezed(text)  # (四十五个; 建成 60.3万套, 开工率 76.3%)
