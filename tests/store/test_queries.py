"""Search, speakers and quotes on SQLite and PostgreSQL, on articles stored by the real pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE
from wirewatch.batch import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.store.queries import (
    Filters,
    QueryError,
    quotes,
    search_articles,
    search_statements,
    speakers,
    stories,
)

FLOODS = (
    "Floods cut off villages in the north\n\nHeavy rain washed away two bridges overnight, the regional "
    'governor said on Monday.\n\n"We have never seen water this high," said Maria Lopez, a farmer.'
)


@pytest.fixture
def filled(store: Store, tmp_path) -> Store:
    floods = tmp_path / "floods.jsonl"
    floods.write_text(
        '{"id": "floods", "url": "https://news.example/floods", "site_name": "Daily Example", '
        '"published": "2023-03-06", "text": ' + __import__("json").dumps(FLOODS) + "}\n",
        encoding="utf-8",
    )
    ingest([str(EXAMPLE), str(floods)], store, Settings())
    return store


def test_search_finds_statements_by_their_words_best_first(filled: Store) -> None:
    hits = search_statements(filled, "drones Iran")
    assert hits and all("drone" in h.content.lower() or "drone" in (h.title or "").lower() for h in hits)
    assert {h.outlet for h in hits} == {"Morning Chronicle"}


def test_search_words_are_data_not_syntax(filled: Store) -> None:
    assert search_statements(filled, 'water" OR "drones') == search_statements(filled, "water OR drones")
    with pytest.raises(QueryError, match="nothing to search for"):
        search_statements(filled, "?!")


def test_search_filters(filled: Store) -> None:
    assert [h.speaker for h in search_statements(filled, "water", Filters(outlet="daily example"))] == [
        "Maria Lopez"
    ]
    assert search_statements(filled, "water", Filters(outlet="Morning Chronicle")) == []
    assert search_statements(filled, "water", Filters(since="2023-03")) != []
    assert search_statements(filled, "water", Filters(until="2023-02-28")) == []
    assert [h.kind for h in search_statements(filled, "water", Filters(kind="direct"))] == ["direct"]
    assert all(
        h.speaker == "Jake Sullivan"
        for h in search_statements(filled, "Iran", Filters(speaker="jake sullivan"))
    )


def test_bad_filters_are_one_line_errors() -> None:
    with pytest.raises(QueryError, match="--kind rumour"):
        Filters(kind="rumour")
    with pytest.raises(QueryError, match="--since 2022-13"):
        Filters(since="2022-13")


def test_article_search(filled: Store) -> None:
    [hit] = search_articles(filled, "bridges")
    assert hit.title == "Floods cut off villages in the north" and hit.url == "https://news.example/floods"


def test_speakers_are_counted_with_roles_and_outlets(filled: Store) -> None:
    rows = {r.name: r for r in speakers(filled, limit=100)}
    sullivan = rows["Jake Sullivan"]
    assert sullivan.statements >= 3 and sullivan.articles == 1
    assert sullivan.outlets == ["Morning Chronicle"]
    assert any("National Security" in role for role in sullivan.roles)
    assert rows["Maria Lopez"].first == "2023-03-06"
    counts = [r.statements for r in speakers(filled, limit=100)]
    assert counts == sorted(counts, reverse=True)


def test_quotes_of_one_speaker_in_order(filled: Store) -> None:
    said = quotes(filled, "John Kirby")
    assert len(said) >= 3 and {h.speaker for h in said} == {"John Kirby"}
    positions = [h.spans[0][0] for h in said]
    assert positions == sorted(positions)
    assert quotes(filled, "Nobody Atall") == []


def test_stories_list_every_outlet_that_carried_one(store: Store, tmp_path) -> None:
    import json

    story = EXAMPLE.read_text(encoding="utf-8")
    lines = [
        {"id": "a", "url": "https://one.example/a", "site_name": "One", "text": story},
        {"id": "b", "url": "https://two.example/b", "site_name": "Two", "text": story},  # an exact copy
        {
            "id": "c",
            "url": "https://three.example/c",
            "site_name": "Three",
            "text": story + "\n\nShare this.",
        },
        {"id": "d", "url": "https://four.example/d", "site_name": "Four", "text": FLOODS},
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    ingest([str(dump)], store, Settings())
    top, *rest = stories(store)
    assert top.outlets == ["One", "Three", "Two"] and top.articles == 2
    assert [r.outlets for r in rest] == [["Four"]]
    assert [r.id for r in stories(store, min_outlets=2)] == [top.id]
