"""Each construction the extractor handles, with sentences written for it."""

import pytest

from tests.conftest import assert_spans_exact


def only(result):
    assert len(result.statements) == 1, [s.to_dict() for s in result.statements]
    return result.statements[0]


def test_direct_quote_with_trailing_cue(run):
    s = only(run('"The bridge will reopen in spring," Martha Ellison said.'))
    assert (s.kind, s.content_text, s.cue.text, s.speaker.text) == (
        "direct",
        "The bridge will reopen in spring",
        "said",
        "Martha Ellison",
    )


def test_direct_quote_with_inverted_cue(run):
    s = only(run('"We are not leaving," said Tomas Berg, the union leader.'))
    assert s.speaker_name == "Tomas Berg"
    assert s.speaker_role == "union leader"


def test_direct_quote_after_a_leading_cue(run):
    s = only(run('The mayor, Ana Ruiz, said: "Nobody will lose their home."'))
    assert s.kind == "direct"
    assert s.content_text == "Nobody will lose their home."
    assert s.speaker_name == "Ana Ruiz"


def test_multi_sentence_quote_is_one_statement(run):
    s = only(run('"Prices fell. Wages did not. That is the problem," economist Lena Park said.'))
    assert s.content_text == "Prices fell. Wages did not. That is the problem"
    assert s.speaker_name == "Lena Park"
    assert s.speaker_role == "economist"


def test_follow_on_quote_has_the_same_speaker_and_no_cue(run):
    result = run('"The dam held," engineer Paul Okafor said. "We were lucky this time."')
    first, second = result.statements
    assert second.kind == "direct" and second.cue is None
    assert second.content_text == "We were lucky this time."
    assert second.speaker_name == first.speaker_name == "Paul Okafor"


def test_follow_on_quote_in_the_next_paragraph(run):
    result = run('"The dam held," Paul Okafor said.\n\n"We were lucky this time."')
    assert [s.speaker_name for s in result.statements] == ["Paul Okafor", "Paul Okafor"]


def test_quote_split_by_its_cue_is_one_statement_in_two_parts(run):
    s = only(run('"The vote is close," Hana Sato said, "but we expect to win."'))
    assert [part.text for part in s.content] == ["The vote is close", "but we expect to win."]
    assert s.to_dict()["content"][1]["text"] == "but we expect to win."


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Carla Mendes said that the harvest was late.", "said", "the harvest was late"),
        ("Carla Mendes said the harvest was late.", "said", "the harvest was late"),
        ("Carla Mendes stressed that the harvest was late.", "stressed", "the harvest was late"),
        ("Carla Mendes noted that the harvest was late.", "noted", "the harvest was late"),
        ("Carla Mendes has maintained that the harvest was late.", "maintained", "the harvest was late"),
        ("Carla Mendes warned that the harvest would be late.", "warned", "the harvest would be late"),
        ("Carla Mendes denied that the harvest was late.", "denied", "the harvest was late"),
    ],
)
def test_indirect_speech(run, sentence, cue, content):
    s = only(run(sentence))
    assert (s.kind, s.cue.text, s.content_text, s.speaker_name) == ("indirect", cue, content, "Carla Mendes")


def test_told_names_the_addressee(run):
    s = only(run("Senator Ruth Adams told the BBC that the bill would pass."))
    assert (s.cue.text, s.addressee, s.content_text) == ("told", "the BBC", "the bill would pass")
    assert s.speaker_name == "Ruth Adams"


def test_told_reporters_with_a_quote(run):
    s = only(run('"It is over," Coach Dan Miles told reporters.'))
    assert s.addressee == "reporters" and s.kind == "direct"


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the health ministry, the outbreak is contained.",
        "The outbreak is contained, according to the health ministry.",
    ],
)
def test_according_to(run, sentence):
    s = only(run(sentence))
    assert s.cue.text == "According to" or s.cue.text == "according to"
    assert s.content_text == "the outbreak is contained" or s.content_text == "The outbreak is contained"
    assert s.speaker.text == "the health ministry"
    assert s.speaker_type == "organization"


def test_responded_by_saying(run):
    s = only(run("Norway responded on Friday by saying that the talks would continue."))
    assert s.cue.text == "responded on Friday by saying"
    assert s.content_text == "the talks would continue"
    assert (s.speaker_name, s.speaker_type) == ("Norway", "country")


