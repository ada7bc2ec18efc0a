"""The reference article, end to end: cleaning, extraction, speakers, roles.

The gold statements in ``data/iran-drones-gold.json`` were annotated by hand from the
article, by the attribution guidelines; they are matched with the scorer's definitions.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA, EXAMPLE, assert_spans_exact
from wirewatch.evaluation.statements import match, speaker_right
from wirewatch.ingest import RawDocument, load_article

GOLD = json.loads((DATA / "iran-drones-gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(extractor):
    raw = RawDocument(id="iran", source=str(EXAMPLE), text=EXAMPLE.read_text(encoding="utf-8"), html=None)
    return extractor.extract(load_article(raw))


def _gold_records():
    return [
        {**g, "content": {"text": g["content"]}, "speaker": {"text": g.get("speaker", "")}}
        for g in GOLD["statements"]
    ]


def test_at_least_22_of_24_statements_with_the_right_speaker(result):
    golds, preds = _gold_records(), [s.to_dict() for s in result.statements]
    pairs = match(golds, preds)
    right = [(i, j) for i, j in pairs if speaker_right(golds[i], preds[j])]
    missed = [golds[i]["content"]["text"] for i in range(len(golds)) if i not in {i for i, _ in right}]
    assert len(golds) == 24
    assert len(right) >= 22, missed
    spurious = len(preds) - len(pairs)
    assert spurious <= 2, [p["content"] for k, p in enumerate(preds) if k not in {j for _, j in pairs}]


def test_headline_is_attributed_exactly_once(result):
    headlines = [s for s in result.statements if s.kind == "headline"]
    assert len(headlines) == 1
    assert headlines[0].speaker_name == "White House"
    assert headlines[0].content_text == "Russia seeks Iran drones after losses in Ukraine"


def test_roles_of_the_three_officials(result):
    roles = {s.speaker_name: s.speaker_role for s in result.statements if s.speaker_type == "person"}
    for name, role in GOLD["roles"].items():
        assert role.lower() in (roles.get(name) or "").lower(), (name, roles.get(name))


def test_cleaned_text_has_no_page_chrome(result):
    article = result.article
    text = article.text
    assert article.title == "Russia seeks Iran drones after losses in Ukraine: White House"
    assert article.site_name == "Morning Chronicle"
    assert article.dateline == "London"
    assert text.count("Russia seeks Iran drones after losses in Ukraine") == 1
    for chrome in ("Text size", "Photo:", "AFP/File", "Morning Chronicle", "London -", "- Divulging"):
        assert chrome not in text
    assert [h.text for h in article.headings] == ["Divulging intelligence", "Drones play key role"]


def test_every_span_points_at_its_words(result):
    assert_spans_exact(result)


def test_addressees(result):
    addressees = {s.addressee for s in result.statements if s.addressee}
    assert {"reporters", "CNN"} <= addressees
