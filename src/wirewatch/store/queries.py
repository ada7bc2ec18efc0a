"""Reading the store: full-text search, the most quoted speakers, one speaker's statements.

Every function works on SQLite (FTS5, ranked by bm25) and on PostgreSQL (tsvector, ranked
by ts_rank); the search words are passed as data, never spliced into SQL.
"""

from __future__ import annotations

import base64
import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Float, Integer, Select, and_, column, func, literal_column, or_, select, text
from sqlalchemy.orm import aliased, defer

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
    principal: bool = False,
) -> list[EventRow]:
    """Coded events, newest first; ``actor`` matches source or target codes by prefix
    (``IRN`` finds ``IRN`` and ``IRNGOV``), ``code`` CAMEO codes by prefix (``07``)."""
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
    stmt = _narrow_events(stmt, when, outlet, actor, code, modality, filters, principal)
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


# -- Paginated listings and single records (the JSON API and the web pages) -----------------
#
# Every listing returns a :class:`Page`: at most ``limit`` items and an opaque
# ``next_cursor`` (None on the last page). Listings are paginated by key ("keyset"): the
# cursor holds the sort key of the last item shown, and the next page is the rows that sort
# after it (``WHERE key after cursor ORDER BY key LIMIT limit + 1``), never an OFFSET, so a
# page costs the same however deep it is and rows stored meanwhile do not shift the pages.
# Every sort key ends with a unique column, so the order is total: no duplicates, no gaps.
#
# Full-text search (``q``) is ordered by relevance, which is not a stored column; its cursor
# holds the offset within the ranked list instead (``OFFSET n LIMIT limit + 1``). A ranked
# walk is therefore only as stable as the ranking: an article stored mid-walk may shift it.
#
# A cursor is base64url (no padding) of JSON ``{"l": listing, "k": [key...]}`` or
# ``{"l": listing, "o": offset}``; a cursor that does not decode, or belongs to another
# listing, raises QueryError.

T = TypeVar("T")
MODALITIES = ("occurred", "planned", "denied", "hypothetical")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    group_id: int
    group_size: int
    statements: int
    events: int


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    id: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class StatementItem:
    id: int
    article_id: int
    position: int
    kind: str
    content: str
    spans: list[TextSpan]
    cue: TextSpan | None
    speaker: SpeakerRef | None
    mention: TextSpan | None  # the words naming the speaker here ("he", "Kirby")
    role: str | None
    addressee: str | None
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class ActorItem:
    text: str
    code: str | None
    span: TextSpan | None


@dataclass(frozen=True, slots=True)
class ReporterRef:
    """The statement an event is the content of: who claims it happened."""

    statement_id: int | None
    position: int
    speaker: str | None


@dataclass(frozen=True, slots=True)
class EventItem:
    id: int
    article_id: int
    position: int
    code: str
    name: str
    plover: str | None
    modality: str
    source: ActorItem
    target: ActorItem | None
    object: TextSpan | None
    trigger: TextSpan
    sentence: TextSpan
    reported_by: ReporterRef | None
    date: str | None  # the event's own date, as the text gives it
    date_granularity: str | None
    date_text: str | None
    when: str | None  # the event's date, else the article's publication day
    outlet: str | None
    url: str | None
    title: str | None
    principal: bool | None = None  # the sentence's main event; None if not recorded


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    id: int
    name: str
    type: str
    statements: int
    articles: int
    roles: list[str]
    outlets: list[str]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str  # YYYY-MM
    statements: int


@dataclass(frozen=True, slots=True)
class SpeakerDetail:
    id: int
    name: str
    type: str
    statements: int
    articles: int
    roles: list[str]
    outlets: list[str]
    first: str | None
    last: str | None
    by_month: list[MonthCount]  # oldest first; statements in undated articles are not in it
    undated: int


@dataclass(frozen=True, slots=True)
class GroupSummary:
    id: int
    title: str | None
    size: int
    outlets: list[str]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class GroupDetail:
    id: int
    title: str | None
    size: int
    outlets: list[str]
    first: str | None
    last: str | None
    articles: list[ArticleSummary]


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    """An article's syndication group, from the article's side: the other copies."""

    id: int
    title: str | None
    size: int
    outlets: list[str]
    others: list[ArticleSummary]


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    id: int
    external_id: str
    title: str | None
    outlet: str | None
    site_name: str | None
    dateline: str | None
    published: str | None
    url: str | None
    ingested_at: str
    text: str
    headline: TextSpan | None
    headings: list[TextSpan]
    statements: list[StatementItem]
    events: list[EventItem]
    group: ArticleGroup


