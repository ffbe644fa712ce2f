"""The rows of a progress table that count a target: a row labelled with its keyword (not a
longer noun it only modifies: 单位地区生产总值能耗降低 is no row of 地区生产总值); or, when the
caption, title or a column header names it and the rows are its places, parts or months, the row
of the whole (合计, 全市, the watched region's own row among a province's cities) or each month's.
"""

from __future__ import annotations

import re

from monitor.figures.cues import A_YEAR
from monitor.figures.keywords import may_split, split_matches
from monitor.figures.nouns import other_measure
from monitor.figures.place_levels import other_level
from monitor.figures.places import GENERIC, PLACES, mentions, speaks_for
from monitor.figures.row_nouns import noun_before_work
from monitor.figures.table_names import role_rows, thing_words, titled
from monitor.figures.table_stages import stage_in, stages_down
from monitor.figures.table_units import PLAN_ROW
from monitor.figures.table_years import BARE_YEAR
from monitor.models import Table, Target

# A row of the whole: 合计, 全省合计, 总计, 全市
_TOTAL = re.compile(
    r"(?:全国|全省|全市|全区|全县|全州|总体)?(?:合计|总计|小计|共计|总体)|全国|全省|全市"
)
# …or the noun's own total among its kinds (充电桩合计 above 公共充电桩, 私人充电桩)
_TOTAL_OF = re.compile(r"(?:合计|总计|共计|总数)$")
_PART = re.compile(r"其中|包括|含[:：]|[(（]?[0-9一二三四五六七八九十]+[)）]")
_OF_WHICH = re.compile(r"(?:其中|包括|含)[:：]?\s*")
_DIGIT_FIRST = re.compile(r"[-+－＋−]?\s*[0-9０-９.]")
# A footnote's mark after a label or a cell (合计①, 38.2*, 全市（注）), a label's colon: no words
_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")  # a unit or a gloss in a label: （万人）
_SPACES = re.compile(r"[\s\u3000]+")
_MARK = re.compile(r"\s*(?:[①-⑳*＊※#△▲]+|[(（]注[0-9]*[)）]|注[0-9]+|[:：])$")
_MARK_ENDS = frozenset("*＊※#△▲)）0123456789:：" + "".join(map(chr, range(0x2460, 0x2474))))
# A row of one period (1月, 1—6月, 一季度, 上半年, 2024年9月): the caption's measure month by month
_PERIOD = re.compile(
    r"(?:(?:(?:19|20)[0-9]{2}\s*年)?(?:(?:[0-9]{1,2}|十?[一二三四五六七八九十])\s*(?:[-—–~至]\s*[0-9]{1,2}\s*)?月份?|"
    r"[一二三四1-4]\s*季度|前三季度|上半年|下半年|全年)|(?:19|20)[0-9]{2}\s*年(?:度|末|底)?)"
    r"(?:累计|合计|小计|末|底)?"
)
# The total below rows of periods (7月, 8月, 累计)
_RUNNING = re.compile(r"累计|合计|总计|共计|小计")
_OR_PLAN = re.compile(f"{_RUNNING.pattern}|{PLAN_ROW.pattern}")  # …or the year's plan (全年目标)
# A label naming a change (地区生产总值增长, 单位能耗下降): its cells are rates in %
_CHANGE = re.compile(r"(?:同比|比上年|比去年)?(?:增长|增速|增幅|下降|降低|减少|回落|提高|上升)$")
# A row named by a change alone (增长（%）, 比上年增长%, 增速): the change of the row above it
_GROWTH_ROW = re.compile(
    r"(?:同比|比上年|比去年)?(?:增长|增速|增幅|增长率|下降|增减|[±])\s*(?:[（(]?[%％][）)]?)?"
)
_FALL = re.compile(r"(?:下降|降低|减少|回落)$")


_NAMES = frozenset(PLACES)
# A district's or county's name (青柳区2025年…): over a 全区 row, the row is that district's
_LOCAL_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:新区|区|县|旗)")


