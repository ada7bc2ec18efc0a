"""Quotes and the frames around them: which quote a cue introduces, and quotes with no cue.

``"...," Kirby said`` (the quote before the frame), ``Kirby said: "..."`` (after it), a
quote that follows a statement with no cue of its own (the same speaker goes on), and a
quote signed by a name with no cue at all (``"...," Jesse Toprak, an analyst.``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from wirewatch.nlp.quotes import Quote
from wirewatch.nlp.records import Attribution, CharRange
from wirewatch.nlp.spans import inside, text_of, trim_range

# A full stop closes the quoted words, maybe inside a bracket ("a commoner[.]").
_ENDS_SENTENCE = re.compile(r"\.[\])”’'\"]*$")


def quote_before(doc: Doc, quotes: tuple[Quote, ...], frame_start: int, used: set[Quote]) -> Quote | None:
    """The closed quote that ends right before the frame (only punctuation between)."""
    for quote in reversed(quotes):
        if quote in used or not quote.closed or quote.close > frame_start:
            continue
        between = text_of(doc)[quote.close : frame_start]
        # '"... stronger." Mulally predicted that ...': a quote closed by a full stop is a
        # sentence of its own, not the words of the next sentence's cue.
        if _ENDS_SENTENCE.search(text_of(doc)[quote.start : quote.end]):
            return None
        return quote if re.fullmatch(r"[\s,;:—–-]*", between) and "\n\n" not in between else None
    return None


def quote_after(
    doc: Doc,
    quotes: tuple[Quote, ...],
    frame_end: int,
    used: set[Quote],
    separator: str = ",:",
    mark_needed: bool = True,
) -> Quote | None:
    """The quote that opens right after the frame (``said: "..."``, ``said, "..."``)."""
    for quote in quotes:
        if quote in used or quote.open < frame_end:
            continue
        between = text_of(doc)[frame_end : quote.open]
        optional = "" if mark_needed else "?"
        ok = re.fullmatch(rf"\s*[{re.escape(separator)}]{optional}\s*", between) and "\n" not in between
        if ok and ":" in between and names_a_subject(doc, quote):
            return None
        return quote if ok else None
    return None


def names_a_subject(doc: Doc, quote: Quote) -> bool:
    """'the name of the disease: "COVID-19" is to replace ...': a quoted name that the
    sentence goes on about, not words spoken."""
    return re.match(r"\s+[a-z]", text_of(doc)[quote.close :]) is not None


def clause_start(doc: Doc, quote: Quote) -> CharRange:
    """The quote, or the clause it ends when words of the sentence lead into it (mixed)."""
    open_tok = doc.char_span(quote.open, quote.open + 1, alignment_mode="expand")
    if open_tok is None:
        return quote.start, quote.end
    sent = open_tok[0].sent
    lead = text_of(doc)[sent.start_char : quote.open]
    if re.search(r"\w", lead) and "\n" not in lead:
        return sent.start_char, quote.end
    return quote.start, quote.end


def add_follow_ons(
    doc: Doc, found: list[Attribution], quotes: tuple[Quote, ...], used: set[Quote]
) -> list[Attribution]:
    """A quote with no cue of its own that follows a statement is that speaker's too."""
    out = list(found)
    for quote in quotes:
        if quote in used or any(inside(quote.start, a.content) for a in out):
            continue
        before = [a for a in out if a.content[-1][1] <= quote.open and a.kind != "headline"]
        if not before:
            continue
        prev = max(before, key=lambda a: a.content[-1][1])
        frame_end = max([prev.content[-1][1], *(r[1] for r in (prev.cue, prev.speaker) if r)])
        if prev.cue is not None:
            # The frame's sentence may go on ("said Bolden to the gathered crowd.").
            cue = doc.char_span(prev.cue[0], prev.cue[1], alignment_mode="expand")
            if cue is not None and cue[0].sent.end_char <= quote.open:
                frame_end = max(frame_end, cue[0].sent.end_char)
        gap = text_of(doc)[frame_end : quote.open]
        # Only the end of the previous sentence (and at most one paragraph break) between.
        if not re.fullmatch(r"[\s.,;:!?\"”’)]*", gap) or gap.count("\n\n") > 1:
            continue
        if not _stands_alone(doc, quote):
            continue
        used.add(quote)
        out.append(direct_statement(doc, quote, cue=None, speaker=None, follows=prev))
    return sorted(out, key=lambda a: a.start)


def _stands_alone(doc: Doc, quote: Quote) -> bool:
    """The quote is a sentence by itself: nothing but punctuation after it in its paragraph line."""
    tail = text_of(doc)[
        quote.close : text_of(doc).find("\n", quote.close) if "\n" in text_of(doc)[quote.close :] else None
    ]
    next_words = re.match(r"[\s.,;:!?\"”’)]*", tail)
    rest = tail[next_words.end() :] if next_words else tail
    # Another sentence may follow ("..." The minister left.), but not a frame ("..." he said).
    # A quote that ends its own sentence ('... stable condition." They also said') has none.
    ended = bool(re.search(r"[.!?][\]\"”’)]*$", text_of(doc)[quote.start : quote.end]))
    frame = re.match(r"[A-Z]\w*(\s+\w+){0,3}\s+(said|says)\b", rest)
    return not rest or (rest[:1].isupper() and (ended or not frame))


def signed_by_a_name(
    doc: Doc, quotes: tuple[Quote, ...], used: set[Quote], found: list[Attribution]
) -> list[Attribution]:
    """'"...," Jesse Toprak, an analyst for Edmunds.': a quote followed by a person's name
    and nothing that could be a verb; the copy dropped the cue, the name still speaks."""
    out = []
    for quote in quotes:
        if quote in used or not quote.closed or any(inside(quote.start, a.content) for a in found):
            continue
        if text_of(doc)[quote.end - 1] != "," and not text_of(doc)[quote.close :].lstrip().startswith(","):
            continue
        mark = doc.char_span(quote.close - 1, quote.close, alignment_mode="expand")
        if mark is None:
            continue
        after = (t for t in doc[mark.end : mark.end + 3] if not t.is_punct and not t.is_space)
        first = next(after, None)
        if first is None or first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in doc[first.i : first.sent.end]):
            continue
        last = first
        while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
            last = doc[last.i + 1]
        used.add(quote)
        speaker = (first.idx, last.idx + len(last))
        out.append(direct_statement(doc, quote, cue=None, speaker=speaker, speaker_head=last.i))
    return out


def direct_statement(doc: Doc, quote: Quote, **fields: Any) -> Attribution:
    """A direct statement whose content is the words of ``quote``."""
    return Attribution(kind="direct", content=[trim_range(text_of(doc), quote.start, quote.end)], **fields)
