"""The read endpoints on a store filled by the real pipeline: filters, pages, spans.

The list endpoints run on SQLite (a session database) and, with pagination, on a real
PostgreSQL server (``test_listings_on_postgresql``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import fill, make_client, walk
from wirewatch.store import Store

LISTINGS = ["/api/articles", "/api/statements", "/api/speakers", "/api/events", "/api/groups"]
TABLE = {
    "/api/articles": "articles",
    "/api/statements": "statements",
    "/api/speakers": "speakers",
    "/api/events": "events",
    "/api/groups": "groups",
}


def everything(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """The listing in one page (the store is small enough for the largest page)."""
    response = client.get(path, params={**params, "limit": 200})
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return list(response.json()["items"])


def assert_walks_whole(client: TestClient, path: str, total: int | None = None, **params: Any) -> None:
    """Page by page, every item once, in the order of the unpaginated listing."""
    whole = everything(client, path, **params)
    if total is not None:
        assert len(whole) == total
    for limit in (1, 2, 7):
        items, pages = walk(client, path, limit, **params)
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids)), f"{path} limit={limit}: an item shown twice"
        assert ids == [item["id"] for item in whole], f"{path} limit={limit}: not the same items"
        assert pages == max(1, -(-len(whole) // limit)), f"{path} limit={limit}: {pages} pages"


def assert_span(text: str, span: dict[str, Any] | None) -> None:
    if span is not None:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]


def assert_statement_spans(text: str, statement: dict[str, Any]) -> None:
    assert statement["spans"], statement
    for span in statement["spans"]:
        assert_span(text, span)
    assert_span(text, statement["cue"])
    assert_span(text, statement["mention"])


def assert_event_spans(text: str, event: dict[str, Any]) -> None:
    for span in (event["trigger"], event["sentence"], event["object"]):
        assert_span(text, span)
    for actor in (event["source"], event["target"]):
        if actor is not None:
            assert_span(text, actor["span"])
    assert event["trigger"]["text"] and event["trigger"]["text"] in event["sentence"]["text"]


# -- pagination ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LISTINGS)
def test_pages_walk_the_whole_listing_once(client: TestClient, api_store: Store, path: str) -> None:
    assert_walks_whole(client, path, api_store.counts()[TABLE[path]])


def test_default_page_size_and_cursor_shape(api_store: Store) -> None:
    small = make_client(api_store, page_size=5)
    page = small.get("/api/statements").json()
    assert len(page["items"]) == 5 and isinstance(page["next_cursor"], str)
    assert set(page["next_cursor"]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_filtered_listings_page_too(client: TestClient) -> None:
    assert_walks_whole(client, "/api/statements", kind="indirect")
    assert_walks_whole(client, "/api/statements", q="miners")
    assert_walks_whole(client, "/api/articles", q="miners trapped")
    assert_walks_whole(client, "/api/articles", since="2011-06")
    assert_walks_whole(client, "/api/events", actor="IRN")


# -- articles -----------------------------------------------------------------------------------


def test_articles_newest_first_undated_last(client: TestClient) -> None:
    articles = everything(client, "/api/articles")
    dates = [a["published"] for a in articles]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 5
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_articles_filters(client: TestClient) -> None:
    chronicle = everything(client, "/api/articles", outlet="morning chronicle")
    assert [a["title"] for a in chronicle] == [
        "Russia seeks Iran drones after losses in Ukraine: White House"
    ]
    assert chronicle[0]["statements"] == 24 and chronicle[0]["events"] > 0
    june = everything(client, "/api/articles", since="2011-06", until="2011-06")
    assert june and all(a["published"].startswith("2011-06") for a in june)
    since = everything(client, "/api/articles", since="2011-10-08")
    assert since and all(a["published"] >= "2011-10-08" for a in since)
    group = chronicle[0]["group_id"]
    assert [a["id"] for a in everything(client, "/api/articles", group=group)] == [chronicle[0]["id"]]


def test_article_search_matches_title_or_text(client: TestClient) -> None:
    found = everything(client, "/api/articles", q="drones Iran")
    assert [a["outlet"] for a in found] == ["Morning Chronicle"]
    miners = everything(client, "/api/articles", q="miners")
    assert len(miners) >= 3
    for article in miners:
        detail = client.get(f"/api/articles/{article['id']}").json()
        assert "miner" in (detail["title"] + detail["text"]).lower()
    assert everything(client, "/api/articles", q="miners", outlet="Wikinews") == [
        a for a in miners if a["outlet"] == "Wikinews"
    ]


def test_article_detail_spans_slice_its_text(client: TestClient) -> None:
    for summary in everything(client, "/api/articles"):
        article = client.get(f"/api/articles/{summary['id']}").json()
        text = article["text"]
        assert len(article["statements"]) == summary["statements"]
        assert len(article["events"]) == summary["events"]
        assert [s["position"] for s in article["statements"]] == list(range(summary["statements"]))
        for statement in article["statements"]:
            assert statement["article_id"] == article["id"]
            assert_statement_spans(text, statement)
        for event in article["events"]:
            assert_event_spans(text, event)
        assert_span(text, article["headline"])
        for heading in article["headings"]:
            assert_span(text, heading)


def test_article_detail_of_the_example(client: TestClient) -> None:
    [summary] = everything(client, "/api/articles", outlet="Morning Chronicle")
    article = client.get(f"/api/articles/{summary['id']}").json()
    assert article["headline"]["text"] == "Russia seeks Iran drones after losses in Ukraine: White House"
    kirby = [s for s in article["statements"] if s["speaker"] and s["speaker"]["name"] == "John Kirby"]
    assert kirby and any(s["kind"] == "direct" for s in kirby)
    assert {e["source"]["code"] for e in article["events"]} >= {"RUS", "IRN"}
    reported = [e for e in article["events"] if e["reported_by"]]
    for event in reported:
        statement = client.get(f"/api/statements/{event['reported_by']['statement_id']}").json()
        assert statement["position"] == event["reported_by"]["position"]
    assert article["group"]["size"] == 1 and article["group"]["others"] == []


def test_article_group_lists_the_other_copies(client: TestClient) -> None:
    groups = everything(client, "/api/groups", min_size=3)
    assert groups
    group = groups[0]
    members = everything(client, "/api/articles", group=group["id"])
    assert len(members) == group["size"]
    article = client.get(f"/api/articles/{members[0]['id']}").json()
    assert article["group"]["id"] == group["id"]
    assert {a["id"] for a in article["group"]["others"]} == {m["id"] for m in members[1:]}
    assert article["group"]["outlets"] == group["outlets"]


# -- statements ---------------------------------------------------------------------------------


def test_statements_filters(client: TestClient) -> None:
    kirby = everything(client, "/api/statements", speaker="john kirby")
    assert len(kirby) >= 5 and {s["speaker"]["name"] for s in kirby} == {"John Kirby"}
    by_id = everything(client, "/api/statements", speaker_id=kirby[0]["speaker"]["id"])
    assert [s["id"] for s in by_id] == [s["id"] for s in kirby]
    direct = everything(client, "/api/statements", kind="direct")
    assert direct and {s["kind"] for s in direct} == {"direct"}
    wikinews = everything(client, "/api/statements", outlet="Wikinews")
    assert wikinews and {s["outlet"] for s in wikinews} == {"Wikinews"}
    dated = everything(client, "/api/statements", since="2011-10", until="2011-10-31")
    assert dated and all(s["published"].startswith("2011-10") for s in dated)
    assert everything(client, "/api/statements", speaker="John Kirby", outlet="Wikinews") == []


def test_statements_in_text_order_within_an_article(client: TestClient) -> None:
    statements = everything(client, "/api/statements")
    by_article: dict[int, list[int]] = {}
    for s in statements:
        by_article.setdefault(s["article_id"], []).append(s["position"])
    assert all(positions == sorted(positions) for positions in by_article.values())


def test_statement_search_and_detail(client: TestClient) -> None:
    found = everything(client, "/api/statements", q="nuclear deal")
    assert found
    for hit in found:
        statement = client.get(f"/api/statements/{hit['id']}").json()
        assert statement == hit
        text = client.get(f"/api/articles/{hit['article_id']}").json()["text"]
        assert_statement_spans(text, statement)
        assert "nuclear" in (statement["content"] + (statement["mention"] or {}).get("text", "")).lower()


# -- speakers -----------------------------------------------------------------------------------


def test_speakers_most_quoted_first(client: TestClient) -> None:
    speakers = everything(client, "/api/speakers")
    counts = [s["statements"] for s in speakers]
    assert counts == sorted(counts, reverse=True)
    kirby = next(s for s in speakers if s["name"] == "John Kirby")
    assert kirby["outlets"] == ["Morning Chronicle"] and kirby["roles"]
    assert kirby["statements"] == len(everything(client, "/api/statements", speaker_id=kirby["id"]))


def test_speakers_name_filter(client: TestClient) -> None:
    assert [s["name"] for s in everything(client, "/api/speakers", q="KIRB")] == ["John Kirby"]
    assert everything(client, "/api/speakers", q="%") == []  # a wildcard is a character here
    only_wikinews = everything(client, "/api/speakers", outlet="Wikinews")
    assert only_wikinews and all("Wikinews" in s["outlets"] for s in only_wikinews)


def test_speaker_detail_counts_per_month(client: TestClient) -> None:
    for speaker in everything(client, "/api/speakers"):
        detail = client.get(f"/api/speakers/{speaker['id']}").json()
        assert {k: detail[k] for k in speaker} == speaker
        assert sum(m["statements"] for m in detail["by_month"]) + detail["undated"] == speaker["statements"]
        months = [m["month"] for m in detail["by_month"]]
        assert months == sorted(months)
        said = everything(client, "/api/statements", speaker_id=speaker["id"])
        for month in detail["by_month"]:
            assert month["statements"] == sum(
                1 for s in said if (s["published"] or "").startswith(month["month"])
            )
    assert any(
        client.get(f"/api/speakers/{s['id']}").json()["by_month"] for s in everything(client, "/api/speakers")
    )


# -- events -------------------------------------------------------------------------------------


def test_events_filters(client: TestClient) -> None:
    iran = everything(client, "/api/events", actor="irn")
    assert iran and all(
        (e["source"]["code"] or "").startswith("IRN")
        or ((e["target"] or {}).get("code") or "").startswith("IRN")
        for e in iran
    )
    material = everything(client, "/api/events", code="07")
    assert material and all(e["code"].startswith("07") for e in material)
    planned = everything(client, "/api/events", modality="planned")
    assert planned and {e["modality"] for e in planned} == {"planned"}
    recent = everything(client, "/api/events", since="2011-06")
    assert recent and all(e["when"] >= "2011-06" for e in recent)
    whens = [e["when"] for e in everything(client, "/api/events")]
    dated = [w for w in whens if w]
    assert dated == sorted(dated, reverse=True) and whens == dated + [None] * (len(whens) - len(dated))


def test_event_detail_spans(client: TestClient) -> None:
    found = everything(client, "/api/events")
    assert {e["principal"] for e in found} == {True, False}  # the sentence's main event or not
    main = everything(client, "/api/events", principal="true")
    assert main == [e for e in found if e["principal"]]
    for event in found:
        detail = client.get(f"/api/events/{event['id']}").json()
        assert detail == event
        text = client.get(f"/api/articles/{event['article_id']}").json()["text"]
        assert_event_spans(text, detail)


# -- groups -------------------------------------------------------------------------------------


def test_groups_largest_first_with_their_articles(client: TestClient, api_store: Store) -> None:
    groups = everything(client, "/api/groups")
    sizes = [g["size"] for g in groups]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 3
    assert sum(sizes) == api_store.counts()["articles"]
    for group in groups:
        detail = client.get(f"/api/groups/{group['id']}").json()
        assert len(detail["articles"]) == group["size"]
        assert {a["group_id"] for a in detail["articles"]} == {group["id"]}
        assert {a["outlet"] for a in detail["articles"]} <= set(group["outlets"])
    assert all(g["size"] >= 3 for g in everything(client, "/api/groups", min_size=3))


# -- the schema and the docs --------------------------------------------------------------------


def test_openapi_lists_every_endpoint_with_its_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in LISTINGS:
        assert "get" in paths[path]
        assert paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        detail = f"{path}/{{{path.removeprefix('/api/').removesuffix('s')}_id}}"
        assert "404" in paths[detail]["get"]["responses"], detail
    assert "post" in paths["/api/articles"]
    post = paths["/api/articles"]["post"]
    assert set(post["responses"]) >= {"200", "201", "401", "403", "413", "422"}
    assert "text" in post["requestBody"]["content"]["application/json"]["schema"]["properties"]
    limit = next(p for p in paths["/api/statements"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["in"] == "query"
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_docs_page_loads_with_local_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    assert "cdn." not in page.text and "//unpkg" not in page.text
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css"):
        assert asset in page.text
        assert client.get(asset).status_code == 200


# -- PostgreSQL ---------------------------------------------------------------------------------


def test_listings_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    with Store(postgres_url) as store:
        fill(store, tmp_path)
        client = make_client(store)
        counts = store.counts()
        for path in LISTINGS:
            assert_walks_whole(client, path, counts[TABLE[path]])
        assert_walks_whole(client, "/api/statements", q="miners")
        assert_walks_whole(client, "/api/articles", q="miners trapped")
        assert_walks_whole(client, "/api/articles", since="2011-06", outlet="Wikinews")
        assert_walks_whole(client, "/api/events", actor="IRN", code="07")
        kirby = everything(client, "/api/speakers", q="kirby")
        assert [s["name"] for s in kirby] == ["John Kirby"]
        detail = client.get(f"/api/speakers/{kirby[0]['id']}").json()
        assert detail["undated"] == kirby[0]["statements"]
        some = everything(client, "/api/articles")[0]
        article = client.get(f"/api/articles/{some['id']}").json()
        for statement in article["statements"]:
            assert_statement_spans(article["text"], statement)
        assert client.get("/api/articles/999999").json() == {"detail": "no article 999999"}
