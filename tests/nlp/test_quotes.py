from hypothesis import given
from hypothesis import strategies as st

from wirewatch.nlp.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_marks():
    assert quoted('She said "no" and “yes”.') == ["no", "yes"]


def test_quote_open_at_paragraph_end_runs_to_that_end():
    text = '"The first part goes on\n\n"and ends here," she said.'
    assert quoted(text) == ["The first part goes on", "and ends here,"]


def test_quote_not_reopened_in_the_next_paragraph_closes_at_its_first_closing_mark():
    text = 'He said, "We learned a lot.\n\nIt was a long day." Then "we" left.'
    assert quoted(text) == ["We learned a lot.\n\nIt was a long day.", "we"]


def test_a_paragraph_that_opens_a_quote_of_its_own_does_not_close_the_last_one():
    text = 'She said, "We learned a lot.\n\nAnd he said "no" to it.'
    assert quoted(text) == ["We learned a lot.", "no"]


def test_a_mark_glued_to_the_word_before_opens_when_words_follow_it():
    assert quoted('He said that"...] costs remain high." Lewis left.') == ["...] costs remain high."]


def test_inch_marks_and_empty_quotes_are_not_quotes():
    assert quoted('A 12"x9" print, and "" nothing.') == []


def test_guillemets():
    assert quoted("Il a dit « non » hier.") == ["non"]


@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,')), max_size=80))
def test_quotes_always_point_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= q.close <= len(text)
