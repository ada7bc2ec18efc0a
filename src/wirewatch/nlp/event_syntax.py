"""Where an event's parts are in a spaCy dependency parse.

Helpers of the events component (``nlp/events.py``) that only read the parse: who does an
act (:func:`subject_heads`), where a role of the verb is (:func:`role_token`), where a
light verb's event noun is (:func:`noun_slots`), and which clauses an act governs.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from spacy.tokens import Token

__all__ = [
    "FIRST_PERSON",
    "agent_of",
    "conditional",
    "future",
    "governed_clause",
    "infinitive",
    "is_passive",
    "noun_in_slots",
    "noun_slots",
    "pobj",
    "refused",
    "role_token",
    "subject_heads",
]

# First-person pronouns: in a quotation, the speaker's side.
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me"})

# Entities that can own a plan or an offer by modifying it: "a US offer", "the Iranian plan".
_NATIONS = frozenset({"GPE", "NORP", "ORG"})
# Clauses whose missing (or pronoun) subject is found on the verb they hang from.
_CLIMBING = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "ccomp", "acomp"})
# Tags of a finite verb or auxiliary: one that needs a subject.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Verbs that report an act rather than take part in it ("..., the Times reported").
_REPORTING = frozenset({"say", "report", "tell", "add", "announce", "state", "claim", "quote"})

# Passives that say what their subject does: "Serb forces were engaged in fighting".
_STATIVE_PASSIVES = frozenset({"engage", "involve", "commit"})  # "is committed to opening up"
# Passives whose subject is not the one who does their complement: "drones were used by
# the rebels to attack" (the rebels attack); "was quoted as saying" (see subject_heads).
_INSTRUMENTAL = frozenset({"use", "employ", "utilize", "utilise", "quote"})

# Nouns that measure an event rather than name it: "10 days of war games".
_MEASURES = frozenset(
    {"day", "week", "month", "hour", "series", "wave", "round", "spate", "string", "campaign"}
)

# Papers, plans and intentions whose clause tells what their author or holder does:
# "issued a declaration demanding", "signed an accord to supply", "has no intention to
# attack". Any other object does the act of its own clause itself.
_AUTHORED = frozenset(
    {"declaration", "statement", "resolution", "letter", "communique", "report", "order", "decree",
     "bill", "law", "plan", "proposal", "call", "appeal", "demand", "ultimatum", "warning", "plea",
     "motion", "petition", "note", "message", "accord", "agreement", "deal", "treaty", "pact",
     "memorandum", "offer", "promise", "pledge", "decision", "request", "initiative", "effort",
     "bid", "campaign", "move", "step", "measure", "policy", "program", "programme", "intention",
     "intent", "attempt", "readiness", "willingness", "commitment", "threat", "right", "need",
     "desire", "wish", "determination", "resolve", "ability", "capacity", "authority", "power",
     "permission", "approval", "instruction", "mandate", "vote", "chance", "opportunity", "way",
     "time", "reason", "plot", "scheme", "strategy", "operation", "mission"}
)  # fmt: skip
# Pronouns that open a relative clause ("Washington, which is pushing for").
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
# Light verbs whose event noun follows a preposition: "went on strike", "remained on alert",
# "engaged in ethnic cleansing"; one goes somewhere for an event ("return to Geneva for talks").
_PREPOSED_NOUN = {
    "go": ("on", "for"), "remain": ("on",), "stay": ("on",), "engage": ("in",),
    "return": ("for",), "arrive": ("for",), "travel": ("for",), "come": ("for",), "fly": ("for",),
    "leave": ("for",), "depart": ("for",), "head": ("for",),
}  # fmt: skip


def subject_heads(trigger: Token) -> Iterator[Token]:
    """Who does the act: the subject, the passive's agent, or a governing verb's subject.

    A pronoun subject of a complement clause stands for the subject of the clause it
    complements ("Iran has maintained that it is against the war ... while blaming"), so
    the climb goes on past it; the pronoun is offered last, for the caller to resolve.
    """
    token = trigger
    pronoun: Token | None = None
    via: Token | None = None  # the verb the climb came from to ``token``
    for _ in range(6):
        if via is not None and via.dep_ == "xcomp" and _participle(via) and is_passive(token):
            break  # "twenty people have been confirmed killed": by no one named
        if (
            via is not None
            and via.dep_ in ("xcomp", "pcomp")
            and is_passive(token)
            and token.lemma_.lower() not in _INSTRUMENTAL
        ):
            # "Iraq was urged to withdraw", "Vietnam is committed to opening up": the one the
            # passive is about does the complement, whoever urged it
            subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in FIRST_PERSON):
                yield subject
                return
        agent = agent_of(token)
        if agent is not None:
            yield agent
            return
        if token.i == trigger.i and token.dep_ == "advcl" and _participle(token):
            break  # "Asked if he agreed, Nakasone said": a participle is passive; he was asked
        if token.i == trigger.i and is_passive(token):
            if token.lemma_.lower() in _STATIVE_PASSIVES:  # "forces were engaged in fighting"
                yield from (c for c in token.children if c.dep_ == "nsubjpass")
            break  # "until their demands are met": the one who acts is not named
        if token.i != trigger.i and is_passive(token) and token.lemma_.lower() == "quote":
            # "King Hassan was quoted as saying he would be ready to host": the one quoted
            yield from (c for c in token.children if c.dep_ == "nsubjpass")
            return
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None and token.dep_ == "relcl" and subject.lower_ in RELATIVE_PRONOUNS:
            yield token.head  # "Washington, which is pushing for": Washington pushes
            return
        if subject is not None and not is_passive(token):
            if subject.pos_ != "PRON" or subject.lower_ in FIRST_PERSON or token.dep_ not in _CLIMBING:
                yield subject
                return
            if token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
                # "they would meet Cordovez if he gave them a veto": a conditional or
                # temporal clause's pronoun is not its main clause's subject
                yield subject
                return
            pronoun = pronoun or subject
        if token.dep_ in _CLIMBING and token.head.i != token.i:
            head = token.head
            if token.dep_ == "conj" and is_passive(head) and token.tag_ not in ("VBN", "VBD"):
                # "has been indicted by the court and will resign": conjoined verbs share
                # the subject, and the passive's subject is the one who resigns
                shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if shared is not None:
                    yield shared
                    return
            if head.pos_ in ("NOUN", "PROPN") and token.dep_ == "acl":
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                if owner is None and token.i == trigger.i and infinitive_of(token):  # "a US offer to host"
                    owner = next(
                        (
                            c
                            for c in head.children
                            if c.dep_ in ("compound", "amod") and c.ent_type_ in _NATIONS
                        ),
                        None,
                    )
                if owner is None and infinitive_of(token):  # "an offer by Egypt to mediate"
                    owner = next(_by_agents(head), None)
                if owner is not None:
                    yield owner  # "Russia's plan to acquire"
                    break
                if head.dep_ != "dobj":
                    break
                if head.lemma_.lower() not in _AUTHORED:
                    # "killed three militants preparing to attack", "attacked a convoy
                    # delivering aid": the noun does it, if anyone named does
                    yield head
                    break
                head = head.head  # "issued a declaration demanding": the one who issued it
            if head.dep_ == "prep":  # "responded by saying": the verb above the preposition
                head = head.head
            via = token
            token = head
            continue
        if token.dep_ == "relcl":
            yield token.head  # "the forces that attacked"
        break
    if pronoun is not None:
        yield pronoun


def _by_agents(noun: Token) -> Iterator[Token]:
    """Who a noun's act is by: "the decision by the United States", "an attempt by rebels"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _participle(verb: Token) -> bool:
    """A past participle, also one the tagger took for a past tense: "the death of the
    Turkish-American killed" has no subject, auxiliary or object of its own."""
    if verb.tag_ == "VBN":
        return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)  # "to have killed"
    return verb.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark") for c in verb.children
    )


