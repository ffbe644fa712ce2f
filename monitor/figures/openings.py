"""The frame a document's openings set: the nearest sentence at or before a figure's that opens
with a time phrase (过去一年…, 今年…, 2019年…) or a report's section heading (一、2024年工作回顾,
二、2025年重点工作): a review holds results, a plan pledges. The base of Frames (frames.py)."""

from __future__ import annotations

import re
from datetime import date

from monitor.figures.cues import _achieved, _cue, _pledged, governing, without_sets
from monitor.figures.five_years import _PLAN
from monitor.figures.months import PLAN_SEASON_ENDS, SINCE_NEW_YEAR
from monitor.figures.periods import _YEAR, _period
from monitor.figures.sections import section_frames, spaced, title_end
from monitor.models import FigureKind

_FRAME_HEAD = re.compile(  # ——, 一、, 一是, （一）: what may precede an opening time phrase
    r"(?:[\s—－]+|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[）)])*"
    # where the news comes from, said before it (据统计，…; 根据各地上报汇总，…; 记者从…获悉：…):
    # the time phrase after it opens the sentence as well
    r"(?:(?:(?:据|根据)[^，,。；;：:]{0,24}?(?:统计|汇总|数据|测算|核算|监测|显示|介绍|了解|获悉)"
    r"|记者[^，,。；;：:]{0,24}?(?:获悉|了解到))[，,：:]\s*)?"
    # a report's greeting and the verbs that take a section's time as their object (各位代表，
    # 过去一年…; 回顾一年来的工作; 做好今年工作，要…; 展望新的一年)
    r"(?:各位代表[，,！!]|同志们[，,！!])?(?:回顾|做好|展望)?"
    r"(?:自|从(?=[0-9“十]))?"  # (自2022年全面启动…以来，…: the window the sentences after it sum)
    # the goals a list is set by (根据明年工作目标，要完成…；新建…): their time opens it
    r"(?:(?:根据|按照|对照|围绕)(?=明年|今年|新的一年|(?:19|20)[0-9]{2}\s*年))?"
)
_FRAME_PAST = re.compile(
    r"过去(?:的)?一年|一年来|过去(?:的)?五年|五年来|去年|上年|刚刚过去|" + SINCE_NEW_YEAR
)
_FRAME_NOW = re.compile(r"今年(?!以来|年初以来)|明年|新的一年")
# Every way the frames above can open, in one pattern: a quick test before reading them.
_FRAME_OPENS = re.compile(
    r"过去|一年来|五年来|去年|上年|刚刚过去|今年|明年|新的一年"
    r"|“?十?[一二三四五六七八九]五|(?:19|20)[0-9]{2}\s*年|年初(?:以来|至今)|开年以来"
)

# The letters a sentence opening a frame can start with: a space (bounds() skips it; every one
# str.isspace knows is below U+3001), those _FRAME_HEAD starts with (—, 一、, （一）) and those
# _FRAME_OPENS does (去年, 2019年), but for “, which opens one only before _PLAN_NTH (“十四五”).
# Not a line break: a sentence starting with one is only that (after a full stop), a blank.
_SPACES = frozenset(filter(str.isspace, map(chr, range(0x3001)))) - {"\n"}
_MAY_OPEN = _SPACES | frozenset("—－（(一二三四五六七八九十" + "各同回做展自从" + "据根记")
_MAY_OPEN |= frozenset("过去上刚今明新12年开")
_PLAN_NTH = "十一二三四五六七八九"
_FRAME_NEXT = re.compile(r"明年")

# A clause opening with a time of its own (…，今年，我们将…; …；2025年计划…): the time the clauses
# after it speak of, until the next. (The mark first: a search jumps from mark to mark.)
_TIME_OPENS = re.compile(
    r"[，,；;…]\s*(?:今年|明年|去年|上年|本年|过去|(?:19|20)[0-9]{2}\s*年(?!以来|[底末]))"
)


