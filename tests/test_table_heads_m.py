"""Column headers of corpus M's kinds (session 12, rules_m; wording invented): a signed change
since a base point (比上年末增减, 较年初增减) is what the period added to a stock, in the table's
unit, not a rate; a change over last year (比上年增减) stays no figure."""

from __future__ import annotations

from datetime import date

import pytest

from monitor.figures.table_heads import read_words


@pytest.mark.parametrize(
    "head",
    ["比上年末增减", "较年初增减（万人）", "比去年底增减数", "较上年底增减（张）"],
)
def test_a_signed_change_since_a_base_point_is_the_periods_addition(head: str) -> None:
    column = read_words(head, date(2025, 7, 25))
    assert (column.role, column.scope) == ("achieved", "new")
    assert column.unit != "%"


@pytest.mark.parametrize("head", ["比上年增减（个）", "增减"])
def test_a_change_over_last_year_stays_no_figure(head: str) -> None:
    assert read_words(head, date(2025, 7, 25)).role == "none"
