"""read_source and load_article: files, folders, JSONL, stdin, as a user has them."""

from __future__ import annotations

import gzip
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.readers import RawDocument, load_article, read_source

from .conftest import REFERENCE

STORY = "Dock strike spreads to second port\n\nDock workers walked out on Tuesday, the union said.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>Dock strike spreads</title></head><body><article>"
    "<h1>Dock strike spreads</h1><p>Dock workers in a second port walked out on Tuesday, the union said, "
    "as talks over pay stalled for a second week and shipping lines began to divert their vessels.</p>"
    "</article></body></html>"
)


def only(path: Path | str) -> RawDocument:
    (doc,) = list(read_source(str(path)))
    assert isinstance(doc, RawDocument), doc
    return doc


def test_text_file(tmp_path: Path) -> None:
    (tmp_path / "strike.txt").write_text(STORY)
    doc = only(tmp_path / "strike.txt")
    assert (doc.id, doc.source, doc.text, doc.html) == ("strike", str(tmp_path / "strike.txt"), STORY, None)


def test_gzipped_text_file(tmp_path: Path) -> None:
    (tmp_path / "strike.txt.gz").write_bytes(gzip.compress(STORY.encode("cp1252")))
    doc = only(tmp_path / "strike.txt.gz")
    assert (doc.id, doc.text) == ("strike", STORY)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz", "page.txt", "page"])
