"""A target's keywords as a sentence may write them: the keyword itself, its first part (增发…国债
is 增发 and 国债), or split by an aspect word (光伏新增装机, 光伏累计装机 for 光伏装机)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache


def _first_part(keyword: str) -> str:
    return keyword.split("…", 1)[0]


# An aspect word inside a compound keyword (光伏新增装机, 光伏累计装机 for 光伏装机): the compound's
# head noun (its last two letters) keeps what is counted, the word says which figure it is.
# People named inside it (农村人口供水, 农村人口的饮水 for 农村供水, 农村饮水) say whom it serves.
_ASPECT = "新增|累计|新|总|并网|在建|人口的?"
_HEAD = 2


def split_sentences(text: str, ends: list[int], keyword: str) -> list[int]:
    """The sentences (by index, `ends` their ends) naming the keyword split by an aspect word
    (光伏新增装机 for 光伏装机)."""
    # most texts hold no split keyword: two plain searches say so for less than the pattern's
    if keyword[:-_HEAD] not in text or keyword[-_HEAD:] not in text:
        return []
    return [bisect_right(ends, m.start()) for m in _split_pattern(keyword).finditer(text)]


def any_split(keywords: list[str]) -> re.Pattern[str] | None:
    """One pattern finding any of the keywords split by an aspect word; None if none may be."""
    split = [f"(?:{_split_pattern(k).pattern})" for k in dict.fromkeys(keywords) if _splittable(k)]
    return re.compile("|".join(split)) if split else None


def _splittable(keyword: str) -> bool:
    return len(keyword) >= 4 and "…" not in keyword and not keyword.isascii()


@lru_cache(maxsize=1024)
def _split_pattern(keyword: str) -> re.Pattern[str]:
    head, tail = keyword[:-_HEAD], keyword[-_HEAD:]
    return re.compile(f"{re.escape(head)}(?:{_ASPECT})+{re.escape(tail)}")


def named_in(sentence: str, keyword: str) -> bool:
    """Whether the sentence names the keyword, or the keyword split by an aspect word."""
    if _first_part(keyword) in sentence:
        return True
    return _splittable(keyword) and bool(_split_pattern(keyword).search(sentence))
