"""Small builders for records used across tests."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from monitor.models import Article, Baseline, Figure, Pledge, Quantity, Target
from monitor.store.state import Store

TZ = ZoneInfo("Asia/Shanghai")

CIRCLES = Target(
    id="circles",
    title="北京2024年新建80个一刻钟便民生活圈",
    keywords=("一刻钟便民生活圈",),
    region=("北京", "本市"),
    unit="个",
    pledge=Pledge(Decimal(80), "new", by=date(2024, 12, 31), announced=date(2024, 1, 22)),
    baseline=Baseline(Decimal(360), as_of=date(2023, 12, 31)),
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def article(url: str, text: str, *, when: str = "2024-07-16 09:00", title: str = "标题") -> Article:
    return Article(url=url, title=title, published=at(when), text=text)


def figure(
    sentence: str,
    surface: str,
    value: int | str,
    *,
    kind: str = "achieved",
    scope: str = "cumulative",
    target: str = "circles",
    unit: str = "个",
    period: str | None = None,
) -> Figure:
    start = sentence.index(surface)
    q = Quantity(Decimal(value), unit, "exact", None, start, start + len(surface), surface)
    return Figure(target, q, kind, scope, sentence, start, start + len(surface), period)  # type: ignore[arg-type]


def save(
    store: Store,
    url: str,
    text: str,
    figures: list[Figure],
    *,
    mentions: list[str] | None = None,
    source_id: str = "x",
    when: str = "2024-07-16 10:00",
) -> int:
    """Store an article with its figures as the pipeline would; the new observations."""
    return store.save_article(
        article(url, text, when=when),
        source_id=source_id,
        fetched_at=at(when),
        content_hash=url,
        mentions=mentions if mentions is not None else [],
        figures=figures,
    )
