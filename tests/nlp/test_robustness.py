"""The extractor never crashes and never points outside the text, whatever it is given."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import assert_spans_exact

PIECES = [
    "said", "told", "according to", "he", "She", "Kirby", "John Kirby", "the ministry", "that",
    '"', "“", "”", ",", ".", ":", "\n\n", "\n", " ", "Iran", "added", "We will", "not",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join), st.booleans())
def test_spans_always_point_into_the_text(run, text, with_headline):
    result = run(text, headline="Talks fail: Kirby" if with_headline else None)
    assert_spans_exact(result)


def test_empty_and_whitespace_text(run):
    assert run("").statements == ()
    assert run(" \n\n ").statements == ()


def test_a_very_long_paragraph(run):
    sentence = 'The minister said that the plan would work. "It will," she added. '
    result = run(sentence * 300)
    assert len(result.statements) >= 300


def test_a_sentence_that_is_only_a_reporting_frame(run):
    for text in ("According to police.", "Title\n\nAccording to the ministry.", "According to police, ."):
        assert run(text).statements == ()
