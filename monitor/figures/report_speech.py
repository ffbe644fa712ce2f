"""News on a year's work report giving the report as its speaker (政府工作报告：…,
政府工作报告说，…, 国务院政府工作报告提出，…): what that sentence and those after it give with no
word of their own is the report's plan, as a plan document's lines are (sections.section_frames)."""

from __future__ import annotations

import re

# The report opening a sentence as its speaker, a say-verb or a colon after it; not a review's
# time right after (政府工作报告说，过去一年…, 去年…: the report's review, its own frame)
_REPORT_SPEAKS = re.compile(
    r"[^。，,；;：:！？!?\n]{0,16}?政府工作报告(?:中|里)?(?:说|指出|提出|明确|强调|要求|称)?"
    r"[：:，,]\s*(?!过去|去年|上年|一年来|五年来|几年来)"
)


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
