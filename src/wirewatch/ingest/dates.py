"""Calendar dates as news pages print them, and their ISO form for ``published``.

Shared by the chrome patterns (a standalone date line is page chrome) and the cleaner
(the first such date in the page header is the publication date).
"""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# A month name, full or abbreviated ("Sept." too); case-insensitive on its own.
MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

# "12 July 2022", "July 12, 2022", "Nov. 3 2019", "2022-07-12", "12/07/2022".
DATE = (
    rf"(?:\d{{1,2}}\s+{MONTH}\.?,?\s+\d{{4}}|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})")
_MONTH_DAY_YEAR = re.compile(rf"({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")


def parse_date(text: str) -> str | None:
    """The first unambiguous calendar date in ``text`` as ``yyyy-mm-dd``, or None.

    Numeric forms like ``03/04/2022`` are skipped: day-month or month-day cannot be told.
    """
    if match := _ISO.search(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_MONTH_YEAR.search(text):
        day, month, year = int(match[1]), MONTHS[match[2][:3].lower()], int(match[3])
    elif match := _MONTH_DAY_YEAR.search(text):
        month, day, year = MONTHS[match[1][:3].lower()], int(match[2]), int(match[3])
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
