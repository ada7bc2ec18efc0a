"""``wirewatch_quotes``: find quotations by their marks.

Quotation marks are paired per paragraph, character by character, because the parser's
sentence boundaries cut through multi-sentence quotes. Curly marks (“ ”, « », „ “) say
which side they are on; straight marks (") toggle. A quotation still open at the end of
a paragraph runs to that end: the news convention for a quote that goes on in the next
paragraph, which opens with a fresh mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

OPENING = {"“": "”", "«": "»", "„": "“"}
CLOSING = {"”", "»"}
STRAIGHT = '"'
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Quotes holding no letter or digit are not speech ("" or " - ").
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` bound the words, ``open``/``close`` include the marks."""

    start: int
    end: int
    open: int
    close: int

    @property
    def closed(self) -> bool:
        return self.close > self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text`` (blank-line separated)."""
    out, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        out.append((start, brk.start()))
        start = brk.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    for para_start, para_end in paragraphs(text):
        if quotes and not quotes[-1].closed and quotes[-1].end <= para_start:
            closing = _closing_of_run_on(text, para_start, para_end)
            if closing is not None:
                # 'said, "A.\n\nB."': a quote left open runs into a paragraph that does
                # not reopen it, and ends at that paragraph's first closing mark.
                quotes[-1] = _trimmed(text, quotes[-1].open, closing + 1)
                para_start = closing + 1
        quotes.extend(_quotes_in(text, para_start, para_end))
    return quotes


def _closing_of_run_on(text: str, start: int, end: int) -> int | None:
    """The first mark of a paragraph that can only close a quote, if the paragraph does not
    open with a mark of its own (the convention for a quote that goes on)."""
    if text[start] in OPENING or text[start] == STRAIGHT:
        return None
    for i in range(start, end):
        ch = text[i]
        if ch in OPENING:
            return None
        if ch in CLOSING or (ch == STRAIGHT and not text[i - 1].isspace() and _can_close(text, i)):
            return i
        if ch == STRAIGHT:
            return None
    return None


def _can_open(text: str, i: int) -> bool:
    """A straight mark right after a digit (``12"`` inches) opens no quote; one glued to the
    word before it opens only when words follow it (``that"...] credit``), not a space."""
    if i == 0 or not text[i - 1].isalnum():
        return True
    return text[i - 1].isalpha() and i + 1 < len(text) and not text[i + 1].isspace()


def _can_close(text: str, i: int) -> bool:
    """A straight mark right before a word character (``"x9``) closes no quote."""
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def _quotes_in(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    open_at: int | None = None
    closer = ""
    for i in range(start, end):
        ch = text[i]
        if open_at is None:
            if ch in OPENING or (ch == STRAIGHT and _can_open(text, i)):
                open_at, closer = i, OPENING.get(ch, STRAIGHT)
            continue
        if _closes(text, i, closer):
            found.append(_trimmed(text, open_at, i + 1))
            open_at = None
    if open_at is not None:
        found.append(_trimmed(text, open_at, end))
    return [q for q in found if _HAS_WORD.search(text[q.start : q.end])]


def _closes(text: str, i: int, closer: str) -> bool:
    """Whether the mark at ``i`` closes a quote opened with a mark whose pair is ``closer``."""
    ch = text[i]
    if ch == STRAIGHT:
        # Sloppy copy mixes marks (“...,"): any closing mark closes any opening one.
        return _can_close(text, i)
    return ch == closer or ch in CLOSING


def _trimmed(text: str, open_at: int, close_end: int) -> Quote:
    closed = close_end > open_at + 1 and (text[close_end - 1] in CLOSING or text[close_end - 1] == STRAIGHT)
    start, end = open_at + 1, close_end - 1 if closed else close_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start=start, end=end, open=open_at, close=close_end)


if not Doc.has_extension("wirewatch_quotes"):
    Doc.set_extension("wirewatch_quotes", default=())


@Language.factory("wirewatch_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    """Stores the quotations of a doc on ``doc._.wirewatch_quotes`` (character offsets)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.wirewatch_quotes = tuple(find_quotes(doc.text))
        return doc
