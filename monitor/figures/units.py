"""Units of measure for figures: the words numerals recognise (`read_unit`), currencies, and
conversions within a dimension (斤 → g), so that 万套 and 套, 公斤 and g compare; an amount given
again in another unit beside it (70650万吨（14130亿斤）), `restated`. Canonical
spellings (`CANONICAL`, `normalise`) are monitor.units', which the watchlist shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from monitor.models import Quantity

# Named here too, as the figure readers have always reached them (`units.normalise`).
from monitor.units import CANONICAL as CANONICAL
from monitor.units import normalise as normalise

CURRENCIES = frozenset(
    {
        "元",
        "美元",
        "欧元",
        "英镑",
        "日元",
        "韩元",
        "港元",
        "卢布",
        "印度卢比",
        "台币",
        "澳元",
        "加元",
        "泰铢",
    }
)

# canonical unit → (dimension, factor to the dimension's base)
_CONVERT: dict[str, tuple[str, Decimal]] = {
    "g": ("mass", Decimal(1)),
    "克": ("mass", Decimal(1)),
    "毫克": ("mass", Decimal("0.001")),
    "千克": ("mass", Decimal(1000)),
    "斤": ("mass", Decimal(500)),
    "两": ("mass", Decimal(50)),
    "吨": ("mass", Decimal(1_000_000)),
    "米": ("length", Decimal(1)),
    "毫米": ("length", Decimal("0.001")),
    "厘米": ("length", Decimal("0.01")),
    "千米": ("length", Decimal(1000)),
    "平方米": ("area", Decimal(1)),
    "公顷": ("area", Decimal(10_000)),
    "平方公里": ("area", Decimal(1_000_000)),
    "千瓦": ("power", Decimal(1)),
    "兆瓦": ("power", Decimal(1000)),
    "吉瓦": ("power", Decimal(1_000_000)),
    "千伏安": ("apparent power", Decimal(1)),
    "兆伏安": ("apparent power", Decimal(1000)),
    "千瓦时": ("energy", Decimal(1)),
    "兆瓦时": ("energy", Decimal(1000)),
    "PFLOPS": ("computing", Decimal(1)),
    "EFLOPS": ("computing", Decimal(1000)),
    "PB": ("storage", Decimal(1)),
    "EB": ("storage", Decimal(1000)),
    "微克/立方米": ("concentration", Decimal(1)),
    "毫克/立方米": ("concentration", Decimal(1000)),
}

_BY_FIRST: dict[str, list[str]] = {}
for _word in sorted(CANONICAL, key=len, reverse=True):
    _BY_FIRST.setdefault(_word[0], []).append(_word)  # 套（间） before 套: the note in the surface


# A measure word that opens a noun of its own (12部门联合印发, 两部委, 所长): no unit there
_NOUN_AFTER = {"部": "门委署长", "所": "长", "名": "单", "处": "长室"}


def read_unit(text: str, i: int) -> tuple[str, int] | None:
    """The unit written at text[i:], canonical, and where it ends; None if none is."""
    if i >= len(text):
        return None
    for word in _BY_FIRST.get(text[i], ()):
        if text.startswith(word, i):
            end = i + len(word)
            after = _NOUN_AFTER.get(word) if len(word) == 1 and end < len(text) else None
            if after and text[end] in after:
                return None  # 2部门: departments, not two 部 of a machine
            return CANONICAL[word], end
    return None


# Measure words that count the same things: 人/名/位 people, 套/户/间 homes, 个/台 installations
# (充电桩1188万台 for a target in 个), 台/部 machines (加装电梯2912部 for a target in 台), 家/座
# venues and institutions (博物馆16家 for a target in 座). Each pair is one unit, but not across
# pairs: 部 and 个 stay apart (加装电梯4000部，…充电端口2万个 are two things); 人次 is in none.
_PAIRS = (
    ("人", "名"),
    ("人", "位"),
    ("名", "位"),
    ("套", "户"),
    ("套", "间"),
    ("户", "间"),
    ("个", "台"),
    ("台", "部"),
    ("家", "座"),
    ("台件", "台"),  # 检定计量器具12万台 for a target in 台件, and the other way
    ("台件", "件"),
    ("台套", "台"),
    ("台套", "套"),
)
_SAME = frozenset(_PAIRS) | frozenset((b, a) for a, b in _PAIRS)


def same_family(a: str | None, b: str | None) -> bool:
    """Whether two canonical measure words count the same kind of thing (人 and 名, 套 and 户)."""
    return (a, b) in _SAME


def generic_for(written: str | None, wanted: str | None, keywords: tuple[str, ...] = ()) -> bool:
    """Whether a count in the general measure word 个 counts a target's venues in 家 (城市书房21个
    for a target in 家). Not the other way: 家 after a count of a target in 个 is mostly another
    noun's (充电桩运营企业23家, 示范性托育机构186家). And a station counted by its own word or 座
    for a target in 个 whose noun is a station (5G基站1.8万站, 换电站120站), a place by 座 or 处
    (口袋公园1070座, 15处口袋公园: place_counted), and projects by 个, 件 or 项 whichever the
    target counts in."""
    if written in ("站", "座"):  # (5G基站3200座: a station, as a tower or a building, by 座)
        return wanted == "个" and any(k.endswith("站") for k in keywords)
    if {written, wanted} <= _PROJECT_WORDS and written != wanted:
        return any(k.endswith(_PROJECTS) for k in keywords)  # 实事项目18个 for a target in 件
    return written == "个" and wanted == "家"


# Things that stand in a place, counted by 座 or 处 as well as 个 (公园, 广场, 公厕, 桥, 服务点)
_PLACES = ("园", "场", "馆", "厕", "厕所", "桥", "亭", "点", "驿站")
_QUOTES = "“”\"'‘’"


def place_counted(
    sentence: str, q: Quantity, wanted: str | None, keywords: tuple[str, ...], title: str = ""
) -> bool:
    """Whether a count in another measure word than the target's counts its things anyway, its
    keyword right beside it: places by 座 or 处 for a target in 个 and by 个 for one in 座 or 处
    (口袋公园1070座, 15处“口袋公园”, 10个体育公园 for a target in 座), institutions by 家 or 所
    for one in 个 (村级养老服务站54家); not a count of other work on them after it (口袋公园
    建设…，完成绿化提升5处), nor of another noun between (充电桩运营企业23家), nor a keyword
    other than the one the target's `title` counts in its unit (中小学14所 for …新增学位2.1万个)."""
    have, want = q.unit, normalise(wanted)
    if (have, want) in _PLACE_WORDS:
        own = [k for k in keywords if k.endswith(_PLACES)]
    elif (have, want) in _INSTITUTION_WORDS:
        own = list(keywords)
    else:
        return False
    counted = _title_counts(title, keywords)  # (…中小学新增学位2.1万个: the unit is 学位's)
    own = [k for k in own if not counted or k in counted]
    before = sentence[max(0, q.start - 12) : q.start].rstrip(_QUOTES)
    after = sentence[q.end : q.end + 12].lstrip(_QUOTES)
    return any(before.endswith(k) or after.startswith(k) for k in own)


