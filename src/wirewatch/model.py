"""The typed data model that flows through every layer: ingest -> nlp -> store -> cli.

Every extracted fact carries :class:`Span` objects whose offsets point into
``Article.text`` (Python code-point offsets, end exclusive), so a user can always
click through to the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

StatementKind = Literal["direct", "indirect", "mixed", "headline"]
SpeakerType = Literal["person", "organization", "country", "unknown"]
# Whether an event happened, as the text tells it.
EventModality = Literal["occurred", "planned", "denied", "hypothetical"]
DateGranularity = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text every span points into, plus what the page said about it."""

    id: str
    text: str
    title: str | None = None
    site_name: str | None = None
    dateline: str | None = None
    published: str | None = None
    url: str | None = None
    # Span of the headline inside ``text`` (it opens the text when the input had one).
    headline: Span | None = None
    # Section subheads (``- Divulging intelligence -``): kept as structure, not as body sentences.
    headings: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "site_name": self.site_name,
            "dateline": self.dateline,
            "published": self.published,
            "url": self.url,
            "text": self.text,
            "headline": self.headline.to_dict() if self.headline else None,
            "headings": [h.to_dict() for h in self.headings],
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed statement, as defined by the attribution guidelines.

    ``content`` is one span, or several in text order when the quote is split by its
    cue (``"A," he said, "B."``).
    """

    kind: StatementKind
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    speaker_name: str | None
    speaker_role: str | None
    speaker_type: SpeakerType
    addressee: str | None = None

    @property
    def content_text(self) -> str:
        return " ".join(part.text for part in self.content)

    def to_dict(self) -> dict[str, Any]:
        content: Any = (
            self.content[0].to_dict() if len(self.content) == 1 else [p.to_dict() for p in self.content]
        )
        return {
            "kind": self.kind,
            "content": content,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "speaker_role": self.speaker_role,
            "speaker_type": self.speaker_type,
            "addressee": self.addressee,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to an event: the words naming it and its CAMEO actor code.

    ``code`` is a country or international-organisation block and optional role blocks
    (``RUS``, ``RUSMIL``, ``USAGOV``, ``IGONAT``); None when the words name no actor the
    lexicons know.
    """

    text: str
    code: str | None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        span = self.span.to_dict() if self.span else {"start": None, "end": None}
        return {"text": self.text, "code": self.code, "start": span["start"], "end": span["end"]}


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened or is planned, resolved against the publication date."""

    value: str  # ISO date: the first day of the week, month or year for coarser ones
    granularity: DateGranularity
    span: Span  # the words that say it ("Monday", "early July")

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "granularity": self.granularity, "text": self.span.text,
                "start": self.span.start, "end": self.span.end}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, coded to CAMEO (and PLOVER), with how sure the text is of it.

    ``reported_by`` is the index (in ``Extraction.statements``) of the statement whose
    content the event is, so that a claim is never shown as a fact.
    """

    source: Actor
    target: Actor | None
    code: str  # CAMEO event code, most specific the text supports ("0234", "19")
    name: str  # its CAMEO name
    plover: str | None  # PLOVER type; None for CAMEO 01/02, which PLOVER drops
    modality: EventModality
    sentence: Span
    trigger: Span
    object: Span | None = None
    reported_by: int | None = None
    date: EventDate | None = None
    # The sentence's main event (its trigger is highest in the parse); the others are its
    # purpose, condition or background. None: not known (stored before it was recorded).
    principal: bool | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "code": self.code,
            "name": self.name,
            "plover": self.plover,
            "modality": self.modality,
            "object": self.object.to_dict() if self.object else None,
            "reported_by": self.reported_by,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "date": self.date.to_dict() if self.date else None,
            "principal": self.principal,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What wirewatch read from one article."""

    article: Article
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
        }
