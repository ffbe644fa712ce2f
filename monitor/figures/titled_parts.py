"""A city's part the target's own title names (黔西南州中心城市…优良天数比率, 主城区新增停车位): for
that target the part is its own place, not another one, so a sentence naming only the part
(中心城市优良天数比率为99.3%) speaks for it."""

from __future__ import annotations

from monitor.figures.places import city_part, is_national, places_named


def with_titled_parts(title: str, region: tuple[str, ...]) -> tuple[str, ...]:
    """The region words, with the city parts the title names (中心城市, 主城区) after them when
    the target names regions of its own (a national target has no city parts)."""
    if not region or is_national(region):
        return region
    parts = tuple(w for w in sorted(places_named(title)) if city_part(w) and w not in region)
    return (*region, *parts) if parts else region
