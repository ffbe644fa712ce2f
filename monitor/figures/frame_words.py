"""Words of a sentence that say nothing of a figure's frame: the first year that dates what it
says, not a noun's, a deadline's or a base's (_frame_year), and a programme's name holding a word
of plan or result (营养改善计划: unnamed). Split from frames.py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from monitor.figures.cues import _ACHIEVED, _PLEDGE, MODAL
from monitor.figures.periods import _YEAR
from monitor.models import Target

# a year that is no time of the figure's: 2000年底前建成的 (a noun's), 到2025年底前 (a deadline),
# 完成2025年目标的75% (the plan's name)
_MODIFIER_YEAR = re.compile(r"[底末]?(?:以?前|之前)|度?的?(?:规划)?(?:目标|任务)(?:任务)?的")
_BASE_WORDS = ("比", "较", "与", "同", "由")  # (从2021年起 starts a span: it dates one)


def _frame_year(sentence: str) -> re.Match[str] | None:
    """The first year in the sentence that dates what it says, not a noun, a deadline or a base
    (比2024年下降2%: what the figure is compared with)."""
    for year in _YEAR.finditer(sentence):
        if sentence[year.start() - 1 : year.start()] in _BASE_WORDS:
            continue
        if year.group(2) or not _MODIFIER_YEAR.match(sentence, year.end()):
            return year
    return None


@lru_cache(maxsize=1024)
def _cue_words_in(keyword: str) -> bool:
    """Whether a target's keyword holds a word of plan or result (营养改善计划, 强基计划)."""
    return bool(_PLEDGE.search(keyword) or _ACHIEVED.search(keyword) or MODAL.search(keyword))


def unnamed(sentence: str, targets: Sequence[Target]) -> str:
    """`sentence` with the targets' keywords that hold a word of plan or result blanked out, as
    long as they were: the name of a programme (营养改善计划补助资金拨付进度达到86%) says
    nothing of the figure's frame."""
    for target in targets:
        for keyword in target.keywords:
            if keyword in sentence and _cue_words_in(keyword):
                sentence = sentence.replace(keyword, "□" * len(keyword))
    return sentence
