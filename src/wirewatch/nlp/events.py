"""The ``wirewatch_events`` component: who did what to whom, coded to CAMEO and PLOVER.

Runs after the statement components. For each verb the event lexicon knows (``attack``,
``provide``, ``hand over``), it finds:

- the **source**: the verb's subject, or the agent of a passive, or, for a verb with no
  subject of its own, the subject of the verb it hangs from ("is preparing to provide",
  "were used by the rebels to attack", "Russia's plan to acquire"); pronouns inside a
  quotation are the speaker's;
- the **target** and the **object**, where the lexicon says they are (direct object,
  indirect object, a preposition: "provide Russia with UAVs");
- the **code**: the verb's CAMEO code, made more specific by the kind of object ("provide
  weapons": military aid, 072) and, for verbs that frame another act ("threaten to attack",
  "offer to mediate"), by that act, which is then not an event of its own;
- the **modality** (:mod:`wirewatch.nlp.modality`), denied also when the event is the
  content of a denial;
- **reported_by**: the statement whose content the event is, so a claim is never a fact;
- the **date**, from a date expression attached to the verb, resolved against the
  publication date (:mod:`wirewatch.nlp.event_dates`).

Each (source actor, target actor) pair of conjoined actors is an event of its own, as
CAMEO codes them ("the United States and NATO" is two targets).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.actors import (
    ActorLexicon,
    CodedActor,
    code_actors,
    is_country,
    names_role,
)
from wirewatch.nlp.event_actors import ActorFinder
from wirewatch.nlp.event_clauses import (
    HELD_AS,
    agrees_that,
    attacks_words,
    held_as,
    not_acts,
    patient,
    strives,
    withholds_comment,
)
from wirewatch.nlp.event_codes import CONFLICTUAL, NEEDS_RECIPIENT, EventLexicon, VerbEntry
from wirewatch.nlp.event_dates import date_of
from wirewatch.nlp.event_syntax import (
    FIRST_PERSON,
    conditional,
    future,
    infinitive,
    is_passive,
    noun_in_slots,
    noun_slots,
    pobj,
    refused,
    role_token,
    subject_heads,
)
from wirewatch.nlp.genres import sports_report
from wirewatch.nlp.modality import expressed_intent, modality_of
from wirewatch.nlp.records import Attribution, CharRange

# Cue verbs of a statement that denies what it reports.
_DENYING = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})
# "X responded by saying that no ...": a response that negates is a denial.
_RESPONDING = frozenset({"respond", "reply", "react", "retort", "counter", "hit"})
_COOPERATIVE = frozenset({"04", "05", "06", "07", "08"})
# Acts actors named together do with each other (see _reciprocal).
_RECIPROCAL = frozenset({"019", "036", "040", "041", "044", "046", "057"})
# Verbs that carry an event told by their object noun: "held talks", "launched an attack".
LIGHT_VERBS = frozenset(
    {"hold", "launch", "stage", "conduct", "carry", "make", "pay", "issue", "reach", "begin", "start",
     "mount", "open", "announce", "impose", "declare", "call", "sign", "lodge", "file", "deliver", "go",
     "set", "complete", "finish", "remain", "stay", "engage", "continue", "resume", "intensify",
     "step", "escalate", "extend", "renew", "express", "claim", "submit", "return", "arrive", "travel",
     "come", "fly", "organize", "organise", "lead", "join", "lay", "commit", "perpetrate", "execute",
     "leave", "depart", "head", "implement", "deal", "wage", "voice", "press", "level"}
)  # fmt: skip
# Who is welcomed as a visitor (hosted), not as news (praised).
_VISITORS = frozenset(
    {"delegation", "minister", "president", "leader", "envoy", "team", "mission", "visitor"}
)
# Light verbs of diplomatic paper: a protest lodged is a complaint (114), not a rally.
_OFFICIAL = frozenset({"lodge", "file", "deliver", "send", "issue", "submit", "register"})
# The longest object phrase kept: an object is a noun phrase, not a clause.
_MAX_OBJECT_TOKENS = 25


@dataclass(slots=True)
class EventRecord:
    """An event as the component leaves it on the Doc: character ranges into ``doc.text``."""

    source: CodedActor
    target: CodedActor | None
    code: str
    name: str
    plover: str | None
    modality: str
    sentence: CharRange
    trigger: CharRange
    object: CharRange | None = None
    reported_by: int | None = None
    date: tuple[str, str, CharRange] | None = None  # (ISO value, granularity, words)
    principal: bool = False  # the sentence's main event (see _mark_principal)


if not Doc.has_extension("wirewatch_events"):
    Doc.set_extension("wirewatch_events", default=None)
if not Doc.has_extension("wirewatch_published"):
    # The article's publication date (ISO), when the caller knows it: anchors relative dates.
    Doc.set_extension("wirewatch_published", default=None)


@Language.factory(
    "wirewatch_events", default_config={"actor_lexicons": [], "verb_lexicons": [], "sports_reports": False}
)
def make_events(
    nlp: Language, name: str, actor_lexicons: list[str], verb_lexicons: list[str], sports_reports: bool
) -> EventExtractor:
    return EventExtractor(actor_lexicons, verb_lexicons, sports_reports=sports_reports)


class EventExtractor(ActorFinder):
    def __init__(
        self,
        actor_lexicons: Iterable[str] = (),
        verb_lexicons: Iterable[str] = (),
        sports_reports: bool = False,
    ) -> None:
        self.actors = ActorLexicon.default().extended(*actor_lexicons)
        self.verbs = EventLexicon.default().extended(*verb_lexicons)
        # Whether to code sports reports too, whose "beat", "pressed" and "threaten the
        # goal" are games, not acts of states (see nlp/genres.py).
        self.sports_reports = sports_reports

    def __call__(self, doc: Doc) -> Doc:
        if not self.sports_reports and sports_report(doc.text):
            doc._.wirewatch_events = []
            return doc
        statements: list[Attribution] = doc._.wirewatch_statements or []
        events: list[EventRecord] = []
        for sent in doc.sents:
            events.extend(_mark_principal(sent, list(self._sentence_events(doc, sent, statements))))
        # A denial told by a response is its sentence's main event unless the sentence has one.
        with_main = {e.sentence for e in events if e.principal}
        events.extend(
            replace(e, principal=e.sentence not in with_main) for e in self._response_denials(doc, statements)
        )
        events.sort(key=lambda e: (e.trigger[0], e.source.start, e.target.start if e.target else -1))
        doc._.wirewatch_events = events
        return doc

    # -- events of verbs ----------------------------------------------------------------

    def _sentence_events(self, doc: Doc, sent: Span, statements: list[Attribution]) -> Iterator[EventRecord]:
        triggers = [(t, e) for t in sent if (e := self._entry(t)) is not None]
        framed: dict[int, tuple[Token, VerbEntry]] = {}
        for token, entry in triggers:
            if entry.frame and (inner := self._framed_act(token, triggers)) is not None:
                if entry.targeted and not self._framed_for_another(token, entry, inner[0]):
                    continue  # "Russia wants to acquire drones": its own plan, not an appeal
                framed[token.i] = inner
        consumed = {inner.i for inner, _ in framed.values()}
        consumed |= not_acts(triggers)
        demands = list(self._demands(doc, sent, triggers, statements))
        # what is demanded, and what it is for, has not happened: no events of their own
        consumed |= {t.i for token, _ in demands for t in token.subtree}
        for token, entry in triggers:
            if token.i in consumed:
                continue
            yield from self._events(doc, sent, token, entry, framed.get(token.i), statements)
        yield from (event for _, event in demands if event is not None)
        light_nouns = {c.i for t, e in triggers if " " in e.verb for c in t.children if c.dep_ == "dobj"}
        for token in sent:
            if token.i not in light_nouns:
                yield from self._nominal_events(doc, sent, token, statements)

    def _demands(
        self, doc: Doc, sent: Span, triggers: list[tuple[Token, VerbEntry]], statements: list[Attribution]
    ) -> Iterator[tuple[Token, EventRecord | None]]:
        """ "Britain said Sudan must reach an agreement": a demand (10) by the speaker of
        the one who must act, made specific by the act ("should" is an appeal, 02). The act
        itself is only demanded, so it is no event of its own (None where the demand has no
        actor to code: "saying he must resign")."""
        entries = {token.i: entry for token, entry in triggers}
        for token in sent:
            modal = next(
                (c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in _MODAL_DEMANDS), None
            )
            if modal is None or (index := _statement_of(token, statements)) is None:
                continue
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or (subject.pos_ == "PRON" and subject.lower_ in FIRST_PERSON):
                continue  # "we must act": the speaker's own commitment, coded as an act
            speakers = self._statement_speaker(doc, statements[index])
            sides = {s.code[:3] for s in speakers}
            targets = [] if subject.pos_ == "PRON" else code_actors(subject, self.actors)
            targets = [a for a in targets if a.code[:3] not in sides]
            if not speakers or not targets:
                yield token, None  # "saying he must resign": only demanded, no act of its own
                continue
            code = _MODAL_DEMANDS[modal]
            if (entry := entries.get(token.i)) is not None:
                code = self.verbs.framed(
                    code, self.verbs.refine_by_kind(entry.code, self._kind(token, entry))
                )
            for event in self._records(speakers, targets, code, "occurred", sent, token, reported_by=index):
                yield token, event

    def _authority_speaking(
        self, doc: Doc, statements: list[Attribution], reported_by: int | None
    ) -> list[CodedActor]:
        """Who arrested or detained those a statement says were arrested, with no agent named:
        the speaker, when it is the police, the government, the army or a court ("Police
        director Vladimir Rebic said at least 71 people were arrested")."""
        if reported_by is None:
            return []
        speaker = self._statement_speaker(doc, statements[reported_by])
        return [a for a in speaker if a.code[3:6] in _AUTHORITIES]

    def _statement_speaker(self, doc: Doc, statement: Attribution) -> list[CodedActor]:
        """The actor a statement's speaker is, coded from the words that name them."""
        if statement.speaker_head is not None and 0 <= statement.speaker_head < len(doc):
            found = code_actors(doc[statement.speaker_head], self.actors)
            if found:
                return found[:1]
        code = self._speaker_code(statement)
        if code is None or statement.speaker is None:
            return []
        start, end = statement.speaker
        return [CodedActor(doc.text[start:end], start, end, code)]

    def _nominal_events(
        self, doc: Doc, sent: Span, noun: Token, statements: list[Attribution]
    ) -> Iterator[EventRecord]:
        """An event told by a noun that is the subject of its clause, whose actor modifies it:
        "Palestinian riots against Israeli policies are continuing", "Russian strikes on Kyiv
        killed five". A bare noun ("the invasion", "a bombing") names no actor: no event."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.verbs.nouns:
            return
        if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            return  # the object of another act ("rejected an ultimatum") is that act's business
        owner = next(
            (c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i), None
        )
        if owner is None:
            return
        sources = code_actors(owner, self.actors)
        if not sources:
            return
        code, roles = self.verbs.nouns[noun.lemma_.lower()]
        if noun.lemma_.lower() == "strike":
            code = self._strike_code(noun, code)
        targets: list[CodedActor] = []
        for role in roles:
            found = pobj(noun, role, "prep")
            if found is not None and (targets := code_actors(found, self.actors) or self._owner(found)):
                break
        governor = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else noun
        modality = modality_of(governor) if governor.pos_ == "VERB" else "occurred"
        reported_by = _statement_of(noun, statements)
        yield from self._records(sources, targets, code, modality, sent, noun, reported_by=reported_by)

    def _strike_code(self, noun: Token, code: str) -> str:
        """A strike is a walkout (143) unless it is one of arms: "air strikes" and "drone
        strikes" are aerial (195), "artillery strikes" and strikes on a place are force (190)."""
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
        if modifiers & _AERIAL_STRIKES:
            return "195"
        if modifiers & _ARMED_STRIKES:
            return "190"
        place = pobj(noun, "on", "prep")
        if place is not None and any(is_country(a.code) for a in code_actors(place, self.actors)):
            return "190"  # "Russian strikes on Kyiv"; a walkout is "on Monday", "over pay"
        return code

    def _entry(self, token: Token) -> VerbEntry | None:
        entry = self._lexicon_entry(token)
        if entry is not None and entry.code == "-":
            return None  # "backs up her claim": a phrasal verb that is no act
        acted_on = (
            ("dobj", "nsubjpass", "xcomp") if entry is not None and entry.frame else ("dobj", "nsubjpass")
        )
        if entry is not None and entry.code[:2] in CONFLICTUAL and strives(token):
            return None  # "fought to keep the details secret"
        if entry is not None and entry.transitive and not any(c.dep_ in acted_on for c in token.children):
            return None  # "negotiators return to Geneva": going back, not handing back
        if entry is not None and entry.concrete and not self._concrete_object(token):
            return None  # "will meet the target", "withdraw its request"
        if entry is not None and entry.material and self._gives_words(token, entry):
            return None  # "sent a letter", "gave a speech": words, not aid
        return entry

    def _gives_words(self, verb: Token, entry: VerbEntry) -> bool:
        """Whether what the verb gives is a message ("provided details of the plan")."""
        given = role_token(verb, entry.object, passive=is_passive(verb))
        return given is not None and self.verbs.kinds.get(given.lemma_.lower()) == "message"

    def _received_aid(self, verb: Token, entry: VerbEntry) -> tuple[str, list[CodedActor]] | None:
        """The aid code and the givers of what a verb of receiving receives, when it is aid
        from someone named ("received 50 million dollars in aid from Germany")."""
        kinds = self._kind(verb, entry)
        if not any(k in _AID_KINDS for k in kinds):
            return None
        received = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # "received money from Osgiliath", the "from" on the verb or on what is received
        giver = pobj(verb, "from", "prep") or (
            pobj(received, "from", "prep") if received is not None else None
        )
        givers = code_actors(giver, self.actors) if giver is not None else []
        if not givers:
            return None
        return self.verbs.refine_by_kind("070", kinds), givers

    def _concrete_object(self, verb: Token) -> bool:
        """Whether the verb's direct object, if it has one, is an actor, a role or a thing
        the object lexicon knows (see ``concrete`` in verbs.tsv)."""
        obj = patient(verb)
        if obj is None or obj.pos_ in ("PROPN", "PRON"):
            return True
        kinds = self.verbs.kinds
        if kinds.get(obj.lemma_.lower()) == "message":
            return False  # "denied receiving any information"
        # "25,000 tons of emergency food aid", "$50,000 worth of goods": any word of it
        if any(kinds.get(t.lemma_.lower()) not in (None, "message") for t in _object_words(obj)):
            return True
        meeting = self.verbs.nouns.get(obj.lemma_.lower())
        if meeting is not None and meeting[0][:2] == "04":
            return True  # "hosted talks", "hosted a summit": a meeting, not a thing
        return bool(code_actors(obj, self.actors)) or names_role(obj, self.actors)

    def _lexicon_entry(self, token: Token) -> VerbEntry | None:
        """The lexicon entry of a verb, with its particle or preposition ("call for") first,
        or of a light verb and its event noun ("held talks", "launched an attack")."""
        if token.pos_ != "VERB":
            return None
        lemma = _verb_lemma(token, self.verbs.lemmas)
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        halting = f"{lemma} {particle}" if particle else lemma
        if halting in _HALTING and (noun := noun_in_slots(token, _HALTED)) is not None:
            # "broke off talks with Japan": halting talks (164), not breaking off relations
            return VerbEntry(
                verb=f"{halting} {noun}", code=_HALTED[noun], target=_HALTED_ROLES, object=("dobj",)
            )
        for child in token.children:
            if child.dep_ in ("prt", "prep") and (entry := self.verbs.verbs.get(f"{lemma} {child.lower_}")):
                return entry
        if lemma in ("hold", "keep") and (held := held_as(token)) is not None:
            # "held two soldiers hostage" (181), "holding refugees as human shields" (170)
            return VerbEntry(verb=f"{lemma} {held}", code=HELD_AS[held], target=("dobj",), object=())
        carried_out = lemma != "carry" or any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
        # "called the attack small": the noun is judged, not carried out
        judged = any(c.dep_ == "oprd" for c in token.children)
        if (
            lemma in LIGHT_VERBS
            and carried_out
            and not judged
            and (noun := self._event_noun(token)) is not None
        ):
            code, roles = self.verbs.nouns[noun]
            if noun in ("protest", "complaint") and lemma in _OFFICIAL:
                code = "114"  # "lodged a protest with Albania": an official complaint, not a rally
            if noun == "fire" and lemma != "set":
                code = "190"  # "opened fire on", "launched rocket fire against": not arson
            if noun == "strike":
                code = self._strike_code(next(w for w in noun_slots(token) if w.lemma_.lower() == noun), code)
            return VerbEntry(
                verb=f"{lemma} {noun}", code=code, target=(*(f"n:{r}" for r in roles), "dative"), object=()
            )
        return self.verbs.verbs.get(lemma)

    def _event_noun(self, verb: Token) -> str | None:
        """The event noun a light verb takes (see :func:`noun_slots`)."""
        return noun_in_slots(verb, self.verbs.nouns)

    def _framed_act(
        self, frame: Token, triggers: list[tuple[Token, VerbEntry]]
    ) -> tuple[Token, VerbEntry] | None:
        """The event verb in the complement of a framing verb ("threatened to cut off"); none
        when what is framed is a comment ("declined to say when they would give approval").
        """
        if withholds_comment(frame, self.verbs.kinds):
            return None
        for token, entry in triggers:
            if token.i == frame.i:
                continue
            if token.head.i == frame.i and (token.dep_ in ("xcomp", "ccomp", "pcomp") or infinitive(token)):
                return token, entry
            # "called for X to withdraw": the act hangs from the preposition's object; not
            # a clause that says what a thing is ("demanded an admission that forces murdered")
            if (
                token.head.head.i == frame.i
                and token.dep_ in ("xcomp", "ccomp", "pcomp", "acl")
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
            ):
                return token, entry
        return None

    def _events(
        self,
        doc: Doc,
        sent: Span,
        trigger: Token,
        entry: VerbEntry,
        inner: tuple[Token, VerbEntry] | None,
        statements: list[Attribution],
    ) -> Iterator[EventRecord]:
        if entry.frame and entry.targeted and inner is None:
            complement = next((c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")), None)
            if complement is None or not self._framed_for_another(trigger, entry, complement):
                return  # "Russia wants to acquire drones": its own plan, no appeal
        reported_by = _statement_of(trigger, statements)
        sources = self._sources(trigger, statements, reported_by)
        if not sources and entry.code[:2] == "17" and is_passive(trigger):
            # "was arrested in Lebanon"; "two suspects were arrested, police said"
            sources = self._authority_of_place(trigger)
            if not sources and entry.code[:3] in _ARRESTS:
                sources = self._authority_speaking(doc, statements, reported_by)
        if not sources:
            return
        targets = self._targets(trigger, entry)
        obj_token = role_token(trigger, entry.object, passive=is_passive(trigger))
        code = entry.code
        if inner is not None:
            inner_token, inner_entry = inner
            inner_code = self.verbs.refine_by_kind(inner_entry.code, self._kind(inner_token, inner_entry))
            # "promised not to attack" pledges to hold back force (CAMEO 0356) or other
            # pressure (035); "vowed not to return the Golan Heights" refuses
            negated = code[:2] == "03" and any(c.dep_ == "neg" for c in inner_token.children)
            if negated and inner_code[:2] in _NOT_TO:
                code = _NOT_TO[inner_code[:2]]
            elif negated:
                code = self.verbs.framed("120", inner_code)
            elif entry.means:  # an envoy summoned to protest hears a complaint (114)
                code = "114" if inner_code[:2] == "14" else inner_code
            else:
                code = self.verbs.framed(code, inner_code)
            if not targets:
                targets = self._targets(inner_token, inner_entry) or self._inner_subject(inner_token, sources)
            if obj_token is None:
                obj_token = role_token(inner_token, inner_entry.object, passive=is_passive(inner_token))
        else:
            code = self.verbs.refine_by_kind(code, self._kind(trigger, entry))
            if entry.verb in _ARMED_SENSES and patient(trigger) is not None:
                code = _ARMED_SENSES[entry.verb]  # "warplanes struck targets": no walkout
            if code == "190" and _by_aircraft(trigger):
                code = "195"  # "Israeli warplanes struck targets in Gaza": aerial weapons
            if code[:2] == "19" and attacks_words(trigger, self.verbs.kinds):
                code = "111"  # "attacked the Budget": a criticism
            if code[:2] == "12" and withholds_comment(trigger, self.verbs.kinds):
                code = "011"  # "declined to comment on the report": silence, not a rejection
            if entry.assents and agrees_that(trigger):
                code = "019"  # "agreed that the governor was the target": accord, not a pledge
            if entry.praises and obj_token is not None and not _names_someone(obj_token):
                code = "051"  # "welcomed the statement": praise; "welcomed the minister": a host
        if code == "140" and _official(doc, sources):
            code = "114"  # "China protested to Japan": a state's protest is an official complaint
        if not targets and obj_token is not None and entry.planned:
            targets = self._owner(obj_token)  # "Russia seeks Iran drones": the drones' owner
        if entry.receiving and inner is None and (given := self._received_aid(trigger, entry)):
            # "Ukraine received weapons from the United States": the giver's aid to Ukraine
            code, sources, targets = given[0], given[1], sources
        if not targets and not _reciprocal(code, sources):  # "Israel and Lebanon held talks"
            targets = self._nearest_other(trigger, sources) or self._clause_other(trigger, sources)
        if not targets:
            targets = self._at_home(trigger, code, sources)  # "arresting political opponents"
        if not targets and reported_by is not None:
            targets = self._speakers_target(trigger, entry, statements[reported_by], sources)
        if not targets:
            targets = self._possessor_named_before(trigger, entry, sources)
        if not targets and entry.targeted:
            return  # "spoke with reporters", "stood by its decision"
        modality = modality_of(trigger, planned_verb=entry.planned)
        said = reported_by is not None and self._said_by(statements[reported_by], sources)
        code, modality = self._as_commitment(
            trigger, code, modality, said or (inner is None and future(trigger)), said
        )
        if reported_by is not None and _cue_lemma(doc, statements[reported_by]) in _DENYING:
            modality = "denied"
        if not targets and self._needs_recipient(code, sources):
            return  # "suspending parts of the constitution": no one's aid cut, no sanction
        date = date_of(trigger, doc._.wirewatch_published, planned=modality == "planned")
        obj = _phrase(obj_token) if obj_token is not None else None
        yield from self._records(
            sources, targets, code, modality, sent, trigger, object=obj, reported_by=reported_by, date=date
        )

    def _framed_for_another(self, frame: Token, entry: VerbEntry, inner: Token) -> bool:
        """Whether a framing verb that needs a target frames another's act ("Israel wants
        Germany to pay": Germany's) or names its target ("wants Germany to pay")."""
        if self._targets(frame, entry):
            return True
        subject = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and bool(code_actors(subject, self.actors))

    def _needs_recipient(self, code: str, sources: list[CodedActor]) -> bool:
        """Whether the act's PLOVER type requires a recipient (the PLOVER manual: aid,
        sanctions, and material cooperation other than that of actors named together)."""
        plover = self.verbs.plover_type(code)
        if plover == "COOPERATE" and len({s.code for s in sources}) > 1:
            return False  # "Indian and French warships began naval exercises": each other
        return plover in NEEDS_RECIPIENT

    def _records(
        self,
        sources: list[CodedActor],
        targets: list[CodedActor],
        code: str,
        modality: str,
        sent: Span,
        trigger: Token,
        **extra: Any,
    ) -> Iterator[EventRecord]:
        """One record per source and target ("the United States and NATO" is two targets)."""
        for source in sources:
            for target in targets or [None]:
                if target is not None and target.code == source.code:
                    continue  # an actor does not act on itself ("Iran and Iraq" aside)
                yield EventRecord(
                    source=source,
                    target=target,
                    code=code,
                    name=self.verbs.name(code),
                    plover=self.verbs.plover_type(code),
                    modality=modality,
                    sentence=_sentence_range(sent),
                    trigger=(trigger.idx, trigger.idx + len(trigger)),
                    **extra,
                )

    # -- actors ----------------------------------------------------------------------------

    def _as_commitment(
        self, trigger: Token, code: str, modality: str, own_words: bool, said: bool = False
    ) -> tuple[str, str]:
        """What an actor commits itself to is coded as the commitment, which happened:

        - a cooperative act it promises or will do: an intent (03: "will give Tanzania a
          grant", "is ready to host");
        - an act it will do unless, or if, another acts: a threat (13: "will withdraw its
          force unless ...");
        - an act of conflict it promises or vows, or says it will do: a threat too ("Annan
          announced that he will withdraw inspectors from Iraq": 136);
        - a cooperative act it will not do, refuses or fails to do: a rejection (12: "will
          not accept refugees", "failed to reach agreement").
        An act of conflict merely foretold ("forces will attack") stays a planned act.
        """
        root = code[:2]
        if modality == "denied" and root in _COOPERATIVE | {"03"} and refused(trigger):
            return self.verbs.framed("120", code), "occurred"
        if modality == "denied":
            return code, modality
        if (
            own_words
            and conditional(trigger)
            and root not in ("13",)
            and (root not in _COOPERATIVE | {"03"} or conditional(trigger, ("unless",)))
        ):
            return self.verbs.framed("130", code), "occurred"
        if expressed_intent(trigger, own_words):
            if root in _COOPERATIVE:
                return self.verbs.framed("030", code), "occurred"
            if root in CONFLICTUAL and (said or not future(trigger)):
                return self.verbs.framed("130", code), "occurred"
        return code, modality

    def _kind(self, trigger: Token, entry: VerbEntry) -> list[str]:
        """The kinds the object is of, its modifiers first ("military aid": military, aid).
        A verb whose object is the one it lets in or hosts ("allowed UN peacekeepers in",
        "received a team of inspectors") has its target's kind, a visit its visitor's."""
        roles = entry.object or (entry.target if entry.code[:3] in _LETTING_IN else ())
        token = role_token(trigger, roles, passive=is_passive(trigger))
        if token is None and entry.code == "042":
            # who arrives or visits: "peacekeeping troops arrived in Bosnia" deploy (074)
            token = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        if token is None:
            return []
        kinds = self.verbs.kinds
        words = list(_object_words(token))
        ordered = [*words[1:], words[0]]
        return [k for w in ordered if (k := kinds.get(w.lemma_.lower()) or kinds.get(w.lower_))]

    # -- denials by response ---------------------------------------------------------------

    def _response_denials(self, doc: Doc, statements: list[Attribution]) -> Iterator[EventRecord]:
        """ "Iran responded by saying that no ... had taken place": a denial (CAMEO 016)."""
        for statement in statements:
            if statement.cue is None or statement.speaker is None:
                continue
            cue = _token_at(doc, statement.cue[0])
            if cue is None:
                continue
            response = next(
                (t for t in (cue, cue.head, cue.head.head) if t.lemma_.lower() in _RESPONDING), None
            )
            if response is None or not _content_negates(doc, statement):
                continue
            speaker = _token_at(doc, statement.speaker[0])
            sources = code_actors(speaker, self.actors) if speaker is not None else []
            if not sources:
                sources = self._speaker_actor(speaker, statement) if speaker is not None else []
            sent = response.sent
            for source in sources:
                yield EventRecord(
                    source=source,
                    target=None,
                    code="016",
                    name=self.verbs.name("016"),
                    plover=self.verbs.plover_type("016"),
                    modality="occurred",
                    sentence=_sentence_range(sent),
                    trigger=(response.idx, response.idx + len(response)),
                )


# Codes of letting others in or hosting them, refined by who they are (peacekeepers: 0861).
_LETTING_IN = frozenset({"043", "086"})


# Arrests, bans and expulsions: what an authority that reports them has done itself
# ("the runways have been destroyed", said a minister, is not).
_ARRESTS = frozenset({"172", "173", "174"})
# Sectors that arrest and detain (see EventExtractor._authority_speaking).
_AUTHORITIES = frozenset({"GOV", "COP", "MIL", "JUD", "SPY"})
# Verbs whose act on something is one of arms: workers strike (143), warplanes strike targets.
_ARMED_SENSES = {"strike": "190"}
# Who attacks from the air (CAMEO 195, "Employ aerial weapons"). Not "fighter" or
# "bomber": news means militants and suicide bombers by them more often than aircraft.
_AIRCRAFT = frozenset(
    {"aircraft", "airplane", "plane", "warplane", "jet", "helicopter", "gunship", "drone", "airforce"}
)
# What makes a strike one of arms, not a walkout (see EventExtractor._strike_code).
_AERIAL_STRIKES = frozenset({"air", "aerial", "drone", "missile", "rocket", "cruise", "airstrike"})
_ARMED_STRIKES = frozenset(
    {"military", "artillery", "retaliatory", "precision", "nuclear", "preemptive", "pre-emptive",
     "surgical", "naval", "mortar", "punitive"}
)  # fmt: skip
# Modals that make a statement's content a demand of its subject: CAMEO 10, or 02 for an
# appeal ("should").
_MODAL_DEMANDS = {"must": "100", "should": "020"}
# Kinds of a thing received that make receiving it aid (see EventExtractor._received_aid).
_AID_KINDS = frozenset({"military", "economic", "humanitarian", "aid", "protection"})
# An intent not to do a conflictual act is one to hold back (see EventExtractor._events).
_NOT_TO = {"18": "0356", "19": "0356", "20": "0356", "13": "035", "14": "035", "16": "035", "17": "035"}
# Halting an interaction, coded by what is halted ("suspended talks with Japan": 164).
_HALTING = frozenset(
    {
        "end",
        "halt",
        "stop",
        "suspend",
        "break off",
        "call off",
        "abandon",
        "freeze",
        "cut off",
        "cut",
        "reduce",
        "scale back",
        "downgrade",
        "break",  # "break relations with Russia"
        "sever",
        "curtail",
    }
)
_HALTED = {
    "talk": "164", "negotiation": "164", "dialogue": "164", "mediation": "165",
    "relation": "161", "tie": "161", "aid": "162", "assistance": "162", "cooperation": "160",
    # ending one's own protest eases dissent (082)
    "strike": "082", "protest": "082", "demonstration": "082", "boycott": "082", "rally": "082",
    "march": "082", "sit-in": "082",
}  # fmt: skip
_HALTED_ROLES = ("n:with", "n:between", "n:to", "n:for", "with", "to", "dative")


def _by_aircraft(trigger: Token) -> bool:
    """Whether those who act are aircraft ("Soviet aircraft including helicopter gunships
    killed", "Israeli warplanes struck", "the air force bombed")."""
    head = next(subject_heads(trigger), None)
    if head is None:
        return False
    words = {
        head.lemma_.lower(),
        *(c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")),
    }
    return bool(words & _AIRCRAFT) or (head.lemma_.lower() == "force" and "air" in words)


def _mark_principal(sent: Span, events: list[EventRecord]) -> list[EventRecord]:
    """The sentence's events, those whose trigger is highest in its parse marked principal.

    A sentence tells one main event; the others hang from it as its purpose ("to press
    their demands"), condition ("unless Baghdad accepts"), or background ("a lunch hosted
    by the ambassador"). Coded event sets such as the PLOVER and CAMEO gold records code
    the main one only; wirewatch keeps them all and marks which is which."""
    if not events:
        return events
    at = {t.idx: t for t in sent}

    def depth(event: EventRecord) -> int:
        token, steps = at.get(event.trigger[0]), 0
        while token is not None and token.head.i != token.i and steps < 100:
            token, steps = token.head, steps + 1
        return steps

    depths = [depth(e) for e in events]
    top = min(depths)
    return [replace(e, principal=d == top) for e, d in zip(events, depths, strict=True)]


def _reciprocal(code: str, sources: list[CodedActor]) -> bool:
    """Whether actors named together do the act with each other (meetings, talks, accords,
    cooperation: 019, 036, 04x, 057, 06x; a visit, 042 or 043, goes one way). Such a joint
    act has no target outside them: the PLOVER records code "Israel and Lebanon renewed
    negotiations on a pullback" as two events with no target (the CAMEO codebook would
    code each with the other as target; the records are what we are scored on), and the
    topic of the talks is not a party to them."""
    return len({s.code for s in sources}) > 1 and (code[:2] == "06" or code[:3] in _RECIPROCAL)


def _verb_lemma(token: Token, known: Container[str]) -> str:
    """The token's lemma, or a regular one the lexicon or the light verbs know when the
    lemmatiser's is not ("staged" -> "stag" in en_core_web_sm 3.8: -> "stage"), or the verb
    a "re-" verb the lexicon does not know repeats ("reimpose" -> "impose")."""
    lemma = token.lemma_.lower()
    if lemma in known or lemma in LIGHT_VERBS:
        return lemma
    lower = token.lower_
    for suffix, ending in (("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", "e"), ("s", "")):
        if lower.endswith(suffix):
            guess = lower[: -len(suffix)] + ending
            if guess in known or guess in LIGHT_VERBS:
                return guess
    if lemma.startswith("re") and len(lemma) > 5 and lemma[2:] in known:
        return lemma[2:]  # doing again is doing: "reimposed blockades", "redeployed troops"
    return lemma


def _sentence_range(sent: Span) -> CharRange:
    """The sentence's characters without the blank lines the parser leaves at its end."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return (start, max(start, sent.start_char + len(text.rstrip())))


def _names_someone(token: Token) -> bool:
    """Whether a noun phrase's head is a person, group or place, not a thing said or done."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return token.lemma_.lower() in _VISITORS


def _official(doc: Doc, sources: list[CodedActor]) -> bool:
    """A government, a state named by its name or capital, or an international organisation:
    they protest by complaint, not in the street. Not a people ("Palestinians", "Young
    Algerians"), whose code is the bare country too."""
    first = sources[0]
    if first.code[:3] == "IGO" or (is_country(first.code[:3]) and first.code[3:6] == "GOV"):
        return True
    words = doc.char_span(first.start, first.end, alignment_mode="expand") if first.start >= 0 else None
    return len(first.code) == 3 and words is not None and words.root.ent_type_ == "GPE"


def _object_words(token: Token) -> Iterator[Token]:
    """The head of an object, its modifiers, and what it is "of" ("types of drones")."""
    yield token
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            yield child
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild
                    yield from (c for c in grandchild.children if c.dep_ in ("compound", "amod"))


def _phrase(token: Token) -> CharRange | None:
    """The noun phrase of an object, without trailing clauses or parentheses."""
    tokens = [t for t in token.subtree if not (t.dep_ in ("relcl", "acl", "appos") and t.i > token.i)]
    left = tokens[0].i
    right = token.i
    for t in tokens:
        if t.i > right and t.i == right + 1 and t.dep_ not in ("punct", "cc") and t.text not in ("(", ")"):
            right = t.i
    if right - left + 1 > _MAX_OBJECT_TOKENS:
        return None
    doc = token.doc
    return (doc[left].idx, doc[right].idx + len(doc[right]))


def _statement_of(trigger: Token, statements: list[Attribution]) -> int | None:
    at = trigger.idx
    for index, statement in enumerate(statements):
        if any(start <= at < end for start, end in statement.content):
            return index
    return None


def _cue_lemma(doc: Doc, statement: Attribution) -> str | None:
    if statement.cue is None:
        return None
    token = _token_at(doc, statement.cue[0])
    return token.lemma_.lower() if token is not None else None


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _content_negates(doc: Doc, statement: Attribution) -> bool:
    for start, end in statement.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.dep_ == "neg" or t.lower_ in ("no", "never", "nothing") for t in span):
            return True
    return False
