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


def test_inch_marks_and_empty_quotes_are_not_quotes():
    assert quoted('A 12"x9" print, and "" nothing.') == []


def test_guillemets():
    assert quoted("Il a dit « non » hier.") == ["non"]


@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,')), max_size=80))
def test_quotes_always_point_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= q.close <= len(text)
