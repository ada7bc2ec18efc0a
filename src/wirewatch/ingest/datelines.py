"""Datelines: where (and sometimes when, and from which agency) a story was filed.

Two shapes: a standalone line in the page header (``London -``), and a lead opening
the first body paragraph (``WASHINGTON (AP) — The ...``). Both are returned without
the dash, so ``dateline`` reads "WASHINGTON (AP)", and removed from the body.
"""

from __future__ import annotations

import re

from wirewatch.ingest.dates import MONTH

# Place names: all capitals ("SIOUX FALLS", "ST. JOSEPH", "U.S.") or capitalised words.
_CAPS_PLACE = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
_MIXED_PLACE = r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2}"
# What may follow the place: a state or country (", Mich.", ", Vietnam"), a day
# (", Nov 3", ", 3 November 2022"), an agency in brackets ("(AP)", "(Reuters)").
_REGION = r",\s*[A-Z][A-Za-z.'’]*(?:\s+[A-Z][A-Za-z.'’]*){0,2}"
_DAY = rf",\s*(?:{MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?"
_AGENCY = r"\s*\([A-Z][\w.&’'/ -]{0,30}\)"
_DASH = r"(?:-{1,2}|[–—])"
# What a body may start with after the dateline: a capital, a digit or a quote.
_BODY_START = r"(?=[A-Z0-9\"“‘'(\[])"

# Leads, tried in order, each more careful than the last because mixed-case words
# ("Kirby — The ...") are more often names than places.
_CAPS_LEAD = rf"{_CAPS_PLACE}(?:{_REGION})??(?:{_DAY})?(?:{_AGENCY})?"
_AGENCY_LEAD = rf"{_MIXED_PLACE}(?:{_REGION})?(?:{_DAY})?{_AGENCY}"
_REGION_LEAD = rf"{_MIXED_PLACE}{_REGION}(?:{_DAY})?"
_ONE_WORD_LEAD = rf"[A-Z][a-z'’]+(?:{_DAY})?"
LEAD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "WASHINGTON (AP) — ", "PARIS, Nov 3 (Reuters) - ", "LONDON: ", "CLEVELAND, Ohio – ".
    ("caps_place", re.compile(rf"(?P<dateline>{_CAPS_LEAD})\s*(?:{_DASH}|:)\s+{_BODY_START}")),
    # "Santa Fe, N.M. (AP) - ": a capitalised place is a dateline when an agency follows,
    ("place_with_agency", re.compile(rf"(?P<dateline>{_AGENCY_LEAD})\s*{_DASH}\s+{_BODY_START}")),
    # "Dekalb, Ill. — ": ... or a state/country and a dash,
    ("place_with_region", re.compile(rf"(?P<dateline>{_REGION_LEAD})\s*{_DASH}\s+{_BODY_START}")),
    # "Indianapolis – Several ...": ... or it is one word and a long dash (not a hyphen).
    ("place_with_long_dash", re.compile(rf"(?P<dateline>{_ONE_WORD_LEAD})\s*[–—]\s+{_BODY_START}")),
)

# A dateline alone on its line: "London -", "WASHINGTON —", "Kyiv, Ukraine, March 3 -", "LONDON:".
# A colon only after capitals: "Contact:" or "Information:" are labels, not places.
_LINE_TAIL = rf"(?:{_REGION})?(?:{_DAY})?(?:{_AGENCY})?"
LINE_PATTERN = re.compile(
    rf"(?P<dateline>{_CAPS_PLACE}{_LINE_TAIL})\s*(?:{_DASH}|:)|(?P<mixed>{_MIXED_PLACE}{_LINE_TAIL})\s*{_DASH}"
)

# All-caps labels that open paragraphs the way datelines do, but are not places
# ("BREAKING:", "LIVE UPDATES -", "EDITOR'S NOTE:"). A place made only of these is a label.
_LABEL_WORDS = """
    BREAKING NEWS UPDATE UPDATED UPDATES EXCLUSIVE NEW WATCH LIVE ANALYSIS OPINION EDITORIAL
    EDITOR VIDEO PHOTOS PHOTO CORRECTION CLARIFICATION ALERT FLASH URGENT NOTE FILE REVIEW
    INTERVIEW COMMENT EXPLAINER FACT CHECK WARNING SPOILER FAQ Q A
"""
NOT_PLACES = frozenset(_LABEL_WORDS.split())


def _is_place(dateline: str) -> bool:
    place = re.split(r"[,(]", dateline, maxsplit=1)[0]
    words = [re.sub(r"['’]S$", "", word) for word in place.upper().split()]
    return not all(word in NOT_PLACES for word in words)


def dateline_line(line: str) -> str | None:
    """The dateline if the whole line is one (``London -`` -> "London"), else None."""
    match = LINE_PATTERN.fullmatch(line.strip())
    dateline = match and (match["dateline"] or match["mixed"])
    if not dateline or not _is_place(dateline):
        return None
    return dateline.strip()


def split_lead(paragraph: str) -> tuple[str | None, str]:
    """Split a dateline off the start of a body paragraph: (dateline or None, the rest)."""
    for _name, pattern in LEAD_PATTERNS:
        match = pattern.match(paragraph)
        if match and _is_place(match["dateline"]):
            return match["dateline"].strip(), paragraph[match.end() :]
    return None, paragraph
