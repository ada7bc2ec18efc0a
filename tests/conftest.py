"""Shared fixtures: one loaded pipeline for the whole test run (loading spaCy is slow)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wirewatch.extract import Extractor
from wirewatch.model import Article, Extraction, Span

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "iran-drones-wire-story.txt"
DATA = Path(__file__).resolve().parent / "data"

# A real PostgreSQL server for the store tests (skipped, saying why, where there is none).
pytest_plugins = ["tests.postgres"]


def assert_spans_exact(extraction: Extraction) -> None:
    """Every span of every statement is a stretch of ``article.text`` with those very words."""
    text = extraction.article.text
    for statement in extraction.statements:
        assert statement.content, statement
        for span in (*statement.content, statement.cue, statement.speaker):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver on 127.0.0.1 (not ``localhost``, which may resolve to ::1 first)."""
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def run(extractor: Extractor) -> Callable[..., Extraction]:
    """Extract from already clean text; ``headline`` (if given) opens the text."""

    def _run(text: str, headline: str | None = None) -> Extraction:
        body = f"{headline}\n\n{text}" if headline else text
        span = Span.of(body, 0, len(headline)) if headline else None
        return extractor.extract(Article(id="t", text=body, title=headline, headline=span))

    return _run
