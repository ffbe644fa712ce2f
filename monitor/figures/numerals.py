"""Numbers as Chinese news writes them (1,244, 4.37万亿元, 两千三百万, 三成, 百分之七十五, 近7万元)
to exact Decimals with unit and qualifier: one number (`parse_quantity`), or every figure in a
sentence (`find_quantities`), skipping dates, years, list indices, ordinals, phones and times.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any, TypeVar

from monitor.figures import units
from monitor.models import Qualifier, Quantity

_T = TypeVar("_T")
_WIDE = str.maketrans("０１２３４５６７８９．－～", "0123456789.-~")  # keeps every offset
_WIDE_ANY = re.compile("[０-９．－～]")  # whether translating by _WIDE changes anything
_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "贰": 2,
    "貳": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "参": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SPOKEN = {"幺": 1, "洞": 0, "拐": 7}  # radio/phone readings, only in a whole-string digit sequence
_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_POINT = "点點"
_MAX_DOUBLINGS = 64  # 翻N番 is 2**N times; a bigger N is no figure (and overflows Decimal)
_CN_CHARS = "".join(sorted(set(_DIGITS) | set(_TENS) | set(_SMALL) | set(_BIG)))
_NUMERAL = frozenset(_CN_CHARS)
# One run of numeral material; classes only, so it is linear on any input.
_RUN = re.compile(
    rf"(?![{_POINT}])"  # 点 is a decimal point inside a run, never its start: 助餐点307个
    rf"(?:\.[0-9]+|[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[{_CN_CHARS}]|[{_POINT}](?=[0-9{_CN_CHARS}]))+"
)
# Every letter a run can start with: a quick scan to where _RUN may match, which re does not
# find quickly by itself (the run's repeated group hides its first letters from it).
_RUN_FIRST = re.compile(rf"[.0-9{_CN_CHARS}{_POINT}]")
# The same letters as written, full-width digits too: a text with none of them holds no number.
_ANY_FIRST = re.compile(rf"[.0-9０-９．{_CN_CHARS}{_POINT}]")
_ARABIC = re.compile(r"[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_ARABIC_DECIMAL = re.compile(r"([0-9]*\.[0-9]+)([" + "".join(_SMALL) + "".join(_BIG) + r"]*)")
_FRACTION = re.compile(r"/([1-9][0-9]{0,5})(?![0-9.,/])")  # the denominator of 1/3
_FRACTION_WORD = re.compile("分之|份之|又")
# 422, 7万, 1.5亿 need none of _value's general reading: Arabic digits, at most one magnitude
_PLAIN = re.compile(r"([1-9][0-9]{0,17})([万亿]?)")
_PLAIN_SCALE = {"": Decimal(1), "万": Decimal(_BIG["万"]), "亿": Decimal(_BIG["亿"])}
_ONE = Decimal(1)
_SUB_NUMBER = re.compile(rf"[0-9{''.join(_DIGITS)}十拾]+")
_NOT_IN_UNIT = frozenset("的是了和与及在有为将从对，,。；;：:、！!？?（）()“”")  # 的人口 is no unit
_MAX_RUN = 40  # no real figure is longer; anything longer is a code, a table or an attack
_MAX_SENTENCE = 10_000  # find_quantities reads a sentence; a longer text is not one
# Letters no figure holds, nor the words read before its number (signs, 约, 超过): clause and
# sentence breaks. find_quantities may read from one to the next with the same result.
_BREAKS = frozenset("，、：:；;。！？!?\n")
_WORD_BEFORE_ONE = "统唯之同单专划逐万"  # 统一部署, 唯一, 之一: 一 inside a word

_PREFIX: tuple[tuple[str, Qualifier], ...] = (
    ("大约", "about"),
    ("大約", "about"),
    ("大概", "about"),
    ("约为", "about"),
    ("约合", "about"),
    ("约", "about"),
    ("約", "about"),
    ("將近", "nearly"),
    ("将近", "nearly"),
    ("接近", "nearly"),
    ("近", "nearly"),
    ("不超过", "at_most"),
    ("不超過", "at_most"),
    ("不高于", "at_most"),
    ("不多于", "at_most"),
    ("不到", "at_most"),
    ("不足", "at_most"),
    ("最多", "at_most"),
    ("至多", "at_most"),
    ("超过", "at_least"),
    ("超過", "at_least"),
    ("逾", "at_least"),
    ("至少", "at_least"),
    ("起码", "at_least"),
    ("起碼", "at_least"),
    ("不少于", "at_least"),
    ("不低于", "at_least"),
    ("最少", "at_least"),
    ("多达", "at_least"),
    ("突破", "at_least"),
    ("超", "at_least"),
)
_SUFFIX: tuple[tuple[str, Qualifier], ...] = (
    ("（含）以上", "at_least"),
    ("(含)以上", "at_least"),
    ("以上", "at_least"),
    ("有余", "at_least"),
    ("出头", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("以內", "at_most"),
    ("左右", "about"),
    ("上下", "about"),
)
_SIGN = ("负的", "負的", "零下", "负", "負", "-", "−")  # 负的百分之二十, 零下五度
# Before these, 负 is a word of its own (税负 tax burden, 减负 lighten the load, 肩负 shoulder…)
_BURDEN = frozenset("税稅减減担擔肩背抱胜勝自辜欠身不正重")
_PREFIX_LAST: dict[str, tuple[tuple[str, Qualifier], ...]] = {}  # by last letter, in order
for _word, _said in _PREFIX:
    _PREFIX_LAST[_word[-1]] = (*_PREFIX_LAST.get(_word[-1], ()), (_word, _said))
_SUFFIX_FIRST = frozenset(w[0] for w, _ in _SUFFIX)
# The letters right before a number that may start its sign or qualifier (a space before a sign)
_BEFORE_NUMBER = frozenset(" 负負-−的下") | frozenset(_PREFIX_LAST)
# and those right after its unit (or number) that may start more of it (半, 以上, 多)
_AFTER_UNIT = frozenset("半多余") | _SUFFIX_FIRST
_CURRENCY_PREFIX = {
    "人民币": "元",
    "人民幣": "元",
    "港币": "港元",
    "港幣": "港元",
    "美元": "美元",
    "新台币": "台币",
    "新台幣": "台币",
    "台币": "台币",
    "台幣": "台币",
    "NT$": "台币",
    "A$": "澳元",
    "€": "欧元",
    "£": "英镑",
    "₩": "韩元",
    "₹": "印度卢布",
    "₽": "卢布",
    "JPY¥": "日元",
    "￥": "元",
    "¥": "元",
    "$": "美元",
    "US$": "美元",
    "HK$": "港元",
    "RMB": "元",
    "USD": "美元",
    "HKD": "港元",
    "CNY": "元",
    "EUR": "欧元",
}
_SUB_MONEY = {
    "角": Decimal("0.1"),
    "毛": Decimal("0.1"),
    "毫": Decimal("0.1"),
    "分": Decimal("0.01"),
    "仙": Decimal("0.01"),  # Cantonese cent: 五仙
}
_LETTER_MAGNITUDE = {"k": 1000, "K": 1000, "w": 10**4, "W": 10**4, "M": 10**6, "G": 10**9}
_PAIRS = {"对": 2, "對": 2, "双": 2, "雙": 2, "打": 12}
_RANGE = "-~至到—"
# What may follow a number's digits before its unit: 多/余, magnitudes (万, k), 个 (两个亿), a space
_AFTER_DIGITS = frozenset("多余个個 ") | frozenset(_BIG) | frozenset(_LETTER_MAGNITUDE)
_TENTHS_TIMES_PAIRS = frozenset("成番") | frozenset(_PAIRS)  # 三成, 翻两番, 一打
_NOT_AFTER = (
    "年",
    "月",
    "日",
    "号",
    "號",
    "时",
    "時",
    "点",
    "點",
    "分",
    "秒",
    "世纪",
    "季度",
    "届",
    "版",
    "期",
    "号线",
    "层",
    "楼",
    "分之",
    "份之",
    "大",
    "强",
    "热线",
    "号码",
    "路公交",
)
_NOT_BEFORE = ("第", "其", "初", "星期", "周", "礼拜", "No.", "#")
_NOT_AFTER_RE = re.compile("|".join(map(re.escape, _NOT_AFTER)))
_NOT_BEFORE_RE = re.compile("(?:" + "|".join(map(re.escape, _NOT_BEFORE)) + ")$")


def frozen(cls: type[_T], **fields: Any) -> _T:
    """The frozen dataclass `cls` with `fields`, every one of them, built without its __init__:
    that sets each field through object.__setattr__, three times slower (a fifth of reading a
    number). Only for dataclasses without __post_init__ or __slots__, as Quantity and Figure."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


