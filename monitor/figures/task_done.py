"""完成 governing a task named only by its work, then an amount (已完成老旧小区改造任务2315个,
共完成…建设任务3120公里): the amount measures the object, the work done, not the task's size
in apposition as after the year's plan's noun (年度目标任务1000个). checks.plan_size asks it."""

from __future__ import annotations

import re

from monitor.figures.cues import _PLEDGE

# 完成 before the task (not a plan beaten, 超额完成…任务40公里: the margin; 提前完成…)
_DONE_VERB = re.compile(r"(?<!超额)(?<!提前)完成了?[^，,。；;0-9]{0,12}$")
# the task named by its work alone, not the year's (年度任务, 全年目标任务: the plan's own noun)
_WORK_TASK = re.compile(r"(?:建设|改造)?任务")
# …said done so far (已完成, 共完成, 截至9月底, 今年以来): a plan's line (完成农村公路建设任务
# 4500公里 in the year's work plan) says the same words of the work to do
_SO_FAR_DONE = re.compile(r"已|共(?=完成)|累计|截[至止]|目前|以来|至今")
_CLAUSE_REST = re.compile(r"[^，,。；;]*")


def done_of_task(sentence: str, c0: int, t0: int, t1: int, start: int) -> bool:
    """Whether the number at `start`, after the task's noun at sentence[t0:t1] in the clause
    opening at `c0`, is the work done of it: 完成 before the noun, said done so far, no modal,
    and no 的 after the number (完成…任务4000公里的62%: the task's size, a share of it)."""
    if _WORK_TASK.fullmatch(sentence, t0, t1) is None:
        return False
    if _DONE_VERB.search(sentence, c0, t0) is None or _PLEDGE.search(sentence, c0, t0):
        return False
    rest = _CLAUSE_REST.match(sentence, start)
    return "的" not in (rest.group() if rest else "") and bool(_SO_FAR_DONE.search(sentence, 0, t0))