def test_revealed_intelligence_that(run):
    s = only(run("The Pentagon revealed intelligence that two ships had left port."))
    assert s.content_text == "two ships had left port"
    assert s.speaker_name == "Pentagon"


def test_mixed_quote(run):
    s = only(run('Dr. Ines Vidal said the vaccine was "safe and effective for children."'))
    assert s.kind == "mixed"
    assert s.content_text.startswith("the vaccine was")


def test_mixed_quote_with_trailing_cue(run):
    s = only(run('The new plan "will cost far more than promised," Omar Haddad added.'))
    assert s.kind == "mixed"
    assert s.content_text.startswith("The new plan")
    assert s.cue.text == "added"


def test_headline_with_trailing_source(run):
    result = run("The council met on Monday.", headline="Flood defences to be doubled: Environment Agency")
    s = result.statements[0]
    assert (s.kind, s.content_text, s.speaker.text) == (
        "headline",
        "Flood defences to be doubled",
        "Environment Agency",
    )
    assert s.speaker_type == "organization"


def test_headline_without_a_source_is_no_statement(run):
    assert run("The council met.", headline="Flood defences to be doubled").statements == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Carla Mendes believes that the harvest was late.",
        "Carla Mendes fears the harvest will be late.",
        'The so-called "peace plan" was published on Monday.',
        "The harvest was late this year.",
    ],
)
def test_out_of_scope(run, sentence):
    assert run(sentence).statements == ()


def test_speech_reported_inside_a_quote_belongs_to_the_quote(run):
    s = only(run('"Our data shows that the army said it would withdraw," Lea Novak said.'))
    assert s.speaker_name == "Lea Novak"


def test_every_span_points_into_the_text(run):
    result = run('"A," she said. Paul Okafor told CNN that B was right, according to the ministry.')
    assert_spans_exact(result)


def test_a_chain_of_follow_on_quotes(run):
    result = run('"One," Ada Lind said. "Two." "Three."')
    assert [s.speaker_name for s in result.statements] == ["Ada Lind"] * 3
    assert [s.cue for s in result.statements][1:] == [None, None]


def test_a_second_report_conjoined_to_the_reported_clause(run):
    result = run("Finland has insisted that the border is safe and called for calm at the crossings.")
    first, second = result.statements
    assert (first.cue.text, first.content_text) == ("insisted", "the border is safe")
    assert (second.cue.text, second.content_text) == ("called", "calm at the crossings")
    assert first.speaker_name == second.speaker_name == "Finland"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Lufthansa reported a 12 percent fall in bookings.", "reported", "a 12 percent fall in bookings"),
        ("The union condemned the closure of the plant.", "condemned", "the closure of the plant"),
        ("The mayor called the plan a disaster.", "called", "the plan a disaster"),
        ("The embassy urged citizens to leave the city.", "urged", "citizens to leave the city"),
        ("The senator called for an inquiry into the sale.", "called", "an inquiry into the sale"),
    ],
)
def test_reports_whose_object_is_what_was_said(run, sentence, cue, content):
    s = only(run(sentence))
    assert (s.cue.text, s.content_text) == (cue, content)


def test_as_x_told_y_frames_the_main_clause(run):
    s = only(run("As Mira Holm told the Guardian, the river has never been cleaner."))
    assert (s.speaker_name, s.cue.text, s.addressee) == ("Mira Holm", "told", "the Guardian")
    assert s.content_text == "the river has never been cleaner"


def test_a_quote_after_a_colon_belongs_to_the_sentence_subject(run):
    s = only(run('The ministry defended the decision in a long statement: "We acted within the law."'))
    assert (s.kind, s.content_text, s.cue.text) == ("direct", "We acted within the law.", "defended")


def test_what_was_not_said_is_no_statement(run):
    assert run("The club did not announce who would replace the coach.").statements == ()


def test_a_statement_issued_by_an_organisation(run):
    s = only(run("The palace issued a statement that the visit had been cancelled."))
    assert s.content_text == "the visit had been cancelled"
    assert s.cue.text == "issued"


def test_a_quote_closed_by_a_full_stop_is_not_the_next_sentence_content(run):
    result = run('"We are ready." Okafor predicted that the plant would open in May.')
    assert [s.content_text for s in result.statements] == ["the plant would open in May"]


