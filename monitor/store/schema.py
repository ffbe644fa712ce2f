"""The state database's schema: its file name, how long to wait for a writer, and the
migrations that move it forward one version at a time (`Store.open` runs them)."""

from __future__ import annotations

DB_NAME = "monitor.db"
BUSY_TIMEOUT = 10.0  # seconds to wait for another writer before giving up with a StateError

CHECKPOINT_PAGES = 10_000  # WAL pages (4 KiB) written before SQLite copies them into the file

# Each entry moves the schema from version i to i + 1; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        last_fetch_at TEXT,
        last_success_at TEXT,
        last_status INTEGER,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_links INTEGER
    );
    CREATE TABLE validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        checked_at TEXT
    );
    CREATE TABLE articles (
        url TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        fetched_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        story TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE digests (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT NOT NULL,
        message_id TEXT NOT NULL UNIQUE,
        message BLOB NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_outcome TEXT CHECK (last_outcome IN ('failed', 'unknown')),
        delivered_at TEXT,
        location TEXT
    );
    CREATE TABLE mentions (
        target_id TEXT NOT NULL,
        article_url TEXT NOT NULL REFERENCES articles(url),
        digest_id INTEGER REFERENCES digests(id),
        PRIMARY KEY (target_id, article_url)
    );
    CREATE TABLE observations (
        id INTEGER PRIMARY KEY,
        target_id TEXT NOT NULL,
        article_url TEXT NOT NULL REFERENCES articles(url),
        sentence TEXT NOT NULL,
        fstart INTEGER NOT NULL,
        fend INTEGER NOT NULL,
        value TEXT NOT NULL,
        value_high TEXT,
        unit TEXT,
        qualifier TEXT NOT NULL,
        surface TEXT NOT NULL,
        kind TEXT NOT NULL,
        scope TEXT NOT NULL,
        period TEXT,
        published TEXT,
        observed_at TEXT NOT NULL,
        digest_id INTEGER REFERENCES digests(id),
        UNIQUE (target_id, article_url, sentence, fstart)
    );
    CREATE INDEX observations_pending ON observations(digest_id);
    CREATE TABLE runs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    """
    CREATE TABLE cache (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    """,
    # An analyst's verdict on a figure (`monitor reject|accept ID`), and the digest that
    # carried the 更正 line for a rejected figure an earlier digest had reported. Columns are
    # only added: every row is kept, and an older state folder upgrades in place.
    """
    ALTER TABLE observations ADD COLUMN verdict TEXT
        CHECK (verdict IS NULL OR verdict IN ('rejected', 'accepted'));
    ALTER TABLE observations ADD COLUMN verdict_why TEXT;
    ALTER TABLE observations ADD COLUMN verdict_at TEXT;
    ALTER TABLE observations ADD COLUMN corrected_in INTEGER REFERENCES digests(id);
    """,
    # Chat channels: a digest's short form, and each channel's delivery of it on its own row,
    # so that a channel that is down is retried alone and one that took it is never sent it again.
    # Digests from before this version have no short form and no rows: no channel sends them.
    """
    ALTER TABLE digests ADD COLUMN chat TEXT;
    CREATE TABLE channel_deliveries (
        digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_try_at TEXT,
        delivered_at TEXT,
        PRIMARY KEY (digest_id, channel)
    );
    """,
    # When a delivery attempt began: set before the message goes out, so that the next run
    # knows a run stopped in the middle of sending it (see docs/running.md, "exactly once").
    """
    ALTER TABLE digests ADD COLUMN sending_at TEXT;
    """,
    # What a figure measures beside its value: the stage of work it counts (开工, 完工), so that
    # one target's starts and completions never make one series, and a fall's direction (下降).
    """
    ALTER TABLE observations ADD COLUMN measure TEXT;
    ALTER TABLE observations ADD COLUMN direction TEXT
        CHECK (direction IS NULL OR direction IN ('up', 'down'));
    """,
)
