"""WARC files: the HTML pages of a crawl, the rest skipped, damage reported after what came
before it. Test WARCs are written here with warcio from the real pages in tests/data/ingest."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.errors import InputError
from wirewatch.ingest.readers import RawDocument, load_article, read_source
from wirewatch.ingest.warc import read_warc

from .conftest import benchmark_pages

PAGES = benchmark_pages()
RUSSIAN = (
    "<html><head><title>Новости</title></head>"
    "<body><p>Министр заявил, что переговоры продолжатся.</p></body></html>"
)


def response(writer: WARCWriter, url: str, body: bytes, status: str = "200 OK", **headers: str) -> None:
    http = StatusAndHeaders(status, list(headers.items()), protocol="HTTP/1.1")
    # With its length given, warcio needs no temporary file to measure the payload.
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
    )
    writer.write_record(record)


def request(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=http))


def crawl(compress: bool) -> bytes:
    """A small crawl: the three real pages, among what a crawler also archives."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for url, html in PAGES:
        request(writer, url)
        response(writer, url, html.encode(), **{"Content-Type": "text/html; charset=utf-8"})
        # Then things that are not pages: a redirect, an image, a 404, metadata.
        response(writer, url + "?old", b"", "301 Moved Permanently", Location=url)
        response(writer, url + "logo.png", b"\x89PNG\r\n\x1a\n....", **{"Content-Type": "image/png"})
        response(
            writer,
            url + "missing",
            b"<html>Not found</html>",
            "404 Not Found",
            **{"Content-Type": "text/html"},
        )
        about = b"outlinks: none\n"
        metadata = writer.create_warc_record(url, "metadata", payload=io.BytesIO(about), length=len(about))
        writer.write_record(metadata)
    return out.getvalue()


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def crawl_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    compress: bool = request.param
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(crawl(compress))
    return path


def record_at(path: Path, offset: int) -> str:
    """The target URL of the record at ``offset``: the source names a record one can find."""
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return str(record.rec_headers.get_header("WARC-Target-URI"))


def test_html_responses_become_documents(crawl_file: Path) -> None:
    docs = list(read_source(str(crawl_file)))
    assert all(isinstance(doc, RawDocument) for doc in docs), docs
    assert [(d.id, d.url, d.html) for d in docs if isinstance(d, RawDocument)] == [
        (url, url, html) for url, html in PAGES
    ]
    for doc in docs:
        assert isinstance(doc, RawDocument)
        name, _, offset = doc.source.partition("#")
        assert name == str(crawl_file)
        assert record_at(crawl_file, int(offset)) == doc.url
        # WARC-Date is when the page was crawled, not published: left for the page to say.
        assert doc.published is None


def test_documents_load_as_articles(crawl_file: Path) -> None:
    first = next(iter(read_source(str(crawl_file))))
    assert isinstance(first, RawDocument)
    article = load_article(first)
    assert article.title == "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported"
    assert (article.url, article.published) == (PAGES[0][0], "2019-11-19")


def write(path: Path, compress: bool, *bodies: tuple[str, bytes, str]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for url, body, content_type in bodies:
            response(writer, url, body, **{"Content-Type": content_type})
    return path


def test_http_charset_is_respected(tmp_path: Path) -> None:
    body = RUSSIAN.encode("koi8-r")
    path = write(tmp_path / "ru.warc", False, ("https://e.ru/1", body, "text/html; charset=KOI8-R"))
    (doc,) = list(read_warc(path))
    assert isinstance(doc, RawDocument)
    assert doc.html == RUSSIAN


def test_page_over_the_limit_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "big.warc.gz",
        True,
        ("https://e.org/big", b"<html><body>" + b"x" * 5000 + b"</body></html>", "text/html"),
        ("https://e.org/small", b"<html><body><p>Small.</p></body></html>", "text/html"),
    )
    big, small = list(read_warc(path, max_bytes=4096))
    assert isinstance(big, InputError) and isinstance(small, RawDocument)
    assert str(big) == f"{path}#0: page is over the 4 KB limit"
    assert small.url == "https://e.org/small"


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc_gives_what_came_before_then_one_error(tmp_path: Path, compress: bool) -> None:
    data = crawl(compress)
    whole = tmp_path / "whole.warc"
    whole.write_bytes(data)
    offsets = [int(doc.source.partition("#")[2]) for doc in read_warc(whole) if isinstance(doc, RawDocument)]
    # Cut the file in the middle of the third page's record.
    cut = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    cut.write_bytes(data[: offsets[2] + 2000])
    results = list(read_source(str(cut)))
    assert [type(r).__name__ for r in results] == ["RawDocument", "RawDocument", "InputError"]
    assert [r.url for r in results[:2] if isinstance(r, RawDocument)] == [PAGES[0][0], PAGES[1][0]]
    assert str(results[2]).startswith(f"{cut}: truncated")


