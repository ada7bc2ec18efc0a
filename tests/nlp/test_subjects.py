"""Subjects found from the words around a verb when the parse leaves it without one."""

from wirewatch.nlp.subjects import inverted_subject, misparsed_subject, verbless_subject


def verb(extractor, text, word):
    return next(t for t in extractor.nlp(text) if t.text == word)


def test_a_name_joined_to_a_leading_frame(extractor):
    text = "On Twitter, Adrian Wojnarowski, US sport columnist from ESPN, said Bryant was late."
    assert misparsed_subject(verb(extractor, text, "said")).text == "Wojnarowski"


def test_the_object_of_an_inverted_cue_at_the_end_of_its_sentence(extractor):
    text = "It is not for the court to opine about motives, argued the state's lawyer, Richard Keen."
    assert inverted_subject(verb(extractor, text, "argued")).text == "lawyer"


def test_a_bare_noun_sentence_with_a_participle(extractor):
    text = "The warnings called for gale force winds and heavy rain."
    assert verbless_subject(verb(extractor, text, "called")).text == "warnings"


def test_a_thing_after_an_inverted_cue_is_no_subject(extractor):
    text = "Mukherjee did not seek reelection, citing age and health concerns."
    assert inverted_subject(verb(extractor, text, "citing")) is None
