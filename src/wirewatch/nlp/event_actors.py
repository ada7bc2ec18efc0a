"""Who does an event's act, and to whom: the actor-finding half of ``wirewatch_events``.

:class:`ActorFinder` holds the rules that turn the words around an event verb into coded
actors: the subject or the passive's agent, a role placed in the country the act happens
in (or the one the article names most), a speaker's "we" and "its", pronouns and later
mentions, and the target among the verb's own phrases or the clauses it governs.
``EventExtractor`` (``nlp/events.py``) decides what the act is and inherits these.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.nlp.actors import (
    ETHNIC_NOUNS,
    ActorLexicon,
    CodedActor,
    code_actors,
    countries_named_once,
    is_country,
    names_actor_itself,
    names_role,
    of_unknown_organisation,
    sector_without_country,
)
from wirewatch.nlp.event_clauses import patient
from wirewatch.nlp.event_codes import EventLexicon, VerbEntry
from wirewatch.nlp.event_coref import named_before, pronoun_actor
from wirewatch.nlp.event_syntax import (
    FIRST_PERSON,
    governed_clause,
    infinitive_of,
    is_passive,
    pobj,
    positional_subject,
    role_token,
    subject_heads,
)
from wirewatch.nlp.records import Attribution

# Where an act's own phrases are (for a target named nowhere the lexicon looks), and what
# is not one of them however deep it hangs.
_OWN_PHRASES = frozenset({"dobj", "prep", "xcomp", "dative", "attr", "oprd", "npadvmod", "nsubjpass"})
_NOT_OWN = frozenset({"relcl", "advcl", "ccomp", "parataxis", "appos", "acl", "conj", "cc", "punct"})
# Prepositions that set a phrase aside from the act: "despite Israel's wish", "after talks".
_ASIDE = frozenset(
    {"despite", "after", "before", "since", "during", "because", "amid", "following", "until", "besides",
     "unlike", "like"}
)  # fmt: skip
# Acts whose target, when none is named, is the actor's own government: protests and
# coercion happen at home.
_DOMESTIC = frozenset({"14", "17"})
# Demands, complaints, rejections and threats of groups inside a country (rebels, the
# opposition, unions, courts) are addressed to its government when no one else is named.
_DISSENT = frozenset({"10", "11", "12", "13"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP"})
# Blasts that act with no actor named: "a roadside bombing killed ..." (see _unidentified).
_BLASTS = frozenset({"bombing", "bomb", "blast", "explosion", "explosive", "device", "shelling", "gunfire"})
# Prepositions that place a thing somewhere ("a boat in Bangladesh").
_PLACE_PREPS = frozenset({"in", "at", "near", "on", "off"})
# Possessives a speaker uses of its own ("attacked its posts").
_OWNING = frozenset({"its", "their", "our"})
# Pronouns that stand for someone acted on ("urging him to send troops").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


class ActorFinder:
    """The actor rules of the events component; needs ``actors`` and ``verbs`` lexicons."""

    actors: ActorLexicon
    verbs: EventLexicon

    def _speaker_code(self, statement: Attribution) -> str | None:
        """The actor code of a statement's speaker, from their role, else their name."""
        for phrase in (statement.speaker_role, statement.speaker_name):
            if phrase and (code := self.actors.code_phrase(phrase)):
                return code
        return None

    def _sources(
        self, trigger: Token, statements: list[Attribution], reported_by: int | None
    ) -> list[CodedActor]:
        for head in subject_heads(trigger):
            if head.pos_ == "PRON" and head.lower_ in FIRST_PERSON and reported_by is not None:
                return self._speaker_actor(head, statements[reported_by])
            if head.lemma_.lower() in _BLASTS:  # "Russian shelling"; "two bomb explosions in Kampala"
                return self._owner(head) or self._unidentified(trigger, head)
            if head.pos_ == "PRON":
                found = pronoun_actor(head, self.actors)
                if found:
                    return found
                continue
            found = code_actors(head, self.actors) or named_before(head, self.actors)
            if found and (head.lemma_.lower() in self.verbs.nouns or not _thing_in_place(head, self.actors)):
                return found
            possessor = self._owner(head)
            if possessor:
                return possessor
            return self._speakers_own(head, statements, reported_by) or self._placed(trigger, head)
        if next(subject_heads(trigger), None) is None and (lost := positional_subject(trigger)) is not None:
            return code_actors(lost, self.actors)
        return []

    def _speakers_own(
        self, head: Token, statements: list[Attribution], reported_by: int | None
    ) -> list[CodedActor]:
        """A role the speaker calls its own is the speaker's country's: "Baghdad said its
        forces had repulsed the attack" (IRQMIL), whatever country the article names most."""
        own = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None
        )
        if own is None or reported_by is None:
            return []
        speaker = self._speaker_actor(own, statements[reported_by])
        role = sector_without_country(head, self.actors)
        if not speaker or role is None or not is_country(speaker[0].code):
            return []
        return [CodedActor(role.text, role.start, role.end, speaker[0].code[:3] + role.code[1:])]

    def _placed(self, trigger: Token, head: Token) -> list[CodedActor]:
        """A role named without its country ("President Yoweri Museveni", "Prisoners rioted
        at a jail in Dili", "Rebels attacked") belongs to the country the act happens in,
        else to the country the article names most: news names the country of a domestic
        actor once, if at all. An ethnic group named by its nationality is placed the same
        way, never in its namesake. A subject that names no role is no actor: no event."""
        if head.lemma_.lower() in _BLASTS:
            return self._unidentified(trigger, head)
        if head.lemma_.lower() in self.verbs.kinds:
            return []  # a thing acted on ("the drones can deliver munitions"), not an actor
        role = sector_without_country(head, self.actors)
        if role is None or (role.code == "~GOV" and of_unknown_organisation(head, self.actors)):
            return []  # "a Nokia spokesman rejected this": a company's, not a government's
        country = self._loyal_to(head) or self._place_of(trigger)
        if country is None:
            namesake = self.actors.code_phrase(head.text) if _ethnic_group(head) else None
            country = _article_country(head.doc, self.actors, other_than=namesake)
        if country is None:
            return []
        return [CodedActor(role.text, role.start, role.end, country + role.code[1:])]

    def _loyal_to(self, head: Token) -> str | None:
        """The country of the one a role is loyal to ("gunmen loyal to Gaddafi": Libya's)."""
        loyal = next((c for c in head.children if c.dep_ == "amod" and c.lower_ == "loyal"), None)
        leader = pobj(loyal, "to", "prep") if loyal is not None else None
        found = code_actors(leader, self.actors) if leader is not None else []
        return found[0].code[:3] if found and is_country(found[0].code) else None

    def _antecedent(self, pronoun: Token) -> list[CodedActor]:
        """Whom "him", "her" or "them" stands for: the nearest actor named before it in the
        sentence other than the clause's subject ("wrote to President Bush urging him to
        send troops": Bush)."""
        if pronoun.pos_ != "PRON" or pronoun.lower_ not in _OBJECT_PRONOUNS:
            return []
        subjects = {t.i for h in subject_heads(pronoun.head) for t in h.subtree}
        found = self._named_before_in_sentence(pronoun, subjects, set())
        return [found] if found is not None else []

    def _named_before_in_sentence(
        self, word: Token, skipped: set[int], countries: set[str]
    ) -> CodedActor | None:
        """The nearest actor named before ``word`` in its sentence, outside the tokens
        ``skipped`` (a clause's subject) and of none of ``countries``."""
        for token in reversed(word.sent[: word.i - word.sent.start]):
            if token.i in skipped or token.pos_ not in ("PROPN", "NOUN") or token.dep_ == "compound":
                continue
            found = [a for a in code_actors(token, self.actors) if a.code[:3] not in countries]
            if found:
                return found[0]
        return None

    def _possessor_named_before(
        self, trigger: Token, entry: VerbEntry, sources: list[CodedActor]
    ) -> list[CodedActor]:
        """Whose "its" or "their" the thing acted on is, when not the actor's own: the
        nearest actor of another country named before it in the sentence ("Iran threatened
        Iraq after Baghdad expelled its diplomats": Iran's). Coded on the pronoun's words."""
        own = _owning_pronoun(trigger, (*entry.target, *entry.object))
        if own is None:
            return []
        subjects = {t.i for h in subject_heads(trigger) for t in h.subtree}
        found = self._named_before_in_sentence(own, subjects, {s.code[:3] for s in sources})
        return [CodedActor(own.text, own.idx, own.idx + len(own), found.code)] if found is not None else []

    def _placed_target(self, trigger: Token, token: Token) -> list[CodedActor]:
        """A role acted on without its country belongs to the country the act happens in
        ("killed five police officers in Kabul": AFGCOP); with no place, it stays unknown."""
        role = sector_without_country(token, self.actors) if token.pos_ == "NOUN" else None
        country = self._place_of(trigger) if role is not None else None
        if role is None or country is None:
            return []
        return [CodedActor(role.text, role.start, role.end, country + role.code[1:])]

    def _at_home(self, trigger: Token, code: str, sources: list[CodedActor]) -> list[CodedActor]:
        """Whom an act with no target named is aimed at at home: those a state coerces, by
        their role ("arresting political opponents"), else the country itself for a
        state's coercion, or its government for others' protests and dissent."""
        if code[:2] in _DOMESTIC and sources[0].code[3:6] in _STATE_SECTORS:
            found = self._own_people(trigger, sources)
            if found:
                return found
        if code[:2] in _DOMESTIC or (code[:2] in _DISSENT and _non_state(sources)):
            return _home(sources)
        return []

    def _own_people(self, trigger: Token, sources: list[CodedActor]) -> list[CodedActor]:
        """Those a state coerces at home, named by their role alone: the state's own
        ("Haitian police arrested opposition leaders": HTIOPP)."""
        acted_on = patient(trigger)
        role = sector_without_country(acted_on, self.actors) if acted_on is not None else None
        if role is None or acted_on.pos_ != "NOUN":
            return []
        return [CodedActor(role.text, role.start, role.end, sources[0].code[:3] + role.code[1:])]

    def _unidentified(self, trigger: Token, head: Token) -> list[CodedActor]:
        """ "A roadside bombing near Samarra killed a U.S. soldier": attackers no one names
        are unidentified armed forces (UAF, as Phoenix codes them) of the country it happened
        in: the blast's own place, the act's, else the article's country."""
        place = next((a.code[:3] for a in code_actors(head, self.actors) if is_country(a.code)), None)
        country = place or self._place_of(trigger) or _article_country(head.doc, self.actors)
        if country is None:
            return []
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
        return [CodedActor(head.doc.text[start:end], start, end, country + "UAF")]

    def _place_of(self, trigger: Token) -> str | None:
        """The country of the place an act happens in ("rioted at a jail in Dili")."""
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for actor in code_actors(pobj, self.actors):
                            if is_country(actor.code):
                                return actor.code[:3]
        return None

    def _authority_of_place(self, trigger: Token) -> list[CodedActor]:
        """Who arrests, detains or expels where no agent is named: the government of the
        country it happened in, as CAMEO codes it ("was arrested in Lebanon": LBNGOV)."""
        place = pobj(trigger, "in", "prep")
        if place is None:
            return []
        found = code_actors(place, self.actors)
        return [CodedActor(a.text, a.start, a.end, a.code[:3] + "GOV") for a in found if len(a.code) >= 3][:1]

    def _said_by(self, statement: Attribution, sources: list[CodedActor]) -> bool:
        """Whether the statement's speaker is (of the country of) the event's source."""
        code = self._speaker_code(statement)
        return code is not None and any(s.code[:3] == code[:3] for s in sources)

    def _speakers_target(
        self, trigger: Token, entry: VerbEntry, statement: Attribution, sources: list[CodedActor]
    ) -> list[CodedActor]:
        """What a speaker calls its own, acted on by another: the speaker's ("Pakistan said
        Indian troops attacked its posts": PAK)."""
        own = _owning_pronoun(trigger, entry.target)
        if own is None:
            return []
        speaker = self._speaker_actor(own, statement)
        return [a for a in speaker if a.code[:3] not in {s.code[:3] for s in sources}]

    def _speaker_actor(self, pronoun: Token, statement: Attribution) -> list[CodedActor]:
        """ "We have provided ..." in a quotation: the speaker's country or government."""
        code = self._speaker_code(statement)
        if code is None:
            return []
        return [CodedActor(pronoun.text, pronoun.idx, pronoun.idx + len(pronoun), code)]

    def _targets(self, trigger: Token, entry: VerbEntry) -> list[CodedActor]:
        """The first role that names an actor ("supplied drones to Russia": not the drones)."""
        passive = is_passive(trigger)
        for role in entry.target:
            token = role_token(trigger, (role,), passive=passive)
            if token is None:
                continue
            found = (
                code_actors(token, self.actors)
                or self._owner(token)
                or self._placed_target(trigger, token)
                or self._antecedent(token)
            )
            # "on the United States and NATO's expansion": a conjunct that is not itself an
            # actor may still belong to one.
            for conj in token.conjuncts:
                if not any(a.start <= conj.idx < a.end for a in found) and not code_actors(conj, self.actors):
                    found = [*found, *self._owner(conj)]
            if found:
                return found
        return []

    def _nearest_other(self, trigger: Token, sources: list[CodedActor]) -> list[CodedActor]:
        """With no target where the lexicon looks, the first other actor the act's own
        phrases name ("promised to continue military aid to war-torn Mozambique", "agreed
        to an extension of the mandate of the force in Lebanon"). Subordinate clauses,
        relative clauses and the subject are not the act's own phrases."""
        source_codes = {s.code for s in sources}
        subject_tokens = {t.i for h in subject_heads(trigger) for t in h.subtree}
        todo = [c for c in trigger.children if c.dep_ in _OWN_PHRASES and c.lower_ not in _ASIDE]
        while todo:
            token = todo.pop(0)
            if token.i in subject_tokens:
                continue
            found = self._antecedent(token) if token.pos_ == "PRON" else []
            if found and found[0].code not in source_codes:
                return found  # "arrested two British sailors and later released them"
            if token.pos_ in ("PROPN", "NOUN") or token.dep_ in ("poss", "amod"):
                found = [a for a in code_actors(token, self.actors) if a.code not in source_codes]
                if found:
                    # "ties with Mordor, Rohan, Fornost and Bree": each listed actor
                    chosen = {found[0].code: found[0]}
                    for actor in (a for c in token.conjuncts for a in code_actors(c, self.actors)):
                        if actor.code not in source_codes:
                            chosen.setdefault(actor.code, actor)
                    return list(chosen.values())
            todo.extend(
                c
                for c in token.children
                if c.dep_ not in _NOT_OWN and not (c.dep_ == "prep" and c.lower_ in _ASIDE)
            )
        return []

    def _clause_other(self, trigger: Token, sources: list[CodedActor]) -> list[CodedActor]:
        """With none in the act's own phrases, another actor its clauses name: first the
        subject of a clause it governs, the one a demand is made of ("demanded that Hamas
        renounce") or a threat hangs on ("threatened to stop talks if the United States
        goes ahead"); then the place of those the act is for ("aid to refugees fleeing the
        war in Liberia"). Not for joint acts of several actors, whose other names are
        usually the actors themselves."""
        if len({s.code[:3] for s in sources}) > 1:
            return []
        source_codes = {s.code for s in sources}
        subjects: list[Token] = []
        nouns: list[Token] = []
        # ... and what an act on something is for: "opened the bridge to allow deliveries to
        # Afghanistan" (not "resigned to allow elections")
        acts_on = any(c.dep_ == "dobj" for c in trigger.children)
        todo = [
            (c, False)
            for c in trigger.children
            if c.dep_ in _OWN_PHRASES
            or governed_clause(c)
            or (acts_on and c.dep_ == "advcl" and infinitive_of(c))
        ]
        while todo:
            token, in_clause = todo.pop(0)
            in_clause = in_clause or governed_clause(token)
            if token.dep_ in ("nsubj", "nsubjpass") and in_clause:
                subjects.append(token)
            elif token.pos_ in ("PROPN", "NOUN") and not in_clause:
                nouns.append(token)
            todo.extend(
                (c, in_clause)
                for c in token.children
                if c.dep_ not in ("punct", "cc", "parataxis", "appos")
                and not (c.dep_ == "prep" and c.lower_ in _ASIDE)
                and (c.dep_ not in ("advcl", "ccomp") or governed_clause(c))
            )
        for token in [*subjects, *nouns]:
            found = [a for a in code_actors(token, self.actors) if a.code not in source_codes]
            if found:
                return found[:1]
        return []

    def _inner_subject(self, inner: Token, sources: list[CodedActor]) -> list[CodedActor]:
        """ "demanded that the US cancel": the one asked is the framed act's subject."""
        subject = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        found = code_actors(subject, self.actors)
        return [a for a in found if a.code not in {s.code for s in sources}]

    def _owner(self, token: Token) -> list[CodedActor]:
        """The actor a thing belongs to: "NATO's expansion", "Iran drones", "Iranian drones";
        not the namesake of an ethnic group ("the Albanian population")."""
        if token.lemma_.lower() in ETHNIC_NOUNS:
            return []
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < token.i:
                found = code_actors(child, self.actors)
                if found:
                    return found
        return []


