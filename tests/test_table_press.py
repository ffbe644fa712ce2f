"""figures.tables on a press conference's handout (corpus Q, session 10), in a table of our own
(places, figures and wording invented): a page titled for the city that holds the conference
(泉州市召开…新闻发布会) speaks for that city, so the 合计 row of a table by district is the city's
and a district's own row is the district's; a conference held somewhere (在泉州召开) is where,
not whose."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target
from tests.table_cells import cells

DAY = date(2025, 11, 8)
CITY = Target(
    "qz-rooms", "泉州2025年新开城市书房40家", ("城市书房",), ("泉州", "泉州市", "全市"),
    unit="家", pledge=Pledge(Decimal(40)),
)  # fmt: skip
DISTRICT = Target(
    "qz-fengze-rooms", "泉州丰泽区2025年新开城市书房8家", ("城市书房",), ("丰泽区", "丰泽"),
    unit="家", pledge=Pledge(Decimal(8)),
)  # fmt: skip
HANDOUT = Table(
    caption="各县（市、区）城市书房建设进展情况（截至10月31日）", unit=None,
    header=("县（市、区）", "年度任务（家）", "已开放（家）", "完成率"),
    rows=(("鲤城区", "6", "5", "83.3%"), ("丰泽区", "8", "8", "100%"),
          ("晋江市", "9", "7", "77.8%"), ("合计", "40", "33", "82.5%")),
)  # fmt: skip
HELD_BY_THE_CITY = "泉州市召开民生实事进展新闻发布会"
# the lead names a district doing well: the page is still the city's
LEAD = (
    "11月7日，市政府新闻办召开新闻发布会，市文旅局介绍城市书房建设进展，丰泽区已提前完成全年任务。"
)


def read(table: Table, target: Target, title: str) -> list[tuple[str, str, str, str]]:
    return cells(find_table_figures(table, [target], published=DAY, title=title, lead=LEAD))


def test_the_total_row_is_the_city_that_holds_the_conference() -> None:
    assert read(HANDOUT, CITY, title=HELD_BY_THE_CITY) == [
        ("pledge", "new", "40 家", "年度任务（家）"),
        ("achieved", "new", "33 家", "已开放（家）"),
        ("achieved", "share_of_pledge", "82.5 %", "完成率"),
    ]


def test_a_districts_own_row_is_the_district() -> None:
    assert read(HANDOUT, DISTRICT, title=HELD_BY_THE_CITY) == [
        ("pledge", "new", "8 家", "年度任务（家）"),
        ("achieved", "new", "8 家", "已开放（家）"),
        ("achieved", "share_of_pledge", "100 %", "完成率"),
    ]


def test_a_conference_held_in_the_city_is_where_not_whose() -> None:
    other = Target("fz-rooms", "福州新开城市书房", ("城市书房",), ("福州", "福州市"), unit="家")
    assert read(HANDOUT, other, title="全省城市书房建设推进会在福州召开") == []
