"""Reading a quantity at a position in a text: its number, unit, qualifier, sign and range, as
a frozen Quantity; numerals.py runs it over a sentence."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, TypeVar

from monitor.figures import units
from monitor.figures.magnitudes import (
    _BIG,
    _DIGITS,
    _FRACTION,
    _MAX_DOUBLINGS,
    _MAX_RUN,
    _NUMERAL,
    _ONE,
    _POINT,
    _RUN,
    _is_cn,
    _tidy,
    _value,
)
from monitor.figures.qualifiers import (
    _AFTER_DIGITS,
    _AFTER_UNIT,
    _BEFORE_NUMBER,
    _BURDEN,
    _LETTER_MAGNITUDE,
    _PAIRS,
    _PREFIX,
    _PREFIX_LAST,
    _SIGN,
    _SUFFIX,
    _SUFFIX_FIRST,
    _TENTHS_TIMES_PAIRS,
    IN_WORD,
)
from monitor.figures.sub_units import sub_units
from monitor.models import Qualifier, Quantity

_T = TypeVar("_T")


def frozen(cls: type[_T], **fields: Any) -> _T:
    """The frozen dataclass `cls` with `fields`, every one of them, built without its __init__:
    that sets each field through object.__setattr__, three times slower (a fifth of reading a
    number). Only for dataclasses without __post_init__ or __slots__, as Quantity and Figure."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


# --- reading a quantity at a position ----------------------------------------------------------

_AFTER_TENTHS = frozenset("以左多余的，,。；;、）)")  # 6成以上, 近6成，: tenths, not 6成员 or 6成为


def _tenths(t: str, run: str, start: int, end: int) -> bool:
    """Whether one Arabic digit before 成 is tenths as news writes them (近6成, 超7成, 6成以上),
    not the first letter of a word (6成员): a qualifier before it, or 以上/左右/a break after."""
    if not (len(run) == 1 and run.isdigit() and run != "0"):
        return False
    after = t[end + 1 : end + 2]
    return start < end - len(run) or not after or after in _AFTER_TENTHS


