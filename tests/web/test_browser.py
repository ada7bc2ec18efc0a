"""End to end in headless Chromium (Debian's ``/usr/bin/chromium``, driven by playwright):
the app served by uvicorn on 127.0.0.1, every page opened, clicked and photographed.

The screenshots land in ``tests/web/screenshots/`` (not committed) to be looked at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from tests.web.conftest import Corpus
from wirewatch.api import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (Debian package chromium): browser tests skipped"
)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")


@pytest.fixture(scope="module")
def server(corpus: Corpus) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served from a background thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(corpus.store), log_level="warning", lifespan="off")
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not served.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda err: errors.append(str(err)))

    def console(msg: Any) -> None:
        # A 404 or 422 page is the document itself failing to load: expected where asked for.
        if msg.type == "error" and msg.location.get("url") != opened.url:
            errors.append(f"{msg.text} ({msg.location.get('url')})")

    opened.on("console", console)
    yield opened
    context.close()
    assert not errors, errors


def shoot(page: Any, folder: Path, name: str, full: bool = True) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=full)


def panel_speaker(page: Any) -> str:
    return str(page.locator("#panel .detail:not([hidden]) dd.speaker").inner_text()).strip()


def test_article_highlight_shows_its_speaker(
    page: Any, server: str, corpus: Corpus, screenshots: Path
) -> None:
    page.goto(f"{server}/articles/{corpus.example}")
    assert page.locator("mark.q").count() >= 24
    assert page.locator("#panel .detail:not([hidden])").count() == 0
    page.locator(f'mark[data-statement="{corpus.sullivan_statement}"]').first.click()
    assert panel_speaker(page).startswith("Jake Sullivan")
    detail = page.locator("#panel .detail:not([hidden])").inner_text()
    assert "White House National Security Advisor" in detail and "told" in detail and "direct" in detail
    shoot(page, screenshots, "article-selected", full=False)
    # By keyboard: focus Kirby's first highlight and press Enter.
    kirby = page.locator(f'mark[data-statement="{corpus.kirby_statement}"]').first
    kirby.focus()
    page.keyboard.press("Enter")
    assert panel_speaker(page).startswith("John Kirby")
    assert page.locator("mark.q.selected").first.get_attribute("data-statement") == str(
        corpus.kirby_statement
    )
    shoot(page, screenshots, "article")


def test_link_to_a_statement_selects_it(page: Any, server: str, corpus: Corpus) -> None:
    page.goto(f"{server}/articles/{corpus.example}#s{corpus.sullivan_statement}")
    assert panel_speaker(page).startswith("Jake Sullivan")


def test_hostile_article_runs_no_script(page: Any, server: str, corpus: Corpus, screenshots: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/articles/{corpus.hostile}")
    page.wait_for_load_state("load")
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert page.locator(".text b").count() == 0
    page.locator("mark.q").first.click()
    assert panel_speaker(page).startswith("Marie Dupont")
    shoot(page, screenshots, "article-hostile", full=False)


def test_search_with_a_facet_then_the_speaker_page(
    page: Any, server: str, corpus: Corpus, screenshots: Path
) -> None:
    page.goto(server)
    shoot(page, screenshots, "home")
    page.fill("#q", "drones")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**/search?*q=drones*")
    total = page.locator("article.card").count()
    assert total >= 5
    shoot(page, screenshots, "search")
    page.locator('[data-facet="speaker"] a', has_text="Jake Sullivan").click()
    page.wait_for_url("**speaker=Jake+Sullivan*")
    cards = page.locator("article.card")
    assert 0 < cards.count() < total
    assert set(page.locator("article.card .who").all_inner_texts()) == {"Jake Sullivan"}
    assert page.locator(".chips").inner_text().count("Jake Sullivan") == 1
    shoot(page, screenshots, "search-facet")
    cards.first.locator("a.who").click()
    page.wait_for_url(f"**/speakers/{corpus.sullivan}")
    assert page.locator("h1").inner_text().startswith("Jake Sullivan")
    assert "Iran" in page.locator("ul.tags").inner_text()
    shoot(page, screenshots, "speaker")


def test_speaker_with_a_timeline(page: Any, server: str, corpus: Corpus, screenshots: Path) -> None:
    # The Pentagon is quoted in two months of 2011 by the syndication sample.
    page.goto(f"{server}/search?speaker=Pentagon")
    page.locator("article.card a.who").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text().startswith("Pentagon")
    bars = page.locator("figure.chart svg rect")
    assert bars.count() >= 12
    titles = page.locator("figure.chart svg rect title").all_text_contents()
    assert "2011-06: 1" in titles and "2011-10: 1" in titles
    shoot(page, screenshots, "speaker-timeline")


def test_network_draws_nodes_and_a_click_opens_the_page(
    page: Any, server: str, corpus: Corpus, screenshots: Path
) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("#graph[data-ready=true]", timeout=15000)
    nodes = page.evaluate("window.wirewatchGraph.nodes().length")
    edges = page.evaluate("window.wirewatchGraph.edges().length")
    assert nodes >= 10 and edges >= 10
    assert page.locator("#graph canvas").count() >= 1
    # Something is drawn: the canvas has non-white pixels.
    inked = page.evaluate(
        """() => Array.from(document.querySelectorAll('#graph canvas')).some(c => {
             const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
             for (let i = 3; i < d.length; i += 4 * 97) if (d[i] > 0) return true;
             return false; })"""
    )
    assert inked
    shoot(page, screenshots, "network", full=False)
    target = f"speaker:{corpus.sullivan}"
    pos = page.evaluate(f"window.wirewatchGraph.getElementById('{target}').renderedPosition()")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_url(f"**/speakers/{corpus.sullivan}", timeout=5000)
    assert page.locator("h1").inner_text().startswith("Jake Sullivan")


def test_network_zooms(page: Any, server: str) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("#graph[data-ready=true]", timeout=15000)
    before = page.evaluate("window.wirewatchGraph.zoom()")
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)
    page.wait_for_function(f"window.wirewatchGraph.zoom() > {before}", timeout=5000)


def test_actor_page(page: Any, server: str, screenshots: Path) -> None:
    page.goto(f"{server}/actors/RUSMIL")
    assert "Russian forces" in page.locator("h1").inner_text()
    shoot(page, screenshots, "actor")


def test_error_pages(page: Any, server: str, screenshots: Path) -> None:
    reply = page.goto(f"{server}/articles/424242")
    assert reply.status == 404
    assert "Not found" in page.locator("h1").inner_text()
    reply = page.goto(f"{server}/search?q=drones&since=2022-13")
    assert reply.status == 422
    shoot(page, screenshots, "error-422")
