"""Feeds (RSS, Atom; files or URLs) and web pages, served by a real HTTP server on
127.0.0.1; the pages are the real ones in tests/data/ingest."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from wirewatch.errors import InputError
from wirewatch.ingest.feeds import looks_like_feed
from wirewatch.ingest.fetch import Fetcher, FetchSettings
from wirewatch.ingest.readers import RawDocument, load_article, read_source

from .conftest import benchmark_pages

PAGES = benchmark_pages()
TITLES = [
    "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported",
    "Two federal prison officers charged with falsifying records in connection with "
    "Jeffrey Epstein's suicide",
    "Amnesty. More than 100 protesters killed in Iran unrest",
]
# No <title>, no <h1>, no date: what a feed entry must make up for.
BARE_PAGE = (
    "<!DOCTYPE html><html><body><article><p>Dock workers in a second port walked out on Tuesday, "
    "the union said, as talks over pay stalled for a second week.</p></article></body></html>"
)


def rss(*items: tuple[str, str, str]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
        for title, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>'
        f"<link>https://e.org/</link><description>News</description>{entries}</channel></rss>"
    )


def atom(*entries: tuple[str, str, str]) -> str:
    body = "".join(
        f'<entry><title>{title}</title><link href="{link}"/><id>{link}</id><updated>{date}</updated></entry>'
        for title, link, date in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Wire</title><id>urn:wire</id><updated>2024-03-12T00:00:00Z</updated>{body}</feed>"
    )


@pytest.fixture
def fetcher() -> Any:
    with Fetcher(
        FetchSettings(connect_timeout=2, read_timeout=2, backoff=0.01, min_interval=0, tries=2)
    ) as f:
        yield f


def serve_pages(httpserver: HTTPServer) -> list[str]:
    """The three real pages at /story/0.. /story/2; their URLs."""
    urls = []
    for number, (_, html) in enumerate(PAGES):
        path = f"/story/{number}"
        httpserver.expect_request(path).respond_with_data(html, content_type="text/html; charset=utf-8")
        urls.append(httpserver.url_for(path))
    return urls


def test_feed_url_gives_one_document_per_entry(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    urls = serve_pages(httpserver)
    # Entry titles differ from the pages': a page's own title wins.
    feed = rss(*((f"Entry {n}", url, "Tue, 12 Mar 2024 09:00:00 GMT") for n, url in enumerate(urls)))
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    docs = list(read_source(httpserver.url_for("/feed"), fetcher=fetcher))
    assert all(isinstance(doc, RawDocument) for doc in docs), docs
    assert [(d.id, d.url, d.source) for d in docs if isinstance(d, RawDocument)] == [(u, u, u) for u in urls]
    articles = [load_article(doc) for doc in docs if isinstance(doc, RawDocument)]
    assert [a.title for a in articles] == TITLES
    assert [a.url for a in articles] == urls
    # The pages give their own dates (2019), which win over the entries' (2024).
    assert [a.published for a in articles] == ["2019-11-19", "2019-11-19", "2019-11-20"]
    httpserver.check_assertions()


def test_entry_title_and_date_fill_in_for_a_bare_page(
    httpserver: HTTPServer, fetcher: Fetcher, tmp_path: Path
) -> None:
    httpserver.expect_request("/bare").respond_with_data(BARE_PAGE, content_type="text/html")
    link = httpserver.url_for("/bare")
    path = tmp_path / "wire.atom"
    path.write_text(atom(("Dock strike spreads", link, "2024-03-12T08:30:00Z")))
    (doc,) = list(read_source(str(path), fetcher=fetcher))
    assert isinstance(doc, RawDocument)
    assert (doc.url, doc.fallback_title, doc.fallback_published) == (
        link,
        "Dock strike spreads",
        "2024-03-12",
    )
    article = load_article(doc)
    assert (article.title, article.published) == ("Dock strike spreads", "2024-03-12")


def test_bad_entries_do_not_stop_the_feed(httpserver: HTTPServer, fetcher: Fetcher, tmp_path: Path) -> None:
    urls = serve_pages(httpserver)
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    gone, pdf = httpserver.url_for("/gone"), httpserver.url_for("/pdf")
    date = "Tue, 12 Mar 2024 09:00:00 GMT"
    feed = rss(("One", urls[0], date), ("Gone", gone, date), ("No link", "", date), ("PDF", pdf, date))
    path = tmp_path / "wire.rss"
    path.write_text(feed)
    results = list(read_source(str(path), fetcher=fetcher))
    assert [type(r).__name__ for r in results] == ["RawDocument", "InputError", "InputError", "InputError"]
    assert [str(r) for r in results[1:]] == [
        f"{gone}: HTTP 404 NOT FOUND",
        f"{path}#3: feed entry has no link",
        f"{pdf}: a PDF file, not an article",
    ]


def test_gzipped_feed_file_and_feed_known_by_content(
    httpserver: HTTPServer, fetcher: Fetcher, tmp_path: Path
) -> None:
    urls = serve_pages(httpserver)
    feed = rss(*((f"Entry {n}", url, "") for n, url in enumerate(urls)))
    (tmp_path / "wire.xml.gz").write_bytes(gzip.compress(feed.encode()))
    (tmp_path / "latest").write_text(feed)
    for name in ("wire.xml.gz", "latest"):
        docs = list(read_source(str(tmp_path / name), fetcher=fetcher))
        assert [d.url for d in docs if isinstance(d, RawDocument)] == urls


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://e.org/</loc></url></urlset>')
    (error,) = list(read_source(str(path)))
    assert isinstance(error, InputError)
    assert error.reason.startswith("not an RSS or Atom feed")


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text(rss())
    (error,) = list(read_source(str(path)))
    assert str(error) == f"{path}: feed has no entries"


def test_plain_page_url(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    (_, html), *_ = PAGES
    httpserver.expect_request("/article").respond_with_data(html, content_type="text/html")
    page_url = httpserver.url_for("/article")
    (doc,) = list(read_source(page_url, fetcher=fetcher))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.source, doc.url, doc.html, doc.text) == (page_url, page_url, page_url, html, None)
    assert load_article(doc).title == TITLES[0]


def test_page_charset_from_the_http_header(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    page = (
        "<html><head><title>Новости</title></head>"
        "<body><p>Министр заявил, что переговоры продолжатся.</p></body></html>"
    )
    httpserver.expect_request("/ru").respond_with_data(
        page.encode("koi8-r"), content_type="text/html; charset=koi8-r"
    )
    (doc,) = list(read_source(httpserver.url_for("/ru"), fetcher=fetcher))
    assert isinstance(doc, RawDocument) and doc.html == page


def test_url_errors_are_one_line(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/down").respond_with_data("", status=503)
    url = httpserver.url_for("/down")
    (error,) = list(read_source(url, fetcher=fetcher))
    assert str(error) == f"{url}: HTTP 503 after 2 tries"


def test_read_source_makes_and_closes_its_own_fetcher(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/p").respond_with_data(PAGES[2][1], content_type="text/html")
    (doc,) = list(read_source(httpserver.url_for("/p")))
    assert isinstance(doc, RawDocument)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (rss(), True),
        (atom(), True),
        ('<?xml version="1.0"?>\n<!-- a comment -->\n<rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', True),
        ("<rss version='2.0'><channel></channel></rss>", True),
        ('<?xml version="1.0"?><urlset></urlset>', False),
        ("<!DOCTYPE html><html><head><title>Feed</title></head></html>", False),
        ("The feed was down on Tuesday, <rss> said.", False),
    ],
)
def test_looks_like_feed(text: str, expected: bool) -> None:
    assert looks_like_feed(text) is expected
