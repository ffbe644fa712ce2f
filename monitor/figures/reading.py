"""Reading a fetched page: the article (extract), its figures and the targets it mentions.

`read(...) -> Reading` is pure; `Readers` (readers.py) runs it in this process for a short pass
and in worker processes once a pass has many pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from monitor.errors import ExtractError
from monitor.models import Article, Figure, Link, Target


@dataclass(frozen=True)
class Reading:
    article: Article
    figures: list[Figure]
    mentions: list[str]  # ids of the targets the article names


def read(
    content: bytes,
    *,
    url: str,
    content_type: str | None,
    body: str | None,
    tz: ZoneInfo,
    targets: Sequence[Target],
    link: Link | None = None,
    region: tuple[str, ...] = (),
) -> Reading | tuple[str, str | None]:
    """What a page says; for a page that is not an article, the ExtractError's message and
    hint (values, so they cross a process boundary), unless `link` stands in for it."""
    article = page_article(content, url=url, content_type=content_type, body=body, tz=tz, link=link)
    if not isinstance(article, Article):
        return article
    return article_reading(article, targets=targets, region=region)


def page_article(
    content: bytes,
    *,
    url: str,
    content_type: str | None,
    body: str | None,
    tz: ZoneInfo,
    link: Link | None = None,
) -> Article | tuple[str, str | None]:
    """read()'s first half: the page's article (extract), or why it is none."""
    # Imported when first needed: a pass with nothing new to read never pays for it.
    from monitor.pages import extract

    try:
        article = extract.extract(
            content, url=url, content_type=content_type, body_selector=body, tz=tz
        )
    except ExtractError as exc:
        if link is None:
            return exc.message, exc.hint
        # A linked page that is no article is remembered, so it is not fetched again.
        article = Article(url=url, title=link.title or url, published=link.published, text="")
    if link is not None and article.published is None and link.published is not None:
        article = replace(article, published=link.published)
    return article


def article_reading(
    article: Article, *, targets: Sequence[Target], region: tuple[str, ...] = ()
) -> Reading:
    """read()'s second half: the article's figures and the targets it names."""
    from monitor.figures import tables

    published = article.published.date() if article.published else None
    found = tables.article_figures(article, targets, published=published, region=region)
    text = "\n".join([article.text, *map(tables.table_text, article.tables)])
    return Reading(article, found, mentioned(text, targets))


def mentioned(text: str, targets: Sequence[Target]) -> list[str]:
    """Targets whose keyword, and region where one is set, the article names."""
    return [
        t.id
        for t in targets
        if any(map(text.__contains__, t.keywords))
        and (not t.region or any(map(text.__contains__, t.region)))
    ]
