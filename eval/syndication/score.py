"""Print syndication grouping figures for a test set.

    .venv/bin/python eval/syndication/score.py eval/syndication/syndication-wikinews.jsonl
    .venv/bin/python eval/syndication/score.py --reuters           # the Reuters part, built in memory
    .venv/bin/python eval/syndication/score.py FILE --split dev --threshold 0.25 --errors 10

Records are scored in file order, as the store would see them. ``--split`` keeps the records
of one part (``dev``: used for tuning; ``test``: only scored); ``--errors N`` prints up to N
wrongly joined and N wrongly separated articles with their estimated similarity.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_set import reuters_records

from wirewatch.evaluation.syndication import pairwise_scores, predict_groups
from wirewatch.syndication.index import DEFAULT_THRESHOLD


def load(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def show(name: str, figures: dict[str, Any], seconds: float) -> None:
    print(
        f"{name}: precision {figures['precision']:.4f}  recall {figures['recall']:.4f}  "
        f"F1 {figures['f1']:.4f}  | articles {figures['articles']}, true groups "
        f"{figures['true_groups']}, predicted groups {figures['predicted_groups']}, pairs "
        f"{figures['correct_pairs']} correct / {figures['predicted_pairs']} predicted / "
        f"{figures['true_pairs']} true  ({seconds:.1f} s)"
    )


def errors(records: list[dict[str, Any]], rows: list[tuple[str, str, str]], limit: int) -> None:
    by_id = {str(r["id"]): r for r in records}
    members: dict[str, list[str]] = defaultdict(list)
    for key, _, predicted in rows:
        members[predicted].append(key)
    true_of = {key: true for key, true, _ in rows}
    joined = [(k, p) for k, t, p in rows if k != p and true_of[p] != t]
    first_of_true: dict[str, str] = {}
    for key, true, _ in rows:
        first_of_true.setdefault(true, key)
    split = [(k, first_of_true[t]) for k, t, p in rows if k == p and first_of_true[t] != k]
    for label, found in (("wrongly joined", joined), ("wrongly separated", split)):
        print(f"\n{label}: {len(found)} articles")
        for key, other in found[:limit]:
            record, peer = by_id[key], by_id[other]
            print(f"  {key} [{record.get('kind')}] -> {other} [{peer.get('kind')}]")
            print(f"     {record['title'][:90]!r}\n     {peer['title'][:90]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", help="a JSONL test set")
    parser.add_argument("--reuters", action="store_true", help="score the Reuters part (built in memory)")
    parser.add_argument("--split", choices=["dev", "test"], help="only the records of this part")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--errors", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if not args.file and not args.reuters:
        parser.error("give a file, --reuters, or both")
    parts = []
    if args.file:
        parts.append((args.file, load(args.file)))
    if args.reuters:
        parts.append(("reuters-21578 (built in memory)", reuters_records()))
    if len(parts) == 2:
        parts.append(("both, one index", parts[0][1] + parts[1][1]))
    for name, records in parts:
        if args.split:
            records = [r for r in records if r.get("split") == args.split]
            name = f"{name} [{args.split}]"
        start = time.perf_counter()
        rows = predict_groups(records, threshold=args.threshold, num_perm=args.num_perm)
        show(name, pairwise_scores(rows), time.perf_counter() - start)
        if args.errors:
            errors(records, rows, args.errors)


if __name__ == "__main__":
    main()
