"""The headline and site name in a page's first lines, and the headline's repeats."""

from __future__ import annotations

import pytest

from wirewatch.ingest.headlines import find_headline, repeats_headline, strip_site

HEAD = "Harbour strike enters second week as talks stall"


@pytest.mark.parametrize(
    "first",
    [
        f"Harbour Daily - {HEAD}",
        f"{HEAD} - Harbour Daily",
        f"{HEAD} | Harbour Daily",
        f"Harbour Daily | {HEAD}",
    ],
)
def test_site_and_headline_told_apart_by_the_repeat(first: str) -> None:
    lines = [first, HEAD, "Dock workers walked out on Monday, the union said."]
    found = find_headline(lines)
    assert (found.title, found.site_name, found.line) == (HEAD, "Harbour Daily", 0)


def test_repeat_with_caption_counts() -> None:
    lines = [f"Harbour Daily - {HEAD}", f"{HEAD} / Photo: Sam Lee/AFP", "Body text follows here, at length."]
    assert find_headline(lines).title == HEAD


def test_site_name_recognised_without_a_repeat() -> None:
    found = find_headline([f"{HEAD} - The Harbour Times", "Dock workers walked out on Monday."])
    assert (found.title, found.site_name) == (HEAD, "The Harbour Times")
    found = find_headline([f"harbourdaily.com | {HEAD}", "Dock workers walked out on Monday."])
    assert (found.title, found.site_name) == (HEAD, "harbourdaily.com")


def test_dash_inside_a_headline_is_not_a_site_separator() -> None:
    title = "Harbour strike - what we know so far"
    found = find_headline([title, "Dock workers walked out on Monday."])
    assert (found.title, found.site_name) == (title, None)


def test_body_first_means_no_headline() -> None:
    lines = ["Dock workers walked out on Monday, the union said.", "Talks resume on Friday."]
    assert find_headline(lines).title is None


def test_one_line_text_is_a_body_not_a_headline() -> None:
    assert find_headline(['Kirby said "we know what Russia needs"']).title is None


def test_section_labels_before_the_headline() -> None:
    found = find_headline(["World", HEAD, "Dock workers walked out on Monday."])
    assert (found.title, found.line, found.labels) == (HEAD, 1, (0,))


def test_known_title_finds_its_line_and_the_site() -> None:
    found = find_headline([f"Harbour Daily - {HEAD}", "Dock workers walked out."], title=HEAD)
    assert (found.title, found.site_name, found.line) == (HEAD, "Harbour Daily", 0)


def test_known_title_not_in_the_text() -> None:
    found = find_headline(["Dock workers walked out on Monday.", "More text."], title="  Strike  news ")
    assert (found.title, found.line) == ("Strike news", None)


@pytest.mark.parametrize(
    "line",
    [
        HEAD,
        f"  {HEAD.upper()} ",
        f"{HEAD} / Photo: Sam Lee/AFP/File",
        f"{HEAD} (Photo: Reuters)",
        f"{HEAD} - Harbour Daily",
        f"Harbour Daily | {HEAD}",
    ],
)
def test_repeats(line: str) -> None:
    assert repeats_headline(line, HEAD, "Harbour Daily")


@pytest.mark.parametrize(
    "line", [f"{HEAD}, the union said on Monday.", "Harbour strike enters", f"Other Site | {HEAD} today"]
)
def test_not_repeats(line: str) -> None:
    assert not repeats_headline(line, HEAD, "Harbour Daily")


def test_strip_site() -> None:
    assert strip_site(f"{HEAD} | Harbour Daily", "Harbour Daily") == HEAD
    assert strip_site(f"Harbour Daily - {HEAD}", "Harbour Daily") == HEAD
    assert strip_site(HEAD, None) == HEAD


def test_hyphenated_continuation_is_not_a_repeat() -> None:
    assert not repeats_headline("Harbour strike-hit ports reopened on Friday.", "Harbour strike")
