"""A set a part is taken from (38段黑臭水体中35段已消除; 全市86条黑臭水体中，已有79条…): the
count before the keyword names the whole set, not the work done. Split from parts.py."""

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
