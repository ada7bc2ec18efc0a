"""The store on SQLite and PostgreSQL: schema, exact duplicates, groups, speakers, failures."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from wirewatch.errors import StoreError
from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article
from wirewatch.store import Store, schema
from wirewatch.syndication import fingerprint

STORY = (
    "Russia seeks Iran drones after losses in Ukraine\n\n"
    'A senior US official said on Tuesday that Russia is seeking drones from Iran. "Iran is '
    'preparing to provide Russia with several hundred UAVs," national security adviser Jake '
    "Sullivan told reporters.\n\nIran denied the report on Wednesday. Foreign ministry spokesman "
    "Nasser Kanani said Tehran had not supplied weapons to either side.\n\nThe Kremlin declined "
    "to comment on the report, which comes four months after Russia invaded its neighbour."
)
OTHER = (
    "Floods cut off villages in the north\n\nHeavy rain washed away two bridges overnight, the "
    "regional governor said on Monday. Rescue teams reached the last village by boat.\n\n"
    '"We have never seen water this high," said Maria Lopez, a farmer who has lived there for '
    "forty years."
)


def _add(store: Store, extractor: Extractor, raw: RawDocument):
    article = load_article(raw)
    with store.writer() as writer:
        return writer.add(raw, extractor.extract(article), fingerprint(article))


def _raw(id: str, text: str, url: str | None = None, site: str | None = None) -> RawDocument:
    return RawDocument(id=id, source=f"{id}.txt", text=text, html=None, url=url, site_name=site)


def test_an_article_is_stored_with_its_statements_and_offsets(store: Store, extractor: Extractor) -> None:
    outcome = _add(
        store, extractor, _raw("a", STORY, "https://www.example.com/story?utm_source=x", "Example")
    )
    assert outcome.status == "stored" and outcome.statements >= 2
    with store.session() as s:
        article = s.get(schema.Article, outcome.article_id)
        assert article is not None
        assert article.canonical_url == "https://example.com/story"
        assert article.outlet is not None and article.outlet.name == "Example"
        assert article.raw == STORY and article.raw_kind == "text"
        for st in article.statements:
            for start, end in st.content_spans:
                assert article.text[start:end] in st.content
            if st.speaker_start is not None:
                assert article.text[st.speaker_start : st.speaker_end] == st.speaker_text
        names = {st.speaker.name for st in article.statements if st.speaker}
        assert "Jake Sullivan" in names


def test_the_same_content_at_another_url_is_stored_once_and_seen_twice(
    store: Store, extractor: Extractor
) -> None:
    first = _add(store, extractor, _raw("a", STORY, "https://one.example/a", "One"))
    again = _add(store, extractor, _raw("b", STORY, "https://two.example/b", "Two"))
    assert (again.status, again.article_id) == ("duplicate", first.article_id)
    counts = store.counts()
    assert counts["articles"] == 1 and counts["sightings"] == 2 and counts["outlets"] == 2


def test_the_same_url_is_stored_once_even_when_the_page_changed(store: Store, extractor: Extractor) -> None:
    _add(store, extractor, _raw("a", STORY, "https://one.example/a"))
    later = _add(store, extractor, _raw("a2", OTHER, "http://www.one.example/a/"))
    assert later.status == "duplicate"
    assert store.counts()["articles"] == 1


def test_a_near_duplicate_joins_the_group_and_a_new_story_starts_one(
    store: Store, extractor: Extractor
) -> None:
    first = _add(store, extractor, _raw("a", STORY, "https://one.example/a"))
    trimmed = STORY.rsplit("\n\n", 1)[0] + "\n\nShare this article. Subscribe to our newsletter."
    copy = _add(
        store,
        extractor,
        _raw("b", trimmed.replace("Russia seeks", "Moscow seeks", 1), "https://two.example/b"),
    )
    other = _add(store, extractor, _raw("c", OTHER, "https://three.example/c"))
    assert copy.status == "stored" and copy.group_id == first.group_id
    assert other.group_id != first.group_id
    with store.session() as s:
        group = s.get(schema.SyndicationGroup, first.group_id)
        assert group is not None and group.size == 2


def test_groups_survive_reopening(db_url: str, extractor: Extractor) -> None:
    with Store(db_url) as store:
        first = _add(store, extractor, _raw("a", STORY, "https://one.example/a"))
    with Store(db_url) as store:  # a new run: the index is rebuilt from the stored signatures
        trimmed = STORY.rsplit("\n\n", 1)[0]
        copy = _add(store, extractor, _raw("b", trimmed, "https://two.example/b"))
    assert copy.group_id == first.group_id


def test_failures_are_recorded_once(store: Store) -> None:
    with store.writer() as writer:
        writer.fail("bad.pdf", "a PDF, not an article")
        writer.fail("bad.pdf", "a PDF, not an article")
    with store.session() as s:
        assert [f.source for f in s.scalars(select(schema.Failure))] == ["bad.pdf"]


def test_full_text_search_index_follows_the_tables(store: Store, extractor: Extractor) -> None:
    _add(store, extractor, _raw("a", STORY))
    with store.session() as s:
        if store.dialect == "sqlite":
            hits = s.execute(
                text("SELECT rowid FROM statements_fts WHERE statements_fts MATCH 'drones'")
            ).all()
        else:
            hits = s.execute(
                text("SELECT id FROM statements WHERE search @@ plainto_tsquery('english', 'drones')")
            ).all()
        assert hits


def test_opening_migrates_an_empty_database_once(db_url: str) -> None:
    with Store(db_url):
        pass
    with Store(db_url) as store, store.session() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"


def test_bad_database_urls_are_one_line_errors(tmp_path) -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store("nonsense")
    with pytest.raises(StoreError, match="only SQLite and PostgreSQL"):
        Store("mysql+pymysql://x@localhost/db")
    with pytest.raises(StoreError, match="cannot open"):
        Store(f"sqlite:///{tmp_path}/missing/dir/x.db")


def test_statement_rows_keep_the_public_fields(store: Store, extractor: Extractor) -> None:
    raw = _raw("a", STORY)
    article = load_article(raw)
    extraction = extractor.extract(article)
    with store.writer() as writer:
        writer.add(raw, extraction, fingerprint(article))
    with store.session() as s:
        rows = list(s.scalars(select(schema.Statement).order_by(schema.Statement.position)))
    assert [r.kind for r in rows] == [st.kind for st in extraction.statements]
    assert [r.content for r in rows] == [st.content_text for st in extraction.statements]
    assert [r.speaker_role for r in rows] == [st.speaker_role for st in extraction.statements]


def test_the_stored_index_groups_as_the_in_memory_one(store: Store) -> None:
    """Grouping through lsh_bands gives the groups the evaluation's in-memory index gives."""
    import json

    from tests.conftest import DATA
    from wirewatch.evaluation.syndication import predict_groups
    from wirewatch.store.lsh import StoredSyndicationIndex

    records = [json.loads(line) for line in (DATA / "syndication" / "syndication-sample.jsonl").open()]
    group_of: dict[int, str] = {}  # article row -> the record that started its group
    found: dict[str, str] = {}
    with store.session() as s:
        index = StoredSyndicationIndex(s)
        for number, record in enumerate(records, start=1):
            key = str(record["id"])
            raw = RawDocument(id=key, source=key, text=record["text"], html=None, title=record.get("title"))
            fp = fingerprint(load_article(raw))
            match = index.find(fp)
            # An article row for the bands to point at; find reads its signature back.
            group = schema.SyndicationGroup(title=None, size=1)
            s.add(group)
            s.flush()
            row = schema.Article(
                external_id=key, source=key, text="", content_hash=f"{number:08d}{fp.content_hash[8:]}",
                signature=fp.to_bytes(), raw_kind="text", raw="", group_id=group.id, headings=[],
            )  # fmt: skip
            s.add(row)
            s.flush()
            index.add(row.id, fp)
            group_of[row.id] = group_of[match] if match is not None else key
            found[key] = group_of[row.id]
    assert found == {key: group for key, _true, group in predict_groups(records)}