# A clause that opens with a time of its own (去年全省已新增9860张, 2023年新建…): its cues
# speak for it alone. A bare time phrase (去年，…) opens what follows: see _without_own_times.
# (each branch opens with a letter, so that a search jumps between them)
_OWN_TIME = re.compile(
    r"去年|上年|前年|明年|过去|19[0-9]{2}\s*年(?![底末]?(?:以?前|之前))"
    r"|20[0-9]{2}\s*年(?![底末]?(?:以?前|之前))"
)
_PIECES = re.compile(r"[^，,；;：:]+")
_NOW = re.compile(r"目前|现在|当前|如今|现已")  # a clause of now, not of a goal's year before it
# A turn or an "as well" before a clause's own time (…，而2023年全省实现…; …，但去年…; …，同时
# 2023年…): the clause still opens with its time, the word before it names no other
_TURN = re.compile(r"[　 ]*(?:而且?|但是?|同时|此外|另外|与此同时|相比之下)?[　 ]*")


def opens_own_time(clause: str) -> bool:
    """Whether the clause opens with a time of its own (_OWN_TIME), after a turn word if any."""
    turn = _TURN.match(clause)
    return _OWN_TIME.match(clause, turn.end() if turn else 0) is not None


def _without_own_times(sentence: str, opening: bool = False) -> str:
    """The sentence without the clauses that speak of a time of their own and give a figure of
    their own (…，去年全省已新增9860张): what the rest of it says, for a clause with no cue. With
    `opening`, the first clause's time is the one the sentence opens with: it is kept."""
    if not _OWN_TIME.search(sentence):
        return sentence
    kept = []
    for piece in _PIECES.finditer(sentence):
        text = piece.group()
        # (2024年全市将完成…，改造…: with `opening`, the first piece's year frames the sentence)
        if (
            (piece.start() or not opening)
            and opens_own_time(text)
            and any(map(str.isdigit, text[4:]))
        ):
            continue
        kept.append(text)
    return "，".join(kept)


def ruled_before(sentence: str, before: str) -> bool:
    """Whether a modal in `before` (the sentence up to a clause, shorter than it) governs the
    clause, so that the words of a later clause (…将新改建农村公路1.5万公里，截至4月底已完工3200
    公里) date and frame only their own number."""
    if not before or len(before) >= len(sentence.rstrip("。；;！？!? ")):
        return False
    return _cue(governing(_without_own_times(before))) == "pledge"


def last_time(sentence: str, c0: int) -> int:
    """Where the last clause at or before c0 that opens with a time starts (0 if none): the
    sentence from there is what dates the clause at c0 (过去一年，…35家……今年，…力争…40家)."""
    at = 0
    if c0 > 0:
        for m in _TIME_OPENS.finditer(sentence, 0, c0 + 12):
            if m.start() < c0:
                at = m.start() + 1
    return at


def _since_now(period: str | None, opening: str) -> bool:
    """Whether an opening names a span from a start to now (“十四五”以来, 自2022年…以来)."""
    return period is not None and "-" in period and "以来" in opening


