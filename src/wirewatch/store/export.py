"""Exporting the store as flat files: one per table, in JSON Lines, CSV or Parquet.

``export(store, folder, fmt)`` writes ``articles``, ``statements`` and ``speakers`` (or the
``tables`` asked for) into ``folder`` and returns their paths. The columns of each table are
listed in :data:`COLUMNS`:

- articles: the article with its outlet's name, its syndication group and the group's size,
  its number of statements and ``sources``, every URL it was seen at;
- statements: the statement with its article's URL, outlet and date, and its speaker's
  canonical name and type; every offset points into the article's ``text``;
- speakers: each resolved speaker with its numbers of statements and articles, the roles
  it was given (most frequent first), its outlets and its first and last article dates.

Memory stays flat however big the database: rows are read a page at a time (keyset
pagination on the primary key, then range queries for the aggregates of the page), JSON
Lines and CSV are written row by row and Parquet in record batches. Lists are JSON arrays
in JSON Lines and Parquet lists; in CSV, lists of names are joined with ``|`` and
``content_spans`` is a JSON string. Each file is written under a temporary name and renamed
when complete, so an export that fails leaves no half-written file behind.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Protocol, get_args

from sqlalchemy import Result, distinct, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute, Session

from wirewatch.errors import StoreError
from wirewatch.store import schema
from wirewatch.store.store import Store, _first_line, _safe

if TYPE_CHECKING:
    import pyarrow as pa

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = get_args(Format)
TABLES = ("articles", "statements", "speakers")

# How a column is typed in Parquet and written in CSV.
Kind = Literal["int", "str", "strs", "spans"]
Row = dict[str, Any]

COLUMNS: dict[str, tuple[tuple[str, Kind], ...]] = {
    "articles": (
        ("id", "int"),
        ("external_id", "str"),
        ("url", "str"),
        ("canonical_url", "str"),
        ("title", "str"),
        ("site_name", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("dateline", "str"),
        ("group_id", "int"),
        ("group_size", "int"),
        ("content_hash", "str"),
        ("text", "str"),
        ("statements", "int"),
        ("sources", "strs"),
        ("ingested_at", "str"),
    ),
    "statements": (
        ("id", "int"),
        ("article_id", "int"),
        ("article_url", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("position", "int"),
        ("kind", "str"),
        ("content", "str"),
        ("content_spans", "spans"),
        ("cue", "str"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("speaker", "str"),
        ("speaker_type", "str"),
        ("speaker_role", "str"),
        ("speaker_text", "str"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("addressee", "str"),
    ),
    "speakers": (
        ("id", "int"),
        ("name", "str"),
        ("type", "str"),
        ("statements", "int"),
        ("articles", "int"),
        ("roles", "strs"),
        ("outlets", "strs"),
        ("first_seen", "str"),
        ("last_seen", "str"),
    ),
}

PAGE_SIZE = 1000  # rows read from the database at a time
BATCH_SIZE = 5000  # rows per Parquet record batch
LIST_SEPARATOR = "|"  # joins lists of names in CSV


def export(
    store: Store,
    folder: Path,
    fmt: Format,
    tables: Sequence[str] = TABLES,
    on_rows: Callable[[str, int], None] | None = None,
) -> dict[str, Path]:
    """Write each table of ``tables`` to ``folder/<table>.<fmt>``; return the paths by table.

    ``folder`` is created if missing. ``on_rows(table, n)`` is called each time ``n`` more
    rows of ``table`` have been written (for a progress bar; ``store.counts()`` gives the
    totals). Raises :class:`StoreError` when the folder or a file cannot be written or the
    database cannot be read.
    """
    if fmt not in FORMATS:
        raise StoreError(str(fmt), f"not an export format (one of {', '.join(FORMATS)})")
    wanted = list(dict.fromkeys(tables))
    for table in wanted:
        if table not in COLUMNS:
            raise StoreError(str(table), f"not a table that can be exported (one of {', '.join(TABLES)})")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StoreError(str(folder), "cannot be written (a file, not a folder)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(str(folder), f"cannot be written ({_os_reason(err)})") from err

    paths: dict[str, Path] = {}
    try:
        with store.session() as session:
            if store.dialect == "postgresql":
                # One snapshot for every page and table, even while an ingest writes.
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            for table in wanted:
                path = folder / f"{table}.{fmt}"
                _write_table(_PAGES[table](session), table, path, fmt, on_rows)
                paths[table] = path
    except SQLAlchemyError as err:
        raise StoreError(_safe(store.url), f"cannot be read for export ({_first_line(err)})") from err
    return paths


# -- writing ----------------------------------------------------------------------------


class _Sink(Protocol):
    def write(self, rows: Sequence[Row]) -> None: ...
    def close(self) -> None: ...


def _write_table(
    pages: Iterator[list[Row]],
    table: str,
    path: Path,
    fmt: Format,
    on_rows: Callable[[str, int], None] | None,
) -> None:
    partial = path.with_name(f".{path.name}.part")
    sink: _Sink | None = None
    try:
        sink = _open_sink(fmt, partial, COLUMNS[table])
        for rows in pages:
            sink.write(rows)
            if on_rows is not None:
                on_rows(table, len(rows))
        sink.close()
        sink = None
        os.replace(partial, path)
    except OSError as err:
        raise StoreError(str(path), f"cannot be written ({_os_reason(err)})") from err
    finally:
        if sink is not None:  # failed part-way: drop the partial file
            with contextlib.suppress(Exception):  # the first error is the one to report
                sink.close()
        partial.unlink(missing_ok=True)


def _open_sink(fmt: Format, path: Path, columns: tuple[tuple[str, Kind], ...]) -> _Sink:
    if fmt == "jsonl":
        return _JsonlSink(path)
    if fmt == "csv":
        return _CsvSink(path, columns)
    return _ParquetSink(path, columns)


class _JsonlSink:
    def __init__(self, path: Path) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, rows: Sequence[Row]) -> None:
        for row in rows:
            self._file.write(json.dumps(row, ensure_ascii=False))
            self._file.write("\n")

    def close(self) -> None:
        self._file.close()


class _CsvSink:
    """RFC 4180: comma-separated, fields with commas, quotes or newlines quoted, CRLF rows."""

    def __init__(self, path: Path, columns: tuple[tuple[str, Kind], ...]) -> None:
        self._file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._columns = columns
        self._writer = csv.writer(self._file)
        self._writer.writerow([name for name, _ in columns])

    def write(self, rows: Sequence[Row]) -> None:
        for row in rows:
            self._writer.writerow([_csv_cell(row[name], kind) for name, kind in self._columns])

    def close(self) -> None:
        self._file.close()


def _csv_cell(value: Any, kind: Kind) -> Any:
    if value is None:
        return ""
    if kind == "strs":
        return LIST_SEPARATOR.join(value)
    if kind == "spans":
        return json.dumps(value)
    return value


class _ParquetSink:
    """Record batches of :data:`BATCH_SIZE` rows under an explicit schema."""

    def __init__(self, path: Path, columns: tuple[tuple[str, Kind], ...]) -> None:
        import pyarrow.parquet as pq

        self._schema = _arrow_schema(columns)
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._buffer: list[Row] = []

    def write(self, rows: Sequence[Row]) -> None:
        self._buffer.extend(rows)
        if len(self._buffer) >= BATCH_SIZE:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            self._writer.write_batch(pa.RecordBatch.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()


def _arrow_schema(columns: tuple[tuple[str, Kind], ...]) -> pa.Schema:
    import pyarrow as pa

    types = {
        "int": pa.int64(),
        "str": pa.string(),
        "strs": pa.list_(pa.string()),
        "spans": pa.list_(pa.list_(pa.int64())),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns])


# -- reading ----------------------------------------------------------------------------


def _id_ranges(session: Session, column: InstrumentedAttribute[int]) -> Iterator[tuple[int, int]]:
    """(first, last) ids of successive pages of :data:`PAGE_SIZE` rows, by keyset pagination."""
    last: int | None = None
    while True:
        query = select(column).order_by(column).limit(PAGE_SIZE)
        if last is not None:
            query = query.where(column > last)
        ids = session.scalars(query).all()
        if not ids:
            return
        yield ids[0], ids[-1]
        last = ids[-1]


def _article_pages(session: Session) -> Iterator[list[Row]]:
    a = schema.Article
    for first, last in _id_ranges(session, a.id):
        counts = dict(
            session.execute(
                select(schema.Statement.article_id, func.count())
                .where(schema.Statement.article_id.between(first, last))
                .group_by(schema.Statement.article_id)
            ).all()
        )
        sources: dict[int, list[str]] = defaultdict(list)
        for article_id, url in session.execute(
            select(schema.Sighting.article_id, schema.Sighting.url)
            .where(schema.Sighting.article_id.between(first, last))
            .order_by(schema.Sighting.article_id, schema.Sighting.id)
        ):
            sources[article_id].append(url)
        rows = session.execute(
            select(
                a.id,
                a.external_id,
                a.url,
                a.canonical_url,
                a.title,
                a.site_name,
                schema.Outlet.name.label("outlet"),
                a.published,
                a.dateline,
                a.group_id,
                schema.SyndicationGroup.size.label("group_size"),
                a.content_hash,
                a.text,
                a.ingested_at,
            )
            .join(schema.SyndicationGroup, schema.SyndicationGroup.id == a.group_id)
            .outerjoin(schema.Outlet, schema.Outlet.id == a.outlet_id)
            .where(a.id.between(first, last))
            .order_by(a.id)
        )
        page = []
        for row in _dicts(rows):
            ingested_at = row.pop("ingested_at")
            row["statements"] = counts.get(row["id"], 0)
            row["sources"] = sources.get(row["id"], [])
            row["ingested_at"] = _iso(ingested_at)
            page.append(row)
        yield page


def _statement_pages(session: Session) -> Iterator[list[Row]]:
    st, a, sp = schema.Statement, schema.Article, schema.Speaker
    for first, last in _id_ranges(session, st.id):
        rows = session.execute(
            select(
                st.id,
                st.article_id,
                a.url.label("article_url"),
                schema.Outlet.name.label("outlet"),
                a.published,
                st.position,
                st.kind,
                st.content,
                st.content_spans,
                st.cue,
                st.cue_start,
                st.cue_end,
                sp.name.label("speaker"),
                sp.type.label("speaker_type"),
                st.speaker_role,
                st.speaker_text,
                st.speaker_start,
                st.speaker_end,
                st.addressee,
            )
            .join(a, a.id == st.article_id)
            .outerjoin(schema.Outlet, schema.Outlet.id == a.outlet_id)
            .outerjoin(sp, sp.id == st.speaker_id)
            .where(st.id.between(first, last))
            .order_by(st.id)
        )
        page = []
        for row in _dicts(rows):
            row["content_spans"] = [[int(start), int(end)] for start, end in row["content_spans"] or []]
            page.append(row)
        yield page


def _speaker_pages(session: Session) -> Iterator[list[Row]]:
    st, a, sp = schema.Statement, schema.Article, schema.Speaker
    for first, last in _id_ranges(session, sp.id):
        in_page = st.speaker_id.between(first, last)
        roles: dict[int, list[str]] = defaultdict(list)
        n = func.count().label("n")
        for speaker_id, role, _ in session.execute(
            select(st.speaker_id, st.speaker_role, n)
            .where(in_page, st.speaker_role.is_not(None), st.speaker_role != "")
            .group_by(st.speaker_id, st.speaker_role)
            .order_by(st.speaker_id, n.desc(), st.speaker_role)
        ):
            roles[speaker_id].append(role)
        outlets: dict[int, list[str]] = defaultdict(list)
        n = func.count().label("n")
        for speaker_id, outlet, _ in session.execute(
            select(st.speaker_id, schema.Outlet.name, n)
            .join(a, a.id == st.article_id)
            .join(schema.Outlet, schema.Outlet.id == a.outlet_id)
            .where(in_page)
            .group_by(st.speaker_id, schema.Outlet.name)
            .order_by(st.speaker_id, n.desc(), schema.Outlet.name)
        ):
            outlets[speaker_id].append(outlet)
        rows = session.execute(
            select(
                sp.id,
                sp.name,
                sp.type,
                func.count(st.id).label("statements"),
                func.count(distinct(st.article_id)).label("articles"),
                func.min(a.published).label("first_seen"),
                func.max(a.published).label("last_seen"),
            )
            .outerjoin(st, st.speaker_id == sp.id)
            .outerjoin(a, a.id == st.article_id)
            .where(sp.id.between(first, last))
            .group_by(sp.id, sp.name, sp.type)
            .order_by(sp.id)
        )
        yield [
            {
                "id": r["id"],
                "name": r["name"],
                "type": r["type"],
                "statements": r["statements"],
                "articles": r["articles"],
                "roles": roles.get(r["id"], []),
                "outlets": outlets.get(r["id"], []),
                "first_seen": r["first_seen"],
                "last_seen": r["last_seen"],
            }
            for r in _dicts(rows)
        ]


_PAGES: dict[str, Callable[[Session], Iterator[list[Row]]]] = {
    "articles": _article_pages,
    "statements": _statement_pages,
    "speakers": _speaker_pages,
}


def _dicts(result: Result[Any]) -> Iterator[Row]:
    """The rows of ``result`` as dicts by column name (faster than ``dict(row_mapping)``)."""
    keys = list(result.keys())
    for values in result:
        yield dict(zip(keys, values, strict=True))


def _iso(value: datetime.datetime | None) -> str | None:
    """ISO 8601 with its offset; the store keeps UTC times without one."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value.isoformat()


def _os_reason(err: OSError) -> str:
    return err.strerror.lower() if err.strerror else str(err)
