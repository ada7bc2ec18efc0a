"""CAMEO actor codes for the noun phrases that an event's source and target head.

The event extractor finds a source or target as a spaCy token (the head of a noun
phrase) and asks :func:`code_actors` for the actors that phrase names, each with its
CAMEO code: a country or international block (``RUS``, ``IGOUNO``) and a sector taken
from the phrase (``RUSMIL``, ``IRNGOV``)::

    lexicon = ActorLexicon.default()
    code_actors(head, lexicon)        # "Senior Hungarian and Romanian officials" -> HUNGOV, ROUGOV
    lexicon.code_phrase("White House National Security Advisor")   # "USAGOV"

How a phrase is coded
---------------------
* The phrase is the head's subtree without its relative clauses and verbal modifiers,
  keeping prepositional phrases with *in*, *of* and *from* ("Huthi rebels in Yemen") and
  appositions ("Vladimir Putin, Russia's president"). A conjoined head ("The United States
  and Jordan") gives one actor per conjunct; conjoined modifiers ("Hungarian and Romanian
  officials") give one actor per modifier, all with the whole phrase as their span.
* Lexicon phrases are matched on words, longest first, in one pass; a dict from the first
  word to its candidate entries keeps that cheap.
* The actor is the match that covers the head ("the Kremlin"), else the first one before it
  (a modifier or possessive: "Russian", "Iran's"), else the first one after it ("in Yemen").
* The sector is the one nearest the head among the specific ones; generic roles marked
  ``weak`` (official, spokesman, leader) count only when nothing else is named ("army
  spokesman" -> MIL). A sector attaches only to a bare three-letter country or region code;
  a code that already has one ("USAMIL" for the Pentagon) or an IGO/NGO code is kept.
* A sector with no country codes nothing ("the government" -> no actor). A person's name
  is coded only through a role in the phrase ("Russian President Vladimir Putin" ->
  RUSGOV); a bare name codes nothing unless a lexicon lists it (``people.tsv`` lists
  political figures).

Lexicons
--------
The packaged lexicons are pycountry's country names, ``lexicons/demonyms.txt`` (Russian,
Russians -> RUS) and the TSVs in ``lexicons/actors/``: ``countries.tsv``, ``places.tsv``,
``organisations.tsv``, ``sectors.tsv``, ``ethnic_groups.tsv`` (ethnic groups and clans
active in one country's politics: "Ibo" -> NGA, "Karen" -> MMR), ``people.tsv`` (heads of state and government
since 1975 and other political figures, each with the code of their best-known role:
"Yoweri Museveni" -> UGAGOV) and ``cities.tsv`` (GeoNames cities of 100,000 people or
more, written by ``scripts/build_cities.py``). A user lexicon
(``ActorLexicon.extended(path)``) is

* a TSV: ``phrase<TAB>code[<TAB>weak]``, ``#`` starts a comment. ``code`` is an actor code
  (``RUSGOV``; several joined by ``/`` code several actors; several joined by ``|`` are
  the countries a shared place name may mean, the text deciding which), a sector written as in
  PETRARCH (``~GOV`` goes after a country, ``NGO~`` before it), or ``-`` for a phrase that
  names no actor and should block shorter matches inside it ("New Mexico"). A word
  written with a capital only matches capitalised words ("Turkey" not "turkey"); an
  acronym of up to three capitals only matches capitals ("US" not "us"). Sector nouns get
  their plural by rule.
* a PETRARCH/TABARI actors dictionary (:func:`load_petrarch_actors`), or
* a PETRARCH agents dictionary (:func:`load_petrarch_agents`),

told apart by their content. Later entries win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal, NamedTuple

import pycountry
import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from wirewatch.errors import ConfigError
from wirewatch.model import Actor, Span
from wirewatch.nlp.lexicons import lexicon, lexicon_table

__all__ = [
    "ActorLexicon",
    "CodedActor",
    "code_actors",
    "countries_named",
    "countries_named_once",
    "is_country",
    "load_petrarch_actors",
    "load_petrarch_agents",
    "sector_without_country",
]

EntryKind = Literal["actor", "agent", "block"]

# Case rules, one per word of an entry: any case; not all lower case; all capitals.
_ANY, _NOT_LOWER, _UPPER = 0, 1, 2
# Prepositions whose object says where an actor is from ("rebels in Yemen").
_PLACE_PREPS = frozenset({"in", "of", "from"})
# Dependents that are not part of the actor's words.
_DROPPED_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "dep", "mark"})
# Codes that are not countries: a sector does not attach to them.
_TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
# Nouns that make a nationality before them an ethnic group: "the Albanian population".
ETHNIC_NOUNS = frozenset({"population", "minority", "majority", "community", "enclave"})
_CODE = re.compile(r"^(?:[A-Z0-9]{3,}(?:/[A-Z0-9]{3,})*|~[A-Z0-9]{3,}|[A-Z0-9]{3,}~|-)$")
# A capitalised word unknown to the lexicon is read as a misspelt country name when it is
# this long at least and this near one ("Ethopia", "Quatar"; "Columbia" is not Colombia).
_MIN_MISSPELT = 5
_MISSPELT_RATIO = 0.88
_MISSPELT_CACHE = 100_000
# Phrases longer than this (in words) are cut: no actor name is this long.
_MAX_PHRASE_WORDS = 80
_MAX_TEXT_CHARS = 2000


@dataclass(frozen=True, slots=True)
class CodedActor:
    """An actor a noun phrase names: its words (offsets into ``doc.text``) and CAMEO code."""

    text: str
    start: int
    end: int
    code: str

    def to_actor(self) -> Actor:
        return Actor(self.text, self.code, Span(self.text, self.start, self.end))


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]  # lower-cased tokens
    rules: tuple[int, ...]  # one case rule per word
    code: str  # "RUS", "USAGOV", "IGOUNO", "~GOV", "NGO~", "-"
    weak: bool = False
    # A place name: not matched inside a longer person's name ("Jordan Peterson"), though a
    # place the recogniser took for a person alone ("supplied Kyiv[PERSON]") still counts.
    geo: bool = False
    # A city from the gazetteer: never matched inside any person's name, since many are
    # surnames too ("President Bush" is not the Egyptian town of Bush).
    never_in_names: bool = False
    # A nationality ("Serbs"): as the head of a phrase that also names a place, it names an
    # ethnic group and the place names the country ("Bosnian Serbs", "Albanians in Serbia").
    people: bool = False
    # A political figure from people.tsv: coded by their best-known role, unless the phrase
    # names a country ("German Foreign Minister Oskar Fischer": the text, not the list).
    person: bool = False
    # An ethnic group ("Shona", "Karen"): coded as the country it is active in, unless its
    # phrase names the place ("Shona rebels in Mozambique").
    ethnic: bool = False
    # Other countries a shared place name may mean, written "LBY|LBN" ("Tripoli"): the text
    # decides which (see _where_named); the code is the one meant when it does not.
    elsewhere: tuple[str, ...] = ()

    @property
    def kind(self) -> EntryKind:
        if self.code == "-":
            return "block"
        return "agent" if "~" in self.code else "actor"


class _Word(NamedTuple):
    i: int  # token index (consecutive words have consecutive indices)
    text: str
    lower: str
    # The PERSON entity the word is in, as token indices [start, end); (-1, -1) if none.
    person: tuple[int, int]
    # In the name of a thing (a treaty, a bridge, an event): its place names no actor
    # ("the South Asia Free Trade Agreement", "the Europe Bridge").
    thing: bool = False
    # Part of a hyphenated word ("anti-government", "multi-party", "government-backed"):
    # no sector, and after "pro-" or "anti-" no country ("pro-Iranian Hizbollah").
    compound: bool = False
    partisan: bool = False
    # A proper noun that may name a place (the recogniser rarely tags a misspelt one): only
    # such a word unknown to the lexicon is tried as a misspelt country ("Ethopia").
    place: bool = False
    # Used as an adjective: a title that is also an everyday adjective names no role so
    # ("general economic factors"; "General Powell" and "the general said" do).
    adjective: bool = False


# Things a nationality describes that are no actor: "the Russian language", "Iranian films".
_CULTURE = frozenset(
    {"language", "tongue", "dialect", "alphabet", "script", "cuisine", "food", "dish", "culture",
     "literature", "music", "film", "cinema", "art", "poetry", "song", "style", "accent", "name",
     "calendar", "holiday", "tradition", "custom", "heritage"}
)  # fmt: skip
# Titles that are everyday adjectives too (see _Word.adjective).
_ADJECTIVE_TITLES = frozenset({"general"})
_NO_PERSON = (-1, -1)
# Entities that name things, not actors (spaCy's OntoNotes labels).
_THINGS = frozenset({"FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})


def _word(token: Token) -> _Word:
    return _Word(
        token.i,
        token.text,
        token.lower_,
        _person_of(token),
        thing=token.ent_type_ in _THINGS,
        compound=_hyphenated(token),
        partisan=_after(token, ("pro", "anti")),
        place=token.pos_ == "PROPN" and token.ent_type_ in ("", "GPE", "NORP", "LOC", "ORG"),
        adjective=token.pos_ == "ADJ" and token.lower_ in _ADJECTIVE_TITLES,
    )


def _doc_words(doc: Doc) -> list[_Word]:
    """:func:`_word` of every token of ``doc``, in one pass over plain lists: what
    :func:`countries_named` reads, many times faster than token by token."""
    tokens = list(doc)
    text = [t.text for t in tokens]
    lower = [t.lower_ for t in tokens]
    glued = [not t.whitespace_ for t in tokens]  # joined to the next token
    person = [_NO_PERSON] * len(tokens)
    for ent in doc.ents:
        if ent.label_ == "PERSON" and tokens[ent.end - 1].tag_ not in ("NNS", "NNPS"):
            for i in range(ent.start, ent.end):
                person[i] = (ent.start, ent.end)
    n = len(tokens)
    words = []
    for i, token in enumerate(tokens):
        hyphen_before = i >= 2 and text[i - 1] == "-" and glued[i - 1]
        hyphen_after = i + 2 < n and text[i + 1] == "-" and glued[i]
        partisan = hyphen_before and lower[i - 2] in ("pro", "anti") and glued[i - 2]
        ent_type = token.ent_type_
        pos = token.pos_
        words.append(
            _Word(
                i,
                text[i],
                lower[i],
                person[i],
                thing=ent_type in _THINGS,
                compound=hyphen_before or hyphen_after,
                partisan=partisan,
                place=pos == "PROPN" and ent_type in ("", "GPE", "NORP", "LOC", "ORG"),
                adjective=pos == "ADJ" and lower[i] in _ADJECTIVE_TITLES,
            )
        )
    return words


def _hyphenated(token: Token) -> bool:
    """Whether the word is joined by a hyphen to the one before or after it."""
    doc = token.doc
    before = token.i >= 2 and _joined(doc[token.i - 1], token) and doc[token.i - 1].text == "-"
    after = token.i + 2 < len(doc) and _joined(token, doc[token.i + 1]) and doc[token.i + 1].text == "-"
    return before or after


def _after(token: Token, prefixes: tuple[str, ...]) -> bool:
    """Whether the word follows one of ``prefixes`` and a hyphen ("pro-Iranian")."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or not _joined(doc[token.i - 1], token):
        return False
    return doc[token.i - 2].lower_ in prefixes and _joined(doc[token.i - 2], doc[token.i - 1])


