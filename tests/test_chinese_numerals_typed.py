"""A page that writes its counts in Chinese (新建社区食堂四十五个, 一万二千套, 三千余户, 两万人)
reads as one that writes them in digits (45个, 12000套, 3000余户, 2万人): every case of the
reading tables, its wanted and dropped integer amounts retyped in Chinese numerals, gives the
same figures (target, value, kind, scope, period), with the page's own sentence and spans.
Years, dates, decimals (1.2万 stays), per cents, ordinals (第3) and ranges stay in digits."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import pytest

from monitor.models import Target
from tests.reading_tables import RETYPED_TABLES, case_text, load, read_as_typed

_DIGIT = "零一二三四五六七八九"
_BIG = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
# an integer amount: no decimal, no letter or digit of a code (5G, PM2.5), no ordinal (第3), no
# range (3-5个); then 多/余 and a magnitude word, kept as written
_AMOUNT = re.compile(
    r"(?<![0-9.,:：A-Za-z０-９第\-—~～])([1-9][0-9]*)(?![0-9.,:：A-Za-z%％\-—~～])([多余]?)(万亿|亿|万)?"
)
# what a number before it is not an amount of: a year, month, day, hour, per cent points
_NOT_AMOUNT = re.compile(r"年|月|日|号|时|点|个百分点|百分点|周岁|岁")


def chinese(n: int) -> str:
    """n (1 ≤ n < 10¹²) as Chinese writes it: 45 四十五, 105 一百零五, 12000 一万二千."""
    out, zero = "", False
    for section, word in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if section == 0:
            zero = bool(out)
            continue
        if out and (zero or section < 1000):
            out += "零"
        out += _below_10000(section, leading=not out) + word
        zero = False
    return out


def _below_10000(n: int, *, leading: bool) -> str:
    out, zero = "", False
    for d, word in ((n // 1000, "千"), (n // 100 % 10, "百"), (n // 10 % 10, "十"), (n % 10, "")):
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
        out += _DIGIT[d] + word
        zero = False
    return out[1:] if leading and out.startswith("一十") else out


def _numbers(case: dict[str, Any]) -> set[int]:
    """The integer values a case names: its wanted figures' and its dropped numbers'."""
    out: set[int] = set()
    for w in case.get("want") or []:
        try:
            v = Decimal(str(w["value"]))
        except (InvalidOperation, KeyError):
            continue
        if v == v.to_integral_value() and w.get("unit") != "%":
            out.add(int(v))
    for surface in case.get("dropped") or {}:
        m = _AMOUNT.match(str(surface))
        if m and "%" not in str(surface) and not str(surface)[m.end() :].startswith("."):
            out.add(int(m.group(1)) * _BIG.get(m.group(3) or "", 1))
    return out


def retyped(text: str, numbers: set[int]) -> str:
    """`text` with each integer amount whose value is in `numbers` written in Chinese."""

    def one(m: re.Match[str]) -> str:
        digits, more, big = m.group(1), m.group(2), m.group(3) or ""
        after = text[m.end() : m.end() + 4]
        near = text[max(0, m.start() - 4) : m.start()] + text[m.end() : m.end() + 4]
        if "/" in near or "／" in near:
            return m.group()  # 22个/30个, 26/30个: a progress count's typography, in digits
        if int(digits) * _BIG.get(big, 1) not in numbers or (
            not more and not big and _NOT_AMOUNT.match(after)
        ):
            return m.group()
        if big and int(digits) >= 10**4:
            return m.group()
        cn = chinese(int(digits))
        measure = bool(big) or bool(re.match(r"[\u4e00-\u9fff]", after))
        if (cn == "二" and measure) or cn[:2] in {"二千", "二万", "二亿"}:
            cn = "两" + cn[1:]
        return cn + more + big

    return _AMOUNT.sub(one, text)  # (spaces kept as typed: 建成 一百二十 个)


def _every_case() -> list[Any]:
    out: list[Any] = []
    for name in RETYPED_TABLES:
        table, targets = load(name)
        for c in table["cases"]:
            if "open" in c:
                continue
            numbers = _numbers(c)
            text = case_text(c)
            title = str(c.get("title", ""))
            new_text, new_title = retyped(text, numbers), retyped(title, numbers)
            if (new_text, new_title) == (text, title):
                continue  # nothing to retype: no pass to count
            out.append(
                pytest.param(
                    c, targets, (text, title), (new_text, new_title), id=f"{name}:{c['id']}"
                )
            )
    return out


@pytest.mark.parametrize(("case", "targets", "digits", "chinese_typed"), _every_case())
def test_amounts_written_in_chinese_read_as_their_digits(
    case: dict[str, Any],
    targets: list[Target],
    digits: tuple[str, str],
    chinese_typed: tuple[str, str],
) -> None:
    assert read_as_typed(case, targets, *chinese_typed) == read_as_typed(case, targets, *digits), (
        chinese_typed
    )


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (2, "二"),
        (10, "十"),
        (12, "十二"),
        (45, "四十五"),
        (105, "一百零五"),
        (120, "一百二十"),
        (3000, "三千"),
        (12000, "一万二千"),
        (10500, "一万零五百"),
        (1500000, "一百五十万"),
        (100010, "十万零一十"),
        (300000000, "三亿"),
    ],
)
def test_the_retyping_writes_chinese_numerals(n: int, written: str) -> None:
    assert chinese(n) == written


def test_the_retyping_keeps_years_dates_decimals_and_per_cents() -> None:
    text = "2024年1—8月，新建12所学校，2个社区，2万人，1.2万套，第3批，45%，3000余户，5G基站2个"
    got = retyped(text, {2024, 1, 8, 12, 2, 20000, 12000, 3, 45, 3000})
    assert got == (
        "2024年1—8月，新建十二所学校，两个社区，两万人，1.2万套，第3批，45%，三千余户，5G基站两个"
    )