# --- reading one number ------------------------------------------------------------------------


def _cn_integer(part: str) -> Decimal | None:
    """一亿零五百万, 千一, 1万600, 两千零十二 → their value; None when the run is not one number."""
    if not part:
        return None
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(part):
        m = _ARABIC.match(part, i)
        if m:
            text = m.group().replace(",", "").replace("，", "")
            kind = "n" if len(text) > 1 else "d"
            tokens.append((kind, Decimal(text)))
            i = m.end()
            continue
        ch = part[i]
        if ch in _DIGITS:
            tokens.append(("z" if ch in "零〇○" else "d", Decimal(_DIGITS[ch])))
        elif ch in _SMALL:
            tokens.append(("s", Decimal(_SMALL[ch])))
        elif ch in _BIG:
            tokens.append(("b", Decimal(_BIG[ch])))
        else:
            return None
        i += 1
    if all(k in "dz" for k, _ in tokens):  # 一二三, 一七二零: read digit by digit
        if len(tokens) > 1 and any(ch in "两兩" for ch in part):
            return None  # nobody reads 2 as 两 digit by digit: 二两 is two liang
        return Decimal("".join(str(int(v)) for _, v in tokens))
    total = section = Decimal(0)
    number: Decimal | None = None
    single = zero = False
    last_unit: Decimal | None = None
    last_small = Decimal(10**5)
    for kind, v in tokens:
        if kind == "z":
            zero = True
            continue
        if kind in "dn":
            if number is not None:
                return None  # 五六万: two numbers side by side is an estimate, not one number
            number, single = v, kind == "d"
            continue
        if kind == "s":
            if v >= last_small:
                return None  # 二十五千: 千 cannot follow 十 in one section (二十五千克 is 25 kg)
            section += (Decimal(1) if number is None else number) * v
            last_small = v
        else:
            if number is not None and single and not zero and 10 < last_small < 10**5:
                number *= last_small / 10  # 百二萬 = 120万, 三千五万 = 3500万, as 千一 = 1100
            if v == _BIG["亿"]:
                total = (total + (section + (number or 0) or 1)) * v
                section = Decimal(0)
            else:
                section = (section + (number or 0) or 1) * v
            last_small = Decimal(10**5)
        number, zero, last_unit = None, False, v
    if number is not None:
        if single and not zero and last_unit is not None and last_unit >= 10:
            number *= last_unit / 10  # 一万二 = 12000, 千一 = 1100, 十一 = 11
        section += number
    return total + section


