"""A :class:`CleanedPage` -> the :class:`Article` every later layer points into.

``Article.text`` is the headline, then the paragraphs (subheads included as their own
paragraphs), separated by blank lines. The spans of the headline and subheads are
computed while the text is assembled, so they cannot drift from it.
"""

from __future__ import annotations

from wirewatch.ingest.page import CleanedPage
from wirewatch.model import Article, Span

PARAGRAPH_BREAK = "\n\n"


def build_article(
    page: CleanedPage, *, id: str, url: str | None = None, published: str | None = None
) -> Article:
    """Assemble the article text and its spans; ``published`` here wins over the page's."""
    pieces: list[str] = []
    offset = 0
    headline: Span | None = None
    headings: list[Span] = []

    def append(piece: str) -> Span:
        nonlocal offset
        if pieces:
            pieces.append(PARAGRAPH_BREAK)
            offset += len(PARAGRAPH_BREAK)
        pieces.append(piece)
        offset += len(piece)
        return Span(piece, offset - len(piece), offset)

    title = " ".join(page.title.split()) if page.title else None
    if title:
        headline = append(title)
    for paragraph in page.paragraphs:
        if not paragraph.text.strip():
            continue  # a blank paragraph would only widen a paragraph break
        span = append(paragraph.text)
        if paragraph.heading:
            headings.append(span)
    return Article(
        id=id,
        text="".join(pieces),
        title=title,
        site_name=page.site_name,
        dateline=page.dateline,
        published=published or page.published,
        url=url,
        headline=headline,
        headings=tuple(headings),
    )
