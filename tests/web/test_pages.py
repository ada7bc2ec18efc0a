"""Every page against a real store: the data is on it, bad input gets 422, unknown ids 404."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.conftest import EXAMPLE
from tests.web.conftest import HOSTILE, SYNDICATION, Corpus
from wirewatch.api import create_app
from wirewatch.batch import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store, schema
from wirewatch.web import data


def marks(html: str) -> list[str]:
    return re.findall(r'<mark class="q [^"]*"[^>]*data-statement="(\d+)"', html)


def test_home_lists_the_most_quoted_and_links_to_the_network(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "John Kirby" in page.text and "Jake Sullivan" in page.text
    assert 'href="/network"' in page.text
    assert "statements" in page.text


def test_search_shows_quote_cards_linking_to_the_place_in_the_article(
    client: TestClient, corpus: Corpus
) -> None:
    page = client.get("/search", params={"q": "UAVs"})
    assert page.status_code == 200
    assert "several hundred UAVs" in page.text
    assert f'href="/articles/{corpus.example}#s{corpus.sullivan_statement}"' in page.text
    assert f'href="/speakers/{corpus.sullivan}"' in page.text
    assert "White House National Security Advisor" in page.text  # the role on the card


def test_search_facets_count_the_query_and_add_a_filter(client: TestClient) -> None:
    page = client.get("/search", params={"q": "drones"})
    assert page.status_code == 200
    facet = re.search(r'data-facet="speaker">(.*?)</section>', page.text, re.S)
    assert facet is not None
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a> <span class="n">(\d+)</span>', facet.group(1))
    assert links, facet.group(1)
    href, name, count = links[0]
    query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
    assert query == {"q": ["drones"], "speaker": [name]}
    narrowed = client.get(href.replace("&amp;", "&"))
    assert narrowed.status_code == 200
    assert f"{count} statement" in narrowed.text
    # Every card of the narrowed search is that speaker's.
    whos = re.findall(r'class="who"[^>]*>([^<]+)<', narrowed.text)
    assert whos and set(whos) == {name}
    assert "Remove filter speaker" in narrowed.text


def test_month_facet_narrows_to_that_month(client: TestClient) -> None:
    page = client.get("/search", params={"q": "miners"})
    assert page.status_code == 200
    month = re.search(r'data-facet="month">(.*?)</section>', page.text, re.S)
    assert month is not None
    href = re.search(r'<a href="([^"]+)">(\d{4}-\d{2})</a>', month.group(1))
    assert href is not None
    assert f"since={href.group(2)}&amp;until={href.group(2)}" in href.group(1)
    narrowed = client.get(href.group(1).replace("&amp;", "&"))
    dates = re.findall(r"<span class=\"sep\">·</span> (\d{4}-\d{2})-\d{2}", narrowed.text)
    assert dates and set(dates) == {href.group(2)}


def test_filters_without_words_list_statements(client: TestClient) -> None:
    page = client.get("/search", params={"speaker": "Jake Sullivan", "kind": "direct"})
    assert page.status_code == 200
    assert "UAVs" in page.text
    assert set(re.findall(r'class="who"[^>]*>([^<]+)<', page.text)) == {"Jake Sullivan"}


def test_article_highlights_every_statement_coloured_by_speaker(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/articles/{corpus.example}")
    assert page.status_code == 200
    html = page.text
    assert "Russia seeks Iran drones after losses in Ukraine" in html
    found = marks(html)
    assert len(set(found)) == 24  # every statement of the story
    assert f'id="s{corpus.sullivan_statement}"' in html
    # One colour per speaker: all of Kirby's highlights share one class, Sullivan's another.
    colour = dict(re.findall(r'<mark class="q (c\w+)"[^>]*data-statement="(\d+)"', html)[::-1])
    by_statement = {v: k for k, v in colour.items()}
    assert by_statement[str(corpus.sullivan_statement)] != by_statement[str(corpus.kirby_statement)]
    # The panel's details, hidden until a highlight is selected.
    detail = re.search(rf'id="detail-{corpus.sullivan_statement}".*?</div>', html, re.S)
    assert detail is not None
    assert "Jake Sullivan" in detail.group(0) and "White House National Security Advisor" in detail.group(0)
    assert "<dt>Cue</dt><dd>told</dd>" in detail.group(0)
    assert "hidden" in detail.group(0).split(">")[0]


def test_article_text_is_the_stored_text(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/articles/{corpus.example}").text
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S)
    assert body is not None
    with corpus.store.session() as s:
        stored = s.get(schema.Article, corpus.example)
        assert stored is not None
        assert unescape(re.sub(r"<[^>]+>", "", body.group(1))) == stored.text


def test_article_lists_events_with_who_reported_them(client: TestClient, corpus: Corpus) -> None:
    html = client.get(f"/articles/{corpus.example}").text
    events = re.search(r"<h2>Events</h2>(.*?)</section>", html, re.S)
    assert events is not None
    text = events.group(1)
    assert "Provide military aid" in text and "072" in text
    assert 'href="/actors/IRNGOV"' in text and 'href="/actors/RUS"' in text
    assert "planned" in text
    assert re.search(r"reported by <a [^>]*>Jake Sullivan</a>", text)


def test_article_also_carried_by_the_other_outlets(client: TestClient, corpus: Corpus) -> None:
    html = client.get(f"/articles/{corpus.syndicated}").text
    carried = re.search(r"<h2>Also carried by</h2>(.*?)</section>", html, re.S)
    assert carried is not None
    others = re.findall(r'<a href="/articles/(\d+)">', carried.group(1))
    assert len(others) >= 2 and str(corpus.syndicated) not in others
    alone = client.get(f"/articles/{corpus.hostile}").text
    assert "No other outlet carried this story." in alone


def test_hostile_article_is_shown_as_text(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/articles/{corpus.hostile}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<b>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "&lt;b&gt;test&lt;/b&gt;" in page.text
    assert len(marks(page.text)) == 2
    # The title too, on every page that shows it.
    search = client.get("/search", params={"q": "allow"})
    assert "<script>alert" not in search.text and "&lt;script&gt;" in search.text


def test_speaker_page(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/speakers/{corpus.kirby}")
    assert page.status_code == 200
    html = page.text
    assert "<h1>John Kirby" in html
    assert "spokesman for the national security council" in html
    assert "Morning Chronicle" in html  # the outlet quoting him
    names = re.search(r"<h2>Names seen</h2>(.*?)</section>", html, re.S)
    assert names is not None and "Kirby" in names.group(1) and ">he<" not in names.group(1)
    about = re.search(r"<h2>Talks about</h2>(.*?)</section>", html, re.S)
    assert about is not None and "Iran" in about.group(1)
    assert len(re.findall(r'<article class="card', html)) == 11
    assert "all 11 are in undated articles" in html  # the example story has no date


def test_speaker_timeline_is_an_svg_bar_chart(client: TestClient, corpus: Corpus) -> None:
    with corpus.store.session() as s:
        row = s.execute(
            select(schema.Statement.speaker_id, func.count())
            .join(schema.Article, schema.Article.id == schema.Statement.article_id)
            .where(schema.Article.published.is_not(None), schema.Statement.speaker_id.is_not(None))
            .group_by(schema.Statement.speaker_id)
            .order_by(func.count().desc(), schema.Statement.speaker_id)
        ).first()
    assert row is not None
    speaker_id, dated = row
    page = client.get(f"/speakers/{speaker_id}").text
    chart = re.search(r"<svg.*?</svg>", page, re.S)
    assert chart is not None
    counts = [int(n) for n in re.findall(r"<title>\d{4}-\d{2}: (\d+)</title>", chart.group(0))]
    assert sum(counts) == dated and len(counts) >= 12


def test_timeline_fills_the_months_between() -> None:
    bars, peak = data.timeline(Counter({"2011-11": 2, "2012-02": 4}), min_months=1)
    assert [b.label for b in bars] == ["2011-11", "2011-12", "2012-01", "2012-02"]
    assert [b.count for b in bars] == [2, 0, 0, 4] and peak == 4
    assert bars[3].height == pytest.approx(2 * bars[0].height)
    # A short span is widened to a year around it.
    bars, _ = data.timeline(Counter({"2011-03": 1}))
    assert bars[0].label == "2010-10" and len(bars) == 12
    assert [b.label for b in bars if b.count] == ["2011-03"]
    assert data.timeline(Counter()) == ([], 0)


def test_segments_cover_the_text_once() -> None:
    def st(i: int, spans: list[tuple[int, int]]) -> data.StatementView:
        return data.StatementView(i, i, "direct", "", spans, None, None, None, None, None, None, None, None)

    text = "0123456789abcdef"
    a, b = st(1, [(2, 6), (10, 12)]), st(2, [(4, 8), (11, 40)])
    segs = data.segments(text, [a, b])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.statement.id if s.statement else None, s.first) for s in segs] == [
        ("01", None, False),
        ("2345", 1, True),
        ("67", 2, True),
        ("89", None, False),
        ("ab", 1, False),
        ("cdef", 2, False),
    ]


def test_actor_page(client: TestClient, corpus: Corpus) -> None:
    page = client.get("/actors/RUSMIL")
    assert page.status_code == 200
    assert "Russian forces" in page.text and "Provide military aid" in page.text
    assert f'href="/speakers/{corpus.sullivan}"' in page.text  # he reported it, and talks about it
    iran = client.get("/actors/irn")
    assert iran.status_code == 200 and "Iran" in iran.text


def test_network_json_has_speakers_actors_and_both_kinds_of_edges(client: TestClient, corpus: Corpus) -> None:
    graph = client.get("/network.json").json()
    nodes = {n["id"]: n for n in graph["nodes"]}
    sullivan = nodes[f"speaker:{corpus.sullivan}"]
    assert sullivan == {
        "id": f"speaker:{corpus.sullivan}",
        "label": "Jake Sullivan",
        "type": "person",
        "url": f"/speakers/{corpus.sullivan}",
        "weight": sullivan["weight"],
    }
    # The country speaker "Iran" and the actor code IRN are one node.
    assert nodes["actor:IRN"]["label"] == "Iran" and nodes["actor:IRN"]["url"].startswith("/speakers/")
    assert {n["type"] for n in nodes.values()} == {"person", "organization", "country"}
    edges = {(e["source"], e["target"], e["kind"]): e["weight"] for e in graph["edges"]}
    assert edges[(f"speaker:{corpus.sullivan}", "actor:IRN", "quotes")] >= 1
    assert edges[("actor:IRN", "actor:RUS", "acts")] >= 1
    assert all(e["source"] in nodes and e["target"] in nodes for e in graph["edges"])


def test_network_filtered_by_date(client: TestClient, corpus: Corpus) -> None:
    graph = client.get("/network.json", params={"since": "2011-06", "until": "2011-12"}).json()
    ids = {n["id"] for n in graph["nodes"]}
    assert f"speaker:{corpus.sullivan}" not in ids  # the example story has no date
    assert ("actor:USAMIL", "actor:IRQ") in {(e["source"], e["target"]) for e in graph["edges"]}
    page = client.get("/network", params={"since": "2011-06"})
    assert page.status_code == 200
    assert 'data-src="/network.json?since=2011-06"' in page.text
    assert "US combat forces" in page.text  # the list of strongest links, for readers without the graph


def test_assets_are_served_by_the_app(client: TestClient) -> None:
    for path in ("/static/wirewatch.css", "/static/article.js", "/static/network.js"):
        assert client.get(path).status_code == 200, path
    vendored = client.get("/static/vendor/cytoscape.min.js")
    assert vendored.status_code == 200 and "cytoscape" in vendored.text[:500].lower()
    assert client.get("/static/vendor/cytoscape.LICENSE").status_code == 200
    for page in ("/", "/network", "/search?q=drones"):
        html = client.get(page).text
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//(?!testserver)', html), page


@pytest.mark.parametrize(
    "path",
    ["/articles/999999", "/speakers/999999", "/actors/ZZZQ"],
)
def test_unknown_ids_get_a_404_page(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/articles/abc", "not a number"),
        ("/speakers/-1", "not a number"),
        ("/actors/12", "not a CAMEO actor code"),
        ("/search?q=drones&since=2022-13", "since 2022-13: not a date"),
        ("/search?q=drones&until=yesterday", "until yesterday: not a date"),
        ("/search?q=drones&kind=rumour", "kind rumour: not a statement kind"),
        ("/search?q=%21%21%21", "nothing to search for"),
        ("/network?since=2022-02-30", "since 2022-02-30: not a date"),
    ],
)
def test_malformed_parameters_get_a_422_page(client: TestClient, path: str, words: str) -> None:
    page = client.get(path)
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert words in page.text


def test_malformed_parameters_of_the_json_get_a_422_json(client: TestClient) -> None:
    reply = client.get("/network.json", params={"until": "soon"})
    assert reply.status_code == 422
    assert reply.json() == {"detail": "until soon: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"}


def test_every_page_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    """The same pages from a PostgreSQL store (tsvector search, its own date and null ordering)."""
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with Store(postgres_url) as store:
        ingest([str(EXAMPLE), str(SYNDICATION), str(hostile)], store, Settings())
        client = TestClient(create_app(store))
        with store.session() as s:
            sullivan = s.scalar(select(schema.Speaker.id).where(schema.Speaker.name == "Jake Sullivan"))
            example = s.scalar(select(schema.Article.id).where(schema.Article.external_id == EXAMPLE.stem))
        for path in (
            "/",
            "/search?q=drones&speaker=Jake+Sullivan",
            "/search?q=miners&since=2011-10&until=2011-10",
            "/search?kind=direct",
            f"/articles/{example}",
            f"/speakers/{sullivan}",
            "/actors/RUSMIL",
            "/network?since=2011",
        ):
            page = client.get(path)
            assert page.status_code == 200, path
        assert "Jake Sullivan" in client.get(f"/articles/{example}").text
        graph = client.get("/network.json").json()
        assert f"speaker:{sullivan}" in {n["id"] for n in graph["nodes"]}
