"""Pages that write their amounts in Chinese numerals (新建社区食堂四十五个, 一万二千套, 三千余户,
两万人, 三千七百多万): read as if written in digits (45个, 12000套, 3000余户, 2万人, 3700多万),
which the reading rules know (many of them look for a digit: 已完成42个, 计划40个), the figures
then given back with the page's own sentences and spans (spacing.given_back with a map).

Only an amount is retyped: an integer run of numerals with a measure word after it, or ending in
万/亿; two numbers side by side are the range their digits make (三四十个 30-40个, 十七八个
17-18个). Left as written: 一 alone (一批, 一体化, 进一步, 一个), a bare 百/千/万 (千家万户; 近百个
is read so already), digits read one by one (二〇二五), ordinals (第三批), dates, durations and
ages (十月, 三年, 两个月, 五天, 六十岁), fractions and per cents (三分之一, 百分之五), decimals
(一点五万), a unit's own 千 (五千瓦, 三千米 keep 千瓦, 千米), 七台河 and the targets' own words.
A bare 百 or 千 is an amount right after a verb of building (新建百个口袋公园: 100个) only."""

from __future__ import annotations

import re
from collections.abc import Iterable

from monitor.figures import units
from monitor.figures.magnitudes import _DIGITS, _cn_integer
from monitor.figures.offsets import Back
from monitor.figures.places import PLACES
from monitor.models import Target

_BIG_WORDS = "万亿"
_SPACES = " \u00a0\u3000"
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_UNIT_FIRST = "[" + "".join(sorted({re.escape(w[0]) for w in units.CANONICAL})) + "]"
# a whole run of numerals, not after 第, a digit or a point, with 多/余 and 万/亿 or a measure
# word's first letter after it: a quick scan (its first letter first, then what is before it)
_RUN = re.compile(
    f"[{_NUMERALS}](?!(?<=一)[^{_NUMERALS}])"  # (a lone 一, never retyped: 一个, 一批, 进一步)
    f"(?<![第{_NUMERALS}0-9.][{_NUMERALS}])[{_NUMERALS}]*"
    f"(?:(?<=[万亿])|(?=[多余]?(?:[万亿]|[ \u00a0\u3000]?{_UNIT_FIRST})))"
)
_HAS_NUMERAL = re.compile("[二两三四五六七八九十百千]")  # 一 alone is never retyped
_ONE_BIG = re.compile("一[万亿]")  # …but 一万, 一亿 are
_DIGIT_CHARS = frozenset("一二两三四五六七八九")
_MAGNITUDE = frozenset("十百千万亿")
# a verb of building right before a bare 百 or 千 and its measure word (布局建设百个…驿站)
_BUILT_BEFORE = re.compile(r"(?:建设|新建|建成|打造|布局|培育|创建|推出|改造|实施)$")
_TWO_NUMBERS = re.compile("(十?)([一两二三四五六七八])([二两三四五六七八九])([十百千]?)")
_SCALES = {"": 1, "十": 10, "百": 100, "千": 1000}
# what a run after these is not an amount of: 第三, 周三, 星期五, 初五, 三分之一, 百分之五;
# nor the decimals after a point (一点五万), nor 数十, 几十, 每十万
_NOT_AFTER = ("第", "周", "星期", "礼拜", "初", "之", "点", "點", "数", "几", "每")
_NOT_UNITS = frozenset({"天", "岁", "小时", "分钟", "届", "倍", "%", "％", "度"})
_SPAN_OF_TIME = re.compile("多?(?:月|小时|工作日|星期|礼拜|季度|年|钟头)")
_NAMED_PLACES = tuple(p for p in PLACES if _HAS_NUMERAL.search(p))  # 七台河: no 7台 of 河
_LETTER_OR_DIGIT = re.compile("[0-9A-Za-z.．０-９]")


def _counts(text: str, end: int) -> bool:
    """Whether the run ending at `end` is an amount by what follows it: 多/余 then 万/亿, a run
    ending in 万/亿 (两万, 三千七百多万), or a measure word (四十五个, 十余家, 景区 四十二 家)."""
    k = end + 1 if end < len(text) and text[end] in "多余" else end
    if (k < len(text) and text[k] in _BIG_WORDS) or (k == end and text[end - 1] in _BIG_WORDS):
        return True
    while k == end and k < len(text) and text[k] in _SPACES:
        k = end = k + 1  # a space typed before the measure word: read unspaced (spacing.py)
    unit = units.read_unit(text, k)
    if unit is None or unit[0] in _NOT_UNITS or text.startswith("分之", k):
        return False
    return _SPAN_OF_TIME.match(text, unit[1]) is None  # 两个月, 三个工作日: a duration


