"""Reading the clauses around event verbs: which are no acts of their own, and what they say."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from wirewatch.nlp.event_clauses import agrees_that, held_as, not_acts, patient, withholds_comment
from wirewatch.nlp.event_codes import EventLexicon
from wirewatch.nlp.pipeline import resolve_model_name


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(resolve_model_name("en_core_web_sm"))


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "not_an_act"),
    [
        ("Farmers blocked roads to press their demands.", "press"),  # a purpose
        ("Russia threatened to attack unless Kyiv withdrew.", "withdrew"),  # a condition
        ("Iran accused Israel of attacking its ships.", "attacking"),  # the charge
        ("Rebels killed one soldier and wounded two others.", "wounded"),  # one attack
        ("Israel resumed shelling Gaza.", "resumed"),  # an aspect of the shelling
    ],
)
def test_not_acts(nlp, sentence: str, not_an_act: str) -> None:
    verbs = EventLexicon.default().verbs
    doc = nlp(sentence)
    triggers = [(t, verbs[t.lemma_.lower()]) for t in doc if t.lemma_.lower() in verbs]
    assert {doc[i].text for i in not_acts(triggers)} == {not_an_act}


def test_what_a_verb_acts_on(nlp) -> None:
    doc = nlp("He wore a shirt signed by the miners. The criticism the corporation has received grew.")
    assert patient(word(doc, "signed")).text == "shirt"
    assert patient(word(doc, "received")).text == "criticism"
    doc = nlp("Iran released two sailors.")
    assert patient(word(doc, "released")).text == "sailors"


def test_what_people_are_held_as(nlp) -> None:
    assert held_as(word(nlp("Hamas held two soldiers hostage."), "held")) == "hostage"
    assert held_as(word(nlp("The army held refugees as human shields."), "held")) == "shield"
    assert held_as(word(nlp("Egypt held talks with Israel."), "held")) is None


def test_refusals_to_comment_and_agreements_with_a_statement(nlp) -> None:
    kinds = EventLexicon.default().kinds
    assert withholds_comment(word(nlp("NATO declined to comment."), "declined"), kinds)
    assert withholds_comment(word(nlp("Police refused to give further details."), "refused"), kinds)
    assert not withholds_comment(word(nlp("Iran refused to supply drones."), "refused"), kinds)
    assert agrees_that(word(nlp("The minister agreed that the governor was the target."), "agreed"))
    assert not agrees_that(word(nlp("Iran agreed to a ceasefire."), "agreed"))
