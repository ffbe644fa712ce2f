"""What a number read in a sentence is: an amount (the usual), a duration (7个月, 3天), a date
(2009 年3 月, 2023“数字经济…”), a share of people (三分之一的居民), or no figure at all (一是,
（三）, 1）, 第3条, 010-…, PM2.5). numerals.find_quantities keeps what its caller asks for.
Also the words for a half (半数以上, 过半, 近一半), read as 50 %."""

from __future__ import annotations

import re
from decimal import Decimal

from monitor.figures.magnitudes import _DIGITS, _is_cn
from monitor.figures.numeral_reader import frozen
from monitor.figures.qualifiers import _NOT_AFTER_RE, _NOT_BEFORE_RE, _SUFFIX
from monitor.models import Qualifier, Quantity, QuantityKind

_MAGS = "十百千万亿拾佰仟萬億"  # magnitude letters: a run of only these is a round amount

_FRACTION_WORD = re.compile("分之|份之|又")
_WORD_BEFORE_ONE = "统唯之同单专划逐万"  # 统一部署, 唯一, 之一: 一 inside a word
# Durations a target may be measured in (办结时限压缩至3个工作日): kept by default, marked.
# Weeks, months, quarters and years are periods, never a target's figure: only on request.
KEPT_DURATIONS = frozenset({"天", "小时", "分钟", "工作日"})
_TIME_UNITS = KEPT_DURATIONS | {"秒"}
# What 个 counts when a time word follows it: 7个月, 两个多月, 三个半月, 3个工作日
_AFTER_GE = re.compile(
    "(多)?(月|星期|礼拜|禮拜|小时|小時|钟头|鐘頭|工作日|季度|年头|周(?![年岁歲]))"
)
_TIME_WORD = {
    "月": "月",
    "星期": "周",
    "礼拜": "周",
    "禮拜": "周",
    "小时": "小时",
    "小時": "小时",
    "钟头": "小时",
    "鐘頭": "小时",
    "工作日": "工作日",
    "季度": "季度",
    "年头": "年",
    "周": "周",
}
_DATE_WORDS = frozenset({"年", "月", "日", "号", "號"})
# what a list item's index can follow: a line's or a clause's start, or a mark of a key item (*1.)
_OPENING = "\n\r \t；;。，,：:（(*＊★☆※▲△●○■□◆◇•"
_OPENS_NAME = "“《「\"'"  # 2023“数字经济…”: a year naming an event
# A share of a group of people, not an amount of anything: 2/3受访者, 三分之一的居民
_PEOPLE = re.compile(
    "的?(?:受访|被访|被调查|调查对象|居民|市民|村民|群众|民众|公众|网民|人|家庭|农户|住户|"
    "消费者|用户|学生|老人|老年人|儿童|员工|职工|农民|患者|参与者|选民|青年|网友|游客)"
)
# …and a share in per cent or tenths of those asked (八成以上受访居民, 45%的被调查企业): a share of
# the people or firms a survey asked, whatever they are
_ASKED = re.compile("的?(?:受访|被访|被调查|接受调查|参与调查|参加调查|调查对象)")
_SPACES = 2  # at most this many spaces between a number and its date word: 2009 年3 月

_HALF = re.compile(
    "(?P<pre>超过|超過|将近|將近|接近|大约|大約|过|過|超|逾|近|约|約)?(?:一半|半数|半數)"
    "(?P<suf>以上|左右)?"
    "|(?P<over>过|過|超|近)半(?![年月天日个個小分钟钟])"
)
_HALF_SAYS: dict[str, Qualifier] = {
    "超过": "at_least",
    "超過": "at_least",
    "过": "at_least",
    "過": "at_least",
    "超": "at_least",
    "逾": "at_least",
    "以上": "at_least",
    "将近": "nearly",
    "將近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "大约": "about",
    "大約": "about",
    "约": "about",
    "約": "about",
    "左右": "about",
}


def kept(q: Quantity, every: bool) -> bool:
    """Whether find_quantities returns `q`: amounts and shares of people always, durations in
    days or hours too; months, years and dates only when the caller asks for every number."""
    if every or q.kind in ("amount", "fraction_of_people"):
        return True
    return q.kind == "duration" and q.unit in KEPT_DURATIONS


_PACE = ("进度", "任务", "时间", "进程")


def halves(t: str, src: str, pos: int, end: int) -> list[Quantity]:
    """半数以上, 过半, 近一半 in t[pos:end]: 50 % with the qualifier the words give."""
    out = []
    for m in _HALF.finditer(t, pos, end):
        if m.group("over") and t.endswith(_PACE, 0, m.start()):
            continue  # 进度过半, “时间过半、任务过半”: a pace, said without a figure
        said = [m.group("pre"), m.group("suf"), m.group("over")]
        qualifier: Qualifier = "exact"
        for word in said:
            if word:
                qualifier = _HALF_SAYS[word]
        a, b = m.span()
        out.append(Quantity(Decimal(50), "%", qualifier, None, a, b, src[a:b]))
    return out


