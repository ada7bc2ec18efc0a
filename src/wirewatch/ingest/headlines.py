"""The headline and the site name, found in the first lines of a scraped page.

Scraped pages print the headline several times: in the first line (often as
``SITE - HEADLINE`` from the <title> tag), again as the <h1>, again with a photo caption
glued on. The copy that is repeated tells which half of ``SITE - HEADLINE`` (or
``HEADLINE | SITE``) is the headline; when nothing repeats, a half that reads like a
site name ("... News", "example.com") does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.ingest.datelines import dateline_line

# Between a site name and a headline in a <title>: " - ", " | ", " — ", " :: ", " » ".
SITE_SEPARATOR = re.compile(r"\s+(?:[-–—|]|::|[«»•·])\s+")
# What may follow a repeated headline on the same line: a caption or a credit.
# A dash or bracket needs a space before it: "Dock strike-hit ports ..." is not a repeat.
CAPTION_TAIL = re.compile(r"\s*[/|]|\s+[-–—(\[]|\s+(?:photo|image|picture|credit|video)s?\b", re.IGNORECASE)
# Last words of site names, for when nothing in the page repeats the headline.
_SITE_WORDS = """
    news times post herald journal tribune chronicle gazette guardian telegraph express mail
    star sun online today daily review weekly wire press radio tv network media report observer
    independent standard mirror monitor courier insider magazine agency bulletin dispatch record
    register sentinel examiner inquirer globe bbc cnn ap afp reuters bloomberg
"""
SITE_WORDS = frozenset(_SITE_WORDS.split())
SENTENCE_END = re.compile(r"[.,;:]$")
# A line ending in one of these words was cut mid-sentence; headlines do not end so.
_OPEN_ENDINGS = """
    a an the and or but of to in on at by for with from as that which who is are was were
"""
OPEN_ENDINGS = frozenset(_OPEN_ENDINGS.split())


@dataclass(frozen=True, slots=True)
class Headline:
    title: str | None
    site_name: str | None
    # Index of the line the headline was read from (it is consumed), else None.
    line: int | None = None
    # Section labels seen before the headline ("World", "Politics"): dropped.
    labels: tuple[int, ...] = ()


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_headline(lines: list[str], title: str | None = None) -> Headline:
    """Read the headline (and site name) from the first lines; ``title`` is a known headline."""
    labels: list[int] = []
    for index, line in enumerate(lines[:3]):
        if dateline_line(line):
            continue
        if title is None and index + 1 >= len(lines):
            break  # a text of one line is a body (a pasted sentence), not a headline
        if title is None and lines[index + 1][:1].islower():
            break  # the line goes on in the next one: a hard-wrapped sentence
        found = _read_title_line(line, lines[index + 1 :], title)
        if found is not None:
            return Headline(found[0], found[1], index, tuple(labels))
        if not _is_label(line):
            break
        labels.append(index)
    return Headline(" ".join(title.split()) if title else None, None)


def repeats_headline(line: str, title: str, site_name: str | None = None) -> bool:
    """Whether ``line`` is the headline again, maybe with a caption or the site name attached."""
    text, head = normalise(line), normalise(title)
    if not head:
        return False
    if text == head:
        return True
    site = normalise(site_name) if site_name else None
    if text.startswith(head):
        rest = text[len(head) :]
        if CAPTION_TAIL.match(rest):
            return True
        return site is not None and _trim_separators(rest) == site
    return site is not None and text.endswith(head) and _trim_separators(text[: -len(head)]) == site


def strip_site(title: str, site_name: str | None) -> str:
    """``Headline | Site`` -> ``Headline`` when the page told us the site name."""
    if not site_name:
        return title
    for left, right in _splits(title):
        if normalise(right) == normalise(site_name):
            return left
        if normalise(left) == normalise(site_name):
            return right
    return title


def _read_title_line(line: str, rest: list[str], title: str | None) -> tuple[str, str | None] | None:
    if title is not None:
        if normalise(line) == normalise(title):
            return " ".join(title.split()), None
        for left, right in _splits(line):
            if normalise(right) == normalise(title):
                return " ".join(title.split()), left
            if normalise(left) == normalise(title):
                return " ".join(title.split()), right
        return None
    repeated = len(line) <= 300 and not SENTENCE_END.search(line)
    if repeated and any(repeats_headline(other, line) for other in rest):
        return line, None
    for left, right in _splits(line):
        if _is_site_name(left) and any(repeats_headline(other, right) for other in rest):
            return right, left
        if _is_site_name(right) and any(repeats_headline(other, left) for other in rest):
            return left, right
    if not _is_headline(line):
        return None
    for left, right in _splits(line):
        if _names_a_site(left) and _is_headline(right):
            return right, left
        if _names_a_site(right) and _is_headline(left):
            return left, right
    return line, None


def _splits(line: str) -> list[tuple[str, str]]:
    return [(line[: m.start()].strip(), line[m.end() :].strip()) for m in SITE_SEPARATOR.finditer(line)]


def _trim_separators(text: str) -> str:
    return re.sub(r"^\s*(?:[-–—|:]+|[«»•·])\s*|\s*(?:[-–—|:]+|[«»•·])\s*$", "", text).strip()


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 40 or len(line) > 300 or SENTENCE_END.search(line):
        return False
    return words[-1].casefold() not in OPEN_ENDINGS


def _is_label(line: str) -> bool:
    return len(line.split()) <= 3 and not re.search(r"[.!?,;:\"“”]", line)


def _is_site_name(text: str) -> bool:
    return 0 < len(text.split()) <= 5 and len(text) <= 50 and not SENTENCE_END.search(text)


def _names_a_site(text: str) -> bool:
    if not _is_site_name(text):
        return False
    last = text.split()[-1]
    is_domain = re.search(r"\w\.(?:com|net|org|co\.uk|[a-z]{2})$", text, re.IGNORECASE) is not None
    return is_domain or last.casefold() in SITE_WORDS or (last.isupper() and 2 <= len(last) <= 6)
