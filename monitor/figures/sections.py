"""A document's structure as it frames figures: a report's section headings (一、2024年工作回顾
holds results, 二、2025年重点工作 pledges), a line naming the plan document it releases, a report's
title on the line of an opening, the headline; from the text, its sentence ends and its date."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date

from monitor.figures.firsts import places_of
from monitor.figures.months import PLAN_SEASON_ENDS
from monitor.figures.periods import _period
from monitor.figures.report_speech import announced_lists, report_speaking
from monitor.figures.year_lines import year_lines
from monitor.models import FigureKind

Frame = tuple[FigureKind | None, str | None]  # the kind a section's figures take, and its period

# A report's section heading: 一、2024年工作回顾 (a review), 二、2025年重点工作 (a plan),
# 2024年主要工作 (neutral words: its year decides). A heading ends its line, or says 是：.
_REVIEW_HEADINGS = ("工作回顾", "过去一年", "过去五年")
_PLAN_HEADINGS = (
    "主要预期目标",
    "主要目标任务",
    "重点工作",
    "工作安排",
    "重点任务",
    "主要任务",
    "工作任务",
    "总体安排",
    "民生实事项目",  # 温州市2024年民生实事项目: the year's list of projects to do
    "民生实事",
    "民心工程",  # 列出2024年十大民心工程: the same list by another name
)
_NEUTRAL_HEADINGS = ("主要工作",)
# A half-year summary's sections (一、上半年工作完成情况, 二、下半年工作打算): a heading of its own,
# at a line's start or after its number or a space, not the document's title that names both
_HALF_HEADING = re.compile(
    r"(?:^|(?<=[\s、]))(?:(?:19|20)[0-9]{2}\s*年)?(?:上半年|下半年|前三季度|今年|明年|全年)?"
    r"(?:工作)?(?:(完成情况|总结)|打算|计划|思路)(?=[。\s：:”」]|$)",
    re.MULTILINE,
)
# A department's summary naming itself on its title line (…局2024年工作总结, …规划中期评估, …规划
# 实施情况总结): its lines are its review. Not a title naming the next year's plan after it (…
# 工作总结和2025年工作安排: its numbered headings say which part is which).
_SUMMARY_TITLE = re.compile(
    r"(?:(?:19|20)[0-9]{2}\s*年度?|十[一二三四五六七八九]五”?)[^\n。，,；;：:]{0,24}?"
    r"(?:工作总结|实施情况(?:总结|评估|的?报告)|中期评估(?:报告)?|执行情况的?报告)"
    r"(?=[ \u3000]*(?:\n|$)|[ \u3000]+[一二三四五六七八九十（(])"
)
# A summary's numbered heading in words of its own (一、2024年工作成效, 二、下一步工作打算,
# 二、“十五五”开局之年工作思路): group 1 a review's words, else a plan's; a line of its own
# (the numeral first, so that a search jumps to it; that it starts its line is checked apart)
_NUMBERED_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])"
    r"[^\n。，,；;：:]{0,14}?(?:(工作成效|主要成效|工作成绩|主要成绩|取得的成效|工作进展|进展情况"
    r"|完成情况|工作总结|工作开展情况|执行情况)|工作(?:打算|思路|计划|安排|要点|设想|举措)|打算|思路"
    r"|(?:计划|预算)草案)"  # 一、2025年计划执行情况, 二、2026年…计划草案: a plan report's parts
    r"(?=[ \u3000]*(?:\n|$|[：:]))",
    re.MULTILINE,
)
_NUMBERED_WORDS = re.compile(r"成效|成绩|进展|情况|总结|打算|思路|计划|安排|要点|设想|举措|草案")
# Where such a heading may start its line (一、, 十二、, （三） at the text's start or after a line
# break or a space): patterns opening with a letter (、 or a bracket) the engine looks for in C,
# where _NUMBERED_HEADING's search tries each numeral of the text
_NUMBERED_MARKS = (
    re.compile(
        r"、(?:(?<=(?<!\S)[一二三四五六七八九十]、)|(?<=(?<!\S)[一二三四五六七八九十]{2}、))"
    ),
    re.compile(r"（(?<!\S（)"),
    re.compile(r"\((?<!\S\()"),
)
# News on a report naming its review by the verb (报告回顾了2023年的民生工作, 回顾过去一年)
_REVIEWED = re.compile(
    r"回顾了?(?:(?:19|20)[0-9]{2}\s*年|过去(?:的)?[一五]年|去年)"
)  # 2024年主要工作: reviewed in 2025, planned in 2024
_HEADING = re.compile(
    rf"((?:19|20)[0-9]{{2}})?年?(?:({'|'.join(_REVIEW_HEADINGS)})|({'|'.join(_NEUTRAL_HEADINGS)})"
    rf"|(?:{'|'.join(_PLAN_HEADINGS)}))(?=是?[。\s：:”」]|$)"  # 今年主要预期目标是：
)  # (news on a report quotes its headings: 报告在“2024年重点工作”中明确)
# A line naming a plan document it releases (成都发布2025年…工作要点, 印发《…行动计划》): what the
# lines after it give without a word of their own is that plan's, when it is of this year or a later
# one; a plan reported on (…计划完成情况) does not end its line with the document's name.
_PLAN_DOCUMENT = re.compile(
    r"(?:行动(?:计划|方案)|实施(?:方案|计划)|工作(?:方案|要点|计划)|建设计划|发展规划)》?"
    r"(?:的通知)?》?(?=[。\s]|$)"
)
_RELEASED = re.compile(r"发布|印发|出台|公布|制定|《")
# A new-media heading (政务新媒体): a year's scorecard (「成绩单」, 年终盘点) holds its results,
# its task list (「任务书」) and a policy explainer (政策解读) its plans. Said in brackets or on a
# line of its own (合肥发布｜2025民生实事「成绩单」出炉), not in a sentence (交出了一份成绩单，…).
_MEDIA_REVIEW = ("成绩单", "盘点", "回眸", "答卷", "半年报", "年报")
_MEDIA_PLAN = ("任务书", "政策解读", "今年目标", "年度目标", "新目标", "施工图", "时间表")
_MEDIA_HEADING = re.compile("|".join(_MEDIA_REVIEW + _MEDIA_PLAN))
_BRACKETED = re.compile(r"[「“［\[【《]$")
# A year written bare before a heading's noun (2025民生实事「成绩单」): the year it speaks of
_BARE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=[\u4e00-\u9fff「“])")
# A list of the year's projects announced on a line of its own (成都市2026年民生实事项目公布。)
_LISTS = ("民生实事", "民心工程", "为民办实事")
_LIST_RELEASED = re.compile(
    f"(?:{'|'.join(_LISTS)})(?:项目)?(?:清单)?(?:正式)?(?:发布|公布|出炉|揭晓|出台|印发)(?=[。\\s]|$)"
)
# The separators a new-media title puts before its section (…政府工作报告｜过去一年)
_TITLE_MARKS = (" ", "\u3000", "｜", "丨", "|")
# Looked for before _HEADING: it may match anywhere, so a search with it tries every place in the
# text (a tenth of an article's reading); most articles hold none of these words.
_HEADING_WORDS = _REVIEW_HEADINGS + _PLAN_HEADINGS + _NEUTRAL_HEADINGS
_DOCUMENT_WORDS = ("计划", "方案", "要点", "规划")
# The heading's words, where one ends a heading as _HEADING's look-ahead says: a pattern that
# opens with letters the engine looks for in C. The heading's own pattern opens with an optional
# year, so a search with it tries every place.
_HEADING_WORD = re.compile(rf"(?:{'|'.join(map(re.escape, _HEADING_WORDS))})(?=是?[。\s：:”」]|$)")
# A report's title, a source or a section number on the line of an opening, before a space
# (山西省政府工作报告 过去一年，…): no figure in it, and short.
_TITLE_BREAK = re.compile(
    r"(?:[^0-9０-９。，,；;\n]|(?:19|20)[0-9]{2}年){2,30}?[\u4e00-\u9fff)）][ \u3000]+(?=\S)"
)


# A report's title ending at a colon (长沙市政府工作报告：过去一年，…): short, no figure in it
_DOCUMENT_END = re.compile(r"(?:报告|公报|总结)$")
_DOCUMENT_COLON = re.compile(r"[^0-9０-９。，,；;\n：]{2,30}?(?:报告|公报|总结)：\s*(?=\S)")


def spaced(text: str, start: int, end: int) -> bool:
    """Whether a space breaks the first words of text[start:end], or a report's title ends at a
    colon there (山西省政府工作报告：过去一年，…): a title before an opening."""
    stop = min(end, start + 32)
    if text.find(" ", start + 1, stop) > 0 or text.find("\u3000", start + 1, stop) > 0:
        return True
    colon = text.find("：", start + 1, stop)
    return colon > 0 and _DOCUMENT_END.search(text, start, colon) is not None


# A statistical bulletin's title (河南省2024年国民经济和社会发展统计公报), a line of its own:
# what the document gives is that year's results
_BULLETIN = re.compile(r"(?:19|20)[0-9]{2}\s*年[^\n。，,]{0,30}统计公报(?=[ \u3000]*(?:\n|$))")
# A document reporting on a year: its 预计 figures, read early in the next, are the first results
_REPORT = re.compile(r"工作报告|预算执行|统计公报|国民经济和社会发展")


def title_end(text: str, s0: int, s1: int) -> int | None:
    """Where the words after a title on the line of text[s0:s1] start (山西省政府工作报告 过去一年，
    …, 山西省政府工作报告：过去一年，…: at 过去), or None when no short title without a figure
    comes first."""
    if text.find(" ", s0, s1) < 0 and text.find("\u3000", s0, s1) < 0:
        found = _DOCUMENT_COLON.match(text, s0, s1) if "：" in text[s0:s1] else None
        return found.end() if found else None  # most lines: no space to end a title at
    found = _TITLE_BREAK.match(text, s0, s1)
    return found.end() if found else None


def is_headline(text: str, ends: list[int], index: int) -> bool:
    """Whether sentence `index` is the headline: the first, a line of its own with no full stop
    (find_article_figures puts the title first; its ！ and ？ are inside it)."""
    if index != 0:
        return False
    end = ends[0]
    return (end == len(text) or text[end - 1] == "\n") and not any(c in text[:end] for c in "。；")


def report_at(text: str) -> int:
    """Where the text first names a report on a year (政府工作报告, 预算执行情况), or its length."""
    found = _REPORT.search(text)
    return found.start() if found else len(text)


def section_frames(text: str, ends: list[int], published: date | None) -> dict[int, Frame]:
    """The sentences holding a report's section heading or naming a plan document, by index,
    with the frame each opens: a review (工作回顾) holds results, a plan (重点工作, 主要预期目标,
    this year's 工作要点) pledges; a heading's year, when it names one, says which."""
    heads: list[tuple[re.Match[str], str | None]] = []
    if _MEDIA_HEADING.search(text):  # 「成绩单」, 「任务书」, 年终盘点 (a line naming both: "both")
        heads.extend(
            (m, _media_kind(text, m))
            for m in _MEDIA_HEADING.finditer(text)
            if _media_heading(text, m)
        )
    heads.extend((m, None) for m in matches_opening(_LIST_RELEASED, text, _LISTS))
    for m in _headings(text):
        heads.append((m, "review" if m.group(2) else m.group(3)))
    if _holds(text, "回顾"):
        heads.extend((m, "review") for m in _REVIEWED.finditer(text))
    if _holds(text, "打算", "完成情况", "下半年工作"):
        for m in _HALF_HEADING.finditer(text):
            if m.end() - m.start() > 2:  # not a bare 计划 after a space
                heads.append((m, "review" if m.group(1) else None))
    if _holds(text, "总结", "评估", "报告"):
        heads.extend((m, "summary") for m in _SUMMARY_TITLE.finditer(text))
    if "、" in text:
        heads.extend((m, "review" if m.group(1) else None) for m in _numbered_headings(text))
    if _holds(text, "统计公报"):  # a bulletin on a year, its title a line of its own: all review
        heads.extend((m, "review") for m in _BULLETIN.finditer(text))
    if "\n" in text:  # a line holding only a year: a review of it, or its plan
        heads.extend((m, "year") for m in year_lines(text))
    if _holds(text, "政府工作报告"):  # 政府工作报告：…; 政府工作报告说，…: the report's plan
        heads.extend((m, "speaker") for m in report_speaking(text, ends))
    heads.extend((m, None) for m in announced_lists(text))  # 将办好以下十件实事：…
    if _holds(text, *_DOCUMENT_WORDS):
        heads.extend((m, "document") for m in _PLAN_DOCUMENT.finditer(text))
    # the last heading in a sentence holds (a title naming 2025年工作安排, then 一、2024年工作成效),
    # with the period of one before it if it names none (二、2025年重点工作 （六）…民生实事)
    heads.sort(key=lambda head: head[0].start())
    found: dict[int, Frame] = {}
    for m, what in heads:
        index = bisect_right(ends, m.start())
        before = found.pop(index, None)
        _add(found, text, ends, published, m, what)
        frame = found.get(index)
        if frame is None and before is not None:
            found[index] = before
        elif frame is not None and before is not None and frame[1] is None:
            found[index] = (frame[0], before[1])
    return _years_carried(found)


def _holds(text: str, *words: str) -> bool:
    """Whether `text` holds one of `words`, each looked for only where its last letter is in it:
    `in` finds one letter at C speed (memchr), a word of Chinese letters letter by letter (~1 ns
    each, ~1.2 us an article), and most articles hold none of these words."""
    return any(word[-1] in text and word in text for word in words)


def _years_carried(found: dict[int, Frame]) -> dict[int, Frame]:
    """A heading naming no year under one of the same kind that names it (二、2026年…计划草案,
    then 主要预期目标：…) is of that year; a plan's never takes a review's year."""
    last: Frame | None = None
    for index in sorted(found):
        kind, year = found[index]
        if year is None and kind is not None and last is not None and last[0] == kind:
            found[index] = (kind, last[1])
        last = found[index]
    return found


def matches_opening(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` yields, for a pattern whose every match opens with one of
    `words` and looks at nothing before its start: tried only where those words are (a search
    with a pattern opening with one of many words tries each place holding a first letter)."""
    found: list[re.Match[str]] = []
    end = 0
    for at in places_of(text, words):
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append(m)
            end = m.end()
    return found


def _numbered_headings(text: str) -> list[re.Match[str]]:
    """What `_NUMBERED_HEADING.finditer(text)` yields that starts its line, the search made only
    when one of the places where such a heading may start (_NUMBERED_MARKS) holds one."""
    for marks in _NUMBERED_MARKS:
        for mark in marks.finditer(text):
            for start in range(max(0, mark.start() - 2), mark.start() + 1):
                if (start == 0 or text[start - 1].isspace()) and _NUMBERED_HEADING.match(
                    text, start
                ):
                    return [
                        m
                        for m in _NUMBERED_HEADING.finditer(text)
                        if m.start() == 0 or text[m.start() - 1].isspace()  # starts its line
                    ]
    return []


_YEAR_BEFORE = 5  # 2024年 before a heading's words


def _headings(text: str) -> Iterator[re.Match[str]]:
    """What `_HEADING.finditer(text)` yields, found from where the heading's words are: a match
    starts at most a year and 年 before its words, never before the words' first place."""
    pos = 0
    while (word := _HEADING_WORD.search(text, pos)) is not None:
        at = word.start()
        for start in range(max(pos, at - _YEAR_BEFORE), at + 1):
            m = _HEADING.match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1


_DONE_WORDS = re.compile(r"完成|落实|执行|实施情况|总结")


def _title_line(text: str, line: str, end: int) -> bool:
    """Whether the plan document's name is a line of its own, its title (南昌市交通运输局2024年
    工作要点), not a sentence saying a plan was carried out (全面完成年度工作计划。)."""
    return (
        text.startswith("\n", end)
        and not any(c in line for c in "，,。；：:")
        and not _DONE_WORDS.search(line)
    )


def _planned(year: int | None, published: date | None) -> bool:
    """Whether a heading of neutral words naming `year` is a plan: a later year, or this one read
    by March (this year's 主要工作 in December is its summary: no frame)."""
    if year is None or published is None:
        return False
    return year > published.year or published.month <= PLAN_SEASON_ENDS


def _after_title(line: str) -> int:
    """Where a heading's own words start on its line: after the last space or bar, when a title
    comes first (…政府工作报告 过去一年, …政府工作报告｜过去一年), else at the line's start."""
    return max(map(line.rfind, _TITLE_MARKS)) + 1


def _media_kind(text: str, m: re.Match[str]) -> str | None:
    """What a new-media heading opens: "review", a plan (None), or "both" where its line names a
    scorecard and a task list (2025「成绩单」与2026「任务书」), which frames nothing."""
    start, end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    line = text[start : len(text) if end < 0 else end]
    review = any(w in line for w in _MEDIA_REVIEW)
    if review and any(w in line for w in _MEDIA_PLAN):
        return "both"
    return "review" if review else None


def _media_heading(text: str, m: re.Match[str]) -> bool:
    """Whether a new-media heading word is a heading: in brackets (「成绩单」), or on a line with
    no comma or full stop before it, the line's last words or before 出炉, 来了 (…年终盘点)."""
    start = text.rfind("\n", 0, m.start()) + 1
    if _BRACKETED.search(text, max(start, m.start() - 1), m.start()):
        return True
    line_end = text.find("\n", m.end())
    rest = text[m.end() : len(text) if line_end < 0 else line_end]
    head = text[start : m.start()]
    return not any(c in head for c in "，,。；;") and (
        not rest.strip() or rest[:2] in ("出炉", "来了")
    )


def _add(
    found: dict[int, Frame],
    text: str,
    ends: list[int],
    published: date | None,
    m: re.Match[str],
    what: str | None,
) -> None:
    """Add to `found` the frame the heading (or plan document) `m` opens, if it opens one."""
    index = bisect_right(ends, m.start())
    if index >= len(ends) or index in found:
        return
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.end()]
    if what == "document" and not (_RELEASED.search(line) or _title_line(text, line, m.end())):
        return
    if what == "both":
        found[index] = (None, None)  # a line naming both: no frame of its own, none before it
        return
    # 一、过去五年工作回顾: 2018-2022; a report's title before it on its line is not its time
    # (2025年…政府工作报告 过去一年工作回顾: 2024)
    period = _period(line[_after_title(line) :], published)
    if what == "year":
        period = m.group(1)
    elif period is None and what != "document" and (bare := _BARE_YEAR.search(line)):
        period = bare.group(1)  # 2025民生实事「成绩单」
    if period is None and what == "review" and published and published.month <= PLAN_SEASON_ENDS:
        period = str(published.year - 1)  # a scorecard read by March: the year just ended
    year = int(period[:4]) if period and period[:4].isdigit() else None
    past = year is not None and published is not None and year < published.year
    frame: FigureKind | None = None
    if what == "document":
        frame = None if past else "pledge"  # last year's plan: its lines may be results
    elif what == "speaker":  # this year's report, not an earlier one's
        frame = None if past else "pledge"
        period = period or (str(published.year) if published else None)
    elif what == "summary":
        frame = "achieved"  # …局2024年工作总结; …规划中期评估: its sentences date themselves
        period = None if period is None or "-" in period else period
    elif what == "review" or past:
        frame = "achieved"  # 2024年主要工作, 2024年重点任务 read in 2025: its review
    elif what is None or _planned(year, published):  # plan words; neutral ones with a year
        frame = "pledge"

    if frame is not None:
        found[index] = (frame, period)
