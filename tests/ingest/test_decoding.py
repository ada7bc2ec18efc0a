"""decode_bytes: every way a file can fail to be text gets a short reason, never a traceback."""

from __future__ import annotations

import codecs
import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.errors import InputError
from wirewatch.ingest.decoding import decode_bytes


def reason(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "story.txt")
    assert str(caught.value) == f"story.txt: {caught.value.reason}"
    return caught.value.reason


def test_plain_utf8() -> None:
    assert decode_bytes("Minister said “no”.\n".encode(), "a") == "Minister said “no”.\n"


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Café opens".encode(), "a") == "Café opens"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    data = bom + "The mayor said “we will rebuild.”\n".encode(codec)
    assert decode_bytes(data, "a") == "The mayor said “we will rebuild.”\n"


def test_utf16_without_bom_is_recognised_by_its_nul_bytes() -> None:
    assert decode_bytes("Council votes on budget\n".encode("utf-16-le"), "a") == "Council votes on budget\n"


def test_cp1252_curly_quotes_and_accents() -> None:
    text = "“We will not resign,” the café owner said — for now. Price: 5€."
    assert decode_bytes(text.encode("cp1252"), "a") == text


def test_latin1() -> None:
    text = "Le maire a déclaré à Noël que l'été serait chaud."
    assert decode_bytes(text.encode("latin-1"), "a") == text


def test_cyrillic_cp1251_is_not_read_as_cp1252() -> None:
    text = "Министр заявил, что переговоры продолжатся на следующей неделе."
    assert decode_bytes(text.encode("cp1251"), "a") == text


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n", "a") == "one\ntwo\nthree\n"


def test_empty_file() -> None:
    assert reason(b"") == "empty file"


def test_only_whitespace() -> None:
    assert reason(b" \n\t\r\n ") == "no text"


def test_binary_with_nul_bytes() -> None:
    assert reason(bytes(range(256)) * 4) == "binary data, not text"


def test_binary_with_control_characters_but_no_nul() -> None:
    assert reason(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 20) == "binary data, not text"


@pytest.mark.parametrize(
    ("magic", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file, not an article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not an article"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image, not an article"),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "a ZIP archive (or a .docx/.epub, which are ZIP files), not an article",
        ),
    ],
)
def test_binary_formats_are_named(magic: bytes, what: str) -> None:
    assert reason(magic + b"rest of the file") == what


def test_gzip_is_decompressed() -> None:
    assert decode_bytes(gzip.compress("Talks “resume”\r\n".encode()), "a.txt.gz") == "Talks “resume”\n"


def test_gzipped_pdf_is_still_named() -> None:
    assert reason(gzip.compress(b"%PDF-1.4 ...")) == "a PDF file, not an article"


def test_truncated_gzip() -> None:
    data = gzip.compress(b"The council met on Monday. " * 200)
    assert reason(data[: len(data) // 2]) == "truncated gzip data (it ends before the compressed stream does)"


def test_corrupt_gzip() -> None:
    assert (
        reason(b"\x1f\x8b\x08\x00garbage that is not deflate data")
        == "corrupt gzip data (invalid code lengths set)"
    )


def test_gzip_of_nothing() -> None:
    assert reason(gzip.compress(b"")) == "empty file (inside gzip)"


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz")
    except InputError:
        return
    assert "\r" not in text
    assert text.strip()


@given(
    st.text(st.characters(blacklist_categories=["Cs", "Cc"])).filter(
        lambda t: t.removeprefix("\ufeff").strip()
    )
)
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "fuzz") == text.removeprefix("\ufeff")