def classify(t: str, src: str, q: Quantity, i: int, run: str) -> Quantity | None:
    """`q` as read in the sentence `t` (its surfaces from `src`) with its kind set, its span
    grown over the time or date word of a duration or date; None when it is no figure at all.
    `run` is the run of numeral material at i that it was read from."""
    if q.start > 1 and t[q.start - 1] in "×·" and _NAMED_BY_NUMBERS.match(t, q.start - 2):
        return None  # the 24小时 of 7×24小时: round the clock, no duration nor amount
    if q.unit == "个":
        m = _AFTER_GE.match(t, q.end)
        if m:  # 7个月, 两个多月, 3个工作日: a span of time, not 7 个 of anything
            return _grown(t, src, q, m.end(), _TIME_WORD[m.group(2)], bool(m.group(1)))
    if q.unit in _TIME_UNITS:
        return _with_kind(q, "duration")
    bare = q.unit is None
    after = t[q.end : q.end + 4]
    head = t[max(0, q.start - 4) : q.start].rstrip(" ")
    before = head[-2:]
    if head and _NOT_BEFORE_RE.search(head):
        return None  # 第3条, 其一, 星期三
    if bare:
        k = q.end
        while k < len(t) and t[k] == " " and k - q.end < _SPACES:
            k += 1  # 2009 年3 月: a page that spaces its digits
        m = _NOT_AFTER_RE.match(t, k)
        if m:
            return _dated(t, src, q, run, m.group(), m.end())
        if t.startswith("周", k) and not t.startswith(("周年", "周岁", "周歲"), k):
            return _grown(t, src, q, k + 1, "周", False)  # 用时3周
        if _is_year(q, run) and k < len(t) and (t[k] in _OPENS_NAME or _is_han(t[k])):
            return _with_kind(q, "date")  # 2023“数字经济…”, 比2023增长: a year
    if not _is_figure(t, q, i, run, before, after):
        return None
    if bare and ("分之" in q.surface or "/" in q.surface) and _PEOPLE.match(t, q.end):
        return _with_kind(q, "fraction_of_people")
    if q.unit == "%" and _ASKED.match(t, q.end):
        return _with_kind(q, "fraction_of_people")
    return q


def _is_figure(t: str, q: Quantity, i: int, run: str, before: str, after: str) -> bool:
    """False for what only looks like a figure: ordinals, indices, phones, codes."""
    bare = q.unit is None
    if bare and run[:1] == "0" and run[1:2].isdigit():
        return False  # 010-…: an area code or a serial, never a figure
    if ("之" in q.surface or "又" in q.surface) and _FRACTION_WORD.search(q.surface):
        return True  # 三分之一, 千分之五, 一又二分之一: a fraction, whatever its digits look like
    cn = _is_cn(run)
    words = cn and not t.startswith("百分", i)
    # 逾千人, 近万家, 破千亿件: a round magnitude, counted, after a qualifier
    counted = q.qualifier != "exact" and not bare and (len(run) == 1 or run.strip(_MAGS) == "")
    if words and not any(ch in _DIGITS for ch in run) and run not in {"十", "拾"} and not counted:
        return False  # 百姓, 千家万户, 上亿人: a magnitude alone is a word, not a figure
    if bare and before.endswith(("(", "（")) and after.startswith((")", "）")):
        return False  # (一), （3）: a list index; （1131亿斤） is an amount
    # Latin letters glued to digits make a code: PM2.5, G20, 5G, COVID-19
    if q.start > 0 and t[q.start - 1].isascii() and t[q.start - 1].isalpha():
        return False
    if q.end < len(t) and t[q.end].isascii() and t[q.end].isalpha():
        return False
    opens = q.start == 0 or t[q.start - 1] in _OPENING
    if cn:
        if run == "一" and q.start > 0 and t[q.start - 1] in _WORD_BEFORE_ONE:
            return False
        if bare and len(run) == 1 and run in _DIGITS and q.qualifier == "exact":
            return False  # 一是, 进一步, 三大攻坚战: a lone Chinese digit needs a measure word
        listed = bare and after[:1] and after[:1] in "是、．."
        if listed and (run[:1] in _DIGITS or (opens and len(run) <= 3)):
            return False  # 二是…, 十、…, 十一、…: a list's items
        if all(ch in _DIGITS for ch in run) and len(run) > 1 and "." not in run:
            return False  # 二〇二四 (a year), 五六 (an estimate)
    elif bare:
        digits = run.replace(",", "")
        phone_like = digits.isascii() and digits.isdigit() and len(digits) >= 7
        if phone_like and "," not in run and q.value == int(digits):
            return False  # phone numbers, IDs, codes
        if opens and len(run) <= 2 and run.isdigit() and after[:1] in "、.．)）":
            return False  # 1. or 1、 or 1） opening a line or a clause: a list index
        if (q.start == 0 or t[q.start - 1] in "\n\r") and run.isdigit() and after[:1] in " \t　":
            return False  # "3 新建社区食堂": a row's number opening a line of a table
        if t.startswith(("-", ":", "：", "/", "."), q.end) and t[q.end + 1 : q.end + 2].isdigit():
            return False  # 010-12345678, 10:30, 2024/1/22, 2024.1.22, v1.2.3
    if q.value_high is not None and q.unit is None and after.startswith("年"):
        return False
    if bare and _NAMED_BY_NUMBERS.search(t, max(q.start - 2, 0), q.end + 2):
        return False  # 1+N, 6+3, 7×24小时, 12·5: a name made of numbers, not an amount
    if (bare or t.startswith("示", q.end)) and _PART_NAME.search(t, max(q.start - 5, 0), q.start):
        return False  # 表2, 附件3, 注1, 如图4所示 (not 4所): a document's part, not an amount
    if bare and after[:1] == "后" and len(run) == 2 and run.isdigit() and run[1] in "05":
        return False  # 85后, 00后: people born in those years
    return not (q.unit is None and q.start > 0 and t[q.start - 1] in "-:/：")


