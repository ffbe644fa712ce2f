"""Sub-units after a currency or 斤, for the numeral reader: 壹元零壹分, 两毛五, 三块零四 (a
digit after 毛 is fen, after 块 jiao), 六斤八两, and 整 or 钱 after them."""

from __future__ import annotations

import re
from decimal import Decimal

from monitor.figures import units
from monitor.figures.magnitudes import _DIGITS, _SUB_NUMBER, _value
from monitor.figures.qualifiers import _SUB_MONEY


def sub_units(t: str, value: Decimal, unit: str, end: int) -> tuple[Decimal, int]:
    """Sub-units after 元 (壹元零壹分, 两毛五) or 斤 (六斤八两) ending at `end` in t, and 整
    after money: the value with them added, and where they end."""
    if unit in units.CURRENCIES:
        sub_values = _SUB_MONEY
    elif unit == "斤":
        sub_values = {"两": Decimal("0.1"), "兩": Decimal("0.1")}
    else:
        return value, end
    k = start = end
    last_scale: Decimal | None = None
    zero = False
    while k < len(t):
        if t[k] in "零〇":
            k += 1
            zero = True
            continue
        m = _SUB_NUMBER.match(t[k:])
        if not m:
            break
        length = m.end()
        while length > 1 and (k + length >= len(t) or t[k + length] not in sub_values):
            length -= 1  # 八两: the 两 is the unit here, not the digit
        if k + length < len(t) and t[k + length] in sub_values:
            m = re.match(rf"[0-9{''.join(_DIGITS)}十拾]{{{length}}}", t[k:])
            assert m is not None
        sub = _value(m.group())
        after = k + m.end()
        if sub is None:
            break
        if after < len(t) and t[after] in sub_values and t[after] != "两" * (unit != "斤"):
            last_scale = sub_values[t[after]]
            value += sub * last_scale
            k = after + 1
            end = k
        elif (
            m.end() == 1
            and (last_scale is None or last_scale > Decimal("0.01"))
            and not t.startswith((".", "点", "點"), after)
        ):
            # 两毛五: the digit after 毛 is fen; 三块五: the digit after 块 is jiao;
            # 三块零四: after a 零 it is fen
            scale = last_scale if last_scale is not None else Decimal(1)
            value += sub * scale / (100 if zero and last_scale is None else 10)
            end = after
            break
        else:
            break
    if t.startswith(("整", "正"), end) and unit in units.CURRENCIES:
        end += 1
    elif end > start and t.startswith(("钱", "錢"), end) and t[end - 1] in sub_values:
        end += 1  # 六角七分钱
    return value, end