def _value(run: str) -> Decimal | None:
    """The value of a run of numeral characters (Arabic, Chinese, or both), or None."""
    if run.isascii() and run.isdigit() and len(run) <= 20:
        return Decimal(run)  # what _cn_integer gives, exactly: no context rounding at this size
    if len(run) == 1 and run in _DIGITS:
        return Decimal(_DIGITS[run])
    plain = _PLAIN.fullmatch(run) if run.endswith(("万", "亿")) else None
    if plain:
        digits, magnitude = plain.groups()
        return Decimal(digits) * _PLAIN_SCALE[magnitude]
    decimal = _ARABIC_DECIMAL.fullmatch(run) if "." in run else None
    if decimal:  # 26.1万 (no 廿 or 点 in it to rewrite first): as read below, sooner
        return _scaled(Decimal(decimal.group(1)), decimal.group(2))
    for ch, tens in _TENS.items():
        run = run.replace(ch, tens)
    point = next((i for i, c in enumerate(run) if c in _POINT), -1)
    if point > 0 and run[point - 1].isdigit():
        return None  # 10点30 is a time; Arabic numbers write their decimals with "."
    if point < 0:
        m = _ARABIC_DECIMAL.fullmatch(run)
        if m and "," not in run:
            return _scaled(Decimal(m.group(1)), m.group(2))
        return _cn_integer(run)
    whole = _cn_integer(run[:point])
    rest = run[point + 1 :]
    j = 0
    digits = ""
    while j < len(rest) and (rest[j] in _DIGITS or rest[j].isdigit()):
        digits += str(_DIGITS.get(rest[j], rest[j]))
        j += 1
    if whole is None or not digits:
        return None
    return _scaled(whole + Decimal("0." + digits), rest[j:])


def _scaled(value: Decimal, magnitudes: str) -> Decimal | None:
    for ch in magnitudes:
        scale = _SMALL.get(ch) or _BIG.get(ch)
        if scale is None:
            return None
        value *= scale
    return value


