"""The syndication index: copies of one story join, other stories do not."""

from __future__ import annotations

import json

import pytest

from tests.syndication.test_fingerprint import SAMPLE, article, loaded
from wirewatch.syndication import Fingerprint, SyndicationIndex, fingerprint
from wirewatch.syndication.index import MIN_SHINGLES

BASE = "wikinews-wikinews-cdbench-1465"  # four miners trapped in an Ecuador mine
SAME_TOPIC = ("wikinews-wikinews-cdbench-1239", "wikinews-wikinews-cdbench-0770")  # other mine disasters


def records() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def record(group: str, kind: str = "original") -> dict:
    return next(r for r in records() if r["group"] == group and r["kind"] == kind)


def base_paragraphs() -> tuple[str, list[str]]:
    art = loaded(record(BASE))
    headline, *paragraphs = art.text.split("\n\n")
    return headline, paragraphs


def indexed(*pairs: tuple[str, Fingerprint]) -> SyndicationIndex:
    index = SyndicationIndex()
    for key, fp in pairs:
        index.add(key, fp)
    return index


def test_empty_index():
    index = SyndicationIndex()
    assert len(index) == 0
    assert "x" not in index
    assert index.find(fingerprint(loaded(record(BASE)))) is None


def test_add_len_contains_and_duplicate_keys():
    fp = fingerprint(loaded(record(BASE)))
    index = indexed(("a", fp))
    assert len(index) == 1 and "a" in index and "b" not in index
    with pytest.raises(ValueError, match="already"):
        index.add("a", fp)
    with pytest.raises(ValueError, match="permutations"):
        index.add("b", fingerprint(loaded(record(BASE)), num_perm=64))


def test_exact_duplicate_goes_to_the_first_member():
    fp = fingerprint(loaded(record(BASE)))
    index = indexed(("first", fp), ("second", fp))
    assert index.find(fp) == "first"


def test_changed_headline_joins():
    headline, paragraphs = base_paragraphs()
    index = indexed(("orig", fingerprint(article("\n\n".join(paragraphs), headline))))
    changed = fingerprint(article("\n\n".join(paragraphs), "Breaking: four trapped underground"))
    assert index.find(changed) == "orig"


def test_trimmed_reordered_and_boilerplate_copies_join():
    headline, paragraphs = base_paragraphs()
    index = indexed(("orig", fingerprint(article("\n\n".join(paragraphs), headline))))
    trimmed = paragraphs[:-1]
    reordered = [paragraphs[0], *reversed(paragraphs[1:])]
    chrome = [
        "Skip to main content",
        "By Jane Doe, The Daily Ledger",
        *paragraphs,
        "Share this article",
        "Subscribe to our newsletter for the latest news, delivered to your inbox every morning.",
        "Related:",
        "Stocks fall in Tokyo as yen rises",
        "© 2024 The Daily Ledger. All rights reserved.",
    ]
    combined = ["Advertisement", *reversed(trimmed), "Share on Facebook Share on Twitter Email"]
    for copy in (trimmed, reordered, chrome, combined):
        assert index.find(fingerprint(article("\n\n".join(copy), "Miners trapped"))) == "orig", copy[0]


def test_republished_copies_from_the_sample_join():
    index = indexed(("orig", fingerprint(loaded(record(BASE)))))
    copies = [r for r in records() if r["group"] == BASE and r["kind"] != "original"]
    assert len(copies) >= 3
    for copy in copies:
        assert index.find(fingerprint(loaded(copy))) == "orig", copy["kind"]


def test_same_topic_articles_stay_apart():
    index = indexed(("base", fingerprint(loaded(record(BASE)))))
    for group in SAME_TOPIC:
        other = fingerprint(loaded(record(group, "negative")))
        assert index.find(other) is None
        assert index.similarity("base", other) < 0.2


def test_most_similar_member_wins_over_insertion_order():
    headline, paragraphs = base_paragraphs()
    trimmed = fingerprint(article("\n\n".join(paragraphs[:-1]), headline))
    full = fingerprint(article("\n\n".join(paragraphs), headline))
    index = indexed(("trimmed", trimmed), ("full", full))
    with_chrome = fingerprint(article("\n\n".join([*paragraphs, "Share this article"]), headline))
    assert index.find(with_chrome) == "full"


def test_round_tripped_index_gives_the_same_answers():
    all_records = records()
    fps = [(r["id"], fingerprint(loaded(r))) for r in all_records]
    fresh = SyndicationIndex()
    stored = SyndicationIndex()
    for key, fp in fps:
        restored = Fingerprint.from_bytes(fp.content_hash, fp.to_bytes())
        assert fresh.find(fp) == stored.find(restored)
        fresh.add(key, fp)
        stored.add(key, restored)


def test_short_texts_match_only_exact_copies():
    sentence = "Police in Quito said four miners were trapped after a tunnel collapsed on Friday night."
    short = fingerprint(article(sentence, "Miners trapped"))
    assert short.shingles < MIN_SHINGLES
    index = indexed(("short", short))
    assert index.find(fingerprint(article(sentence, "Other headline"))) == "short"
    assert index.find(fingerprint(article(sentence.replace("four", "five")))) is None
    # A long article that contains the sentence is not a copy of the brief, nor the reverse.
    headline, paragraphs = base_paragraphs()
    long = fingerprint(article("\n\n".join([sentence, *paragraphs]), headline))
    assert index.find(long) is None
    assert indexed(("long", long)).find(short) is None


def test_empty_bodies_never_match():
    empty = fingerprint(article("", "Only a headline"))
    index = indexed(("empty", empty))
    assert index.find(empty) is None
    assert index.find(fingerprint(article("", "Another headline"))) is None


def test_threshold_must_be_a_similarity():
    with pytest.raises(ValueError):
        SyndicationIndex(threshold=0)
    with pytest.raises(ValueError):
        SyndicationIndex(threshold=1.5)
