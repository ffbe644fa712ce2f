"""A row label whose keyword only modifies a noun of its own before the work (公厕智慧化管理改造:
smart management fitted to the toilets, counted by them): the row counts that work on another
thing, not the target's things (新建改造城乡公厕)."""

from __future__ import annotations

import re

# the work a row names after its thing (改造, 建设, 提升改造, 提质增效), at the label's end
_WORK_END = re.compile(r"(?:改造|建设|提升|升级|提质|提档|增效|工程|项目|任务|完成情况)+$")
# words of building or renewing the thing itself (提质, 综合整治, 新改建, 标准化): no noun
_BUILDING = re.compile(r"[建改修扩提升新]|整治|综合|标准|规范|达标")
# the period the work is for (年度任务, 全年任务, 今年任务): no noun
_SPAN = re.compile(r"年度|全年|今年|当年|本年|上半年|下半年|年内")


def noun_before_work(rest: str) -> str | None:
    """The noun of its own the words after the keyword in a row label (`rest`, brackets gone)
    name before the work they end with (智慧化管理 in 智慧化管理改造); None when they name only
    the work (改造, 提质改造), no work, or a building word."""
    work = _WORK_END.search(rest)
    if work is None or work.start() < 2:
        return None
    noun = rest[: work.start()]
    if not re.fullmatch(r"[\u4e00-\u9fff]+", noun) or _BUILDING.search(noun):
        return None
    if _SPAN.fullmatch(noun):  # 年度任务: the period of the plan
        return None
    return noun