# a title's amount, not its year (…2024年新增学位2.1万个: 2.1万)
_TITLE_AMOUNT = re.compile(r"(?<![0-9.])(?:约|近|超过?)?[0-9][0-9.]*[万亿]?(?![0-9.]|年)")


def _title_counts(title: str, keywords: tuple[str, ...]) -> list[str]:
    """The keywords a target's title names right before its amount (新增学位2.1万个: 学位)."""
    found = _TITLE_AMOUNT.search(title) if title else None
    return [k for k in keywords if title.endswith(k, 0, found.start())] if found else []


_PLACE_WORDS = frozenset((("座", "个"), ("处", "个"), ("个", "座"), ("个", "处")))
_INSTITUTION_WORDS = frozenset((("家", "个"), ("所", "个")))
# the target's things counted in its own unit earlier in the sentence (新增村级养老服务站64个，
# 目前已完成54家): a bare count after it in 家 or 所 is of those things
_COUNTED_EARLIER = re.compile(r"[0-9０-９][0-9０-９.]*\s*万?个")


def counted_again(
    sentence: str, q: Quantity, bare: bool, wanted: str | None, keywords: tuple[str, ...]
) -> bool:
    """Whether a bare count (`bare`: no noun after it) in 家, 所, 座 or 处 gives again the things
    a count in 个 of the target's keyword earlier in the sentence counted (…养老服务站64个，目前
    已完成54家): the same things, so the same unit."""
    if not bare or q.unit not in ("家", "所", "座", "处") or normalise(wanted) != "个":
        return False
    before = sentence[max(0, q.start - 40) : q.start]
    for k in keywords:
        at = before.rfind(k)
        if at >= 0 and _COUNTED_EARLIER.match(before, at + len(k)):
            return True
    return False


# Projects and matters, counted by 个, 件 or 项 alike (民生实事项目18个, 十件实事, 12项工程)
_PROJECT_WORDS = frozenset(("个", "件", "项"))
_PROJECTS = ("项目", "事项", "实事", "工程")


