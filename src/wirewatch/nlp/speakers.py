"""``wirewatch_speakers``: who each speaker mention is, within the article.

People are collected from the named entities in text order: a full name introduces a
person (titles inside the entity become the role: ``Governor of Ohio Mary Kent``), and
later surnames or given names map back to it. A titled name the recogniser labelled as
something else (``President of Ukraine Volodymyr Zelenskyy`` read as an organisation) is
a person too. Roles come from appositions (``John Kirby, a spokesman for ...``) and from
titles in front of the name (``White House National Security Advisor Jake Sullivan``).
Then each statement's mention goes through the rules of ``SpeakerResolver._resolve``, in
this order:

- an acronym the article introduced (``WHO`` -> ``World Health Organization``), also when
  the mention is its definition (``Transport for London (TfL)``);
- ``he``/``she``: the person who made the previous statement, if nobody else was named
  since, else the most recent person subject, skipping anyone of the other gender and
  anyone named in the statement itself; ``it``/``they``: the organisation that spoke last;
- a name: the person it introduces or continues;
- a government: its country (``the government of X``, ``the Russian government``, a
  leader's administration), but a city's government is an organisation;
- countries and organisations: their usual name (``White House``, ``Iran``);
- a person named in apposition to the subject (``The party's leader, Jeremy Corbyn``), or
  the one person inside the subject's phrase (``Study co-author Seth John``);
- an organisation named after its noun (``The carmaker Volvo``);
- ``the spokesman``: the most recent person whose role has that noun, or the person who
  has just spoken (``The Wooster professor added``);
- a document speaks for its author (``Cornyn's statement``, ``a tweet sent from Biden's
  account``, ``Jobs resigned in a letter stating``);
- ``the party`` (the party named before); ``the company`` (the organisation named most);
  police named by the place the article gives them; ``the fire service`` by the proper
  name the article gives it; ``the city of X``;
- anything else (``a senior US official``, ``sources``) keeps its mention, unnamed.

Last, organisations take the fullest name the article gives them (``Department of
Corrections`` -> ``California Department of Corrections and Rehabilitation``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.nlp.lexicons import extended, lexicon
from wirewatch.nlp.names import (
    acronyms_of,
    clean_name,
    country_governed,
    country_name,
    entity_name,
    full_org_name,
    last_org,
    nearest_org,
    org_by_noun,
    police_named,
    proper_name_for,
    salient_org,
)
from wirewatch.nlp.records import Attribution
from wirewatch.nlp.spans import inside, text_of, whole_of

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_FEMININE = re.compile(
    r"\b(?:\w+woman|queen|princess|duchess|actress|mother|wife|daughter|sister|mrs|ms|miss|madam|dame)\b"
)
_MASCULINE = re.compile(
    r"\b(?:(?:spokes|chair|congress|business|council|police|anchor|sales|fire|middle)man|king|prince|duke|actor|father|husband|son|brother|mr|sir)\b"
)
_OCCUPATION = re.compile(r"\w{3,}(?:ist|ician)$")
_COUNTRY_LABELS = {"GPE"}
# Nouns any company can be called by.
_COMPANY_NOUNS = {"company", "firm", "automaker", "carmaker", "corporation", "group", "business", "airline"}
_ORG_LABELS = {"ORG", "NORP", "FAC"}
_LOCAL_GOVERNMENTS = {"city", "town", "county", "village", "municipality", "borough", "province", "state"}
# Verbs whose subject wrote the document they take ("sent a letter", "issued a statement").
_SENDING_VERBS = {"send", "write", "issue", "release", "publish", "post", "sign", "file", "submit"}
# Labels the recogniser gives some people's names by mistake.
_MISFILED_LABELS = {"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "LOC"}
# Words of company and institution names, never of a person's.
_ORG_NAME_WORDS = {
    *("group", "inc", "corp", "co", "ltd", "llc", "plc", "capital", "partners", "holdings", "news"),
    *("times", "post", "journal", "press", "airlines", "motors", "fund", "trust", "centre", "center"),
}
# Words that extend a title to the left: "Prime Minister", "Deputy Foreign Minister".
_TITLE_MODIFIERS = {"prime", "vice", "deputy", "chief", "senior", "foreign", "former", "current", "acting"}


@dataclass(slots=True)
class Person:
    name: str
    role: str | None = None
    gender: str | None = None
    last_seen: int = 0
    aliases: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: Person


if not Doc.has_extension("wirewatch_people"):
    # Each PERSON mention with the person it names, in text order: events use it to code a
    # person the text names again by surname or pronoun (see event_coref).
    Doc.set_extension("wirewatch_people", default=None)


@Language.factory("wirewatch_speakers", default_config={"extra_person_nouns": []})
def make_speakers(nlp: Language, name: str, extra_person_nouns: list[str]) -> SpeakerResolver:
    return SpeakerResolver(extended("person_nouns", extra_person_nouns))


class SpeakerResolver:
    def __init__(self, person_nouns: frozenset[str]) -> None:
        self.person_nouns = person_nouns
        self.org_nouns = lexicon("org_nouns")
        self.titles = lexicon("titles")
        self.document_nouns = lexicon("document_nouns")
        self.org_name_words = self.org_nouns | _ORG_NAME_WORDS
        self.title_words = self.titles | self.person_nouns

    def __call__(self, doc: Doc) -> Doc:
        statements: list[Attribution] = doc._.wirewatch_statements or []
        people = self._people(doc)
        doc._.wirewatch_people = people
        for statement in statements:
            if statement.follows is not None:
                _copy_speaker(statement.follows, statement)
            elif statement.speaker_head is not None:
                self._resolve(doc, statement, people)
        _complete_names(doc, statements)
        return doc

    # -- who is in the article ----------------------------------------------------------

    def _people(self, doc: Doc) -> list[Mention]:
        """Each PERSON mention with the person it names, in text order."""
        known: dict[str, Person] = {}
        mentions: list[Mention] = []
        places = {t.text for e in doc.ents if e.label_ in ("GPE", "NORP", "LOC") for t in e}
        for whole in doc.ents:
            titled = None
            if whole.label_ == "PERSON":
                ent, title = self._name_and_title(whole)
            else:
                misfiled = self._misfiled_person(whole, places)
                if misfiled is None:
                    continue
                ent, title = misfiled
                titled = title  # the title found before the name is its role
            name = clean_name(ent.text)
            if not name or not any(ch.isupper() for ch in name):
                continue
            person = _lookup(known, name)
            if person is None:
                person = Person(name=name)
                known[name.lower()] = person
            elif len(name.split()) > len(person.name.split()) and person.name.split()[-1] in name.split():
                # "Kirby" first, "John Kirby" later: the fuller form is the canonical one.
                person.name = name
            person.aliases.update({name.lower(), name.split()[-1].lower()})
            person.role = person.role or titled or self._role(ent) or title
            person.gender = person.gender or _gender_of(doc[max(0, ent.start - 1) : ent.end], person.role)
            mentions.append(Mention(ent.start, ent.end, person))
        return mentions

    def _name_and_title(self, ent: Span) -> tuple[Span, str | None]:
        """``Governor of Washington Chris Gregoire`` -> (``Chris Gregoire``, ``Governor of Washington``).

        The name is the entity's head and the name words right before it; title words
        (``titles.txt``, ``person_nouns.txt``) and anything before them are the title.
        """
        root = ent.root
        if root.i != ent.end - 1:
            return ent, None
        start = root.i
        while start > ent.start:
            prev = ent.doc[start - 1]
            title_word = prev.lower_.rstrip(".") in self.titles | self.person_nouns or _occupation(prev)
            hyphenated = prev.whitespace_ == "" and prev.text != "'s"  # "Rhys-" of "Rhys-Davies"
            if (prev.dep_ not in ("compound", "flat") and not hyphenated) or title_word:
                break
            start -= 1
        if start == ent.start:
            return ent, None
        title = _text([t for t in ent.doc[ent.start : start] if t.lower_ != "the"]).strip(" ,")
        return ent.doc[start : ent.end], title or None

    def _misfiled_person(self, ent: Span, places: set[str]) -> tuple[Span, str | None] | None:
        """A person's name the recogniser labelled otherwise, after a title.

        The small model often reads "President of Ukraine Volodymyr Zelenskyy" or
        "Assemblywoman Selena Torres" as an organisation. The name is the entity's head
        with the capitalised words in front of it (not places, not titles); it counts as
        a person only when a title stands before it or a person noun in apposition
        ("Hage Geingob, the president"), so "Goldman Sachs said" stays a company.
        """
        if ent.label_ not in _MISFILED_LABELS:
            return None
        doc, root = ent.doc, ent.root
        if root.pos_ != "PROPN" or not root.text[:1].isupper():
            return None
        start = root.i
        while start > ent.start and self._name_word(doc[start - 1]) and doc[start - 1].text not in places:
            start -= 1
        # "President of Ukraine Volodymyr Zelenskyy": the word after "of" is the place.
        if root.i - start >= 2 and start > 0 and doc[start - 1].lower_ == "of":
            start += 1
        run = doc[start : root.i + 1]
        if len(run) < 2 or any(t.lower_.rstrip(".") in self.org_name_words for t in run):
            return None
        # "manager of Barmouth Publicity": a title of an organisation, not before a name.
        title = None if doc[start - 1].lower_ == "of" else self._title_before(doc, start, places)
        appos = (root.dep_ == "appos" and root.head.lemma_.lower() in self.person_nouns) or any(
            c.dep_ == "appos" and c.lemma_.lower() in self.person_nouns for c in root.children
        )
        if title is None and not appos:
            return None
        return run, title

    def _name_word(self, tok: Token) -> bool:
        return (
            tok.pos_ == "PROPN"
            and tok.dep_ in ("compound", "flat")
            and tok.text[:1].isupper()
            and tok.lower_.rstrip(".") not in self.titles | self.person_nouns
        )

    def _title_before(self, doc: Doc, start: int, places: set[str]) -> str | None:
        """ "President of Ukraine" before "Volodymyr Zelenskyy": the title, if one is there."""

        def skipped(tok: Token) -> bool:
            # "of", "the", a place, the word right after "of" ("President of Ukraine"), and
            # a comma before a name in apposition ("the president of Namibia, Hage Geingob").
            after_of = doc[tok.i - 1].lower_ == "of"
            return tok.lower_ in ("of", "the", "for", ",") or tok.text in places or after_of

        i = start - 1
        while i > 0 and skipped(doc[i]):
            i -= 1
        if i < 0 or doc[i].lower_.rstrip(".") not in self.title_words:
            return None
        first = i
        while first > 0 and (
            doc[first - 1].lower_.rstrip(".") in self.title_words or doc[first - 1].lower_ in _TITLE_MODIFIERS
        ):
            first -= 1
        return doc[first:start].text.strip() or None

    def _role(self, ent: Span) -> str | None:
        head = ent.root
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            # "The mayor, Ana Ruiz, said": the role is what the name stands in apposition to.
            first = head.head.left_edge.i
            return _strip_det(ent.doc[first : ent.start].text.strip(" ,;:-–—")) or None
        for child in head.rights:
            if child.dep_ == "appos":
                words = [t for t in child.subtree if not (t.i == child.left_edge.i and t.dep_ == "det")]
                role = _text(words).strip(" ,")
                return role or None
        # Titles in front of the name, inside the same noun phrase.
        before = [t for t in head.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "poss", "nmod")]
        if before:
            first = min(t.left_edge.i for t in before)
            words = [t for t in ent.doc[first : ent.start] if t.dep_ != "det" or t.i != first]
            words = [t for t in words if t.lower_.rstrip(".") not in ("mr", "mrs", "ms", "miss", "dr")]
            # A given name the recogniser left out of the entity is no part of the role.
            while words and self._stray_name(words[-1]):
                words.pop()
            role = _text(words).strip(" ,")
            return role or None
        return None

    def _stray_name(self, tok: Token) -> bool:
        return (
            tok.pos_ == "PROPN"
            and not tok.ent_type_
            and not tok.is_sent_start
            and tok.lower_.rstrip(".") not in self.titles | self.person_nouns
        )

    # -- resolving one statement -------------------------------------------------------------

    def _resolve(self, doc: Doc, statement: Attribution, people: list[Mention]) -> None:
        """Try the rules in order; the first that knows who the mention is wins."""
        if statement.speaker_head is None:
            return
        head = doc[statement.speaker_head]
        for rule in (
            self._by_acronym,
            self._by_pronoun,
            self._by_name,
            self._by_government,
            self._by_entity,
            self._by_person_within,
            self._by_person_in_phrase,
            self._by_organisation_within,
            self._by_role_noun,
            self._by_document,
            self._by_organisation_noun,
            self._by_unrecognised_name,
        ):
            if rule(doc, statement, head, people):
                return

    def _by_acronym(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """ "WHO said", after "the World Health Organization (WHO)" (and not the pronoun)."""
        acronyms = acronyms_of(doc)
        if head.text in acronyms:
            _assign(statement, acronyms[head.text], None, "organization")
            return True
        # "Transport for London (TfL) told": the mention is the definition itself.
        defined = re.search(r"\(([^()]+)\)\s*$", _mention_text(doc, statement))
        if defined and defined.group(1) in acronyms:
            _assign(statement, acronyms[defined.group(1)], None, "organization")
            return True
        return False

    def _by_pronoun(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        lower = head.lower_
        if head.pos_ != "PRON" and lower not in PRONOUN_GENDER and lower not in _PLURAL_PRONOUNS:
            return False
        if head.text.isupper() and len(head.text) > 1:
            return False  # "the WHO", "US": a name in capitals, not a pronoun
        self._resolve_pronoun(doc, statement, head, people)
        return True

    def _by_name(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """A known person's name, even where the recogniser labels this mention otherwise."""
        if head.ent_type_ != "PERSON" and head.pos_ != "PROPN" and not head.is_title:
            return False
        # A capitalised surname the tagger read as a noun ("Trump has cited") still names the person.
        person = _person_at(people, head) or _by_alias(people, head)
        if person is None:
            return False
        _assign(statement, person.name, person.role, "person")
        person.last_seen = head.i
        return True

    def _by_government(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """A country speaks through its government ("the Russian Government", which the
        recogniser may take for an organisation); a city's government is an organisation."""
        place = country_governed(head)
        if place is None:
            return False
        country = country_name(place)
        if country is not None:
            _assign(statement, country, None, "country")
        elif any(c.dep_ == "compound" and c.ent_type_ == "GPE" for c in head.children):
            # "the Seoul government", with the place in front: not a known country.
            _assign(statement, f"{place} government", None, "organization")
        else:
            # "The government of American Samoa" is the country's form whatever the place.
            _assign(statement, place, None, "country")
        return True

    def _by_entity(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """Countries and named organisations speak under their usual name."""
        if head.ent_type_ in _COUNTRY_LABELS:
            _assign(statement, entity_name(head), None, "country")
            return True
        if head.ent_type_ in _ORG_LABELS and (head.pos_ == "PROPN" or head.text.isupper()):
            name = entity_name(head)
            _assign(statement, acronyms_of(doc).get(name, name), None, "organization")
            return True
        return False

    def _by_person_within(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """ "The Labour Party's leader, Jeremy Corbyn, announced": the name is the speaker."""
        found = _person_within(people, head)
        if found is None:
            return False
        mention, person = found
        last = doc[mention.end - 1]
        statement.speaker = (doc[mention.start].idx, last.idx + len(last))
        _assign(statement, person.name, person.role, "person")
        person.last_seen = head.i
        return True

    def _by_person_in_phrase(
        self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]
    ) -> bool:
        """ "Study co-author and geochemist Seth John remarked", '"...," said study co-author
        Martin How.': the one person named in the subject's noun phrase is the speaker,
        however the parser split the words."""
        if statement.cue is None or head.pos_ != "NOUN" or head.ent_type_:
            return False
        # The noun phrase runs to the cue, or after an inverted cue to the end of the sentence.
        end = head.sent.end_char if head.idx > statement.cue[0] else statement.cue[0]
        after = [m for m in people if m.start > head.i and doc[m.end - 1].idx < end]
        if len({m.person.name for m in after}) != 1:
            return False
        mention = after[0]
        # Same noun phrase: no clause or comma between the noun and the name.
        between = doc[head.i + 1 : mention.start]
        if any(t.pos_ in ("VERB", "AUX") or (t.is_punct and t.text != "-") for t in between):
            return False
        last = doc[mention.end - 1]
        statement.speaker = (doc[mention.start].idx, last.idx + len(last))
        _assign(statement, mention.person.name, mention.person.role, "person")
        return True

    def _by_organisation_within(
        self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]
    ) -> bool:
        """ "The US automobile manufacturer Ford", "the airline, Qantas,": the name speaks."""
        if head.lemma_.lower() not in self.org_nouns:
            return False
        after = [c for c in head.children if c.dep_ in ("appos", "compound") and c.i > head.i]
        # The name right after the noun, however the parser attached it.
        if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
            after.append(doc[head.i + 1])
        named = next((c for c in after if c.ent_type_ == "ORG"), None)
        if named is not None:
            _assign(statement, entity_name(named), None, "organization")
            return True
        # "The US automobile manufacturer Ford": a bare name the recogniser left unlabelled.
        bare = next((c for c in after if c.pos_ == "PROPN" and not c.ent_type_), None)
        if bare is None:
            return False
        start, end = _token_range(bare)
        _assign(statement, clean_name(text_of(doc)[start:end]), None, "organization")
        return True

    def _by_role_noun(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """ "The mayor, Ana Ruiz, said"; "the spokeswoman" (through a role); "a senior official"."""
        noun = head.lemma_.lower()
        if noun not in self.person_nouns and noun not in self.titles:
            return False
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None and noun in self.person_nouns:
            person = _person_at(people, named)
            name = person.name if person else clean_name(_text(list(named.subtree)))
            role = person.role if person and person.role else _strip_det(_mention_text(doc, statement))
            _assign(statement, name, role, "person")
            return True
        person = None
        if _definite(head):
            # "the health minister" is not the aviation minister named before.
            modifiers = [c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            person = _by_role(people, noun, head.i, modifiers) or self._previous_speaker(
                doc, people, head, statement, modifiers
            )
        if person is not None:
            _assign(statement, person.name, person.role, "person")
        else:
            # An unnamed source keeps its mention; its modifiers are its role.
            described = _strip_det(_mention_text(doc, statement))
            _assign(statement, None, described if len(described.split()) > 1 else None, "person")
        return True

    def _previous_speaker(
        self, doc: Doc, people: list[Mention], head: Token, statement: Attribution, modifiers: list[str]
    ) -> Person | None:
        """ "... ," said co-author Karen Alley. The Wooster professor added": a definite
        description right after a person's statement, with nobody else named between, is
        that person (as a pronoun would be)."""
        # Only "the professor": not "his lawyers", not "the sources".
        if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        last = _last_speaker(doc, head.idx, ("person",))
        if last is None or head.idx - last.content[-1][1] > 250:
            return None
        person = next((m.person for m in people if m.person.name == last.speaker_name), None)
        if person is None or any(m not in (person.role or "").lower() for m in modifiers):
            return None
        boundary = max(last.content[-1][1], last.speaker[1] if last.speaker else 0)
        mention_start = statement.speaker[0] if statement.speaker else head.idx
        between = [m for m in people if boundary <= doc[m.start].idx < mention_start]
        return None if any(m.person is not person for m in between) else person

    def _by_document(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> bool:
        """ "Cornyn's statement", "a statement released by the Supreme Court": the author speaks."""
        document = whole_of(head)  # "part of the judge's statement"
        if document.lemma_.lower() not in self.document_nouns:
            return False
        author = _author_of(document)
        if author is None and _definite(document):
            # "read the warning", after "the orange warning issued by Met Éireann".
            earlier = (_author_of(t) for t in reversed(doc[: document.i]) if t.lemma_ == document.lemma_)
            author = next((a for a in earlier if a is not None), None)
        if author is None:
            return False
        # Resolve the author as if it were the mention; the mention stays the document.
        mention = statement.speaker
        statement.speaker_head, statement.speaker = author.i, _token_range(author)
        self._resolve(doc, statement, people)
        statement.speaker_head, statement.speaker = head.i, mention
        return True

    def _by_organisation_noun(
        self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]
    ) -> bool:
        """ "the German government" is a name; "the party" is the party named before;
        "the company", "the ruling": the organisation that last spoke."""
        noun = head.lemma_.lower()
        acronyms = acronyms_of(doc)
        short = next((c.text for c in head.children if c.dep_ == "compound" and c.text in acronyms), None)
        if noun in self.org_nouns and short is not None:
            # "the M5S party", after "Movimento 5 Stelle (M5S)".
            _assign(statement, acronyms[short], None, "organization")
            return True
        # "Reuters news agency": the organisation named in front of its noun.
        named = [c for c in head.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG"]
        if noun in self.org_nouns and named:
            _assign(statement, entity_name(named[0]), None, "organization")
            return True
        if noun in self.org_nouns and any(
            c.dep_ in ("amod", "compound", "poss") and c.ent_type_ for c in head.children
        ):
            _assign(statement, _strip_det(_mention_text(doc, statement)), None, "organization")
            return True
        # "the city of Calabasas": a local government, named as the article names it.
        if noun in _LOCAL_GOVERNMENTS:
            place = next(
                (o for p in head.rights if p.lower_ == "of" for o in p.children if o.ent_type_ == "GPE"), None
            )
            if place is not None:
                _assign(statement, f"{noun.title()} of {entity_name(place)}", None, "organization")
                return True
        # "police", "county police": the police the article names by their place.
        if noun == "police":
            named = police_named(doc, head)
            if named is not None:
                _assign(statement, named, None, "organization")
                return True
        # "the company website", "a fire service statement": the body behind the document.
        definite = _definite(head) or head.dep_ == "compound"
        if (noun in self.org_nouns or noun in self.document_nouns) and definite and head.tag_ != "NNS":
            named_org = org_by_noun(doc, noun, head.i) if noun in self.org_nouns else None
            named_org = named_org or (proper_name_for(doc, head) if noun in self.org_nouns else None)
            if named_org is not None:
                _assign(statement, named_org, None, "organization")
                return True
            salient = salient_org(doc, head.i) if noun in _COMPANY_NOUNS else None
            if salient is not None:
                _assign(statement, salient, None, "organization")
                return True
            last = _last_speaker(doc, head.idx, ("organization",))
            if last is not None and (noun in self.document_nouns or noun in _COMPANY_NOUNS):
                _assign(statement, last.speaker_name, None, last.speaker_type)
                return True
            named_org = last_org(doc, head.i) if noun in _COMPANY_NOUNS else None
            if named_org is not None:
                _assign(statement, named_org, None, "organization")
                return True
        if noun in self.org_nouns or head.ent_type_ in _ORG_LABELS:
            statement.speaker_type = "organization"
            return True
        return False

    def _by_unrecognised_name(
        self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]
    ) -> bool:
        """A name the entity recogniser missed: kept, resolved against known surnames."""
        if head.pos_ != "PROPN":
            return False
        # "Crystal C'Bearing of the Northern Arapaho": the name is the head and the names before it.
        first = head.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ in ("compound", "flat"):
            first -= 1
        name = clean_name(doc[first : head.i + 1].text) or clean_name(_mention_text(doc, statement))
        person = _lookup({m.person.name.lower(): m.person for m in people}, name) if name else None
        if person is not None:
            _assign(statement, person.name, person.role, "person")
        else:
            statement.speaker_name = name or None
        return True

    def _resolve_pronoun(self, doc: Doc, statement: Attribution, head: Token, people: list[Mention]) -> None:
        lower = head.lower_
        if lower in PRONOUN_GENDER:
            gender = PRONOUN_GENDER[lower]
            # "He said Zelensky is honest": whoever the content names is not "he".
            people = [m for m in people if not inside(doc[m.start].idx, statement.content)]
            person = _last_person_speaker(doc, people, head, gender)
            person = person or antecedent(doc, people, head.i, gender)
            if person is not None:
                person.gender = person.gender or gender
                person.last_seen = head.i
                _assign(statement, person.name, person.role, "person")
            else:
                statement.speaker_type = "person"
            return
        if lower in _PLURAL_PRONOUNS | {"it", "its", "their", "we"}:
            # Organisations and groups: the last one that spoke before, if any.
            before = [
                a
                for a in doc._.wirewatch_statements
                if a.content[0][0] < head.idx
                and a.speaker_type in ("organization", "country")
                and a.speaker_name
            ]
            if before and lower != "we":
                last = before[-1]
                _assign(statement, last.speaker_name, last.speaker_role, last.speaker_type)
            elif lower in ("it", "its"):
                org = nearest_org(doc, head)
                if org is not None:
                    _assign(statement, org, None, "organization")


def _complete_names(doc: Doc, statements: list[Attribution]) -> None:
    """Names as the article gives them in full: organisations by their fullest form, and a
    one-word source that ends a name which spoke before ("Stardom" after "World Wonder Ring
    Stardom")."""
    for n, statement in enumerate(statements):
        name = statement.speaker_name
        if not name:
            continue
        if statement.speaker_type == "organization":
            statement.speaker_name = full_org_name(doc, name)
        elif statement.speaker_type == "unknown" and " " not in name:
            earlier = [a for a in statements[:n] if (a.speaker_name or "").endswith(" " + name)]
            if earlier:
                _copy_speaker_name(earlier[-1], statement)


def _last_person_speaker(doc: Doc, people: list[Mention], head: Token, gender: str) -> Person | None:
    """The person who made the previous statement, when it is close (news keeps "he" on the last speaker).

    Not when another person is named in between: "Kirby said X. Sullivan arrived. He said"
    points at Sullivan.
    """
    last = _last_speaker(doc, head.idx, ("person",))
    if last is None or not last.speaker_name or head.idx - last.content[-1][1] > 600:
        return None
    person = next((m.person for m in people if m.person.name == last.speaker_name), None)
    if person is None or person.gender not in (None, gender):
        return None
    boundary = max(last.content[-1][1], last.speaker[1] if last.speaker else 0)
    between = [m for m in people if boundary <= doc[m.start].idx < head.idx and m.person is not person]
    return None if between else person


def _last_speaker(doc: Doc, before: int, types: tuple[str, ...]) -> Attribution | None:
    earlier = [
        a
        for a in doc._.wirewatch_statements or []
        if a.content[0][0] < before and a.speaker_type in types and a.speaker_name
    ]
    return max(earlier, key=lambda a: a.content[-1][1]) if earlier else None


def _author_of(document: Token, depth: int = 0) -> Token | None:
    """The entity a document noun belongs to: its possessor, or who released or sent it.

    Follows one more document on the way: "a tweet sent from Biden's Twitter account";
    "Jobs resigned in a letter": the one who acted through it.
    """
    via = document.head
    actor = None
    if document.dep_ == "pobj" and via.dep_ == "prep" and via.lower_ in ("in", "through", "via"):
        actor = via.head
    elif document.dep_ == "dobj" and via.lemma_.lower() in _SENDING_VERBS:
        actor = via  # "Pompeo sent a letter requesting ..."
    if actor is not None:
        subject = next((c for c in actor.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.ent_type_ or subject.pos_ in ("PROPN", "PRON")):
            return subject
    for child in document.children:
        if child.dep_ in ("poss", "compound") and (child.ent_type_ or child.pos_ == "PROPN"):
            return child
        if child.dep_ == "compound" and child.lemma_.lower() in lexicon("org_nouns"):
            return child  # "the company website", "a fire service statement": that body
        if child.dep_ == "poss" and child.lower_ in ("its", "their", "his", "her"):
            return child  # "its press release": resolved like the pronoun
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            found = _source_in(child, depth)
            if found is not None:
                return found
        if child.dep_ == "acl":  # "a statement released by the Supreme Court"
            links = [c for c in child.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")]
            for link in links:
                found = _source_in(link, depth)
                if found is not None:
                    return found
    return None


def _source_in(prep: Token, depth: int) -> Token | None:
    """The named object of "by"/"from"/"of", or the author of a document object."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            continue  # "posts from Friday"
        if _named(obj) or (obj.pos_ == "PROPN" and obj.is_title):
            return obj
        if depth == 0 and obj.lemma_.lower() in lexicon("document_nouns"):
            return _author_of(obj, depth + 1)
    return None


def _token_range(tok: Token) -> tuple[int, int]:
    """The characters of a name: the token with the compound words in front of it."""
    first = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound" and c.i < tok.i)])
    return tok.doc[first].idx, tok.idx + len(tok)


def _named(tok: Token) -> bool:
    """An entity, or a noun with a name in front ("Omsk hospital")."""
    return bool(tok.ent_type_) or any(c.dep_ == "compound" and c.ent_type_ for c in tok.children)


def _person_within(people: list[Mention], head: Token) -> tuple[Mention, Person] | None:
    """A named person in apposition to, or conjoined with, the subject's head."""
    # "Governor of Washington Chris Gregoire", "The governor of Ohio, Mike DeWine": through "of".
    links = ("appos", "conj", "compound", "prep", "pobj")
    # "The Wooster professor": a name in front of the noun of a definite phrase modifies it.
    modifier = _definite(head) and head.pos_ == "NOUN"
    frontier = [
        c
        for c in head.children
        if c.dep_ in links and (c.dep_ != "prep" or c.lower_ == "of") and not (modifier and c.i < head.i)
    ]
    while frontier:
        tok = frontier.pop(0)
        mention = next((m for m in people if m.start <= tok.i < m.end), None)
        if mention is not None:
            return mention, mention.person
        frontier.extend(c for c in tok.children if c.dep_ in links and (c.dep_ != "prep" or c.lower_ == "of"))
    # "Apple's vice-president of marketing for the iPod, Greg Joswiak,": one name in
    # apposition at the end of a long description, however deep the parser hung it.
    lo, hi = head.left_edge.i, head.right_edge.i
    ends = [m for m in people if lo <= m.start and m.end - 1 == hi and head.doc[m.end - 1].dep_ == "appos"]
    inner = {m.person.name for m in people if lo <= m.start <= hi}
    return (ends[0], ends[0].person) if ends and len(inner) == 1 else None


def antecedent(doc: Doc, people: list[Mention], before: int, gender: str) -> Person | None:
    """The most salient earlier person compatible with the pronoun's gender.

    Salience is recency of being a speaker or a sentence subject, then of any mention,
    limited to the last few paragraphs.
    """
    candidates = [m for m in people if m.start < before and m.person.gender in (None, gender)]
    if not candidates:
        return None
    subjects = [m for m in candidates if doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")]

    def recency(m: Mention) -> int:
        seen = m.person.last_seen
        return max(m.start, seen if seen < before else 0)

    best = max(subjects or candidates, key=recency)
    return best.person if before - recency(best) < 400 else None


def _gender_of(tokens: Span, role: str | None) -> str | None:
    """Gender the article itself states (an honorific or a gendered role noun), else the
    gender of a given name that is almost always one (``given_names_*.txt``)."""
    words = f"{tokens.text} {role or ''}".lower().replace(".", "")
    if _FEMININE.search(words):
        return "f"
    if _MASCULINE.search(words):
        return "m"
    names = [t.lower_ for t in tokens if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
    # Never the surname, but a person the article names by one word only ("Gloria") is
    # more likely named by a given name.
    for given in names[:-1] if len(names) > 1 else names:
        if given in lexicon("given_names_female"):
            return "f"
        if given in lexicon("given_names_male"):
            return "m"
    return None


def _person_at(people: list[Mention], head: Token) -> Person | None:
    return next((m.person for m in people if m.start <= head.i < m.end), None)


def _by_alias(people: list[Mention], head: Token) -> Person | None:
    key = head.text.lower()
    earlier = [m.person for m in people if m.start < head.i and key in m.person.aliases]
    return earlier[-1] if earlier else None


def _by_role(people: list[Mention], noun: str, before: int, modifiers: list[str] = ()) -> Person | None:
    def fits(role: str) -> bool:
        words = role.lower().split()
        return noun in words and all(m in words for m in modifiers)

    matches = [m for m in people if m.start < before and m.person.role and fits(m.person.role)]
    return max(matches, key=lambda m: m.start).person if matches else None


def _lookup(known: dict[str, Person], name: str) -> Person | None:
    key = name.lower()
    if key in known:
        return known[key]
    parts = key.split()
    for person in known.values():
        if key in person.aliases:
            return person
        full = person.name.lower().split()
        # "Kirby" -> "John Kirby"; "John Kirby" -> "Kirby" seen first.
        if (len(parts) == 1 and parts[0] == full[-1]) or (len(full) == 1 and full[0] == parts[-1]):
            return person
        # "Dr Meerjady" for "Meerjady Sabrina Flora": a given name alone.
        if len(parts) == 1 and len(full) > 1 and parts[0] == full[0]:
            return person
    return None


def _occupation(tok: Token) -> bool:
    """ "Immunologist Kristian Andersen": a sentence-opening occupation word before a name."""
    return tok.is_sent_start and bool(_OCCUPATION.search(tok.lower_))


def _definite(head: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some") for c in head.children)


def _mention_text(doc: Doc, statement: Attribution) -> str:
    return text_of(doc)[statement.speaker[0] : statement.speaker[1]] if statement.speaker else ""


def _strip_det(mention: str) -> str:
    return re.sub(r"^(?:a|an|the|one)\s+", "", mention, flags=re.IGNORECASE)


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _assign(statement: Attribution, name: str | None, role: str | None, kind: str) -> None:
    statement.speaker_name, statement.speaker_role, statement.speaker_type = name, role, kind


def _copy_speaker_name(source: Attribution, target: Attribution) -> None:
    _assign(target, source.speaker_name, source.speaker_role, source.speaker_type)


def _copy_speaker(source: Attribution, target: Attribution) -> None:
    target.speaker = source.speaker
    _assign(target, source.speaker_name, source.speaker_role, source.speaker_type)