def positional_subject(trigger: Token) -> Token | None:
    """The subject the parser lost: the noun phrase just before a finite main verb that
    has none ("With the signing of a Memorandum ..., the Sudanese government and SPLM/A
    have agreed", where the parser hung "government" on "Memorandum"). Only for a verb,
    or the main verb it is an infinitive or conjunct of, at the sentence's root."""
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and not is_passive(verb):
        verb = verb.head
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    helpers = [c for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i]
    if verb.tag_ not in _FINITE and not any(h.tag_ in _FINITE for h in helpers if h.dep_ == "aux"):
        return None  # "To end the war, ...": no finite verb, no subject to find
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1] in helpers:
        start -= 1
    if start == verb.sent.start:
        return None
    noun = verb.doc[start - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME") or noun.head.i == verb.i:
        return None
    # up to the head of its phrase: its list ("the government and SPLM/A") and compounds,
    # but not across a comma into the phrase before
    while noun.dep_ in ("conj", "compound", "flat") and noun.head.i < noun.i:
        between = noun.doc[noun.head.i + 1 : noun.i]
        if any(t.text in (",", ";", ":") for t in between):
            break
        noun = noun.head
    return noun


def infinitive_of(token: Token) -> bool:
    """Whether a verb is an infinitive ("to host")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def governed_clause(token: Token) -> bool:
    """A clause whose subject an act is aimed at: a complement ("demanded that Hamas
    renounce") or a condition ("if the United States goes ahead"), not a report of it."""
    if token.dep_ == "ccomp":
        return token.lemma_.lower() not in _REPORTING
    if token.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children)
    return False


def noun_slots(verb: Token) -> Iterator[Token]:
    """Where a light verb's event noun may be: its object and the object's compounds
    ("a mediation effort"), what a measuring object measures ("10 days of war games"), and
    for some verbs the object of a preposition ("went on strike")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None:
        # "launched artillery, mortar and rocket fire": the object and its conjuncts
        for word in [obj, *(c for c in obj.subtree if c.dep_ == "conj" and c.pos_ == "NOUN")]:
            yield word
            yield from (c for c in word.children if c.dep_ == "compound")
        if obj.lemma_.lower() in _MEASURES and (measured := pobj(obj, "of", "prep")) is not None:
            yield measured
            yield from (c for c in measured.children if c.dep_ == "compound")
    preps = _PREPOSED_NOUN.get(verb.lemma_.lower(), ())
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        # every one: "left for Minas Tirith for meetings"
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            yield noun
            yield from (c for c in noun.children if c.dep_ == "compound")


def noun_in_slots(verb: Token, nouns: Container[str]) -> str | None:
    for word in noun_slots(verb):
        lemma = word.lemma_.lower()
        if lemma in nouns:
            return lemma
    return None


def infinitive(token: Token) -> bool:
    """ "have sworn to fight": an infinitive the parser hung as an adverbial clause."""
    return token.dep_ == "advcl" and infinitive_of(token)


def future(trigger: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in trigger.children)


def conditional(trigger: Token, marks: Container[str] = ("unless", "if")) -> bool:
    """ "will withdraw ... unless the president agrees": the act hangs on another's."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in trigger.children
    )


