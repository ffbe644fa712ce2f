"""Wordings of a result the reading rules know in another form, rewritten letter for letter as
they know it: 已落成 as 已建成, 已投入使用 and 已建设完成 as 已经建成了, the stage 动工 as 开工
(已动工2.65万户, 动工率99.5%: its other word), each the same length, so every offset holds
and the figures are given back with the page's own sentences (marks.full_width
calls it, spacing.given_back restores the text). Things put to use are built ones (stages.py);
已交付使用 is left as written: handing homes over (交付) is a stage of its own."""

from __future__ import annotations

import re

_KNOWN = {
    "已落成": "已建成",
    "已投入使用": "已经建成了",
    "已建设完成": "已经建成了",
    "动工": "开工",
}
_OTHER = re.compile("|".join(_KNOWN))


def as_known(text: str) -> str:
    """`text` with each result wording of _KNOWN as the rules know it; `text` itself when it has
    none (callers test `is`)."""
    if ("已" not in text and "动工" not in text) or _OTHER.search(text) is None:
        return text
    return _OTHER.sub(lambda m: _KNOWN[m.group()], text)
