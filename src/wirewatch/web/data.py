"""What the pages show, read from the store.

The search itself is :func:`wirewatch.store.queries.search_statements`; this module adds
what only the pages need: facet counts, an article cut into highlighted segments, a
speaker's profile, and the network of who talks about whom and who acts on whom.

"Talks about" is worked out per statement from what the store already holds: the actors
of the events the statement reports (``Event.reported_by``) or whose actor spans lie in its
words, and the names of other known speakers written in its words. A country speaker
("Iran") and its CAMEO actor code (``IRN``) are one node.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

import pycountry
from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from wirewatch.store import Store, schema
from wirewatch.store.queries import (
    Filters,
    StatementHit,
    StoryRow,
    _hit,  # the row -> StatementHit mapping the CLI's search uses
    _statement_select,  # the statement query with Filters applied, shared with the CLI
    search_statements,
)

# How many hits a search counts its facets over; the page lists the first RESULTS of them.
FACET_HITS = 2000
RESULTS = 50
PALETTE = 8  # highlight colours; speakers beyond wrap around
NETWORK_NODES = 150
# The network and a speaker's "talks about" are worked out from the most recent statements
# and events in range, at most this many of each: the page must answer in a fraction of a
# second on a store of millions (see the note under the graph; a table of mentions kept
# at ingest would lift this limit).
NETWORK_SAMPLE = 3000
NETWORK_TYPES = ("person", "organization", "country")
PRONOUNS = frozenset(
    ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "who")
)
UNDATED = "undated"


# -- search ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Card:
    """A quote card: a statement hit with its speaker's id, for the link to their page."""

    hit: StatementHit
    speaker_id: int | None
    mention: str | None = None  # the words naming the speaker, for an unresolved one

    @property
    def month(self) -> str | None:
        return self.hit.published[:7] if self.hit.published else None


@dataclass(frozen=True, slots=True)
class SearchResult:
    cards: list[Card]
    total: int  # hits counted (at most FACET_HITS)
    capped: bool  # there may be more than ``total``
    facets: dict[str, list[tuple[str, int]]]  # speaker, outlet, kind, month -> (value, count)


def search(store: Store, query: str, filters: Filters) -> SearchResult:
    """Statements matching ``query`` (every word), or, without words, the newest under ``filters``."""
    if query.strip():
        hits = search_statements(store, query, filters, limit=FACET_HITS)
    else:
        stmt = _statement_select(filters).order_by(
            schema.Article.published.is_(None),
            schema.Article.published.desc(),
            schema.Article.id.desc(),
            schema.Statement.position,
        )
        hits = [_hit(row) for row in _rows(store, stmt.limit(FACET_HITS))]
    facets: dict[str, Counter[str]] = {name: Counter() for name in ("speaker", "outlet", "kind", "month")}
    for hit in hits:
        if hit.speaker:
            facets["speaker"][hit.speaker] += 1
        if hit.outlet:
            facets["outlet"][hit.outlet] += 1
        facets["kind"][hit.kind] += 1
        facets["month"][hit.published[:7] if hit.published else UNDATED] += 1
    ordered = {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:15] for name, c in facets.items()}
    ordered["month"] = sorted(facets["month"].items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))
    shown = hits[:RESULTS]
    return SearchResult(_cards(store, shown), len(hits), len(hits) >= FACET_HITS, ordered)


def _cards(store: Store, hits: Sequence[StatementHit]) -> list[Card]:
    ids = [h.id for h in hits]
    found = _rows(
        store,
        select(schema.Statement.id, schema.Statement.speaker_id, schema.Statement.speaker_text).where(
            schema.Statement.id.in_(ids)
        ),
    )
    speaker_of = {i: (speaker_id, mention) for i, speaker_id, mention in found}
    return [Card(h, *speaker_of.get(h.id, (None, None))) for h in hits]


# -- article ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatementView:
    id: int
    position: int
    kind: str
    content: str
    spans: list[tuple[int, int]]
    cue: str | None
    speaker_id: int | None
    speaker: str | None
    speaker_type: str | None
    mention: str | None
    role: str | None
    addressee: str | None
    colour: int | None  # index into the palette, None for an unresolved speaker


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article text, inside one statement's words or outside every one."""

    text: str
    statement: StatementView | None = None
    first: bool = False  # the statement's first stretch: it carries the anchor id


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    code: str
    name: str
    modality: str
    source: str
    source_code: str | None
    target: str | None
    target_code: str | None
    trigger: str
    date: str | None
    reporter: StatementView | None


