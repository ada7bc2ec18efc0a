"""When an event happened: a date expression attached to its verb, resolved with dateparser.

Only expressions the parser hangs on the trigger verb count ("attacked on Monday",
"will begin in early July", "met Tuesday"); they are resolved against the article's
publication date, so without one there is nothing to anchor "Monday" and the date is
None. A weekday is the last one before publication for what happened and the next one
for what is planned.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from spacy.tokens import Token

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_VAGUE = re.compile(r"^(early|mid|late|the end of|the start of|the beginning of)[\s-]+", re.IGNORECASE)


def date_of(
    trigger: Token, published: str | None, planned: bool = False
) -> tuple[str, str, tuple[int, int]] | None:
    """``(ISO date, granularity, (start, end))`` for the trigger's date expression, or None."""
    if not published:
        return None
    words = _expression(trigger)
    if words is None:
        return None
    try:
        base = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None
    text = trigger.doc.text[words[0] : words[1]]
    resolved = resolve(text, base, planned)
    if resolved is None:
        return None
    return resolved[0], resolved[1], words


def resolve(text: str, base: datetime.date, future: bool = False) -> tuple[str, str] | None:
    """ "Monday" -> the Monday before ``base`` (after it when ``future``); "early July" -> July."""
    clean = _VAGUE.sub("", text.strip().lower()).removeprefix("on ").removeprefix("in ").strip()
    if clean in _WEEKDAYS:
        delta = (base.weekday() - _WEEKDAYS.index(clean)) % 7
        day = (
            base + datetime.timedelta(days=(7 - delta) % 7 or 7)
            if future
            else base - datetime.timedelta(days=delta)
        )
        return day.isoformat(), "day"
    if clean in _MONTHS:
        month = _MONTHS.index(clean) + 1
        year = (
            base.year
            + (1 if future and month < base.month else 0)
            - (1 if not future and month > base.month else 0)
        )
        return datetime.date(year, month, 1).isoformat(), "month"
    if re.fullmatch(r"(19|20)\d\d", clean):
        return f"{clean}-01-01", "year"
    if clean in ("today", "yesterday", "tomorrow"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[clean]
        return (base + datetime.timedelta(days=shift)).isoformat(), "day"
    if clean in ("last week", "this week", "next week"):
        monday = base - datetime.timedelta(days=base.weekday())
        shift = {"last week": -7, "this week": 0, "next week": 7}[clean]
        return (monday + datetime.timedelta(days=shift)).isoformat(), "week"
    return _dateparser(clean, base, future)


def _dateparser(text: str, base: datetime.date, future: bool) -> tuple[str, str] | None:
    """Full dates and other expressions ("March 3", "3 March 2022", "two days ago")."""
    parse = _parser()
    settings = {
        "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": False,
        "REQUIRE_PARTS": [],
    }
    try:
        found = parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", text)) or "ago" in text
    if not has_day and any(m in text for m in _MONTHS):
        return found.date().replace(day=1).isoformat(), "month"
    return found.date().isoformat(), "day"


@cache
def _parser():  # type: ignore[no-untyped-def]
    # dateparser takes a second to import: only articles with a publication date pay it.
    import dateparser

    return dateparser.parse


def _expression(trigger: Token) -> tuple[int, int] | None:
    """The DATE entity the trigger governs directly or through "on"/"in"/"by"/"until"."""
    candidates: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("npadvmod", "tmod", "obl"):
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "by", "until", "since", "from", "during"):
            candidates.extend(g for g in child.children if g.dep_ == "pobj")
    for token in candidates:
        if token.ent_type_ == "DATE":
            entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if entity is not None:
                return entity.start_char, entity.end_char
    return None
