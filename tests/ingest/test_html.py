"""read_html on real pages (tests/data/ingest, see its NOTICE.md) and on small made-up ones."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from typing import Any

import pytest

from wirewatch.errors import InputError
from wirewatch.ingest.html import read_html

from .conftest import HTML_PAGES

MANIFEST = [json.loads(line) for line in (HTML_PAGES / "manifest.jsonl").read_text().splitlines()]


def load(prefix: str) -> tuple[str, dict[str, Any]]:
    record = next(r for r in MANIFEST if r["id"].startswith(prefix))
    return gzip.decompress((HTML_PAGES / record["file"]).read_bytes()).decode("utf-8"), record


def shingles(text: str) -> Counter[tuple[str, ...]]:
    # The benchmark's metric (shared/data/html/README.md): multisets of 4-token shingles.
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(len(tokens) - 3, 1)))


@pytest.mark.parametrize("record", MANIFEST, ids=lambda r: r["id"][:10])
def test_body_matches_ground_truth(record: dict[str, Any]) -> None:
    html, _ = load(record["id"])
    page = read_html(html, record["url"])
    assert page.title
    # The ground truth keeps the dateline in the body; we moved it to page.dateline.
    ours = shingles(" ".join([page.dateline or ""] + [p.text for p in page.paragraphs]))
    truth = shingles(record["ground_truth_text"])
    shared = sum((ours & truth).values())
    assert shared / sum(ours.values()) > 0.9  # precision
    assert shared / sum(truth.values()) > 0.85  # recall


def test_ap_story_dateline_footer_and_metadata() -> None:
    html, record = load("c467d50755")
    page = read_html(html, record["url"])
    assert page.dateline == "ST. JOSEPH, Mich. (AP)"
    assert page.paragraphs[0].text.startswith("Michigan health authorities are reporting")
    assert (page.site_name, page.published) == ("CBS Detroit", "2019-11-19")
    assert not any("Associated Press. All Rights Reserved" in p.text for p in page.paragraphs)


def test_h1_is_the_headline_and_h2_are_headings() -> None:
    html, record = load("c58aa507c4")
    page = read_html(html, record["url"])
    assert page.title == (
        "Two federal prison officers charged with falsifying records"
        " in connection with Jeffrey Epstein's suicide"
    )
    assert page.dateline == "WASHINGTON"
    assert page.paragraphs[0].text.startswith("Two federal prison officers were charged Tuesday")
    assert "Prisons plagued by understaffing" in [p.text for p in page.paragraphs if p.heading]
    assert page.title not in [p.text for p in page.paragraphs]


def test_site_name_lead_and_date_line() -> None:
    html, record = load("d90bda7ed1")
    page = read_html(html, record["url"])
    assert (page.site_name, page.dateline, page.published) == ("PanARMENIAN.Net", None, "2019-11-20")
    assert page.paragraphs[0].text.startswith("Verified video footage")
    assert not any(p.text.startswith("November 20, 2019") for p in page.paragraphs)


ARTICLE_HTML = """<!doctype html><html><head><title>Dock strike spreads | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dock strike spreads</h1>
<p>BERLIN (AP) — Dock workers in a second port walked out on Tuesday, the union said,
as talks over pay stalled for a second week and shipping lines began to divert vessels.</p>
<p>“We are not going back until the offer changes,” a union official told reporters outside.</p>
<h2>Pay talks stall</h2>
<p>The port authority said it had made its final offer and would not negotiate further.<br>
It said the strike was costing the region millions of euros every day it went on.</p>
<p>Share</p>
</article><footer>© 2024 Harbour Daily</footer></body></html>"""


def test_small_page() -> None:
    page = read_html(ARTICLE_HTML)
    assert (page.title, page.site_name, page.dateline) == (
        "Dock strike spreads",
        "Harbour Daily",
        "BERLIN (AP)",
    )
    texts = [(p.text, p.heading) for p in page.paragraphs]
    assert texts[0][0].startswith(
        "Dock workers in a second port walked out on Tuesday, the union said, as talks"
    )
    assert ("Pay talks stall", True) in texts
    assert (
        "It said the strike was costing the region millions of euros every day it went on.",
        False,
    ) in texts
    assert not any(text in {"Share", "© 2024 Harbour Daily"} for text, _ in texts)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "not html at all",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
    ],
)
def test_no_article_text(html: str) -> None:
    with pytest.raises(InputError) as caught:
        read_html(html, source="page.html")
    assert caught.value.source == "page.html"
