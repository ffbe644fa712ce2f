"""Class and id words of a page's elements: furniture (nav, comments, share bars) whose text is
never the article's, words that lower a container's score, and words that raise it.

Each check is remembered per class/id text: a site's pages repeat their class names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

# Class/id words for page furniture: text under such an element never counts as the article's.
_FURNITURE = re.compile(
    r"comment|pinglun|disqus|reply|footer|\bfoot|copyright|banquan|\bnav|menu|breadcrumb|crumb|"
    r"sidebar|side-?bar|related|relate|xgxw|xgyd|recommend|tuijian|share|fenxiang|bdshare|jiathis|"
    r"qrcode|erweima|\bewm|\bads?\b|advert|sponsor|\bgg\b|hot-?rank|\brank|\bpager|pagination|"
    r"shengming|shenming|mianze",  # 声明, 免责: a disclaimer box
    re.IGNORECASE,
)
# Words that lower a container's score but keep its text when it is not mostly links.
_NEGATIVE = re.compile(
    r"side\b|\baside|\brec\b|\bhot|social|\bsns|weixin|wechat|\btags?\b|keyword|promo|banner|\btool|"
    r"print|login|subscribe|page-?nav|\bmore\b|widget|popup|modal|\bbottom|\btop\b|header|masthead|"
    r"logo|\bsearch|\blink|friend|\bnotice|statement|disclaimer|\bauthor|\beditor|\bsource|\binfo\b|"
    r"\bmeta\b|\bdate\b|\btime\b|\bzan\b|\blike\b|\bvote|survey",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"article|content|\bcont\b|\bcon\b|\btext|\bbody|\bmain|\bpost|entry|detail|story|"
    r"\bnews|zhengwen|\bzw\b|endtext|\btrs|\bpage-?content|\bmiddle|\bcenter|\bwenzhang",
    re.IGNORECASE,
)


def _searcher(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether pattern occurs in a class/id text, remembered per text: a site's pages repeat their
    class names. (One cache per pattern: hashing a compiled pattern hashes all its code.)"""

    @functools.lru_cache(maxsize=4096)
    def search(hints: str) -> bool:
        return bool(hints) and pattern.search(hints) is not None

    return search


furniture_hints = _searcher(_FURNITURE)
negative_hints = _searcher(_NEGATIVE)
positive_hints = _searcher(_POSITIVE)
