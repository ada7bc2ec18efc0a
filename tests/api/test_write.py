"""POST /api/articles: the token, the pipeline and the store, as ``wirewatch ingest`` does it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer

from tests.api.conftest import make_client
from tests.conftest import EXAMPLE
from wirewatch.extract import Extractor
from wirewatch.store import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FLOODS = (
    "Floods cut off villages in the north\n\nHeavy rain washed away two bridges overnight, the regional "
    'governor said on Monday.\n\n"We have never seen water this high," said Maria Lopez, a farmer.'
)
PAGE = (
    "<!doctype html><html><head><title>Harbour reopens | Coast News</title>"
    '<meta property="og:site_name" content="Coast News"></head><body><article>'
    "<h1>Harbour reopens after storm</h1>"
    "<p>The harbour reopened on Friday after a week of repairs, the port authority said.</p>"
    "<p>&quot;Ships can come in again,&quot; said Tom Berg, the harbour master.</p>"
    "</article></body></html>"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'write.db'}") as opened:
        yield opened


@pytest.fixture
def writer(store: Store, extractor: Extractor) -> TestClient:
    return make_client(store, extractor, write_token=TOKEN, max_body_bytes=64 * 1024)


def test_a_new_article_is_stored_and_a_second_post_is_a_duplicate(writer: TestClient, store: Store) -> None:
    body = {"text": FLOODS, "url": "https://news.example/floods", "site_name": "Daily Example"}
    created = writer.post("/api/articles", json={**body, "published": "2023-03-06"}, headers=AUTH)
    assert created.status_code == 201, created.text
    answer = created.json()
    assert answer["status"] == "stored" and answer["statements"] >= 2
    assert created.headers["Location"] == answer["url"] == f"/api/articles/{answer['id']}"
    article = writer.get(answer["url"]).json()
    assert article["outlet"] == "Daily Example" and article["published"] == "2023-03-06"
    assert article["title"] == "Floods cut off villages in the north"
    assert len(article["statements"]) == answer["statements"]
    lopez = [s for s in article["statements"] if s["speaker"] and s["speaker"]["name"] == "Maria Lopez"]
    assert lopez and lopez[0]["spans"][0]["text"].startswith("We have never seen water this high")
    for statement in article["statements"]:
        for span in statement["spans"]:
            assert article["text"][span["start"] : span["end"]] == span["text"]

    again = writer.post("/api/articles", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json() == {**answer, "status": "duplicate", "statements": 0}
    assert store.counts()["articles"] == 1


def test_stored_as_ingest_stores_it(writer: TestClient, store: Store, tmp_path: Path) -> None:
    """The example posted, then ingested from its file: one article, the same statements."""
    created = writer.post("/api/articles", json={"text": EXAMPLE.read_text(encoding="utf-8")}, headers=AUTH)
    assert created.status_code == 201 and created.json()["statements"] == 24
    from wirewatch.batch import ingest
    from wirewatch.settings import Settings

    summary = ingest([str(EXAMPLE)], store, Settings())
    assert summary.duplicates == 1 and summary.stored == 0
    assert store.counts()["articles"] == 1 and store.counts()["statements"] == 24


def test_html_is_read_like_a_page(writer: TestClient) -> None:
    created = writer.post("/api/articles", json={"html": PAGE}, headers=AUTH)
    assert created.status_code == 201, created.text
    article = writer.get(created.json()["url"]).json()
    assert article["outlet"] == "Coast News"
    assert "<p>" not in article["text"] and "The harbour reopened on Friday" in article["text"]
    assert any(s["speaker"] and s["speaker"]["name"] == "Tom Berg" for s in article["statements"])


def test_a_url_alone_is_fetched(writer: TestClient, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/harbour").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/harbour")
    created = writer.post("/api/articles", json={"url": url, "published": "2024-01-05"}, headers=AUTH)
    assert created.status_code == 201, created.text
    article = writer.get(created.json()["url"]).json()
    assert article["url"] == url and article["published"] == "2024-01-05"
    assert "harbour master" in article["text"]


def test_a_url_that_cannot_be_read_is_422(writer: TestClient, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/feed").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><link>https://e.example/a</link></item></channel></rss>",
        content_type="application/rss+xml",
    )
    gone = writer.post("/api/articles", json={"url": httpserver.url_for("/gone")}, headers=AUTH)
    assert gone.status_code == 422 and "HTTP 404" in gone.json()["detail"]
    assert gone.json()["detail"].startswith(f"url {httpserver.url_for('/gone')}")
    feed = writer.post("/api/articles", json={"url": httpserver.url_for("/feed")}, headers=AUTH)
    assert feed.status_code == 422 and "a feed, not an article" in feed.json()["detail"]


def test_a_hostile_article_comes_back_as_plain_json_text(writer: TestClient) -> None:
    hostile = (
        "Officials deny report <script>alert(1)</script>\n\n"
        'The ministry said the report was false. "<script>alert(1)</script> is not our policy," '
        "said Ana Ruiz, a spokeswoman."
    )
    created = writer.post(
        "/api/articles", json={"text": hostile, "title": "<img src=x onerror=alert(2)>"}, headers=AUTH
    )
    assert created.status_code == 201, created.text
    response = writer.get(created.json()["url"])
    assert response.headers["content-type"] == "application/json"
    article = response.json()
    assert "<script>alert(1)</script>" in article["text"]
    assert article["title"] == "<img src=x onerror=alert(2)>"
    said = [s for s in article["statements"] if "<script>" in s["content"]]
    assert said and said[0]["spans"][0]["text"].startswith("<script>alert(1)</script>")
    listed = writer.get("/api/statements", params={"q": "policy"}).json()["items"]
    assert any("<script>alert(1)</script>" in s["content"] for s in listed)


# -- refused ----------------------------------------------------------------------------------------


def test_writing_is_disabled_without_a_write_token(store: Store) -> None:
    closed = make_client(store)
    for headers in ({}, AUTH):
        response = closed.post("/api/articles", json={"text": FLOODS}, headers=headers)
        assert response.status_code == 403
        assert response.json() == {"detail": "writing is disabled: set WIREWATCH_API_TOKEN"}
    assert store.counts()["articles"] == 0


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "writing needs a token: send Authorization: Bearer <token>"),
        ({"Authorization": "Bearer wrong"}, "the bearer token is not valid for writing"),
        ({"Authorization": f"Basic {TOKEN}"}, "writing needs a token: send Authorization: Bearer <token>"),
        ({"Authorization": f"Bearer {TOKEN}x"}, "the bearer token is not valid for writing"),
    ],
)
def test_writing_needs_the_write_token(
    writer: TestClient, store: Store, headers: dict[str, str], message: str
) -> None:
    response = writer.post("/api/articles", json={"text": FLOODS}, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json() == {"detail": message}
    assert store.counts()["articles"] == 0


def test_the_read_token_does_not_write(store: Store, extractor: Extractor) -> None:
    client = make_client(store, extractor, write_token=TOKEN, read_token="reader")
    response = client.post("/api/articles", json={"text": FLOODS}, headers={"Authorization": "Bearer reader"})
    assert response.status_code == 401


def test_an_oversized_body_is_413(writer: TestClient, store: Store) -> None:
    big = {"text": "word " * 20_000}  # about 100 kB, over the 64 kB of these settings
    declared = writer.post("/api/articles", json=big, headers=AUTH)
    assert declared.status_code == 413
    assert declared.json() == {"detail": "request body is over the 64 KB limit"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: the size is counted as it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}'

    streamed = writer.post(
        "/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert store.counts()["articles"] == 0


def test_the_size_is_checked_after_the_token(writer: TestClient) -> None:
    response = writer.post("/api/articles", json={"text": "word " * 20_000})
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", "body"),
        ("[]", "body: Input should be an object"),
        ("{}", "body: give one of text, html or url"),
        ('{"text": "   "}', "body: give one of text, html or url"),
        ('{"text": "a", "html": "<p>b</p>"}', "body: give text or html, not both"),
        ('{"text": 5}', "text '5': Input should be a valid string"),
        ('{"text": "Hello.", "author": "x"}', "author 'x': Extra inputs are not permitted"),
        ('{"text": "Hello.", "published": "last week"}', "published 'last week': not an ISO date"),
        ('{"text": "Hello.", "published": "2023-02-30"}', "published '2023-02-30': not an ISO date"),
        ('{"url": "ftp://e.example/a"}', "url 'ftp://e.example/a': not an http or https URL"),
        ('{"html": "<html><body><nav>Menu</nav></body></html>"}', "html: no article text"),
    ],
)
def test_a_bad_body_is_422(writer: TestClient, store: Store, body: str, message: str) -> None:
    response = writer.post(
        "/api/articles", content=body.encode(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.startswith(message), detail
    assert store.counts()["articles"] == 0