def test_follow_on_quote_after_a_frame_that_goes_on(run):
    result = run('"We won," Ada Lind told the crowd outside the stadium on Sunday. "It was hard."')
    assert [(s.content_text, s.speaker_name) for s in result.statements] == [
        ("We won", "Ada Lind"),
        ("It was hard.", "Ada Lind"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        ('The coach has been described by the Daily Star as a "genius".', "the Daily Star", 'a "genius"'),
        ("The plan was condemned by the opposition.", "the opposition", "The plan"),
        ("It was announced by the ministry that schools would close.", "the ministry", "schools would close"),
    ],
)
def test_passive_reports_name_their_agent(run, sentence, speaker, content):
    s = only(run(sentence))
    assert (s.speaker.text, s.content_text) == (speaker, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "Which ministers would you ask to join the cabinet?",
        "Shares fell as the banks reported their quarterly results.",
    ],
)
def test_questions_and_times_are_no_statements(run, sentence):
    assert run(sentence).statements == ()


def test_a_gerund_after_a_quote_goes_on_with_its_speaker(run):
    text = 'Ada Lind said, "If the dam holds, the town has to rebuild", also noting, "Nobody was hurt."'
    result = run(text)
    assert [(s.content_text, s.speaker_name) for s in result.statements] == [
        ("If the dam holds, the town has to rebuild", "Ada Lind"),
        ("Nobody was hurt.", "Ada Lind"),
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ('The invitation reads, "Join us in Oslo."', "reads", "Join us in Oslo."),
        (
            "The agency recommends that every school test its water.",
            "recommends",
            "every school test its water",
        ),
        (
            "The mayor requested an exemption for the old harbour.",
            "requested",
            "an exemption for the old harbour",
        ),
        ("The blog claims to have seen the new phone.", "claims", "to have seen the new phone"),
        ("The club expressed condolences to the family.", "expressed", "condolences to the family"),
        ("The president instructed the police to investigate.", "instructed", "the police to investigate"),
    ],
)
def test_more_reporting_verbs(run, sentence, cue, content):
    s = only(run(sentence))
    assert (s.cue.text, s.content_text) == (cue, content)


@pytest.mark.parametrize(
    "sentence",
    [
        "As the jet was pushed back by a tug, the winglet struck the hangar.",
        "He also developed a notation for expressing very large numbers.",
        "Which ministers would you ask to join?\n\nThe vote is on Monday.",
    ],
)
def test_verbs_that_report_nothing_here(run, sentence):
    assert run(sentence).statements == ()


def test_a_report_of_an_object_after_another_clause(run):
    s = only(run("Sales slipped: Volvo reported a 9% loss."))
    assert (s.cue.text, s.content_text) == ("reported", "a 9% loss")


def test_headline_with_its_source_first(run):
    s = only(run("The council met on Monday.", headline="Survey: river towns likely to flood twice as often"))
    assert (s.kind, s.content_text, s.speaker.text) == (
        "headline",
        "river towns likely to flood twice as often",
        "Survey",
    )


def test_headline_label_in_front_is_no_source(run):
    result = run("The council met.", headline="Update: river towns likely to flood twice as often")
    assert result.statements == ()


def test_headline_with_an_inverted_cue_at_the_end(run):
    s = only(run("The council met on Monday.", headline="Owls may hunt by moonlight, say biologists"))
    assert (s.content_text, s.cue.text, s.speaker.text) == ("Owls may hunt by moonlight", "say", "biologists")


def test_according_to_first_reports_the_whole_rest_of_the_sentence(run):
    s = only(run("According to the coast guard, the ferry had no radar, so when fog came, it ran aground."))
    assert s.content_text == "the ferry had no radar, so when fog came, it ran aground"


def test_reported_thing_keeps_its_details_after_a_comma(run):
    s = only(run("The weather service warned of heavy snow, with up to 40 centimetres in the hills."))
    assert s.content_text == "heavy snow, with up to 40 centimetres in the hills"


def test_reported_thing_stops_before_the_article_own_clause(run):
    s = only(run("The carmaker reported a 12% loss, whilst its rival's sales rose 5%."))
    assert s.content_text == "a 12% loss"


def test_that_after_the_cue_opens_the_reported_clause(run):
    s = only(run("The audit states that few if any councils publish their budgets on time."))
    assert s.content_text == "few if any councils publish their budgets on time"


def test_quote_before_a_cue_with_its_own_clause_is_not_its_content(run):
    result = run('Citing "safety concerns", the airline announced that all flights would stop.')
    announced = [s for s in result.statements if s.cue.text == "announced"]
    assert [s.content_text for s in announced] == ["all flights would stop"]


