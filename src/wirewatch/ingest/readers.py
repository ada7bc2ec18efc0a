"""Inputs as a user has them (a file, a folder, stdin, a JSONL export, a WARC file, a
feed, a URL) -> raw documents.

``read_source`` never raises for bad input: it yields an :class:`InputError` in the
document's place, so one bad file, line, record or URL does not stop a batch. Every
error is one line naming the input and the reason. ``load_article`` turns one raw
document into an :class:`Article` (decode -> clean -> build), raising InputError.

Nothing is loaded whole past a size limit: a single document over ``max_bytes``
(:data:`MAX_DOCUMENT_BYTES`, 20 MB) is refused by its size on disk before it is read,
while gzip is inflated, or while it downloads; a JSONL export may be up to
:data:`MAX_BATCH_BYTES`; WARC files are streamed record by record, whatever their size.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch.errors import InputError
from wirewatch.ingest.articles import build_article
from wirewatch.ingest.cleaning import clean_scraped_text
from wirewatch.ingest.decoding import GZIP_MAGIC, MAX_DOCUMENT_BYTES, decode_bytes, format_size
from wirewatch.ingest.html import read_html
from wirewatch.model import Article

if TYPE_CHECKING:
    from wirewatch.ingest.fetch import Fetcher

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
WARC_SUFFIXES = frozenset({".warc"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# What a directory is searched for (each also gzipped). Not feeds: reading a folder
# should not start fetching pages from the web, and ``.xml`` there is rarely a feed.
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
# Suffixes that say what a file is; any other file is recognised by its content.
KNOWN_SUFFIXES = FOLDER_SUFFIXES | FEED_SUFFIXES
# A JSONL export holds many documents: it may be this big (it is still read whole).
MAX_BATCH_BYTES = 1024 * 1024 * 1024
WARC_MAGIC = b"WARC/"
URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
# An HTML document opens with one of these, maybe after a comment or an XML declaration.
HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
RECORD_FIELDS = ("text", "html", "title", "url", "published", "site_name")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document before cleaning. ``source`` names it in errors (path or path:line)."""

    id: str
    source: str
    text: str | None
    html: str | None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site_name: str | None = None
    # Used only when the page itself has none (a feed entry's title and date): unlike
    # ``title`` and ``published`` above, which win over the page's own.
    fallback_title: str | None = None
    fallback_published: str | None = None


def read_source(
    path: str, *, fetcher: Fetcher | None = None, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[RawDocument | InputError]:
    """Documents in ``path``, by what it is:

    - ``-``: stdin (text, HTML or JSONL, by content);
    - an ``http://`` or ``https://`` URL: fetched; a feed gives one document per entry
      (each entry's link fetched), anything else is one page; other schemes are refused;
    - a directory: its .txt, .html, .htm, .jsonl and .warc files (each also .gz),
      recursively, in sorted order, hidden ones skipped;
    - a file: ``.warc`` -> its HTML responses; ``.rss``/``.atom``/``.xml`` -> a feed;
      ``.jsonl`` -> one document per line; ``.txt``/``.html``/``.htm`` -> one document;
      any other name by its content (WARC, JSONL, feed, HTML, else text).

    ``fetcher`` does the HTTP for URLs and feeds; pass one to set timeouts, retries and
    the per-host rate limit, and to share that rate limit across sources. Without one, a
    Fetcher with default settings is made when first needed and closed at the end.
    ``max_bytes`` bounds every single document.
    """
    with ExitStack() as stack:

        def get_fetcher() -> Fetcher:
            nonlocal fetcher
            if fetcher is None:
                from wirewatch.ingest.fetch import Fetcher, FetchSettings

                fetcher = stack.enter_context(Fetcher(FetchSettings(max_bytes=max_bytes)))
            return fetcher

        yield from _Reader(get_fetcher, max_bytes).read(path)


class _Reader:
    """What every step of reading one source needs: the fetcher (made lazily), the limit."""

    def __init__(self, fetcher: Callable[[], Fetcher], max_bytes: int) -> None:
        self.fetcher = fetcher
        self.max_bytes = max_bytes

    def read(self, path: str) -> Iterator[RawDocument | InputError]:
        if path == "-":
            yield from self._stdin()
            return
        if scheme := URL_SCHEME.match(path):
            if scheme.group(1).lower() not in ("http", "https"):
                yield InputError(path, f"only http and https URLs are read, not {scheme.group(1)}")
                return
            from wirewatch.ingest.feeds import read_url

            yield from read_url(path, self.fetcher())
            return
        location = Path(path)
        if location.is_dir():
            files = [f for f in sorted(location.rglob("*")) if _in_folder(f, location)]
            if not files:
                yield InputError(path, "no .txt, .html, .htm, .jsonl or .warc files in this directory")
            for file in files:
                # The path inside the folder, so that a/index.html and b/index.html stay apart.
                inside = file.relative_to(location)
                yield from self._file(file, str(inside.parent / _stem(inside.name)))
        elif not location.exists():
            yield InputError(path, "no such file")
        else:
            yield from self._file(location)

    def _stdin(self) -> Iterator[RawDocument | InputError]:
        # Possibly a JSONL export, so up to the batch limit; one more byte says it is over.
        data = sys.stdin.buffer.read(MAX_BATCH_BYTES + 1)
        if len(data) > MAX_BATCH_BYTES:
            yield InputError("<stdin>", f"input is over the {format_size(MAX_BATCH_BYTES)} limit")
            return
        yield from self._documents(data, "<stdin>", "stdin")

    def _file(self, file: Path, id: str | None = None) -> Iterator[RawDocument | InputError]:
        suffix = _suffix(file.name)
        if suffix in WARC_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _starts_like_warc(file)):
            from wirewatch.ingest.warc import read_warc

            yield from read_warc(file, max_bytes=self.max_bytes)
            return
        limit = MAX_BATCH_BYTES if suffix in JSONL_SUFFIXES else self.max_bytes
        try:
            # By size on disk first: a 200 MB page is refused without reading a byte of it.
            size = file.stat().st_size
            if size > limit:
                what = "file" if suffix in JSONL_SUFFIXES else "page"
                reason = f"{what} is {format_size(size)}, over the {format_size(limit)} limit"
                yield InputError(str(file), reason)
                return
            data = file.read_bytes()
        except OSError as error:
            yield InputError(str(file), f"cannot read ({error.strerror or error})")
            return
        yield from self._documents(data, str(file), file.name, id)

    def _documents(
        self, data: bytes, source: str, name: str, id: str | None = None
    ) -> Iterator[RawDocument | InputError]:
        suffix = _suffix(name)
        batch = suffix in JSONL_SUFFIXES or name == "stdin"
        try:
            text = decode_bytes(data, source, max_bytes=MAX_BATCH_BYTES if batch else self.max_bytes)
        except InputError as error:
            yield error
            return
        stem = id or _stem(name)
        by_content = suffix not in KNOWN_SUFFIXES
        if suffix in JSONL_SUFFIXES or (by_content and _looks_like_jsonl(text)):
            yield from _records(text, source, stem, self.max_bytes)
            return
        if suffix in FEED_SUFFIXES or (by_content and _looks_like_feed(text)):
            from wirewatch.ingest.feeds import read_feed

            yield from read_feed(text, source, self.fetcher())
            return
        if len(text) > self.max_bytes:
            # Only stdin gets here with so much (files were refused by their size).
            yield InputError(source, f"page is over the {format_size(self.max_bytes)} limit")
        elif suffix in HTML_SUFFIXES or looks_like_html(text):
            yield RawDocument(id=stem, source=source, text=None, html=text)
        else:
            yield RawDocument(id=stem, source=source, text=text, html=None)