def _joined(left: Token, right: Token) -> bool:
    return not left.whitespace_ and left.i + 1 == right.i


def _person_of(token: Token) -> tuple[int, int]:
    """The token indices of the PERSON entity ``token`` is in (walking its IOB tags, which
    is cheaper than ``doc.ents``)."""
    if token.ent_type_ != "PERSON":
        return _NO_PERSON
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if doc[end - 1].tag_ in ("NNS", "NNPS"):
        return _NO_PERSON  # a person's name is not plural: "Bosnian Serbs" is a people
    return start, end


def _inside_a_name(person: tuple[int, int], start: int, end: int) -> bool:
    return person != _NO_PERSON and (person[0] < start or person[1] > end)


class _Match(NamedTuple):
    start: int  # token index of the first word
    end: int  # one past the last
    entry: _Entry


@cache
def _tokenizer() -> Tokenizer:
    """spaCy's English tokenizer, so lexicon phrases split as the parsed text does."""
    return spacy.blank("en").tokenizer


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokenizer()(phrase) if not t.is_space)


def _case_rules(forms: Sequence[str], petrarch: bool) -> tuple[int, ...]:
    if petrarch:  # all capitals by convention: only short acronyms keep their case
        if len(forms) == 1 and sum(c.isalpha() for c in forms[0]) <= 3:
            return (_UPPER,)
        return (_ANY,) * len(forms)
    rules = []
    for form in forms:
        letters = [c for c in form if c.isalpha()]
        if not letters or not letters[0].isupper():
            rules.append(_ANY)
        elif len(letters) <= 3 and all(c.isupper() for c in letters):
            rules.append(_UPPER)
        else:
            rules.append(_NOT_LOWER)
    return tuple(rules)