class NotFound(QueryError):
    """No record with that id."""


def encode_cursor(listing: str, key: list[Any] | None = None, offset: int | None = None) -> str:
    payload: dict[str, Any] = {"l": listing}
    if key is not None:
        payload["k"] = key
    else:
        payload["o"] = offset
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, listing: str, key_types: tuple[type, ...]) -> tuple[list[Any] | None, int]:
    """``(key, 0)`` for a keyset cursor, ``(None, offset)`` for a ranked one; QueryError if bad."""
    bad = QueryError(f"cursor {cursor[:40]!r}: not a cursor of this listing (start again without one)")
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(payload, dict) or payload.get("l") != listing:
        raise bad
    if "o" in payload:
        offset = payload["o"]
        if type(offset) is not int or not 0 <= offset < 2**31:
            raise bad
        return None, offset
    key = payload.get("k")
    if not isinstance(key, list) or len(key) != len(key_types):
        raise bad
    if any(type(value) is not kind for value, kind in zip(key, key_types, strict=True)):
        raise bad
    if any(not _storable(value) for value in key):
        raise bad
    return key, 0


def _storable(value: Any) -> bool:
    """Whether a cursor's value can be compared in SQL: a 64-bit integer, a string without NUL."""
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    return isinstance(value, str) and "\x00" not in value and len(value) <= 2000


