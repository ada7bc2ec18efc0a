"""build_article: the text every span points into."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.ingest.articles import build_article
from wirewatch.ingest.cleaning import clean_scraped_text
from wirewatch.ingest.page import CleanedPage, Paragraph
from wirewatch.model import Article

PAGE = CleanedPage(
    title="Dock strike spreads",
    site_name="Harbour Daily",
    dateline="BERLIN (AP)",
    published="2024-03-12",
    paragraphs=(
        Paragraph("Dock workers walked out on Tuesday."),
        Paragraph("Pay talks stall", heading=True),
        Paragraph("Talks resume on Friday."),
    ),
)


def assert_spans_point_into_text(article: Article) -> None:
    spans = ([article.headline] if article.headline else []) + list(article.headings)
    for span in spans:
        assert article.text[span.start : span.end] == span.text


def test_text_layout_and_spans() -> None:
    article = build_article(PAGE, id="a1", url="https://example.org/a1")
    assert article.text == (
        "Dock strike spreads\n\n"
        "Dock workers walked out on Tuesday.\n\n"
        "Pay talks stall\n\n"
        "Talks resume on Friday."
    )
    assert article.headline is not None
    assert (article.headline.text, article.headline.start) == ("Dock strike spreads", 0)
    assert [h.text for h in article.headings] == ["Pay talks stall"]
    assert_spans_point_into_text(article)
    assert (article.id, article.title, article.site_name, article.dateline, article.url) == (
        "a1",
        "Dock strike spreads",
        "Harbour Daily",
        "BERLIN (AP)",
        "https://example.org/a1",
    )


def test_published_argument_wins_over_the_page() -> None:
    assert build_article(PAGE, id="a").published == "2024-03-12"
    assert build_article(PAGE, id="a", published="2024-03-13").published == "2024-03-13"


def test_no_title() -> None:
    page = CleanedPage(None, None, None, None, (Paragraph("Only a body."),))
    article = build_article(page, id="a")
    assert (article.text, article.headline, article.title) == ("Only a body.", None, None)


def test_reference_article(reference_text: str) -> None:
    article = build_article(clean_scraped_text(reference_text), id="iran")
    assert article.text.startswith(
        "Russia seeks Iran drones after losses in Ukraine: White House\n\nA senior US official said Tuesday"
    )
    assert [h.text for h in article.headings] == ["Divulging intelligence", "Drones play key role"]
    assert_spans_point_into_text(article)


PARAGRAPHS = st.lists(st.builds(Paragraph, st.text(), st.booleans()), max_size=8).map(tuple)


@given(st.builds(CleanedPage, st.none() | st.text(), st.none(), st.none(), st.none(), PARAGRAPHS))
def test_spans_point_into_text_for_any_page(page: CleanedPage) -> None:
    assert_spans_point_into_text(build_article(page, id="fuzz"))


@given(st.text(), st.none() | st.text())
def test_spans_point_into_text_after_cleaning_any_text(raw: str, title: str | None) -> None:
    article = build_article(clean_scraped_text(raw, title=title), id="fuzz")
    assert_spans_point_into_text(article)
    assert len(article.headings) == sum(p.heading for p in clean_scraped_text(raw, title=title).paragraphs)