@dataclass(frozen=True, slots=True)
class Carrier:
    """Another place the story ran: an article of the same syndication group, or an exact copy."""

    article_id: int | None
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class SpeakerInArticle:
    id: int | None
    name: str
    type: str | None
    colour: int | None
    statements: int


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    dateline: str | None
    url: str | None
    segments: list[Segment]
    statements: list[StatementView]
    speakers: list[SpeakerInArticle]
    events: list[EventView]
    carriers: list[Carrier]
    group_size: int


def article(store: Store, article_id: int) -> ArticleView | None:
    with store.session() as s:
        row = s.get(schema.Article, article_id)
        if row is None:
            return None
        outlet = s.get(schema.Outlet, row.outlet_id) if row.outlet_id else None
        group = s.get(schema.SyndicationGroup, row.group_id)
        speaker_rows = s.execute(
            select(schema.Statement, schema.Speaker)
            .outerjoin(schema.Speaker, schema.Speaker.id == schema.Statement.speaker_id)
            .where(schema.Statement.article_id == article_id)
            .order_by(schema.Statement.position)
        ).all()
        event_rows = list(
            s.scalars(
                select(schema.Event)
                .where(schema.Event.article_id == article_id)
                .order_by(schema.Event.position)
            )
        )
        carriers = _carriers(s, row)
    colours: dict[int, int] = {}
    statements: list[StatementView] = []
    for st, sp in speaker_rows:
        colour = None
        if sp is not None:
            colour = colours.setdefault(sp.id, len(colours) % PALETTE)
        spans = [(a, b) for a, b in st.content_spans]
        statements.append(
            StatementView(
                st.id,
                st.position,
                st.kind,
                st.content,
                spans,
                st.cue,
                sp.id if sp else None,
                sp.name if sp else None,
                sp.type if sp else None,
                st.speaker_text,
                st.speaker_role,
                st.addressee,
                colour,
            )
        )
    by_position = {st.position: st for st in statements}
    events = [
        EventView(
            e.id,
            e.code,
            e.name,
            e.modality,
            e.source_text,
            e.source_code,
            e.target_text,
            e.target_code,
            e.trigger,
            e.date,
            by_position.get(e.reported_by) if e.reported_by is not None else None,
        )
        for e in event_rows
    ]
    return ArticleView(
        row.id,
        row.title,
        outlet.name if outlet else None,
        row.published,
        row.dateline,
        row.url,
        segments(row.text, statements),
        statements,
        _speakers_in(statements),
        events,
        carriers,
        group.size if group else 1,
    )


def segments(text: str, statements: Sequence[StatementView]) -> list[Segment]:
    """``text`` cut at every span boundary; a stretch inside several statements goes to the first."""
    cuts = {0, len(text)}
    for st in statements:
        for a, b in st.spans:
            cuts.update((max(0, min(a, len(text))), max(0, min(b, len(text)))))
    bounds = sorted(cuts)
    out: list[Segment] = []
    started: set[int] = set()
    for a, b in pairwise(bounds):
        if a == b:
            continue
        owner = next((st for st in statements if any(x <= a and b <= y for x, y in st.spans)), None)
        first = owner is not None and owner.id not in started
        if owner is not None:
            started.add(owner.id)
        previous = out[-1] if out else None
        if previous is not None and previous.statement is owner and not first:
            out[-1] = Segment(previous.text + text[a:b], owner, previous.first)
        else:
            out.append(Segment(text[a:b], owner, first))
    return out


def _speakers_in(statements: Sequence[StatementView]) -> list[SpeakerInArticle]:
    counts: Counter[int | None] = Counter(st.speaker_id for st in statements)
    seen: dict[int | None, SpeakerInArticle] = {}
    for st in statements:
        if st.speaker_id not in seen:
            name = st.speaker or (st.mention and f"“{st.mention}” (unresolved)") or "unknown speaker"
            seen[st.speaker_id] = SpeakerInArticle(
                st.speaker_id, name, st.speaker_type, st.colour, counts[st.speaker_id]
            )
    return list(seen.values())


