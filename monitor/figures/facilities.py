"""One named facility and what it will hold (…实验小学南校区建成后可新增学位2160个; …中学新校区
封顶 可提供学位2700个; …医院新院区投用后可新增床位600张): one project's figure, a part of the
work a target counts, not the place's whole."""

from __future__ import annotations

import re

# A school, campus or hospital named (实验小学南校区, 中心医院新院区), not counted (新建学校12所,
# 6所学校) nor the object of a verb of work (新建改扩建学校): its name ends right before the
# words saying what it will hold
_FACILITY = re.compile(
    r"(?:小学|中学|学校|幼儿园|医院|卫生院)(?:[东南西北新]?(?:校区|院区)|分校|分院)?"
    r"(?:项目)?(?:主体)?(?:建成|封顶|竣工|投用|启用|交付使用|投入使用)?(?:后)?[ \u3000，,]?"
    r"(?:预计|将|可|能)(?:新增|提供|容纳|增加)"
)
_NOT_ONE = re.compile(
    r"[0-9一二两三四五六七八九十几多]\s*[所个家座]$|(?:新建|改扩建|建设|改造|扩建)$"
)
_WHOLE = re.compile(r"全[市县区省]|累计|共计|合计|今年|全年")


def one_facility(sentence: str, c0: int, at: int) -> str | None:
    """The named facility whose capacity the number at `at` is (its clause opens at `c0`, its
    sentence may have named the facility a clause before): None when there is none, when it
    is counted (6所学校) or when a word of the whole stands between it and the number."""
    if not any(w in sentence for w in ("学", "校", "园", "院")):
        return None
    start = max(sentence.rfind(c, 0, c0 - 1) for c in "，,；;。") + 1 if c0 else 0
    for found in _FACILITY.finditer(sentence, start, at):
        name = sentence[start : found.start()]
        if _NOT_ONE.search(name) or not name or _WHOLE.search(sentence, found.end(), at):
            continue
        return sentence[max(start, found.start() - 6) : found.end()]
    return None


# The length of one line, section or works (…6号线东延段开通，全长约4.5公里; …三期工程全长12.6公里):
# 全长 measures the one thing named, not what a target of a network counts, built or added
_ONE_LENGTH = re.compile(r"(?:线路|全线)?(?:全长|全线长)(?:约|近|达到?|为|超过|逾)*$")
_NETWORK = re.compile(r"全[市省区县国]|累计|总计|合计|线网|路网")


def one_length(head: str) -> bool:
    """Whether the number after `head` (its clause up to it) is a length said with 全长 of one
    thing, its clause naming no whole (全市…, 线网…)."""
    return "长" in head and bool(_ONE_LENGTH.search(head)) and not _NETWORK.search(head)


# A size of each thing, said as its width, height, depth or thickness (3.5米宽的村道, 路面宽4.5米,
# 厚18厘米): what each one measures, never how much was built
_SIZE_AFTER = re.compile(r"[宽高深厚]")
_SIZE_BEFORE = re.compile(r"(?:宽|高|深|厚)度?(?:为|约|达到?|不低于|不少于|不小于)?$")
_LENGTHS = frozenset({"米", "厘米", "毫米", "公里", "千米"})


def a_size(sentence: str, end: int, head: str, unit: str | None) -> bool:
    """Whether the length ending at `end` (after `head`, its clause up to it) is a size of each
    thing: a width or height right after it or before it."""
    if unit not in _LENGTHS:
        return False
    return bool(_SIZE_AFTER.match(sentence, end) or _SIZE_BEFORE.search(head))


# Some places the work was done around (在医院、学校周边, 在老城区沿线): those there, a part
_NEAR = re.compile(r"在[^，,。；在]{1,14}?(?:周边|附近|周围|沿线|一带)")


def around_places(sentence: str, at: int) -> str | None:
    """The places the number's work was done around, when the sentence gives the whole after
    it (…，全市累计新增5600个); where it gives none they are where all of it went."""
    start = max(sentence.rfind(c, 0, at) for c in "，,。；") + 1
    found = _NEAR.search(sentence, start, at) if "在" in sentence[start:at] else None
    return found.group() if found and _WHOLE_AFTER.search(sentence, at) else None


_WHOLE_AFTER = re.compile(r"全[市区县镇省]|累计|共计|合计|总计")
