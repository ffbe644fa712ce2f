"""One written number to an exact Decimal: Arabic and Chinese digits, full-width forms, and the
units of magnitude (十 百 千 万 亿, k, w); `_value("1.5万")` is 15000."""

from __future__ import annotations

import re
from decimal import Decimal

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
    # (digits glued to a letter after 万 or 亿 open a name: 新建60万5G基站 is 60万 before 5G基站)
    rf"(?:\.[0-9]+|(?<![万亿])[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|(?<=[万亿])(?![0-9]+[A-Za-z])[0-9]+"
    rf"(?:\.[0-9]+)?|[{_CN_CHARS}]|[{_POINT}](?=[0-9{_CN_CHARS}]))+"
)
_ARABIC = re.compile(r"[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_ARABIC_DECIMAL = re.compile(r"([0-9]*\.[0-9]+)([" + "".join(_SMALL) + "".join(_BIG) + r"]*)")
_FRACTION = re.compile(r"/([1-9][0-9]{0,5})(?![0-9.,/])")  # the denominator of 1/3
# 422, 7万, 1.5亿 need none of _value's general reading: Arabic digits, at most one magnitude
_PLAIN = re.compile(r"([1-9][0-9]{0,17})([万亿]?)")
_PLAIN_SCALE = {"": Decimal(1), "万": Decimal(_BIG["万"]), "亿": Decimal(_BIG["亿"])}
_ONE = Decimal(1)
_SUB_NUMBER = re.compile(rf"[0-9{''.join(_DIGITS)}十拾]+")
_MAX_RUN = 40  # no real figure is longer; anything longer is a code, a table or an attack


# --- reading one number ------------------------------------------------------------------------


def _cn_integer(part: str) -> Decimal | None:
    """一亿零五百万, 千一, 1万600, 两千零十二 → their value; None when the run is not one number."""
    tokens = _tokens(part) if part else None
    if tokens is None:
        return None
    if all(k in "dz" for k, _ in tokens):  # 一二三, 一七二零: read digit by digit
        if len(tokens) > 1 and any(ch in "两兩" for ch in part):
            return None  # nobody reads 2 as 两 digit by digit: 二两 is two liang
        return Decimal("".join(str(int(v)) for _, v in tokens))
    return _sections(tokens)


def _tokens(part: str) -> list[tuple[str, Decimal]] | None:
    """The run as (kind, value) tokens: n an Arabic number, d a digit, z a zero, s 十百千,
    b 万亿; None at a character that is no numeral."""
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
    return tokens


def _sections(tokens: list[tuple[str, Decimal]]) -> Decimal | None:
    """The value of tokens that name magnitudes: each section (below 万, below 亿) summed and
    scaled; None when they make no one number."""
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


def _tidy(value: Decimal) -> Decimal:
    """82.7万亿 is 82700000000000, not 82700000000000.0: integers print as integers."""
    integral = value.to_integral_value()
    return integral if value == integral else value.normalize()


def _is_cn(run: str) -> bool:
    if run and run[0] not in _NUMERAL:
        return False  # most runs start with a digit: no need to read them through
    return not run.strip(_CN_CHARS)  # every letter a Chinese numeral