# --- reading a quantity at a position ----------------------------------------------------------


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
        # 多/余 and magnitudes after the digits: 6800多万, 13亿多人, 8000多亿元
        scale = _ONE
        mags = ""
        while end < len(t) and t[end] in _AFTER_DIGITS:
            ch = t[end]
            if ch in "多余" and end > i:
                qualifier = "at_least"
                end += 1
            elif ch in _BIG and value != 0:
                scale *= _BIG[ch]
                mags += ch
                end += 1
            elif ch in "个個" and t.startswith(("亿", "億"), end + 1) and value != 0:
                end += 1  # 两个亿
            elif ch == " " and self.whole and t[end + 1 : end + 2] in _BIG:
                end += 1  # 177.1 亿元
            elif (
                ch in _LETTER_MAGNITUDE
                and (end + 1 >= len(t) or not t[end + 1].isalpha() or t[end + 1] in "左上以")
                and (ch != "G" or self.whole)
            ):  # 5G in prose is a network, .0012G alone a number
                scale *= _LETTER_MAGNITUDE[ch]
                end += 1
            else:
                break
        # 1亿3千多万 is 1亿 + 3千万: the magnitude after 多 belongs to the last section only
        joined = _value(run + mags) if mags and any(ch in _BIG for ch in run) else None
        value = (joined if value >= 0 else -joined) if joined is not None else value * scale
        unit: str | None = None
        # 成 as tenths (三成 = 30 %), 翻N番, pairs and dozens
        if end >= len(t) or t[end] not in _TENTHS_TIMES_PAIRS:
            pass  # most numbers: none of the three below
        elif t[end] == "成" and _is_cn(run) and value <= 10 and scale == 1:
            if not t.startswith("成不", end):
                value, unit, end = value * 10, "%", end + 1
                nxt = t[end + 1 : end + 2]
                if t[end : end + 1] == "半":
                    value, end = value + 5, end + 1  # 七成半 = 75 %
                elif t[end : end + 1] in _DIGITS and (nxt not in _NUMERAL and nxt != "成"):
                    value, end = value + _DIGITS[t[end]], end + 1  # 三成五 = 35 %
        elif (
            t[end] == "番" and start - 1 >= lo and t[start - 1] == "翻" and value <= _MAX_DOUBLINGS
        ):
            value, unit, start, end = Decimal(2) ** int(value), "倍", start - 1, end + 1
        elif t[end] in _PAIRS and self.whole:
            value, end = value * _PAIRS[t[end]], end + 1
        if self.whole and unit is None:
            while end < len(t) - 1 and t[end] == " ":
                end += 1  # 10 HKD
        self.unit_at = end
        if unit is None:
            read = units.read_unit(t, end) or (self._unit(end) if self.whole else None)
            if read:
                unit, end = read
                if unit in units.CURRENCIES or unit == "斤":  # the only units with sub-units
                    value, end = self._sub_units(value, unit, end)
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
        for word, said in _PREFIX_LAST.get(t[start - 1], ()) if start > lo else ():
            if start - len(word) >= lo and t.startswith(word, start - len(word)):
                qualifier, start = said, start - len(word)
                break
        return value, start, qualifier

    def _after_unit(
        self, value: Decimal, unit: str | None, end: int, scale: Decimal, qualifier: Qualifier
    ) -> tuple[Decimal, str | None, int, Qualifier]:
        """半 (三斤半, 一个半), a qualifier (以上, 左右) and 多 after the unit or the number."""
        t = self.t
        if end < len(t) and t[end] == "半" and scale == 1:
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
        """Sub-units after 元 (壹元零壹分, 两毛五) or 斤 (六斤八两), and 整 after money."""
        t = self.t
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


def _tidy(value: Decimal) -> Decimal:
    """82.7万亿 is 82700000000000, not 82700000000000.0: integers print as integers."""
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def _is_cn(run: str) -> bool:
    if run and run[0] not in _NUMERAL:
        return False  # most runs start with a digit: no need to read them through
    return not run.strip(_CN_CHARS)  # every letter a Chinese numeral


# --- public ------------------------------------------------------------------------------------


