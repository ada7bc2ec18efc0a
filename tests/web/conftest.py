"""A real SQLite store for the page tests: the example story, the syndication sample and a
hostile article whose text and title carry markup; and the app serving it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.conftest import DATA, EXAMPLE
from wirewatch.api import create_app
from wirewatch.batch import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store, schema

SYNDICATION = DATA / "syndication" / "syndication-sample.jsonl"
HOSTILE = """Hostile <b>bold</b> headline <script>alert(1)</script>

PARIS - An article with markup in it.

"We will not allow <script>alert(1)</script> in our pages," said Marie Dupont, a spokeswoman for the ministry.

Jake Sullivan said the <b>test</b> was over.
"""


@dataclass(frozen=True)
class Corpus:
    """The store and the ids the tests look for."""

    store: Store
    example: int  # the Iran drones story
    hostile: int
    sullivan: int  # the speaker Jake Sullivan
    kirby: int
    sullivan_statement: int  # his first statement in the example story
    kirby_statement: int
    syndicated: int  # an article whose story other outlets carried too


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    store = Store(f"sqlite:///{folder / 'wirewatch.db'}")
    summary = ingest([str(EXAMPLE), str(SYNDICATION), str(hostile)], store, Settings())
    assert summary.failed == 0 and summary.stored >= 3
    with store.session() as s:

        def article(external_id: str) -> int:
            found = s.scalar(select(schema.Article.id).where(schema.Article.external_id == external_id))
            assert found is not None, external_id
            return found

        def speaker(name: str) -> int:
            found = s.scalar(select(schema.Speaker.id).where(schema.Speaker.name == name))
            assert found is not None, name
            return found

        def first_statement(article_id: int, speaker_id: int) -> int:
            found = s.scalar(
                select(schema.Statement.id)
                .where(schema.Statement.article_id == article_id, schema.Statement.speaker_id == speaker_id)
                .order_by(schema.Statement.position)
            )
            assert found is not None
            return found

        example, sullivan, kirby = article(EXAMPLE.stem), speaker("Jake Sullivan"), speaker("John Kirby")
        syndicated = s.scalar(
            select(schema.Article.id)
            .join(schema.SyndicationGroup, schema.SyndicationGroup.id == schema.Article.group_id)
            .where(schema.SyndicationGroup.size >= 3)
            .order_by(schema.Article.id)
        )
        assert syndicated is not None
        corpus = Corpus(
            store,
            example,
            article("hostile"),
            sullivan,
            kirby,
            first_statement(example, sullivan),
            first_statement(example, kirby),
            syndicated,
        )
    yield corpus
    store.close()


@pytest.fixture(scope="session")
def client(corpus: Corpus) -> TestClient:
    return TestClient(create_app(corpus.store))


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = Path(__file__).resolve().parent / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder
