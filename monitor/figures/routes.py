"""A route between two towns (十堰至襄阳段, 成都至自贡铁路): its ends name no place a figure is
spoken for (places.py reads place words with it)."""

from __future__ import annotations

import re

# A route between two towns (十堰至襄阳段, 成都至自贡铁路, 宁波至舟山高速): its ends name no place
# spoken for. From the first town: 至, the other town, a word of routes; to the second: 至 before.
_ROUTE_WORD = r"(?:段|高速|铁路|高铁|城际|公路|快速路|航道|航线|线|通道|干线)"
_ROUTE_ON = re.compile(rf"(?:市|县)?至[\u4e00-\u9fff]{{2,4}}?(?:市|县)?{_ROUTE_WORD}")
_ROUTE_END = re.compile(rf"(?:市|县)?{_ROUTE_WORD}")


def on_route(text: str, start: int, end: int) -> bool:
    """Whether the place word at text[start:end] is an end of a route (十堰至襄阳段)."""
    if _ROUTE_ON.match(text, end):
        return True
    before = text[max(0, start - 1) : start]
    return before == "至" and _ROUTE_END.match(text, end) is not None
