"""Ingest: from a file, stdin or a JSONL record, as a user has it, to a cleaned Article.

``read_source`` -> ``RawDocument`` -> ``load_article`` -> ``Article``; the steps in
between (``decode_bytes``, ``clean_scraped_text``, ``read_html``, ``build_article``) are
public too, for callers that already hold text or HTML.

WARC files (``ingest.warc.read_warc``), feeds and web pages (``ingest.feeds``) and HTTP
(``ingest.fetch.Fetcher``, ``FetchSettings``) are read through ``read_source`` too; their
modules are imported only when needed, so that starting up does not load httpx,
feedparser and warcio.
"""

from wirewatch.ingest.articles import build_article
from wirewatch.ingest.cleaning import clean_scraped_text
from wirewatch.ingest.decoding import decode_bytes
from wirewatch.ingest.html import read_html
from wirewatch.ingest.page import CleanedPage, Paragraph
from wirewatch.ingest.readers import RawDocument, load_article, looks_like_html, read_source

__all__ = [
    "CleanedPage",
    "Paragraph",
    "RawDocument",
    "build_article",
    "clean_scraped_text",
    "decode_bytes",
    "load_article",
    "looks_like_html",
    "read_html",
    "read_source",
]
