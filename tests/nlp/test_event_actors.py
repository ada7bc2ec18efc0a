"""The actor rules of the events component, on single verbs: who acts, and on whom."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from wirewatch.extract import Extractor
from wirewatch.nlp.actors import CodedActor
from wirewatch.nlp.event_actors import ActorFinder


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="module")
def finder(nlp: Language) -> ActorFinder:
    return nlp.get_pipe("wirewatch_events")


def verb(nlp: Language, sentence: str, text: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == text)


def codes(found: list[CodedActor]) -> list[str]:
    return [a.code for a in found]


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Russian forces attacked Kharkiv.", "attacked", ["RUSMIL"]),
        ("Kharkiv was attacked by Russian forces.", "attacked", ["RUSMIL"]),
        # a role with no country: the place of the act
        ("Rebels attacked a police station in Kabul.", "attacked", ["AFGREB"]),
        # a thing in a country is no actor
        ("A boat in Bangladesh sank, killing a dozen people.", "killing", []),
        # a company's spokesman is no government's
        ("In Helsinki, a Nokia spokesman rejected the claims.", "rejected", []),
    ],
)
def test_sources(
    nlp: Language, finder: ActorFinder, sentence: str, trigger: str, expected: list[str]
) -> None:
    assert codes(finder._sources(verb(nlp, sentence, trigger), [], None)) == expected


def test_a_state_coercing_with_no_one_named_coerces_its_own(nlp: Language, finder: ActorFinder) -> None:
    trigger = verb(nlp, "Iranian police arrested three journalists.", "arrested")
    sources = finder._sources(trigger, [], None)
    assert codes(finder._at_home(trigger, "173", sources)) == ["IRNMED"]
    # rebels' demands with no one named are addressed to their government
    trigger = verb(nlp, "Congolese rebels demanded talks.", "demanded")
    sources = finder._sources(trigger, [], None)
    assert codes(finder._at_home(trigger, "100", sources)) == ["CODGOV"]


def test_every_actor_of_a_list_is_a_target(nlp: Language, finder: ActorFinder) -> None:
    trigger = verb(nlp, "Russia restored ties with Iran, Syria and Turkey.", "restored")
    assert codes(finder._nearest_other(trigger, finder._sources(trigger, [], None))) == ["IRN", "SYR", "TUR"]


def test_its_is_another_actors_named_before_when_not_the_actors_own(
    nlp: Language, finder: ActorFinder
) -> None:
    doc = nlp("Iran threatened Iraq after Baghdad expelled its diplomats.")
    trigger = next(t for t in doc if t.text == "expelled")
    entry = finder._entry(trigger)
    found = finder._possessor_named_before(trigger, entry, finder._sources(trigger, [], None))
    assert [(a.text, a.code) for a in found] == [("its", "IRN")]
    # "Russia recalled its ambassador": its own
    trigger = verb(nlp, "Russia recalled its ambassador.", "recalled")
    entry = finder._entry(trigger)
    assert (
        entry is None
        or finder._possessor_named_before(trigger, entry, finder._sources(trigger, [], None)) == []
    )
