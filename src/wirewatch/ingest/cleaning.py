"""Plain text as scraped from a news page (chrome included) -> a :class:`CleanedPage`.

The steps, in the order they run (each relies on the ones before it):

1. split into blocks at blank lines; strip each line (characters inside are kept as is);
2. read ``published`` from the first time-stamp or date line;
3. drop chrome lines (``chrome.CHROME``: captions, credits, share/ad/newsletter UI, ...),
   line by line, before joining, so a caption inside a block is not glued to the text;
   a long chrome line that wraps (a copyright notice) takes its lowercase continuation along;
4. find the headline and site name in the first lines (``headlines``), drop that line,
   the section labels above it, and every later repeat of the headline;
5. join hard-wrapped lines of a block into one paragraph (the wrap rules below);
6. ``finish_page`` (shared with the HTML reader): chrome paragraphs, repeated headlines,
   decorated subheads, the dateline line or lead, undecorated subheads.
"""

from __future__ import annotations

import re
from itertools import pairwise

from wirewatch.ingest.chrome import chrome_name
from wirewatch.ingest.datelines import dateline_line, split_lead
from wirewatch.ingest.dates import parse_date
from wirewatch.ingest.headlines import find_headline, repeats_headline
from wirewatch.ingest.page import CleanedPage, Paragraph

# Decorated subheads, tried in order; the ``text`` group is what is kept.
HEADING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "- Divulging intelligence -", "— Background —", "* * Reaction * *" (wire copy, AFP style).
    ("dashes", re.compile(r"[-–—=*•~]{1,3}\s+(?P<text>\S(?:.{0,100}\S)?)\s+[-–—=*•~]{1,3}")),
    # "## Background" (markdown-ish exports).
    ("markdown", re.compile(r"#{1,6}\s+(?P<text>\S(?:.{0,100}\S)?)(?:\s+#+)?")),
    # "**Background**" (bold-only lines from markdown exports).
    ("bold", re.compile(r"\*\*(?P<text>[^*\s](?:[^*]{0,100}[^*\s])?)\*\*")),
)
MAX_HEADING_WORDS = 15

# An undecorated subhead: short, capitalised, no comma inside ("Jones, 34" is a fragment)
# and no closing punctuation (a "?" is allowed: "What happens next?"). It must also be
# Title Case or ALL CAPS, see ``_is_subhead``.
SUBHEAD = re.compile(r"[A-Z0-9][^\n,;]{0,68}[^\s.,;:!…\"”'’)\]]|[A-Z]")
MAX_SUBHEAD_WORDS = 8

# A line is hard-wrapped into the next when it does not end a sentence, the next is not
# a list item, and it is long (filled to a wrap column) or the next starts in lowercase.
SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
LIST_ITEM = re.compile(r"(?:[-–—•*·▪►]|\d{1,3}[.)])\s")
WRAP_MIN_CHARS = 40

# A body paragraph, as opposed to header bits (dateline line, deck, labels): long or a sentence.
BODY_MIN_WORDS = 8
BODY_END = re.compile(r"[.!?…\"”’]$")

# Chrome patterns whose lines carry the publication date.
_DATED = frozenset({"timestamp", "date_line"})


def clean_scraped_text(raw: str, *, title: str | None = None) -> CleanedPage:
    """Clean scraped page text; ``title`` is a headline known from elsewhere (a record field)."""
    named = _chrome_names(
        [
            (block, line.strip())
            for block, text in enumerate(re.split(r"\n\s*\n", raw.replace("\r\n", "\n")))
            for line in text.split("\n")
            if line.strip()
        ]
    )
    dated = (parse_date(line) for _, line, name in named if name in _DATED)
    published = next((date for date in dated if date), None)
    lines = [(block, line) for block, line, name in named if name is None]
    headline = find_headline([line for _, line in lines], title)
    title, site_name = headline.title, headline.site_name
    dropped = set(headline.labels) | ({headline.line} if headline.line is not None else set())
    if title:
        dropped |= {i for i, (_, line) in enumerate(lines) if repeats_headline(line, title, site_name)}
    blocks: dict[int, list[str]] = {}
    for index, (block, line) in enumerate(lines):
        if index not in dropped:
            blocks.setdefault(block, []).append(line)
    paragraphs = [Paragraph(text) for block in blocks.values() for text in _join_wrapped(block)]
    return finish_page(paragraphs, title=title, site_name=site_name, published=published, guess_subheads=True)


