"""Relative dates resolved against the publication date, with their granularity."""

from __future__ import annotations

import datetime

import pytest

from wirewatch.nlp.event_dates import resolve

TUESDAY = datetime.date(2022, 7, 12)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Monday", False, ("2022-07-11", "day")),
        ("on Monday", False, ("2022-07-11", "day")),
        ("Tuesday", False, ("2022-07-12", "day")),
        ("Friday", True, ("2022-07-15", "day")),
        ("Tuesday", True, ("2022-07-19", "day")),
        ("early July", True, ("2022-07-01", "month")),
        ("February", False, ("2022-02-01", "month")),
        ("December", False, ("2021-12-01", "month")),
        ("2015", False, ("2015-01-01", "year")),
        ("yesterday", False, ("2022-07-11", "day")),
        ("last week", False, ("2022-07-04", "week")),
        ("March 3, 2021", False, ("2021-03-03", "day")),
    ],
)
def test_relative_dates(text: str, future: bool, expected: tuple[str, str]) -> None:
    assert resolve(text, TUESDAY, future) == expected


def test_what_is_not_a_date_is_none() -> None:
    assert resolve("", TUESDAY) is None
    assert resolve("the talks", TUESDAY) is None