def bare(label: str) -> str:
    """The label without a footnote's mark or a closing colon (合计① → 合计, 小计： → 小计); _MARK
    tried only on a label whose last letter (before a closing line break) is one it ends with."""
    end = label[-2:-1] if label.endswith("\n") else label[-1:]
    return _MARK.sub("", label) if end in _MARK_ENDS else label


def _plain(label: str) -> str:
    """The label as words: no footnote's mark, no spaces set between its characters (合　计)."""
    return _SPACES.sub("", bare(label))


def label_of(row: tuple[str, ...], labels: list[int]) -> str:
    """The row's label: its last label cell with text (the most specific one); with none, words
    in its first cell (合计 written in the 序号 column)."""
    for i in reversed(labels):
        if i < len(row) and row[i]:
            return row[i]
    first = row[0].strip() if row else ""
    return first if first and not _DIGIT_FIRST.match(first) else ""


def group_of(row: tuple[str, ...], labels: list[int]) -> str:
    """The label cells before the row's own label that say something else (北沙区 merged down
    beside 小计): the group the row belongs to; "" for a row labelled by one cell."""
    last = label_of(row, labels)
    cells = [row[i] for i in labels if i < len(row) and row[i] and row[i] != last]
    return " ".join(dict.fromkeys(c for c in cells if c not in last))


def shown_label(row: tuple[str, ...], labels: list[int]) -> str:
    """The row's label as a figure quotes it: a subtotal or total with the group it sums
    (北沙区 小计), else its own label."""
    label, group = label_of(row, labels), group_of(row, labels)
    return f"{group} {label}" if group and _TOTAL.fullmatch(_plain(label)) else label


def names(text: str, target: Target) -> bool:
    """Does text hold one of target's keywords (each part of a 保障性…住房 in order)?"""
    return _keyword_end(text, target) >= 0


def _keyword_end(text: str, target: Target) -> int:
    """Where the first keyword of target found in text ends; -1 when none is there."""
    return _keyword_span(text, target)[1]


def _keyword_span(text: str, target: Target) -> tuple[int, int]:
    """Where the first keyword of target found in text begins and ends; (-1, -1) when none is."""
    for keyword in target.keywords:
        at, start = 0, -1
        for part in keyword.split("…"):
            at = text.find(part, at) if part else at
            if at < 0:
                break
            start = at if start < 0 else start
            at += len(part)
        else:
            return max(start, 0), at
    for keyword in target.keywords:  # 燃气老化管道 for 燃气管道: split by an aspect or state word
        split = split_matches(text, keyword) if may_split(text, keyword) else None
        if split:
            return split[0].span()
    return -1, -1


def _part_is_own(label: str, above: str, target: Target) -> bool:
    """A part's row that is the target's own: 其中：新能源汽车 below 汽车, for 新能源汽车, or
    其中：公共充电桩 below 充电桩合计 for a target keyed 公共充电桩 and 充电桩; not 其中：公共充电桩
    (a kind of 充电桩) for 充电桩, nor a part with no broader row above it to be a part of."""
    rest = _OF_WHICH.sub("", label, count=1)
    own = [k for k in target.keywords if "…" not in k and rest.startswith(k)]
    return bool(own) and bool(above) and not any(k in above for k in own)


def _kinds(
    named: list[tuple[tuple[str, ...], str]], wider: str, target: Target
) -> list[tuple[tuple[str, ...], str]]:
    """The named rows holding a keyword of the target that the words of the whole (`wider`:
    the caption, the title, the total's label) do not, where these hold a broader one inside
    it (其中：公共充电桩 under 充电桩合计 in a table of 充电桩): the target's kind among the
    whole's kinds."""
    words = [k for k in target.keywords if "…" not in k]
    broad = [k for k in words if k in wider]
    narrow = [k for k in words if k not in wider and any(b in k and b != k for b in broad)]
    return [(row, label) for row, label in named if any(k in label for k in narrow)]