class _Reader:
    """Reads one quantity (qualifier, sign, number, magnitude, unit, sub-units) at a position."""

    def __init__(self, text: str, whole: bool, source: str | None = None) -> None:
        self.t = text
        self.src = text if source is None else source  # as written, for surfaces
        self.whole = whole  # the whole string is one number: allow the forms prose makes ambiguous
        self.unit_at = 0  # where the unit of the last quantity read begins

    def at(
        self, i: int, lo: int, m: re.Match[str] | None = None
    ) -> tuple[Quantity, int, int] | None:
        """The quantity whose number starts at i; `lo` bounds how far back a prefix may reach;
        `m` is the run found at i, when the caller has searched for it already.

        Returns the quantity, where its surface starts (qualifier included) and where it ends.
        """
        t = self.t
        if t.startswith("百分", i) and not t.startswith("百分点", i):
            return self._percent(i, lo)
        number = self._number(i, m)
        if number is None:
            return None
        value, end = number
        run = t[i:end]
        if end < len(t) and t[end] in "分份又/":
            fraction = self._fraction(value, run, end)  # 三分之一, 1/3, 一又二分之一
            if fraction is not None:
                value, end = fraction
        qualifier: Qualifier = "exact"
        start = i
        if i > lo and t[i - 1] in _BEFORE_NUMBER:  # most numbers: no sign, no qualifier word
            value, start, qualifier = self._signed(value, i, lo)
        scale, mags = _ONE, ""
        if end < len(t) and t[end] in _AFTER_DIGITS:  # 6800多万, 13亿多人, 8000多亿元
            end, scale, mags, qualifier = self._after_digits(value, run, i, end, qualifier)
        # 1亿3千多万 is 1亿 + 3千万: the magnitude after 多 belongs to the last section only
        joined = _value(run + mags) if mags and any(ch in _BIG for ch in run) else None
        value = (joined if value >= 0 else -joined) if joined is not None else value * scale
        unit: str | None = None
        if end < len(t) and t[end] in _TENTHS_TIMES_PAIRS:  # most numbers: none of these
            value, unit, start, end, qualifier = self._tenths_times_pairs(
                value, run, scale, lo, start, end, qualifier
            )
        if unit is None:
            value, unit, end = self._unit_after(value, run, end)
        else:
            self.unit_at = end
        if t[end : end + 1] in _AFTER_UNIT:  # most quantities: nothing more after the unit
            value, unit, end, qualifier = self._after_unit(value, unit, end, scale, qualifier)
        q = frozen(
            Quantity,
            value=_tidy(value),
            unit=unit,
            qualifier=qualifier,
            value_high=None,
            start=start,
            end=end,
            surface=self.src[start:end],
        )
        return q, start, end

    def _after_digits(
        self, value: Decimal, run: str, i: int, end: int, qualifier: Qualifier
    ) -> tuple[int, Decimal, str, Qualifier]:
        """多/余 and magnitudes after the digits of the run from i to end: where they end, the
        scale they make, the 万/亿 among them and the qualifier (多 makes it at_least)."""
        t = self.t
        scale = _ONE
        mags = ""
        while end < len(t) and t[end] in _AFTER_DIGITS:
            ch = t[end]
            if ch in "多余" and end > i:
                qualifier = "at_least"
                end += 1
            elif ch == "来" and end > i and run[-1] in "十百千万" and qualifier == "exact":
                qualifier = "about"  # 三百来个: spoken (not 十几个: a span, no figure)
                end += 1
            elif ch in _BIG and value != 0:
                scale *= _BIG[ch]
                mags += ch
                end += 1
            elif ch in "个個" and t.startswith(("亿", "億", "多亿"), end + 1) and value != 0:
                end += 1  # 两个亿, 一个多亿
            elif ch == " " and t[end + 1 : end + 2] in _BIG and (self.whole or run.isascii()):
                end += 1  # 177.1 亿元, 约 35 万人
            elif (
                ch in _LETTER_MAGNITUDE
                and (end + 1 >= len(t) or not t[end + 1].isalpha() or t[end + 1] in "左上以")
                and (ch != "G" or self.whole)
            ):  # 5G in prose is a network, .0012G alone a number
                scale *= _LETTER_MAGNITUDE[ch]
                end += 1
            else:
                break
        return end, scale, mags, qualifier

    def _tenths_times_pairs(
        self,
        value: Decimal,
        run: str,
        scale: Decimal,
        lo: int,
        start: int,
        end: int,
        qualifier: Qualifier,
    ) -> tuple[Decimal, str | None, int, int, Qualifier]:
        """成 as tenths (三成 = 30 %), 翻N番 (2**N 倍) and pairs or dozens after the number:
        the value, the unit they make (None for pairs), where the quantity starts and ends."""
        t = self.t
        unit: str | None = None
        if (
            t[end] == "成"
            and value <= 10
            and scale == 1
            and (_is_cn(run) or _tenths(t, run, start, end))
        ):
            if not t.startswith("成不", end):
                value, unit, end = value * 10, "%", end + 1
                nxt = t[end + 1 : end + 2]
                if t[end : end + 1] == "半":
                    value, end = value + 5, end + 1  # 七成半 = 75 %
                elif t[end : end + 1] in _DIGITS and (nxt not in _NUMERAL and nxt != "成"):
                    value, end = value + _DIGITS[t[end]], end + 1  # 三成五 = 35 %
                elif t[end : end + 1] in ("多", "余") and qualifier == "exact":
                    qualifier, end = "at_least", end + 1  # 三成多 = 30 % at least
        elif (
            t[end] == "番" and start - 1 >= lo and t[start - 1] == "翻" and value <= _MAX_DOUBLINGS
        ):
            value, unit, start, end = Decimal(2) ** int(value), "倍", start - 1, end + 1
        elif t[end] in _PAIRS and self.whole:
            value, end = value * _PAIRS[t[end]], end + 1
        return value, unit, start, end, qualifier

    def _unit_after(self, value: Decimal, run: str, end: int) -> tuple[Decimal, str | None, int]:
        """The unit after the number ending at end (a space away when the page spaces its
        digits), with its sub-units (三元五角, 六斤八两): the value, the unit, where it ends."""
        t = self.t
        if end < len(t) - 1 and t[end] == " ":
            if self.whole:
                while end < len(t) - 1 and t[end] == " ":
                    end += 1  # 10 HKD
            elif run.isascii() and units.read_unit(t, end + 1 + (t[end + 1] == " ")):
                end += 1 + (t[end + 1] == " ")  # 建成 120 套: a page that spaces its digits
        self.unit_at = end
        read = units.read_unit(t, end) or (self._unit(end) if self.whole else None)
        if not read:
            return value, None, end
        unit, end = read
        if unit in units.CURRENCIES or unit == "斤":  # the only units with sub-units
            value, end = self._sub_units(value, unit, end)
        return value, unit, end

    def _signed(self, value: Decimal, i: int, lo: int) -> tuple[Decimal, int, Qualifier]:
        """The sign (负, -) and the qualifier word (约, 超过) before the number at i, reaching
        back no further than lo: the value signed, where the quantity starts, the qualifier."""
        t = self.t
        qualifier: Qualifier = "exact"
        start = j = i
        while j > lo and t[j - 1] == " ":
            j -= 1
        for sign in _SIGN if j > lo and t[j - 1] in "负負-−的下" else ():
            if t.startswith(sign, j - len(sign)) and j - len(sign) >= lo:
                if sign in "-−" and j - 2 >= lo and t[j - 2].isdigit():
                    break  # 6-7 is a range, not a negative 7
                if sign in "负負" and j - 2 >= lo and t[j - 2] in _BURDEN:
                    break  # 税负5700亿元, 减负300亿元: a burden, not a minus
                value, start = -value, j - len(sign)
                break
        if start == i:
            start = j  # 约 35 万人: a qualifier word may stand a space away
        for word, said in _PREFIX_LAST.get(t[start - 1], ()) if start > lo else ():
            if start - len(word) >= lo and t.startswith(word, start - len(word)):
                if word in IN_WORD and start - 2 >= lo and t[start - 2] in IN_WORD[word]:
                    # 签约1320台, 节约300吨, 打破3项: a word of its own, not 约 (about)
                    start = i if start == j else start
                    break
                qualifier, start = said, start - len(word)
                break
        else:
            start = i if start == j else start  # no word: the quantity starts at its number
        return value, start, qualifier

    def _after_unit(
        self, value: Decimal, unit: str | None, end: int, scale: Decimal, qualifier: Qualifier
    ) -> tuple[Decimal, str | None, int, Qualifier]:
        """半 (三斤半, 一个半), a qualifier (以上, 左右) and 多 after the unit or the number."""
        t = self.t
        if end < len(t) and t[end] == "半" and scale == 1 and (unit or self.whole):
            value, end = value + Decimal("0.5"), end + 1
            if unit == "个" and (measure := units.read_unit(t, end)):
                self.unit_at = end
                unit, end = measure  # 三个半小时: 3.5 小时, 个 only counted them
        for word, said in _SUFFIX if end < len(t) and t[end] in _SUFFIX_FIRST else ():
            if t.startswith(word, end):
                qualifier, end = said, end + len(word)
                break
        if unit is None and end < len(t) and t[end] in "多余" and not self._is_word_after(end + 1):
            qualifier, end = "at_least", end + 1
        return value, unit, end, qualifier

    def _number(self, i: int, m: re.Match[str] | None = None) -> tuple[Decimal, int] | None:
        """The plain number (no magnitude after it) whose run starts at i, and where it ends."""
        t = self.t
        m = m or _RUN.match(t, i)
        if not m:
            return None
        run_end = m.end()
        # a trailing 点 belongs to a time (10点): give back what is not number
        while run_end > i and t[run_end - 1] in _POINT:
            run_end -= 1
        run = t[i:run_end]
        if len(run) > _MAX_RUN:
            return None
        value = _value(run)
        if (
            len(run) > 1
            and run[-1] in "千仟"
            and (run[-2] in _BIG or run[-2].isdigit())
            and units.read_unit(t, i + len(run) - 1)
        ):
            run = run[:-1]  # 3亿千瓦, 1000千瓦, 1.2万千米: the 千 belongs to the unit
            value = _value(run)
        while (
            value is None
            and len(run) > 1
            and (
                units.read_unit(t, i + len(run) - 1)
                or (self.whole and t[i + len(run) - 1 :].rstrip("半") in "两兩")
            )
        ):
            run = run[:-1]  # 二十五千克: the 千 belongs to the unit
            value = _value(run)
        return None if value is None else (value, i + len(run))

    def _fraction(self, value: Decimal, run: str, end: int) -> tuple[Decimal, int] | None:
        """A fraction whose denominator (or whole part, before 又) is the run just read:
        三分之一, 100分之57, 1/3, 一又二分之一, 1又1/5. The value and where it ends."""
        t = self.t
        whole = Decimal(0)
        if t.startswith("又", end) and end + 1 < len(t) and value >= 0:
            got = self._number(end + 1)  # 三又五分之一: the whole part
            if got is None:
                return None
            whole, (value, k) = value, got
            run, end = t[end + 1 : k], k
        if t.startswith(("分之", "份之"), end) and value > 0 and "." not in run:
            got = self._number(end + 2)
            if got is None or got[0] < 0:
                return None
            return whole + got[0] / value, got[1]
        arabic = (
            run.isdigit()
            and t.startswith("/", end)
            and (end - len(run) == 0 or t[end - len(run) - 1] not in "/.")
        )
        m = _FRACTION.match(t, end) if arabic else None
        if m is None or "/" in t[m.end() : m.end() + 1]:
            return None  # 2024/1/22 is a date, not a fraction
        den = Decimal(m.group(1))
        if not self.whole and value >= den:
            return None  # in prose 3/1 is a score and 2023/24 a season; a fraction is proper
        return whole + value / den, m.end()

    def _percent(self, i: int, lo: int) -> tuple[Quantity, int, int] | None:
        """百分之七十五, 百分之1, 百分三十: a percentage written in words."""
        k = after = i + 3 if self.t.startswith("百分之", i) else i + 2
        if self.t[k : k + 1] in ("负", "負", "-", "−"):
            k += 1  # 百分之负三点八: the sign inside
        if k >= len(self.t) or not (_RUN.match(self.t, k)):
            return None
        got = self.at(k, after)
        if got is None or got[0].unit is not None:
            return None
        inner = got[0]
        value, start = inner.value, i
        qualifier = inner.qualifier
        j = i
        for sign in _SIGN:
            if j - len(sign) >= lo and self.t.startswith(sign, j - len(sign)):
                value, start = -value, j - len(sign)
                break
        for word, said in _PREFIX:
            if start - len(word) >= lo and self.t.startswith(word, start - len(word)):
                qualifier, start = said, start - len(word)
                break
        q = Quantity(
            value=value,
            unit="%",
            qualifier=qualifier,
            start=start,
            end=inner.end,
            surface=self.src[start : inner.end],
        )
        return q, start, inner.end

    def _is_word_after(self, k: int) -> bool:
        return k < len(self.t) and "\u4e00" <= self.t[k] <= "\u9fff"

    def _unit(self, end: int) -> tuple[str, int] | None:
        t = self.t
        got = units.read_unit(t, end)
        if got:
            return got
        if self.whole and end < len(t):
            rest = t[end:].rstrip()
            if rest in {"两", "兩", "两半", "兩半"}:
                return "两", end + 1  # 二两, 九两半
        return None

    def _sub_units(self, value: Decimal, unit: str, end: int) -> tuple[Decimal, int]:
        """Sub-units after the unit ending at `end` (sub_units.py; numerals.py asks too)."""
        return sub_units(self.t, value, unit, end)
