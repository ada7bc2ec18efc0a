"""Speaker resolution within an article."""

import pytest


def speakers(result):
    return [(s.speaker.text if s.speaker else None, s.speaker_name) for s in result.statements]


def test_pronoun_takes_the_full_name_introduced_earlier(run):
    result = run(
        "Maria Lopez, a spokeswoman for the city council, said the budget was balanced.\n\n"
        'She said taxes would not rise. "We kept our promise," she added.'
    )
    assert [name for _, name in speakers(result)] == ["Maria Lopez"] * 3
    assert {s.speaker_role for s in result.statements} == {"spokeswoman for the city council"}


def test_surname_maps_to_the_full_name(run):
    result = run(
        'Economy Minister Jorge Salas met the unions on Monday.\n\n"Nothing is decided," Salas said.'
    )
    s = result.statements[0]
    assert (s.speaker.text, s.speaker_name, s.speaker_role) == ("Salas", "Jorge Salas", "Economy Minister")


def test_pronoun_follows_the_latest_speaker(run):
    result = run(
        "Peter Lang said the road was closed.\n\n"
        "Anna Weiss said the bridge was open.\n\n"
        "She added that repairs would start soon."
    )
    assert [name for _, name in speakers(result)] == ["Peter Lang", "Anna Weiss", "Anna Weiss"]


def test_pronoun_gender_skips_the_other_speaker(run):
    result = run(
        "Peter Lang said the road was closed.\n\n"
        "Anna Weiss, a spokeswoman for the port, said repairs would start soon. "
        "He said the road would reopen in May."
    )
    assert speakers(result)[-1] == ("He", "Peter Lang")


def test_nominal_mention_resolves_through_the_role(run):
    result = run(
        "Lina Haddad, the ministry spokeswoman, spoke in Beirut.\n\n"
        "The spokeswoman said the border would stay closed."
    )
    assert speakers(result) == [("The spokeswoman", "Lina Haddad")]


def test_possessive_title_gives_the_role(run):
    result = run("Spain's foreign ministry spokesman Pablo Ortega said the talks had failed.")
    s = result.statements[0]
    assert s.speaker_name == "Pablo Ortega"
    assert "foreign ministry spokesman" in s.speaker_role


def test_unnamed_speaker_keeps_its_mention_and_is_not_guessed(run):
    result = run("Peter Lang chaired the meeting.\n\nA senior European official said the deal was close.")
    s = result.statements[0]
    assert s.speaker.text == "A senior European official"
    assert s.speaker_name is None
    assert s.speaker_type == "person"


def test_organisations_and_countries_speak(run):
    result = run(
        "The White House said the visit was postponed.\n\n"
        "Japan said it would send aid.\n\n"
        "The ministry said the figures were wrong."
    )
    kinds = [(s.speaker_name, s.speaker_type) for s in result.statements]
    assert kinds == [("White House", "organization"), ("Japan", "country"), (None, "organization")]


def test_acronym_takes_the_name_it_was_introduced_with(run):
    result = run(
        "The World Meteorological Organization (WMO) met in Geneva.\n\nWMO said the summer was the hottest."
    )
    assert [(s.speaker_name, s.speaker_type) for s in result.statements] == [
        ("World Meteorological Organization", "organization")
    ]


def test_a_document_speaks_for_its_author(run):
    result = run("The dam is safe, according to a statement released by the Water Authority.")
    assert result.statements[0].speaker_name == "Water Authority"


def test_the_party_is_the_party_named_before(run):
    result = run(
        "The Green Unity Party held its congress in Oslo.\n\n"
        '"We will stand in every district," the party told reporters.'
    )
    assert result.statements[0].speaker_name == "Green Unity Party"


def test_title_inside_the_name_is_the_role(run):
    result = run("Governor of Ohio Mary Kent said the roads would reopen.")
    s = result.statements[0]
    assert (s.speaker_name, s.speaker_role) == ("Mary Kent", "Governor of Ohio")


def test_name_in_apposition_to_a_role_is_the_speaker(run):
    result = run("The Labour Party's leader, Jeremy Corbyn announced he would step down.")
    assert result.statements[0].speaker_name == "Jeremy Corbyn"


