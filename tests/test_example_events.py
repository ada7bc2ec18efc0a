"""The reference article's events: the issue's list, each with actors, root and modality."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLE
from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article
from wirewatch.model import Extraction

# (source, target, CAMEO root, modality, the speaker whose claim it is or None)
EXPECTED = [
    ("RUS", "IRN", "02", "planned", "White House"),  # Russia seeks Iran drones
    ("IRNGOV", "RUS", "07", "planned", "Jake Sullivan"),  # preparing to provide UAVs
    ("IRN", "RUSMIL", "07", "planned", "Jake Sullivan"),  # preparing to train Russian forces
    ("USA", "UKRMIL", "07", "occurred", None),  # began providing weapons to Ukrainian force
    ("USA", "UKR", "07", "occurred", None),  # supplied Kyiv with drones
    ("YEMREB", "SAU", "19", "occurred", "Jake Sullivan"),  # Huthi rebels attack Saudi Arabia
    ("IRN", "USA", "11", "occurred", None),  # blaming the United States
    ("IRN", None, "01", "occurred", None),  # Iran's denial
]


@pytest.fixture(scope="module")
def extraction(extractor: Extractor) -> Extraction:
    raw = RawDocument(id="example", source=str(EXAMPLE), text=EXAMPLE.read_text(encoding="utf-8"), html=None)
    return extractor.extract(load_article(raw))


def _found(extraction: Extraction) -> set[tuple[str | None, str | None, str, str, str | None]]:
    found = set()
    for e in extraction.events:
        speaker = extraction.statements[e.reported_by].speaker_name if e.reported_by is not None else None
        found.add((e.source.code, e.target.code if e.target else None, e.root, e.modality, speaker))
    return found


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"{e[0]}-{e[2]}-{e[1]}" for e in EXPECTED])
def test_the_issues_events_are_there(extraction: Extraction, expected: tuple) -> None:
    assert expected in _found(extraction)


def test_iran_blames_nato_too(extraction: Extraction) -> None:
    assert any(
        e.source.code == "IRN" and e.target and e.target.code.startswith("IGO") and e.root == "11"
        for e in extraction.events
    )


def test_nothing_planned_or_open_is_reported_as_having_occurred(extraction: Extraction) -> None:
    text = extraction.article.text
    for event in extraction.events:
        sentence = text[event.sentence.start : event.sentence.end].lower()
        if any(word in sentence for word in ("preparing", " plans ", " seeks ", "not clear whether")):
            assert event.modality != "occurred", event


def test_every_event_points_at_its_words(extraction: Extraction) -> None:
    text = extraction.article.text
    for event in extraction.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        assert (
            event.source.span is not None
            and text[event.source.span.start : event.source.span.end] == event.source.text
        )
