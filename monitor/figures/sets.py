"""A set a part is taken from (38段黑臭水体中35段已消除; 全市86条黑臭水体中，已有79条…): the
count before the keyword names the whole set, not the work done. Split from parts.py. And a set
of other things the keyword only modifies (…学位的26个建设项目中，已竣工11个): what the clauses
after it count are that set's members. And a wider class the keyword names one example of
(供水等各类管网): what a number of that class counts is more than the keyword's things."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.binding import Number

_SET_MADE = re.compile(r"新建|新增|建成|完成|改造|筹集|开工|新开|实施|发放")
_PART_TAKEN = re.compile(  # (…中，已有79条完成整治: the part in the clause after it too)
    r"(?:当中|之中|中)(?![心国华])[，,]?[\u4e00-\u9fff]{0,8}?(?:不少于|不低于|超过|约|近|有|达)?"
    r"[0-9一二三四五六七八九十两]"
)


def whole_set(sentence: str, end: int, head: str, task: bool) -> bool:
    """Whether the keyword ending at `end`, its count right before it, names the set a part is
    then taken from (38段黑臭水体中35段已消除; 全市86条黑臭水体中，已有79条…), not the work done:
    a set named before a comma that is a plan's (`task`: 列入计划的12条…中，) or whose words
    (`head`) name work making it (今年新建的36个社区食堂中，…) is that plan or work's count."""
    taken = _PART_TAKEN.match(sentence, end)
    if taken is None:
        return False
    return "，" not in taken.group() or not (task or _SET_MADE.search(head))


# A set named after the keyword, of other things it only modifies (…学位的26个建设项目中，;
# …泊位涉及的40个小区中，; 社区食堂的建设项目中，): the words between the keyword and 中
_OTHER_SET = re.compile(r"[^，,。；;]{0,16}?的[^，,。；;的]{0,10}?[\u4e00-\u9fff]中[，,]")
# …but work on the thing (社区食堂建设中, 改造过程中), nor its own task or plan (…400公里的任务中,
# …的年度计划中), is a set of other things
_WORK_ON = re.compile(
    r"(?:建设|改造|施工|推进|实施|工作|过程|进程|任务|计划|目标|指标|清单)中[，,]$"
)


def other_set(sentence: str, end: int, c0: int) -> str | None:
    """The set of other things named right after the keyword ending at `end` (…学位的26个建设
    项目中，), when the number's clause at `c0` comes after it and counts that set's members."""
    found = _OTHER_SET.match(sentence, end, c0)
    if found is None or found.end() != c0 or _WORK_ON.search(found.group()):
        return None
    return found.group()[:-2]


# A class the keyword names one example of (供水等各类管网, 口袋公园等小微绿地): 等, not 等于/等级,
# then the class's words; a count after 等 (…等12个口袋公园) counts the keyword's own things
_CLASS_AFTER = re.compile(
    r"等(?![于待级同候次])(?:各类|各种|多种|多类|其他|其它|一批)?[\u4e00-\u9fff]"
)
# what may stand between a number and the example after it (约420公里的污水等…): 的 and the
# example's first words; with no 的 (28个口袋公园等…) the count is the keyword's own
_NUMBER_THEN_EXAMPLE = re.compile(r"的[\u4e00-\u9fff]{0,4}")


def wider_class(sentence: str, n: Number, target: Target) -> str | None:
    """Why the number counts a wider class the keyword names one example of (改造供水等各类管网
    860公里; 约420公里的污水等地下管网), more than the target's thing: the number in the
    keyword's clause, the class's words naming none of the target's keywords."""
    start, end, q, c0 = n.match.start, n.match.end, n.q, n.c0
    if sentence[end : end + 1] != "等" or not _CLASS_AFTER.match(sentence, end):
        return None
    if q.start >= end:
        between = sentence[end : q.start]
        if start < c0 or any(c in between for c in "，,。；;：:"):
            return None
        if any(w in between for w in target.keywords):
            return None
    elif q.end < c0 or not _NUMBER_THEN_EXAMPLE.fullmatch(sentence, q.end, start):
        return None
    return f"a wider class ({sentence[start:end]}等…), more than the target's thing"
