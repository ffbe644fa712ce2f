"""Numbers as Chinese news writes them (1,244, 4.37万亿元, 两千三百万, 三成, 百分之七十五, 近7万元)
to exact Decimals with unit and qualifier: one number (`parse_quantity`), or every figure in a
sentence (`find_quantities`), skipping dates, years, list indices, ordinals, phones and times.
The number itself is read in magnitudes.py, the words around it are in qualifiers.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from monitor.figures import units
from monitor.figures.magnitudes import (
    _BIG,
    _CN_CHARS,
    _DIGITS,
    _MAX_RUN,
    _NUMERAL,
    _POINT,
    _RUN,
    _SPOKEN,
    _value,
)
from monitor.figures.numeral_kinds import classify, halves, kept
from monitor.figures.numeral_reader import _Reader
from monitor.figures.qualifiers import (
    _CURRENCY_PREFIX,
    _RANGE,
    _SIGN,
)
from monitor.models import Quantity

# Every letter a run can start with: a quick scan to where _RUN may match, which re does not
# find quickly by itself (the run's repeated group hides its first letters from it).
_RUN_FIRST = re.compile(rf"[.0-9{_CN_CHARS}{_POINT}]")
# The same letters as written, full-width digits too: a text with none of them holds no number.
_ANY_FIRST = re.compile(rf"[.0-9０-９．{_CN_CHARS}{_POINT}]")
_FRACTION_WORD = re.compile("分之|份之|又")
_NOT_IN_UNIT = frozenset("的是了和与及在有为将从对，,。；;：:、！!？?（）()“”")  # 的人口 is no unit
_MAX_SENTENCE = 10_000  # find_quantities reads a sentence; a longer text is not one
# Letters no figure holds, nor the words read before its number (signs, 约, 超过): clause and
# sentence breaks. find_quantities may read from one to the next with the same result.
_BREAKS = frozenset("，、：:；;。！？!?\n")
_WORD_BEFORE_ONE = "统唯之同单专划逐万"  # 统一部署, 唯一, 之一: 一 inside a word
_WIDE = str.maketrans("０１２３４５６７８９．－～", "0123456789.-~")  # keeps every offset
_WIDE_ANY = re.compile("[０-９．－～]")  # whether translating by _WIDE changes anything
# A full-width comma typed for thousands (95，420个): one to three digits, then groups of three
# with no digit after; a list would put its measure word or 、 between (12个，345个)
_WIDE_THOUSANDS = re.compile(r"(?<![0-9.,])(?<![0-9]，)[0-9]{1,3}(?:，[0-9]{3})+(?![0-9])")
_WIDE_GROUP = re.compile(r"，(?<=[0-9]，)(?=[0-9]{3})")  # opens with the comma: a quick scan

# --- public ------------------------------------------------------------------------------------


# parse_quantity's patterns and currency words, made once (a call is made for every number read)
_WIDE_COMMA = re.compile(r"(?<=[0-9])，(?=[0-9]{3}(?![0-9]))")
_FRACTION = re.compile(r"([0-9]+)/([1-9][0-9]*)")
_MORE_NUMBER = re.compile(rf"[0-9%几幾数數{_CN_CHARS}]")
_CURRENCY_LONGEST_FIRST = tuple(sorted(_CURRENCY_PREFIX.items(), key=lambda kv: -len(kv[0])))


def parse_quantity(text: str) -> Quantity | None:
    """The one number that `text` is, with qualifier and unit; None if it is not exactly one.

    >>> parse_quantity("近700万元")
    Quantity(value=Decimal('7000000'), unit='元', qualifier='nearly', ...)
    """
    if not text or len(text) > 80:
        return None
    t = _WIDE_COMMA.sub(",", text.translate(_WIDE).strip())
    if not t:
        return None
    special = _whole_forms(t) or _whole_half(t)
    if special is not None:
        return replace(special, start=0, end=len(t), surface=text.strip())
    currency: str | None = None
    for word, cur in _CURRENCY_LONGEST_FIRST:
        if t.startswith(word) and len(t) > len(word):
            currency, t = cur, t[len(word) :].lstrip()
            break
    fraction = _FRACTION.fullmatch(t)
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
        if start != 0 or len(rest) > 8 or _MORE_NUMBER.search(rest):
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


def _whole_half(t: str) -> Quantity | None:
    """半数以上, 过半, 近半数: 50 % (一半 alone is 0.5, read by _whole_forms)."""
    found = halves(t, t, 0, len(t)) if "半" in t else []
    return found[0] if len(found) == 1 and found[0].end - found[0].start == len(t) else None


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


def find_quantities(
    text: str, start: int = 0, stop: int | None = None, *, every: bool = False
) -> list[Quantity]:
    """Every figure in the sentence `text` with its span; dates, years, indices, ordinals, phones
    and times are not figures and are left out. A text over 10 000 characters is not a sentence
    and yields nothing (split it first, as find_figures does).

    Each quantity's `kind` says what it is: an amount; a share of people (三分之一的居民, a
    fraction of a group, not an amount of the thing); a duration in days or hours (3个工作日,
    两个小时, kept since a target may be measured in them). Durations in weeks, months or years
    (7个月, 未来5年) and dates (2009 年3 月) are left out, or with `every` kept, marked so.

    With `start` and `stop`, only those whose span starts in text[start:stop], as read in the
    whole sentence; quickly when text[start - 1] and text[stop] are breaks (，、：。…), as between
    clauses, since then only that part is read.
    """
    if not text or len(text) > _MAX_SENTENCE:
        return []
    t = text.translate(_WIDE) if _WIDE_ANY.search(text) else text
    if _WIDE_GROUP.search(t):
        t = _WIDE_THOUSANDS.sub(lambda m: m.group().replace("，", ","), t)  # offsets kept
    stop = len(t) if stop is None else stop
    # No figure spans a break, nor do the words read before its number (约, 负): reading after
    # one finds what reading from the start does there, and nothing after one starts before it.
    begin = start if start == 0 or t[start - 1] in _BREAKS else 0
    end = stop if stop < len(t) and t[stop] in _BREAKS else len(t)
    found = _read_all(_Reader(t, False, text), begin, end, every)  # False: a sentence
    if begin == start and end == stop:
        return found
    return [q for q in found if start <= q.start < stop]


def _read_all(reader: _Reader, pos: int, end: int, every: bool) -> list[Quantity]:
    """The figures whose runs of numerals start in t[pos:end], in order; with `every`, also the
    durations and dates that are no figure, marked by their kind."""
    t = reader.t
    first_pos = pos
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
        if run == "一" and t.startswith("半", m.end()):
            pos = m.end()  # 一半, 近一半: a half, read by halves() below
            continue
        got = reader.at(i, lo, m)
        if got is None:
            pos = m.end()
            continue
        q = _with_range(reader, got[0], t) or got[0]
        read = classify(t, reader.src, q, i, run)
        if read is not None:
            q = read
            if kept(q, every):
                out.append(q)
                lo = q.end
        pos = max(q.end, i + 1)
    if t.find("半", first_pos, end) >= 0:  # 半数以上, 过半: a half in words
        taken = [(q.start, q.end) for q in out]
        more = [
            h
            for h in halves(t, reader.src, first_pos, end)
            if not any(a < h.end and h.start < b for a, b in taken)
        ]
        out = sorted(out + more, key=lambda q: q.start) if more else out
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
