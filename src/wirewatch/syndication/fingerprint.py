"""An article's syndication fingerprint: an exact-duplicate key and a MinHash of its body.

The body is ``Article.text`` without the headline: outlets rewrite headlines freely, so a
changed headline must not make a copy look like another story. The body is read paragraph
by paragraph and shingled *within* paragraphs, so that reordering paragraphs (a common edit
when a story is republished) leaves the shingle set untouched; the price is that a paragraph
shorter than a shingle counts as one shingle of its own.

Everything here is deterministic across processes and machines: shingles are hashed with
datasketch's SHA-1 based hash (not Python's salted ``hash``), the permutations come from a
fixed seed, and signatures are serialised little-endian.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass

from datasketch import LeanMinHash, MinHash

from wirewatch.model import Article

# Words per shingle. Five words is long enough that two different articles on the same topic
# (same names, same stock phrases: "said in a statement", "shr ... vs ... net") rarely share
# one, and short enough that an edited sentence only spoils the few shingles around the edit.
SHINGLE_WORDS = 5
# The permutation seed: changing it changes every signature, so stored signatures would no
# longer compare with new ones. Keep it fixed.
SEED = 1
# datasketch >= 2.0 has several permutation schemes; name ours so that a change of the
# library default cannot silently change signatures.
SCHEME = "affine32"
# Signatures are stored in the database and may be read on another machine: fix the byte order.
_BYTE_ORDER = "<"
# ``to_bytes`` prefixes the serialised LeanMinHash with the shingle count (uint32).
_HEADER = struct.Struct("<I")

# Apostrophes are deleted rather than turned into spaces, so "Karzai's", "Karzai’s" and an
# ASCII-stripped "Karzais" all normalise to one word.
_APOSTROPHES = re.compile(r"['’ʼ`´]")
# Punctuation inside a number ("1,234.5", "52-41", "9/11") is kept: the digits around it are
# what tells two formulaic earnings reports apart ("shr 1.20" vs "shr 12.0").
_NUMBER_PUNCTUATION = re.compile(r"(?<=\d)[.,/:-](?=\d)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalise(text: str) -> str:
    """Text as compared for syndication: NFKC, casefolded, punctuation gone, single spaces.

    Punctuation and symbols (Unicode categories P and S) become a space, except apostrophes,
    which are dropped, and the separators inside numbers, which are kept. Copies of one story
    differ in curly vs straight quotes, dashes and spacing far more often than in words.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    # Park number separators on private-use characters (category Co, which the table keeps),
    # blank the rest of the punctuation in one C-speed pass, then put the separators back.
    text = _NUMBER_PUNCTUATION.sub(lambda match: _PARKED[match.group()], text)
    text = text.translate(_PUNCTUATION_TO_SPACE).translate(_UNPARKED)
    return " ".join(text.split())


class _PunctuationTable(dict[int, int]):
    """A ``str.translate`` table: P* and S* characters -> space, others -> themselves.

    Filled lazily (one ``unicodedata`` look-up per distinct character ever seen), because
    spelling out every punctuation code point of Unicode up front is slower to build and
    would go stale with the Unicode version.
    """

    def __missing__(self, code: int) -> int:
        value = _SPACE if unicodedata.category(chr(code))[0] in "PS" else code
        self[code] = value
        return value


_SPACE = ord(" ")
_PARKED = {sep: chr(0xE000 + i) for i, sep in enumerate(".,/:-")}
_UNPARKED = {ord(parked): sep for sep, parked in _PARKED.items()}
_PUNCTUATION_TO_SPACE = _PunctuationTable()


@dataclass(frozen=True)
class Fingerprint:
    """What the store keeps per article to find its syndication group.

    ``content_hash`` is the hex SHA-256 of the normalised body: equal hashes are exact
    duplicates. ``minhash`` estimates the Jaccard similarity of two bodies' word shingles.
    ``shingles`` is how many distinct shingles the body has: the index treats very short
    bodies differently (see ``SyndicationIndex``), and an empty body never matches.
    """

    content_hash: str
    minhash: LeanMinHash
    shingles: int

    def to_bytes(self) -> bytes:
        """The signature and shingle count, for a BLOB column (``from_bytes`` reverses it)."""
        buffer = bytearray(_HEADER.size + self.minhash.bytesize(_BYTE_ORDER))
        _HEADER.pack_into(buffer, 0, self.shingles)
        self.minhash.serialize(memoryview(buffer)[_HEADER.size :], byteorder=_BYTE_ORDER)
        return bytes(buffer)

    @classmethod
    def from_bytes(cls, content_hash: str, data: bytes) -> Fingerprint:
        (shingles,) = _HEADER.unpack_from(data, 0)
        minhash = LeanMinHash.deserialize(memoryview(data)[_HEADER.size :], byteorder=_BYTE_ORDER)
        return cls(content_hash=content_hash, minhash=minhash, shingles=shingles)


def body_text(article: Article) -> str:
    """``article.text`` without its headline span (paragraph breaks kept)."""
    text = article.text
    if article.headline is not None:
        text = text[: article.headline.start] + text[article.headline.end :]
    return text.strip()


def shingles(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word ``size``-grams of each normalised paragraph; a shorter paragraph is one shingle."""
    found: set[str] = set()
    for paragraph in _PARAGRAPH_BREAK.split(body):
        words = normalise(paragraph).split()
        if len(words) <= size:
            if words:
                found.add(" ".join(words))
            continue
        found.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return found


def fingerprint(article: Article, num_perm: int = 128) -> Fingerprint:
    """The fingerprint of ``article``'s body (its headline left out)."""
    body = body_text(article)
    found = shingles(body)
    minhash = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    # Sorted: the signature does not depend on set order anyway, but this keeps runs
    # byte-for-byte reproducible even if a future hash function were order-sensitive.
    minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(found)])
    content_hash = hashlib.sha256(normalise(body).encode("utf-8")).hexdigest()
    return Fingerprint(content_hash=content_hash, minhash=LeanMinHash(minhash), shingles=len(found))
