"""The words around a number: qualifiers (约, 超过, 以上, 多), signs, currency marks, pairs, and
the words that make a number a date, an index or a time rather than a figure."""

from __future__ import annotations

import re
from decimal import Decimal

from monitor.figures.magnitudes import _BIG
from monitor.models import Qualifier

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
    ("破", "at_least"),  # 已破千亿件, 总长破1500公里: 突破 in a headline's words
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
# Before these, 约 or 破 is the end of a word (签约 signed, 节约 saved, 预约 booked; 侦破 solved,
# 打破 broke, 攻破 took), not "about" or "past"
_AGREED = frozenset("签簽预預节節合制履违違公条條邀相契特")
_BROKE = frozenset("侦偵攻打击擊识識看爆道说說揭勘残殘")
IN_WORD = {"约": _AGREED, "約": _AGREED, "破": _BROKE}
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
    "₹": "印度卢比",
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
_AFTER_DIGITS = frozenset("多余个個来 ") | frozenset(_BIG) | frozenset(_LETTER_MAGNITUDE)
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