def test_every_cut_point_is_reported(tmp_path: Path) -> None:
    """Wherever a .warc.gz is cut (here every 499 bytes), the pages before are kept and
    one error ends the file: never a crash, never a silently shortened page."""
    data = crawl(True)
    path = tmp_path / "cut.warc.gz"
    for end in range(100, len(data), 499):
        path.write_bytes(data[:end])
        results = list(read_warc(path))
        *docs, last = results
        assert isinstance(last, InputError), end
        assert last.reason.startswith("truncated"), (end, last)
        assert [d.html for d in docs if isinstance(d, RawDocument)] == [h for _, h in PAGES[: len(docs)]]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("Just some notes, not an archive.\n")
    (error,) = list(read_source(str(path)))
    assert str(error).startswith(f"{path}: not a WARC file (")


def test_empty_warc(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    (error,) = list(read_source(str(path)))
    assert str(error) == f"{path}: empty file"


def test_warc_without_pages(tmp_path: Path) -> None:
    path = write(tmp_path / "img.warc", False, ("https://e.org/a.png", b"\x89PNG....", "image/png"))
    (error,) = list(read_source(str(path)))
    assert str(error) == f"{path}: no HTML pages (HTTP 200 responses) in this WARC file"


def test_warc_in_a_folder_and_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Dock workers walked out on Tuesday, the union said.\n")
    (tmp_path / "b.warc.gz").write_bytes(crawl(True))
    urls = [doc.url for doc in read_source(str(tmp_path)) if isinstance(doc, RawDocument)]
    assert urls == [None] + [url for url, _ in PAGES]
    # A WARC under any other name is known by its first bytes, gzipped or not.
    (tmp_path / "crawl.dat").write_bytes(crawl(False))
    (tmp_path / "crawl.bin").write_bytes(gzip.decompress(crawl(True)) and crawl(True))
    for name in ("crawl.dat", "crawl.bin"):
        docs = list(read_source(str(tmp_path / name)))
        assert [d.url for d in docs if isinstance(d, RawDocument)] == [url for url, _ in PAGES]


def test_corrupt_gzip_in_the_middle(tmp_path: Path) -> None:
    data = bytearray(crawl(True))
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(bytes(data))
    second = next(d for d in list(read_warc(whole))[1:] if isinstance(d, RawDocument))
    offset = int(second.source.partition("#")[2])
    data[offset + 5000 : offset + 5200] = bytes(200)  # zeros over the second page's deflate data
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(bytes(data))
    first, error = list(read_warc(path))
    assert isinstance(first, RawDocument) and first.url == PAGES[0][0]
    # zlib either rejects the zeros, or ends the member early and the next bytes are no record:
    # which one depends on the compressed bytes, which change with each record's date and id.
    assert str(error).startswith(
        (
            f"{path}: corrupt gzip data in the record at offset {offset} (",
            f"{path}: corrupt record at offset ",
        )
    )
    assert str(error).isprintable()


def test_garbage_after_the_last_record(tmp_path: Path) -> None:
    data = crawl(False)
    path = tmp_path / "tail.warc"
    path.write_bytes(data + b"garbage at the end\r\n")
    *docs, error = list(read_warc(path))
    assert len(docs) == 3
    assert str(error) == (
        f"{path}: corrupt record at offset {len(data)} (Invalid WARC record, first line: garbage at the end)"
    )
