"""Reading the store: full-text search, the most quoted speakers, one speaker's statements.

Every function works on SQLite (FTS5, ranked by bm25) and on PostgreSQL (tsvector, ranked
by ts_rank); the search words are passed as data, never spliced into SQL.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Integer, Select, and_, column, func, literal_column, or_, select, text
from sqlalchemy.orm import aliased

from wirewatch.errors import WirewatchError
from wirewatch.store import schema
from wirewatch.store.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("direct", "indirect", "mixed", "headline")


class QueryError(WirewatchError):
    """A query a user typed cannot be run (no words to search for, an unknown kind)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search or listing is narrowed to; every field is optional."""

    speaker: str | None = None  # canonical name, case-insensitive
    outlet: str | None = None  # outlet name or host, case-insensitive
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    kind: str | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise QueryError(f"--kind {self.kind}: not a statement kind (one of {', '.join(KINDS)})")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _is_date(value):
                raise QueryError(f"--{name} {value}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def _is_date(value: str) -> bool:
    """``2022``, ``2022-07`` or ``2022-07-12``, each a real date."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    try:
        datetime.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class StatementHit:
    id: int
    article_id: int
    kind: str
    content: str
    spans: list[list[int]]
    cue: str | None
    speaker: str | None
    speaker_type: str | None
    role: str | None
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    group_id: int
    group_size: int


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    name: str
    type: str
    statements: int
    articles: int
    roles: list[str]
    outlets: list[str]
    first: str | None
    last: str | None


def search_statements(
    store: Store, query: str, filters: Filters = Filters(), limit: int = 20
) -> list[StatementHit]:
    """Statements whose words or speaker mention match every word of ``query``, best first."""
    stmt = _full_text(store, "statements", query, _statement_select(filters)).limit(limit)
    return [_hit(row) for row in _rows(store, stmt)]