def test_an_occupation_opening_the_sentence_is_a_role_not_a_name(run):
    result = run("Virologist Hanna Berg said the variant spreads faster.")
    assert result.statements[0].speaker_name == "Hanna Berg"


def test_a_bracketed_short_form_is_not_part_of_the_name(run):
    result = run("The European Space Agency (ESA) said the launch would be delayed.")
    assert result.statements[0].speaker_name == "European Space Agency"


def test_the_firm_is_the_company_named_before(run):
    result = run(
        "Shares of Nordvik Motors fell on Monday.\n\nThe carmaker announced that two plants would close."
    )
    assert (result.statements[0].speaker_name, result.statements[0].speaker_type) == (
        "Nordvik Motors",
        "organization",
    )


def test_its_press_release_speaks_for_the_organisation(run):
    result = run(
        'The Ocean Trust said the reef was recovering. "Coral cover doubled," according to its annual report.'
    )
    assert [s.speaker_name for s in result.statements] == ["Ocean Trust", "Ocean Trust"]


def test_organisation_takes_the_fullest_name_the_article_gives(run):
    result = run(
        "The Union of Coastal Fishers and Growers (UCFG) has launched a petition, "
        "asking the council to reopen the harbour.\n\n"
        "The Federation of Teachers of Ruritania said on Monday that schools would close.\n\n"
        "Later the Federation of Teachers said that talks had failed."
    )
    names = [name for _, name in speakers(result)]
    assert names == [
        "Union of Coastal Fishers and Growers",
        "Federation of Teachers of Ruritania",
        "Federation of Teachers of Ruritania",
    ]


def test_acronym_with_a_digit_names_the_party_noun(run):
    result = run(
        "Deputies of Movimento 5 Stelle (M5S) met on Monday.\n\n"
        "The M5S party said that the law must be applied."
    )
    assert speakers(result)[-1] == ("The M5S party", "Movimento 5 Stelle")


def test_mention_that_defines_an_acronym_is_that_organisation(run):
    result = run("Transport for London (TfL) told passengers to take another route.")
    assert speakers(result)[0][1] == "Transport for London"


def test_document_sent_from_an_account_speaks_for_its_owner(run):
    result = run(
        "Senator Ruth Adler spoke on Monday.\n\n"
        'A tweet sent from Adler\'s account said "the vote is a disgrace".'
    )
    assert speakers(result)[-1][1] == "Ruth Adler"


def test_its_press_release_names_the_organisation_in_the_sentence(run):
    result = run('According to its press release, the National Rowing League was "suspending all races".')
    assert speakers(result)[0][1] == "National Rowing League"


def test_company_website_speaks_for_the_company_named_before(run):
    result = run(
        "Shares of Orbital Motors Inc. fell on Monday.\n\n"
        "The founder had retired last year, according to the company website."
    )
    assert speakers(result)[0][1] == "Orbital Motors Inc."


def test_relative_named_in_apposition_is_the_speaker(run):
    result = run("According to his wife, Amanda, the singer died of a lung disease.")
    assert speakers(result)[0][1] == "Amanda"


def test_definite_description_after_a_quote_is_that_speaker(run):
    result = run(
        '"The ice is thinning fast," said study author Karen Holt. '
        'The Oberlin professor added, "We need more data."'
    )
    assert speakers(result) == [("Karen Holt", "Karen Holt"), ("The Oberlin professor", "Karen Holt")]


def test_description_with_another_field_is_not_the_previous_minister(run):
    result = run(
        "Aviation Minister Hardeep Rao said the runway was closed.\n\n"
        'The local health minister said, "The injured have been taken to hospital."'
    )
    assert speakers(result)[-1] == ("The local health minister", None)


def test_plural_or_possessive_description_is_not_the_previous_speaker(run):
    result = run('"I acted in self defence," said Kyle Brant. His lawyers said the evidence supported him.')
    assert speakers(result)[-1][1] != "Kyle Brant"


def test_organisation_noun_with_the_name_after_it_is_that_organisation(run):
    result = run("The Swedish carmaker Volvo predicted that sales would recover in spring.")
    assert speakers(result)[0][1] == "Volvo"