def convert(value: Decimal, unit: str | None, to: str | None) -> Decimal | None:
    """`value` in `unit` expressed in `to`, or None when the two do not measure the same thing."""
    a, b = normalise(unit), normalise(to)
    if a == b:
        return value
    if a is None or b is None:
        return None
    ca, cb = _CONVERT.get(a), _CONVERT.get(b)
    if ca is None or cb is None or ca[0] != cb[0]:
        return None
    return value * ca[1] / cb[1]


# --- one amount given in two units -------------------------------------------------------------
# 70650万吨（14130亿斤）, 8013万吨，折合1602.6亿斤, 462万亩（30.8万公顷）: the second restates the
# first in another unit. 亩 is an area too, though no exact factor makes it one of _CONVERT's.
_RESTATED = re.compile(r"\s*(?:[（(]|[，,]\s*(?=约合|折合|合(?!计)|相当于|即))")
_AREA_MU = Decimal(10_000) / 15  # square metres in a 亩, for comparing sizes only
_SLACK = Decimal("0.03")  # a conversion rounds: 30.8万公顷 for 462万亩 is 0.001 off


def _in_base(value: Decimal, unit: str | None) -> tuple[str, Decimal] | None:
    if unit == "亩":
        return "area", value * _AREA_MU
    found = _CONVERT.get(unit or "")
    return (found[0], value * found[1]) if found else None


def _restates(a: Quantity, b: Quantity) -> bool:
    """Whether b gives a's amount in another unit of the same dimension, about as large."""
    ua, ub = normalise(a.unit), normalise(b.unit)
    if ua is None or ub is None or ua == ub:
        return False
    ba, bb = _in_base(a.value, ua), _in_base(b.value, ub)
    if ba is None or bb is None or ba[0] != bb[0] or not ba[1] or not bb[1]:
        return False
    return abs(ba[1] - bb[1]) <= _SLACK * max(ba[1], bb[1])


def restated(sentence: str, quantities: Sequence[Quantity]) -> dict[int, Quantity]:
    """Each amount that another beside it gives again in another unit (in brackets, or after
    折合/约合/相当于), by where it starts, with that other: both ways."""
    pairs: dict[int, Quantity] = {}
    for a, b in pairwise(quantities):
        gap = _RESTATED.match(sentence, a.end)
        if gap is None or b.start - gap.end() > 3 or not _restates(a, b):
            continue
        pairs[a.start], pairs[b.start] = b, a
    return pairs


def fits(unit: str | None, want: str | None) -> bool:
    """Whether a figure in `unit` is in the target's unit `want` as written (or its family)."""
    have, want = normalise(unit), normalise(want)
    return have == want or same_family(have, want)


_RESTATING = re.compile(
    r"(?:[，,]\s*(?:约合|折合|合(?!计)|相当于|即)|[（(]\s*(?:约合|折合|合(?!计)|相当于|即|约)?)\s*[0-9０-９]"
)


def restating_at(sentence: str, at: int) -> bool:
    """Whether the clause after the break at `at` may give the amount before it in another
    unit (…8013万吨，折合1602.6亿斤; …70650万吨（14130亿斤）): restated() says if it does."""
    return _RESTATING.match(sentence, at) is not None


# --- the noun a measure word counts anyway -----------------------------------------------------
# 1800多户村民完成户厕改造: 户 counts households, and 村民 names who they are, no other thing.
_COUNTED_BY = {
    "户": re.compile(
        r"的?(?:农户|住户|居民户|农民户|居民|村民|家庭|群众|人家|(?:建档立卡)?(?:贫困|脱贫|困难|低保)户)"
    ),
    "人": re.compile(r"的?(?:群众|居民|村民|市民|职工|员工|人员|劳动力|农民)"),
}
_COUNTED_BY["名"] = _COUNTED_BY["位"] = _COUNTED_BY["人"]
_BREAK = re.compile(r"[，,。；;：:！？!?、]")


def counted_by_measure(
    sentence: str, q: Quantity, keywords: Sequence[str], want: str | None
) -> bool:
    """Whether the noun after a count is only who its measure word counts (户 村民, 名 群众) and a
    keyword of the target (in unit `want`) follows in the same clause: the count is the target's."""
    unit = normalise(q.unit)
    said = _COUNTED_BY.get(unit or "")
    if said is None or not fits(unit, want):
        return False
    noun = said.match(sentence, q.end)
    if noun is None:
        return False
    rest = sentence[noun.end() : noun.end() + 12]
    cut = _BREAK.search(rest)
    rest = rest[: cut.start()] if cut else rest
    return any(k in rest for k in keywords)