def parse_quantity(text: str) -> Quantity | None:
    """The one number that `text` is, with qualifier and unit; None if it is not exactly one.

    >>> parse_quantity("近700万元")
    Quantity(value=Decimal('7000000'), unit='元', qualifier='nearly', ...)
    """
    if not text or len(text) > 80:
        return None
    t = re.sub(r"(?<=[0-9])，(?=[0-9]{3}(?![0-9]))", ",", text.translate(_WIDE).strip())
    if not t:
        return None
    special = _whole_forms(t)
    if special is not None:
        return replace(special, start=0, end=len(t), surface=text.strip())
    currency: str | None = None
    for word, cur in sorted(_CURRENCY_PREFIX.items(), key=lambda kv: -len(kv[0])):
        if t.startswith(word) and len(t) > len(word):
            currency, t = cur, t[len(word) :].lstrip()
            break
    fraction = re.fullmatch(r"([0-9]+)/([1-9][0-9]*)", t)
    if fraction:
        value = Decimal(fraction.group(1)) / Decimal(fraction.group(2))
        return Quantity(value, start=0, end=len(text.strip()), surface=text.strip())
    if currency == "港元":
        t = re.sub(r"^([^個个]+)[個个]", r"\1元", t)  # 港幣三個一毫四: 個 is the dollar
    begin = _number_start(t)
    if begin is None:
        return None
    if t.startswith("每") and 1 < begin <= 4:  # 每小时十公里: a rate, its unit per 小时
        q = parse_quantity(t[begin:])
        if q is None or q.unit is None or q.qualifier != "exact":
            return None
        unit = units.CANONICAL.get(f"{q.unit}每{t[1:begin]}")
        if unit is None:
            return None
        q = replace(q, unit=unit)
        return replace(q, start=0, end=len(text.strip()), surface=text.strip())
    reader = _Reader(t, whole=True)
    got = reader.at(begin, 0)
    if got is None:
        return None
    q = _with_range(reader, got[0], t) or got[0]
    start, end = q.start, q.end
    if start != 0 or end != len(t):
        rest = t[end:]
        if start != 0 or len(rest) > 8 or re.search(rf"[0-9%几幾数數{_CN_CHARS}]", rest):
            return None
        if any(ch in _NOT_IN_UNIT for ch in rest):
            return None  # 60%的人口: a sentence that starts with its number, not one number
        suffix = units.CANONICAL.get(rest)
        if q.unit == "元" and suffix in units.CURRENCIES:
            q = replace(q, unit=suffix)  # 3亿元人民币
        elif rest not in {"整", "正"}:
            written = t[reader.unit_at :] if q.unit else rest  # 公里每小时: a unit and its rate
            q = replace(q, unit=units.CANONICAL.get(written, written))
    if (q.unit is None and currency) or (currency and q.unit == "元"):
        q = replace(q, unit=currency)
    return replace(q, start=0, end=len(text.strip()), surface=text.strip())


def _number_start(t: str) -> int | None:
    """Where the number begins after any sign and qualifier words."""
    for i, ch in enumerate(t[:12]):
        if ch == "零" and t.startswith("零下", i):
            continue  # 零下五度: below zero, a sign
        if ch.isdigit() or ch in _NUMERAL or (ch == "." and t[i + 1 : i + 2].isdigit()):
            return i
    return None


