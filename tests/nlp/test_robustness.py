"""The extractor never crashes and never points outside the text, whatever it is given."""

from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = [
    "said", "told", "according to", "he", "She", "Kirby", "John Kirby", "the ministry", "that",
    '"', "“", "”", ",", ".", ":", "\n\n", "\n", " ", "Iran", "added", "We will", "not",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join), st.booleans())
def test_spans_always_point_into_the_text(run, text, with_headline):
    result = run(text, headline="Talks fail: Kirby" if with_headline else None)
    body = result.article.text
    for statement in result.statements:
        assert statement.content, statement
        for span in (*statement.content, statement.cue, statement.speaker):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(body)
                assert body[span.start : span.end] == span.text


def test_empty_and_whitespace_text(run):
    assert run("").statements == ()
    assert run(" \n\n ").statements == ()


def test_a_very_long_paragraph(run):
    sentence = 'The minister said that the plan would work. "It will," she added. '
    result = run(sentence * 300)
    assert len(result.statements) >= 300