def search_articles(
    store: Store, query: str, filters: Filters = Filters(), limit: int = 10
) -> list[ArticleHit]:
    """Articles whose title or text match every word of ``query``, best first."""
    outlet = aliased(schema.Outlet)
    stmt = (
        select(schema.Article, outlet.name, schema.SyndicationGroup.size)
        .join(schema.SyndicationGroup, schema.SyndicationGroup.id == schema.Article.group_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    stmt = _full_text(store, "articles", query, _date_and_outlet(stmt, filters, outlet)).limit(limit)
    return [
        ArticleHit(a.id, a.title, name, a.published, a.url, a.group_id, size)
        for a, name, size in _rows(store, stmt)
    ]


def quotes(
    store: Store, speaker: str, filters: Filters = Filters(), limit: int | None = None
) -> list[StatementHit]:
    """Everything one speaker said, oldest first (articles without a date last)."""
    narrowed = Filters(speaker, filters.outlet, filters.since, filters.until, filters.kind)
    stmt = _statement_select(narrowed).order_by(
        schema.Article.published.is_(None),
        schema.Article.published,
        schema.Article.id,
        schema.Statement.position,
    )
    if limit:
        stmt = stmt.limit(limit)
    return [_hit(row) for row in _rows(store, stmt)]


def speakers(
    store: Store, filters: Filters = Filters(), limit: int = 20, min_statements: int = 1
) -> list[SpeakerRow]:
    """The most quoted speakers, with how often, in how many articles, their roles and outlets."""
    outlet = aliased(schema.Outlet)
    counted = (
        select(
            schema.Speaker.id,
            schema.Speaker.name,
            schema.Speaker.type,
            func.count(schema.Statement.id).label("n"),
            func.count(func.distinct(schema.Statement.article_id)).label("articles"),
            func.min(schema.Article.published),
            func.max(schema.Article.published),
        )
        .join(schema.Statement, schema.Statement.speaker_id == schema.Speaker.id)
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    counted = _date_and_outlet(counted, filters, outlet)
    if filters.kind:
        counted = counted.where(schema.Statement.kind == filters.kind)
    counted = (
        counted.group_by(schema.Speaker.id, schema.Speaker.name, schema.Speaker.type)
        .having(func.count(schema.Statement.id) >= min_statements)
        .order_by(text("n DESC"), schema.Speaker.name)
        .limit(limit)
    )
    top = list(_rows(store, counted))
    details = _roles_and_outlets(store, [row[0] for row in top])
    return [
        SpeakerRow(name, type_, n, articles, *details.get(id_, ([], [])), first, last)
        for id_, name, type_, n, articles, first, last in top
    ]


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A syndication group: one story and every outlet that carried it."""

    id: int
    title: str | None
    articles: int
    outlets: list[str]
    first: str | None
    last: str | None


def stories(
    store: Store, filters: Filters = Filters(), limit: int = 20, min_outlets: int = 1
) -> list[StoryRow]:
    """The most widely carried stories: articles in the group, and the outlets of every copy."""
    outlet = aliased(schema.Outlet)
    counted = (
        select(
            schema.SyndicationGroup.id,
            schema.SyndicationGroup.title,
            func.count(schema.Article.id).label("n"),
            func.min(schema.Article.published),
            func.max(schema.Article.published),
        )
        .join(schema.Article, schema.Article.group_id == schema.SyndicationGroup.id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    counted = (
        _date_and_outlet(counted, filters, outlet)
        .group_by(schema.SyndicationGroup.id, schema.SyndicationGroup.title)
        .order_by(text("n DESC"), schema.SyndicationGroup.id)
    )
    rows = list(_rows(store, counted.limit(limit * 4 if min_outlets > 1 else limit)))
    carried = _outlets_of_groups(store, [row[0] for row in rows])
    found = [
        StoryRow(id_, title, n, carried.get(id_, []), first, last)
        for id_, title, n, first, last in rows
        if len(carried.get(id_, [])) >= min_outlets
    ]
    return sorted(found, key=lambda r: (-len(r.outlets), -r.articles, r.id))[:limit]


def _outlets_of_groups(store: Store, ids: list[int]) -> dict[int, list[str]]:
    """Outlets per group, from the articles and from their exact copies seen elsewhere."""
    if not ids:
        return {}
    stmt = (
        select(schema.Article.group_id, schema.Outlet.name)
        .join(schema.Sighting, schema.Sighting.article_id == schema.Article.id)
        .join(schema.Outlet, schema.Outlet.id == schema.Sighting.outlet_id)
        .where(schema.Article.group_id.in_(ids))
        .distinct()
    )
    found: dict[int, list[str]] = {}
    for group_id, name in _rows(store, stmt):
        found.setdefault(group_id, []).append(name)
    return {k: sorted(v) for k, v in found.items()}


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    article_id: int
    code: str
    name: str
    plover: str | None
    modality: str
    source: str
    source_code: str | None
    target: str | None
    target_code: str | None
    object: str | None
    trigger: str
    trigger_start: int
    reported_by: str | None  # the speaker of the statement the event is the content of
    date: str | None  # the event's own date, else the article's publication date
    outlet: str | None
    url: str | None


def events(
    store: Store,
    actor: str | None = None,
    code: str | None = None,
    filters: Filters = Filters(),
    modality: str | None = None,
    limit: int = 50,
) -> list[EventRow]:
    """Coded events, newest first; ``actor`` matches source or target codes by prefix
    (``IRN`` finds ``IRN`` and ``IRNGOV``), ``code`` CAMEO codes by prefix (``07``)."""
    if code is not None and not re.fullmatch(r"\d{2,4}", code):
        raise QueryError(f"--code {code}: not a CAMEO code (two to four digits, e.g. 07 or 072)")
    if actor is not None and not re.fullmatch(r"[A-Za-z]{3,}", actor):
        raise QueryError(f"--actor {actor}: not a CAMEO actor code (letters, e.g. IRN or RUSMIL)")
    if modality is not None and modality not in ("occurred", "planned", "denied", "hypothetical"):
        raise QueryError(f"--modality {modality}: one of occurred, planned, denied, hypothetical")
    outlet = aliased(schema.Outlet)
    reporter = aliased(schema.Statement)
    speaker = aliased(schema.Speaker)
    when = func.coalesce(schema.Event.date, func.substr(schema.Article.published, 1, 10))
    stmt = (
        select(schema.Event, schema.Article.url, outlet.name, speaker.name, when.label("when"))
        .join(schema.Article, schema.Article.id == schema.Event.article_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
        .outerjoin(
            reporter,
            and_(
                reporter.article_id == schema.Event.article_id, reporter.position == schema.Event.reported_by
            ),
        )
        .outerjoin(speaker, speaker.id == reporter.speaker_id)
    )
    if actor:
        prefix = actor.upper() + "%"
        stmt = stmt.where(or_(schema.Event.source_code.like(prefix), schema.Event.target_code.like(prefix)))
    if code:
        stmt = stmt.where(schema.Event.code.like(code + "%"))
    if modality:
        stmt = stmt.where(schema.Event.modality == modality)
    if filters.outlet:
        wanted = filters.outlet.strip().lower()
        stmt = stmt.where(or_(func.lower(outlet.name) == wanted, func.lower(outlet.host) == wanted))
    if filters.since:
        stmt = stmt.where(when >= filters.since)
    if filters.until:
        stmt = stmt.where(when < filters.until + "\uffff")
    stmt = stmt.order_by(when.desc().nulls_last(), schema.Event.article_id, schema.Event.position).limit(
        limit
    )
    return [
        EventRow(
            e.id,
            e.article_id,
            e.code,
            e.name,
            e.plover,
            e.modality,
            e.source_text,
            e.source_code,
            e.target_text,
            e.target_code,
            e.object_text,
            e.trigger,
            e.trigger_start,
            reported,
            when_,
            outlet_name,
            url,
        )
        for e, url, outlet_name, reported, when_ in _rows(store, stmt)
    ]


def _roles_and_outlets(store: Store, ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    if not ids:
        return {}
    stmt = (
        select(schema.Statement.speaker_id, schema.Statement.speaker_role, schema.Outlet.name)
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .outerjoin(schema.Outlet, schema.Outlet.id == schema.Article.outlet_id)
        .where(schema.Statement.speaker_id.in_(ids))
    )
    roles: dict[int, Counter[str]] = {i: Counter() for i in ids}
    outlets: dict[int, Counter[str]] = {i: Counter() for i in ids}
    for speaker_id, role, outlet in _rows(store, stmt):
        if role:
            roles[speaker_id][role.strip()] += 1
        if outlet:
            outlets[speaker_id][outlet] += 1
    return {i: (_distinct(roles[i]), [o for o, _ in outlets[i].most_common()]) for i in ids}


def _distinct(counts: Counter[str]) -> list[str]:
    """Most frequent first; "NASA Administrator" and "NASA administrator" are one role."""
    seen: dict[str, str] = {}
    for value, _ in counts.most_common():
        seen.setdefault(value.casefold(), value)
    return list(seen.values())


def _statement_select(filters: Filters) -> Select[Any]:
    outlet = aliased(schema.Outlet)
    stmt = (
        select(schema.Statement, schema.Speaker.name, schema.Speaker.type, outlet.name, schema.Article)
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .outerjoin(schema.Speaker, schema.Speaker.id == schema.Statement.speaker_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    if filters.speaker:
        stmt = stmt.where(func.lower(schema.Speaker.name) == filters.speaker.strip().lower())
    if filters.kind:
        stmt = stmt.where(schema.Statement.kind == filters.kind)
    return _date_and_outlet(stmt, filters, outlet)


def _date_and_outlet(stmt: Select[Any], filters: Filters, outlet: Any) -> Select[Any]:
    if filters.outlet:
        wanted = filters.outlet.strip().lower()
        stmt = stmt.where(or_(func.lower(outlet.name) == wanted, func.lower(outlet.host) == wanted))
    if filters.since:
        stmt = stmt.where(schema.Article.published >= filters.since)
    if filters.until:
        # "2022-07" takes in every day of July: compare with the first character past it.
        stmt = stmt.where(
            and_(schema.Article.published.is_not(None), schema.Article.published < filters.until + "\uffff")
        )
    return stmt


def _full_text(store: Store, table: str, query: str, stmt: Select[Any]) -> Select[Any]:
    """``stmt`` narrowed to rows of ``table`` matching every word of ``query``, best first."""
    words = _WORD.findall(query)
    if not words:
        raise QueryError(f"{query!r}: nothing to search for (no words)")
    id_column = schema.Statement.id if table == "statements" else schema.Article.id
    if store.dialect == "sqlite":
        # Each word quoted: FTS5 operators and punctuation in user text are taken as words.
        expression = " AND ".join('"' + w.replace('"', "") + '"' for w in words)
        matches = (
            text(f"SELECT rowid, bm25({table}_fts) AS rank FROM {table}_fts WHERE {table}_fts MATCH :fts")
            .bindparams(fts=expression)
            .columns(column("rowid", Integer), column("rank", Float))
            .subquery("matches")
        )
        return stmt.join(matches, matches.c.rowid == id_column).order_by(matches.c.rank, id_column)
    tsquery = func.plainto_tsquery("english", " ".join(words))
    search = literal_column(f"{table}.search")
    return stmt.where(search.op("@@")(tsquery)).order_by(func.ts_rank(search, tsquery).desc(), id_column)


def _rows(store: Store, stmt: Select[Any]) -> list[Any]:
    with store.session() as s:
        return list(s.execute(stmt).all())


def _hit(row: Any) -> StatementHit:
    st, speaker, speaker_type, outlet, article = row
    return StatementHit(
        id=st.id,
        article_id=st.article_id,
        kind=st.kind,
        content=st.content,
        spans=st.content_spans,
        cue=st.cue,
        speaker=speaker,
        speaker_type=speaker_type,
        role=st.speaker_role,
        outlet=outlet,
        published=article.published,
        url=article.url,
        title=article.title,
    )
