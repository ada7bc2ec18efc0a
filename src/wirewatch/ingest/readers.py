"""Inputs as a user has them (a file, a folder, stdin, a JSONL export) -> raw documents.

``read_source`` never raises for bad input: it yields an :class:`InputError` in the
document's place, so one bad file or line does not stop a batch. ``load_article`` turns
one raw document into an :class:`Article` (decode -> clean -> build), raising InputError.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.ingest.articles import build_article
from wirewatch.ingest.cleaning import clean_scraped_text
from wirewatch.ingest.decoding import decode_bytes
from wirewatch.ingest.html import read_html
from wirewatch.model import Article

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
# What a directory is searched for (each also gzipped).
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
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


def read_source(path: str) -> Iterator[RawDocument | InputError]:
    """Documents in ``path``: a file, a directory (recursive, sorted), or ``-`` for stdin."""
    if path == "-":
        yield from _documents(sys.stdin.buffer.read(), "<stdin>", "stdin")
        return
    location = Path(path)
    if location.is_dir():
        files = [f for f in sorted(location.rglob("*")) if _in_folder(f, location)]
        if not files:
            yield InputError(path, "no .txt, .html, .htm or .jsonl files in this directory")
        for file in files:
            # The path inside the folder, so that a/index.html and b/index.html stay apart.
            inside = file.relative_to(location)
            yield from _read_file(file, str(inside.parent / _stem(inside.name)))
    elif not location.exists():
        yield InputError(path, "no such file")
    else:
        yield from _read_file(location)


def load_article(doc: RawDocument) -> Article:
    """Clean one raw document into an Article; InputError when nothing of an article is left.

    A record with both ``html`` and ``text`` is read from its HTML (it has the structure and
    metadata). Fields the record gives (title, site name, date, URL) win over the page's.
    """
    if doc.html and doc.html.strip():
        page = read_html(doc.html, doc.url, source=doc.source)
        if doc.title and doc.title.strip():
            page = replace(page, title=" ".join(doc.title.split()))
    elif doc.text and doc.text.strip():
        title = doc.title if doc.title and doc.title.strip() else None
        page = clean_scraped_text(doc.text, title=title)
    else:
        raise InputError(doc.source, "no text")
    if doc.site_name:
        page = replace(page, site_name=doc.site_name)
    if not any(not paragraph.heading for paragraph in page.paragraphs):
        raise InputError(doc.source, "no article text left after removing page chrome")
    return build_article(page, id=doc.id, url=doc.url, published=doc.published)


def _in_folder(file: Path, folder: Path) -> bool:
    hidden = any(part.startswith(".") for part in file.relative_to(folder).parts)
    return not hidden and file.is_file() and _suffix(file.name) in FOLDER_SUFFIXES


def _stem(name: str) -> str:
    """``story.html.gz`` -> ``story``."""
    return Path(name.removesuffix(".gz")).stem


def _suffix(name: str) -> str:
    """The suffix that says what a file holds, looking through ``.gz``."""
    return Path(name.removesuffix(".gz")).suffix.lower()


def _read_file(file: Path, id: str | None = None) -> Iterator[RawDocument | InputError]:
    try:
        data = file.read_bytes()
    except OSError as error:
        yield InputError(str(file), f"cannot read ({error.strerror or error})")
        return
    yield from _documents(data, str(file), file.name, id)


def _documents(
    data: bytes, source: str, name: str, id: str | None = None
) -> Iterator[RawDocument | InputError]:
    try:
        text = decode_bytes(data, source)
    except InputError as error:
        yield error
        return
    suffix = _suffix(name)
    stem = id or _stem(name)
    if suffix in JSONL_SUFFIXES or (suffix not in FOLDER_SUFFIXES and _looks_like_jsonl(text)):
        yield from _records(text, source, stem)
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield RawDocument(id=stem, source=source, text=None, html=text)
    else:
        yield RawDocument(id=stem, source=source, text=text, html=None)


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


def _records(text: str, source: str, stem: str) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
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
