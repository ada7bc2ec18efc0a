"""Organisation names the recogniser cuts short, mended before speakers are named."""

import pytest


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Turkey's Disaster and Emergency Management Presidency reported the magnitude was 6.6.",
            "Disaster and Emergency Management Presidency",
        ),
        (
            "The High Court of England and Wales ruled that the matter was not for the courts.",
            "High Court of England and Wales",
        ),
        ("Liberal Democrats describes itself as standing for small government.", "Liberal Democrats"),
    ],
)
def test_a_name_cut_short_is_mended(run, text, name):
    assert run(text).statements[0].speaker_name == name


def test_a_person_joined_by_and_stays_a_person(run):
    result = run(
        "The study was led by Neil Hammerschlag of the University of Miami and Chris Fallows of "
        'Apex Shark Expeditions.\n\nFallows remarked, "We had never seen them here."'
    )
    assert result.statements[0].speaker_name == "Chris Fallows"


def test_where_a_court_sits_is_not_part_of_its_name(run):
    result = run(
        "The case went to the Court of Session in Scotland.\n\n"
        "The Court of Session ruled that the prorogation was unlawful."
    )
    assert result.statements[0].speaker_name == "Court of Session"


def test_an_embassy_is_named_by_where_it_sits(run):
    result = run(
        "The United States Embassy in Baghdad issued an alert.\n\n"
        "The United States Embassy advised citizens to leave the country."
    )
    assert result.statements[0].speaker_name == "United States Embassy in Baghdad"


def test_a_surname_recognised_alone_takes_the_given_name_in_front(run):
    s = run("Council spokesperson Barend Leyts told reporters the procedure had been followed.").statements[0]
    assert s.speaker_name == "Barend Leyts"


def test_a_role_in_front_of_a_full_name_stays_a_role(run):
    s = run("Businessman Don Blankenship blames federal regulators for the disaster.").statements[0]
    assert s.speaker_name == "Don Blankenship"


def test_a_name_with_an_article_is_no_persons(run):
    s = run("The Russian Duma said on Monday that the treaty was dead.").statements[0]
    assert s.speaker_type != "person"
