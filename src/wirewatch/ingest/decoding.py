"""Bytes as a user has them -> text, or an :class:`InputError` saying why not.

Order (each step explains the next): empty check; gunzip (so a ``.gz`` of a binary is
still named), never past a size limit; byte-order marks (they are authoritative); magic
bytes of common binary formats (a PDF is a mistake to name, not a decoding problem); NUL
bytes (UTF-16 without a BOM, else binary); strict UTF-8 (almost everything today); the
charset a server declared, if any; legacy single-byte encodings (cp1252 when plausible,
else charset-normalizer's guess); a final check for control characters; newline
normalisation.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib

import charset_normalizer

from wirewatch.errors import InputError

# Refuse to inflate past this: a gzip bomb should be an error message, not a MemoryError.
MAX_DECOMPRESSED = 256 * 1024 * 1024
# The largest single document (one page, one text) the readers accept. Real article pages
# are well under 5 MB; anything much bigger is a dump, a mistake or an attack, and is
# refused before it is read (by size on disk, while inflating gzip, while downloading).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# Labels a server sends that mean cp1252 in practice (the WHATWG Encoding Standard maps
# them so, and so do browsers): "ISO-8859-1" pages are nearly always Windows-1252.
CP1252_ALIASES = frozenset({"iso8859-1", "ascii"})

GZIP_MAGIC = b"\x1f\x8b"

# (magic prefix, what it is). Checked after gunzip, so `.pdf.gz` is still called a PDF.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.epub, which are ZIP files)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable program"),
    (b"OggS", "an Ogg audio/video file"),
    (b"{\\rtf", "an RTF document"),
)

# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Non-ASCII characters a Western (cp1252) text is made of, besides Latin letters:
# typographic quotes and dashes, currency, and the few signs news copy uses.
WESTERN_SIGNS = frozenset("\u00a0“”‘’„‚–—…•·«»‹›€£¥¢©®™°§¶†‡¿¡ªº×½¼¾´¨¸")

# Control characters, less those plain text legitimately contains (\t \n \v \f \r, and
# \x1a, the DOS end-of-file mark).
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def decode_bytes(
    data: bytes, source: str, *, encoding: str | None = None, max_bytes: int = MAX_DECOMPRESSED
) -> str:
    """Decode a file's bytes to text with ``\\n`` newlines; raise InputError naming ``source``.

    ``encoding`` is a charset someone declared (an HTTP ``Content-Type`` header): used when
    the bytes are not UTF-8 and decode with it. ``max_bytes`` bounds the data, gzip inflated.
    """
    if not data:
        raise InputError(source, "empty file")
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, source, max_bytes)
        if not data:
            raise InputError(source, "empty file (inside gzip)")
    elif len(data) > max_bytes:
        raise InputError(source, f"data is {format_size(len(data))}, over the {format_size(max_bytes)} limit")
    text = _decode(data, source, _codec(encoding))
    if _looks_binary(text):
        raise InputError(source, "binary data, not text")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "no text")
    return text


def format_size(size: int) -> str:
    """``209715200`` -> ``200 MB``; one decimal at most, for error messages."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """A Content-Type header -> (media type, charset): ``text/html; charset="UTF-8"`` ->
    (``text/html``, ``UTF-8``); None for what it does not say."""
    if not value:
        return None, None
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        key, _, param_value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'") or None
    return media_type.strip().lower() or None, charset


def _codec(label: str | None) -> str | None:
    """A declared charset label -> a Python codec name, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return "cp1252" if name in CP1252_ALIASES else name


def _decode(data: bytes, source: str, declared: str | None = None) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(source, f"undecodable text (invalid {codec.upper()})") from None
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"{what}, not an article")
    if b"\x00" in data:
        if declared is not None and declared.startswith(("utf-16", "utf-32")):
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        return _decode_nul_bytes(data, source)
    # Valid UTF-8 wins over a declared charset: servers mislabel UTF-8 pages as ISO-8859-1
    # all the time, while legacy text with non-ASCII bytes is almost never valid UTF-8.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    text = _decode_legacy(data)
    if text is None:
        raise InputError(source, "undecodable text (not UTF-8 and no known encoding fits)")
    return text


def _gunzip(data: bytes, source: str, max_bytes: int = MAX_DECOMPRESSED) -> bytes:
    # Inflate at most max_bytes + 1: one byte more says the data is over the limit.
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        detail = str(error).rpartition(": ")[2]
        raise InputError(source, f"corrupt gzip data ({detail})") from None
    if len(out) > max_bytes:
        raise InputError(source, f"gzip data inflates past the {format_size(max_bytes)} limit")
    if not inflater.eof:
        raise InputError(source, "truncated gzip data (it ends before the compressed stream does)")
    return out


def _decode_nul_bytes(data: bytes, source: str) -> str:
    # ASCII-heavy UTF-16 without a BOM has a NUL in every other byte; binary has them anywhere.
    half = max(len(data) // 2, 1)
    odd_nuls = data[1::2].count(0) / half
    even_nuls = data[0::2].count(0) / half
    codec = None
    if odd_nuls > 0.4 and even_nuls < 0.02:
        codec = "utf-16-le"
    elif even_nuls > 0.4 and odd_nuls < 0.02:
        codec = "utf-16-be"
    if codec is not None and len(data) % 2 == 0:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    raise InputError(source, "binary data, not text")


def _decode_legacy(data: bytes) -> str | None:
    """cp1252 when the result reads as Western text, else charset-normalizer's best guess."""
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and _plausibly_western(cp1252):
        return cp1252
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    latin1 = data.decode("latin-1")
    return latin1 if _plausibly_western(latin1) else None


def _plausibly_western(text: str) -> bool:
    # In cp1252 mojibake of Cyrillic/Greek/Central-European text almost every letter is
    # non-ASCII, or odd signs (¹ ³ ¾) stand where letters should be.
    letters = 0
    foreign = 0
    for char in text:
        if char.isascii():
            letters += char.isalpha()
            continue
        if char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
            letters += 1
            foreign += 1
        elif char not in WESTERN_SIGNS:
            return False
    return foreign <= 0.3 * max(letters, 1)


def _looks_binary(text: str) -> bool:
    controls = len(CONTROLS.findall(text))
    return controls >= 3 and controls > 0.02 * len(text)
