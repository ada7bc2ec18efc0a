"""Syndication grouping: the pairwise metrics, and a quality floor on a real sample.

``tests/data/syndication/syndication-sample.jsonl`` is 19 records of
``eval/syndication/syndication-wikinews.jsonl`` (text from English Wikinews, CC BY 2.5): three
stories with their republished copies and, for each, its two nearest other Wikinews articles.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import DATA, ROOT
from wirewatch.evaluation.syndication import pairwise_scores, predict_groups, score_grouping

SAMPLE = DATA / "syndication" / "syndication-sample.jsonl"


def sample() -> list[dict]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def test_pairwise_scores_count_pairs():
    rows = [
        ("a1", "A", "a1"),
        ("a2", "A", "a1"),
        ("a3", "A", "a3"),  # missed: pairs a1-a3 and a2-a3
        ("b1", "B", "a1"),  # wrongly joined: pairs a1-b1 and a2-b1
        ("c1", "C", "c1"),
    ]
    figures = pairwise_scores(rows)
    assert figures["true_pairs"] == 3
    assert figures["predicted_pairs"] == 3
    assert figures["correct_pairs"] == 1
    assert figures["precision"] == 1 / 3 and figures["recall"] == 1 / 3
    assert (figures["articles"], figures["true_groups"], figures["predicted_groups"]) == (5, 3, 3)


def test_no_pairs_is_perfect_not_a_division_by_zero():
    figures = pairwise_scores([("a", "A", "a"), ("b", "B", "b")])
    assert figures["precision"] == figures["recall"] == 1.0


def test_quality_floor_on_the_sample():
    figures = score_grouping(sample())
    assert figures["articles"] == 19
    assert figures["true_groups"] == 9
    assert figures["precision"] >= 0.98
    assert figures["recall"] >= 0.95


def test_groups_are_named_by_their_first_member_in_file_order():
    records = sample()
    rows = predict_groups(records)
    assert [key for key, _, _ in rows] == [r["id"] for r in records]
    first_seen: dict[str, str] = {}
    for key, _, predicted in rows:
        first_seen.setdefault(predicted, key)
        assert first_seen[predicted] == predicted


def test_score_script_prints_the_figures():
    result = subprocess.run(
        [sys.executable, "eval/syndication/score.py", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert re.search(r"precision \d\.\d{4}  recall \d\.\d{4}  F1 \d\.\d{4}", result.stdout)
    assert "articles 19" in result.stdout
