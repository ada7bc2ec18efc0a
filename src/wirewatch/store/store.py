"""The article store: open a database by URL, bring its schema up to date, write and count.

``Store(url)`` works the same on SQLite (the default, ``sqlite:///wirewatch.db``) and on
PostgreSQL (``postgresql+psycopg://user@host/db``). Opening a store runs the Alembic
migrations, so a database made by an older wirewatch is upgraded in place.

Writing goes through :meth:`Store.writer`: one writer per run, which finds syndication
groups through the index kept in the database (store/lsh.py) and commits each article
with its statements in one transaction. A run killed at any point leaves whole articles
only, and running it again continues where it stopped.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from wirewatch.errors import StoreError
from wirewatch.ingest import RawDocument
from wirewatch.model import Event, Extraction
from wirewatch.store import schema
from wirewatch.store.lsh import StoredSyndicationIndex
from wirewatch.store.urls import canonical_url, host_of
from wirewatch.syndication import Fingerprint

DEFAULT_DB = "sqlite:///wirewatch.db"
# Speaker ids a writer keeps at hand; the rest are read from the database when needed.
_SPEAKER_CACHE = 20_000


def database_url(url: str | None = None) -> str:
    """The database to use: ``url``, else ``$WIREWATCH_DB``, else ``wirewatch.db`` here."""
    return url or os.environ.get("WIREWATCH_DB") or DEFAULT_DB


def source_key(raw: RawDocument) -> str:
    """What identifies an input across runs: its canonical URL, else where it was read from."""
    return canonical_url(raw.url) or f"source:{raw.source}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the writer did with one article."""

    status: Literal["stored", "duplicate"]
    article_id: int
    group_id: int
    statements: int = 0


