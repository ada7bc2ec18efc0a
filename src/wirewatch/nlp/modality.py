"""Whether an event happened, as the text tells it: occurred, planned, denied, hypothetical.

Read off the trigger verb and the verbs it hangs from: a negation denies it ("did not
attack"); a modal, a condition or an open question makes it hypothetical ("could stall",
"if talks fail", "not clear whether Iran had delivered"); the future, or a verb of
intending, preparing or seeking, makes it planned ("will visit", "is preparing to
provide", "Russia's plan to acquire"). A statement denying it ("Iran denied that ...")
denies it too; that is decided by the caller, which knows the statements.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs and nouns after which an act is only intended: "preparing to provide", "a plan to".
PLANNING = frozenset(
    [
        "prepare",
        "plan",
        "seek",
        "intend",
        "aim",
        "want",
        "hope",
        "expect",
        "try",
        "attempt",
        "decision",  # "the decision by the United States to withdraw": not yet done
        "bid",
        "effort",
        "intention",
        "decide",
        "mean",
        "propose",
        "consider",
        "schedule",
        "set",
        "poise",
        "slate",
        "due",
        "ready",
        "willing",
        "prepared",
        "committed",
        "determined",
        "eager",
        "keen",
        "interested",
        "about",
        "agree",
        "promise",
        "pledge",
        "vow",
        "offer",
        "threaten",
        "move",
        "bid",
        "intention",
        "effort",
        "readiness",
        "willingness",
        "deal",
        "agreement",
        "pact",
    ]
)
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_MAYBE = frozenset({"could", "would", "might", "may", "should", "can", "ca", "'d"})
_CONDITION = frozenset({"if", "unless", "whether", "lest"})
# "not clear whether", "unclear if": the question itself leaves the act open.
_OPEN = frozenset({"clear", "unclear", "unknown", "uncertain", "known", "sure"})


def modality_of(trigger: Token, planned_verb: bool = False) -> str:
    """``occurred``, ``planned``, ``denied`` or ``hypothetical`` for the event of ``trigger``."""
    chain = _governors(trigger)
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in token.children):
            return "hypothetical"
        if token.i != trigger.i and (token.lemma_.lower() in _OPEN or _open_question(token)):
            return "hypothetical"
    # A negation denies the act on the trigger, or on a verb it is the open complement of
    # ("did not begin providing"), not on a verb it is a clause of ("was not clear whether").
    close = chain[:2] if trigger.dep_ == "xcomp" else chain[:1]
    if any(_negated(t) for t in close) or _negated_object(trigger):
        return "denied"
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in ("fail", "refuse", "decline"):
        return "denied"  # "failed to reach agreement"
    if trigger.dep_ == "acl" and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.head.children):
        return "denied"  # "has no plans to withdraw", "no intention to attack"
    if any(_aux(t) & _MAYBE for t in chain[:2]):
        return "hypothetical"
    if planned_verb or any(_aux(t) & _FUTURE for t in chain[:2]):
        return "planned"
    if any(t.lemma_.lower() in PLANNING for t in chain[1:3]) or _going_to(trigger):
        return "planned"
    return "occurred"


# Words by which an actor commits itself to an act: "promised to", "is ready to", "will".
_INTENDING = frozenset(
    {"promise", "pledge", "vow", "offer", "agree", "ready", "prepared", "willing", "commit", "committed",
     "undertake"}
)  # fmt: skip


def expressed_intent(trigger: Token, said_by_actor: bool = False) -> bool:
    """Whether the actor commits itself to the act: "promised to continue aid", "is ready to
    host", or "will"/"would" in what the actor itself said ("the rebels said they will
    release"); not "is preparing to" (an observation) nor a "will" of the reporter's."""
    chain = _governors(trigger)
    if said_by_actor and _aux(trigger) & {"will", "shall", "'ll", "would", "'d"}:
        return True
    return any(t.lemma_.lower() in _INTENDING or t.lower_ in _INTENDING for t in chain[1:3])


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the verbs (or nouns) it is the complement of, nearest first.

    Climbs through open complements and infinitival clauses ("preparing to provide",
    "plan to acquire") and through clausal complements of adjectives ("not clear whether
    X had delivered"), but stops at a verb of saying: what someone said is the caller's.
    """
    chain = [trigger]
    token = trigger
    while (
        token.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj")
        and token.head.i != token.i
        and len(chain) < 5
    ):
        if token.dep_ == "conj":
            token = token.head
            continue  # a conjoined verb shares what governs the first one
        head = token.head
        if token.dep_ == "ccomp" and head.pos_ == "VERB":
            break  # "X said Y attacked": the saying does not change the attack
        if token.dep_ == "advcl" and _finite_clause(token):
            break  # "threatened Iraq after Baghdad expelled": the expulsion has its own tense
        chain.append(head)
        token = head
    return chain


def _finite_clause(verb: Token) -> bool:
    """A clause with its own subject in the past ("after Baghdad expelled its diplomats").
    One in the present shares the main clause's time: "the bill would become law after
    the court revisits the case" has not happened."""
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    past = (verb.tag_ == "VBD" and not auxiliaries) or any(a.tag_ == "VBD" for a in auxiliaries)
    return has_subject and past


def _open_question(token: Token) -> bool:
    """ "it was not clear whether": the verb is a copula whose complement is "clear"."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in _OPEN for c in token.children)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _negated_object(trigger: Token) -> bool:
    """ "took no part", "delivered no weapons": a negated object denies the act."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
        ):
            return True
    return False


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _going_to(trigger: Token) -> bool:
    """ "is going to attack": the trigger is the complement of a progressive "go"."""
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.lemma_ == "go" and any(c.lower_ == "to" for c in trigger.children)