class Openings:
    """An article's sentences (their ends) and the frame each sentence's opening sets."""

    def __init__(self, text: str, ends: list[int], published: date | None) -> None:
        self.text = text
        self.ends = ends
        self.published = published
        self._frames: dict[int, tuple[FigureKind | None, str | None]] = {}  # by sentence asked
        self._heading_frames: dict[int, tuple[FigureKind | None, str | None]] | None = None

    def bounds(self, index: int) -> tuple[int, int]:
        start = self.ends[index - 1] if index > 0 else 0
        end = self.ends[index]
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def frame(self, index: int) -> tuple[FigureKind | None, str | None]:
        """The kind and period set by the nearest sentence at or before `index` that opens with
        a time phrase (过去五年, 去年, 今年, 2019年…): a report's review or its plan."""
        frames, text, ends = self._frames, self.text, self.ends
        if index in frames:
            return frames[index]
        headings = self._headings()
        found: tuple[FigureKind | None, str | None] = (None, None)
        i = index
        while i >= 0:
            if i in frames:  # asked before: its frame holds here, none opening in between
                found = frames[i]
                break
            heading = headings.get(i)
            if heading is not None:  # 二、2024年重点工作; 一、2023年工作回顾
                found = heading
                break
            # most sentences start with a letter no frame opens with: no need to read them
            start = ends[i - 1] if i > 0 else 0
            first = text[start]
            if (
                first in _MAY_OPEN
                or (first == "“" and text[start + 1 : start + 2] in _PLAN_NTH)
                or spaced(text, start, ends[i])
            ):
                own = self._own_frame(i)
                if own is not None:
                    found = own
                    break
            i -= 1
        frames[index] = found
        return found

    def _past_plan_season(self) -> bool:
        """Whether the year's plans are out when the article appeared: work reports and plans
        come by March; after that, 今年新建X with no word of the future reports what was done."""
        return self.published is not None and self.published.month > PLAN_SEASON_ENDS

    def _headings(self) -> dict[int, tuple[FigureKind | None, str | None]]:
        if self._heading_frames is None:
            self._heading_frames = section_frames(self.text, self.ends, self.published)
        return self._heading_frames

    def _opening(self, s0: int, s1: int) -> int | None:
        """Where the time phrase opening text[s0:s1] starts (after —, 一、, （一）), or after a
        report's title on its line (山西省政府工作报告 过去一年，…); None if it opens with none."""
        h = self._opens_at(s0, s1)
        if h is None and (at := title_end(self.text, s0, s1)) is not None:
            h = self._opens_at(at, s1)  # the title is looked for only where s0 opens none
        return h

    def _opens_at(self, at: int, s1: int) -> int | None:
        head = _FRAME_HEAD.match(self.text, at)
        h = head.end() if head else at
        return h if _FRAME_OPENS.match(self.text, h, s1) else None

    def _own_frame(self, index: int) -> tuple[FigureKind | None, str | None] | None:
        s0, s1 = self.bounds(index)
        if s0 == s1:
            return None  # the blank between a full stop and a line break opens nothing
        h = self._opening(s0, s1)
        if h is None:
            return None  # most sentences: no time phrase up front, so no need to read further
        opening = self.text[h : min(s1, h + 12)]
        sentence = self.text[h:s1]
        period = _period(opening, self.published)
        if self.text[h - 1 : h] in ("自", "从"):  # 自2022年全面启动…建设以来: the span to now
            period = _period(self.text[h - 1 : min(s1, h + 24)], self.published) or period
        if _FRAME_PAST.match(opening) or _since_now(period, self.text[h : min(s1, h + 24)]):
            return "achieved", period  # (“十四五”以来，…: the years to now, done)
        plan = _PLAN.match(opening)
        if plan and self.published and period:
            first, last = (int(y) for y in period.split("-"))
            if last < self.published.year:
                return "achieved", period
            if first >= self.published.year:
                return "pledge", period
        year = _YEAR.match(opening)
        if year and self.published:
            y = int(year.group(1))
            if y < self.published.year:
                return "achieved", period
            if y > self.published.year:
                return "pledge", period
        if _FRAME_NOW.match(opening) or year:
            # this year, opening a sentence: a plan unless the sentence reports a result, or
            # says nothing of the future once the year's plans are out (published after March)
            # (a later clause of its own time says nothing of this year's: 今年新建26家，
            # 明年计划再建30家 is this year's result in a year-end summary)
            # (nor a clause naming the set counted in: 今年纳入民生实事的行政村中，…)
            sentence = without_sets(_without_own_times(sentence, opening=True))
            if _achieved(sentence):
                return "achieved", period
            if _pledged(sentence) or _FRAME_NEXT.match(opening) or not self._past_plan_season():
                return "pledge", period
            return "achieved", period
        return None
