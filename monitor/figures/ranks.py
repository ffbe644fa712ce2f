"""A rank a sentence says what it counts holds (全国第一, 居全省首位): a result, where it stands
(frames.py reads it in a headline of the plan season)."""

from __future__ import annotations

import re

# A rank held (全国第一, 世界第一, 居全省首位, 位列全国城市第二): what stands now holds a rank, a
# result; a plan's rank comes under its modal (力争全省第一), read before this
_RANK = re.compile(
    r"(?:世界|全球|全国|全省|全市|全区)[^，,。；;！!0-9]{0,4}?(?:第[一二三四五六七八九十]|首位|之最)"
    # (not 居 of 居民, 居家, 居住 nor 排 of 安排: no verbs of rank)
    r"|(?:居(?![民家住])|位居|位列|排名|(?<!安)排)[^，,。；;！!0-9]{0,8}?(?:第[一二三四五六七八九十]|首位)"
)


def ranked(sentence: str) -> bool:
    """Whether the sentence says what it counts holds a rank (see _RANK)."""
    return ("第" in sentence or "首位" in sentence or "之最" in sentence) and bool(
        _RANK.search(sentence)
    )
