"""School places (学位) belong to the schools named before them: 新建中小学9所、新增学位1.2万个，
新建幼儿园6所、新增学位2700个 gives the kindergartens' places second. A target whose title names
a level of schooling (中小学学位, 义务教育学位, 幼儿园学位) does not take the places a list item
gives for another level, named before the keyword in its part of the sentence."""

from __future__ import annotations

import re

from monitor.models import Target

# Levels of schooling, each with the words that name it (中小学 spans compulsory and high school)
_LEVELS = {
    "preschool": ("幼儿园", "学前", "幼教", "托幼"),
    "compulsory": ("中小学", "义务教育", "小学", "初中"),
    "high": ("中小学", "普通高中", "高中", "高完中"),
    "vocational": ("中职", "职业院校", "技工院校", "职业学校"),
    "higher": ("高校", "高等院校", "大学"),
}
_ANY_LEVEL = re.compile("|".join(sorted({w for ws in _LEVELS.values() for w in ws}, key=len)[::-1]))
_PART_START = re.compile(r"[，,；;。：:]")


def _levels(words: str) -> set[str]:
    return {level for level, names in _LEVELS.items() if any(n in words for n in names)}


def other_level(sentence: str, start: int, end: int, target: Target) -> str | None:
    """Why school places whose keyword is at sentence[start:end] are another level's (the level
    named last before it in its part of the sentence, not one the title names), or None."""
    if not any(k.endswith("学位") for k in target.keywords):
        return None  # most targets count no school places
    if _ANY_LEVEL.search(sentence, start, end):
        return None  # 义务教育学位3360个: the keyword names its level itself
    own = _levels(target.title + "".join(target.keywords))
    if not own:
        return None  # a target of every level's places takes them all
    part = max((m.end() for m in _PART_START.finditer(sentence, 0, start)), default=0)
    named = list(_ANY_LEVEL.finditer(sentence, part, start))
    if not named or _levels(named[-1].group()) & own:
        return None
    return f"another level's places ({named[-1].group()}), not the target's"