def test_outlet_carrying_a_speaker_is_not_the_speaker(run):
    result = run(
        "According to the news agency Reuters, the prosecutor Anna Veld said the suspects must face trial."
    )
    assert [name for _, name in speakers(result)] == ["Anna Veld"]


def test_name_in_apposition_after_a_long_description_is_the_speaker(run):
    result = run(
        "Orbital's worldwide vice-president of sales for the Falcon range, Greta Lind, "
        "indicated that prices would fall."
    )
    assert speakers(result)[0][1] == "Greta Lind"


def test_acronym_in_capitals_is_not_a_pronoun(run):
    result = run("The WHO urged countries to increase testing.")
    assert speakers(result)[0][1] == "WHO"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('President of Ukraine Volodymyr Zelenskyy said, "We expect answers."', "Volodymyr Zelenskyy"),
        ('Current Prime Minister of India Narendra Modi wrote, "India grieves."', "Narendra Modi"),
        ('Newly elected Assemblywoman Selena Torres said, "It is exciting."', "Selena Torres"),
    ],
)
def test_titled_name_the_recogniser_calls_an_organisation_is_a_person(run, text, name):
    assert speakers(run(text))[0][1] == name


def test_title_of_an_organisation_does_not_make_it_a_person(run):
    result = run('The manager of Barmouth Publicity, David Clay, called the closure "a retrograde step".')
    assert speakers(result)[0][1] == "David Clay"


def test_shorter_form_inside_the_full_organisation_name(run):
    result = run(
        "The Oregon Department of Corrections and Rehabilitation confirmed the transfer on Monday.\n\n"
        "The Department of Corrections said that the inmate was stable."
    )
    full = "Oregon Department of Corrections and Rehabilitation"
    assert [name for _, name in speakers(result)] == [full, full]


def test_government_of_a_country_is_the_country(run):
    result = run("The government of American Samoa said that the ruling was wrong.")
    assert speakers(result)[0][1] == "American Samoa"


def test_news_agency_named_in_front_of_its_noun(run):
    result = run("The Reuters news agency reported that markets fell.")
    assert speakers(result)[0][1] == "Reuters"


def test_person_named_inside_a_split_subject_phrase(run):
    result = run(
        'Study co-author and geochemist Seth John remarked in a press release, "Nobody expected this."'
    )
    assert speakers(result)[0][1] == "Seth John"


def test_short_form_made_of_syllables_is_that_organisation(run):
    result = run(
        "The Philippine Institute of Volcanology and Seismology (Phivolcs) recorded the quake.\n\n"
        "Phivolcs said that aftershocks were likely."
    )
    assert speakers(result)[-1][1] == "Philippine Institute of Volcanology and Seismology"


def test_document_of_a_named_author_takes_the_author_full_name(run):
    result = run(
        "The promotion World Wonder Ring Stardom announced her death on Saturday.\n\n"
        'Stardom\'s official statement read, "We are very sorry."'
    )
    assert [name for _, name in speakers(result)] == ["World Wonder Ring Stardom"] * 2


def test_name_with_a_place_after_it_keeps_only_the_name(run):
    result = run('"We will heal," Crystal C\'Bearing of the Northern Arapaho told reporters.')
    assert speakers(result)[0][1] == "Crystal C'Bearing"


def test_posts_from_a_day_are_not_by_that_day(run):
    result = run("Posts on the forum from Friday claimed that the site was down.")
    assert speakers(result)[0][1] != "Friday"


def test_acronym_definition_and_a_shorter_form_lead_to_the_full_name(run):
    result = run(
        "The Oregon Department of Corrections and Rehabilitation (ODCR) did not name the victim.\n\n"
        "The Department issued a statement that an inmate had been stabbed."
    )
    assert speakers(result)[-1][1] == "Oregon Department of Corrections and Rehabilitation"


def test_company_noun_before_a_bare_name(run):
    result = run("The carmaker Zorvex predicted that sales would recover.")
    assert speakers(result)[0][1] == "Zorvex"


