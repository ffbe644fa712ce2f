"""Examples named in a sentence (比如经开区, 例如江北新区): a clause going on from an example that
is not the target's thing speaks for the example, not for the whole."""

from __future__ import annotations

import re
from bisect import bisect_right

# A clause opening with the whole place (全省, 全市): the whole again, not the example before it
_WHOLE_AGAIN = re.compile(r"\s*全(?:国|省|市|区|县|州|盟)")
# A clause naming only the example (比如经开区, 例如江北新区)
_EXAMPLE_NAMED = re.compile(r"\s*(?:比如|例如|譬如|诸如)[\u4e00-\u9fff“”]{1,12}")


def after_example(sentence: str, cuts: list[int], c0: int, match_start: int) -> bool:
    """Whether the number's clause (from `c0`; its keyword at `match_start`) goes on from one
    naming an example that is not the target's thing (…，比如经开区，前三季度…; 比如社区食堂，
    今年长沙… is the topic, its own)."""
    if "如" not in sentence:
        return False  # most sentences: no example word at all
    k = bisect_right(cuts, c0 - 1)
    if k == 0:
        return False
    before = cuts[k - 2] + 1 if k >= 2 else 0
    if cuts[k - 1] != c0 - 1 or before <= match_start < c0:
        return False
    # (…，比如在康复机构内设特教班，全省今年已为2.4万名…: the whole place again, past the example)
    return bool(_EXAMPLE_NAMED.fullmatch(sentence, before, c0 - 1)) and not _WHOLE_AGAIN.match(
        sentence, c0
    )
