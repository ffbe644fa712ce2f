"""A page typed otherwise than the reading rules know it, retyped as they know it, one way at a
time: ASCII marks and full-width digits (marks.py), a mirror site's toned syllables in brackets
(農(nóng)村, spacing.unglossed), amounts in Chinese numerals (四十五个,
chinese_amounts.py), a space beside a number or commas between its thousands (spacing.py). The
figures read in the retyped page go back to the page's own text with spacing.given_back."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.figures.chinese_amounts import in_digits
from monitor.figures.marks import full_width
from monitor.figures.offsets import Back
from monitor.figures.spacing import squeezed, unglossed
from monitor.models import Target


def marked(text: str) -> tuple[str, None] | None:
    """`text` with ASCII marks and full-width digits as Chinese types them, letter for letter (no
    map: None); None when it has none (“十四五”期间,…: ASCII marks read as ，)."""
    return None if (out := full_width(text)) is text else (out, None)


def retyped(text: str, targets: Sequence[Target]) -> tuple[str, Back] | None:
    """`text`, whose marks are as Chinese types them (`marked` gave None), retyped one way, and
    for each of its letters the place of that letter in `text`; None when it needs no retyping."""
    # (農(nóng)村 first: 两(liǎng)三百个; then 四十五个; 建成 60.3万套, 开工率 76.3%)
    return unglossed(text) or in_digits(text, targets) or squeezed(text)
