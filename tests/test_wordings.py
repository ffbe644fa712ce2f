"""Result wordings read as the rules know them (monitor/figures/wordings.py): 已投入使用 and
已落成 read as 已建成 does, the quoted sentence still the page's own; 已交付使用 stays a stage of
its own (交付)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures import find_figures
from monitor.figures.wordings import as_known
from monitor.models import Pledge, Target

CANTEENS = Target(
    "hy-canteens", "禾阳市2024年新建社区食堂40个", ("社区食堂",), ("禾阳市", "禾阳", "全市"),
    unit="个", pledge=Pledge(Decimal(40)),
)  # fmt: skip


def _scoped(text: str) -> list[tuple[str, str, Decimal, str]]:
    found = find_figures(text, [CANTEENS], published=date(2024, 10, 10))
    return [(f.kind, f.scope, f.value, f.sentence) for f in found]


def test_put_to_use_reads_as_built_and_the_quote_stays_the_pages() -> None:
    # the planned things, then those done so far: the year's additions, as with 已建成 (before
    # s27 the 32 read as a running total with 已投入使用 or 已落成)
    for said in ("已投入使用", "已落成", "已建设完成"):
        text = f"禾阳全年计划新建的40个社区食堂，截至目前{said}32个。"
        assert _scoped(text) == [
            ("pledge", "new", Decimal(40), text),
            ("achieved", "new", Decimal(32), text),
        ]


def test_each_wording_keeps_its_length() -> None:
    for text in ("食堂已落成", "食堂已投入使用", "食堂已建设完成", "食堂已交付使用"):
        assert len(as_known(text)) == len(text)
    assert as_known("食堂已交付使用") == "食堂已交付使用"  # handing over: a stage of its own
    text = "今年新建社区食堂40个。"
    assert as_known(text) is text