def _carriers(s: Session, row: schema.Article) -> list[Carrier]:
    outlet = aliased(schema.Outlet)
    others = s.execute(
        select(
            schema.Article.id, outlet.name, schema.Article.title, schema.Article.published, schema.Article.url
        )
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
        .where(schema.Article.group_id == row.group_id, schema.Article.id != row.id)
        .order_by(schema.Article.published.is_(None), schema.Article.published, schema.Article.id)
    ).all()
    found = [Carrier(*r) for r in others]
    # The first sighting is the article's own; later ones are exact copies seen elsewhere.
    copies = s.execute(
        select(schema.Sighting.url, schema.Sighting.outlet_id, outlet.name)
        .outerjoin(outlet, outlet.id == schema.Sighting.outlet_id)
        .where(schema.Sighting.article_id == row.id)
        .order_by(schema.Sighting.id)
    ).all()[1:]
    for url, outlet_id, name in copies:
        if outlet_id is not None and outlet_id == row.outlet_id:
            continue  # the same outlet again, at another address
        link = url if url.startswith(("http://", "https://")) else None
        found.append(Carrier(None, name, None, None, link))
    return found


# -- who talks about whom, who acts on whom --------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    label: str
    type: str  # person, organization, country
    url: str


@dataclass
class _Statement:
    id: int
    article_id: int
    position: int
    spans: list[list[int]]
    content: str
    speaker_id: int


@dataclass
class _Event:
    article_id: int
    source_code: str | None
    target_code: str | None
    source_text: str
    target_text: str | None
    source_start: int | None
    target_start: int | None
    reported_by: int | None