def test_html_by_extension_or_content(tmp_path: Path, name: str) -> None:
    data = HTML.encode()
    (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    doc = only(tmp_path / name)
    assert (doc.id, doc.text, doc.html) == ("page", None, HTML)


def test_text_mentioning_html_is_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Engineers said the <html> tag was missing from the page.\n")
    assert only(tmp_path / "a.txt").text is not None


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": STORY, "title": "Dock strike spreads", "url": "https://e.org/1"}),
        "{not json",
        "",
        json.dumps({"id": "three", "title": "No body"}),
        json.dumps({"html": HTML, "published": "2024-03-12", "site_name": "Harbour Daily"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 42}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = list(read_source(str(path)))
    assert [type(r).__name__ for r in results] == [
        "RawDocument",
        "InputError",
        "InputError",
        "RawDocument",
        "InputError",
        "InputError",
    ]
    first, bad_json, no_body, fifth, not_object, not_string = results
    assert isinstance(first, RawDocument) and isinstance(fifth, RawDocument)
    assert (first.id, first.source, first.title, first.url) == (
        "one",
        f"{path}:1",
        "Dock strike spreads",
        "https://e.org/1",
    )
    assert (fifth.id, fifth.html, fifth.published, fifth.site_name) == (
        "batch:5",
        HTML,
        "2024-03-12",
        "Harbour Daily",
    )
    assert str(bad_json).startswith(f"{path}:2: not valid JSON")
    assert str(no_body) == f'{path}:4: record has neither "text" nor "html"'
    assert str(not_object) == f"{path}:6: not a JSON object"
    assert str(not_string) == f'{path}:7: "text" must be a string, not int'


def test_gzipped_jsonl(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": STORY}).encode()))
    assert only(tmp_path / "b.jsonl.gz").id == "b:1"


def test_missing_path() -> None:
    (error,) = list(read_source("/no/such/story.txt"))
    assert isinstance(error, InputError)
    assert str(error) == "/no/such/story.txt: no such file"


def test_binary_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7 ...")
    (error,) = list(read_source(str(tmp_path / "scan.txt")))
    assert str(error) == f"{tmp_path / 'scan.txt'}: a PDF file, not an article"


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": STORY}) + "\n")
    (tmp_path / "sub" / "d.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.txt").write_text(STORY)
    ids = [doc.id for doc in read_source(str(tmp_path)) if isinstance(doc, RawDocument)]
    assert ids == ["a", "b", "c1", "sub/d"]


def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(STORY)
    ids = [doc.id for doc in read_source(str(tmp_path)) if isinstance(doc, RawDocument)]
    assert ids == ["one/index", "two/index"]


def test_empty_directory(tmp_path: Path) -> None:
    (error,) = list(read_source(str(tmp_path)))
    assert isinstance(error, InputError)


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, STORY.encode("utf-16"))
    doc = only("-")
    assert (doc.id, doc.source, doc.text) == ("stdin", "<stdin>", STORY)


def test_stdin_html_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, HTML.encode())
    assert only("-").html == HTML
    fake_stdin(monkeypatch, (json.dumps({"id": "x", "text": STORY}) + "\n").encode())
    assert only("-").id == "x"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    (error,) = list(read_source("-"))
    assert str(error) == "<stdin>: empty file"


# -- load_article ------------------------------------------------------------------------


def test_load_reference_article() -> None:
    article = load_article(only(REFERENCE))
    assert article.id == "iran-drones-wire-story"
    assert (article.title, article.site_name, article.dateline) == (
        "Russia seeks Iran drones after losses in Ukraine: White House",
        "Morning Chronicle",
        "London",
    )


def test_load_record_title_site_and_date_win() -> None:
    doc = RawDocument(
        id="r1",
        source="batch.jsonl:1",
        text=f"Other Site - {STORY}Dock strike spreads to second port / Photo: AFP\n",
        html=None,
        title="Dock strike spreads to second port",
        published="2024-03-12",
        site_name="Harbour Daily",
        url="https://e.org/r1",
    )
    article = load_article(doc)
    assert article.text == (
        "Dock strike spreads to second port\n\nDock workers walked out on Tuesday, the union said."
    )
    assert (article.site_name, article.published, article.url) == (
        "Harbour Daily",
        "2024-03-12",
        "https://e.org/r1",
    )


def test_load_html_document() -> None:
    article = load_article(RawDocument(id="h", source="h.html", text=None, html=HTML, title="Given title"))
    assert article.title == "Given title"
    assert "Dock workers in a second port" in article.text


@pytest.mark.parametrize(
    ("text", "html", "reason"),
    [
        (None, None, "no text"),
        ("  \n ", None, "no text"),
        ("Share\n\nAdvertisement\n\nRead more", None, "no article text left after removing page chrome"),
        (None, "<html><body></body></html>", "no article text found in HTML"),
    ],
)
def test_load_errors(text: str | None, html: str | None, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        load_article(RawDocument(id="e", source="e.txt", text=text, html=html))
    assert str(caught.value) == f"e.txt: {reason}"


# -- bad input: one error each, and the batch goes on -------------------------------------


def test_200_mb_page_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "dump.html"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    (tmp_path / "story.txt").write_text(STORY)
    results = list(read_source(str(tmp_path)))
    assert [type(r).__name__ for r in results] == ["InputError", "RawDocument"]
    # Read, 200 MB of NUL bytes would have been "binary data": the size was enough.
    assert str(results[0]) == f"{big}: page is 200 MB, over the 20 MB limit"


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML)
    (error,) = list(read_source(str(tmp_path / "page.html"), max_bytes=100))
    assert str(error) == f"{tmp_path / 'page.html'}: page is {len(HTML)} bytes, over the 100 bytes limit"


def test_gzip_is_not_inflated_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<html><body>" + b" " * 30 * 1024 * 1024))  # 30 KB on disk
    (error,) = list(read_source(str(path)))
    assert str(error) == f"{path}: gzip data inflates past the 20 MB limit"


def test_jsonl_record_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"text": "x" * 500}), json.dumps({"text": STORY})]
    path.write_text("\n".join(lines) + "\n")
    big, ok = list(read_source(str(path), max_bytes=300))
    assert str(big) == f"{path}:1: record is over the 300 bytes limit"
    assert isinstance(ok, RawDocument) and ok.text == STORY


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "scan.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file, not an article"),
    "photo.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not an article"),
    "photo.txt": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image, not an article"),
    "report.txt": (
        b"PK\x03\x04\x14\x00\x06\x00",
        "a ZIP archive (or a .docx/.epub, which are ZIP files), not an article",
    ),
    "noise.txt": (bytes(range(256)) * 8, "binary data, not text"),
    "broken.txt": (
        b"\xff\xfe" + "Talks resume".encode("utf-16-le") + b"\x00",
        "undecodable text (invalid UTF-16)",
    ),
    "cut.html.gz": (
        gzip.compress(STORY.encode() + HTML.encode())[:200],
        "truncated gzip data (it ends before the compressed stream does)",
    ),
    "bad.txt.gz": (
        b"\x1f\x8b\x08\x00garbage that is not deflate data",
        "corrupt gzip data (invalid code lengths set)",
    ),
    "scan.pdf.txt.gz": (gzip.compress(b"%PDF-1.4 ..."), "a PDF file, not an article"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gives_one_error(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    (tmp_path / name).write_bytes(data)
    (error,) = list(read_source(str(tmp_path / name)))
    assert isinstance(error, InputError)
    assert str(error) == f"{tmp_path / name}: {reason}"


def test_a_folder_of_bad_files_still_yields_the_good_one(tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(STORY)
    results = list(read_source(str(tmp_path)))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [r.id for r in results if isinstance(r, RawDocument)] == ["good"]
    assert len(errors) == len(BAD_FILES)
    for error in errors:
        assert "\n" not in str(error)
        assert str(error) == f"{error.source}: {BAD_FILES[Path(error.source).name][1]}"


def test_unsupported_url_scheme() -> None:
    (error,) = list(read_source("s3://bucket/story.html"))
    assert str(error) == "s3://bucket/story.html: only http and https URLs are read, not s3"


# -- fallbacks (a feed entry's title and date) ------------------------------------------------

BARE = (
    "<html><body><article><p>Dock workers in a second port walked out on Tuesday, the union said, "
    "as talks over pay stalled for a second week.</p></article></body></html>"
)


def test_fallbacks_fill_in_what_the_page_lacks() -> None:
    doc = RawDocument(
        id="f",
        source="f",
        text=None,
        html=BARE,
        fallback_title="Dock strike",
        fallback_published="2024-03-12",
    )
    article = load_article(doc)
    assert (article.title, article.published) == ("Dock strike", "2024-03-12")


def test_the_page_wins_over_fallbacks() -> None:
    dated = HTML.replace("<head>", '<head><meta property="article:published_time" content="2024-01-05">')
    doc = RawDocument(
        id="f", source="f", text=None, html=dated, fallback_title="Other", fallback_published="2024-03-12"
    )
    article = load_article(doc)
    assert (article.title, article.published) == ("Dock strike spreads", "2024-01-05")


def test_fallback_title_for_text() -> None:
    body = "Dock workers walked out on Tuesday, the union said.\n"
    bare = RawDocument(id="t", source="t", text=body, html=None, fallback_title="Dock strike")
    assert load_article(bare).title == "Dock strike"
    titled = replace(bare, text=f"Dock strike spreads\n\n{body}")
    assert load_article(titled).title == "Dock strike spreads"
