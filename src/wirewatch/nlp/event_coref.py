"""Who a later mention stands for, when it names no country or role itself.

News names an actor in full once ("Brazilian Finance Minister Dilson Funaro") and then by
surname ("Funaro urged ...") or pronoun ("He urged ...", "It condemned ..."). The event's
actor keeps the later mention's words and offsets, so the provenance is the words that
do the act, and takes its code from the fuller mention.

People come from the speaker resolver (``doc._.wirewatch_people``), which has already
matched surnames to full names and read genders for its own pronouns. Organisations and
countries have no such list: "it" or "they" opening a sentence stands for the subject of
the sentence before, the way a reader takes it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirewatch.nlp.actors import ActorLexicon, CodedActor, code_actors
from wirewatch.nlp.speakers import PRONOUN_GENDER, Mention, antecedent

# Pronouns that stand for an organisation, country or group named before.
_GROUP_PRONOUNS = frozenset({"it", "they"})
# How a title or description in front of a name hangs on it.
_TITLE_DEPS = frozenset({"compound", "flat", "amod", "nmod"})


def named_before(head: Token, lexicon: ActorLexicon) -> list[CodedActor]:
    """A person the text names again by surname or given name, coded by the first earlier
    mention that codes ("Brazilian Finance Minister Dilson Funaro ... Funaro": BRAGOV)."""
    people: list[Mention] = head.doc._.wirewatch_people or []
    here = next((m for m in people if m.start <= head.i < m.end), None)
    if here is None:
        return []
    earlier = [m for m in people if m.person is here.person and m.end <= here.start]
    return _coded_as(_with_title(head.doc[here.start : here.end]), earlier, lexicon)


def pronoun_actor(pronoun: Token, lexicon: ActorLexicon) -> list[CodedActor]:
    """What a subject pronoun stands for: "he" or "she" the person the speaker resolver
    would choose (the last person subject or speaker of that gender); "it" or "they" the
    subject of the sentence before, if that names an actor."""
    lower = pronoun.lower_
    if lower in PRONOUN_GENDER:
        people: list[Mention] = pronoun.doc._.wirewatch_people or []
        person = antecedent(pronoun.doc, people, pronoun.i, PRONOUN_GENDER[lower])
        if person is None:
            return []
        return _coded_as(pronoun, [m for m in people if m.person is person and m.end <= pronoun.i], lexicon)
    if lower in _GROUP_PRONOUNS and pronoun.i == pronoun.sent.start:
        return _previous_subject(pronoun, lexicon)
    return []


def _coded_as(mention: Token | Span, earlier: list[Mention], lexicon: ActorLexicon) -> list[CodedActor]:
    """The later mention's words with the code of the first earlier mention that codes."""
    doc = mention.doc
    for m in earlier:
        root = doc[m.start : m.end].root
        found = [a for a in code_actors(root, lexicon) if a.start <= root.idx < a.end]
        if found:
            start, end = _char_range(mention)
            return [CodedActor(doc.text[start:end], start, end, found[0].code)]
    return []


def _with_title(name: Span) -> Span:
    """The name with the words in front of it that modify it ("General Soleimani")."""
    start = name.start
    while start > name.sent.start and name.doc[start - 1].dep_ in _TITLE_DEPS:
        if name.doc[start - 1].head.i not in range(start - 1, name.end):
            break
        start -= 1
    return name.doc[start : name.end]


def _char_range(mention: Token | Span) -> tuple[int, int]:
    if isinstance(mention, Token):
        return mention.idx, mention.idx + len(mention)
    return mention.start_char, mention.end_char


def _previous_subject(pronoun: Token, lexicon: ActorLexicon) -> list[CodedActor]:
    """ "Iran's foreign ministry issued a statement. It condemned ...": the foreign
    ministry. Only a plural subject for "they" and a singular one for "it"."""
    sent = pronoun.sent
    if sent.start == 0:
        return []
    before = pronoun.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return []
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if plural != (pronoun.lower_ == "they"):
        return []
    end = pronoun.idx + len(pronoun)
    found = [CodedActor(pronoun.text, pronoun.idx, end, a.code) for a in code_actors(subject, lexicon)]
    return found if plural else found[:1]