def list_articles(
    store: Store,
    filters: Filters = Filters(),
    q: str | None = None,
    group: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[ArticleSummary]:
    """Articles, newest first (undated last); with ``q``, those matching every word, best first."""
    stmt, outlet = _article_rows()
    stmt = _date_and_outlet(stmt, filters, outlet)
    if group is not None:
        stmt = stmt.where(schema.Article.group_id == group)
    keys = [(func.coalesce(schema.Article.published, ""), True), (schema.Article.id, True)]
    page = _page(store, "articles", stmt, keys, (str, int), limit, cursor, q)
    return Page([ArticleSummary(*row[:9]) for row in page.items], page.next_cursor)


def list_statements(
    store: Store,
    filters: Filters = Filters(),
    q: str | None = None,
    speaker_id: int | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[StatementItem]:
    """Statements, newest article first and in text order within one; with ``q``, best first."""
    stmt = _statement_rows(filters)
    if speaker_id is not None:
        stmt = stmt.where(schema.Statement.speaker_id == speaker_id)
    # The same expression as the index ix_articles_sort (migration 0004), with the empty
    # string written as a literal: SQLite matches an indexed expression only when it is the
    # same text, and a bound parameter is not. Sorting on articles.id (not on the
    # statement's article_id, the same values) lets the plan walk that index and find each
    # article's statements by key instead of sorting a million rows.
    published = func.coalesce(schema.Article.published, literal_column("''"))
    keys = [(published, True), (schema.Article.id, True), (schema.Statement.position, False)]
    page = _page(store, "statements", stmt, keys, (str, int, int), limit, cursor, q)
    return Page([_statement_item(*row[:7]) for row in page.items], page.next_cursor)


def get_statement(store: Store, statement_id: int) -> StatementItem:
    rows = _rows(store, _statement_rows(Filters()).where(schema.Statement.id == statement_id))
    if not rows:
        raise NotFound(f"no statement {statement_id}")
    return _statement_item(*rows[0][:7])


def list_speakers(
    store: Store,
    filters: Filters = Filters(),
    q: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page[SpeakerSummary]:
    """Speakers, most quoted first; ``q`` keeps those whose name contains it (any case).

    The counts are of the statements the filters keep (outlet, dates, kind)."""
    counted = _speaker_counts(filters)
    if q is not None and q.strip():
        counted = counted.where(func.lower(schema.Speaker.name).contains(q.strip().lower(), autoescape=True))
    sub = counted.subquery("counted")
    stmt = select(sub)
    keys = [(sub.c.n, True), (sub.c.id, False)]
    page = _page(store, "speakers", stmt, keys, (int, int), limit, cursor, None)
    details = _roles_and_outlets(store, [row.id for row in page.items])
    items = [
        SpeakerSummary(
            row.id,
            row.name,
            row.type,
            row.n,
            row.articles,
            *details.get(row.id, ([], [])),
            row.first,
            row.last,
        )
        for row in page.items
    ]
    return Page(items, page.next_cursor)


def get_speaker(store: Store, speaker_id: int) -> SpeakerDetail:
    """One speaker with every statement counted, and the statements per month."""
    rows = _rows(store, _speaker_counts(Filters()).where(schema.Speaker.id == speaker_id))
    if not rows:
        with store.session() as s:
            speaker = s.get(schema.Speaker, speaker_id)
        if speaker is None:
            raise NotFound(f"no speaker {speaker_id}")
        return SpeakerDetail(speaker.id, speaker.name, speaker.type, 0, 0, [], [], None, None, [], 0)
    row = rows[0]
    roles, outlets = _roles_and_outlets(store, [speaker_id]).get(speaker_id, ([], []))
    month = func.substr(schema.Article.published, 1, 7)
    per_month = (
        select(month.label("month"), func.count(schema.Statement.id))
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .where(schema.Statement.speaker_id == speaker_id)
        .group_by(month)
        .order_by(month)
    )
    by_month, undated = [], 0
    for value, n in _rows(store, per_month):
        if value and re.fullmatch(r"\d{4}-\d{2}", value):
            by_month.append(MonthCount(value, n))
        else:
            undated += n
    return SpeakerDetail(
        row.id,
        row.name,
        row.type,
        row.n,
        row.articles,
        roles,
        outlets,
        row.first,
        row.last,
        by_month,
        undated,
    )


def list_events(
    store: Store,
    actor: str | None = None,
    code: str | None = None,
    filters: Filters = Filters(),
    modality: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
    principal: bool = False,
) -> Page[EventItem]:
    """Coded events, newest first (by the event's date, else the article's), in text order
    within an article; ``actor`` and ``code`` match by prefix as in :func:`events`."""
    stmt, when, outlet = _event_rows()
    stmt = _narrow_events(stmt, when, outlet, actor, code, modality, filters, principal)
    sort_when = func.coalesce(when, "")
    keys = [(sort_when, True), (schema.Event.article_id, True), (schema.Event.position, False)]
    page = _page(store, "events", stmt, keys, (str, int, int), limit, cursor, None)
    return Page([_event_item(*row[:7]) for row in page.items], page.next_cursor)


def get_event(store: Store, event_id: int) -> EventItem:
    stmt, _when, _outlet = _event_rows()
    rows = _rows(store, stmt.where(schema.Event.id == event_id))
    if not rows:
        raise NotFound(f"no event {event_id}")
    return _event_item(*rows[0][:7])


def list_groups(
    store: Store, min_size: int = 1, limit: int = 50, cursor: str | None = None
) -> Page[GroupSummary]:
    """Syndication groups, largest first, with the outlets of every copy."""
    stmt = _group_rows()
    if min_size > 1:
        stmt = stmt.where(schema.SyndicationGroup.size >= min_size)
    keys = [(schema.SyndicationGroup.size, True), (schema.SyndicationGroup.id, False)]
    page = _page(store, "groups", stmt, keys, (int, int), limit, cursor, None)
    carried = _outlets_of_groups(store, [row[0] for row in page.items])
    items = [
        GroupSummary(id_, title, size, carried.get(id_, []), first, last)
        for id_, title, size, first, last in (row[:5] for row in page.items)
    ]
    return Page(items, page.next_cursor)


def get_group(store: Store, group_id: int) -> GroupDetail:
    """One group with all its articles, oldest first."""
    rows = _rows(store, _group_rows().where(schema.SyndicationGroup.id == group_id))
    if not rows:
        raise NotFound(f"no group {group_id}")
    id_, title, size, first, last = rows[0]
    articles = _group_articles(store, group_id)
    return GroupDetail(id_, title, size, _outlets_of_groups(store, [id_]).get(id_, []), first, last, articles)


def get_article(store: Store, article_id: int) -> ArticleDetail:
    """One article with its text, its statements and events (spans into the text), its group."""
    with store.session() as s:
        row = s.execute(
            select(schema.Article, schema.Outlet.name, schema.SyndicationGroup)
            .outerjoin(schema.Outlet, schema.Outlet.id == schema.Article.outlet_id)
            .join(schema.SyndicationGroup, schema.SyndicationGroup.id == schema.Article.group_id)
            .where(schema.Article.id == article_id)
        ).first()
    if row is None:
        raise NotFound(f"no article {article_id}")
    article, outlet_name, group = row
    text_ = article.text
    statements = [
        _statement_item(*r[:7])
        for r in _rows(
            store,
            _statement_rows(Filters())
            .where(schema.Statement.article_id == article_id)
            .order_by(schema.Statement.position),
        )
    ]
    event_stmt, _when, _outlet = _event_rows()
    events_ = [
        _event_item(*r[:7])
        for r in _rows(
            store, event_stmt.where(schema.Event.article_id == article_id).order_by(schema.Event.position)
        )
    ]
    headline = None
    if article.headline_start is not None and article.headline_end is not None:
        headline = _span(text_, article.headline_start, article.headline_end)
    headings = [s for s in (_span(text_, a, b) for a, b in article.headings or []) if s]
    others = [a for a in _group_articles(store, group.id) if a.id != article.id]
    outlets = _outlets_of_groups(store, [group.id]).get(group.id, [])
    return ArticleDetail(
        id=article.id,
        external_id=article.external_id,
        title=article.title,
        outlet=outlet_name,
        site_name=article.site_name,
        dateline=article.dateline,
        published=article.published,
        url=article.url,
        ingested_at=article.ingested_at.isoformat(),
        text=text_,
        headline=headline,
        headings=headings,
        statements=statements,
        events=events_,
        group=ArticleGroup(group.id, group.title, group.size, outlets, others),
    )


def _page(
    store: Store,
    listing: str,
    stmt: Select[Any],
    keys: list[tuple[Any, bool]],
    key_types: tuple[type, ...],
    limit: int,
    cursor: str | None,
    q: str | None,
) -> Page[Any]:
    """One page of ``stmt``'s rows: by key (``keys``: (column, descending), the last one
    unique), or ranked by relevance when ``q`` is given."""
    if limit < 1:
        raise QueryError(f"limit {limit}: must be at least 1")
    if q is not None:
        if listing not in ("articles", "statements"):
            raise QueryError(f"q: {listing} have no full-text search")
        key, offset = decode_cursor(cursor, listing, key_types) if cursor else (None, 0)
        if key is not None:
            raise QueryError("cursor: a cursor of the unsearched listing cannot continue a search")
        ranked = _full_text(store, listing, q, stmt).offset(offset).limit(limit + 1)
        rows = _rows(store, ranked)
        more = len(rows) > limit
        return Page(rows[:limit], encode_cursor(listing, offset=offset + limit) if more else None)
    if cursor:
        key, _ = decode_cursor(cursor, listing, key_types)
        if key is None:
            raise QueryError("cursor: a cursor of a search cannot continue the unsearched listing")
        stmt = stmt.where(_after(keys, key))
    # The key's values are selected too, last, to make the next cursor from.
    stmt = stmt.add_columns(*(key.label(f"sort_key_{i}") for i, (key, _) in enumerate(keys)))
    order = [key.desc() if descending else key.asc() for key, descending in keys]
    rows = _rows(store, stmt.order_by(*order).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(listing, key=list(rows[-1][-len(keys) :])) if more else None
    return Page(rows, next_cursor)


def _after(keys: list[tuple[Any, bool]], values: list[Any]) -> Any:
    """Rows that sort after ``values``: (a, b, c) > (x, y, z) lexicographically, each column
    in its own direction (descending: smaller comes after)."""
    clauses = []
    for i, (key, descending) in enumerate(keys):
        equal = [keys[j][0] == values[j] for j in range(i)]
        beyond = key < values[i] if descending else key > values[i]
        clauses.append(and_(*equal, beyond))
    return or_(*clauses)


def _count_of(table: Any) -> Any:
    return (
        select(func.count(table.id))
        .where(table.article_id == schema.Article.id)
        .correlate(schema.Article)
        .scalar_subquery()
    )


def _statement_rows(filters: Filters) -> Select[Any]:
    """Statements with what their items need; the sort-key columns last."""
    outlet = aliased(schema.Outlet)
    stmt = (
        select(
            schema.Statement,
            schema.Speaker.id,
            schema.Speaker.name,
            schema.Speaker.type,
            outlet.name,
            schema.Article.text,
            schema.Article,
        )
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .outerjoin(schema.Speaker, schema.Speaker.id == schema.Statement.speaker_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
        .options(defer(schema.Article.text), defer(schema.Article.raw), defer(schema.Article.signature))
    )
    if filters.speaker:
        stmt = stmt.where(func.lower(schema.Speaker.name) == filters.speaker.strip().lower())
    if filters.kind:
        stmt = stmt.where(schema.Statement.kind == filters.kind)
    return _date_and_outlet(stmt, filters, outlet)


def _statement_item(
    st: schema.Statement,
    speaker_id: int | None,
    speaker_name: str | None,
    speaker_type: str | None,
    outlet: str | None,
    text_: str,
    article: schema.Article,
) -> StatementItem:
    spans = [s for s in (_span(text_, a, b) for a, b in st.content_spans) if s]
    return StatementItem(
        id=st.id,
        article_id=st.article_id,
        position=st.position,
        kind=st.kind,
        content=st.content,
        spans=spans,
        cue=_span(text_, st.cue_start, st.cue_end),
        speaker=SpeakerRef(speaker_id, speaker_name, speaker_type or "unknown")
        if speaker_id is not None and speaker_name is not None
        else None,
        mention=_span(text_, st.speaker_start, st.speaker_end),
        role=st.speaker_role,
        addressee=st.addressee,
        outlet=outlet,
        published=article.published,
        url=article.url,
        title=article.title,
    )


def _narrow_events(
    stmt: Select[Any],
    when: Any,
    outlet: Any,
    actor: str | None,
    code: str | None,
    modality: str | None,
    filters: Filters,
    principal: bool = False,
) -> Select[Any]:
    """The event filters of the CLI and the API, checked: actor and code by prefix;
    ``principal`` keeps each sentence's main events only."""
    if code is not None and not re.fullmatch(r"\d{2,4}", code):
        raise QueryError(f"--code {code}: not a CAMEO code (two to four digits, e.g. 07 or 072)")
    if actor is not None and not re.fullmatch(r"[A-Za-z]{3,}", actor):
        raise QueryError(f"--actor {actor}: not a CAMEO actor code (letters, e.g. IRN or RUSMIL)")
    if modality is not None and modality not in MODALITIES:
        raise QueryError(f"--modality {modality}: one of {', '.join(MODALITIES)}")
    if actor:
        prefix = actor.upper() + "%"
        stmt = stmt.where(or_(schema.Event.source_code.like(prefix), schema.Event.target_code.like(prefix)))
    if code:
        stmt = stmt.where(schema.Event.code.like(code + "%"))
    if modality:
        stmt = stmt.where(schema.Event.modality == modality)
    if principal:
        stmt = stmt.where(schema.Event.principal.is_(True))
    if filters.outlet:
        wanted = filters.outlet.strip().lower()
        stmt = stmt.where(or_(func.lower(outlet.name) == wanted, func.lower(outlet.host) == wanted))
    if filters.since:
        stmt = stmt.where(when >= filters.since)
    if filters.until:
        stmt = stmt.where(when < filters.until + "\uffff")
    return stmt


def _event_rows() -> tuple[Select[Any], Any, Any]:
    outlet = aliased(schema.Outlet)
    reporter = aliased(schema.Statement)
    speaker = aliased(schema.Speaker)
    when = func.coalesce(schema.Event.date, func.substr(schema.Article.published, 1, 10))
    stmt = (
        select(
            schema.Event,
            reporter.id,
            speaker.name,
            when.label("when"),
            outlet.name,
            schema.Article.text,
            schema.Article,
        )
        .join(schema.Article, schema.Article.id == schema.Event.article_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
        .outerjoin(
            reporter,
            and_(
                reporter.article_id == schema.Event.article_id, reporter.position == schema.Event.reported_by
            ),
        )
        .outerjoin(speaker, speaker.id == reporter.speaker_id)
        .options(defer(schema.Article.text), defer(schema.Article.raw), defer(schema.Article.signature))
    )
    return stmt, when, outlet


def _event_item(
    e: schema.Event,
    reporter_id: int | None,
    reporter_name: str | None,
    when: str | None,
    outlet: str | None,
    text_: str,
    article: schema.Article,
) -> EventItem:
    target = None
    if e.target_text is not None or e.target_code is not None:
        target = ActorItem(e.target_text or "", e.target_code, _span(text_, e.target_start, e.target_end))
    trigger = _span(text_, e.trigger_start, e.trigger_end)
    sentence = _span(text_, e.sentence_start, e.sentence_end)
    return EventItem(
        id=e.id,
        article_id=e.article_id,
        position=e.position,
        code=e.code,
        name=e.name,
        plover=e.plover,
        modality=e.modality,
        source=ActorItem(e.source_text, e.source_code, _span(text_, e.source_start, e.source_end)),
        target=target,
        object=_span(text_, e.object_start, e.object_end),
        trigger=trigger or TextSpan(e.trigger_start, e.trigger_end, e.trigger),
        sentence=sentence or TextSpan(e.sentence_start, e.sentence_end, ""),
        reported_by=ReporterRef(reporter_id, e.reported_by, reporter_name)
        if e.reported_by is not None
        else None,
        date=e.date,
        date_granularity=e.date_granularity,
        date_text=e.date_text,
        when=when,
        outlet=outlet,
        url=article.url,
        title=article.title,
        principal=e.principal,
    )


def _speaker_counts(filters: Filters) -> Select[Any]:
    outlet = aliased(schema.Outlet)
    stmt = (
        select(
            schema.Speaker.id.label("id"),
            schema.Speaker.name.label("name"),
            schema.Speaker.type.label("type"),
            func.count(schema.Statement.id).label("n"),
            func.count(func.distinct(schema.Statement.article_id)).label("articles"),
            func.min(schema.Article.published).label("first"),
            func.max(schema.Article.published).label("last"),
        )
        .join(schema.Statement, schema.Statement.speaker_id == schema.Speaker.id)
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    stmt = _date_and_outlet(stmt, filters, outlet)
    if filters.kind:
        stmt = stmt.where(schema.Statement.kind == filters.kind)
    return stmt.group_by(schema.Speaker.id, schema.Speaker.name, schema.Speaker.type)


def _group_rows() -> Select[Any]:
    dates = (
        select(
            schema.Article.group_id.label("group_id"),
            func.min(schema.Article.published).label("first"),
            func.max(schema.Article.published).label("last"),
        )
        .group_by(schema.Article.group_id)
        .subquery("dates")
    )
    return select(
        schema.SyndicationGroup.id,
        schema.SyndicationGroup.title,
        schema.SyndicationGroup.size,
        dates.c.first,
        dates.c.last,
    ).outerjoin(dates, dates.c.group_id == schema.SyndicationGroup.id)


def _group_articles(store: Store, group_id: int) -> list[ArticleSummary]:
    """Every article of a group, oldest first (undated last)."""
    stmt, _outlet = _article_rows()
    stmt = stmt.where(schema.Article.group_id == group_id).order_by(
        schema.Article.published.is_(None), schema.Article.published, schema.Article.id
    )
    return [ArticleSummary(*row) for row in _rows(store, stmt)]


def _article_rows() -> tuple[Select[Any], Any]:
    outlet = aliased(schema.Outlet)
    stmt = (
        select(
            schema.Article.id,
            schema.Article.title,
            outlet.name,
            schema.Article.published,
            schema.Article.url,
            schema.Article.group_id,
            schema.SyndicationGroup.size,
            _count_of(schema.Statement),
            _count_of(schema.Event),
        )
        .join(schema.SyndicationGroup, schema.SyndicationGroup.id == schema.Article.group_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
    )
    return stmt, outlet


def _span(text_: str, start: int | None, end: int | None) -> TextSpan | None:
    if start is None or end is None or not 0 <= start <= end <= len(text_):
        return None
    return TextSpan(start, end, text_[start:end])
