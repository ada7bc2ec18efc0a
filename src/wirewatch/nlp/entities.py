"""``wirewatch_entities``: mend the organisation names the small recogniser cuts short.

(And one it takes for a person: "The Russian Duma", whose article no person's name has.)

The speakers are named after the entities, so a name cut short is a wrong speaker:
"Turkey's Disaster and Emergency Management [Presidency]", "[Sustainable] Australia",
"[Liberal] Democrats", "the High Court of England [and Wales]", and "the Court of Session
in Scotland", where the place says where the court sits, not what it is called.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.lexicons import lexicon

_NAMES = ("ORG", "GPE", "NORP")


@Language.component("wirewatch_entities")
def mend_entities(doc: Doc) -> Doc:
    titles = lexicon("titles")
    mended = []
    for ent in doc.ents:
        if ent.label_ in _NAMES:
            ent = _trim_place(_extend(ent, titles))
        elif ent.label_ == "PERSON" and ent[0].lower_ == "the" and len(ent) > 1:
            # "The Russian Duma" read as a person: a person's name takes no article
            ent = Span(doc, ent.start + 1, ent.end, label="ORG")
        elif ent.label_ == "PERSON":
            ent = _with_given_name(ent, _roles())
        mended.append(ent)
    doc.set_ents(_without_overlaps(mended))
    return doc


def _extend(ent: Span, titles: frozenset[str]) -> Span:
    doc, start, end, label = ent.doc, ent.start, ent.end, ent.label_
    # Right: the noun the name's words modify ("... Management Presidency").
    while end < len(doc) and _free_name_word(doc[end], titles) and doc[start:end].root.head.i == end:
        end, label = end + 1, "ORG"
    # "of England and Wales": a second place joined to the first.
    if end + 1 < len(doc) and end - start >= 3 and doc[end - 2].lower_ == "of" and doc[end].lower_ == "and":
        place = doc[end + 1]
        one_word = place.i + 1 == len(doc) or doc[place.i + 1].ent_iob_ != "I"
        if place.pos_ == "PROPN" and place.ent_type_ != "PERSON" and place.ent_iob_ != "I" and one_word:
            end += 2
    # Left: a capitalised word that modifies the name ("Sustainable Australia").
    while start > 0 and _free_name_word(doc[start - 1], titles) and start <= doc[start - 1].head.i < end:
        # Not an adjective opening the sentence ("Actual Airbus job cuts").
        word = doc[start - 1]
        if word.dep_ not in ("compound", "amod", "nmod") or (word.pos_ == "ADJ" and word.is_sent_start):
            break
        start, label = start - 1, "ORG"
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=label)


@cache
def _roles() -> frozenset[str]:
    """Words for what a person is, never part of their name (built once)."""
    return lexicon("titles") | lexicon("person_nouns")


def _with_given_name(ent: Span, roles: frozenset[str]) -> Span:
    """ "Council spokesperson Barend [Leyts]": a surname recognised alone takes the
    capitalised word joined to it in front, when that is no title or role."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0:
        return ent
    word = doc[ent.start - 1]
    joined = word.dep_ == "compound" and word.head.i == ent.start and word.pos_ == "PROPN"
    if not joined or word.is_sent_start or not _free_name_word(word, roles):
        return ent
    return Span(doc, ent.start - 1, ent.end, label="PERSON")


def _free_name_word(tok: Token, titles: frozenset[str]) -> bool:
    """A capitalised word of a name that no other entity holds and that is not a title."""
    return (
        tok.ent_type_ == ""
        and tok.is_title
        and tok.pos_ in ("PROPN", "NOUN", "ADJ")
        and tok.lower_ not in titles
    )


def _trim_place(ent: Span) -> Span:
    """ "the Court of Session in Scotland": the organisation without where it is."""
    if ent.label_ != "ORG":
        return ent
    for tok in ent[1:-1]:
        place = ent.doc[tok.i + 1 : ent.end]
        if tok.lower_ == "in" and all(t.pos_ == "PROPN" for t in place):
            return Span(ent.doc, ent.start, tok.i, label="ORG")
    return ent


def _without_overlaps(ents: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for ent in sorted(ents, key=lambda e: (e.start, -len(e))):
        if not kept or ent.start >= kept[-1].end:
            kept.append(ent)
    return kept