def in_digits(text: str, targets: Iterable[Target] = ()) -> tuple[str, Back] | None:
    """`text` with its amounts in Chinese numerals written in digits, and for each of its letters
    the place of the letter it stands for in `text` (a number's digits spread over its numerals);
    None when it has none. The targets' own words are left as written (七台河, 十五分钟生活圈)."""
    kept: tuple[str, ...] | None = None
    parts: list[str] = []
    edits: list[tuple[int, int, int]] = []
    at = 0
    for m in _RUN.finditer(text):
        a, b = m.start(), m.end()
        if kept is None:
            kept = _own_words(targets)
        number = _number(text, a, b, kept)
        if number is None:
            continue
        b, digits = number
        parts.append(text[at:a])
        parts.append(digits)
        edits.append((a, b, len(digits)))
        at = b
    if not parts:
        return None
    parts.append(text[at:])
    return "".join(parts), Back(len(text), edits)


def _number(text: str, a: int, b: int, kept: tuple[str, ...]) -> tuple[int, str] | None:
    """The run text[a:b] as digits, and where the retyped part ends (its magnitude word kept);
    None when it is no amount to retype."""
    if b > a + 1 and text[b - 1] == "千" and units.read_unit(text, b - 1):
        b -= 1  # 五千瓦, 三千米: the unit's own 千
    run = text[a:b]
    if _HAS_NUMERAL.search(run) is None and _ONE_BIG.search(run) is None:
        return None  # 一 alone: 一批, 一体化, 进一步, 一个
    if (a and _LETTER_OR_DIGIT.match(text, a - 1)) or _LETTER_OR_DIGIT.match(text, b):
        return None  # 5千, 三G
    if text.endswith(_NOT_AFTER, 0, a) or _in_own_word(text, a, b, kept):
        return None  # 第三批, 周五, 三分之一, 数十个; a target's own word
    if not _counts(text, b):
        return None
    if run in ("百", "千") and _BUILT_BEFORE.search(text, max(0, a - 4), a):
        return b, "100" if run == "百" else "1000"  # 新建百个城市书房: a hundred of them
    # the retyped part: the run without the magnitude words that end it (两万 → 2万)
    head = run.rstrip(_BIG_WORDS)
    if any(ch in _BIG_WORDS for ch in head):
        head = run  # 一万二千, 一亿五千万: the whole number in digits
    if not head or (head[0] not in _DIGIT_CHARS and head[0] != "十"):
        return None  # 千家万户, 百万: a bare magnitude
    if (between := _side_by_side(head)) is not None:
        return a + len(head), between  # 三四个 3-4个, 二三十 20-30, 十七八 17-18
    if len(head) > 1 and not any(ch in _MAGNITUDE for ch in head):
        return None  # 二〇二五: digits one by one
    value = _cn_integer(head)
    if value is None or (value < 2 and head == run):
        return None
    return a + len(head), str(value)


def _side_by_side(head: str) -> str | None:
    """Two numbers side by side, the second one more (or 三五: a few), as the range their digits
    make: 三四 3-4, 两三百 200-300, 十七八 17-18; None for any other run."""
    m = _TWO_NUMBERS.fullmatch(head)
    if m is None:
        return None
    ten, first, second, scale = m.groups()
    low, high = _DIGITS[first], _DIGITS[second]
    if (high != low + 1 and (low, high) != (3, 5)) or (ten and scale):
        return None
    times = _SCALES[scale]
    base = 10 if ten else 0
    return f"{base + low * times}-{base + high * times}"


def _in_own_word(text: str, a: int, b: int, words: tuple[str, ...]) -> bool:
    """Whether one of `words` stands over text[a:b] (looked for around it only, not in all the
    page: a page holds few runs and the words are many)."""
    return any(text.find(w, max(0, a - len(w) + 1), b + len(w) - 1) >= 0 for w in words)


def _own_words(targets: Iterable[Target]) -> tuple[str, ...]:
    """The places and the targets' keywords and region words that hold a numeral (七台河,
    十五分钟生活圈)."""
    return _NAMED_PLACES + tuple(
        w
        for t in targets
        for w in (*t.keywords, *t.region)
        if _HAS_NUMERAL.search(w) or _ONE_BIG.search(w)
    )
