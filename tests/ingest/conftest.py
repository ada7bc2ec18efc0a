"""Shared fixtures for the ingest tests: paths to the data they read."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
# The reference article ships with the project, for `make demo`.
REFERENCE = DATA.parent.parent / "examples" / "iran-drones-wire-story.txt"
HTML_PAGES = DATA / "ingest"


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")