def refused(trigger: Token) -> bool:
    """The negation is the actor's own: "will not accept", "did not agree", "failed to reach"."""
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ == "xcomp" and (
        head.lemma_.lower() == "fail" or any(c.dep_ == "neg" for c in head.children)
    )


def agent_of(token: Token) -> Token | None:
    """The passive's agent: "attacked by militiamen", or the one who carried out the act it
    happened in ("was murdered in an attack on a patrol by Kosovo Albanians")."""
    for child in token.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if is_passive(token):
        for act in (p for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children):
            by = next((t for t in act.subtree if t.dep_ == "prep" and t.lower_ == "by"), None)
            if act.dep_ == "pobj" and by is not None:
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def role_token(trigger: Token, roles: tuple[str, ...], passive: bool = False) -> Token | None:
    for role in roles:
        if role.startswith("n:"):  # a preposition of the event noun ("talks with X")
            found = next((p for n in noun_slots(trigger) if (p := pobj(n, role[2:], "prep"))), None)
            if found is None:
                found = pobj(trigger, role[2:], "prep")
        elif role == "dobj":
            wanted = ("nsubjpass",) if passive else ("dobj",)
            found = next((c for c in trigger.children if c.dep_ in wanted), None)
            if found is None and not passive:
                found = _shared_object(trigger)
            if found is None and trigger.dep_ == "advcl" and trigger.tag_ == "VBN":
                # "Backed by Russia, Syrian forces attacked": the participle's patient is
                # the subject of the clause it hangs from
                found = next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif role == "dative":
            found = next((c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
            if found is None:
                found = pobj(trigger, "to", "dative")
        else:
            found = pobj(trigger, role, "prep")
            if found is None:
                # "blaming the roots of the crisis on the US": the preposition went to the object
                obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    found = next(
                        (p for t in obj.subtree if t.dep_ == "prep" and t.lower_ == role for p in t.children
                         if p.dep_ == "pobj"),
                        None,
                    )  # fmt: skip
        if found is not None:
            return found
    return None


def _shared_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb conjoined after it, which the parser hangs
    on the last one ("killed or wounded 2,600 Iraqis")."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
                return None  # a clause of its own ("Iran attacked and Iraq retaliated")
            return next((c for c in conj.children if c.dep_ == "dobj"), None)
    return None


def pobj(token: Token, word: str, dep: str) -> Token | None:
    for child in token.children:
        if child.dep_ in (dep, "prep", "dative") and child.lower_ == word:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None