def finish_page(
    paragraphs: list[Paragraph],
    *,
    title: str | None,
    site_name: str | None,
    published: str | None,
    guess_subheads: bool,
) -> CleanedPage:
    """The cleaning steps that apply to paragraphs from any reader (text or HTML).

    ``guess_subheads`` turns short Title Case lines into headings: right for plain text,
    where the markup is gone; not for HTML, where trafilatura reports real headings.
    """
    kept = [
        _decorated_heading(p)
        for p in paragraphs
        if chrome_name(p.text) is None
        if not (title and repeats_headline(p.text, title, site_name))
    ]
    first_body = next((i for i, p in enumerate(kept) if _is_body(p)), len(kept))
    dateline = None
    for i, p in enumerate(kept[:first_body]):
        if not p.heading and (dateline := dateline_line(p.text)):
            del kept[i]
            first_body -= 1
            break
    if first_body < len(kept):
        lead = _strip_site_lead(kept[first_body].text, site_name)
        if dateline is None:
            dateline, lead = split_lead(lead)
        kept[first_body] = Paragraph(lead)
    if guess_subheads:
        subheads = {i for i in range(first_body + 1, len(kept)) if _is_subhead(kept, i)}
        kept = [Paragraph(p.text, heading=True) if i in subheads else p for i, p in enumerate(kept)]
    return CleanedPage(title, site_name, dateline, published, tuple(kept))


def _chrome_names(lines: list[tuple[int, str]]) -> list[tuple[int, str, str | None]]:
    """Each line with the name of its chrome pattern (None for text)."""
    named: list[tuple[int, str, str | None]] = []
    for block, line in lines:
        name = chrome_name(line)
        if name is None and named and named[-1][0] == block and named[-1][2] is not None:
            last = named[-1][1]
            # The rest of a wrapped chrome line: only after a long one (not "Advertisement").
            if len(last) >= WRAP_MIN_CHARS and line[0].islower() and _wraps(last, line):
                name = named[-1][2]
        named.append((block, line, name))
    return named


def _wraps(last: str, line: str) -> bool:
    """Whether ``line`` continues ``last``, hard-wrapped."""
    if SENTENCE_END.search(last) or LIST_ITEM.match(line) or _is_decorated(last):
        return False
    return len(last) >= WRAP_MIN_CHARS or line[0].islower()


def _join_wrapped(lines: list[str]) -> list[str]:
    paragraphs = [lines[0]]
    for last, line in pairwise(lines):
        if _wraps(last, line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _is_decorated(text: str) -> bool:
    return any(pattern.fullmatch(text) for _, pattern in HEADING_PATTERNS)


def _decorated_heading(paragraph: Paragraph) -> Paragraph:
    for _name, pattern in HEADING_PATTERNS:
        match = pattern.fullmatch(paragraph.text)
        if match and len(match["text"].split()) <= MAX_HEADING_WORDS:
            return Paragraph(match["text"], heading=True)
    return paragraph


def _is_body(paragraph: Paragraph) -> bool:
    if paragraph.heading or dateline_line(paragraph.text):
        return False
    return len(paragraph.text.split()) >= BODY_MIN_WORDS or BODY_END.search(paragraph.text) is not None


def _is_subhead(paragraphs: list[Paragraph], index: int) -> bool:
    """A short Title Case or ALL CAPS line with body text before and after it."""
    text = paragraphs[index].text
    if paragraphs[index].heading or index + 1 >= len(paragraphs) or paragraphs[index + 1].heading:
        return False
    if not _is_body(paragraphs[index - 1]) or not SUBHEAD.fullmatch(text):
        return False
    words = text.split()
    if len(words) > MAX_SUBHEAD_WORDS:
        return False
    significant = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    title_case = bool(significant) and all(w[0].isupper() for w in significant)
    return title_case or (text.isupper() and sum(c.isalpha() for c in text) >= 3)


def _strip_site_lead(text: str, site_name: str | None) -> str:
    # "Example.net - Verified footage shows ...": the site credits itself like an agency.
    if site_name:
        match = re.match(rf"{re.escape(site_name)}\s*[-–—:|]\s+(?=\S)", text, re.IGNORECASE)
        if match:
            return text[match.end() :]
    return text