# A row of the stock (累计建成充电桩, 充电桩总数, 保有量): a level, beside the row of the additions
_STOCK_ROW = re.compile(r"^累计|总数|总量|保有量|存量")


def stock_row(table: Table, row: tuple[str, ...], labels: list[int], target: Target) -> bool:
    """Is the row the stock of the target's thing (累计建成充电桩（个）) while another row counts
    what was added (新建充电桩（个）)? Its results are levels (cumulative), not the period's."""
    label = _plain(label_of(row, labels))
    if not _STOCK_ROW.search(label) or is_period(label):
        return False
    if _STOCK_ROW.search(target.title) and names(label, target):
        return True  # 充电桩总数 for a target of the total (贵阳充电桩总数): its level
    return any(
        other is not row and names(text, target) and not _STOCK_ROW.search(text)
        for other in table.rows
        if (text := _plain(label_of(other, labels)))
    )


def change_of(label: str, unit: str | None) -> tuple[bool, bool]:
    """Whether a row label names a change (…增长, …下降) in a row in % (its cells are rates),
    and a fall."""
    label = _BRACKETS.sub("", bare(label)).rstrip()
    change = _CHANGE.search(label) is not None and unit in ("%", "％")
    return change, _FALL.search(label) is not None


def is_period(cell: str) -> bool:
    """Is a cell a month, a quarter or a half year (a row's label, though it opens with a digit)?"""
    return _PERIOD.fullmatch(bare(cell).replace(" ", "")) is not None


def year_of(label: str) -> str | None:
    """The year a row of one period names (2022年, 2024年1-9月, a yearbook's 2021), else None."""
    found = A_YEAR.match(label) if is_period(label) else BARE_YEAR.fullmatch(label)  # (2021)
    return found.group(1) if found else None


def periods_down(table: Table, labels: list[int]) -> bool:
    """Are the rows periods (1月 … 6月, 一季度 …): every labelled row a month or a quarter, or
    their total (累计, 合计) below them, or the year's plan (全年目标) beside them."""
    said = [_plain(label) for row in table.rows if (label := label_of(row, labels))]
    periods = [label for label in said if is_period(label) or BARE_YEAR.fullmatch(label)]
    totals = [x for x in said if not is_period(x) and _OR_PLAN.fullmatch(x)]
    return len(periods) >= 2 and len(periods) + len(totals) == len(said) and len(totals) <= 1


def _own_row(label: str, target: Target) -> bool:
    """A row labelled with the target's keyword that counts it, not a longer noun it modifies
    (单位地区生产总值能耗降低: a rate of 能耗)."""
    end = _keyword_end(label, target)
    if end < 0:
        return False
    rest = _BRACKETS.sub("", label[end:])
    return other_measure(rest) is None and noun_before_work(rest) is None


# Upkeep of a thing (养护, 维护, 管护, 运维) is other work than building or renewing it
_UPKEEP = re.compile(r"养护|维护|管护|运维|保洁|巡查|检修")


def _upkeep(text: str, target: Target) -> bool:
    """Does `text` name upkeep of the target's thing (供水管网养护工程) when the target names none
    (改造供水管网)?"""
    end = _keyword_end(text, target)
    if end < 0 or _UPKEEP.search(target.title + "".join(target.keywords)):
        return False
    return _UPKEEP.search(text, end, end + 4) is not None  # 农村公路(日常)养护


