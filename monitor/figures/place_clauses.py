"""Clauses opening with a place that go on with the sentence's subject for that place: …，其中深圳
7.6万个; …，山东参保人数3120万人 after 全国…参保人数5.3亿人; …，占全市52家的近三成 (the whole the
share is of). Their figures then speak for the place, as the region rules (regional.py) decide."""

from __future__ import annotations

import re

from monitor.figures.places import GENERIC, NATIONAL, PLACES

# A clause opening with a place goes on with the subject for that place: …，其中深圳7.6万个;
# …，郑州新增7.1万个; …，今年长沙已建成27个; …，全市今年已建成58个. Its figure then speaks
# for that place.
# A place may be followed by its own generic word or by 平均 (甘肃全省为…; 全国平均为…).
# (a time may open it before the place: …，今年以来贵州新建1.1万个; …，9月份杭州新建9个)
_LEAD_TIME = (
    r"同期|今年以来|今年|去年|上半年|下半年|前三季度|[一二三四]季度"
    r"|(?:[0-9]{1,2}\s*[—\-–至到]\s*)?[0-9]{1,2}月(?:份|底|末)?"
)
_PLACE_LEAD = re.compile(
    r"(?:其中|而|在|"
    + _LEAD_TIME
    + r")?(?:"
    + "|".join(sorted(map(re.escape, {*PLACES, *NATIONAL, *GENERIC}), key=len, reverse=True))
    + r")(?:市|省|区|县|州)?(?:全省|全市|全区|全县)?(?:今年以来|今年|去年|全年|以来)?(?:平均)?"
)
# The letters a _PLACE_LEAD match can start with. re's match tries its ~500 names one by one
# (about 1 us); most clauses open with none of these letters, and a set says so at once.
_PLACE_FIRST = frozenset(
    w[0] for w in ("其中", "而", "在", "今年", "去年", *PLACES, *NATIONAL, *GENERIC)
) | frozenset("同上下前一二三四0123456789")


def place_lead(sentence: str, at: int) -> re.Match[str] | None:
    """_PLACE_LEAD.match(sentence, at), quickly where no place can open the clause."""
    if sentence[at : at + 1] not in _PLACE_FIRST:
        return None
    return _PLACE_LEAD.match(sentence, at)


# The words between a place opening a clause and its number (山东参保人数3120万人, 我省接报2.3万起,
# 全省达标率为93.6%), with the verbs of a level after them
_PARALLEL_HEAD = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(?:已经?|累计|共|也)?(?:达到|达|为|是|约|近|有)?(?=[约近超逾]?[0-9])"
)


def _parallel(sentence: str, at: int, end: int) -> bool:
    """Whether the clause at `at`, after its place (ending at `end`), repeats words said before
    a number earlier in the sentence: the same measure, of another place."""
    found = _PARALLEL_HEAD.match(sentence, end)
    if found is None:
        return False
    pos = sentence.rfind(found.group(1), 0, at)
    return pos >= 0 and any(c.isdigit() for c in sentence[pos:at])


def for_the_place(sentence: str, at: int, end: int) -> bool:
    """Whether a clause opening at `at` with a place (ending at `end`) goes on with the subject
    in words of its own: it repeats words said before an earlier number of the sentence."""
    return _parallel(sentence, at, end)


# A share opening a clause, of a whole named with its place and amount (…，占全市52家的近三成;
# …，约占全省已装3.4万台的两成): the whole is that place's amount of the subject
_SHARE_OPENS = re.compile(r"(?:约|近|仅|只|已)?占")
_WHOLE_AMOUNT = re.compile(
    r"[^，,。；;0-9]{0,6}?[约近超逾]?[0-9一二三四五六七八九十两][^，,。；;]{0,12}?的"
)


def whole_in_share(sentence: str, at: int) -> bool:
    """Whether the clause at `at` is a share of a whole whose place and amount it names."""
    share = _SHARE_OPENS.match(sentence, at)
    if share is None:
        return False
    place = place_lead(sentence, share.end())
    return place is not None and bool(_WHOLE_AMOUNT.match(sentence, place.end()))