def test_trailing_saying_clause_is_a_second_report(run):
    result = run("Mara Quinn told reporters she found the offer fair, saying a strike would hurt everyone.")
    assert [s.content_text for s in result.statements] == [
        "she found the offer fair",
        "a strike would hurt everyone",
    ]
    assert {s.speaker_name for s in result.statements} == {"Mara Quinn"}


def test_cue_set_off_by_commas_reports_the_sentence_around_it(run):
    s = only(run("The new bridge, the engineers pointed out, will carry twice the traffic."))
    assert s.speaker.text == "the engineers"
    assert s.content_text.startswith("The new bridge") and s.content_text.endswith("twice the traffic")


def test_cited_as_reports_the_object_and_what_it_was_cited_as(run):
    s = only(run("The minister cited the harbour's growth as proof that the plan worked."))
    assert s.content_text == "the harbour's growth as proof that the plan worked"


def test_conjoined_cue_takes_the_subject_of_the_first_verb(run):
    result = run('Ortega called the inquiry a "farce", and on Twitter referred to the vote as "a sham".')
    assert [s.speaker.text for s in result.statements] == ["Ortega", "Ortega"]


def test_named_topic_in_front_of_a_headline_is_no_source(run):
    result = run("The council met.", headline="Northern Rail: all-women crew drives the morning train")
    assert result.statements == ()


def test_according_to_in_mid_sentence_stops_at_the_conjunction(run):
    s = only(
        run("The mayor approved the payments, according to auditors, but the council has a rule against it.")
    )
    assert s.content_text == "The mayor approved the payments"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The president accused the opposition of lying.", "the opposition of lying"),
        ("Russia has repeatedly denied interfering in the vote.", "interfering in the vote"),
        ("The firm admitted to misleading investors.", "misleading investors"),
        ("The audit found that emissions had risen by 4%.", "emissions had risen by 4%"),
        ("The agency estimated that 2,000 homes were damaged.", "2,000 homes were damaged"),
    ],
)
def test_complements_of_less_common_cues(run, text, content):
    assert only(run(text)).content_text == content


def test_a_person_who_finds_something_reports_nothing(run):
    assert run("The hiker found that the trail was closed.").statements == ()


def test_object_of_the_cue_that_is_the_subject_of_the_report(run):
    s = only(run("Rappler reported three malls in Davao City were damaged."))
    assert s.content_text == "three malls in Davao City were damaged"


def test_name_before_an_apposition_and_the_cue_is_the_speaker(run):
    s = only(run("Speaking for the defence, Tom Molomby, SC, said that the parents should be acquitted."))
    assert s.speaker_name == "Tom Molomby"


def test_calling_off_a_search_is_no_statement(run):
    assert run("The coast guard called off its search late on Tuesday.").statements == ()


def test_as_x_noted_inside_a_sentence_reports_the_sentence(run):
    s = only(run("The council is the only body that is, as local papers noted, fully elected."))
    assert s.speaker.text == "local papers"
    assert "fully elected" in s.content_text and "The council" in s.content_text


def test_how_it_was_said_is_not_what_was_said(run):
    s = only(run("Officials confirmed his identity anonymously."))
    assert s.content_text == "his identity"


def test_citing_a_reason_is_reported_but_citing_a_source_is_not(run):
    s = only(run("Mukherjee did not seek reelection, citing age and health concerns."))
    assert s.content_text == "age and health concerns"
    result = run("The Telegraph, citing local militia groups, reported that three rockets hit the base.")
    assert [s.cue.text for s in result.statements] == ["reported"]


def test_likened_to_reports_the_comparison(run):
    s = only(run("The critic likened the album to a summer storm."))
    assert s.content_text == "the album to a summer storm"


def test_quote_after_a_colon_that_ends_a_report_is_its_own_statement(run):
    result = run(
        'The agency issued a statement that a guard had been hurt: "There was an assault on Friday. '
        'He is stable." They also said the attacker was held.'
    )
    assert [(s.kind, s.content_text) for s in result.statements] == [
        ("indirect", "a guard had been hurt"),
        ("direct", "There was an assault on Friday. He is stable."),
        ("indirect", "the attacker was held"),
    ]


