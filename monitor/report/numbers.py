"""Numbers as Chinese news writes them: 501个, 1万个, 4.37万亿元, 须每月 1.1亿元, −150家,
近3万名. Exact figures keep every digit; computed ones (pace, gaps) are rounded to be read."""

from __future__ import annotations

from decimal import Decimal

_SCALES = (
    (Decimal(10) ** 12, "万亿"),
    (Decimal(10) ** 8, "亿"),
    (Decimal(10) ** 4, "万"),
)
# How a figure's qualifier reads in front of it: 近3万名, 超6000个, 约1.2万套.
QUALIFIER_PREFIX = {
    "exact": "",
    "about": "约",
    "nearly": "近",
    "at_least": "超",
    "at_most": "不超过",
    "range": "",
}


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def number(value: Decimal | int | None, unit: str | None = None) -> str:
    """501 → 501, 10000 → 1万, 4370000000000 → 4.37万亿; the unit appended. Exact: a value
    that does not divide evenly into 万 or 亿 keeps all its digits (12345个)."""
    if value is None:
        return "—"
    value = Decimal(value)
    text = _plain(value)
    if unit != "%":
        for size, name in _SCALES:
            if abs(value) >= size and (value / size) == (value / size).quantize(Decimal("0.01")):
                text = _plain(value / size) + name
                break
    return text + (unit or "")


def approx(value: Decimal | int | None, unit: str | None = None) -> str:
    """A computed amount (pace, a gap), rounded in its own magnitude: 110000123元 → 1.1亿元,
    62560套 → 6.26万套, 6256.4套 → 6256套, 3.43个 → 3.4个."""
    if value is None:
        return "—"
    value = Decimal(value)
    if unit != "%":
        for size, name in _SCALES:
            if abs(value) >= size:
                scaled = value / size
                step = Decimal("0.01") if abs(scaled) < 100 else Decimal("1")
                return _plain(scaled.quantize(step)) + name + (unit or "")
    step = Decimal("1") if abs(value) >= 100 else Decimal("0.1")
    rounded = value.quantize(step)
    if rounded == rounded.to_integral_value():
        rounded = rounded.to_integral_value()
    return _plain(rounded) + (unit or "")


def signed(value: Decimal | None, unit: str | None = None) -> str:
    """+79个, −150家, ±0个: a change always shows its direction."""
    if value is None:
        return ""
    sign = "+" if value > 0 else ("±" if value == 0 else "−")
    return sign + number(abs(value), unit)


def qualified(value: Decimal | None, unit: str | None, qualifier: str = "exact") -> str:
    """A level with the qualifier its source gave it: 近3万名, 超6000个."""
    if value is None:
        return "—"
    return QUALIFIER_PREFIX.get(qualifier, "") + number(value, unit)
