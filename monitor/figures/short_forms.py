"""The short forms statistics and news write for a long name (规上 for 规模以上), either way: a
keyword written one way names the same thing written the other."""

from __future__ import annotations

# The short forms statistics and news write for a long name, either way (规上工业增加值 and
# 规模以上工业增加值; 固投 and 固定资产投资; 保租房 and 保障性租赁住房)
_SHORT_FORMS = (
    ("规上", "规模以上"),
    ("固投", "固定资产投资"),
    ("保租房", "保障性租赁住房"),
    ("高标农田", "高标准农田"),
)


def short_forms(keyword: str) -> tuple[str, ...]:
    """The keyword with a long name written short, or a short one written long."""
    return tuple(
        keyword.replace(long, short) if long in keyword else keyword.replace(short, long)
        for short, long in _SHORT_FORMS
        if long in keyword or short in keyword
    )
