"""Modality read from the parse alone: what governs the verb, its auxiliaries, its negation."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Token

from wirewatch.nlp.modality import expressed_intent, modality_of
from wirewatch.nlp.pipeline import resolve_model_name


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(resolve_model_name("en_core_web_sm"))


def verb(nlp: Language, sentence: str, text: str) -> Token:
    return next(t for t in nlp(sentence) if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Iran threatened Iraq after Baghdad expelled Iranian diplomats.", "expelled", "occurred"),
        ("Iran will attack Iraq after Baghdad expels its diplomats.", "attack", "planned"),
        # a clause in the present after "would" shares its time: not yet
        ("Iran would attack Iraq after Baghdad expels its diplomats.", "expels", "hypothetical"),
        ("Iran threatened to expel Iraqi diplomats.", "expel", "planned"),
        ("Iran will attack Iraq if Baghdad expels Iranian diplomats.", "expels", "hypothetical"),
        ("Iran did not expel Iraqi diplomats.", "expel", "denied"),
        ("Iran failed to reach an agreement with Iraq.", "reach", "denied"),
        ("The decision by Iran to expel Iraqi diplomats angered Baghdad.", "expel", "planned"),
    ],
)
def test_modality_of_the_verb(nlp: Language, sentence: str, trigger: str, modality: str) -> None:
    assert modality_of(verb(nlp, sentence, trigger)) == modality


def test_a_clause_with_its_own_subject_and_tense_keeps_its_own_modality(nlp: Language) -> None:
    # the governing verb's future or plan is not the clause's
    assert modality_of(
        verb(nlp, "Russia plans to retaliate because Kyiv attacked its bases.", "attacked")
    ) == ("occurred")


def test_an_intent_is_expressed_by_a_promise_or_by_will_in_the_actors_own_words(nlp: Language) -> None:
    assert expressed_intent(verb(nlp, "Japan promised to continue aid to Mozambique.", "continue"))
    will = verb(nlp, "The rebels will release the hostages.", "release")
    assert not expressed_intent(will)  # the reporter's "will": a forecast
    assert expressed_intent(will, said_by_actor=True)
