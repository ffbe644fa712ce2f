"""Articles with what they say of each target: the mentions (an article names a target) and the
observations (a figure read in it), and the queries that read them back oldest first."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from monitor.models import Article, Figure
from monitor.store.database import Database
from monitor.store.records import (
    OBSERVATIONS,
    Mention,
    Observation,
    from_iso,
    observation_of,
)
from monitor.store.sources import hash_content

if TYPE_CHECKING:
    from monitor.figures.reading import Reading

# By content, not by insertion: sources fetched concurrently save in any order, and a digest
# rebuilt after a crash must read the same as the one an uninterrupted pass builds.
_OBSERVATION_ORDER = "COALESCE(o.published, o.observed_at), o.article_url, o.sentence, o.fstart"
_ARTICLE = """INSERT INTO articles(url, source_id, title, published, fetched_at, content_hash,
                  story, text)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT(url) DO UPDATE SET title = excluded.title,
                  published = COALESCE(excluded.published, articles.published),
                  fetched_at = excluded.fetched_at, content_hash = excluded.content_hash,
                  story = excluded.story, text = excluded.text"""
_MENTION = "INSERT OR IGNORE INTO mentions(target_id, article_url) VALUES (?, ?)"
_OBSERVATION = """INSERT OR IGNORE INTO observations(target_id, article_url, sentence, fstart,
                      fend, value, value_high, unit, qualifier, surface, kind, scope, period,
                      published, measure, direction, observed_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def story_key(article: Article) -> str:
    """The same story syndicated by several outlets shares this key: its normalised body (its
    tables' cells too: two monthly reports may differ in their tables alone)."""
    cells = "".join(cell for table in article.tables for row in table.rows for cell in row)
    body = "".join(article.text.split())[: 2000 - min(len(cells), 1000)] + cells
    return hashlib.sha256(body[:2000].encode()).hexdigest()[:24]


class ArticleRows(NamedTuple):
    """An article as `save_rows` writes it. A pass makes it where the page was read (a reading
    worker: `rows_of_reading`), so that its own process, the pass's busiest, only writes it."""

    url: str
    title: str
    published: str | None
    content_hash: str
    story: str
    text: str
    empty: bool  # no text and no tables: a linked page that is no article, remembered
    mentions: tuple[str, ...]
    observations: tuple[tuple[object, ...], ...]  # their rows, but for when they were observed


def article_rows(
    article: Article, figures: Sequence[Figure], mentions: Sequence[str], content_hash: str
) -> ArticleRows:
    url = article.url
    published = article.published.isoformat() if article.published else None
    return ArticleRows(
        url,
        article.title,
        published,
        content_hash,
        story_key(article),
        article.text,
        not article.text and not article.tables,
        tuple(mentions),
        tuple(_observation_row(fig, url, published) for fig in figures),
    )


def rows_of_reading(reading: Reading, content: bytes) -> ArticleRows:
    """A page's Reading as rows, with its content's hash (Readers' `then`, in the workers)."""
    return article_rows(reading.article, reading.figures, reading.mentions, hash_content(content))


class Articles(Database):
    """The `articles`, `mentions` and `observations` tables."""

    def known_articles(self, urls: Sequence[str]) -> set[str]:
        return {str(row[0]) for row in self._rows_for("SELECT url FROM articles", urls)}

    def article_hash(self, url: str) -> str | None:
        row = self.conn.execute(
            "SELECT content_hash FROM articles WHERE url = ?", (url,)
        ).fetchone()
        return str(row[0]) if row else None

    def save_article(
        self,
        article: Article,
        *,
        source_id: str,
        fetched_at: datetime,
        content_hash: str,
        mentions: Sequence[str],
        figures: Sequence[Figure],
    ) -> int:
        """Store an article with what it says of each target, in one transaction.

        Returns how many observations were new. Saving the same article twice adds nothing;
        a changed article (a new `content_hash`) replaces its text and adds its new figures.
        """
        rows = article_rows(article, figures, mentions, content_hash)
        return self.save_rows(rows, source_id=source_id, fetched_at=fetched_at)

    def save_rows(self, rows: ArticleRows, *, source_id: str, fetched_at: datetime) -> int:
        """`save_article` for an article already made into rows (`article_rows`)."""
        url = rows.url
        fetched = fetched_at.isoformat()
        with self.transaction() as tx:
            tx.execute(
                _ARTICLE,
                (
                    url,
                    source_id,
                    rows.title,
                    rows.published,
                    fetched,
                    rows.content_hash,
                    rows.story,
                    rows.text,
                ),
            )
            # executemany: one prepared statement for all rows (its rowcount is their sum).
            tx.executemany(_MENTION, [(target_id, url) for target_id in rows.mentions])
            if not rows.observations:
                return 0
            return tx.executemany(
                _OBSERVATION, [(*row, fetched) for row in rows.observations]
            ).rowcount

    def observations(
        self, *, target_id: str | None = None, pending: bool | None = None
    ) -> list[Observation]:
        """Observations oldest first; `pending` True: not yet in any digest."""
        sql = f"{OBSERVATIONS} WHERE 1=1"
        args: list[object] = []
        if target_id is not None:
            sql += " AND o.target_id = ?"
            args.append(target_id)
        if pending is True:
            sql += " AND o.digest_id IS NULL"
        elif pending is False:
            sql += " AND o.digest_id IS NOT NULL"
        sql += f" ORDER BY {_OBSERVATION_ORDER}"
        return [observation_of(r) for r in self.conn.execute(sql, args)]

    def reported_observations(self, target_id: str) -> list[Observation]:
        """Observations already delivered in a digest, oldest first."""
        rows = self.conn.execute(
            f"""{OBSERVATIONS} JOIN digests d ON d.id = o.digest_id
                WHERE o.target_id = ? AND d.status = 'delivered' ORDER BY {_OBSERVATION_ORDER}""",
            (target_id,),
        )
        return [observation_of(r) for r in rows]

    def pending_mentions(self) -> list[Mention]:
        rows = self.conn.execute(
            """SELECT m.target_id, m.article_url, a.title, a.source_id, a.story, a.published
               FROM mentions m JOIN articles a ON a.url = m.article_url
               WHERE m.digest_id IS NULL ORDER BY a.published, m.article_url"""
        )
        return [Mention(r[0], r[1], r[2], r[3], r[4], from_iso(r[5])) for r in rows]


def _observation_row(fig: Figure, url: str, published: str | None) -> tuple[object, ...]:
    q = fig.quantity
    high = None if q.value_high is None else str(q.value_high)
    return (
        fig.target_id,
        url,
        fig.sentence,
        fig.start,
        fig.end,
        str(q.value),
        high,
        q.unit,
        q.qualifier,
        q.surface,
        fig.kind,
        fig.scope,
        fig.period,
        published,
        fig.measure,
        fig.direction,
    )
