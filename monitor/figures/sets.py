"""A set a part is taken from (38段黑臭水体中35段已消除; 全市86条黑臭水体中，已有79条…): the
count before the keyword names the whole set, not the work done. Split from parts.py. And a set
of other things the keyword only modifies (…学位的26个建设项目中，已竣工11个): what the clauses
after it count are that set's members."""

from __future__ import annotations

import re

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