class Store:
    def __init__(self, url: str | None = None, migrate: bool = True) -> None:
        """Open the database at ``url``; ``migrate=False`` for a reader (a worker process)
        that must not race the writer to upgrade the schema."""
        self.url = database_url(url)
        try:
            backend = make_url(self.url).get_backend_name()
        except ArgumentError as err:
            raise StoreError(self.url, "not a database URL (try sqlite:///wirewatch.db)") from err
        if backend not in ("sqlite", "postgresql"):
            raise StoreError(_safe(self.url), "only SQLite and PostgreSQL databases are supported")
        try:
            self.engine: Engine = create_engine(self.url)
        except (ArgumentError, ImportError) as err:
            raise StoreError(_safe(self.url), f"not a database URL wirewatch can open ({err})") from err
        if backend == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            if migrate:
                self._migrate()
        except OperationalError as err:
            raise StoreError(_safe(self.url), f"cannot open the database ({_first_line(err)})") from err

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("wirewatch.store") / "migrations"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what is already stored -------------------------------------------------------

    def has_source(self, key: str) -> bool:
        """Whether an input with this source key was stored, or seen as a copy, already."""
        with self.session() as s:
            return s.scalar(select(schema.Sighting.id).where(schema.Sighting.url == key).limit(1)) is not None

    def has_content(self, content_hash: str) -> bool:
        """Whether an article with this normalised body is stored already."""
        with self.session() as s:
            found = select(schema.Article.id).where(schema.Article.content_hash == content_hash).limit(1)
            return s.scalar(found) is not None

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, groups, statements, speakers, outlets, sightings, failures."""
        tables = {
            "articles": schema.Article,
            "groups": schema.SyndicationGroup,
            "statements": schema.Statement,
            "events": schema.Event,
            "speakers": schema.Speaker,
            "outlets": schema.Outlet,
            "sightings": schema.Sighting,
            "failures": schema.Failure,
        }
        with self.session() as s:
            return {name: s.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}

    def writer(self) -> Writer:
        return Writer(self)


class Writer:
    """The one writer of a run: stores articles in input order, one transaction each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.session = store.session()
        # Kept in the database, not in memory: memory stays flat however big the corpus.
        self.index = StoredSyndicationIndex(self.session)
        self._outlets = {o.name: o.id for o in self.session.scalars(select(schema.Outlet))}
        # The most recently used speakers' ids; others are looked up (a corpus has millions).
        self._speakers: OrderedDict[tuple[str, str], int] = OrderedDict()

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, raw: RawDocument, extraction: Extraction | None, fp: Fingerprint) -> Outcome:
        """Store one article with its statements, or record it as a copy of a stored one.

        ``extraction`` may be None only when the worker already knew the article is a
        duplicate (its content hash was stored before the run began).
        """
        try:
            outcome = self._add(raw, extraction, fp)
            self.session.commit()
        except SQLAlchemyError as err:
            self.session.rollback()
            raise StoreError(raw.source, f"could not be stored ({_first_line(err)})") from err
        return outcome

    def fail(self, source: str, reason: str) -> None:
        """Record an input that could not be read; once, however often it is retried."""
        exists = self.session.scalar(
            select(schema.Failure.id).where(schema.Failure.source == source, schema.Failure.reason == reason)
        )
        if exists is None:
            self.session.add(schema.Failure(source=source[:2000], reason=reason))
            self.session.commit()

    def _add(self, raw: RawDocument, extraction: Extraction | None, fp: Fingerprint) -> Outcome:
        s = self.session
        key = source_key(raw)
        url = canonical_url(raw.url)
        same = s.scalar(select(schema.Article).where(schema.Article.content_hash == fp.content_hash))
        if same is None and url is not None:
            same = s.scalar(select(schema.Article).where(schema.Article.canonical_url == url))
        if same is not None:
            self._sight(same.id, key, raw.site_name, raw.url)
            return Outcome("duplicate", same.id, same.group_id)
        if extraction is None:
            raise StoreError(raw.source, "was taken for a duplicate but its original is not stored")
        article = extraction.article
        outlet_id = self._outlet(article.site_name, article.url or raw.url)
        match = self.index.find(fp)
        if match is not None:
            matched = s.get(schema.Article, match)
            assert matched is not None
            group_id = matched.group_id
            group = s.get(schema.SyndicationGroup, group_id)
            assert group is not None
            group.size += 1
        else:
            group = schema.SyndicationGroup(title=article.title, size=1)
            s.add(group)
            s.flush()
            group_id = group.id
        row = schema.Article(
            external_id=article.id[:1000],
            source=raw.source,
            url=article.url or raw.url,
            canonical_url=url,
            title=article.title,
            site_name=article.site_name,
            dateline=article.dateline,
            published=article.published,
            text=article.text,
            headline_start=article.headline.start if article.headline else None,
            headline_end=article.headline.end if article.headline else None,
            headings=[[h.start, h.end] for h in article.headings],
            content_hash=fp.content_hash,
            signature=fp.to_bytes(),
            raw_kind="html" if raw.html else "text",
            raw=raw.html or raw.text or "",
            outlet_id=outlet_id,
            group_id=group_id,
        )
        s.add(row)
        s.flush()
        for position, st in enumerate(extraction.statements):
            s.add(
                schema.Statement(
                    article_id=row.id,
                    position=position,
                    kind=st.kind,
                    content=st.content_text,
                    content_spans=[[p.start, p.end] for p in st.content],
                    cue=st.cue.text[:200] if st.cue else None,
                    cue_start=st.cue.start if st.cue else None,
                    cue_end=st.cue.end if st.cue else None,
                    speaker_id=self._speaker(st.speaker_name, st.speaker_type),
                    speaker_text=st.speaker.text if st.speaker else None,
                    speaker_start=st.speaker.start if st.speaker else None,
                    speaker_end=st.speaker.end if st.speaker else None,
                    speaker_role=st.speaker_role,
                    addressee=st.addressee,
                )
            )
        for position, ev in enumerate(extraction.events):
            s.add(_event_row(row.id, position, ev))
        s.add(schema.Sighting(article_id=row.id, url=key, outlet_id=outlet_id))
        s.flush()
        self.index.add(row.id, fp)
        return Outcome("stored", row.id, group_id, len(extraction.statements))

    def _sight(self, article_id: int, key: str, site_name: str | None, url: str | None) -> None:
        known = self.session.scalar(
            select(schema.Sighting.id).where(
                schema.Sighting.article_id == article_id, schema.Sighting.url == key
            )
        )
        if known is None:
            outlet_id = self._outlet(site_name, url)
            self.session.add(schema.Sighting(article_id=article_id, url=key, outlet_id=outlet_id))

    def _outlet(self, site_name: str | None, url: str | None) -> int | None:
        host = host_of(url)
        name = (site_name or "").strip()[:300] or host
        if not name:
            return None
        if name not in self._outlets:
            outlet = schema.Outlet(name=name, host=host)
            self.session.add(outlet)
            self.session.flush()
            self._outlets[name] = outlet.id
        return self._outlets[name]

    def _speaker(self, name: str | None, type_: str) -> int | None:
        if not name:
            return None
        key = (name[:500], type_)
        if key in self._speakers:
            self._speakers.move_to_end(key)
            return self._speakers[key]
        found = self.session.scalar(
            select(schema.Speaker.id).where(schema.Speaker.name == key[0], schema.Speaker.type == type_)
        )
        if found is None:
            speaker = schema.Speaker(name=key[0], type=type_)
            self.session.add(speaker)
            self.session.flush()
            found = speaker.id
        self._speakers[key] = found
        if len(self._speakers) > _SPEAKER_CACHE:
            self._speakers.popitem(last=False)
        return found


def _event_row(article_id: int, position: int, ev: Event) -> schema.Event:
    target, obj, date = ev.target, ev.object, ev.date
    return schema.Event(
        article_id=article_id,
        position=position,
        code=ev.code,
        name=ev.name[:200],
        plover=ev.plover,
        modality=ev.modality,
        source_text=ev.source.text,
        source_code=ev.source.code,
        source_start=ev.source.span.start if ev.source.span else None,
        source_end=ev.source.span.end if ev.source.span else None,
        target_text=target.text if target else None,
        target_code=target.code if target else None,
        target_start=target.span.start if target and target.span else None,
        target_end=target.span.end if target and target.span else None,
        object_text=obj.text if obj else None,
        object_start=obj.start if obj else None,
        object_end=obj.end if obj else None,
        trigger=ev.trigger.text[:200],
        trigger_start=ev.trigger.start,
        trigger_end=ev.trigger.end,
        sentence_start=ev.sentence.start,
        sentence_end=ev.sentence.end,
        reported_by=ev.reported_by,
        date=date.value if date else None,
        date_granularity=date.granularity if date else None,
        date_text=date.span.text[:200] if date else None,
        principal=ev.principal,
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (search, the API) work while an ingest writes; NORMAL sync is safe
    # with WAL (a crash loses at most the last transactions, never corrupts the file).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err)
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