def _whole_forms(t: str) -> Quantity | None:
    """Forms read only when they are the whole string: fractions, 半, spoken digit strings,
    money in 角/分 alone."""
    sign = Decimal(1)
    body = t
    for s in _SIGN:
        if body.startswith(s):
            sign, body = Decimal(-1), body[len(s) :].lstrip()
            break
    if body in {"一半", "1半"}:
        return Quantity(Decimal("0.5") * sign)
    if (
        len(body) > 1
        and body[0] in _POINT
        and all(ch in _DIGITS or ch in "0123456789" for ch in body[1:])
    ):
        return Quantity(sign * Decimal("0." + "".join(str(_DIGITS.get(ch, ch)) for ch in body[1:])))
    spoken = len(body) > 1 and any(ch in _SPOKEN for ch in body)
    if spoken and all(ch in _DIGITS or ch in _SPOKEN for ch in body):
        digits = "".join(str(_DIGITS.get(ch, _SPOKEN.get(ch))) for ch in body)
        return Quantity(Decimal(digits) * sign)
    # fractions: [A又]B分之C, B份C and A又B分C (Cantonese C/B); 百分之C / 百分C is a percent
    m = re.fullmatch(r"(?:(.+?)又)?(.+?)(分之|份|分)(.+)", body)
    if m:
        whole_s, den_s, sep, num_s = m.groups()
        whole = _value(whole_s) if whole_s else Decimal(0)
        den, num = _value(den_s), _value(num_s)
        if den_s == "百" and whole_s is None and sep != "份" and num is not None:
            return Quantity(sign * num, "%")
        if (sep != "分" or whole_s) and whole is not None and den and num is not None:
            return Quantity(sign * (whole + num / den))
    # money in sub-units only: 五分, 两角五分, 两毛五, 2角, 1分钱
    body = body[:-1] if len(body) > 2 and body[-1] in "钱錢" and body[-2] in "角毛毫分仙" else body
    m = re.fullmatch(rf"([0-9{''.join(_DIGITS)}十拾]+)([角毛毫分仙])(.*)", body)
    if m:
        probe = _Reader("0元" + body, whole=True)
        value, end = probe._sub_units(Decimal(0), "元", 2)
        if end == len(body) + 2:
            return Quantity(sign * value, "元")
    # 一個半, 個半 (1.5); 個九 is Cantonese money (1.9 dollars); 个 says nothing of what is counted
    m = re.fullmatch(rf"(.*?)(?:[个個]半|(個)([{''.join(_DIGITS)}]))", body)
    if m:
        v = _value(m.group(1)) if m.group(1) else Decimal(1)
        if v is not None and m.group(2):
            return Quantity(sign * (v + Decimal(_DIGITS[m.group(3)]) / 10), "元")
        if v is not None:
            return Quantity(sign * (v + Decimal("0.5")))
    if body.startswith("半") and len(body) > 1:
        unit = units.read_unit(body, 1)
        if unit and unit[1] == len(body):
            return Quantity(sign * Decimal("0.5"), unit[0])
    return None


def may_hold_quantities(text: str) -> bool:
    """False when `text` has nothing a number starts with, so find_quantities finds nothing: a
    quick test for a caller with work to do before reading the numbers."""
    return _ANY_FIRST.search(text) is not None


def find_quantities(text: str, start: int = 0, stop: int | None = None) -> list[Quantity]:
    """Every figure in the sentence `text` with its span; dates, years, indices, ordinals, phones
    and times are not figures and are left out. A text over 10 000 characters is not a sentence
    and yields nothing (split it first, as find_figures does).

    With `start` and `stop`, only those whose span starts in text[start:stop], as read in the
    whole sentence; quickly when text[start - 1] and text[stop] are breaks (，、：。…), as between
    clauses, since then only that part is read.
    """
    if not text or len(text) > _MAX_SENTENCE:
        return []
    t = text.translate(_WIDE) if _WIDE_ANY.search(text) else text
    stop = len(t) if stop is None else stop
    # No figure spans a break, nor do the words read before its number (约, 负): reading after
    # one finds what reading from the start does there, and nothing after one starts before it.
    begin = start if start == 0 or t[start - 1] in _BREAKS else 0
    end = stop if stop < len(t) and t[stop] in _BREAKS else len(t)
    found = _read_all(_Reader(t, False, text), begin, end)  # False: a sentence, not one number
    if begin == start and end == stop:
        return found
    return [q for q in found if start <= q.start < stop]


def _read_all(reader: _Reader, pos: int, end: int) -> list[Quantity]:
    """The figures whose runs of numerals start in t[pos:end], in order."""
    t = reader.t
    out: list[Quantity] = []
    lo = pos
    while pos < end:
        first = _RUN_FIRST.search(t, pos, end)
        if not first:
            break
        # a "." or 点 may start no number: then the next run is further on
        m = _RUN.match(t, first.start()) or _RUN.search(t, first.start() + 1)
        if not m or m.start() >= end:
            break
        i = m.start()
        run = m.group()
        if len(run) > _MAX_RUN or (len(run) == 1 and run in _DIGITS and not _may_count(t, i)):
            pos = m.end()  # 一刻钟, 统一, 三大: a lone Chinese digit with no measure word after it
            continue
        got = reader.at(i, lo, m)
        if got is None:
            pos = m.end()
            continue
        q = _with_range(reader, got[0], t) or got[0]
        if _is_figure(t, q, i, run):
            out.append(q)
            lo = q.end
        pos = max(q.end, i + 1)
    return out


def _may_count(t: str, i: int) -> bool:
    """Whether the lone Chinese digit at i can start a figure: a unit, 成, 番, 多/余 follows,
    or it is the number of 百分之 or 翻…番."""
    k = i + 1
    if k < len(t) and (t[k] in "成番多余%半又" or units.read_unit(t, k)):
        return True
    if t.startswith(("分之", "份之"), k):
        return True  # 三分之一
    return t.endswith(("翻", "百分之", "百分"), 0, i)


