"""Edge cases a review of session 15's reading rules found: a digit inside a name (5G), a date
(10月底, 2024年) or a decimal (PM2.5) is no count of things, and 了 before a word that only
holds 一 (一系列, 进一步, 统一) is no perfective with an amount after it."""

from __future__ import annotations

import pytest

from monitor.figures import items, shares, so_far, work_words
from monitor.models import Quantity


def _count(surface: str) -> Quantity:
    from decimal import Decimal

    return Quantity(
        value=Decimal("12000"),
        unit="个",
        qualifier="exact",
        value_high=None,
        start=0,
        end=0,
        surface=surface,
        kind="amount",
    )


@pytest.mark.parametrize(
    ("head", "scope"),
    [
        ("福州5G基站已建成", "cumulative"),  # a name's digit: no set before 已
        ("福州基站已建成", "cumulative"),
        ("12个老旧小区改造已完成", "new"),  # the work set, then the part done
    ],
)
def test_a_set_before_its_part_done_is_a_count_of_things(head: str, scope: str) -> None:
    sentence = head + "1.2万个。"
    q = _count("1.2万个")
    q = q.__class__(**{**q.__dict__, "start": len(head), "end": len(head) + 5})
    assert so_far.scope_so_far(sentence, 0, sentence, head, q) == scope


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("10月底全市已建成31个（77.5%）。", None),  # a date is no set of the plan
        ("2024年全市已建成31个（77.5%）。", None),
        ("全市5G网络已建成31个（77.5%）。", None),
        ("40个老旧小区改造已完成31个（77.5%）。", "share_of_pledge"),
    ],
)
def test_a_share_in_brackets_needs_a_plan_or_a_set(sentence: str, want: str | None) -> None:
    at = sentence.index("77.5")
    c0 = sentence.rfind("，", 0, at) + 1
    assert shares.share_in_brackets(sentence, sentence[c0:at], c0) == want


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("新建5G基站300个。", True),  # 5G is a name, not a second amount
        ("2024年新增普惠托位2000个。", True),  # a year is no amount
        ("新建口袋公园40个、绿道20公里。", False),  # two amounts: no one project's name
    ],
)
def test_an_items_name_holds_one_amount(name: str, want: bool) -> None:
    assert items.named_item(name) is want


@pytest.mark.parametrize(
    ("before", "want"),
    [
        ("打造了口袋公园8个", True),
        ("建起了社区食堂十五个", True),
        ("采取了进一步措施", False),
        ("出台了一系列政策", False),
        ("形成了统一标准", False),
    ],
)
def test_the_perfective_needs_an_amount(before: str, want: bool) -> None:
    assert (work_words.PERFECTIVE.search(before) is not None) is want
