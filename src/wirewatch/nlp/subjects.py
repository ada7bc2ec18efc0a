"""Subjects the parser did not give a verb: who is speaking when the parse is wrong.

The small model often leaves a cue without its subject: it hangs a sentence-initial name
on a date, joins a name to the frame before it (``On Twitter, Adrian Wojnarowski, ...,
said``), makes an inverted subject the object (``..., argued the government's lawyer``) or
reads a bare-noun sentence as a noun with a participle (``The warnings called for rain``).
These helpers find the subject from the words around the verb.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from wirewatch.nlp.lexicons import lexicon

ANIMATE_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_ADVERBIAL = ("advmod", "npadvmod", "pobj")


def agent_of(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb: who did it."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def misparsed_subject(verb: Token) -> Token | None:
    """A name right before the verb that the parser did not make its subject.

    The small model reads sentence-initial names as adverbs ("Mulally predicted") or
    swallows them into a date ("On Friday Ford Motor Company announced").
    """
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "advmod", "neg") and verb.doc[i].pos_ != "PROPN":
        i -= 1
    # "Tom Molomby, SC, said": over an apposition set off by commas.
    if i > 0 and verb.doc[i].text == ",":
        j = i - 1
        while j > 0 and (verb.doc[j].dep_ == "appos" or verb.doc[j].head.dep_ == "appos"):
            j -= 1
        if j < i - 1 and verb.doc[j].text == ",":
            i = j - 1
    if i < 0 or verb.doc[i].sent != verb.sent:
        return None
    tok = verb.doc[i]
    dated = tok.ent_type_ in ("DATE", "TIME")  # "announced on Friday, ..."
    if tok.pos_ == "PROPN" and not dated and (tok.ent_type_ in ANIMATE_ENTS or tok.dep_ in _ADVERBIAL):
        return tok
    if tok.text == ",":
        return _name_opening_the_clause(verb)
    return _stranded_noun_phrase(tok)


def _stranded_noun_phrase(tok: Token) -> Token | None:
    """ "In findings published in PLOS ONE, an international team of scientists report": a
    group right before the verb that the parser hung elsewhere (as an apposition) speaks."""
    head = tok
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head
    speakers = speaking_nouns()
    if head.dep_ in ("appos", "conj", "dep", "npadvmod") and head.pos_ == "NOUN" and head.lemma_ in speakers:
        return head
    return None


def _name_opening_the_clause(verb: Token) -> Token | None:
    """ "On Twitter, Adrian Wojnarowski, a columnist from ESPN, said": the parser may join the
    name to the frame before it; the first name in the verb's clause that no preposition
    governs is then the subject (its last word)."""
    lead = [t for t in verb.sent if t.i < verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    for tok in lead:
        last_of_name = tok.i + 1 == verb.i or verb.doc[tok.i + 1].ent_iob_ != "I"
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and tok.dep_ != "pobj" and last_of_name:
            return tok
    return None


@cache
def speaking_nouns() -> frozenset[str]:
    """Nouns for people and organisations, who can speak (built once)."""
    return lexicon("person_nouns") | lexicon("org_nouns")


def goes_on_to(verb: Token) -> bool:
    """ "She went on to say", "he continued to insist": the speaker is the subject of "went"."""
    going_on = verb.head.lemma_.lower() in ("go", "continue", "proceed")
    return verb.dep_ == "xcomp" and verb.tag_ == "VB" and going_on


def inverted_subject(verb: Token) -> Token | None:
    """``"...," said Uralsib analyst Chris Weafer commenting ...``: the name right after a
    cue that follows a quote is its subject, wherever the parser hung it."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    # ('"...", read the warning.': the tagger reads an inverted "read" as a bare verb.)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.lemma_ == "read"
    if ends_its_sentence_after_a_comma(verb) and finite:
        # "It is not for the Court to opine, argued the government's lawyer, Richard Keen."
        nominal = next((c for c in verb.rights if c.dep_ in ("dobj", "nsubj", "attr", "npadvmod")), None)
        documents = lexicon("document_nouns")
        if nominal is not None and any(
            t.ent_type_ in ANIMATE_ENTS or t.lemma_ in speaking_nouns() or t.lemma_ in documents
            for t in nominal.subtree
        ):
            return nominal
        return None
    if doc[verb.i - 1].text not in ('"', "”", "''"):
        return None
    i = verb.i + 1
    while i < len(doc) and doc[i].tag_ in ("DT", "NNP", "NNPS", "NN", "JJ", "PRP", "HYPH"):
        i += 1
    last = doc[i - 1] if i > verb.i + 1 else None
    return last if last is not None and last.pos_ in ("PROPN", "PRON") else None


def ends_its_sentence_after_a_comma(verb: Token) -> bool:
    """ "CLAUSE, argued the lawyer.": a verb after a comma, with no verb after it in its sentence."""
    after = verb.doc[verb.i + 1 : verb.sent.end]
    return verb.doc[verb.i - 1].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in after)


def verbless_subject(participle: Token) -> Token | None:
    """ "The warnings called for rain": the sentence's root noun, right before the participle
    the parser hung on it, is the participle's subject."""
    head = participle.head
    if participle.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head if head.i + 1 == participle.i and participle.n_lefts == 0 else None


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)
