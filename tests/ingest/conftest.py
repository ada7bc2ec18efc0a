"""Shared fixtures for the ingest tests: paths to the data they read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
# The reference article ships with the project, for `make demo`.
REFERENCE = DATA.parent.parent / "examples" / "iran-drones-wire-story.txt"
HTML_PAGES = DATA / "ingest"


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def benchmark_pages() -> list[tuple[str, str]]:
    """The real pages in ``tests/data/ingest``: (original URL, HTML), in manifest order."""
    pages = []
    for line in (HTML_PAGES / "manifest.jsonl").read_text().splitlines():
        record = json.loads(line)
        html = gzip.decompress((HTML_PAGES / record["file"]).read_bytes()).decode("utf-8")
        pages.append((record["url"], html))
    return pages