def _article_country(doc: Doc, lexicon: ActorLexicon, other_than: str | None = None) -> str | None:
    """The country the article names most often (the first named wins a tie), other than
    ``other_than``; the counts are worked out once per document."""
    counts = {c: n for c, n in countries_named_once(doc, lexicon).items() if c != other_than}
    return max(counts, key=lambda c: counts[c]) if counts else None


def _ethnic_group(head: Token) -> bool:
    """ "ethnic Albanians": the head is modified by "ethnic"."""
    return any(c.lower_ == "ethnic" for c in head.children)


def _thing_in_place(head: Token, lexicon: ActorLexicon) -> bool:
    """Whether the subject is a thing placed in a country ("A boat in Bangladesh sank,
    killing a dozen people"): no actor, though the phrase names a country. (An event placed
    so, "a rally in Lagos", is the place's: the caller keeps those.)"""
    if head.tag_ != "NN" or head.ent_type_ or names_role(head, lexicon):
        return False  # plural nouns are mostly people the lexicon may not know ("dockers")
    placed = any(c.dep_ == "prep" and c.lower_ in _PLACE_PREPS for c in head.children)
    return placed and not names_actor_itself(head, lexicon)


def _non_state(sources: list[CodedActor]) -> bool:
    """A country's actor that is not its state: "rebels in the Ivory Coast" (CIVREB)."""
    code = sources[0].code
    return len(code) >= 6 and code[:3] not in ("IGO", "NGO", "IMG") and code[3:6] not in _STATE_SECTORS


def _home(sources: list[CodedActor]) -> list[CodedActor]:
    """Whom an act at home is aimed at when its words name no one: the country's government
    for protests and dissent by others ("rebels rejected the plan"), the country itself,
    its people, for coercion by the state ("arresting opponents").

    The text names no such target, so it has no words: an empty text and no offsets."""
    first = sources[0]
    country = first.code[:3]
    if country in ("IGO", "NGO", "IMG", "MNC") or len(first.code) < 3:
        return []
    if first.code[3:6] in _STATE_SECTORS:
        # the state coerces its own people: "declared a state of siege, arresting opponents"
        return [CodedActor("", -1, -1, country)]
    return [CodedActor("", -1, -1, f"{country}GOV")]


def _owning_pronoun(trigger: Token, roles: tuple[str, ...]) -> Token | None:
    """The "its", "their" or "our" of what the verb acts on ("attacked its posts")."""
    acted_on = role_token(trigger, roles, passive=is_passive(trigger))
    if acted_on is None:
        return None
    return next((c for c in acted_on.children if c.dep_ == "poss" and c.lower_ in _OWNING), None)