def rows_for(
    table: Table,
    target: Target,
    labels: list[int],
    title: str,
    lead: str,
    *,
    across: bool,
    source: tuple[str, ...] = (),
    intro: str = "",
) -> list[tuple[str, ...]]:
    """The rows that count the target: a row labelled with its keyword; or, when the caption,
    title, the `intro` above the table or (`across`) a column header names the measure and the
    rows are its places, parts or months, the row of the whole or each month's."""
    if any(word and word in text for word in target.exclude for text in (table.caption, title)):
        return []
    if _upkeep(table.caption, target) or _upkeep(title, target):
        return []  # 农村公路养护 for a target of building roads: another work on the thing
    rows = [(row, _plain(label_of(row, labels))) for row in table.rows]
    groups = {id(row): group_of(row, labels) for row in table.rows}
    named = _named(rows, labels, target)
    whole: list[tuple[tuple[str, ...], str]] = []
    if across or any(names(text, target) for text in (table.caption, title, intro)):
        if not named and (periods_down(table, labels) or stages_down([label for _, label in rows])):
            region = region_ok("", table.caption, title, lead, target, source)
            return [row for row, label in rows if label and region]
        whole = [
            (row, label)
            for row, label in rows
            if (_TOTAL.fullmatch(label) or (_TOTAL_OF.search(label) and names(label, target)))
            and region_ok(groups[id(row)] + label, table.caption, title, lead, target, source)
        ]
        whole = _no_subtotals(whole, groups, target)
        if (
            not whole and not named and len(rows) == 1
        ):  # one row of the caption's measure (指标 | 数值), not a part named as a place
            whole = [
                (row, label)
                for row, label in rows
                if label and (not mentions(label, target.region) or _own_place(label, target))
            ]
        if not whole and target.region:
            whole = [(row, label) for row, label in rows if _own_place(label, target)]
        if not whole and not named and across:  # 全省铁路 | 营业里程 for 全省铁路营业里程
            whole = [(row, label) for row, label in rows if titled(label, target)]
        flows = [label for _, label in named if not _STOCK_ROW.search(label)]
        flows = [] if len({stage_in(f) for f in flows} - {None}) == len(flows) else flows  # 竣工
        kinds = _kinds(named, " ".join([table.caption, title, *(lb for _, lb in whole)]), target)
        if kinds:  # 其中：公共充电桩 for 公共充电桩: the total (充电桩合计) is of every kind
            whole, named = [], kinds
        elif whole or len(flows) > 1:  # (one row and its stock, 累计建成…, or its stages: no parts)
            named = []  # the named rows are parts (区域级绿道) of the whole
    return [
        row
        for row, label in whole + named + role_rows(rows, named)  # (…目标 | 10, then 实际完成)
        if not any(word and word in label for word in target.exclude)
        and region_ok(groups[id(row)] + label, table.caption, title, lead, target, source)
    ]


def _named(
    rows: list[tuple[tuple[str, ...], str]], labels: list[int], target: Target
) -> list[tuple[tuple[str, ...], str]]:
    """The rows labelled with the target's keyword (a part only where it is the target's own),
    of rows told apart by their own words those the target's title says (_siblings)."""
    named = [
        (row, label)
        for k, (row, label) in enumerate(rows)
        if label
        and (not _PART.match(label) or _part_is_own(label, rows[k - 1][1] if k else "", target))
        and _own_row(" ".join(bare(row[i]) for i in sorted(labels) if i < len(row)), target)
    ]
    growth = [  # 地区生产总值（亿元） above 增长（%）: the growth row is the named row's
        rows[k + 1]
        for k, item in enumerate(rows[:-1])
        if item in named and _GROWTH_ROW.fullmatch(rows[k + 1][1])
    ]
    return _siblings(named, target) + growth


def _rest(label: str, target: Target) -> tuple[str, str]:
    """A row label's words before and after the shortest of the target's keywords in it, the
    broadest (开发城镇公益性岗位 → 开发城镇, "" for keywords 乡村公益性岗位, 公益性岗位), without
    units in brackets."""
    label = thing_words(_BRACKETS.sub("", _OF_WHICH.sub("", label, count=1)))  # (新建12个…)
    for keyword in sorted(target.keywords, key=len):
        at = label.find(keyword) if "…" not in keyword else -1
        if at >= 0:
            return label[:at], label[at + len(keyword) :]
    start, end = _keyword_span(label, target)
    return (label[:start], label[end:]) if start >= 0 else (label, "")