def _case_ok(rule: int, text: str) -> bool:
    if rule == _ANY:
        return True
    if rule == _NOT_LOWER:
        return not text.islower()
    return text.isupper()


def _make_entry(
    phrase: str, code: str, *, weak: bool = False, geo: bool = False, petrarch: bool = False
) -> _Entry | None:
    forms = _split(phrase)
    if forms and forms[0].lower() == "the" and len(forms) > 1:
        forms = forms[1:]
    if not forms:
        return None
    return _Entry(
        words=tuple(f.lower() for f in forms),
        rules=_case_rules(forms, petrarch),
        code=code,
        weak=weak,
        geo=geo,
    )


def _plural(phrase: str) -> str | None:
    """The regular plural of a sector noun phrase's last word; None if it looks plural already."""
    last = phrase.rsplit(None, 1)[-1]
    if not last[-1:].isalpha() or last.lower().endswith("s"):
        return None
    if last.lower().endswith("man"):
        return phrase[:-3] + ("MEN" if last.isupper() else "men")
    if last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
        return phrase[:-1] + ("IES" if last.isupper() else "ies")
    if last.lower().endswith(("ch", "sh", "x")):
        return phrase + ("ES" if last.isupper() else "es")
    return phrase + ("S" if last.isupper() else "s")


# ---------------------------------------------------------------------------------------
# The lexicon


class ActorLexicon:
    """Phrases and their CAMEO codes (actors and sectors), indexed for matching on words."""

    __slots__ = ("_countries", "_entries", "_index", "_misspelt", "_names")

    def __init__(self, entries: Iterable[_Entry] = ()) -> None:
        self._entries: dict[tuple[str, ...], _Entry] = {}
        for entry in entries:
            self._add(entry)
        index: dict[str, list[_Entry]] = {}
        for entry in self._entries.values():
            index.setdefault(entry.words[0], []).append(entry)
        for candidates in index.values():
            candidates.sort(key=lambda e: -len(e.words))
        self._index = {first: tuple(candidates) for first, candidates in index.items()}
        # One-word country names and nationalities, by first letter, for misspellings.
        self._countries: dict[str, list[_Entry]] = {}
        for entry in self._entries.values():
            if (
                len(entry.words) == 1
                and len(entry.words[0]) >= _MIN_MISSPELT
                and entry.geo
                and not (entry.never_in_names or entry.ethnic)
                and re.fullmatch(r"[A-Z]{3}", entry.code)
            ):
                self._countries.setdefault(entry.words[0][0], []).append(entry)
        self._misspelt: dict[str, _Entry | None] = {}
        # words of the political figures' names are names, not slips ("Cameron")
        self._names = frozenset(w for e in self._entries.values() if e.person for w in e.words)

    def _add(self, entry: _Entry) -> None:
        old = self._entries.get(entry.words)
        # The same phrase with the same code keeps its first, more careful entry (case
        # rules, weak flag): a PETRARCH "OFFICIAL [~GOV]" does not make "official" strong.
        if old is None or (old.code, old.elsewhere) != (entry.code, entry.elsewhere):
            self._entries[entry.words] = entry

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, phrase: object) -> bool:
        return isinstance(phrase, str) and tuple(w.lower() for w in _split(phrase)) in self._entries

    def code_of(self, phrase: str) -> str | None:
        """The code a lexicon entry gives ``phrase`` (as written there, "~GOV" for sectors)."""
        entry = self._entries.get(tuple(w.lower() for w in _split(phrase)))
        return entry.code if entry else None

    @classmethod
    def default(cls) -> ActorLexicon:
        """The packaged lexicons (built once per process)."""
        return _default_lexicon()

    def extended(self, *paths: str | Path, entries: Mapping[str, str] | None = None) -> ActorLexicon:
        """This lexicon plus the user lexicons at ``paths`` (TSV, PETRARCH actors or agents
        dictionary, told apart by content) and ``entries`` (phrase -> code, TSV rules);
        later entries win."""
        added = list(self._entries.values())
        for path in paths:
            added.extend(_read_user_lexicon(Path(path)))
        if entries:
            added.extend(_tsv_entries(((p, c, False) for p, c in entries.items()), "entries"))
        return ActorLexicon(added)

    def code_phrase(self, text: str) -> str | None:
        """The actor code of a role or name given as a string ("Iran's foreign minister" ->
        IRNGOV), with its last word taken as its head; None when it names no actor."""
        if not isinstance(text, str) or not text.strip():
            return None
        words = [
            _Word(t.i, t.text, t.lower_, _NO_PERSON)
            for t in _tokenizer()(text[:_MAX_TEXT_CHARS])
            if not t.is_space
        ][:_MAX_PHRASE_WORDS]
        heads = [w for w in words if any(c.isalnum() for c in w.text)]
        if not heads:
            return None
        head = heads[-1]
        for prep in ("of", "in", "from"):  # "the president of Iran": the head is before "of"
            cut = next((w for w in heads if w.lower == prep and w.i > 0), None)
            if cut is not None:
                before = [w for w in heads if w.i < cut.i]
                head = before[-1] if before else head
                break
        matches = self._matches(words)
        chosen, agent = _choose(matches, head.i)
        if chosen is None and agent is None:
            return None
        codes = _codes(chosen.entry.code if chosen else None, agent)
        return codes[0] if codes else None

    def _misspelling(self, word: str) -> _Entry | None:
        """The country a capitalised word unknown to the lexicon misspells ("Ethopia",
        "Quatar", "Phillippines"): the one-word country name or nationality with the same
        first letter nearest to it, if it is near enough (difflib's ratio)."""
        if word in self._names:
            return None
        if word not in self._misspelt:
            best, score = None, _MISSPELT_RATIO
            for entry in self._countries.get(word[0], ()):
                name = entry.words[0]
                if name.startswith(word) or word.startswith(name):
                    continue  # another word, not a slip: "Indiana", "Americas", "Bahama"
                matcher = SequenceMatcher(None, word, name)
                if matcher.real_quick_ratio() >= score and matcher.ratio() >= score:
                    best, score = entry, matcher.ratio()
            if len(self._misspelt) > _MISSPELT_CACHE:
                self._misspelt.clear()  # a long run sees ever new words: keep memory flat
            self._misspelt[word] = best
        return self._misspelt[word]

    def _matches(self, words: Sequence[_Word]) -> list[_Match]:
        """Non-overlapping lexicon matches, left to right, longest first."""
        found = []
        n = len(words)
        k = 0
        while k < n:
            first = words[k]
            hit = None
            for entry in self._index.get(first.lower, ()):
                size = len(entry.words)
                if k + size > n:
                    continue
                for j in range(size):
                    word = words[k + j]
                    if (
                        word.i != first.i + j
                        or word.lower != entry.words[j]
                        or not _case_ok(entry.rules[j], word.text)
                        or (entry.geo and _inside_a_name(word.person, first.i, first.i + size))
                        or (entry.never_in_names and word.person != _NO_PERSON)
                        or (entry.geo and word.thing)
                        or (word.compound and entry.kind == "agent")
                        or (word.partisan and entry.kind == "actor")
                        or (word.adjective and entry.kind == "agent" and size == 1)
                    ):
                        break
                else:
                    hit = entry
                    break
            if hit is None and first.lower not in self._index and _may_be_misspelt(first):
                hit = self._misspelling(first.lower)
            if hit is None:
                k += 1
                continue
            found.append(_Match(first.i, first.i + len(hit.words), hit))
            k += len(hit.words)
        return found


