"""What the clauses around an event verb say: which triggers are no acts of their own, and
what a clause tells of the act.

An event verb's sentence often holds other event verbs that are not events: what the act
is for ("blocked roads to press their demands"), a condition on it ("unless Baghdad
accepts"), what an accusation charges ("accused the United States of violating"), a second
wound of the same attack ("killed one soldier and wounded two"), the act an aspect verb
resumes ("resumed shelling"). :func:`not_acts` gathers them; the extractor gives them no
event. The other helpers read a clause for the extractor: what a verb acts on
(:func:`patient`), what people are held as (:func:`held_as`), a refusal to comment
(:func:`withholds_comment`), an agreement with a statement (:func:`agrees_that`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from wirewatch.nlp.event_codes import CONFLICTUAL, VerbEntry
from wirewatch.nlp.event_syntax import RELATIVE_PRONOUNS, infinitive_of

Triggers = list[tuple[Token, VerbEntry]]


# Roots of physical force: acts of one attack conjoined ("killed one and wounded two").
_FORCE = frozenset({"18", "19", "20"})

# Verbs that tell when an act goes on, not another act: "resumed shelling".
_ASPECTUAL = frozenset({"resume", "continue", "keep", "begin", "start"})

# Acts that charge someone with something: complaints, accusations (11), arrests and
# prosecutions (17), sanctions for it (16).
_CHARGING = frozenset({"11", "16", "17"})

# What one declines to do when one declines to comment (CAMEO 011, "decline comment")
_COMMENTING = frozenset(
    {"comment", "confirm", "elaborate", "speculate", "say", "specify", "identify", "name"}
)

# What people are held as: hostages are abducted (181), human shields coerced (170).
HELD_AS = {"hostage": "181", "captive": "181", "shield": "170"}


def not_acts(triggers: Triggers) -> set[int]:
    """Indices of the triggers that are no acts of their own (see the module docstring)."""
    return results(triggers) | charges(triggers) | aspects(triggers) | purposes(triggers)


def aspects(triggers: Triggers) -> set[int]:
    """ "resumed shelling", "continued attacking": the act resumed is the event, the
    resuming only its aspect."""
    at = {token.i for token, _ in triggers}
    return {
        token.i
        for token, _ in triggers
        if token.lemma_.lower() in _ASPECTUAL
        and any(c.i in at and c.dep_ in ("xcomp", "dobj", "ccomp") for c in token.children)
    }


def purposes(triggers: Triggers) -> set[int]:
    """Clauses that say what an act is for, what it demands or what its object proposes,
    not acts that happened: "blocked roads to press their demands" (a purpose), "unless
    Baghdad accepted" (a condition), "rejected a US offer to host a summit" (the content
    of what is rejected)."""
    at = {token.i for token, _ in triggers}

    def acted_on(noun: Token) -> bool:
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        return noun.dep_ in ("dobj", "pobj") and verb.i in at

    return {
        token.i
        for token, _ in triggers
        if condition(token)
        or (
            infinitive_of(token)
            and (
                (token.dep_ == "advcl" and token.head.i in at)
                or (token.dep_ == "acl" and acted_on(token.head))
            )
        )
    }


def condition(token: Token) -> bool:
    """ "threatened to break relations unless the Kremlin closed its base": the condition is
    what the act demands of the other side, not an act of theirs."""
    return any(c.dep_ == "mark" and c.lower_ == "unless" for c in token.children)


def charges(triggers: Triggers) -> set[int]:
    """What an accusation says the accused did ("accused the United States of violating
    human rights", "arrested for collaborating with Israel") is the charge, not an act the
    text reports: no event of its own, least of all one by the accuser."""
    accusing = {token.i for token, entry in triggers if entry.code[:2] in _CHARGING}

    def charged(token: Token) -> bool:
        while token.dep_ == "conj" and token.head.i != token.i:  # "of violating ... and sending"
            token = token.head
        head = token.head
        return (
            token.dep_ == "pcomp"
            and head.dep_ == "prep"
            and head.lower_ in ("of", "for")
            and head.head.i in accusing
        )

    return {token.i for token, _ in triggers if charged(token)}


def results(triggers: Triggers) -> set[int]:
    """Participles that tell what an act of force did, not a second act: "shelled Juba,
    killing about 20 people" is one attack (the same CAMEO root, hanging from it), and so
    is "killed one soldier and wounded two others" (the same root, conjoined, no subject
    of its own)."""
    codes = {token.i: entry.code[:2] for token, entry in triggers}

    def told(token: Token, root: str) -> bool:
        if codes.get(token.head.i) != root or root not in CONFLICTUAL:
            return False
        if token.dep_ == "advcl":
            return token.tag_ == "VBG"
        return (
            token.dep_ == "conj"
            and root in _FORCE
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        )

    return {token.i for token, entry in triggers if told(token, entry.code[:2])}


def patient(verb: Token) -> Token | None:
    """What the verb acts on: its direct object or passive subject, or the noun a participle
    or relative clause describes ("a shirt signed by the miners", "the criticism the
    corporation has received")."""
    found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if found is not None:
        return found
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    ):
        return verb.head
    return None


def agrees_that(trigger: Token) -> bool:
    """Whether an agreement is with a statement ("agreed that there was an urgent need"),
    not to do something ("agreed to a ceasefire", "agreed to withdraw")."""
    return any(
        c.dep_ == "ccomp" and any(m.dep_ in ("mark", "nsubj", "expl") for m in c.children)
        for c in trigger.children
    ) and not any(
        c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on"))
        for c in trigger.children
    )


def held_as(verb: Token) -> str | None:
    """What those held are held as: "hostage", "captive", "shield" ("held two soldiers
    hostage", "holding refugees as human shields"), looked for in the verb's own phrases."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "punct", "aux", "auxpass"):
            continue
        for word in (child, *child.children, *(g for c in child.children for g in c.children)):
            if word.lemma_.lower() in HELD_AS:
                return word.lemma_.lower()
    return None


def withholds_comment(trigger: Token, kinds: Mapping[str, str]) -> bool:
    """Whether a refusal is one to comment or confirm ("declined to confirm the report"), or
    to give words ("refused to give further details")."""
    for verb in (c for c in trigger.children if c.dep_ == "xcomp"):
        if verb.lemma_.lower() in _COMMENTING:
            return True
        given = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if given is not None and kinds.get(given.lemma_.lower()) == "message":
            return True
    return False


# Verbs of fighting that, with a purpose and no one fought, are striving.
_STRIVING = frozenset({"fight", "battle", "struggle"})

# What is attacked in words, besides messages: plans, policies and what they decide. Not
# "positions", which armies attack.
_POLICIES = frozenset(
    {"plan", "policy", "decision", "stance", "strategy", "idea", "remark", "move", "measure",
     "initiative", "ruling", "verdict", "record", "claim", "argument", "law", "legislation", "reform"}
)  # fmt: skip


def attacks_words(trigger: Token, kinds: Mapping[str, str]) -> bool:
    """Whether an attack is on words, a plan or a policy ("attacked the Budget", "assailed
    the government's decision"): a criticism (111), not force."""
    acted_on = patient(trigger)
    if acted_on is None:
        return False
    return kinds.get(acted_on.lemma_.lower()) == "message" or acted_on.lemma_.lower() in _POLICIES


def strives(trigger: Token) -> bool:
    """ "fought to keep the details secret", "battled to save the company": striving to do
    something, not fighting anyone ("rebels attacked to free their leader" is an attack)."""
    if trigger.lemma_.lower() not in _STRIVING:
        return False
    if any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("against", "with")) for c in trigger.children
    ):
        return False
    return any(
        c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in trigger.children
    )
