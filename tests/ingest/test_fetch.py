"""Fetcher: timeouts, retries, Retry-After, the per-host rate limit, size limits; against a
real HTTP server on 127.0.0.1 (pytest-httpserver)."""

from __future__ import annotations

import itertools
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from wirewatch.errors import ConfigError, InputError
from wirewatch.ingest.fetch import Fetcher, FetchSettings, default_user_agent
from wirewatch.ingest.readers import read_source

PAGE = "<!DOCTYPE html><html><head><title>Port reopens</title></head><body><p>Hello.</p></body></html>"


def fetcher(**settings: Any) -> Fetcher:
    """A Fetcher for tests: short timeouts, a tiny backoff, no rate limit unless asked."""
    defaults: dict[str, Any] = {"connect_timeout": 2, "read_timeout": 2, "backoff": 0.01, "min_interval": 0}
    return Fetcher(FetchSettings(**(defaults | settings)))


def recording(answers: list[Response]) -> tuple[Callable[[Request], Response], list[float]]:
    """A handler giving ``answers`` in turn (the last one again and again), and the times it was asked."""
    times: list[float] = []

    def handler(request: Request) -> Response:
        times.append(time.monotonic())
        return answers[min(len(times), len(answers)) - 1]

    return handler, times


def html(status: int = 200, **headers: str) -> Response:
    return Response(PAGE, status=status, headers=headers, content_type="text/html; charset=utf-8")


def failure(url: str, action: Callable[[], object]) -> str:
    with pytest.raises(InputError) as caught:
        action()
    assert caught.value.source == url
    assert "\n" not in str(caught.value)
    return caught.value.reason


def test_fetches_a_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_response(html())
    with fetcher() as f:
        page = f.get(httpserver.url_for("/story"))
    assert (page.status, page.content, page.content_type, page.charset) == (
        200,
        PAGE.encode(),
        "text/html",
        "utf-8",
    )
    assert page.url == page.final_url == httpserver.url_for("/story")