def load_article(doc: RawDocument) -> Article:
    """Clean one raw document into an Article; InputError when nothing of an article is left.

    A record with both ``html`` and ``text`` is read from its HTML (it has the structure and
    metadata). Fields the record gives (title, site name, date, URL) win over the page's;
    ``fallback_title`` and ``fallback_published`` (a feed entry's) only fill in what the page
    lacks.
    """
    if doc.html and doc.html.strip():
        page = read_html(doc.html, doc.url, source=doc.source)
        if doc.title and doc.title.strip():
            page = replace(page, title=" ".join(doc.title.split()))
        elif not page.title and doc.fallback_title and doc.fallback_title.strip():
            page = replace(page, title=" ".join(doc.fallback_title.split()))
    elif doc.text and doc.text.strip():
        title = doc.title if doc.title and doc.title.strip() else None
        page = clean_scraped_text(doc.text, title=title)
        if not page.title and doc.fallback_title and doc.fallback_title.strip():
            page = replace(page, title=" ".join(doc.fallback_title.split()))
    else:
        raise InputError(doc.source, "no text")
    if doc.site_name:
        page = replace(page, site_name=doc.site_name)
    if not any(not paragraph.heading for paragraph in page.paragraphs):
        raise InputError(doc.source, "no article text left after removing page chrome")
    published = doc.published or (None if page.published else doc.fallback_published)
    return build_article(page, id=doc.id, url=doc.url, published=published)


def _in_folder(file: Path, folder: Path) -> bool:
    hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
    return not hidden and file.is_file() and _suffix(file.name) in FOLDER_SUFFIXES


def _stem(name: str) -> str:
    """``story.html.gz`` -> ``story``."""
    return Path(name.removesuffix(".gz")).stem


def _suffix(name: str) -> str:
    """The suffix that says what a file holds, looking through ``.gz``."""
    return Path(name.removesuffix(".gz")).suffix.lower()


def _starts_like_warc(file: Path) -> bool:
    """Whether ``file`` opens like a WARC file (gzipped or not), by its first bytes."""
    try:
        with file.open("rb") as stream:
            head = stream.read(512)
    except OSError:
        return False
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def _looks_like_feed(text: str) -> bool:
    from wirewatch.ingest.feeds import looks_like_feed

    return looks_like_feed(text)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (by its first tags, whatever the file is called)."""
    head = text[:2048].lstrip()
    return head.startswith("<") and HTML_START.search(head) is not None


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _records(text: str, source: str, stem: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > max_bytes:
            yield InputError(where, f"record is over the {format_size(max_bytes)} limit")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        yield _record(record, where, f"{stem}:{number}")


def _record(record: Any, where: str, default_id: str) -> RawDocument | InputError:
    if not isinstance(record, dict):
        return InputError(where, "not a JSON object")
    fields: dict[str, str | None] = {}
    for key in RECORD_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(where, f'"{key}" must be a string, not {type(value).__name__}')
        # Blank strings count as missing: an empty "title" must not hide the page's own.
        fields[key] = value if value and value.strip() else None
    if fields["text"] is None and fields["html"] is None:
        return InputError(where, 'record has neither "text" nor "html"')
    raw_id = record.get("id")
    has_id = isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id).strip()
    text = fields["text"]
    return RawDocument(
        id=str(raw_id) if has_id else default_id,
        source=where,
        text=text.replace("\r\n", "\n").replace("\r", "\n") if text else None,
        html=fields["html"],
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
        site_name=fields["site_name"],
    )
