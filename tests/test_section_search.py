"""The searches section_frames makes where a heading can start give what a search of the whole
text gives: the matches of `finditer`, a numbered heading only where it starts its line."""

from __future__ import annotations

import pytest

from monitor.figures import sections

TEXTS = [
    "",
    "一、2024年工作成效\n全市新建口袋公园120个。\n二、下一步工作打算\n",
    "会议指出，一、二季度工作进展情况良好。\n（三）工作思路\n",
    # a match that does not start its line runs over one that would (二、 after a space)
    "报告第一、主要成绩 二、工作计划\n",
    "标题\u3000一、取得的成效：\n(二)工作安排",
    "十二、工作举措\n十三、打算",
    "成都市2026年民生实事项目公布。\n为民办实事清单正式出炉\n民心工程发布，民生实事",
    "民生实事项目发布民生实事公布。",
    "2024年重点工作\n报告在“2024年重点工作”中明确，重点工作是：",
    "上半年报告 2025民生实事「成绩单」与2026「任务书」，年报",  # 半年报 holds 年报
]


def _line_starts(text: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in sections._NUMBERED_HEADING.finditer(text)
        if m.start() == 0 or text[m.start() - 1].isspace()
    ]


@pytest.mark.parametrize("text", TEXTS)
def test_numbered_headings_as_the_whole_search_finds_them(text: str) -> None:
    assert [m.span() for m in sections._numbered_headings(text)] == _line_starts(text)


@pytest.mark.parametrize("text", TEXTS)
def test_matches_opening_as_finditer(text: str) -> None:
    got = sections.matches_opening(sections._LIST_RELEASED, text, sections._LISTS)
    assert [m.span() for m in got] == [m.span() for m in sections._LIST_RELEASED.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_matches_opening_as_finditer_where_words_overlap(text: str) -> None:
    words = sections._MEDIA_REVIEW + sections._MEDIA_PLAN
    got = sections.matches_opening(sections._MEDIA_HEADING, text, words)
    assert [m.span() for m in got] == [m.span() for m in sections._MEDIA_HEADING.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_headings_as_the_heading_pattern_finds_them(text: str) -> None:
    got = [m.span() for m in sections._headings(text)]
    assert got == [m.span() for m in sections._HEADING.finditer(text)]