def test_user_agent_is_sent(httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return html()

    httpserver.expect_request("/ua").respond_with_handler(handler)
    with fetcher() as f:
        f.get(httpserver.url_for("/ua"))
    assert seen == [default_user_agent()]
    assert re.fullmatch(r"wirewatch/\d[\w.+-]* \(\+https://github\.com/wirewatch/wirewatch\)", seen[0])


def test_5xx_is_retried_until_it_succeeds(httpserver: HTTPServer) -> None:
    handler, times = recording([html(500), html(500), html(200)])
    httpserver.expect_request("/flaky").respond_with_handler(handler)
    with fetcher(tries=3) as f:
        assert f.get(httpserver.url_for("/flaky")).content == PAGE.encode()
    assert len(times) == 3
    # Exponential backoff: 0.01 s, then 0.02 s.
    assert times[1] - times[0] >= 0.01
    assert times[2] - times[1] >= 0.02


def test_always_500_gives_up_after_the_tries(httpserver: HTTPServer) -> None:
    handler, times = recording([html(500)])
    httpserver.expect_request("/down").respond_with_handler(handler)
    url = httpserver.url_for("/down")
    with fetcher(tries=3) as f:
        assert failure(url, lambda: f.get(url)) == "HTTP 500 after 3 tries"
    assert len(times) == 3


def test_429_is_retried(httpserver: HTTPServer) -> None:
    handler, times = recording([html(429), html(200)])
    httpserver.expect_request("/busy").respond_with_handler(handler)
    with fetcher() as f:
        assert f.get(httpserver.url_for("/busy")).status == 200
    assert len(times) == 2


def test_404_is_not_retried(httpserver: HTTPServer) -> None:
    handler, times = recording([html(404)])
    httpserver.expect_request("/gone").respond_with_handler(handler)
    url = httpserver.url_for("/gone")
    with fetcher(tries=3) as f:
        assert failure(url, lambda: f.get(url)).upper() == "HTTP 404 NOT FOUND"
    assert len(times) == 1


def test_retry_after_is_honoured_up_to_the_cap(httpserver: HTTPServer) -> None:
    handler, times = recording([html(503, **{"Retry-After": "5"}), html(200)])
    httpserver.expect_request("/later").respond_with_handler(handler)
    with fetcher(max_retry_after=0.3) as f:
        assert f.get(httpserver.url_for("/later")).status == 200
    # Waited for Retry-After (not the 0.01 s backoff), but only up to the 0.3 s cap (not 5 s).
    assert 0.28 <= times[1] - times[0] < 1.5


@pytest.fixture
def slow_url(httpserver: HTTPServer) -> Iterator[str]:
    """A page that answers only when the test is over (or after 5 s)."""
    release = threading.Event()

    def handler(request: Request) -> Response:
        release.wait(5)
        return html()

    httpserver.expect_request("/slow").respond_with_handler(handler)
    yield httpserver.url_for("/slow")
    release.set()  # so the (single-threaded) server is free for the next test


def test_slow_page_times_out(slow_url: str) -> None:
    started = time.monotonic()
    with fetcher(read_timeout=0.2, tries=2) as f:
        assert failure(slow_url, lambda: f.get(slow_url)) == "timed out (no data for 0.2 s) after 2 tries"
    assert time.monotonic() - started < 2


def test_connection_refused(httpserver: HTTPServer) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with fetcher(tries=2) as f:
        assert failure(url, lambda: f.get(url)) == "cannot connect (Connection refused) after 2 tries"


# Requests sent at least 0.15 s apart, as the server's clock sees them (see below).
_SEEN_APART = 0.1


def test_per_host_rate_limit(httpserver: HTTPServer) -> None:
    handler, times = recording([html()])
    httpserver.expect_request(re.compile("/page/.*")).respond_with_handler(handler)
    with fetcher(min_interval=0.15) as f:
        for n in range(4):
            f.get(httpserver.url_for(f"/page/{n}"))
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 3
    # The server sees each request up to a scheduling delay later or sooner than it was sent
    # (a loaded machine: tens of ms); without the limit they arrive about 1 ms apart.
    assert all(gap >= _SEEN_APART for gap in gaps), gaps


def test_retries_wait_their_turn_too(httpserver: HTTPServer) -> None:
    handler, times = recording([html(502), html()])
    httpserver.expect_request("/r").respond_with_handler(handler)
    with fetcher(min_interval=0.15) as f:
        f.get(httpserver.url_for("/r"))
    assert times[1] - times[0] >= _SEEN_APART


def test_declared_size_over_the_limit(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 3000, content_type="text/html")
    url = httpserver.url_for("/big")
    with fetcher(max_bytes=1024) as f:
        assert failure(url, lambda: f.get(url)) == "response is 2.9 KB, over the 1 KB limit"


def test_streamed_size_over_the_limit(httpserver: HTTPServer) -> None:
    # No Content-Length (a generator is sent chunked): counted while reading.
    def handler(request: Request) -> Response:
        return Response((b"x" * 500 for _ in range(10)), content_type="text/html")

    httpserver.expect_request("/stream").respond_with_handler(handler)
    url = httpserver.url_for("/stream")
    with fetcher(max_bytes=1024) as f:
        assert failure(url, lambda: f.get(url)) == "response is over the 1 KB limit"


def test_redirect_is_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": httpserver.url_for("/new")})
    )
    httpserver.expect_request("/new").respond_with_response(html())
    with fetcher() as f:
        page = f.get(httpserver.url_for("/old"))
    assert (page.url, page.final_url) == (httpserver.url_for("/old"), httpserver.url_for("/new"))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/story.html", "only http and https URLs are fetched, not ftp"),
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("http:///story", "not a valid URL (no host)"),
    ],
)
def test_only_http_urls(url: str, reason: str) -> None:
    with fetcher() as f:
        assert failure(url, lambda: f.get(url)) == reason


def test_read_source_refuses_other_schemes() -> None:
    (error,) = list(read_source("ftp://example.org/feed.xml"))
    assert str(error) == "ftp://example.org/feed.xml: only http and https URLs are read, not ftp"


@pytest.mark.parametrize("bad", [{"tries": 0}, {"read_timeout": 0}, {"backoff": -1}, {"max_bytes": 0}])
def test_bad_settings(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        FetchSettings(**bad)


def test_relative_url() -> None:
    with fetcher() as f:
        assert failure("/story/1", lambda: f.get("/story/1")) == (
            "not an absolute URL (only http and https URLs are fetched)"
        )
