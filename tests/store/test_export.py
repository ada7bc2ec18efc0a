"""Exporting the store to JSON Lines, CSV and Parquet, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import select

import wirewatch.store.export as export_module
from wirewatch.errors import StoreError
from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article
from wirewatch.store import Store, schema
from wirewatch.store.export import COLUMNS, export
from wirewatch.syndication import fingerprint

FORMATS = ["jsonl", "csv", "parquet"]

DRONES = (
    "Russia seeks Iran drones after losses in Ukraine\n\n"
    'A senior US official said on Tuesday that Russia is seeking drones from Iran. "Iran is '
    'preparing to provide Russia with several hundred UAVs," national security adviser Jake '
    "Sullivan told reporters.\n\nIran denied the report on Wednesday. Foreign ministry spokesman "
    "Nasser Kanani said Tehran had not supplied weapons to either side."
)
# Commas, quotes and newlines, in the title, the text and a statement: what CSV must quote.
STORM = (
    'Storm, "wind" and rain hit the coast\n\n'
    '"We lost the roof, the fence and the car," said Ann Lee, a teacher.\n\n'
    '"Nobody came to help us," said Lee, a teacher.'
)
COUNCIL = (
    "Council meets after the storm\n\n"
    '"The repairs will take months, not weeks," said Ann Lee, a local councillor, on Friday.'
)


def _add(store: Store, extractor: Extractor, raw: RawDocument) -> None:
    article = load_article(raw)
    with store.writer() as writer:
        writer.add(raw, extractor.extract(article), fingerprint(article))


def _raw(id: str, text: str, url: str, site: str) -> RawDocument:
    return RawDocument(id=id, source=f"{id}.txt", text=text, html=None, url=url, site_name=site)


@pytest.fixture
def filled(store: Store, extractor: Extractor) -> Store:
    """Three articles from two outlets; the drones story is also seen at a second URL."""
    _add(store, extractor, _raw("drones", DRONES, "https://wire.example/drones", "Wire"))
    _add(store, extractor, _raw("storm", STORM, "https://coast.example/storm", "Coast News"))
    _add(store, extractor, _raw("council", COUNCIL, "https://wire.example/council", "Wire"))
    _add(store, extractor, _raw("copy", DRONES, "https://mirror.example/drones", "Mirror"))
    with store.session() as s:  # dates as a feed would give them
        for article in s.scalars(select(schema.Article)):
            article.published = {"drones": "2022-07-12", "storm": "2023-01-05"}.get(
                article.external_id, "2023-02-01T09:30:00"
            )
        s.commit()
    return store


def _read(path: Path, fmt: str) -> list[dict[str, Any]]:
    """The rows of an exported file, with CSV cells turned back into lists and numbers."""
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    table = path.stem
    kinds = dict(COLUMNS[table])
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for name, kind in kinds.items():
            cell = row[name]
            if kind == "int":
                row[name] = int(cell) if cell else None
            elif kind == "strs":
                row[name] = cell.split("|") if cell else []
            elif kind == "spans":
                row[name] = json.loads(cell)
            elif cell == "":
                row[name] = None
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_stored_row_is_exported_with_its_content(filled: Store, tmp_path: Path, fmt: str) -> None:
    paths = export(filled, tmp_path / "out", fmt)  # type: ignore[arg-type]
    assert paths == {t: tmp_path / "out" / f"{t}.{fmt}" for t in ("articles", "statements", "speakers")}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths.values())
    articles = _read(paths["articles"], fmt)
    statements = _read(paths["statements"], fmt)
    speakers = _read(paths["speakers"], fmt)
    counts = filled.counts()
    assert (len(articles), len(statements), len(speakers)) == (
        counts["articles"],
        counts["statements"],
        counts["speakers"],
    )
    for rows, table in ((articles, "articles"), (statements, "statements"), (speakers, "speakers")):
        assert all(list(row) == [name for name, _ in COLUMNS[table]] for row in rows)

    with filled.session() as s:
        stored = {a.id: a for a in s.scalars(select(schema.Article))}
        by_id = {a["id"]: a for a in articles}
        assert set(by_id) == set(stored)
        for article_id, article in stored.items():
            row = by_id[article_id]
            assert row["text"] == article.text and row["title"] == article.title
            assert row["statements"] == len(article.statements)
            assert row["ingested_at"].startswith(article.ingested_at.isoformat())

    drones = next(a for a in articles if a["external_id"] == "drones")
    assert drones["outlet"] == "Wire" and drones["published"] == "2022-07-12"
    assert drones["sources"] == ["https://wire.example/drones", "https://mirror.example/drones"]
    assert drones["group_size"] == 1

    texts = {a["id"]: a["text"] for a in articles}
    for st in statements:
        text = texts[st["article_id"]]
        assert st["content_spans"] and st["content"] == " ".join(text[a:b] for a, b in st["content_spans"])
        if st["speaker_start"] is not None:
            assert text[st["speaker_start"] : st["speaker_end"]] == st["speaker_text"]
    sullivan = next(st for st in statements if st["speaker"] == "Jake Sullivan")
    assert sullivan["kind"] == "direct" and sullivan["speaker_type"] == "person"
    assert sullivan["speaker_role"] == "national security adviser"
    assert sullivan["article_url"] == "https://wire.example/drones" and sullivan["outlet"] == "Wire"

    lee = next(sp for sp in speakers if sp["name"] == "Ann Lee")
    assert (lee["type"], lee["statements"], lee["articles"]) == ("person", 3, 2)
    assert lee["roles"] == ["teacher", "local councillor"]  # the most frequent first
    assert sorted(lee["outlets"]) == ["Coast News", "Wire"]
    assert lee["outlets"][0] == "Coast News"  # two of her three statements
    assert (lee["first_seen"], lee["last_seen"]) == ("2023-01-05", "2023-02-01T09:30:00")
    assert sum(sp["statements"] for sp in speakers) == sum(1 for st in statements if st["speaker"])


def test_csv_keeps_commas_quotes_and_newlines(filled: Store, tmp_path: Path) -> None:
    paths = export(filled, tmp_path / "out", "csv", tables=["articles", "statements"])
    assert set(paths) == {"articles", "statements"}
    storm = next(a for a in _read(paths["articles"], "csv") if a["external_id"] == "storm")
    assert storm["text"] == STORM and storm["title"] == 'Storm, "wind" and rain hit the coast'
    contents = [st["content"] for st in _read(paths["statements"], "csv")]
    assert "We lost the roof, the fence and the car" in contents
    raw = paths["articles"].read_bytes()
    assert raw.startswith(b"id,external_id,url,") and b'"Storm, ""wind"" and rain' in raw


def test_progress_counts_every_row_written(filled: Store, tmp_path: Path) -> None:
    seen: dict[str, int] = {}

    def on_rows(table: str, n: int) -> None:
        seen[table] = seen.get(table, 0) + n

    export(filled, tmp_path / "out", "jsonl", on_rows=on_rows)
    counts = filled.counts()
    assert seen == {t: counts[t] for t in ("articles", "statements", "speakers")}


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_store_exports_empty_files_with_their_columns(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    paths = export(store, tmp_path / "a" / "b", fmt)  # type: ignore[arg-type]
    for table, path in paths.items():
        names = [name for name, _ in COLUMNS[table]]
        if fmt == "jsonl":
            assert path.read_text() == ""
        elif fmt == "csv":
            with path.open(newline="", encoding="utf-8") as f:
                assert list(csv.reader(f)) == [names]
        else:
            read = pq.read_table(path)
            assert read.num_rows == 0 and read.schema.names == names
    if fmt == "parquet":
        spans = pq.read_schema(paths["statements"]).field("content_spans").type
        assert str(spans) == "list<element: list<element: int64>>"


def test_a_file_in_place_of_the_folder_is_a_store_error(store: Store, tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder")
    with pytest.raises(StoreError, match="taken: cannot be written"):
        export(store, taken, "csv")
    with pytest.raises(StoreError, match="cannot be written"):
        export(store, taken / "below", "jsonl")
    assert taken.read_text() == "not a folder"


def test_unknown_tables_and_formats_are_store_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="events: not a table"):
        export(store, tmp_path / "out", "csv", tables=["articles", "events"])
    with pytest.raises(StoreError, match="xlsx: not an export format"):
        export(store, tmp_path / "out", "xlsx")  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()  # nothing is written before the arguments are checked


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_small_pages_and_batches_give_the_same_files(
    filled: Store, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = export(filled, tmp_path / "whole", fmt)  # type: ignore[arg-type]
    monkeypatch.setattr(export_module, "PAGE_SIZE", 1)
    monkeypatch.setattr(export_module, "BATCH_SIZE", 2)
    paged = export(filled, tmp_path / "paged", fmt)  # type: ignore[arg-type]
    for table in whole:
        assert _read(paged[table], fmt) == _read(whole[table], fmt)
    if fmt == "parquet":  # three articles in batches of two: two row groups
        assert pq.ParquetFile(paged["articles"]).num_row_groups == 2


def test_a_failed_export_leaves_no_partial_file(filled: Store, tmp_path: Path) -> None:
    def on_rows(table: str, n: int) -> None:
        if table == "statements":
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        export(filled, tmp_path / "out", "csv", on_rows=on_rows)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["articles.csv"]
