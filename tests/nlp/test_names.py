"""Names: mentions cleaned into names, and organisations and countries named in full."""

import pytest

from wirewatch.nlp.names import acronyms_of, clean_name, country_name, full_org_name


@pytest.mark.parametrize(
    "mention, name",
    [
        ("the Pentagon", "Pentagon"),
        ("Mr. Kirby", "Kirby"),
        ("Iran's", "Iran"),
        ("Transport for London (TfL)", "Transport for London"),
        ("Apple Inc.", "Apple Inc."),
    ],
)
def test_a_mention_is_cleaned_into_a_name(mention, name):
    assert clean_name(mention) == name


@pytest.mark.parametrize(
    "place, country",
    [("Russia", "Russia"), ("U.S.", "United States"), ("UK", "United Kingdom"), ("Seoul", None)],
)
def test_a_place_is_a_country_only_if_the_demonym_table_knows_it(place, country):
    assert country_name(place) == country


def test_acronyms_and_fuller_names_come_from_the_article(extractor):
    doc = extractor.nlp(
        "The World Health Organization (WHO) declared a pandemic. "
        "The American Civil Liberties Union of Montana filed the complaint. "
        "The American Civil Liberties Union said the law was unfair."
    )
    assert acronyms_of(doc) == {"WHO": "World Health Organization"}
    assert full_org_name(doc, "American Civil Liberties Union") == "American Civil Liberties Union of Montana"
