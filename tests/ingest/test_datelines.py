"""Datelines: alone on a line, or opening the first paragraph."""

from __future__ import annotations

import pytest

from wirewatch.ingest.datelines import dateline_line, split_lead


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("BERLIN (AP) — The chancellor said", "BERLIN (AP)", "The chancellor said"),
        ("MADRID, Nov 3 (Reuters) - Spanish police", "MADRID, Nov 3 (Reuters)", "Spanish police"),
        ("NAIROBI: Kenya's president", "NAIROBI", "Kenya's president"),
        ("PORTLAND, Maine – The city council", "PORTLAND, Maine", "The city council"),
        ("ST. PAUL, Minn. (AP) — A judge", "ST. PAUL, Minn. (AP)", "A judge"),
        ("SAN JOSE, Calif. – Residents", "SAN JOSE, Calif.", "Residents"),
        ("Boulder, Colo. — Snow fell", "Boulder, Colo.", "Snow fell"),
        ("Fort Worth, Texas (AP) - The team", "Fort Worth, Texas (AP)", "The team"),
        ("Lyon – Several hundred", "Lyon", "Several hundred"),
        ("QUITO, Ecuador, March 3 (AP) — Police", "QUITO, Ecuador, March 3 (AP)", "Police"),
        ("NEW DELHI (Reuters) - “We are ready,” he said", "NEW DELHI (Reuters)", "“We are ready,” he said"),
    ],
)
def test_lead(paragraph: str, dateline: str, rest: str) -> None:
    assert split_lead(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "BREAKING: The council has resigned.",
        "EDITOR'S NOTE: This story contains graphic details.",
        "LIVE UPDATES - The vote is under way.",
        "The mayor — who was re-elected in May — said the budget was fair.",
        "Officials said — without giving details — that talks had stalled.",
        "NATO allies met on Tuesday.",
        "A FARMER who found a meteorite has sold it.",
        "Lyon - the city said on Monday",
    ],
)
def test_not_a_lead(paragraph: str) -> None:
    assert split_lead(paragraph) == (None, paragraph)


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("Berlin -", "Berlin"),
        ("NAIROBI —", "NAIROBI"),
        ("Kyiv, Ukraine -", "Kyiv, Ukraine"),
        ("MADRID, Nov 3 (AFP) -", "MADRID, Nov 3 (AFP)"),
        ("  Lyon –  ", "Lyon"),
    ],
)
def test_dateline_line(line: str, dateline: str) -> None:
    assert dateline_line(line) == dateline


@pytest.mark.parametrize(
    "line", ["Berlin", "The end -", "BREAKING:", "Council votes on budget -", "Berlin - The"]
)
def test_not_a_dateline_line(line: str) -> None:
    assert dateline_line(line) is None


@pytest.mark.parametrize("line", ["Information:", "Contact:", "Weather -:"])
def test_mixed_case_label_with_colon_is_not_a_dateline(line: str) -> None:
    assert dateline_line(line) is None


def test_caps_place_with_colon_is_a_dateline() -> None:
    assert dateline_line("NAIROBI:") == "NAIROBI"
