"""Each chrome pattern, with lines written for it; and real sentences that must survive."""

from __future__ import annotations

import pytest

from wirewatch.ingest.chrome import CHROME, chrome_name

EXAMPLES = [
    ("caption_after_separator", "Council approves new budget / Photo: Jane Roe/Reuters"),
    ("caption_label", "Photo: Jane Roe/Reuters"),
    ("caption_label", "Picture credit: Port Authority"),
    ("photo_by", "Photo by Sam Lee"),
    ("image_copyright", "Image copyright Port Authority"),
    ("image_caption", "Image caption Firefighters at the scene on Sunday"),
    ("bracketed_credit", "(Photo: Reuters)"),
    ("bracketed_credit", "[Image: City Council]"),
    ("caption_agency_photo", "Firefighters work at the scene on Sunday. (AP Photo/Sam Lee)"),
    ("caption_agency_suffix", "Firefighters at the scene in Lyon on Sunday /AFP"),
    ("caption_agency_suffix", "Firefighters at the scene - Sam Lee/AFP/File"),
    ("stock_credit", "Getty Images"),
    ("stock_credit", "AFP via Getty Images"),
    ("text_size", "Text size:"),
    ("text_size", "Font size A A A"),
    ("share", "Share"),
    ("share", "Share this article"),
    ("share", "Facebook Twitter WhatsApp Email"),
    ("share", "Share on Facebook | Tweet | Email"),
    ("share", "14 comments"),
    ("advertisement", "Advertisement"),
    ("advertisement", "Story continues below advertisement"),
    ("advertisement", "Continue reading the main story"),
    ("read_more", "Read more"),
    ("read_more", "READ MORE: Harbour strike enters second week"),
    ("read_more", "See also: Council budget explained"),
    ("related", "Related: Harbour strike enters second week"),
    ("related", "Most read in business"),
    ("related", "More from Europe"),
    ("related", "Top stories"),
    ("originally_published", "This article was originally published on Example Science."),
    ("newsletter", "Sign up for our newsletter"),
    ("newsletter", "Subscribe now to get the morning briefing!"),
    ("newsletter", "Get our free Morning Briefing newsletter every weekday"),
    ("click_here", "Click here to read the full report"),
    ("cookies", "We use cookies to give you the best experience. By continuing you accept our policy."),
    ("cookies", "This website uses cookies."),
    ("cookies", "Accept all cookies"),
    ("follow_us", "Follow us on Twitter"),
    ("follow_us", "Follow @harbourdaily on Instagram for more"),
    ("reporting_credit", "Reporting by Jane Roe; Editing by Sam Lee"),
    ("reporting_credit", "Additional reporting by Jane Roe in Paris and Sam Lee in Lyon; Writing by Ann Poe"),
    ("contributed", "Harbour Wire writer Sam Lee in Hamburg contributed to this report."),
    ("standards", "Our Standards: The Harbour Wire Trust Principles."),
    ("copyright", "© 2024 Harbour Media Group"),
    ("copyright", "Copyright 2021 Harbour Daily. All rights reserved."),
    ("all_rights_reserved", "All rights reserved"),
    ("all_rights_reserved", "2024 Harbour Wire. All Rights Reserved."),
    ("byline", "By Jane Roe"),
    ("byline", "By SAM LEE and Jane Roe, Harbour Wire"),
    ("byline", "by Sam Lee | Staff writer"),
    ("timestamp", "Published: 12 March 2024"),
    ("timestamp", "Updated 3 hours ago"),
    ("timestamp", "Posted on Mar. 12, 2024 at 9:15 am"),
    ("date_line", "Tuesday, 12 March 2024 09:15 GMT"),
    ("date_line", "March 12, 2024 - 09:15 CET"),
    ("ui_control", "Skip to main content"),
    ("ui_control", "Listen to this article 4 min"),
    ("ui_control", "5 min read"),
    ("ui_control", "Watch video"),
    ("ui_control", "12 photos"),
    ("breadcrumb", "Home > News > Local"),
]

# Real sentences that start or end the way chrome does: they are text.
SENTENCES = [
    "Share prices fell sharply on Tuesday after the harbour strike was announced.",
    "Getty Images said on Monday it would cut 200 jobs.",
    "By Tuesday the talks had collapsed.",
    "Updated figures released on Monday show 5% growth.",
    "Photographs taken by residents showed flooded streets near the market on Sunday.",
    "Advertisement revenue fell by a third, the company said in its annual report.",
    "Related charges were dropped against two other defendants in March.",
    "Follow the money, the prosecutor told the jury on the third day of the trial.",
    "Copyright law was at the centre of the dispute, lawyers for both sides said.",
    "Sign language interpreters will be present at every council meeting from now on.",
    "She told reporters: “We will not be silenced.”",
    "Russia seeks Iran drones after losses in Ukraine: White House",
    "A spokeswoman said the Port Authority would publish the photos next week.",
    "Reporting by the local paper showed the harbour had been dredged twice.",
    "Editing by hand took the team three weeks, she said.",
]

# Image captions are named like this on some sites; covered by the image_copyright pattern.
ALIASES = {"image_caption": "image_copyright"}


@pytest.mark.parametrize(("name", "line"), EXAMPLES)
def test_chrome_line(name: str, line: str) -> None:
    assert chrome_name(line) == ALIASES.get(name, name)


@pytest.mark.parametrize("line", SENTENCES)
def test_sentence_is_not_chrome(line: str) -> None:
    assert chrome_name(line) is None


def test_every_pattern_has_an_example() -> None:
    tested = {ALIASES.get(name, name) for name, _ in EXAMPLES}
    assert tested == {pattern.name for pattern in CHROME}


def test_long_lines_are_never_chrome() -> None:
    # Chrome is short: past its limit even a matching line is text.
    long_line = "Read more " + "about the harbour strike and its effects on trade " * 5
    assert len(long_line) > 160
    assert chrome_name(long_line) is None


def test_surrounding_whitespace_is_ignored() -> None:
    assert chrome_name("   Advertisement \t") == "advertisement"
    assert chrome_name("   ") is None
