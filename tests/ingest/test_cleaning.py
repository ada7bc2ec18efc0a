"""clean_scraped_text: the reference wire story, then one short page per rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.ingest.cleaning import clean_scraped_text
from wirewatch.ingest.page import Paragraph


def bodies(text: str) -> list[str]:
    return [p.text for p in clean_scraped_text(text).paragraphs if not p.heading]


# -- the reference article ---------------------------------------------------------------


def test_reference_metadata(reference_text: str) -> None:
    page = clean_scraped_text(reference_text)
    assert page.title == "Russia seeks Iran drones after losses in Ukraine: White House"
    assert page.site_name == "Morning Chronicle"
    assert page.dateline == "London"
    assert page.published is None


def test_reference_body(reference_text: str) -> None:
    page = clean_scraped_text(reference_text)
    texts = [p.text for p in page.paragraphs]
    assert texts[0].startswith("A senior US official said Tuesday")
    assert [p.text for p in page.paragraphs if p.heading] == [
        "Divulging intelligence",
        "Drones play key role",
    ]
    assert "Text size:" not in texts
    assert not any("Photo" in t or t.startswith("Russia seeks Iran drones") for t in texts)


def test_reference_paragraphs_are_verbatim(reference_text: str) -> None:
    page = clean_scraped_text(reference_text)
    lines = [line for line in reference_text.split("\n") if line.strip()]
    expected = lines[lines.index(next(x for x in lines if x.startswith("A senior US official"))) :]
    expected = [x for x in expected if x != "Text size:"]
    rendered = [f"- {p.text} -" if p.heading else p.text for p in page.paragraphs]
    assert rendered == expected


# -- headline, site, dateline ------------------------------------------------------------

PAGE = """Harbour Daily - Dock strike spreads to second port

Berlin -

Dock strike spreads to second port
Dock strike spreads to second port / Photo: Sam Lee/AFP

Dock workers in a second port walked out on Tuesday, the union said.

Share

