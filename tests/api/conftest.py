"""A store filled by the real pipeline, and the API over it.

The database is built once per session by ``wirewatch.batch.ingest`` from the example wire
story and the first records of the syndication sample (several copies of three stories,
so that groups, outlets and dates vary). Read tests share it; write tests get their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import DATA, EXAMPLE
from wirewatch.api import create_app
from wirewatch.api.deps import ServeSettings
from wirewatch.batch import ingest
from wirewatch.extract import Extractor
from wirewatch.settings import Settings
from wirewatch.store import Store

SAMPLE = DATA / "syndication" / "syndication-sample.jsonl"
RECORDS = 12


def fill(store: Store, folder: Path) -> None:
    """Ingest the example and the first RECORDS records of the syndication sample."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:RECORDS]
    sample = folder / "sample.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest([str(EXAMPLE), str(sample)], store, Settings())
    assert summary.failed == 0 and summary.stored >= 10, summary


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("api")
    with Store(f"sqlite:///{folder / 'wirewatch.db'}") as store:
        fill(store, folder)
        yield store


@pytest.fixture(scope="session")
def client(api_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(api_store, ServeSettings())) as opened:
        yield opened


def make_client(store: Store, extractor: Extractor | None = None, **settings: Any) -> TestClient:
    """A client of an app over ``store`` with these ServeSettings (and a loaded pipeline)."""
    app = create_app(store, ServeSettings(**settings))
    if extractor is not None:
        app.state.extractor = extractor
    return TestClient(app)


def walk(client: TestClient, path: str, limit: int, **params: Any) -> tuple[list[dict[str, Any]], int]:
    """Every item of a listing, page by page; and how many pages it took."""
    items: list[dict[str, Any]] = []
    cursor, pages = None, 0
    while True:
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        items += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            return items, pages
        assert page["items"], "a page before the last is never empty"
        assert pages < 1000