# ---------------------------------------------------------------------------------------
# Coding a parsed noun phrase


def code_actors(head: Token, lexicon: ActorLexicon) -> list[CodedActor]:
    """Every actor the noun phrase headed by ``head`` names: one per conjoined head ("The
    United States and Jordan") and per conjoined country modifier ("Hungarian and
    Romanian officials"); [] when it names none the lexicon knows."""
    if head is None or len(head.doc) == 0:
        return []
    heads = [t for t in _coordinated(head) if t.i == head.i or t.pos_ not in ("VERB", "AUX")]
    found: list[CodedActor] = []
    seen: set[tuple[str, int, int]] = set()
    for h in heads:
        for actor in _code_one(h, lexicon):
            key = (actor.code, actor.start, actor.end)
            if key not in seen:
                seen.add(key)
                found.append(actor)
    return found


def _coordinated(token: Token) -> list[Token]:
    """The token and those coordinated with it, in text order. (``Token.conjuncts`` checks
    the whole document's annotation on every call: too slow for every event.)"""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    found = [first]
    stack = [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _phrase_tokens(head: Token) -> list[Token]:
    """The head's words: its subtree without clauses, other conjuncts, or prepositional
    phrases other than in/of/from."""
    kept = [head]
    stack = [(child, True) for child in head.children]
    while stack and len(kept) < _MAX_PHRASE_WORDS:
        token, top = stack.pop()
        dep = token.dep_
        if dep in _DROPPED_DEPS or (top and dep in ("conj", "cc", "preconj")):
            continue
        if dep == "prep" and token.lower_ not in _PLACE_PREPS:
            continue
        kept.append(token)
        stack.extend((child, False) for child in token.children)
    kept.sort(key=lambda t: t.i)
    return _contiguous(kept, head)


def _may_be_misspelt(word: _Word) -> bool:
    """A capitalised proper noun, not all capitals, that may name a place and is no
    person's name."""
    text = word.text
    return (
        word.place
        and len(text) >= _MIN_MISSPELT
        and text[0].isupper()
        and not text.isupper()
        and text.isalpha()
        and word.person == _NO_PERSON
        and word.lower not in _given_names()  # "Cameron" is not Cameroon, "Frances" not France
    )


@cache
def _given_names() -> frozenset[str]:
    return lexicon("given_names_male") | lexicon("given_names_female")


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of the phrase's words around its head with no gap: a misparse that hangs a
    far word on the head ("Russia seeks Iran drones ...: White House", where "House" came
    out as an apposition of "Russia") must not stretch the mention over the sentence."""
    at = {t.i: t for t in tokens}
    doc = head.doc
    start = end = head.i
    while start - 1 in at or (start - 2 in at and doc[start - 1].is_punct):  # "Hamad, the emir"
        start -= 1
    while end + 1 in at or (end + 2 in at and doc[end + 1].is_punct):
        end += 1
    return [at[i] for i in range(start, end + 1) if i in at]


def _code_one(head: Token, lexicon: ActorLexicon) -> list[CodedActor]:
    if head.lemma_.lower() in _CULTURE or _of_culture(head):
        return []  # "the Russian language", "banned Korean films": not the country
    # "the use of the Russian language"
    tokens = [t for t in _phrase_tokens(head) if not _of_culture(t)]
    person = _person_of(head)
    if person != _NO_PERSON:  # a name the parser split ("Hamad bin Khalifa al-Thani")
        have = {t.i for t in tokens}
        name = [t for t in head.doc[person[0] : person[1]] if t.i not in have]
        tokens = sorted([*tokens, *name], key=lambda t: t.i)
    words = [_word(t) for t in tokens]
    matches = lexicon._matches(words)
    chosen, agent = _choose(matches, head.i)
    if chosen is not None and _ethnic(tokens, chosen):
        return []  # "three ethnic Albanians": a people, not Albania (see sector_without_country)
    if chosen is not None and chosen.entry.ethnic:
        home = _group_home(head.doc, lexicon, chosen.entry.code)
        if home is not None:
            chosen = chosen._replace(entry=replace(chosen.entry, code=home))
    if chosen is not None and chosen.entry.elsewhere:
        meant = _where_named(head.doc, lexicon, (chosen.entry.code, *chosen.entry.elsewhere))
        chosen = chosen._replace(entry=replace(chosen.entry, code=meant))
    if chosen is None and (agent is None or not agent.code.endswith("~")):
        return []
    # A person is coded through a role ("President Vladimir Putin"), not by name alone,
    # unless the lexicon names the person.
    covers_head = chosen is not None and (
        chosen.start <= head.i < chosen.end
        or any(m.entry.person and m.start <= head.i < m.end for m in matches)  # a listed person
    )
    if person != _NO_PERSON and agent is None and not covers_head:
        return []
    group: list[_Match | None] = [chosen] if chosen else [None]
    if chosen is not None:  # "Hungarian and Romanian officials", "the presidents of Russia and Iran"
        doc = head.doc
        coordinated = {c.i for t in doc[chosen.start : chosen.end] for c in _coordinated(t)}
        # "Sierra Leonean and Liberian refugees", parsed as "Leonean" and "refugees": the
        # conjunct's own modifier names the second actor
        coordinated |= {
            m.i for i in list(coordinated) for m in doc[i].children if m.dep_ in ("amod", "compound")
        }
        group += [
            m
            for m in matches
            if (m.start, m.end) != (chosen.start, chosen.end)
            and m.entry.kind == "actor"
            and any(i in coordinated for i in range(m.start, m.end))
            # "the Israeli Knesset": one actor, the more specific, not ISR and ISRLEG
            and m.entry.code[:3] != chosen.entry.code[:3]
        ]
        group.sort(key=lambda m: m.start if m else 0)
    start, end, text = _extent(tokens)
    found = []
    for match in group:
        for code in _codes(match.entry.code if match else None, agent):
            found.append(CodedActor(text, start, end, code))
    return found


def _of_culture(token: Token) -> bool:
    """Whether the word describes a language or other work of culture ("Russian language")."""
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in _CULTURE


def sector_without_country(head: Token, lexicon: ActorLexicon) -> CodedActor | None:
    """The role a noun phrase names when it names no country or organisation ("President
    Yoweri Museveni", "Prisoners"), as a :class:`CodedActor` whose code is the bare sector
    ("~GOV"); an ethnic group named by its nationality ("ethnic Albanians") is ``~CVL``.
    None when the phrase names an actor or no role."""
    if head is None or len(head.doc) == 0:
        return None
    tokens = _phrase_tokens(head)
    words = [_word(t) for t in tokens]
    chosen, agent = _choose(lexicon._matches(words), head.i)
    start, end, text = _extent(tokens)
    if chosen is not None and _ethnic(tokens, chosen):
        # An ethnic group with no place named: civilians of wherever they live.
        return CodedActor(text, start, end, "~CVL")
    if chosen is not None or agent is None or not agent.code.startswith("~"):
        return None
    return CodedActor(text, start, end, agent.code)


def names_role(head: Token, lexicon: ActorLexicon) -> bool:
    """Whether the noun or the words in front of it name a role ("troops", "army units",
    "the foreign minister"), or the noun it is "of" does ("a delegation of rebels"); not a
    word further inside a phrase hung on it ("a breach of public trust")."""
    if any(m.entry.kind == "agent" for m in _matches_up_to(head, lexicon)):
        return True
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return member is not None and any(
        m.entry.kind == "agent" and m.start <= member.i < m.end for m in _matches_up_to(member, lexicon)
    )


def of_unknown_organisation(head: Token, lexicon: ActorLexicon) -> bool:
    """Whether the phrase names an organisation the lexicon does not know, whose role it
    then is ("a Nokia spokesman", "Head of Utilities at Confused.com"): not a government's.
    An organisation named as a public body ("the Transportation Security Administration",
    "Provincial Security chief") is one the role may well belong to."""
    tokens = _phrase_tokens(head)
    covered = {i for m in lexicon._matches([_word(t) for t in tokens]) for i in range(m.start, m.end)}
    unknown = [t for t in tokens if t.ent_type_ == "ORG" and t.pos_ == "PROPN" and t.i not in covered]
    return bool(unknown) and not any(t.lower_ in _PUBLIC_BODIES for t in unknown)


# Words that name an organisation as a public body (see of_unknown_organisation).
_PUBLIC_BODIES = frozenset(
    {"ministry", "department", "administration", "agency", "commission", "authority", "council",
     "office", "bureau", "security", "police", "directorate", "committee", "parliament", "court",
     "assembly", "senate", "congress", "cabinet", "government", "service", "guard", "army", "navy",
     "force", "forces", "command", "secretariat", "inspectorate", "tribunal", "board"}
)  # fmt: skip


def names_actor_itself(head: Token, lexicon: ActorLexicon) -> bool:
    """Whether the noun or the words in front of it name an actor ("Russian shelling", "the
    UN convoy"), not only a phrase hung on it ("a boat in Bangladesh")."""
    return any(m.entry.kind == "actor" for m in _matches_up_to(head, lexicon))


def _matches_up_to(head: Token, lexicon: ActorLexicon) -> list[_Match]:
    """The lexicon's matches in a noun's phrase up to the noun itself."""
    return lexicon._matches([_word(t) for t in _phrase_tokens(head) if t.i <= head.i])


def _ethnic(tokens: Sequence[Token], chosen: _Match) -> bool:
    """ "ethnic Albanians", "the Albanian population", "the Serb minority": a nationality
    named as an ethnic group."""
    if not chosen.entry.people:
        return False
    if any(t.lower_ == "ethnic" and t.i < chosen.start for t in tokens):
        return True
    after = [t for t in tokens if t.i == chosen.end]
    return bool(after) and after[0].lemma_.lower() in ETHNIC_NOUNS


def countries_named(doc: Doc, lexicon: ActorLexicon) -> dict[str, int]:
    """How often the text names each country: by name, nationality, capital or city
    ("Ugandan", "Kampala" -> UGA), in order of first mention. One pass of the lexicon
    over the words; the recogniser's entities are not needed (it takes "Ugandan" for a
    person)."""
    words = [w for w, t in zip(_doc_words(doc), doc, strict=True) if not t.is_space]
    counts: dict[str, int] = {}
    shared: list[_Entry] = []
    for match in lexicon._matches(words):
        entry = match.entry
        if not entry.geo or entry.ethnic or entry.kind != "actor" or not is_country(entry.code):
            continue
        if entry.elsewhere:
            shared.append(entry)  # counted once the other names say which country it is
            continue
        counts[entry.code[:3]] = counts.get(entry.code[:3], 0) + 1
    named = dict(counts)
    for entry in shared:
        code = _most_named(named, (entry.code, *entry.elsewhere))[:3]
        counts[code] = counts.get(code, 0) + 1
    return counts


def countries_named_once(doc: Doc, lexicon: ActorLexicon) -> dict[str, int]:
    """:func:`countries_named`, worked out once per document."""
    key = "wirewatch_countries_named"
    if key not in doc.user_data:
        doc.user_data[key] = countries_named(doc, lexicon)
    return doc.user_data[key]


def _group_home(doc: Doc, lexicon: ActorLexicon, code: str) -> str | None:
    """Where an ethnic group acts when the text never names its usual country but names
    others: the one it names most ("the Mozambique government accepted demands from Shona
    rebels": Mozambique, not Zimbabwe)."""
    counts = countries_named_once(doc, lexicon)
    if not counts or code[:3] in counts:
        return None
    return max(counts, key=lambda c: counts[c])


def _where_named(doc: Doc, lexicon: ActorLexicon, codes: Sequence[str]) -> str:
    """Which of the countries a shared place name may mean the text means: the one it
    names most ("shells crashed into Tripoli, the north Lebanese port": Lebanon), else the
    first."""
    return _most_named(countries_named_once(doc, lexicon), codes)


def _most_named(counts: Mapping[str, int], codes: Sequence[str]) -> str:
    return max(codes, key=lambda code: (counts.get(code[:3], 0), -codes.index(code)))


def is_country(code: str) -> bool:
    """Whether an actor code is a country's ("RUSGOV"), not an organisation's ("IGOUNO")."""
    return len(code) >= 3 and code[:3].isalpha() and code[:3] not in _TRANSNATIONAL


def _extent(tokens: Sequence[Token]) -> tuple[int, int, str]:
    """Character offsets and text of the phrase, without punctuation or a conjunction at
    its edges. (Not ``doc.text[start:end]``: ``Doc.text`` rebuilds the whole text.)"""
    inner = [t for t in tokens if not (t.is_punct or t.dep_ == "cc")] or list(tokens)
    first, last = inner[0], inner[-1]
    return first.idx, last.idx + len(last.text), first.doc[first.i : last.i + 1].text


def _choose(matches: Sequence[_Match], head_i: int) -> tuple[_Match | None, _Entry | None]:
    """The actor match (covering the head, else first before it, else first after it) and
    the sector nearest the head (specific ones before weak ones)."""
    actors = [m for m in matches if m.entry.kind == "actor"]
    chosen = next((m for m in actors if m.start <= head_i < m.end), None)
    if chosen is not None and chosen.entry.person:
        # "German Foreign Minister Oskar Fischer": a country the phrase names wins over the
        # list's best-known role of the person
        named = [m for m in actors if m.end <= chosen.start and is_country(m.entry.code)]
        if named and named[0].entry.code[:3] != chosen.entry.code[:3]:
            chosen = named[0]
    if chosen is not None and chosen.entry.people and len(actors) > 1:
        # "Bosnian Serbs", "ethnic Albanians in Serbia": the place's country; of a place
        # with modifiers the place itself ("Palestinians of the Israeli-occupied West Bank").
        others = [m for m in actors if not (m.start <= head_i < m.end)]
        before = [m for m in others if m.end <= head_i]
        return (before[0] if before else others[-1]), _agent_of(matches, head_i)
    if chosen is None:
        before = [m for m in actors if m.end <= head_i]
        after = [m for m in actors if m.start > head_i]
        chosen = before[0] if before else (after[0] if after else None)
        if chosen is not None and chosen.entry.ethnic and after:
            chosen = after[0]  # "Shona rebels in Mozambique"
    return chosen, _agent_of(matches, head_i)


def _agent_of(matches: Sequence[_Match], head_i: int) -> _Entry | None:
    """The sector nearest the head, specific ones before weak ones."""
    agents = [m for m in matches if m.entry.kind == "agent"]
    pool = [m for m in agents if not m.entry.weak] or agents
    if not pool:
        return None
    covering = [m for m in pool if m.start <= head_i < m.end]
    before = [m for m in pool if m.end <= head_i]
    after = [m for m in pool if m.start > head_i]
    return (covering[0] if covering else (before[-1] if before else after[0])).entry


def _codes(actor: str | None, agent: _Entry | None) -> list[str]:
    """The codes of an actor code (several if written ``A/B``) with a sector applied."""
    if actor is None:
        return [agent.code[:-1]] if agent is not None and agent.code.endswith("~") else []
    out = []
    for code in actor.split("/"):
        if agent is not None and len(code) == 3 and code not in _TRANSNATIONAL:
            if agent.code.startswith("~"):
                code += agent.code[1:]
            elif agent.code.endswith("~"):
                code = agent.code[:-1] + code
        out.append(code)
    return out


# ---------------------------------------------------------------------------------------
# Reading lexicons


def _packaged(name: str) -> str:
    return resources.files("wirewatch.nlp.lexicons").joinpath("actors", name).read_text(encoding="utf-8")


def _tsv_rows(text: str, source: str) -> Iterator[tuple[str, str, bool]]:
    """(phrase, code, weak) from ``phrase<TAB>code[<TAB>weak]`` lines; ``#`` comments."""
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise ConfigError(f"{source}:{lineno}: expected 'phrase<TAB>code', got {raw.strip()!r}")
        flag = cells[2].lower() if len(cells) > 2 else ""
        if flag not in ("", "weak"):
            raise ConfigError(f"{source}:{lineno}: third column may only be 'weak', got {cells[2]!r}")
        yield cells[0], cells[1], flag == "weak"


def _tsv_entries(rows: Iterable[tuple[str, str, bool]], source: str, *, geo: bool = False) -> list[_Entry]:
    entries: list[_Entry] = []
    explicit: set[str] = set()
    plurals: list[_Entry] = []
    for phrase, raw_code, weak in rows:
        code, *elsewhere = raw_code.strip().upper().split("|")
        if not all(_CODE.match(c) for c in (code, *elsewhere)):
            raise ConfigError(
                f"{source}: {phrase!r}: {raw_code!r} is not an actor code, ~SECTOR, SECTOR~ or -"
            )
        entry = _make_entry(phrase, code, weak=weak, geo=geo)
        if entry is None:
            continue
        if elsewhere:
            entry = replace(entry, elsewhere=tuple(elsewhere))
        entries.append(entry)
        explicit.add(phrase.lower())
        if "~" in code and (plural := _plural(phrase)) is not None:
            plural_entry = _make_entry(plural, code, weak=weak)
            if plural_entry is not None:
                plurals.append(plural_entry)
    # Generated plurals never override a phrase the file lists itself.
    return [p for p in plurals if " ".join(p.words) not in explicit] + entries


def _petrarch_entries(table: Mapping[str, str]) -> list[_Entry]:
    return [
        e for phrase, code in table.items() if (e := _make_entry(phrase, code, petrarch=True)) is not None
    ]


def _read_user_lexicon(path: Path) -> list[_Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read actor lexicon ({err})") from err
    kind = _sniff(text)
    if kind == "agents":
        return _petrarch_entries(_parse_petrarch_agents(text))
    if kind == "actors":
        return _petrarch_entries(_parse_petrarch_actors(text))
    return _tsv_entries(_tsv_rows(text, str(path)), str(path))


def _sniff(text: str) -> Literal["tsv", "actors", "agents"]:
    body = "\n".join(line.split("#", 1)[0] for line in _uncommented(text))
    if re.search(r"\[\s*~|~\s*\]", body):
        return "agents"
    if re.search(r"\[[^\]\t]*\]", body) or re.search(r"^\s*\+", body, re.MULTILINE):
        return "actors"
    return "tsv"


def _country_names() -> list[tuple[str, str]]:
    names = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                names.append((name, country.alpha_3))
    return names


def _demonyms(name_codes: Mapping[str, str]) -> list[tuple[str, str]]:
    """("Russian", "RUS") and the plural noun ("Russians", "RUS") for each demonym."""
    rows = []
    for adjective, country in lexicon_table("demonyms").items():
        code = name_codes.get(country.lower())
        if code is None:
            continue
        written = " ".join(w[:1].upper() + w[1:] for w in adjective.split())
        rows.append((written, code))
        if not written.lower().endswith(("s", "sh", "ch", "ese", "x", "z")):
            rows.append((written + "s", code))
    return rows


@cache
def _default_lexicon() -> ActorLexicon:
    countries = list(_tsv_rows(_packaged("countries.tsv"), "countries.tsv"))
    names = _country_names()
    name_codes = {n.lower(): c for n, c in names}
    name_codes.update({p.lower(): c for p, c, _ in countries if c != "-"})
    # Cities come first: every hand-made list is read after them and wins.
    cities = _tsv_entries(_tsv_rows(_packaged("cities.tsv"), "cities.tsv"), "cities.tsv", geo=True)
    ethnic = _tsv_entries(_tsv_rows(_packaged("ethnic_groups.tsv"), "ethnic_groups.tsv"), "ethnic_groups.tsv")
    entries = [replace(e, never_in_names=True) for e in cities]
    # like a place, an ethnic group is not matched inside a longer name ("Karen Bass")
    entries += [replace(e, geo=True, ethnic=True) for e in ethnic]
    people = _tsv_entries(_tsv_rows(_packaged("people.tsv"), "people.tsv"), "people.tsv")
    entries += [replace(e, person=True) for e in people]
    entries += _tsv_entries(((n, c, False) for n, c in names), "pycountry", geo=True)
    demonyms = _tsv_entries(((n, c, False) for n, c in _demonyms(name_codes)), "demonyms", geo=True)
    entries += [replace(e, people=True) for e in demonyms]
    entries += _tsv_entries(countries, "countries.tsv", geo=True)
    entries += _tsv_entries(_tsv_rows(_packaged("places.tsv"), "places.tsv"), "places.tsv", geo=True)
    for name in ("organisations.tsv", "sectors.tsv"):
        entries += _tsv_entries(_tsv_rows(_packaged(name), name), name)
    return ActorLexicon(entries)


# ---------------------------------------------------------------------------------------
# PETRARCH / TABARI dictionaries


def _uncommented(text: str) -> list[str]:
    """Lines without ``<!-- -->`` comments (also over several lines), lines opening with
    ``<!`` or ``#``, or what follows ``#``."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    lines = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith(("<!", "#")):
            continue
        line = raw.split("#", 1)[0]
        if line.strip():
            lines.append(line)
    return lines


def _petrarch_phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).upper()


def _petrarch_date(text: str) -> date | None:
    """YYYYMMDD, or YYMMDD with 00-30 read as 20YY (as PETRARCH does); None if invalid."""
    digits = text.strip()
    if not digits.isdigit():
        return None
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            year = int(digits[:2])
            return date(year + (2000 if year <= 30 else 1900), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


class _Alternative(NamedTuple):
    code: str
    start: date | None  # in force from (inclusive)
    end: date | None  # in force until (exclusive)
    restricted: bool


def _alternatives(line: str) -> list[_Alternative]:
    """The codes in a line's ``[CODE]``, ``[CODE <D]``, ``[CODE >D]``, ``[CODE D1-D2]`` blocks."""
    found = []
    for block in re.findall(r"\[([^\]]*)\]", line):
        parts = block.split()
        if not parts:
            continue
        code, restriction = parts[0].upper(), "".join(parts[1:])
        if not restriction:
            found.append(_Alternative(code, None, None, False))
        elif restriction[0] == "<" and (d := _petrarch_date(restriction[1:])):
            found.append(_Alternative(code, None, d, True))
        elif restriction[0] == ">" and (d := _petrarch_date(restriction[1:])):
            found.append(_Alternative(code, d, None, True))
        elif "-" in restriction:
            first, _, last = restriction.partition("-")
            if (d1 := _petrarch_date(first)) and (d2 := _petrarch_date(last)):
                found.append(_Alternative(code, d1, d2, True))
    return found


def _resolve(alternatives: Sequence[_Alternative], on: date | None) -> str | None:
    """The code in force on ``on``: the first restriction that holds, else the unrestricted
    default. Without a date: the open-ended latest restriction (``>D``), else the default,
    else the restriction that ended last."""
    if on is not None:
        for alt in alternatives:
            if (
                alt.restricted
                and (alt.start is None or alt.start <= on)
                and (alt.end is None or on < alt.end)
            ):
                return alt.code
        return next((a.code for a in alternatives if not a.restricted), None)
    open_ended = [a for a in alternatives if a.restricted and a.end is None]
    if open_ended:
        return max(open_ended, key=lambda a: a.start or date.min).code
    default = next((a.code for a in alternatives if not a.restricted), None)
    if default is not None:
        return default
    restricted = [a for a in alternatives if a.restricted]
    return max(restricted, key=lambda a: a.end or date.max).code if restricted else None


def _parse_petrarch_actors(text: str, on: date | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    phrases: list[str] = []
    alternatives: list[_Alternative] = []

    def flush() -> None:
        code = _resolve(alternatives, on)
        if code is not None and any(c.isalpha() for c in code):  # "---", "+++": no actor
            for phrase in phrases:
                if phrase:
                    table[phrase] = code

    for line in _uncommented(text):
        stripped = line.strip()
        if stripped.startswith("["):
            alternatives.extend(_alternatives(stripped))
        elif stripped.startswith("+"):
            phrases.append(_petrarch_phrase(stripped[1:].split("[", 1)[0]))
            alternatives.extend(_alternatives(stripped))
        else:
            flush()
            phrases = [_petrarch_phrase(stripped.split("[", 1)[0])]
            alternatives = _alternatives(stripped)
    flush()
    return table


def load_petrarch_actors(path: str | Path, on: date | None = None) -> dict[str, str]:
    """A PETRARCH/TABARI actors dictionary as ``{phrase: code}``, phrases in capitals with
    single spaces ("UNITED STATES": "USA").

    An entry is a phrase (words joined by ``_`` or spaces) and ``[CODE]`` on its line or on
    the following lines; ``+`` lines are synonyms sharing the entry's code. Alternatives
    restricted by date (``[CODE <YYMMDD]``, ``[CODE >YYYYMMDD]``, ``[CODE D1-D2]``) are
    resolved for ``on`` when given (first restriction that holds, else the unrestricted
    default); without a date, the code in force now: the open-ended ``>`` one, else the
    unrestricted one, else the restriction that ended last (``USSR [USR <911226]`` -> USR).
    A code without letters (``---``, ``+++``) takes part in that choice (``[--- <950630]``
    blocks the default before that date) but codes nothing; codes are upper-cased; ``A/B``
    (several actors) is kept as written. TABARI's trailing ``_`` ("no suffix") is dropped:
    phrases match as whole words, as in PETRARCH-2. Comments: ``<!-- -->`` (also over
    several lines), lines opening with ``<!`` or ``#``, and anything after ``#``.
    """
    return _parse_petrarch_actors(_read(path), on)


def _parse_petrarch_agents(text: str) -> dict[str, str]:
    table: dict[str, str] = {}
    markers: dict[str, list[str]] = {}
    for line in _uncommented(text):
        stripped = line.strip()
        if "[" not in stripped:
            if (m := re.match(r"!(\w+)!\s*=\s*(.*)$", stripped)) is not None:
                markers[m.group(1)] = [item.strip() for item in m.group(2).split(",") if item.strip()]
            continue
        noun, _, rest = stripped.partition("[")
        code = rest.partition("]")[0].replace(" ", "").upper()
        if "~" not in code or not any(c.isalpha() for c in code):
            continue
        if (m := re.search(r"!(\w+)!", noun)) is not None:  # "CONGRESS!PERSON!": no plurals
            forms = [noun[: m.start()] + sub + noun[m.end() :] for sub in markers.get(m.group(1), [])]
        elif "{" in noun:  # "{PLURAL}" given, "{}" for none
            plural = noun[noun.find("{") + 1 : noun.find("}")] if "}" in noun else ""
            forms = [noun[: noun.find("{")], plural]
        else:
            base = noun.strip()
            if base.endswith("Y"):
                plural = base[:-1] + "IES"
            elif base.endswith("S"):
                plural = base + "ES"
            else:
                plural = base + "S"
            forms = [base, plural]
        for form in forms:
            phrase = _petrarch_phrase(form)
            if phrase:
                table[phrase] = code
    return table


def load_petrarch_agents(path: str | Path) -> dict[str, str]:
    """A PETRARCH agents dictionary as ``{noun: sector code}`` ("MINISTER": "~GOV").

    The code keeps PETRARCH's tilde: ``~GOV`` goes after a country code, ``NGO~`` before
    it. Plurals are made as PETRARCH makes them (+S; Y -> IES; S -> +ES), ``{PLURAL}`` gives
    an irregular one and ``{}`` none; ``!MARKER! = A, B`` lines define substitutions used
    as ``CONGRESS!PERSON!`` (no plurals made for those).
    """
    return _parse_petrarch_agents(_read(path))


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read PETRARCH dictionary ({err})") from err
