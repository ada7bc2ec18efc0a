"""WARC files (``.warc``, ``.warc.gz``) -> one raw document per archived HTML page.

A crawl holds much besides pages: requests, metadata, redirects, images, scripts. Only
``response`` records of an HTTP 200 with an HTML content type become documents; the
rest are skipped without a word. Each document is named ``<file>#<offset>``, the byte
offset of its record in the file as it is on disk (what ``warcio extract`` takes), and
its id is its URL (``WARC-Target-URI``): stable across runs and across crawls.

The body is decoded with :func:`decode_bytes`, honouring the charset of the archived
HTTP ``Content-Type`` header. ``WARC-Date`` is not used as the publication date: it is
when the crawler saw the page, which may be minutes or years after it was published, so
it would be a wrong fact stated with confidence. The HTML reader finds the page's own
date (meta tags, JSON-LD, ``<time>``), or the date stays unknown.

A truncated or corrupt file yields the documents before the damage, then one
:class:`InputError` naming the file and the reason. The file is streamed record by
record, so its size does not matter; a single page over the size limit is refused.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from io import BufferedReader
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.utils import BUFF_SIZE

from wirewatch.errors import InputError
from wirewatch.ingest.decoding import (
    GZIP_MAGIC,
    MAX_DOCUMENT_BYTES,
    decode_bytes,
    format_size,
    parse_content_type,
)
from wirewatch.ingest.readers import RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WARC_MAGIC = b"WARC/"
CHUNK = 64 * 1024


class _Inflater(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, keeping a gzip error to report instead of printing it to stderr."""

    error: str | None = None

    def _decompress(self, data: bytes) -> bytes:
        # warcio's own: on the first block of a stream an error means "not gzip after
        # all"; later, it writes the error to stderr and returns nothing.
        if self.decompressor is not None and data and self.num_block_read:
            try:
                return bytes(self.decompressor.decompress(data))
            except zlib.error as error:
                self.error = _first_line(error).rpartition(": ")[2]
                return b""
        return bytes(super()._decompress(data))


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, WARC only, keeping what it knows of how the data ended.

    warcio stops quietly at the end of the data, even in the middle of a gzip member or
    of a record's headers: the decompressor of the last member knows whether it reached
    that member's end, and the offset reached says whether all the data was read.
    """

    def __init__(self, stream: BufferedReader, *, gzipped: bool) -> None:
        super().__init__(stream)
        self.gzipped = gzipped
        # WARC only: left to guess, warcio reads any text as a (legacy) ARC file.
        self.known_format = "warc"
        self.inflater = self.reader = _Inflater(self.fh, block_size=BUFF_SIZE)
        self.gzip_cut = False

    def close(self) -> None:
        self.gzip_cut = self.gzip_cut or _gzip_cut(self)
        super().close()


def _gzip_cut(records: _Records) -> bool:
    decompressor = records.inflater.decompressor
    return records.gzipped and decompressor is not None and getattr(decompressor, "eof", True) is False


def read_warc(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDocument | InputError]:
    """The HTML pages archived in the WARC file at ``path``, in file order."""
    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield InputError(name, f"cannot read ({error.strerror or error})")
        return
    with stream:
        yield from _read(stream, name, max_bytes)


def _read(stream: BufferedReader, name: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    if not stream.peek(1):
        yield InputError(name, "empty file")
        return
    records = _Records(stream, gzipped=stream.peek(2)[:2] == GZIP_MAGIC)
    iterator = iter(records)
    pages = 0
    while True:
        offset = records.offset
        try:
            record = next(iterator)
        except StopIteration:
            break
        # warcio fails on damaged data in many ways (its own errors, zlib's, and plain
        # AttributeErrors on half-read headers): whatever it raises here is damage.
        except Exception as error:
            # Past the previous record's end, unless that was what failed.
            yield _damage(records, stream, name, max(offset, records.offset), error, pages)
            return
        offset = records.offset
        item = _page(record, f"{name}#{offset}", max_bytes)
        if _drain(record):
            # Never yield a page whose end is missing; say what cut it short.
            yield _damage(records, stream, name, offset)
            return
        if item is not None:
            pages += 1
            yield item
    size = os.fstat(stream.fileno()).st_size
    if records.gzip_cut or records.inflater.error or records.offset < size:
        # warcio takes an EOFError inside a record's headers for the end of the file.
        yield _damage(records, stream, name, records.offset)
    elif pages == 0:
        yield InputError(name, "no HTML pages (HTTP 200 responses) in this WARC file")


def _damage(
    records: _Records,
    stream: BufferedReader,
    name: str,
    offset: int,
    error: Exception | None = None,
    pages: int = 0,
) -> InputError:
    """Why reading stopped at the record at ``offset``: an error warcio raised, or (with
    ``error`` None) data that ended before the record did."""
    where = f"the record at offset {offset}"
    if records.inflater.error:
        return InputError(name, f"corrupt gzip data in {where} ({records.inflater.error})")
    if records.gzip_cut or _gzip_cut(records):
        return InputError(name, f"truncated: the gzip data ends inside {where}")
    if isinstance(error, ArchiveLoadFailed):
        if pages == 0 and offset == 0:
            return InputError(name, f"not a WARC file ({_first_line(error)})")
        return InputError(name, f"corrupt record at offset {offset} ({_first_line(error)})")
    size = stream.seek(0, os.SEEK_END)
    if error is None:
        stream.seek(offset)
        if not records.gzipped and stream.read(len(WARC_MAGIC)) != WARC_MAGIC:
            return InputError(name, f"corrupt: no WARC record at offset {offset}")
        return InputError(name, f"truncated: it ends inside {where}")
    # Anything else (an AttributeError on half-read headers...): cut short if it broke
    # in the last block warcio read, else damaged in the middle.
    if size <= offset + 2 * BUFF_SIZE:
        return InputError(name, f"truncated: it ends inside {where}")
    return InputError(name, f"corrupt record at offset {offset} ({_first_line(error)})")


def _page(record: Any, source: str, max_bytes: int) -> RawDocument | InputError | None:
    """A document for a 200 HTML response record, an error for a bad one, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    media_type, charset = parse_content_type(record.http_headers.get_header("Content-Type"))
    if media_type not in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url:
        return InputError(source, "response record has no WARC-Target-URI")
    try:
        body = _read_at_most(record.content_stream(), max_bytes)
    except (zlib.error, OSError, ValueError) as error:
        return InputError(source, f"cannot read the archived body ({_first_line(error)})")
    if body is None:
        return InputError(source, f"page is over the {format_size(max_bytes)} limit")
    try:
        html = decode_bytes(body, source, encoding=charset, max_bytes=max_bytes)
    except InputError as error:
        return error
    return RawDocument(id=url, source=source, text=None, html=html, url=url)


def _read_at_most(stream: Any, limit: int) -> bytes | None:
    """The whole stream, or None as soon as it is over ``limit`` bytes."""
    body = bytearray()
    while chunk := stream.read(CHUNK):
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _drain(record: Any) -> bool:
    """Read the record to its end; whether it was cut short of its Content-Length."""
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    if isinstance(raw, LimitReader):
        return raw.limit > 0
    # No Content-Length: its header block itself was cut off.
    return record.rec_headers.get_header("Content-Length") is None


def _first_line(error: BaseException) -> str:
    """The error's first line, printable: warcio quotes the bytes it choked on, often binary."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    line = lines[0] if lines else type(error).__name__
    if not line.isprintable():
        line = "".join(c if c.isprintable() else "?" for c in line)
    return line if len(line) <= 120 else line[:117] + "..."
