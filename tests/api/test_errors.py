"""Bad input answers one line naming the parameter: 422, 404, and 401 when reads need a token."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import make_client
from wirewatch.store import Store


def cursor_of(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/articles/999999", "no article 999999"),
        ("/api/statements/999999", "no statement 999999"),
        ("/api/speakers/999999", "no speaker 999999"),
        ("/api/events/999999", "no event 999999"),
        ("/api/groups/999999", "no group 999999"),
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": message}


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/articles?limit=201", "limit 201: at most 200 items per page"),
        ("/api/statements?limit=0", "limit '0': Input should be greater than or equal to 1"),
        ("/api/events?limit=ten", "limit 'ten': Input should be a valid integer"),
        ("/api/articles?since=yesterday", "since yesterday: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("/api/statements?until=2022-02-30", "until 2022-02-30: not a date"),
        ("/api/statements?kind=rumour", "kind rumour: not a statement kind"),
        ("/api/speakers?kind=rumour", "kind rumour: not a statement kind"),
        ("/api/events?code=7x", "code 7x: not a CAMEO code"),
        ("/api/events?actor=I1", "actor I1: not a CAMEO actor code"),
        ("/api/events?modality=maybe", "modality maybe: one of occurred, planned, denied, hypothetical"),
        ("/api/articles?q=%3F%21", "'?!': nothing to search for (no words)"),
        ("/api/statements?q=%3F%21", "'?!': nothing to search for (no words)"),
        ("/api/articles?group=abc", "group 'abc': Input should be a valid integer"),
        ("/api/groups?min_size=0", "min_size '0': Input should be greater than or equal to 1"),
        ("/api/articles/abc", "article_id 'abc': Input should be a valid integer"),
        ("/api/articles/99999999999999999999999", "article_id '99999999999999999999999': Input should be"),
        ("/api/articles?outlet=a%00b", "outlet: contains a NUL character"),
        ("/api/articles?cursor=not-a-cursor", "cursor 'not-a-cursor': not a cursor of this listing"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail
    assert detail.startswith(message), detail


def test_a_cursor_works_only_for_its_own_listing(client: TestClient) -> None:
    articles = client.get("/api/articles", params={"limit": 1}).json()["next_cursor"]
    statements = client.get("/api/statements", params={"limit": 1}).json()["next_cursor"]
    searched = client.get("/api/articles", params={"limit": 1, "q": "miners"}).json()["next_cursor"]
    assert articles and statements and searched
    assert client.get("/api/articles", params={"cursor": articles}).status_code == 200
    assert client.get("/api/statements", params={"cursor": articles}).status_code == 422
    assert client.get("/api/articles", params={"cursor": statements}).status_code == 422
    # A search's cursor (an offset) does not continue the plain listing, nor the reverse.
    assert client.get("/api/articles", params={"cursor": searched}).status_code == 422
    assert client.get("/api/articles", params={"cursor": articles, "q": "miners"}).status_code == 422
    assert client.get("/api/articles", params={"cursor": searched, "q": "miners"}).status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        {"l": "articles", "k": ["2011-01-01"]},  # too short
        {"l": "articles", "k": [1, 2]},  # wrong types
        {"l": "articles", "k": ["2011", True]},
        {"l": "articles", "k": ["2011", 2**70]},  # past a 64-bit integer
        {"l": "articles", "k": ["2011\u0000", 2]},
        {"l": "articles", "o": -1},
        {"l": "articles", "o": 2**40},
        {"l": "articles", "o": "5"},
        {"l": "articles"},
        ["articles"],
        "articles",
    ],
)
def test_forged_cursors_are_422(client: TestClient, payload: object) -> None:
    response = client.get("/api/articles", params={"cursor": cursor_of(payload)})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("cursor ")


def test_page_limits_follow_the_settings(api_store: Store) -> None:
    small = make_client(api_store, page_size=3, max_page_size=4)
    assert len(small.get("/api/statements").json()["items"]) == 3
    assert len(small.get("/api/statements", params={"limit": 4}).json()["items"]) == 4
    response = small.get("/api/statements", params={"limit": 5})
    assert response.status_code == 422
    assert response.json() == {"detail": "limit 5: at most 4 items per page"}


def test_reads_need_the_read_token_when_one_is_set(api_store: Store) -> None:
    guarded = make_client(api_store, read_token="r-secret", write_token="w-secret")
    for path in ("/api/articles", "/api/statements", "/api/speakers", "/api/events", "/api/groups"):
        response = guarded.get(path)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        assert response.json() == {"detail": "reading needs a token: send Authorization: Bearer <token>"}
    wrong = guarded.get("/api/articles/1", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["detail"] == "the bearer token is not valid for reading"
    basic = guarded.get("/api/articles", headers={"Authorization": "Basic cjpy"})
    assert basic.status_code == 401
    for token in ("r-secret", "w-secret"):
        response = guarded.get("/api/articles", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200 and response.json()["items"]


def test_reads_are_open_without_a_read_token(api_store: Store) -> None:
    open_ = make_client(api_store, write_token="w-secret")
    assert open_.get("/api/articles").status_code == 200
    assert open_.get("/api/articles", headers={"Authorization": "Bearer anything"}).status_code == 200