"We are not going back," a union official said."""


def test_headline_site_and_dateline_line() -> None:
    page = clean_scraped_text(PAGE)
    assert (page.title, page.site_name, page.dateline) == (
        "Dock strike spreads to second port",
        "Harbour Daily",
        "Berlin",
    )
    assert bodies(PAGE) == [
        "Dock workers in a second port walked out on Tuesday, the union said.",
        '"We are not going back," a union official said.',
    ]


def test_known_title_still_strips_repeats() -> None:
    page = clean_scraped_text(PAGE, title="Dock strike spreads to second port")
    assert page.title == "Dock strike spreads to second port"
    assert page.site_name == "Harbour Daily"
    assert bodies(PAGE)[0].startswith("Dock workers")


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("BERLIN (AP) — Dock workers walked out on Tuesday.", "BERLIN (AP)"),
        ("MADRID, Nov 3 (Reuters) - Dock workers walked out on Tuesday.", "MADRID, Nov 3 (Reuters)"),
        ("NAIROBI: Dock workers walked out on Tuesday.", "NAIROBI"),
    ],
)
def test_dateline_lead_of_first_paragraph(lead: str, dateline: str) -> None:
    text = f"Dock strike spreads to second port\n\n{lead}\n\nTalks resume on Friday."
    page = clean_scraped_text(text)
    assert page.dateline == dateline
    assert page.paragraphs[0].text == "Dock workers walked out on Tuesday."


def test_dateline_only_from_the_first_body_paragraph() -> None:
    text = "Dock workers walked out on Tuesday in a second port.\n\nBERLIN (AP) — A later paragraph."
    page = clean_scraped_text(text)
    assert page.dateline is None
    assert page.paragraphs[1].text == "BERLIN (AP) — A later paragraph."


def test_site_credit_lead_is_stripped() -> None:
    text = "Harbour Daily - Dock strike spreads\n\nDock strike spreads\n\nHarbour Daily - Workers walked out."
    assert bodies(text) == ["Workers walked out."]


def test_section_label_above_the_headline_is_dropped() -> None:
    text = "Business\n\nDock strike spreads to second port\n\nDock workers walked out on Tuesday."
    page = clean_scraped_text(text)
    assert page.title == "Dock strike spreads to second port"
    assert bodies(text) == ["Dock workers walked out on Tuesday."]


def test_published_from_a_timestamp_line() -> None:
    text = "Dock strike spreads to second port\n\nPublished: 12 March 2024\n\nDock workers walked out."
    page = clean_scraped_text(text)
    assert page.published == "2024-03-12"
    assert bodies(text) == ["Dock workers walked out."]


# -- chrome ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "Text size:",
        "Advertisement",
        "Read more: Why ports matter",
        "Sign up for our newsletter",
        "Click here to subscribe",
        "We use cookies to improve your experience.",
        "Follow us on Twitter",
        "Copyright 2024 Harbour Daily",
        "All rights reserved.",
        "Related: Port closures explained",
        "Image copyright Port Authority",
        "Getty Images",
        "Dock workers at the gate on Monday /AFP",
        "(Photo: Reuters)",
    ],
)
def test_chrome_lines_are_dropped(chrome: str) -> None:
    text = f"Dock workers walked out on Tuesday.\n\n{chrome}\n\nTalks resume on Friday."
    assert bodies(text) == ["Dock workers walked out on Tuesday.", "Talks resume on Friday."]


def test_chrome_inside_a_block_is_dropped_before_joining() -> None:
    text = (
        "Dock workers in the second port walked out on Tuesday and\n"
        "Advertisement\n"
        "said they would stay out until Friday."
    )
    assert bodies(text) == [
        "Dock workers in the second port walked out on Tuesday and said they would stay out until Friday."
    ]


# -- paragraphs --------------------------------------------------------------------------


def test_wrapped_lines_are_joined() -> None:
    text = (
        "Dock workers in the second port walked out on Tuesday,\n"
        "saying talks over pay had stalled, and the union warned\n"
        "that more ports could follow."
    )
    assert bodies(text) == [
        "Dock workers in the second port walked out on Tuesday, saying talks over pay had stalled, "
        "and the union warned that more ports could follow."
    ]


def test_one_paragraph_per_line_is_kept() -> None:
    text = "Dock workers walked out on Tuesday.\nTalks resume on Friday.\nThe union declined to comment."
    assert len(bodies(text)) == 3


def test_short_lines_and_list_items_stay_separate() -> None:
    text = "The union has three demands:\n- higher pay\n- shorter shifts\n- safety checks"
    assert bodies(text) == [
        "The union has three demands:",
        "- higher pay",
        "- shorter shifts",
        "- safety checks",
    ]


def test_short_line_followed_by_lowercase_is_joined() -> None:
    assert bodies("The port authority\nsaid on Monday it would appeal.") == [
        "The port authority said on Monday it would appeal."
    ]


def test_characters_inside_paragraphs_are_kept() -> None:
    line = "“It’s over,” he said\u00a0— twice.  Then: ‘no’ (again)…"
    assert bodies(f"Dock workers walked out on Tuesday.\n\n   {line}   \n") == [
        "Dock workers walked out on Tuesday.",
        line,
    ]


# -- subheads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subhead",
    ["- Pay talks stall -", "— Pay talks stall —", "## Pay talks stall", "**Pay talks stall**"],
)
def test_decorated_subheads(subhead: str) -> None:
    text = f"Dock workers walked out on Tuesday.\n\n{subhead}\n\nTalks resume on Friday."
    page = clean_scraped_text(text)
    assert page.paragraphs[1] == Paragraph("Pay talks stall", heading=True)


@pytest.mark.parametrize("subhead", ["Pay Talks Stall", "WHAT COMES NEXT", "What Happens Next?"])
def test_undecorated_subheads_between_body_paragraphs(subhead: str) -> None:
    text = f"Dock workers walked out on Tuesday.\n\n{subhead}\n\nTalks resume on Friday."
    assert clean_scraped_text(text).paragraphs[1] == Paragraph(subhead, heading=True)


@pytest.mark.parametrize("line", ["Pay talks stall", "He said no.", "Jones, 34"])
def test_short_lines_that_are_not_subheads(line: str) -> None:
    text = f"Dock workers walked out on Tuesday.\n\n{line}\n\nTalks resume on Friday."
    assert clean_scraped_text(text).paragraphs[1] == Paragraph(line)


def test_subhead_needs_body_text_before_it() -> None:
    text = "Dock Strike Spreads\n\nDock workers walked out on Tuesday in the second port of the country."
    page = clean_scraped_text(text)
    assert not any(p.heading for p in page.paragraphs)


# -- properties --------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "",
        "Share",
        "Berlin -",
        "BERLIN (AP) — Dock workers walked out.",
        "- Pay talks stall -",
        "Harbour Daily - Dock strike spreads",
        "Dock strike spreads",
        "Dock strike spreads / Photo: AFP",
        "Pay Talks Stall",
        "Dock workers walked out on Tuesday, the union said.",
        "and then they went home",
    ]
)


@given(st.text())
def test_never_crashes_on_any_text(raw: str) -> None:
    page = clean_scraped_text(raw)
    for paragraph in page.paragraphs:
        assert paragraph.text.strip() == paragraph.text != ""
        assert "\n" not in paragraph.text


@given(st.lists(LINES, max_size=25).map("\n".join))
def test_never_crashes_on_page_like_text(raw: str) -> None:
    page = clean_scraped_text(raw)
    assert all(p.text and "\n" not in p.text for p in page.paragraphs)
    assert page.title is None or page.title.strip() == page.title != ""


# -- whole pages in other house styles (written for these tests) ------------------------

AP_STYLE = """Harbour strike spreads to second port | Harbour Daily
Skip to main content
Home > Business > Shipping