def test_colon_and_quote_end_a_mixed_report(run):
    result = run('Ana Solis told the BBC any plan "must be thought out": "Cuts are fine. Threats are not."')
    assert [s.content_text for s in result.statements] == [
        'any plan "must be thought out"',
        "Cuts are fine. Threats are not.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Steve Jobs resigned in a letter to the board stating, "I have always said I would go."',
        "Senator Ruth Adler sent a letter requesting that the rules be changed.",
    ],
)
def test_a_letter_speaks_for_who_sent_it(run, text):
    assert only(run(text)).speaker_name in ("Steve Jobs", "Ruth Adler")


def test_gerund_after_a_passive_takes_the_passive_subject(run):
    s = only(run("Mukherjee was elected in 2012 but did not seek reelection, citing health concerns."))
    assert s.speaker.text == "Mukherjee"


def test_gerund_after_a_passive_with_an_agent_takes_the_agent(run):
    result = run('The result was described by Johnson as a "mandate", saying he would leave in January.')
    assert {s.speaker.text for s in result.statements} == {"Johnson"}


def test_that_as_a_determiner_opens_no_clause(run):
    assert run("The officials who ordered that change were fired.").statements == ()


def test_quote_after_a_colon_belongs_to_the_lead_subject_not_the_quote_subject(run):
    result = run(
        'Mayor Ruth Adler responded via Twitter, attacking the ruling: "The judges have failed us again."'
    )
    quoted = [s for s in result.statements if s.kind == "direct"]
    assert [s.speaker_name for s in quoted] == ["Ruth Adler"]


def test_rejecting_a_thing_is_an_act_but_rejecting_a_claim_reports_it(run):
    assert run("The president rejected the minister's resignation.").statements == ()
    s = only(run("The ministry rejected claims that the border had been closed."))
    assert s.content_text == "the border had been closed"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The storm left five dead and, by early reports, at least 30 injured.", "early reports", None),
        (
            "The crew were already there when police arrived, by the coast guard's report.",
            "the coast guard's report",
            "The crew were already there when police arrived",
        ),
        (
            "In a situational report of the agency, the tremor damaged 143 buildings.",
            "a situational report of the agency",
            "the tremor damaged 143 buildings",
        ),
    ],
)
def test_by_or_in_a_report_frames_a_clause_like_according_to(run, text, speaker, content):
    s = only(run(text))
    assert s.speaker.text == speaker
    if content:
        assert s.content_text == content


def test_a_report_frame_before_its_own_cue_is_not_a_second_statement(run):
    s = only(run("In its report, the agency said that the tremor damaged 143 buildings."))
    assert s.cue.text == "said"


def test_in_the_words_of_frames_a_quote(run):
    s = only(run('In the words of the prosecutor, Mark Tedeschi, "Gloria spent her last months crying."'))
    assert (s.kind, s.speaker_name) == ("direct", "Mark Tedeschi")


@pytest.mark.parametrize(
    "text",
    [
        '"Prices will fall," Dana Whitfield said. "They have nowhere to go," she continued.',
        '"Prices will fall," Dana Whitfield said. She continued, "They have nowhere to go."',
        '"Prices will fall," Dana Whitfield said. She went on to say, "They have nowhere to go."',
    ],
)
def test_any_verb_that_makes_up_a_quote_frame_with_its_subject_reports_the_quote(run, text):
    statements = run(text).statements
    assert [s.content_text.rstrip(".") for s in statements] == ["Prices will fall", "They have nowhere to go"]
    assert [s.speaker_name for s in statements] == ["Dana Whitfield", "Dana Whitfield"]
    assert statements[1].cue is not None


def test_a_verb_that_does_not_frame_a_quote_reports_nothing(run):
    assert run("The growth continued, with the index up 150 points by noon.").statements == ()


def test_name_after_an_inverted_cue_is_the_speaker_whatever_follows_it(run):
    s = only(run('"It took too long," said bank analyst Chris Weafer commenting on the decision.'))
    assert (s.kind, s.content_text, s.speaker_name) == ("direct", "It took too long", "Chris Weafer")


def test_a_quote_ending_with_a_full_stop_ends_its_sentence(run):
    statements = run(
        'Expert Wendy Parmet said the name would place "a stigma on the victims[.]" '
        'She went on to say, "People tend to think of the disease as a trait of a place."'
    ).statements
    assert [s.kind for s in statements] == ["mixed", "direct"]
    assert statements[0].content_text.startswith("the name would place")
    assert statements[1].content_text.startswith("People tend")


