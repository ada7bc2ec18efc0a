"""An HTML page -> a :class:`CleanedPage`, with trafilatura doing the hard part.

trafilatura (``bare_extraction``) finds the main text and the page's metadata (title,
site name, date). We walk its output tree rather than its text so that ``<head>``
elements become heading paragraphs and ``<lb/>`` breaks become paragraph breaks, then
run the same paragraph rules as plain text (``cleaning.finish_page``): chrome the
extractor kept, the headline repeated as the first line, the dateline lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from wirewatch.errors import InputError
from wirewatch.ingest.cleaning import finish_page
from wirewatch.ingest.dates import parse_date
from wirewatch.ingest.headlines import strip_site
from wirewatch.ingest.page import CleanedPage, Paragraph

# Elements of trafilatura's output tree that hold other blocks, and that hold text.
CONTAINERS = frozenset({"body", "div", "list", "quote", "table", "row", "cell"})
BLOCKS = frozenset({"p", "head", "item", "quote", "code", "cell"})
# Not text: images and bare line breaks between blocks.
SKIPPED = frozenset({"graphic", "lb"})


def read_html(html: str, url: str | None = None, *, source: str | None = None) -> CleanedPage:
    """Extract the article from ``html``; ``source`` names it in errors (default: the URL)."""
    where = source or url or "<html>"
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            # Some pages lay the whole article out in a table (thespacereview.com does).
            include_tables=True,
            include_images=False,
            include_formatting=False,
            # The benchmark in shared/data/html: best F1 there, and chrome costs us more than a
            # missed paragraph (a caption read as a statement is worse than no statement).
            favor_precision=True,
        )
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise InputError(where, f"unreadable HTML ({error})") from None
    # bare_extraction returns a Document unless asked for a dict (as_dict=True).
    if not isinstance(document, Document) or document.body is None:
        raise InputError(where, "no article text found in HTML")
    site_name = _clean(document.sitename) or None
    # The <h1> opening the text is the headline readers saw; <title>/og:title is often an SEO variant.
    title = _leading_h1(document.body) or strip_site(_clean(document.title), site_name) or None
    date = parse_date(document.date) if document.date else None
    paragraphs = list(_paragraphs(document.body))
    page = finish_page(paragraphs, title=title, site_name=site_name, published=date, guess_subheads=False)
    if not any(not p.heading for p in page.paragraphs):
        raise InputError(where, "no article text found in HTML")
    return page


def _paragraphs(container: etree._Element) -> Iterator[Paragraph]:
    for element in container:
        tag = element.tag
        if isinstance(tag, str) and tag not in SKIPPED:
            yield from _element_paragraphs(element)
        # Text between blocks (trafilatura keeps it as a tail) is a paragraph too.
        if tail := _clean(element.tail):
            yield Paragraph(tail)


def _element_paragraphs(element: etree._Element) -> Iterator[Paragraph]:
    if element.tag == "row" and not any(_holds_blocks(cell) for cell in element):
        # A data table row reads as one line: "1 | Kyle Busch | 5040".
        cells = [_clean(_text(cell)) for cell in element]
        if row := " | ".join(cell for cell in cells if cell):
            yield Paragraph(row)
    elif element.tag in CONTAINERS and _holds_blocks(element):
        yield from _paragraphs(element)
    else:
        for line in _text(element).split("\n"):
            if text := _clean(line):
                yield Paragraph(text, heading=element.tag == "head")


def _leading_h1(body: etree._Element) -> str | None:
    for element in body.iter("p", "head", "item"):
        if text := _clean(_text(element)):
            return text if element.tag == "head" and element.get("rend") == "h1" else None
    return None


def _holds_blocks(element: etree._Element) -> bool:
    return any(child.tag in BLOCKS or child.tag in CONTAINERS for child in element)


def _text(element: etree._Element) -> str:
    # itertext() would glue the lines around an <lb/> together.
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str | None) -> str:
    # In HTML, runs of whitespace are one space: no character inside the text is lost.
    return re.sub(r"\s+", " ", text or "").strip()
