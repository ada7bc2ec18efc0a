"""The JSON shapes of the API, as Pydantic models: what the OpenAPI schema documents.

Each read model is filled from the dataclass the store's query returns
(``from_attributes``), so the fields follow ``wirewatch.store.queries``. Every span is
``{start, end, text}`` with ``text == article.text[start:end]`` (code-point offsets, end
exclusive).
"""

from __future__ import annotations

import datetime
import re
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Problem(BaseModel):
    """Every error answer: one line naming the input and the reason."""

    detail: str = Field(examples=["no article 123"])


class Page(_Out, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page (with the same filters); null on the last page."
    )


class TextSpan(_Out):
    start: int
    end: int
    text: str = Field(description="article.text[start:end]")


class ArticleSummary(_Out):
    id: int
    title: str | None
    outlet: str | None
    published: str | None = Field(description="ISO date or date-time, as the page gave it")
    url: str | None
    group_id: int = Field(description="Its syndication group (see /api/groups/{id})")
    group_size: int
    statements: int
    events: int


class SpeakerRef(_Out):
    id: int
    name: str
    type: str = Field(description="person, organization, country or unknown")


class Statement(_Out):
    id: int
    article_id: int
    position: int = Field(description="Its place among the article's statements, from 0")
    kind: Literal["direct", "indirect", "mixed", "headline"]
    content: str
    spans: list[TextSpan] = Field(description="The content's spans, in text order")
    cue: TextSpan | None = Field(description='The verb or phrase attributing it ("said", "according to")')
    speaker: SpeakerRef | None = Field(description="The resolved speaker, when there is one")
    mention: TextSpan | None = Field(description='The words naming the speaker here ("he", "Kirby")')
    role: str | None
    addressee: str | None
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


class Actor(_Out):
    text: str
    code: str | None = Field(description="CAMEO actor code, e.g. IRNGOV")
    span: TextSpan | None


class Reporter(_Out):
    statement_id: int | None
    position: int
    speaker: str | None


class Event(_Out):
    id: int
    article_id: int
    position: int
    code: str = Field(description="CAMEO event code, e.g. 072")
    name: str
    plover: str | None
    modality: Literal["occurred", "planned", "denied", "hypothetical"]
    source: Actor
    target: Actor | None
    object: TextSpan | None
    trigger: TextSpan
    sentence: TextSpan
    reported_by: Reporter | None = Field(description="The statement whose content the event is")
    date: str | None
    date_granularity: str | None
    date_text: str | None
    when: str | None = Field(description="The event's date, else the article's publication day")
    outlet: str | None
    url: str | None
    title: str | None
    principal: bool | None = Field(
        None, description="The sentence's main event (null for events stored before it was recorded)"
    )


class SpeakerSummary(_Out):
    id: int
    name: str
    type: str
    statements: int
    articles: int
    roles: list[str] = Field(description="Roles seen, most frequent first")
    outlets: list[str] = Field(description="Outlets quoting the speaker, most frequent first")
    first: str | None
    last: str | None


class MonthCount(_Out):
    month: str = Field(description="YYYY-MM")
    statements: int


class SpeakerDetail(SpeakerSummary):
    by_month: list[MonthCount] = Field(description="Statements per month of publication, oldest first")
    undated: int = Field(description="Statements in articles without a date (not in by_month)")


class GroupSummary(_Out):
    id: int
    title: str | None
    size: int = Field(description="Articles in the group")
    outlets: list[str] = Field(description="Outlets of every copy, exact copies seen elsewhere included")
    first: str | None
    last: str | None


class GroupDetail(GroupSummary):
    articles: list[ArticleSummary] = Field(description="Oldest first, undated last")


class ArticleGroup(_Out):
    id: int
    title: str | None
    size: int
    outlets: list[str]
    others: list[ArticleSummary] = Field(description="The group's other articles")


class ArticleDetail(_Out):
    id: int
    external_id: str
    title: str | None
    outlet: str | None
    site_name: str | None
    dateline: str | None
    published: str | None
    url: str | None
    ingested_at: str
    text: str = Field(description="The cleaned text every span points into")
    headline: TextSpan | None
    headings: list[TextSpan]
    statements: list[Statement]
    events: list[Event]
    group: ArticleGroup


class ArticleIn(BaseModel):
    """An article to store: its ``text`` or its ``html``, or only a ``url`` to fetch it from."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text (a first line can be its headline)")
    html: str | None = Field(None, description="A whole HTML page; the article is extracted from it")
    url: str | None = Field(None, description="Where it was published; fetched when neither text nor html")
    title: str | None = None
    published: str | None = Field(None, description="ISO date or date-time", examples=["2022-07-12"])
    site_name: str | None = Field(None, description="The outlet's name")

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if value is not None and value.strip() and not re.match(r"https?://[^/\s]+", value.strip(), re.I):
            raise ValueError("not an http or https URL")
        return value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        try:
            if re.fullmatch(r"\d{4}(-\d{2})?", value):
                datetime.date.fromisoformat((value + "-01-01")[:10])
            elif re.match(r"\d{4}-\d{2}-\d{2}", value):
                datetime.datetime.fromisoformat(value)
            else:
                raise ValueError
        except ValueError:
            raise ValueError("not an ISO date (YYYY-MM-DD, or a date-time)") from None
        return value

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        given = [name for name in ("text", "html") if getattr(self, name) and getattr(self, name).strip()]
        if len(given) > 1:
            raise ValueError("give text or html, not both")
        if not given and not (self.url and self.url.strip()):
            raise ValueError("give one of text, html or url")
        return self


class ArticleCreated(BaseModel):
    status: Literal["stored", "duplicate"] = Field(
        description="stored: a new article; duplicate: the same text (or URL) was stored before"
    )
    id: int = Field(description="The article's id (the earlier one's for a duplicate)")
    group_id: int
    statements: int = Field(description="Statements extracted (0 for a duplicate)")
    url: str = Field(description="Where to read it: /api/articles/{id}")