def test_she_skips_a_man_known_only_by_his_given_name(run):
    result = run(
        "Rebecca Nyandeng arrived in Juba on Monday. John Luk had died on Sunday.\n\n"
        '"He was an honest man," she said.'
    )
    assert speakers(result) == [("she", "Rebecca Nyandeng")]


def test_a_surname_alone_says_nothing_about_gender(run):
    result = run('Paul Morgan met Mary Grant on Monday. "We will sign," said Grant.')
    assert speakers(result)[0][1] == "Mary Grant"


def test_organisation_named_right_after_its_noun_whatever_the_parse(run):
    result = run(
        "The US automobile manufacturer Ford has said that it made a profit, "
        'and predicted that it would be "solidly profitable" by 2011.'
    )
    assert {name for _, name in speakers(result)} == {"Ford"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Russian Government has announced an injection of 44 billion dollars.", "Russia"),
        ("The Turkish government said the border would stay closed.", "Turkey"),
        ("The Danish government said the bridge would be rebuilt.", "Denmark"),
        ("The government of Samoa said the outbreak was over.", "Samoa"),
    ],
)
def test_a_government_named_by_its_demonym_or_country_is_the_country(run, text, name):
    s = run(text).statements[0]
    assert (s.speaker_name, s.speaker_type) == (name, "country")


@pytest.mark.parametrize(
    "text, name",
    [
        ("On Wednesday, Time magazine announced its selection of an activist.", "Time"),
        ("The Associated Press news agency reported that the vote was delayed.", "Associated Press"),
        ("According to a review by PC World, the update is worth the money.", "PC World"),
    ],
)
def test_an_outlet_speaks_under_its_name_without_its_description(run, text, name):
    assert run(text).statements[0].speaker_name == name


def test_the_company_is_the_organisation_the_article_names_most(run):
    result = run(
        "Airbus will compensate Singapore Airlines for delays to the A380. Airbus blamed its design "
        "software. Airbus has built the A380 since 2005, and Airbus plans more.\n\n"
        "Singapore Airlines said it was pleased. The company said the root cause was the software."
    )
    assert result.statements[-1].speaker_name == "Airbus"


def test_a_person_named_by_a_given_name_alone_has_that_name_s_gender(run):
    result = run(
        "Thomas Sam is a homeopath.\n\n"
        'Gloria said, "I am tired." His sister pleaded with him to see a doctor, but he replied "I cannot."'
    )
    assert result.statements[-1].speaker_name != "Gloria"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Early on Saturday, police in Clairton, Pennsylvania, investigated a shooting.\n\n"
            "Police said over a hundred people attended the party.",
            "Clairton police",
        ),
        (
            "Mayor found dead, South Korean police confirm\n\n"
            "The mayor was found dead, police reported on Friday.",
            "South Korean police",
        ),
        (
            "The party was in Allegheny County. Party-goers fled, according to county police.",
            "Allegheny County Police",
        ),
    ],
)
def test_police_are_named_by_the_place_the_article_gives_them(run, text, name):
    assert run(text).statements[-1].speaker_name == name


def test_police_the_article_never_places_stay_unnamed(run):
    assert run("Police said the road would reopen on Monday.").statements[0].speaker_name is None


def test_a_body_named_by_its_noun_takes_the_proper_name_the_article_gives(run):
    result = run(
        "North Wales Fire and Rescue Service were called to the building.\n\n"
        "The fire service indicated that an investigation was underway."
    )
    assert result.statements[-1].speaker_name == "North Wales Fire and Rescue Service"


def test_the_city_of_a_place_is_its_local_government(run):
    s = run("The city of Calabasas announced on Twitter that the agencies would investigate.").statements[0]
    assert (s.speaker_name, s.speaker_type) == ("City of Calabasas", "organization")


def test_a_city_government_is_an_organisation_not_a_country(run):
    s = run("The Seoul government said it would hold a funeral for the mayor.").statements[0]
    assert (s.speaker_name, s.speaker_type) == ("Seoul government", "organization")


def test_a_leader_s_administration_is_the_leader_s_country(run):
    s = run("U.S. President Barack Obama's administration said the plan would save jobs.").statements[0]
    assert (s.speaker_name, s.speaker_type) == ("United States", "country")
