"""RSS and Atom feeds, and pages on the web -> raw documents.

A feed (a file, or a URL that answers with one) lists articles; each entry's ``link`` is
fetched and read as a page. The page's own title and date win; the entry's are used
when the page has none (``RawDocument.fallback_title`` / ``fallback_published``). The
document's ``url`` is the entry's link as the feed gives it, its id that URL too.

A URL that answers with anything but a feed is read as one page. Every failure (the feed
does not parse, an entry has no link, a page cannot be fetched or decoded) is one
:class:`InputError` in the document's place; the other entries go on.
"""

from __future__ import annotations

import datetime
import io
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]

from wirewatch.errors import InputError
from wirewatch.ingest.decoding import decode_bytes
from wirewatch.ingest.fetch import Fetched, Fetcher
from wirewatch.ingest.readers import RawDocument, looks_like_html

# The root element of RSS 0.9x/2.0, Atom, and RSS 1.0 (RDF).
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
# The first element's name, past the XML declaration, comments and a doctype.
FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def looks_like_feed(text: str) -> bool:
    """Whether ``text`` is an RSS or Atom document, by its root element."""
    head = text[:4096].lstrip()
    if not head.startswith("<") or looks_like_html(head):
        return False
    first = FIRST_ELEMENT.search(head)
    return first is not None and first.group(1).lower() in FEED_ROOTS


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawDocument | InputError]:
    """What ``url`` holds: a feed's entries, each fetched, or the one page it is."""
    try:
        fetched = fetcher.get(url)
        text = decode_bytes(
            fetched.content, url, encoding=fetched.charset, max_bytes=fetcher.settings.max_bytes
        )
    except InputError as error:
        yield error
        return
    if looks_like_feed(text):
        yield from read_feed(text, url, fetcher, base_url=fetched.final_url)
    else:
        yield _page(url, fetched, text)


def read_feed(
    text: str, source: str, fetcher: Fetcher, *, base_url: str | None = None
) -> Iterator[RawDocument | InputError]:
    """The pages a feed links to, in feed order; ``base_url`` resolves relative links."""
    # Bytes in a stream, with the charset already decided: feedparser given a str may
    # take it for a file name or a URL and open it.
    headers = {"content-type": "application/xml; charset=utf-8"}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())})" if problem else ""
        yield InputError(source, f"not an RSS or Atom feed{detail}")
        return
    if not parsed.entries:
        yield InputError(source, "feed has no entries")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link:
            yield InputError(f"{source}#{number}", "feed entry has no link")
            continue
        if base_url:
            link = urljoin(base_url, link)
        yield fetch_page(link, fetcher, fallback_title=_title(entry), fallback_published=_published(entry))


def fetch_page(
    url: str,
    fetcher: Fetcher,
    *,
    fallback_title: str | None = None,
    fallback_published: str | None = None,
) -> RawDocument | InputError:
    """One page at ``url`` as a raw document (HTML, or text if it is plain text)."""
    try:
        fetched = fetcher.get(url)
        text = decode_bytes(
            fetched.content, url, encoding=fetched.charset, max_bytes=fetcher.settings.max_bytes
        )
    except InputError as error:
        return error
    return _page(url, fetched, text, fallback_title, fallback_published)


def _page(
    url: str,
    fetched: Fetched,
    text: str,
    fallback_title: str | None = None,
    fallback_published: str | None = None,
) -> RawDocument:
    is_html = fetched.content_type in HTML_TYPES or looks_like_html(text)
    return RawDocument(
        id=url,
        source=url,
        text=None if is_html else text,
        html=text if is_html else None,
        url=url,
        fallback_title=fallback_title,
        fallback_published=fallback_published,
    )


def _title(entry: Any) -> str | None:
    title = " ".join(str(entry.get("title") or "").split())
    return title or None


def _published(entry: Any) -> str | None:
    """The entry's date (published, else updated) as ``YYYY-MM-DD``, like the page reader's."""
    for key in ("published_parsed", "updated_parsed"):
        # dict.get: FeedParserDict.get maps a missing key to another one, with a warning.
        value = dict.get(entry, key)
        if isinstance(value, time.struct_time):
            try:
                return datetime.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except ValueError:
                continue
    return None