Harbour strike spreads to second port

By JANE ROE Associated Press
Published 10:31 AM EST Mar 12, 2024

Facebook Twitter Email

Dock workers picket outside the main gate on Monday. (AP Photo/Sam Lee)

BREMEN, Germany (AP) — Dock workers in a second German port walked out on Tuesday,
widening a strike that has already left dozens of container ships waiting offshore.

"We are not going back until the offer changes," union leader Karl Weiss told reporters.

Advertisement

WHAT COMES NEXT

The port authority said it would make a new offer on Friday.

Associated Press writer Sam Lee in Hamburg contributed to this report.

Copyright 2024 The Associated Press. All rights reserved. This material may not be published,
broadcast, rewritten or redistributed."""


def test_ap_style_page() -> None:
    page = clean_scraped_text(AP_STYLE)
    assert (page.title, page.site_name, page.dateline, page.published) == (
        "Harbour strike spreads to second port",
        "Harbour Daily",
        "BREMEN, Germany (AP)",
        "2024-03-12",
    )
    assert [(p.text, p.heading) for p in page.paragraphs] == [
        (
            "Dock workers in a second German port walked out on Tuesday, widening a strike that has "
            "already left dozens of container ships waiting offshore.",
            False,
        ),
        ('"We are not going back until the offer changes," union leader Karl Weiss told reporters.', False),
        ("WHAT COMES NEXT", True),
        ("The port authority said it would make a new offer on Friday.", False),
    ]


REUTERS_STYLE = """Harbour strike spreads to second port - Harbour Wire

Harbour strike spreads to second port

3 min read

PARIS, Nov 3 (Reuters) - French dock workers joined the strike on Sunday, the CGT union said.

The union said talks would resume on Monday.

Reporting by Jane Roe; Editing by Sam Lee

Our Standards: The Harbour Wire Trust Principles."""


def test_reuters_style_page() -> None:
    page = clean_scraped_text(REUTERS_STYLE)
    assert (page.title, page.site_name, page.dateline) == (
        "Harbour strike spreads to second port",
        "Harbour Wire",
        "PARIS, Nov 3 (Reuters)",
    )
    assert [p.text for p in page.paragraphs] == [
        "French dock workers joined the strike on Sunday, the CGT union said.",
        "The union said talks would resume on Monday.",
    ]