def _siblings(
    named: list[tuple[tuple[str, ...], str]], target: Target
) -> list[tuple[tuple[str, ...], str]]:
    """Of rows that name the target's keyword with words of their own (开发乡村公益性岗位,
    开发城镇公益性岗位; …参保人数, …领取待遇人数), those whose words the target's title says when
    another's it does not: the others count another thing. A stock row (累计建成…) and a row of
    another stage of the work (供应… beside 筹集…, which table_stages reads) stay."""
    if len(named) < 2:
        return named
    fits: list[bool | None] = []  # None: nothing of its own beside it, or a stage of work
    title = f"{target.title} {thing_words(target.title)}"  # (新增3000个…: 新增… too)
    for _, label in named:
        before, after = _rest(label, target)
        words = [w for w in (before, after) if w]
        staged = any(stage_in(w) for w in words)  # 供应… beside 筹集…: table_stages weighs it
        fits.append(all(w in title for w in words) if words and not staged else None)
    if True not in fits or False not in fits:
        return named
    return [
        item
        for item, fit in zip(named, fits, strict=True)
        if fit is not False or _STOCK_ROW.search(item[1])
    ]


def _no_subtotals(
    whole: list[tuple[tuple[str, ...], str]], groups: dict[int, str], target: Target
) -> list[tuple[tuple[str, ...], str]]:
    """The rows of the whole without 小计 (a group's subtotal: 市区 小计, 县域 小计), unless a lone
    小计 is the only total there is; the subtotal of a group that is the watched place (北沙区 |
    小计 for 北沙区) is its whole, and the only one."""
    own = [item for item in whole if _is_own(groups[id(item[0])], target)]
    if own:
        return own[:1]
    subtotals = [(row, label) for row, label in whole if label.endswith("小计")]
    if len(subtotals) == 1 and len(whole) == 1:
        return whole
    return [item for item in whole if item not in subtotals]


def _is_own(label: str, target: Target) -> bool:
    found = mentions(label, target.region)
    return bool(found) and speaks_for(found, target.region) is True


def _own_place(label: str, target: Target) -> bool:
    """Is the row the watched place itself (泉州市, 泉州市（含开发区）, 合计（全市）), not a zone
    or a part named after it (泉州台商投资区, 泉州经开区)?"""
    words = [_BRACKETS.sub("", label).strip(), *(b[1:-1] for b in _BRACKETS.findall(label))]
    places = {p for r in target.region for p in (r, f"{r}市", f"{r}省", f"{r}区", f"{r}县")}
    places = {p for p in places if not other_level(p, target.region)}  # 文山市 for 文山州
    names_it = any(w in places for w in words)
    return names_it and _is_own(label, target)


def region_ok(
    label: str, caption: str, title: str, lead: str, target: Target, source: tuple[str, ...] = ()
) -> bool:
    """The nearest place named (the row label, the caption, the title, the lead's first
    paragraph that names one: not a note below naming a district) is the target's; where none
    is named, the source's own region (`region:`) decides, else the page is taken as the watched
    region's, as a sentence naming no place is (regional.py). A target without regions takes
    every row."""
    if not target.region:
        return True
    for keyword in target.keywords:  # 增城 inside 新增城镇就业 is no place
        label = label.replace(keyword, "　")
    generic = False  # a row of 全市 is the city the caption or title names, if they name one
    for k, text in enumerate((label, caption, title, *lead.split("\n"))):
        found = mentions(text, target.region)
        if generic:  # only a name (not 各市州, 其他县区), a district's or county's too (青柳区)
            found = [
                m
                for m in found
                if m.word in _NAMES
                or (m.kind == "own" and m.word not in GENERIC)
                or (m.kind == "place" and _LOCAL_NAME.fullmatch(m.word))
            ]
            if k > 2 or not found:
                continue
        said = speaks_for(found, target.region)
        if said and k < 2 and all(m.word in GENERIC for m in found):
            generic = True
            continue
        if said is not None:
            return said
    if generic:
        return True
    said = speaks_for(mentions("、".join(source), target.region)[:1], target.region)
    return said is not False
