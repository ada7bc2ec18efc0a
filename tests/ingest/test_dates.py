"""parse_date: the date forms news pages print, to ISO."""

from __future__ import annotations

import pytest

from wirewatch.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published: 2023-03-09T10:00:00Z", "2023-03-09"),
        ("Tuesday, 12 July 2022 10:31 BST", "2022-07-12"),
        ("Updated Nov. 3, 2019 at 5:02 pm", "2019-11-03"),
        ("September 21st, 2020", "2020-09-21"),
        ("3 Sept 2018", "2018-09-03"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["03/04/2022", "Updated 3 hours ago", "31 February 2022", "no date here"])
def test_no_date(text: str) -> None:
    assert parse_date(text) is None