def _with_range(reader: _Reader, q: Quantity, t: str) -> Quantity | None:
    """6%－6.5%, 5至6万, 3~5个: a range, its value the low end and value_high the high one."""
    k = q.end
    if k >= len(t) or t[k] not in _RANGE or q.qualifier != "exact":
        return None
    nxt = _RUN.match(t, k + 1)
    if not nxt:
        return None
    got = reader.at(k + 1, k + 1)
    if got is None:
        return None
    hi = got[0]
    low = q.value
    if q.unit is not None and hi.unit is not None and q.unit != hi.unit:
        return None
    if q.unit is None and not any(ch in _BIG for ch in t[q.start : q.end]):
        # 5至6万元: the low end takes the high end's magnitude when it has none of its own
        for ch in t[k + 1 : hi.end]:
            low *= _BIG.get(ch, 1)
    if hi.value <= low:
        return None
    return Quantity(
        value=low,
        unit=hi.unit or q.unit,
        qualifier="range",
        value_high=hi.value,
        start=q.start,
        end=hi.end,
        surface=reader.src[q.start : hi.end],
    )


def _is_figure(t: str, q: Quantity, i: int, run: str) -> bool:
    """False for what only looks like a figure: dates, years, ordinals, indices, phones, codes.
    `run` is the run of numeral material at i."""
    after = t[q.end : q.end + 4]
    before = t[max(0, q.start - 2) : q.start]
    bare = q.unit is None
    if q.unit is None and _NOT_AFTER_RE.match(t, q.end):
        return False
    if bare and run[:1] == "0" and run[1:2].isdigit():
        return False  # 010-…: an area code or a serial, never a figure
    if before and _NOT_BEFORE_RE.search(before):
        return False
    if ("之" in q.surface or "又" in q.surface) and _FRACTION_WORD.search(q.surface):
        return True  # 三分之一, 千分之五, 一又二分之一: a fraction, whatever its digits look like
    cn = _is_cn(run)
    words = cn and not t.startswith("百分", i)
    counted = q.qualifier != "exact" and not bare and len(run) == 1  # 逾千人, 近万家
    if words and not any(ch in _DIGITS for ch in run) and run not in {"十", "拾"} and not counted:
        return False  # 百姓, 千家万户, 上亿人: a magnitude alone is a word, not a figure
    if before.endswith(("(", "（")) and after.startswith((")", "）")):
        return False  # (一), （3）: a list index
    # Latin letters glued to digits make a code: PM2.5, G20, 5G, COVID-19
    if q.start > 0 and t[q.start - 1].isascii() and t[q.start - 1].isalpha():
        return False
    if q.end < len(t) and t[q.end].isascii() and t[q.end].isalpha():
        return False
    if cn:
        if run == "一" and q.start > 0 and t[q.start - 1] in _WORD_BEFORE_ONE:
            return False
        if bare and len(run) == 1 and run in _DIGITS and q.qualifier == "exact":
            return False  # 一是, 进一步, 三大攻坚战: a lone Chinese digit needs a measure word
        if bare and run[:1] in _DIGITS and after[:1] and after[:1] in "是、．.":
            return False
        if all(ch in _DIGITS for ch in run) and len(run) > 1 and "." not in run:
            return False  # 二〇二四 (a year), 五六 (an estimate)
    elif bare:
        digits = run.replace(",", "")
        phone_like = digits.isascii() and digits.isdigit() and len(digits) >= 7
        if phone_like and "," not in run and q.value == int(digits):
            return False  # phone numbers, IDs, codes
        opens = q.start == 0 or t[q.start - 1] in "\n\r \t；;。，,：:（("
        if opens and len(run) <= 2 and run.isdigit() and after[:1] in "、.．":
            return False  # 1. or 1、 opening a line or a clause: a list index
        if t.startswith(("-", ":", "：", "/", "."), q.end) and t[q.end + 1 : q.end + 2].isdigit():
            return False  # 010-12345678, 10:30, 2024/1/22, 2024.1.22, v1.2.3
    if q.value_high is not None and q.unit is None and after.startswith("年"):
        return False
    return not (q.unit is None and q.start > 0 and t[q.start - 1] in "-:/：")
