"""A market's measures of one thing (新建商品住宅成交6120套, 新增供应5200套, 可售库存4.31万套): a
target of one of them (…成交套数, …销售面积) takes its own measure's figures only, not the supply
or the stock a release gives beside it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from monitor.figures import events
from monitor.models import Target

if TYPE_CHECKING:
    from monitor.figures.binding import Number

# Each measure of a market, by the words naming it: what was sold, what came on the market, what
# is left for sale
_MEASURE = re.compile(
    r"(?P<deals>成交|销售|售出|网签|签约|去化)"
    r"|(?P<supply>供应|上市|批准预售|获批预售|推盘|挂牌)"
    r"|(?P<stock>库存|可售|待售|存量)"
)
_NAMES = {"deals": "成交", "supply": "供应", "stock": "库存"}


@lru_cache(maxsize=1024)
def market_measure(target: Target) -> str | None:
    """The measure of a market a target tracks, from its title and keywords (成交 for
    杭州市区新建商品住宅成交套数), or None for a target naming none. Made once a target."""
    found = _MEASURE.search(target.title + "".join(target.keywords))
    return found.lastgroup if found else None


def refused(sentence: str, c0: int, keyword_end: int, at: int, target: Target) -> str | None:
    """Why the number at `at`, whose words after the keyword in its clause (新增供应, 可售库存)
    name another measure of the market than the target's, is not its figure, or None."""
    own = market_measure(target)
    if own is None:
        return None  # most targets: no market measure, nothing to weigh
    said = [m.lastgroup for m in _MEASURE.finditer(sentence, max(c0, keyword_end), at)]
    if not said or said[-1] == own:
        return None
    return f"another measure of the market ({_NAMES[said[-1] or own]}), not the target's"


def measure_refused(
    sentence: str, n: Number, listed: tuple[str, tuple[str, ...]] | None, target: Target
) -> str | None:
    """Why the number gives another measure than the target's of an event (火灾1.2万起 for a
    target of deaths: events.refused) or of a market (新增供应6120套 for one of 成交), or None."""
    event = events.refused(sentence, n.match, n.q, listed, target)
    return event or refused(sentence, n.c0, n.match.end, n.q.start, target)
