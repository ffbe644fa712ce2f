"""SQLite state under `state/`: source health, validators, articles, observations, digests.

`Store.open(folder)` migrates the schema forward (database.py, schema.py); every write is
idempotent by key, so a pass that is killed and repeated neither loses nor duplicates anything.
The tables' verbs are in sources.py, articles.py and digests.py, the records they return in
records.py, the batching of a pass's writes in batch.py.
"""

from __future__ import annotations

from monitor.store.articles import ArticleRows, Articles, rows_of_reading, story_key
from monitor.store.digests import Digests
from monitor.store.sources import Sources, hash_content

__all__ = ["ArticleRows", "Store", "hash_content", "rows_of_reading", "story_key"]


class Store(Sources, Articles, Digests):
    """One SQLite database: `with Store.open(folder) as store:` closes it when the block ends."""
