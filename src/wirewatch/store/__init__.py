"""The store: articles, statements, speakers and syndication groups in SQLite or PostgreSQL.

``Store(url)`` opens (and migrates) a database; ``Store.writer()`` writes; the query
functions in :mod:`wirewatch.store.queries` read.
"""

from wirewatch.store.store import DEFAULT_DB, Outcome, Store, Writer, database_url, source_key

__all__ = ["DEFAULT_DB", "Outcome", "Store", "Writer", "database_url", "source_key"]