def test_a_gerund_subject_clause_after_said_is_reported(run):
    s = only(run("Wendy Parmet said naming the virus after a city would stigmatise its people."))
    assert s.content_text == "naming the virus after a city would stigmatise its people"


def test_according_to_that_the_parser_made_the_root_still_frames_the_rest(run):
    s = only(
        run("According to Dallorso, for days Zamperoni's phone was off and Zamperoni had not used his cards.")
    )
    assert s.content_text == "for days Zamperoni's phone was off and Zamperoni had not used his cards"
    assert s.speaker_name == "Dallorso"


def test_a_name_the_parser_joined_to_a_leading_frame_is_the_subject(run):
    s = only(run("On Twitter, Adrian Wojnarowski, US sport columnist from ESPN, said Bryant was on his way."))
    assert (s.speaker_name, s.content_text) == ("Adrian Wojnarowski", "Bryant was on his way")


def test_a_clause_split_into_object_and_modifier_is_reported_whole(run):
    text = "The researchers suggested the algae, like warming temperatures, might render defenses useless."
    s = only(run(text))
    assert s.content_text == "the algae, like warming temperatures, might render defenses useless"


def test_a_date_before_the_cue_is_never_the_speaker(run):
    s = only(run("Igor Matovic posted a message on Facebook on Friday announcing he had tested positive."))
    assert s.content_text.startswith("he had tested positive")
    assert s.speaker_name != "Friday"


def test_a_quote_hung_on_a_frame_modifier_is_still_the_cue_s_quote(run):
    s = only(
        run(
            "Johns Hopkins medical anthropologist Monica Berg told the press in a separate interview, "
            '"People with a different national, ethnic or religious background have historically been '
            'accused of spreading germs regardless of what the science may say[.]"'
        )
    )
    assert (s.kind, s.speaker_name) == ("direct", "Monica Berg")
    assert s.content_text.startswith("People with a different national")


def test_an_inverted_cue_at_the_end_of_its_sentence_reports_what_comes_before(run):
    s = only(run("It is not for the court to opine about motives, argued the state's lawyer, Richard Keen."))
    assert s.content_text == "It is not for the court to opine about motives"
    assert s.speaker_name == "Richard Keen"


def test_a_thing_after_a_trailing_cue_is_not_its_speaker(run):
    s = only(run("Pranab Mukherjee did not seek reelection in 2017, citing age and health concerns."))
    assert (s.content_text, s.speaker_name) == ("age and health concerns", "Pranab Mukherjee")


def test_a_group_the_parser_hung_elsewhere_speaks(run):
    text = (
        "In findings published on Wednesday in the journal PLOS ONE, "
        "an international team of scientists report the birds were wild"
    )
    s = only(run(text))
    assert s.content_text == "the birds were wild"
    assert "team" in s.speaker.text


def test_an_infinitive_read_as_a_purpose_is_still_the_request(run):
    s = only(run("The mayor of New Orleans, LaToya Cantrell, advised residents of her city to make plans."))
    assert (s.content_text, s.speaker_name) == ("residents of her city to make plans", "LaToya Cantrell")


def test_what_someone_was_asked_is_not_their_statement(run):
    s = only(
        run(
            "Spokesperson Barend Leyts, when asked whether an inquiry was held, "
            "told reporters the procedure had been followed."
        )
    )
    assert s.content_text == "the procedure had been followed"


def test_a_quoted_name_after_a_colon_that_the_sentence_goes_on_about_is_not_speech(run):
    s = only(run('The WHO announced the name of the disease: "COVID-19" is to replace the old name.'))
    assert s.kind != "direct" and s.content_text != "COVID-19"


def test_a_whole_quoted_sentence_after_a_comma_gives_the_subject_s_words(run):
    s = only(
        run(
            "After the case Steve Jobs extended an invitation to the label, "
            '"we have always loved the Beatles and hope to work together".'
        )
    )
    assert (s.kind, s.speaker_name) == ("direct", "Steve Jobs")


def test_a_short_quote_after_a_comma_is_a_title_not_speech(run):
    assert run('The band released its new single, "Let It Be".').statements == ()


def test_an_inverted_read_after_a_quote_makes_the_document_speak(run):
    result = run(
        "The orange warning issued by Met Eireann applied to six counties.\n\n"
        '"Storm Lorenzo will produce significant swell, high waves and sizeable storm surges", '
        "read the warning."
    )
    s = result.statements[-1]
    assert (s.kind, s.cue.text, s.speaker_name) == ("direct", "read", "Met Eireann")


