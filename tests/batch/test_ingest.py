"""Ingesting a corpus: idempotent, resumable after SIGKILL, the same with 1 or 2 workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.conftest import DATA, EXAMPLE
from wirewatch.batch import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store

SAMPLE = DATA / "eval" / "wikinews-dev-sample.jsonl"
# Columns that record when, not what: left out when two databases are compared.
VOLATILE = {"ingested_at", "seen_at"}


def corpus(folder: Path, n: int = 30) -> Path:
    """A JSONL dump: n Wikinews articles, an exact copy at another URL, a trimmed copy, a bad line."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()][:n]
    lines = [{k: r[k] for k in ("id", "title", "url", "published", "text")} for r in records]
    first = lines[0]
    lines.append({**first, "id": "copy", "url": "https://mirror.example/copy", "site_name": "Mirror"})
    trimmed = first["text"].rsplit("\n\n", 1)[0] + "\n\nShare this story. Subscribe to our newsletter."
    lines.append(
        {**first, "id": "trim", "url": "https://other.example/t", "text": trimmed, "site_name": "Other"}
    )
    path = folder / "dump.jsonl"
    body = "\n".join(json.dumps(line) for line in lines[:10])
    body += "\n{not json\n" + "\n".join(json.dumps(line) for line in lines[10:]) + "\n"
    path.write_text(body, encoding="utf-8")
    return path


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (but alembic's and full-text indexes), ids included, sorted."""
    engine = create_engine(url)
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            if table == "alembic_version" or table.endswith(("_fts", "_data", "_idx", "_docsize", "_config")):
                continue
            columns = [c["name"] for c in inspect(engine).get_columns(table)]
            keep = [
                c
                for c in columns
                if c not in VOLATILE and c != "search" and not (table == "failures" and c == "id")
            ]
            rows = conn.execute(text(f"SELECT {', '.join(keep)} FROM {table}")).all()
            tables[table] = sorted((tuple(r) for r in rows), key=repr)
    engine.dispose()
    return tables


def test_a_corpus_is_stored_once_with_its_copies_grouped(tmp_path: Path) -> None:
    dump = corpus(tmp_path)
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        summary = ingest([str(dump), str(EXAMPLE)], store, Settings())
        counts = store.counts()
    assert (summary.read, summary.stored, summary.duplicates, summary.failed) == (34, 32, 1, 1)
    assert "not valid JSON" in summary.failures[0].reason
    assert counts["articles"] == 32 and counts["groups"] == 31 and counts["failures"] == 1
    assert counts["statements"] == summary.statements > 100


def test_a_second_run_adds_nothing(tmp_path: Path) -> None:
    dump = corpus(tmp_path, n=8)
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with Store(url) as store:
        ingest([str(dump)], store, Settings())
    before = snapshot(url)
    with Store(url) as store:
        again = ingest([str(dump)], store, Settings())
    assert (again.stored, again.already) == (0, again.read - again.failed)
    assert snapshot(url) == before


def test_two_workers_build_the_same_database_as_one(tmp_path: Path) -> None:
    dump = corpus(tmp_path, n=12)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    with Store(one) as store:
        ingest([str(dump)], store, Settings(), workers=1)
    with Store(two) as store:
        ingest([str(dump)], store, Settings(), workers=2)
    assert snapshot(one) == snapshot(two)


def test_sqlite_and_postgresql_get_the_same_counts(tmp_path: Path, postgres_url: str) -> None:
    dump = corpus(tmp_path, n=10)
    counts = []
    for url in (f"sqlite:///{tmp_path / 'a.db'}", postgres_url):
        with Store(url) as store:
            ingest([str(dump), str(EXAMPLE)], store, Settings())
            counts.append(store.counts())
    assert counts[0] == counts[1]


def _wirewatch(*args: str) -> list[str]:
    return [sys.executable, "-m", "wirewatch.cli", *args]


def test_a_run_killed_with_sigkill_resumes_to_the_same_database(tmp_path: Path) -> None:
    dump = corpus(tmp_path, n=30)
    whole, killed = f"sqlite:///{tmp_path / 'whole.db'}", f"sqlite:///{tmp_path / 'killed.db'}"
    subprocess.run(_wirewatch("ingest", str(dump), "--db", whole), check=True, capture_output=True)

    process = subprocess.Popen(_wirewatch("ingest", str(dump), "--db", killed), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while stored < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        stored = _count(tmp_path / "killed.db")
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = _count(tmp_path / "killed.db")
    assert 0 < partial < 32

    subprocess.run(_wirewatch("ingest", str(dump), "--db", killed), check=True, capture_output=True)
    assert snapshot(killed) == snapshot(whole)


def _count(path: Path) -> int:
    import sqlite3

    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


@pytest.mark.parametrize("name", ["empty.txt"])
def test_unreadable_inputs_are_recorded_and_the_run_goes_on(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("", encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        summary = ingest(
            [str(tmp_path / name), str(EXAMPLE), str(tmp_path / "missing.txt")], store, Settings()
        )
        assert store.counts()["failures"] == 2
    assert summary.stored == 1
    assert {f.reason for f in summary.failures} >= {"no such file"}


def test_the_store_groups_a_corpus_as_the_syndication_evaluation_does(tmp_path: Path) -> None:
    from sqlalchemy import select

    from wirewatch.evaluation.syndication import pairwise_scores, predict_groups
    from wirewatch.store import schema
    from wirewatch.store.urls import canonical_url

    sample = DATA / "syndication" / "syndication-sample.jsonl"
    records = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        ingest([str(sample)], store, Settings())
        with store.session() as s:
            group_of = dict(
                s.execute(
                    select(schema.Sighting.url, schema.Article.group_id).join(
                        schema.Article, schema.Article.id == schema.Sighting.article_id
                    )
                ).all()
            )
    keys = [canonical_url(r.get("url")) or f"source:{sample}:{i}" for i, r in enumerate(records, start=1)]
    stored = [
        (str(r["id"]), str(r["group"]), str(group_of[key])) for r, key in zip(records, keys, strict=True)
    ]
    predicted = predict_groups(records)
    assert pairwise_scores(stored) == pairwise_scores(predicted)
    assert pairwise_scores(stored)["precision"] == 1.0