@dataclass
class _Universe:
    """What the node keys resolve to: speakers, actor codes, and the speaker of a country code."""

    speakers: dict[int, tuple[str, str]]  # id -> (name, type)
    country_speaker: dict[str, int] = field(default_factory=dict)  # IRN -> the speaker "Iran"
    actor_texts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def speaker_key(self, speaker_id: int) -> str:
        name, type_ = self.speakers[speaker_id]
        code = country_code(name) if type_ == "country" else None
        return f"actor:{code}" if code else f"speaker:{speaker_id}"

    def actor_key(self, code: str) -> str:
        return f"actor:{code}"

    def node(self, key: str) -> Node:
        kind, _, value = key.partition(":")
        if kind == "speaker":
            name, type_ = self.speakers[int(value)]
            return Node(key, name, type_, f"/speakers/{value}")
        speaker_id = self.country_speaker.get(value)
        if speaker_id is not None:
            return Node(key, self.speakers[speaker_id][0], "country", f"/speakers/{speaker_id}")
        return Node(
            key, actor_label(value, self.actor_texts.get(value)), actor_type(value), f"/actors/{value}"
        )


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-3 code (CAMEO's country code) of a country name, if it is one."""
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return None


# Where ISO 3166's name (or its common name) is not the one news copy uses.
SHORT_NAMES = {
    "RUS": "Russia",
    "COD": "DR Congo",
    "PSE": "Palestine",
    "FSM": "Micronesia",
    "VAT": "Vatican City",
    "FLK": "Falkland Islands",
}


@lru_cache(maxsize=4096)
def country_name(code: str) -> str | None:
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if found is None:
        return None
    return SHORT_NAMES.get(code) or str(getattr(found, "common_name", None) or found.name)


def actor_type(code: str) -> str:
    return "country" if country_name(code) else "organization"


def actor_label(code: str, texts: Counter[str] | None = None) -> str:
    """``Iran`` for IRN; the words most often used for a compound code, with the code."""
    name = country_name(code)
    if name:
        return name
    if texts:
        words = texts.most_common(1)[0][0]
        words = re.sub(r"^(the|a|an)\s+", "", words, flags=re.IGNORECASE)
        if len(words) > 40:
            words = words[:39] + "…"
        return f"{words[:1].upper()}{words[1:]} ({code})"
    return code


def _load(
    store: Store, filters: Filters, speaker_id: int | None = None
) -> tuple[list[_Statement], dict[int, list[_Event]], _Universe]:
    """The statements (with a person, organisation or country speaker) and events under ``filters``."""
    statement = (
        select(
            schema.Statement.id,
            schema.Statement.article_id,
            schema.Statement.position,
            schema.Statement.content_spans,
            schema.Statement.content,
            schema.Statement.speaker_id,
        )
        .join(schema.Article, schema.Article.id == schema.Statement.article_id)
        .join(schema.Speaker, schema.Speaker.id == schema.Statement.speaker_id)
        .where(schema.Speaker.type.in_(NETWORK_TYPES))
    )
    when = func.coalesce(schema.Event.date, func.substr(schema.Article.published, 1, 10))
    event = select(
        schema.Event.article_id,
        schema.Event.source_code,
        schema.Event.target_code,
        schema.Event.source_text,
        schema.Event.target_text,
        schema.Event.source_start,
        schema.Event.target_start,
        schema.Event.reported_by,
    ).join(schema.Article, schema.Article.id == schema.Event.article_id)
    if filters.since:
        statement = statement.where(schema.Article.published >= filters.since)
        event = event.where(when >= filters.since)
    if filters.until:
        statement = statement.where(schema.Article.published < filters.until + "\uffff")
        event = event.where(when < filters.until + "\uffff")
    if speaker_id is not None:
        statement = statement.where(schema.Statement.speaker_id == speaker_id)
        event = event.where(
            schema.Event.article_id.in_(
                select(schema.Statement.article_id).where(schema.Statement.speaker_id == speaker_id)
            )
        )
    statement = statement.order_by(schema.Statement.article_id.desc(), schema.Statement.id.desc()).limit(
        NETWORK_SAMPLE
    )
    event = event.order_by(schema.Event.article_id.desc(), schema.Event.id.desc()).limit(NETWORK_SAMPLE)
    statements = [_Statement(*r) for r in _rows(store, statement)]
    events: dict[int, list[_Event]] = defaultdict(list)
    for r in _rows(store, event):
        events[r[0]].append(_Event(*r))
    universe = _Universe(
        {
            i: (n, t)
            for i, n, t in _rows(
                store,
                select(schema.Speaker.id, schema.Speaker.name, schema.Speaker.type).where(
                    schema.Speaker.type.in_(NETWORK_TYPES)
                ),
            )
        }
    )
    for i, (name, type_) in universe.speakers.items():
        code = country_code(name) if type_ == "country" else None
        if code:
            universe.country_speaker.setdefault(code, i)
    for evs in events.values():
        for e in evs:
            if e.source_code:
                universe.actor_texts[e.source_code][e.source_text] += 1
            if e.target_code and e.target_text:
                universe.actor_texts[e.target_code][e.target_text] += 1
    return statements, events, universe


_WORD = re.compile(r"\w[\w'’-]*")


def _name_index(universe: _Universe) -> dict[str, list[tuple[str, ...]]]:
    """Speaker names by their first word, longest first: names are found in a statement by
    walking its words once (a regex alternation of thousands of names is far slower)."""
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name, _ in universe.speakers.values():
        words = tuple(_WORD.findall(name))
        if len(name) >= 3 and words:
            index[words[0]].append(words)
    for names in index.values():
        names.sort(key=len, reverse=True)
    return index


def _names_in(text: str, index: dict[str, list[tuple[str, ...]]]) -> set[str]:
    words = _WORD.findall(text)
    found: set[str] = set()
    for i, word in enumerate(words):
        for name in index.get(word, ()):
            if tuple(words[i : i + len(name)]) == name:
                found.add(" ".join(name))
                break
    return found


def _talks_about(
    statements: Iterable[_Statement], events: dict[int, list[_Event]], universe: _Universe
) -> Iterable[tuple[_Statement, set[str]]]:
    """Each statement with the node keys it is about (never its own speaker's)."""
    index = _name_index(universe)
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, (name, _) in universe.speakers.items():
        by_name[" ".join(_WORD.findall(name))].append(i)
    for st in statements:
        about: set[str] = set()
        for e in events.get(st.article_id, []):
            inside = e.reported_by == st.position
            for code, start in ((e.source_code, e.source_start), (e.target_code, e.target_start)):
                if code and (inside or (start is not None and any(a <= start < b for a, b in st.spans))):
                    about.add(universe.actor_key(code))
        for name in _names_in(st.content, index):
            about.update(universe.speaker_key(i) for i in by_name[name])
        about.discard(universe.speaker_key(st.speaker_id))
        yield st, about


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str  # "quotes" (speaker -> whom their words are about) or "acts" (event source -> target)
    weight: int


@dataclass(frozen=True, slots=True)
class Network:
    nodes: list[tuple[Node, int]]  # with weighted degree
    edges: list[Edge]


def network(store: Store, filters: Filters, max_nodes: int = NETWORK_NODES) -> Network:
    statements, events, universe = _load(store, filters)
    weights: Counter[tuple[str, str, str]] = Counter()
    for st, about in _talks_about(statements, events, universe):
        me = universe.speaker_key(st.speaker_id)
        for key in about:
            weights[(me, key, "quotes")] += 1
    for evs in events.values():
        for e in evs:
            if e.source_code and e.target_code and e.source_code != e.target_code:
                weights[(universe.actor_key(e.source_code), universe.actor_key(e.target_code), "acts")] += 1
    degree: Counter[str] = Counter()
    for (a, b, _), w in weights.items():
        degree[a] += w
        degree[b] += w
    kept = {key for key, _ in degree.most_common(max_nodes)}
    nodes = [(universe.node(key), degree[key]) for key in sorted(kept, key=lambda k: (-degree[k], k))]
    edges = [
        Edge(a, b, kind, w)
        for (a, b, kind), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
        if a in kept and b in kept
    ]
    return Network(nodes, edges)


# -- speaker ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # YYYY-MM
    count: int
    x: float
    y: float
    width: float
    height: float
    tick: str | None  # the axis label under this bar, if any


@dataclass(frozen=True, slots=True)
class SpeakerView:
    id: int
    name: str
    type: str
    names: list[tuple[str, int]]
    roles: list[tuple[str, int]]
    outlets: list[tuple[str, int]]
    about: list[tuple[Node, int]]
    cards: list[Card]
    bars: list[Bar]
    undated: int
    peak: int


CHART_WIDTH, CHART_HEIGHT = 720.0, 160.0


def speaker(store: Store, speaker_id: int) -> SpeakerView | None:
    with store.session() as s:
        row = s.get(schema.Speaker, speaker_id)
        if row is None:
            return None
        name, type_ = row.name, row.type
    stmt = (
        _statement_select(Filters())
        .where(schema.Statement.speaker_id == speaker_id)
        .order_by(
            schema.Article.published.is_(None),
            schema.Article.published,
            schema.Article.id,
            schema.Statement.position,
        )
    )
    rows = _rows(store, stmt)
    hits = [_hit(r) for r in rows]
    mentions: Counter[str] = Counter()
    for r in rows:
        mention = (r[0].speaker_text or "").strip()
        if mention and mention.casefold() not in PRONOUNS:
            mentions[mention] += 1
    roles: Counter[str] = Counter()
    for h in hits:
        if h.role:
            roles[h.role.strip()] += 1
    outlets = Counter(h.outlet for h in hits if h.outlet)
    months = Counter(h.published[:7] for h in hits if h.published and len(h.published) >= 7)
    undated = sum(1 for h in hits if not (h.published and len(h.published) >= 7))
    about: Counter[str] = Counter()
    universe: _Universe | None = None
    if type_ in NETWORK_TYPES:
        statements, events, universe = _load(store, Filters(), speaker_id)
        for _, keys in _talks_about(statements, events, universe):
            about.update(keys)
    bars, peak = timeline(months)
    return SpeakerView(
        speaker_id,
        name,
        type_,
        mentions.most_common(),
        roles.most_common(),
        outlets.most_common(),
        [(universe.node(k), n) for k, n in about.most_common(30)] if universe else [],
        [Card(h, speaker_id) for h in hits],
        bars,
        undated,
        peak,
    )


def timeline(months: Counter[str], max_months: int = 240, min_months: int = 12) -> tuple[list[Bar], int]:
    """One bar per month from the first to the last (at most ``max_months``, the latest kept);
    a short span is widened to ``min_months`` around it, so that one month is not one wide block."""
    if not months:
        return [], 0
    first, last = min(months), max(months)
    span = _month_range(first, last)[-max_months:]
    if len(span) < min_months and len(span[0]) == 7:
        before = (min_months - len(span)) // 2
        span = _month_range(_shift(span[0], -before), _shift(span[-1], min_months - len(span) - before))
    peak = max(months.values())
    width = CHART_WIDTH / len(span)
    step = max(1, round(len(span) / 8))
    bars = []
    for i, month in enumerate(span):
        count = months.get(month, 0)
        height = (CHART_HEIGHT - 10) * count / peak
        tick = month if i % step == 0 or len(span) == 1 else None
        bars.append(Bar(month, count, i * width + 1, CHART_HEIGHT - height, max(width - 2, 1), height, tick))
    return bars, peak


def _shift(month: str, by: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_range(first: str, last: str) -> list[str]:
    try:
        y, m = int(first[:4]), int(first[5:7])
        end = (int(last[:4]), int(last[5:7]))
        datetime.date(y, m, 1)
    except ValueError:
        return sorted({first, last})
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# -- actor -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorView:
    code: str
    label: str
    type: str
    speaker_id: int | None  # the speaker who is this country, if any
    events: list[EventRowView]
    quoted_by: list[tuple[Node, int]]


@dataclass(frozen=True, slots=True)
class EventRowView:
    article_id: int
    code: str
    name: str
    modality: str
    source: str
    source_code: str | None
    target: str | None
    target_code: str | None
    reporter: str | None
    reporter_id: int | None
    statement_id: int | None
    date: str | None
    outlet: str | None


def actor(store: Store, code: str) -> ActorView | None:
    """Events where ``code`` is the source or the target (exactly), and who talks about it."""
    outlet = aliased(schema.Outlet)
    reporter = aliased(schema.Statement)
    when = func.coalesce(schema.Event.date, func.substr(schema.Article.published, 1, 10))
    stmt = (
        select(schema.Event, reporter.id, reporter.speaker_id, schema.Speaker.name, outlet.name, when)
        .join(schema.Article, schema.Article.id == schema.Event.article_id)
        .outerjoin(outlet, outlet.id == schema.Article.outlet_id)
        .outerjoin(
            reporter,
            and_(
                reporter.article_id == schema.Event.article_id, reporter.position == schema.Event.reported_by
            ),
        )
        .outerjoin(schema.Speaker, schema.Speaker.id == reporter.speaker_id)
        .where((schema.Event.source_code == code) | (schema.Event.target_code == code))
        .order_by(when.desc().nulls_last(), schema.Event.article_id, schema.Event.position)
    )
    rows = _rows(store, stmt)
    if not rows:
        return None
    texts: Counter[str] = Counter()
    views = []
    for e, statement_id, reporter_id, reporter_name, outlet_name, when_ in rows:
        if e.source_code == code:
            texts[e.source_text] += 1
        if e.target_code == code and e.target_text:
            texts[e.target_text] += 1
        views.append(
            EventRowView(
                e.article_id,
                e.code,
                e.name,
                e.modality,
                e.source_text,
                e.source_code,
                e.target_text,
                e.target_code,
                reporter_name,
                reporter_id,
                statement_id,
                when_,
                outlet_name,
            )
        )
    statements, events, universe = _load(store, Filters())
    key = universe.actor_key(code)
    quoted: Counter[str] = Counter()
    for st, about in _talks_about(statements, events, universe):
        if key in about:
            quoted[universe.speaker_key(st.speaker_id)] += 1
    return ActorView(
        code,
        actor_label(code, texts),
        actor_type(code),
        universe.country_speaker.get(code),
        views,
        [(universe.node(k), n) for k, n in quoted.most_common(30)],
    )


# -- the home page ---------------------------------------------------------------------


def with_first_articles(store: Store, found: Sequence[StoryRow]) -> list[tuple[StoryRow, int | None]]:
    """Each story with its first stored article, the one the home page links to."""
    ids = [st.id for st in found]
    first = dict(
        _rows(
            store,
            select(schema.Article.group_id, func.min(schema.Article.id))
            .where(schema.Article.group_id.in_(ids))
            .group_by(schema.Article.group_id),
        )
    )
    return [(st, first.get(st.id)) for st in found]


def _rows(store: Store, stmt: Select[Any]) -> list[tuple[Any, ...]]:
    with store.session() as s:
        return [tuple(r) for r in s.execute(stmt).all()]