# A document's part named by its number (附件3, 附表2, 表1, 注2, 见图4): 表/图/注 alone only as a
# word of their own (not 代表, 地图, 关注), at a line's or clause's start or after 见/如/据/由
_PART_NAME = re.compile(
    r"(?:附件|附表|附图|(?:^|(?<=[^\u4e00-\u9fff])|(?<=[见如据由按详和及与、]))(?:表|图|注))\s*$",
    re.MULTILINE,
)
# a number joined to another by +, ×, · (1+N政策体系, 7×24小时, 12·5专案): a name, a slogan
_NAMED_BY_NUMBERS = re.compile(r"[0-9A-Za-z][+＋×·][0-9A-Za-z]")


def _dated(t: str, src: str, q: Quantity, run: str, word: str, end: int) -> Quantity | None:
    """A bare number before a word of _NOT_AFTER: a date (2024年, 3 月, 5日), a span of years
    (未来5年, 三年), or nothing (10点, 二十大, 3号线)."""
    if word not in _DATE_WORDS or q.value_high is not None:
        return None
    if word == "年" and t.startswith(("级", "級"), end):
        return None  # 三年级: a school grade
    if word == "年" and not _is_year(q, run) and not (_is_cn(run) and len(run) == 4):
        return _grown(t, src, q, end, "年", False)
    return _with_kind(q, "date", end, src)


def _grown(t: str, src: str, q: Quantity, end: int, unit: str, more: bool) -> Quantity:
    """A duration: `q` grown to `end` with its time `unit`; 多 after 个 and a suffix (以上,
    左右) make its qualifier."""
    qualifier = "at_least" if more and q.qualifier == "exact" else q.qualifier
    for word, said in _SUFFIX:
        if t.startswith(word, end):
            qualifier, end = said, end + len(word)
            break
    return frozen(
        Quantity,
        value=q.value,
        unit=unit,
        qualifier=qualifier,
        value_high=q.value_high,
        start=q.start,
        end=end,
        surface=src[q.start : end],
        kind="duration",
    )


def _with_kind(q: Quantity, kind: QuantityKind, end: int = -1, src: str = "") -> Quantity:
    fields = dict(q.__dict__, kind=kind)
    if end >= 0:
        fields |= {"end": end, "surface": src[q.start : end]}
    return frozen(Quantity, **fields)


def _is_year(q: Quantity, run: str) -> bool:
    return len(run) == 4 and run.isascii() and run.isdigit() and 1900 <= q.value <= 2099


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def not_counted(q: Quantity) -> str | None:
    """Why a quantity read in a target's sentence counts nothing a target may track, or None."""
    if q.value == 1 and q.surface.startswith("一"):
        return "一 and its measure word: 'a' (走进一条…小巷), not a count"
    if q.kind == "fraction_of_people":
        return "a share of the people or firms asked (2/3的受访者), no amount of anything"
    if q.unit not in (None, "%") and _DONE_OVER_PLAN.search(q.surface):
        return "the work done over the plan (已建成9/12个), no fraction of a count"
    return None


# two whole numbers over a slash, then a measure word (9/12个, 38/60座): done of the plan
_DONE_OVER_PLAN = re.compile(r"^[0-9]+\s*[/／]\s*[0-9]+\s*[^0-9.\s]")
