"""wirewatch: who said what in the news, with every fact tied to the words.

The public API is small::

    import wirewatch
    result = wirewatch.extract(text_or_html)   # -> wirewatch.Extraction
    for s in result.statements:
        print(s.speaker_name, s.cue.text if s.cue else None, s.content_text)

For many articles, build one :class:`Extractor` and call ``extract_many``.
"""

from __future__ import annotations

from functools import cache

from wirewatch.errors import InputError, WirewatchError
from wirewatch.extract import Extractor
from wirewatch.model import Article, Extraction, Span, Statement
from wirewatch.nlp import load_pipeline

__all__ = [
    "Article",
    "Extraction",
    "Extractor",
    "InputError",
    "Span",
    "Statement",
    "WirewatchError",
    "extract",
    "load_pipeline",
]
__version__ = "0.1.0"


@cache
def _default_extractor() -> Extractor:
    return Extractor()


def extract(text_or_html: str, *, id: str = "article", url: str | None = None) -> Extraction:
    """Clean one article (plain text as scraped, or HTML) and extract its statements."""
    from wirewatch.ingest import RawDocument, load_article, looks_like_html

    is_html = looks_like_html(text_or_html)
    doc = RawDocument(
        id=id,
        source=id,
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        url=url,
    )
    return _default_extractor().extract(load_article(doc))
