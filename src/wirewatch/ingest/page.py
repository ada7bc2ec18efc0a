"""What the cleaners hand on: a page reduced to its title, metadata and paragraphs.

Plain frozen data, shared by the plain-text cleaner (``cleaning``) and the HTML reader
(``html``), so that ``articles.build_article`` has one input shape.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of body text, or a section subhead when ``heading`` is true."""

    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """A page without its chrome. ``title`` is the headline, found once."""

    title: str | None
    site_name: str | None
    dateline: str | None
    published: str | None
    paragraphs: tuple[Paragraph, ...]
