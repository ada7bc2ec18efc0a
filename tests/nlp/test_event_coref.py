"""A later mention that names no country or role is coded by the fuller mention before it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from wirewatch.extract import Extractor
from wirewatch.model import Article, Event

Events = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events(extractor: Extractor) -> Events:
    def _events(text: str) -> list[Event]:
        return list(extractor.extract(Article(id="t", text=text)).events)

    return _events


def event_by(found: list[Event], trigger: str) -> Event:
    return next(e for e in found if e.trigger.text == trigger)


def test_a_surname_takes_the_code_of_the_full_mention_and_keeps_its_own_words(
    events: Events,
) -> None:
    text = (
        "Brazilian Finance Minister Dilson Funaro arrived in Washington. Funaro criticized the United States."
    )
    event = event_by(events(text), "criticized")
    assert (event.source.code, event.target.code) == ("BRAGOV", "USA")
    assert event.source.text == "Funaro"
    assert text[event.source.span.start : event.source.span.end] == "Funaro"


def test_a_title_in_front_of_the_surname_stays_in_its_words(events: Events) -> None:
    found = events(
        "Iranian commander General Qassem Soleimani was killed on Friday. "
        "General Soleimani had condemned the United States."
    )
    event = event_by(found, "condemned")
    assert (event.source.text, event.source.code) == ("General Soleimani", "IRNMIL")


def test_he_or_she_is_the_last_person_of_that_gender(events: Events) -> None:
    found = events("Iranian Foreign Minister Javad Zarif arrived in Paris on Monday. He condemned Israel.")
    event = event_by(found, "condemned")
    assert (event.source.text, event.source.code, event.target.code) == ("He", "IRNGOV", "ISR")
    # nobody he could be: no event rather than a guess
    found = events("British Prime Minister Theresa May arrived in Paris on Monday. He condemned Israel.")
    assert not [e for e in found if e.trigger.text == "condemned"]
    found = events("British Prime Minister Theresa May arrived in Paris on Monday. She condemned Israel.")
    assert (event_by(found, "condemned").source.code) == "GBRGOV"


def test_it_or_they_opening_a_sentence_is_the_subject_of_the_one_before(
    events: Events,
) -> None:
    found = events(
        "Iran's foreign ministry issued a statement on Monday. It condemned Israel for the strike."
    )
    event = event_by(found, "condemned")
    assert (event.source.text, event.source.code, event.target.code) == ("It", "IRNGOV", "ISR")
    found = events("Iran and Syria signed a pact in May. They condemned Israel for the strike.")
    assert {e.source.code for e in found if e.trigger.text == "condemned"} == {"IRN", "SYR"}


def test_a_pronoun_of_the_wrong_number_stands_for_nobody(events: Events) -> None:
    found = events(
        "Iran's foreign ministry issued a statement on Monday. They condemned Israel for the strike."
    )
    assert not [e for e in found if e.trigger.text == "condemned"]