def test_a_comma_outside_the_marks_still_makes_a_quote_frame(run):
    s = only(
        run(
            '"With this facility, Romania will become an important auto production center in Europe", '
            "concluded Stroe, cited by HotNews."
        )
    )
    assert (s.kind, s.speaker_name) == ("direct", "Stroe")


def test_what_follows_a_quote_the_cue_opens_is_not_part_of_the_frame(run):
    s = only(run('The invitation reads, "One more thing...", the teasing tagline of Steve Jobs.'))
    assert (s.kind, s.content_text, s.cue.text) == ("direct", "One more thing...", "reads")


def test_a_court_s_gerund_finding_reports_what_it_found(run):
    s = only(
        run("The High Court also ruled on the same day, finding that the matter was not one for the courts.")
    )
    assert s.content_text == "the matter was not one for the courts"


def test_reasoned_set_off_by_commas_reports_the_sentence_around_it(run):
    s = only(run("If the birds had been farmed, they reasoned, the samples would show little diversity."))
    assert s.cue.text == "reasoned"


@pytest.mark.parametrize(
    "text, content",
    [
        ("According to reports, he was not qualifying; he had reached 3 percent.", "he was not qualifying"),
        ("Turnout was low; only 30 percent voted, according to officials.", "only 30 percent voted"),
    ],
)
def test_a_semicolon_bounds_what_according_to_reports(run, text, content):
    assert only(run(text)).content_text == content


def test_a_quote_signed_by_a_name_with_no_verb_is_that_person_s(run):
    s = only(
        run(
            '"Auto makers are pulling every lever to attract buyers. The typical programs simply do not '
            "resonate in today's economy,\" Jesse Toprak, an analyst for Edmunds."
        )
    )
    assert (s.kind, s.speaker_name) == ("direct", "Jesse Toprak")


def test_part_of_a_document_reads_for_the_document(run):
    s = only(
        run(
            "Part of the judge's statement reads \"the average woman could conceivably be better suited "
            'physically for some combat positions than the average man."'
        )
    )
    assert (s.kind, s.cue.text) == ("direct", "reads")


def test_a_court_s_decision_without_what_the_court_then_did(run):
    s = only(run("The unanimous court decided their actions did not qualify, reversing the convictions."))
    assert s.content_text == "their actions did not qualify"


def test_a_participle_the_parser_hung_on_a_bare_noun_sentence_is_its_verb(run):
    s = only(run("The warnings called for gale force winds and heavy rain."))
    assert (s.content_text, s.speaker.text) == ("gale force winds and heavy rain", "The warnings")


def test_the_verbless_words_before_according_to_are_what_it_reports(run):
    s = only(run("Magnitude 6.3 according to Phivolcs, it was recorded as magnitude 6.4 by the USGS."))
    assert (s.content_text, s.speaker_name) == ("Magnitude 6.3", "Phivolcs")


def test_what_someone_was_reported_to_be_is_the_content(run):
    s = only(run("He was reported missing Thursday evening by the police."))
    assert s.content_text.startswith("missing")


def test_a_statement_with_its_own_cue_is_not_reported_by_its_issuing(run):
    result = run("The government issued a statement agreeing the issue should be decided by Congress.")
    assert all(s.content_text != "agreeing the issue" for s in result.statements)


def test_any_verb_by_which_a_speaker_puts_a_that_clause_reports_it(run):
    s = only(run("Posts on the message board theorized that a denial-of-service attack had occurred."))
    assert s.content_text == "a denial-of-service attack had occurred"


def test_a_belief_with_a_that_clause_is_not_a_statement(run):
    assert run("The minister believes that the plan will work.").statements == ()


def test_quoted_as_saying_is_said_by_the_one_quoted(run):
    s = only(run("Senator Tom Blake was quoted as saying the vote would be delayed."))
    assert (s.content_text, s.speaker_name) == ("the vote would be delayed", "Tom Blake")


def test_a_contrast_after_a_report_is_the_article_s(run):
    s = run("Officials said at least 20 people had died, while the army put the toll at 35.").statements[0]
    assert s.content_text == "at least 20 people had died"


def test_asking_not_to_be_named_is_no_statement(run):
    s = only(run("A spokeswoman for the company, who asked not to be named, said sales fell."))
    assert s.content_text == "sales fell"
