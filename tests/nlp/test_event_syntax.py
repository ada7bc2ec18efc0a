"""Where an event's parts are in the parse: one test per helper, on sentences parsed by the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from wirewatch.nlp.event_syntax import (
    conditional,
    governed_clause,
    infinitive,
    is_passive,
    noun_slots,
    positional_subject,
    role_token,
    subject_heads,
)
from wirewatch.nlp.pipeline import resolve_model_name


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(resolve_model_name("en_core_web_sm"))


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_the_subject_of_a_verb_and_of_the_verb_it_complements(nlp: Language) -> None:
    doc = nlp("Iran is preparing to provide drones to Russia.")
    assert [t.text for t in subject_heads(word(doc, "provide"))] == ["Iran"]


def test_the_subject_the_parser_lost_is_the_phrase_before_the_main_verb(nlp: Language) -> None:
    doc = nlp(
        "With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities, "
        "the Sudanese government and SPLM/A have agreed to allow unimpeded access."
    )
    assert list(subject_heads(word(doc, "agreed"))) == []  # the parser's error this mends
    assert positional_subject(word(doc, "allow")).text == "government"


def test_no_lost_subject_where_the_verb_has_one_or_is_not_finite(nlp: Language) -> None:
    assert positional_subject(word(nlp("Iran agreed to talks."), "agreed")) is None
    assert positional_subject(word(nlp("To end the war, talks began on Monday."), "end")) is None
    assert positional_subject(word(nlp("Talks with Iran, Monday."), "Talks")) is None


def test_the_pronoun_of_a_conditional_clause_is_not_the_main_subject(nlp: Language) -> None:
    doc = nlp("The rebels said they would meet the mediator if he gave them a veto.")
    assert [t.text for t in subject_heads(word(doc, "gave"))] == ["he"]
    doc = nlp("Iran said it would attack Israel.")
    assert next(t.text for t in subject_heads(word(doc, "attack"))) == "Iran"


@pytest.mark.parametrize(
    ("sentence", "trigger", "subject"),
    [
        ("Iraq was urged by the UN to withdraw its troops.", "withdraw", "Iraq"),
        ("Vietnam is committed to opening up its economy.", "opening", "Vietnam"),
        ("A bombing was reported to have killed a journalist.", "killed", "bombing"),
        ("Drones have been used by the rebels to attack Saudi Arabia.", "attack", "rebels"),
    ],
)
def test_the_one_a_passive_is_about_does_its_complement(
    nlp: Language, sentence: str, trigger: str, subject: str
) -> None:
    assert next(subject_heads(word(nlp(sentence), trigger))).text == subject


def test_the_act_a_noun_names_is_by_whom_it_says(nlp: Language) -> None:
    doc = nlp("The decision by the United States to withdraw its troops angered Iran.")
    assert next(subject_heads(word(doc, "withdraw"))).text == "States"


def test_those_confirmed_killed_were_killed_by_no_one_named(nlp: Language) -> None:
    doc = nlp("The minister said that twenty people have been confirmed killed.")
    assert list(subject_heads(word(doc, "killed"))) == []


def test_a_passive_gives_its_agent_and_without_one_no_subject(nlp: Language) -> None:
    doc = nlp("The camp was attacked by militiamen.")
    assert [t.text for t in subject_heads(word(doc, "attacked"))] == ["militiamen"]
    # the one who carried out the act a passive happened in
    doc = nlp("Two soldiers were killed in a raid by Hamas militants.")
    assert [t.text for t in subject_heads(word(doc, "killed"))] == ["militants"]
    doc = nlp("The rebels will fight until their demands are met.")
    assert is_passive(word(doc, "met")) and list(subject_heads(word(doc, "met"))) == []


def test_a_verb_conjoined_to_a_passive_shares_its_subject_not_its_agent(nlp: Language) -> None:
    doc = nlp("The prime minister has been indicted by the court and will resign.")
    assert [t.text for t in subject_heads(word(doc, "resign"))] == ["minister"]
    doc = nlp("Officials said 20 people were killed or wounded by the raids.")
    assert "people" not in [t.text for t in subject_heads(word(doc, "wounded"))]


def test_the_subject_of_a_verb_after_ready_or_willing(nlp: Language) -> None:
    doc = nlp("Bouteflika said he is prepared to lift the ban.")
    assert [t.text for t in subject_heads(word(doc, "lift"))] == ["Bouteflika"]
    doc = nlp("Norway is willing to send troops.")
    assert [t.text for t in subject_heads(word(doc, "send"))] == ["Norway"]


def test_the_one_quoted_as_saying_is_the_subject(nlp: Language) -> None:
    doc = nlp("King Hassan was quoted as saying he would be ready to host a meeting.")
    assert [t.text for t in subject_heads(word(doc, "host"))] == ["Hassan"]


def test_roles_of_a_verb_and_of_its_event_noun(nlp: Language) -> None:
    doc = nlp("Egypt held talks with Israel.")
    assert role_token(word(doc, "held"), ("n:with",)).text == "Israel"
    doc = nlp("Iran sent drones to Russia.")
    assert role_token(word(doc, "sent"), ("dative", "to")).text == "Russia"
    assert role_token(word(doc, "sent"), ("against",)) is None


def test_where_an_event_noun_is(nlp: Language) -> None:
    doc = nlp("French warships launched ten days of naval exercises.")
    assert "exercises" in [t.text for t in noun_slots(word(doc, "launched"))]
    doc = nlp("Kenyan teachers went on strike.")
    assert [t.text for t in noun_slots(word(doc, "went"))] == ["strike"]


def test_clauses_an_act_governs(nlp: Language) -> None:
    doc = nlp("Russia threatened to stop the talks if the United States goes ahead.")
    ahead = next(t for t in doc if t.dep_ == "advcl" and t.lemma_ == "go")
    assert governed_clause(ahead) and conditional(ahead.head)
    doc = nlp("The minister demanded that the envoy say nothing.")
    assert not governed_clause(word(doc, "say"))  # a report, not an act aimed at its subject


def test_an_infinitive_parsed_as_an_adverbial_clause(nlp: Language) -> None:
    doc = nlp("Ethnic Albanians have sworn to fight until they gain control.")
    assert infinitive(word(doc, "fight"))


def test_a_clause_on_an_object_that_can_act_is_its_own(nlp) -> None:
    # "militants preparing to fire" fire themselves; "a declaration demanding" is its author's
    doc = nlp("Israeli troops killed three Hamas militants preparing to fire rockets.")
    assert [t.text for t in subject_heads(next(t for t in doc if t.text == "fire"))] == ["militants"]
    doc = nlp("Hamas issued a declaration demanding that Israel withdraw.")
    assert [t.text for t in subject_heads(next(t for t in doc if t.text == "demanding"))] == ["Hamas"]
    doc = nlp("Israel attacked a convoy delivering aid to Gaza.")  # the convoy delivers, not Israel
    assert [t.text for t in subject_heads(next(t for t in doc if t.text == "delivering"))] == ["convoy"]
