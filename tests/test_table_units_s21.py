"""Table headers and notes met on real pages in session 21 (the tables are our own wording): a
monitoring table's 实测值 column is the level measured, and a note naming several units (单位：个、
亿元, the columns' in turn) gives each target the one that can count it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from monitor.figures.tables import find_table_figures
from monitor.models import Pledge, Table, Target

GOOD_DAYS = Target(
    "xa-good-days", "西安空气质量优良天数比例", ("优良天数比例", "优良天数率"),
    ("西安市", "西安", "全市"), unit="%",
)  # fmt: skip
PROJECTS = Target(
    "hh-projects", "怀化2024年重点建设项目年投资计划90亿元", ("重点建设项目", "重点项目"),
    ("怀化市", "怀化", "全市"), unit="元", pledge=Pledge(Decimal(9_000_000_000)),
)  # fmt: skip


def _read(table: Table, target: Target, day: date) -> list[tuple[str, str, Decimal]]:
    found = find_table_figures(table, [target], published=day, title="")
    return [(f.kind, f.scope, f.value) for f in found]


def test_a_measured_value_column_is_the_level_read() -> None:
    table = Table(
        caption="1-8月全省重点城市空气质量状况", unit=None,
        header=("城市", "优良天数率|实测值(%)", "优良天数率|同比(百分点)"),
        rows=(("西安市", "71.3", "1.8"), ("宝鸡市", "74.0", "-0.6")),
    )  # fmt: skip
    assert _read(table, GOOD_DAYS, date(2024, 9, 15)) == [
        ("achieved", "rate", Decimal("71.3")),
        ("achieved", "rate", Decimal("1.8")),
    ]


def test_a_note_of_several_units_gives_the_target_its_own() -> None:
    table = Table(
        caption="1-6月市重点项目投资完成情况汇总表", unit="个、亿元",
        header=("区县", "项目个数", "年投资计划", "完成投资额", "年计划投资完成率"),
        rows=(("全市", "128", "90.0", "52.6", "58.4%"), ("鹤城区", "21", "15.2", "9.1", "59.9%")),
    )  # fmt: skip
    assert _read(table, PROJECTS, date(2024, 7, 20)) == [
        ("pledge", "new", Decimal("9000000000")),
        ("achieved", "new", Decimal("5260000000")),
        ("achieved", "share_of_pledge", Decimal("58.4")),
    ]


INCOME_GROWTH = Target(
    "hy-income-growth", "禾阳区城镇居民人均可支配收入增长", ("城镇居民人均可支配收入",),
    ("禾阳区", "禾阳"), unit="%",
)  # fmt: skip


def test_a_column_of_the_amount_is_no_level_of_a_growth_target() -> None:
    # session 26: for a target in %, the column naming its keyword in 元 holds the amount, not
    # its level in per cent; the growth column beside it is the target's
    table = Table(
        caption="前三季度各区城镇居民人均可支配收入", unit=None,
        header=("区县名称", "城镇居民人均可支配收入(元)", "比上年同期增长(%)"),
        rows=(("禾阳区", "41250", "5.1"), ("青川区", "39870", "4.6")),
    )  # fmt: skip
    assert _read(table, INCOME_GROWTH, date(2024, 10, 25)) == [
        ("achieved", "rate", Decimal("5.1")),
    ]


NURSERY = Target(
    "hy-nursery-places", "禾阳市2024年新增2000个公办幼儿园托班托位", ("公办幼儿园托班", "托位"),
    ("禾阳市", "禾阳", "全市"), unit="个", pledge=Pledge(Decimal(2000)),
)  # fmt: skip


def test_a_row_whose_own_words_the_title_says_past_its_count() -> None:
    # session 27: rows telling kinds of the keyword's things apart by their words (…公办幼儿园托班
    # 托位, …社区嵌入式托位) keep the one whose words the title says, its count in between
    # (新增2000个公办幼儿园托班托位) read past; the other row counts another kind
    table = Table(
        caption="禾阳市2024年为民办实事项目推进情况", unit=None,
        header=("序号", "实事项目", "完成情况", "占全年计划"),
        rows=(
            ("1", "新增2000个公办幼儿园托班托位", "2310", "116%"),
            ("2", "新增5000个社区嵌入式托位", "5650", "113%"),
        ),
    )  # fmt: skip
    got = _read(table, NURSERY, date(2024, 11, 6))
    assert ("achieved", "new", Decimal(2310)) in got
    assert not [v for _, _, v in got if v in (Decimal(5650), Decimal(113))]
