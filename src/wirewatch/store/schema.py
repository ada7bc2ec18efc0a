"""The store's tables, as SQLAlchemy 2 declarative models.

The same schema serves SQLite (the default) and PostgreSQL. Full-text search is added
per dialect by the migrations (FTS5 tables on SQLite, tsvector columns on PostgreSQL),
so it is not declared here.

What an article row keeps:
- the cleaned ``text`` every span points into, and the ``raw`` input (text or HTML) it was
  cleaned from, so that extraction can be re-run without the original file;
- ``content_hash`` (the exact-duplicate key) and ``signature`` (its MinHash, for the
  syndication index rebuilt on every run).
"""

from __future__ import annotations

import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    """A site that published articles: its name as the page gives it, or its host."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    host: Mapped[str | None] = mapped_column(String(300))


class SyndicationGroup(Base):
    """One story: an article and every near-duplicate of it (the same wire copy elsewhere)."""

    __tablename__ = "syndication_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The first article stored of the story; it names the group.
    title: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer, default=1)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The id the input gave (a JSONL ``id``, a file stem, a WARC URL).
    external_id: Mapped[str] = mapped_column(String(1000))
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(String(300))
    dateline: Mapped[str | None] = mapped_column(String(300))
    # ISO date or date-time as the input or page gave it; ISO strings sort by time.
    published: Mapped[str | None] = mapped_column(String(40), index=True)
    text: Mapped[str] = mapped_column(Text)
    headline_start: Mapped[int | None] = mapped_column(Integer)
    headline_end: Mapped[int | None] = mapped_column(Integer)
    headings: Mapped[list[list[int]]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    raw_kind: Mapped[str] = mapped_column(String(10))  # "text" or "html"
    raw: Mapped[str] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("syndication_groups.id"), index=True)
    ingested_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=_now)

    outlet: Mapped[Outlet | None] = relationship()
    group: Mapped[SyndicationGroup] = relationship()
    statements: Mapped[list[Statement]] = relationship(
        back_populates="article", order_by="Statement.position", cascade="all, delete-orphan"
    )


class Sighting(Base):
    """Where an article was seen: its own URL, and every exact copy of it at another URL."""

    __tablename__ = "sightings"
    __table_args__ = (UniqueConstraint("article_id", "url", name="uq_sighting"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    # The source path when the copy had no URL: two files are two sightings.
    url: Mapped[str] = mapped_column(String(2000), index=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"))


class Speaker(Base):
    """A resolved speaker: one row per canonical name and type."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("name", "type", name="uq_speaker"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(20))


class Statement(Base):
    """One attributed statement; every span is (start, end) into its article's text."""

    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("article_id", "position", name="uq_statement"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), index=True)
    content: Mapped[str] = mapped_column(Text)
    content_spans: Mapped[list[list[int]]] = mapped_column(JSON)
    cue: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"), index=True)
    # The mention: the words naming the speaker here ("he", "Kirby", "a senior US official").
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    addressee: Mapped[str | None] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="statements")
    speaker: Mapped[Speaker | None] = relationship()


class Event(Base):
    """One coded event; actor, trigger, object and date spans are (start, end) into the text."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("article_id", "position", name="uq_event"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str] = mapped_column(String(200))
    plover: Mapped[str | None] = mapped_column(String(20))
    modality: Mapped[str] = mapped_column(String(20))
    source_text: Mapped[str] = mapped_column(Text)
    source_code: Mapped[str | None] = mapped_column(String(40), index=True)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    target_text: Mapped[str | None] = mapped_column(Text)
    target_code: Mapped[str | None] = mapped_column(String(40), index=True)
    target_start: Mapped[int | None] = mapped_column(Integer)
    target_end: Mapped[int | None] = mapped_column(Integer)
    object_text: Mapped[str | None] = mapped_column(Text)
    object_start: Mapped[int | None] = mapped_column(Integer)
    object_end: Mapped[int | None] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(String(200))
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    # The position of the statement whose content the event is (in the same article).
    reported_by: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_granularity: Mapped[str | None] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(String(200))
    # The sentence's main event; NULL for events stored before migration 0005.
    principal: Mapped[bool | None] = mapped_column(Boolean)

    article: Mapped[Article] = relationship()


class LshBand(Base):
    """One band of an article's MinHash signature: the syndication index, kept in the
    database so that memory does not grow with the corpus (see store/lsh.py)."""

    __tablename__ = "lsh_bands"

    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), primary_key=True)


class Failure(Base):
    """An input that could not be stored, and why; kept once however often it is retried."""

    __tablename__ = "failures"
    __table_args__ = (UniqueConstraint("source", "reason", name="uq_failure"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(2000))
    reason: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=_now)


Index("ix_statements_speaker_article", Statement.speaker_id, Statement.article_id)
