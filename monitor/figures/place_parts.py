"""The parts of a place named right after it (福州鼓楼区, 德清县新市镇, 苏州工业园区): each a
place of its own, whose figure is not the whole's; and the rest of a wider place, the named one
left out (长沙以外的市州, 除武汉外); and 各地 told what to do by the page's own document (通知明确，
各地须…): the localities of the place the page is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# A district, street or town named right after the place it is in (福州鼓楼区, 西湖区北山街道,
# 德清县新市镇, 合肥高新区): a part of that place, whose figure is not the whole's. Only after a
# place's own name (全市棚户区 is no place), and not a common noun ending like one (居民小区,
# 示范区, 建成区, 城区, 园区), nor a word of the county as a scope (安徽紧密型县域医共体, 县城),
# nor the region's own level word after its name (内蒙古自治区: the region itself)
_PART_NAMED_AFTER = re.compile(
    r"(?![市省全各城郊主中心老已将今去前共累]|自治)[\u4e00-\u9fff]{2,3}?(?:区|县|街道|镇)"
    # (云南实现地区生产总值: the output, no part)
    r"(?![\u4e00-\u9fff]?[区县镇]|生产总值|(?<=县)[域城]|(?<=区)域)"
    r"(?<!小区|社区|园区|户区|成区|范区|城区|片区|库区|山区|景区|街区|辖区|市区|郊区|矿区|牧区"
    r"|林区|业区|发区|验区|保区|点区|乡镇|城镇|村镇|集镇"
    r"|整县|整区|整镇)"  # 山东延包整县试点: the whole county's roll-out, no part's name
    r"(?<!各区)(?<!各县)(?<!各镇)"  # 要求各区市加快进度: each district, no part's name
    r"(?<!单位地区)(?<!万元地区)"  # 江西单位地区生产总值能耗: a measure per unit of output
)
# …or a zone named after it (苏州工业园区, 武汉东湖高新区, 南京经济技术开发区, 青岛西海岸新区): a
# name of up to six letters, no word of a clause's own (的, 加快, 推进…), before a zone's word
_ZONE_NAMED_AFTER = re.compile(
    r"(?![各全重省市县国主中心老已将今去前共累在对为和与及把])"
    r"(?:(?![的在和与及对为将把加推建设])[\u4e00-\u9fff]){0,6}?"
    r"(?:高新区|开发区|工业园区|产业园区|新区|实验区|保税区)"
)


def part_named_after(text: str, end: int) -> re.Match[str] | None:
    """The part of a place named at `end`, right after the place's own name, if one is."""
    return _PART_NAMED_AFTER.match(text, end) or _ZONE_NAMED_AFTER.match(text, end)


# A place named only to be left out: after it 以外/之外 (长沙以外的市州), or 除 before it and 外 or
# 以外 after (除武汉外，…其余城市): the others speak, never it
_OUTSIDE = re.compile(r"(?:以|之)?外")


def left_out(text: str, start: int, end: int) -> int:
    """Where the words leaving the place at text[start:end] out end, or 0 if none follow it."""
    found = _OUTSIDE.match(text, end) if "外" in text[end : end + 2] else None
    if found is None or (found.end() - end == 1 and text[start - 1 : start] != "除"):
        return 0
    return found.end()


# 各地 told what to do (要点提出，各地要…; 通知明确，各地须…): the localities the page's own
# document speaks to, unless a national body tells them (住房城乡建设部要求，各地要…); not 各地需求
_TOLD = re.compile(r"要(?![求点])|须|需(?!求)|应|务必|必须")
_NATIONAL_BODY = re.compile(r"国务院|中央|国家|部(?:要求|印发|明确|提出|强调)")


def localities_told(text: str, start: int, end: int) -> bool:
    """Whether 各地 (at `start`..`end`) is told what to do by a document not the nation's."""
    return bool(_TOLD.match(text, end)) and not _NATIONAL_BODY.search(text, 0, start)


_COUNT = re.compile(r"\s*[0-9０-９]+\s*")


class _Said(Protocol):
    kind: str
    start: int
    word: str


def own_parts_counted(text: str, start: int, word: str, last: Sequence[_Said]) -> bool:
    """Whether a place word at `start` is only 个 and a level after a count right after the
    target's own place, the `last` region word (全县14个乡镇, 南昌9个县区): its parts counted,
    all of them, no other place (沿线8个县区 is some)."""
    if not word.startswith("个") or not last or last[-1].kind != "own":
        return False
    return _COUNT.fullmatch(text, last[-1].start + len(last[-1].word), start) is not None


# A subject ranked among the nation's provinces or cities (稳居全国各产粮大省前五, 位列全国
# 大中城市前五, 位居全国各省份第三): a province or a city, never the nation itself
_RANKED_AMONG_PARTS = re.compile(
    r"(?:居|位居|位列|排名|排在|列)全国[\u4e00-\u9fff0-9]{0,8}?(?:省份|省区|省市|省|城市|地市)"
    r"[\u4e00-\u9fff0-9]{0,3}?(?:第|首位|前列|前[0-9一二三四五六七八九十]|榜首)"
)


def ranked_among_parts(sentence: str, found: Sequence[_Said]) -> bool:
    """Whether the sentence ranks its subject among the nation's provinces or cities, naming no
    place (`found`: its region words) that could be the one ranked (其中黑龙江…居全国各省第一)."""
    if "全国" not in sentence or _RANKED_AMONG_PARTS.search(sentence) is None:
        return False
    return not any(m.kind == "place" for m in found)


# A place word opening a meeting's name (全国…工作会议, 全省两会): the meeting's, no
# subject whose figures follow
_MEETING_AFTER = re.compile(r"[^\s，,。；;、：:“”]{0,14}?(?:会议|大会|两会|论坛|峰会)")


def meeting_named(text: str, end: int) -> bool:
    """Whether the place word ending at `end` opens the name of a meeting."""
    return _MEETING_AFTER.match(text, end) is not None
