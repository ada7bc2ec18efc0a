"""Small helpers over tokens and character ranges shared by the extractor components."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from wirewatch.nlp.quotes import Quote
from wirewatch.nlp.records import CharRange

# Dependents of a cue that belong to the reporting frame rather than to what was said.
_FRAME_DEPS = {"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "dative", "dobj", "prt", "agent"}
# Dependents of a speaker's head that are part of its mention (not appositions or clauses).
_MENTION_RIGHT_DEPS = {"compound", "prep", "pobj", "nummod", "case", "amod", "flat"}
_LEADING = re.compile(r"(?:[\s,;:—–\-]|that\s+(?=\S))+", re.IGNORECASE)
_TRAILING = re.compile(r"[\s,;:—–\-]+$")
_WORD = re.compile(r"\w+")


def frame_tokens(cue: Token, speaker: Token) -> list[Token]:
    """The tokens of the reporting frame: the cue, its modifiers, the speaker mention."""
    tokens = [cue]
    for child in cue.children:
        if child.dep_ in _FRAME_DEPS and not _holds_clause(child):
            tokens.extend(child.subtree)
    tokens.extend(speaker.subtree)
    return [t for t in tokens if not t.is_punct]


def _holds_clause(tok: Token) -> bool:
    """A clause of the article's own, not a quote the parser hung on the modifier
    ('told the press in an interview, "People ... have been accused"')."""
    quoted = [(q.open, q.close) for q in tok.doc._.wirewatch_quotes]
    return any(
        t.dep_ in ("ccomp", "acl", "relcl") and t.pos_ in ("VERB", "AUX") and not inside(t.idx, quoted)
        for t in tok.subtree
    )


def mention_range(head: Token) -> CharRange:
    """The speaker mention around ``head``: its entity, or its noun phrase without appositions."""
    if head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            start = ent[0]
            while start.i < ent.end - 1 and start.lower_ == "the" and head.ent_type_ == "PERSON":
                start = head.doc[start.i + 1]
            return start.idx, ent.end_char
    left = head
    for child in head.lefts:
        if child.dep_ not in ("punct",) and not _comma_between(child, head):
            left = child.left_edge
            break
    right = head
    for child in head.rights:
        if child.dep_ not in _MENTION_RIGHT_DEPS or _comma_between(head, child):
            break
        right = child.right_edge
    return left.idx, right.idx + len(right)


def _comma_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in {",", "(", ")", "—", "–"} for t in a.doc[lo + 1 : hi])


def inside(idx: int, ranges: list[CharRange]) -> bool:
    return any(s <= idx < e for s, e in ranges)


def trim_range(text: str, start: int, end: int) -> CharRange:
    """Drop a leading ``that``, surrounding spaces and attaching punctuation from a content range."""
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    tail = _TRAILING.search(text[start:end])
    if tail:
        end = start + tail.start()
    return start, max(start, end)


def words_quoted(text: str, content: Iterable[CharRange], quotes: Iterable[Quote]) -> str:
    """``direct`` when every word of the content is quoted, ``mixed`` when some are, else ``indirect``."""
    inside = outside = 0
    quoted = [(q.start, q.end) for q in quotes]
    for start, end in content:
        for word in _WORD.finditer(text, start, end):
            if any(s <= word.start() < e for s, e in quoted):
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins the tokens anew on every access, and the
    components read the text many times per statement."""
    text = doc.user_data.get("wirewatch_text")
    if text is None:
        text = doc.user_data["wirewatch_text"] = doc.text
    return text  # type: ignore[no-any-return]


def whole_of(noun: Token) -> Token:
    """ "Part of the judge's statement": the statement, of which a part speaks."""
    if noun.lemma_.lower() in ("part", "section", "excerpt", "portion", "passage"):
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return whole if whole is not None else noun
    return noun
