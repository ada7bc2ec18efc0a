"""Events in the store (SQLite and PostgreSQL): stored with their spans, queried, exported as GDELT."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import EXAMPLE
from wirewatch.batch import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.gdelt import COLUMNS, export_gdelt
from wirewatch.store.queries import QueryError, events


@pytest.fixture
def filled(store: Store) -> Store:
    ingest([str(EXAMPLE)], store, Settings())
    return store


def test_events_are_stored_with_spans_into_the_text(filled: Store) -> None:
    from sqlalchemy import select

    from wirewatch.store import schema

    with filled.session() as s:
        rows = list(s.scalars(select(schema.Event)))
        assert len(rows) >= 8 and filled.counts()["events"] == len(rows)
        for row in rows:
            text = row.article.text
            assert text[row.trigger_start : row.trigger_end] == row.trigger
            assert text[row.source_start : row.source_end] == row.source_text
        # every sentence with events has a main one, recorded as a real boolean
        assert {row.principal for row in rows} == {True, False}
        sentences = {row.sentence_start for row in rows}
        assert sentences == {row.sentence_start for row in rows if row.principal}


def test_events_by_actor_code_and_modality(filled: Store) -> None:
    iran = events(filled, actor="IRN")
    assert iran and all("IRN" in (e.source_code or "") + (e.target_code or "") for e in iran)
    aid = events(filled, code="07")
    assert aid and all(e.code.startswith("07") for e in aid)
    planned = events(filled, actor="irn", code="07", modality="planned")
    assert {e.reported_by for e in planned} == {"Jake Sullivan"}
    assert events(filled, actor="XYZ") == []
    main = events(filled, principal=True, limit=500)
    every = events(filled, limit=500)
    assert main and len(main) < len(every) and {e.id for e in main} <= {e.id for e in every}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"code": "7a"}, "--code 7a"),
        ({"actor": "I1"}, "--actor I1"),
        ({"modality": "maybe"}, "--modality maybe"),
    ],
)
def test_bad_event_filters(filled: Store, kwargs: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        events(filled, **kwargs)


def test_gdelt_export_has_gdelts_columns_then_ours(filled: Store, tmp_path) -> None:
    path = export_gdelt(filled, tmp_path)
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows[0] == COLUMNS and len(COLUMNS) == 64
    assert len(rows) - 1 == filled.counts()["events"]
    by_name = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    aid = next(r for r in by_name if r["EventCode"] == "072" and r["Actor1Code"] == "IRNGOV")
    assert (aid["Actor1CountryCode"], aid["Actor1Type1Code"], aid["Actor2Code"]) == ("IRN", "GOV", "RUS")
    assert (aid["EventRootCode"], aid["QuadClass"], aid["Modality"]) == ("07", "2", "planned")
    assert aid["ReportedBy"] == "Jake Sullivan" and aid["PLOVER"] == "AID"
    assert float(aid["GoldsteinScale"]) > 0
