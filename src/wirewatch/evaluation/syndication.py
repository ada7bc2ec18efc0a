"""Scoring syndication grouping against a test set with known story groups.

Each record is ``{"id", "title", "text", "url", "site_name", "group"}``; ``group`` is the true
story. The records go, in file order, through the same steps the store takes: load and clean
the page (``load_article``), fingerprint it, ask the index for an earlier member of the same
story, then add it. The figures are pairwise: of all pairs of articles put in one group, how
many truly share a story (precision), and of all pairs that truly share one, how many were put
together (recall).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from wirewatch.ingest import RawDocument, load_article
from wirewatch.syndication import SyndicationIndex, fingerprint
from wirewatch.syndication.index import DEFAULT_THRESHOLD

Record = dict[str, Any]


def predict_groups(
    records: Iterable[Record], threshold: float = DEFAULT_THRESHOLD, num_perm: int = 128
) -> list[tuple[str, str, str]]:
    """``(id, true group, predicted group)`` per record, in order; a group is named by its first member."""
    index = SyndicationIndex(threshold=threshold, num_perm=num_perm)
    predicted: dict[str, str] = {}
    rows = []
    for record in records:
        key = str(record["id"])
        document = RawDocument(
            id=key,
            source=key,
            text=record.get("text"),
            html=record.get("html"),
            title=record.get("title"),
            url=record.get("url"),
            site_name=record.get("site_name"),
        )
        fp = fingerprint(load_article(document), num_perm=num_perm)
        match = index.find(fp)
        predicted[key] = predicted[match] if match is not None else key
        index.add(key, fp)
        rows.append((key, str(record["group"]), predicted[key]))
    return rows


def pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise_scores(rows: Iterable[tuple[str, str, str]]) -> dict[str, Any]:
    """Pairwise precision, recall and F1 of predicted groups against true ones, with counts."""
    rows = list(rows)
    true_sizes = Counter(true for _, true, _ in rows)
    predicted_sizes = Counter(predicted for _, _, predicted in rows)
    both = Counter((true, predicted) for _, true, predicted in rows)
    true_pairs = pairs(true_sizes.values())
    predicted_pairs = pairs(predicted_sizes.values())
    correct = pairs(both.values())
    # No pair predicted is no wrong pair: precision 1. No true pair is nothing to miss: recall 1.
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "articles": len(rows),
        "true_groups": len(true_sizes),
        "predicted_groups": len(predicted_sizes),
        "true_pairs": true_pairs,
        "predicted_pairs": predicted_pairs,
        "correct_pairs": correct,
    }


def score_grouping(
    records: Iterable[Record], threshold: float = DEFAULT_THRESHOLD, num_perm: int = 128
) -> dict[str, Any]:
    """Group ``records`` as the store would and score the grouping (see the module docstring)."""
    return pairwise_scores(predict_groups(records, threshold=threshold, num_perm=num_perm))
