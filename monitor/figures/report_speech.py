"""Who or what a sentence says it gives: a line's label (成绩单：… results, 任务书：… plans), and
news on a year's work report giving the report as its speaker (政府工作报告：…, 政府工作报告说，…,
国务院政府工作报告提出，…): what that sentence and those after it give with no word of their own is
the report's plan, as a plan document's lines are (sections.section_frames)."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.months import PLAN_SEASON_ENDS
from monitor.models import FigureKind

# The report opening a sentence as its speaker, a say-verb or a colon after it; not a review's
# time right after (政府工作报告说，过去一年…, 去年…: the report's review, its own frame)
_REPORT_SPEAKS = re.compile(
    r"[^。，,；;：:！？!?\n]{0,16}?政府工作报告(?:中|里)?(?:说|指出|提出|明确|强调|要求|称)?"
    r"[：:，,]\s*(?!过去|去年|上年|一年来|五年来|几年来)"
)


# A document or meeting that sets, its content after a mark opening with a year (方案提出，2024年
# …; 规划纲要明确，2023年…; 会议提出：…): the plan put forward; not what it shows or points out
# (报告显示，…; 报告指出，…), nor a span to now (2021年以来…)
_DOCUMENT_SETS = re.compile(
    r"(?:报告|规划|纲要|方案|意见|会议|文件|通知|要点)(?:中|里)?(?:提出|明确)[，,：:]\s*"
    r"(?:19|20)[0-9]{2}\s*年(?!以来|[底末]|度?(?:以|之)?前)"
)
# …until a clause opens with a time of its own or a semicolon closes the part
_TIME_AGAIN = re.compile(
    r"[；;]|[，,]\s*(?:今年|明年|去年|上年|过去|目前|截[至止]|(?:19|20)[0-9]{2}\s*年)"
)


def put_forward(head: str) -> bool:
    """Whether the clause `head` ends with (the sentence up to its end) is what a document or
    meeting put forward (方案提出，2024年新建停车位…、改造城镇老旧小区…): the year is the
    plan's, not a time that makes the clause a result of a year gone by."""
    if "提出" not in head and "明确" not in head:
        return False
    found = list(_DOCUMENT_SETS.finditer(head))
    return bool(found) and _TIME_AGAIN.search(head, found[-1].end()) is None


def report_speaking(text: str, ends: list[int]) -> list[re.Match[str]]:
    """The openings of the sentences of `text` (their ends at `ends`) whose speaker is a work
    report (_REPORT_SPEAKS)."""
    found = []
    start = 0
    for end in ends:
        while start < end and text[start].isspace():
            start += 1
        if "政府工作报告" in text[start : min(end, start + 24)]:
            m = _REPORT_SPEAKS.match(text, start, end)
            if m is not None:
                found.append(m)
        start = end
    return found


# A line's label naming its part of a new-media scorecard (成绩单：新建…；任务书：新建…)
_LABEL = re.compile(
    r"[\s①-⑳●▶■◆★·]*(?:(成绩单|完成情况|工作成效|实际完成)|任务书|目标任务|工作打算|新目标"
    r"|[^，,。；：:\s]{0,12}?政府工作报告"  # (政府工作报告：新开工…, a headline citing it)
    # (今年的目标与去年基本持平：…; 全年目标：…: this year's goal, then its items)
    r"|(?:今年的?|全年|年度|本年度?的?)(?:主要)?目标[^，,。；：:\s]{0,10}?)[：:]"
)


def labelled(sentence: str, published: date | None) -> tuple[FigureKind | None, str | None] | None:
    """The frame a sentence's label opens (成绩单：… results, 任务书：… the year's plans), a
    scorecard's read by March being the year just ended's; None if it opens with no label."""
    m = _LABEL.match(sentence)
    if m is None:
        return None
    if not m.group(1):
        return "pledge", str(published.year) if published else None  # the year's task list
    early = published is not None and published.month <= PLAN_SEASON_ENDS
    return "achieved", str(published.year - 1) if early and published else None


# A sentence announcing, under a word of plan, the list of work that follows it (拟从以下五个方面
# 推进：…; 将为群众办好十件实事：; 要重点抓好以下几件事：; 确定了五项惠民实事，分别为：…): the
# list's items with no word of their own are that plan's, as a plan section's heading opens; not a
# review's list (一年来，重点做了以下工作：), which has a word of the past before its colon
_ANNOUNCES = re.compile(
    r"(?:拟|将(?<![现特兹]将)(?!近)|要(?<![主重需只必不纲]要)(?![求素点闻])|计划|确定|定下)"
    r"[^。；;\n：:]{0,24}?"
    r"(?:以下|如下|下列|[0-9一二三四五六七八九十几两]+(?:件|项)[^。；;\n：:，,]{0,6}?实事)"
    r"[^。；;\n：:]{0,12}?[：:]"
)
# (确定了…, 已定下…: the plan decided, no review; a report's opening, 现将…情况报告如下：, 有关
# 情况通报如下：, tells what was done)
_REVIEWING = re.compile(
    r"已(?!经?(?:确定|定下))|过去|去年|上年|一年来|五年来|回顾|了(?<!确定了)(?<!定下了)"
    r"|通报|报告|汇报|公布|说明|介绍|总结|公示|通告|反馈|情况|成效|成绩|进展"
)
_LIST_POINTERS = ("以下", "如下", "下列", "实事")
# …or a sentence naming them right after one that announces them (…将集中办好10件为民实事。10件
# 实事是：…)
_WORKS_NAMED = re.compile(
    r"\s*[0-9一二三四五六七八九十]{1,3}(?:件|项)(?:为民|民生|惠民)?实事(?:项目)?"
    r"(?:是|为|包括|分别是|分别为)?[：:]"
)
_WORKS_ANNOUNCED = re.compile(
    r"(?:拟|将(?<![现特兹]将)(?!近)|要(?<![主重需只必不纲]要)(?![求素点闻])|计划)"
    r"[^。；;\n：:]{0,30}?实事"
)


def announced_lists(text: str) -> list[re.Match[str]]:
    """The announcements of a list of work to come in `text` (_ANNOUNCES), none of a review's.

    What `_ANNOUNCES.finditer(text)` yields, searched only in the stretches that end at a
    colon: a match holds no full stop, semicolon, line break or colon but the colon it ends at,
    so it lies in the stretch after the last of those before that colon (one match at most a
    stretch). A search of the whole text tried the pattern at each 将, 要, 计… of it (~10 us an
    article; most hold no colon, which `find` tells in a fraction of a microsecond)."""
    colons = _places(text, "：") + _places(text, ":")
    if not colons or not any(map(text.__contains__, _LIST_POINTERS)):
        return []
    found = []
    for colon in sorted(colons):
        start = max(text.rfind(mark, 0, colon) for mark in "。；;\n：:") + 1
        m = _ANNOUNCES.search(text, start, colon + 1)
        if m is None:
            m = _WORKS_NAMED.match(text, start, colon + 1)
            if m is None or not _WORKS_ANNOUNCED.search(
                text, text.rfind("。", 0, start - 1) + 1, start
            ):
                continue
        opened = max(text.rfind(mark, 0, m.start()) for mark in "。；;\n") + 1
        if not _REVIEWING.search(text, opened, m.end()):
            found.append(m)
    return found


def _places(text: str, letter: str) -> list[int]:
    """Where `letter` is in `text`."""
    places = []
    at = text.find(letter)
    while at >= 0:
        places.append(at)
        at = text.find(letter, at + 1)
    return places
