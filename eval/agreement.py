"""Inter-annotator agreement: score one annotation of a batch against another.

    python eval/agreement.py eval/annotations/batch-2.json eval/annotations/agreement/batch-2-second.json

Prints the scorer's figures with the first annotation as gold and the second as the
prediction, twice: as annotated, and with the second annotation's multi-sentence quotes
merged back into one statement per quotation (the one convention the two annotators
read differently in the guidelines), so that the disagreement left is about what a
statement is and who made it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from build_gold import article_texts, convert

from wirewatch.evaluation.statements import score

QUOTE_MARKS = '"“”'


def load(batch: str) -> list[dict]:
    articles = article_texts()
    return [convert(articles[e["id"]], e["statements"]) for e in json.loads(Path(batch).read_text())]


def merge_split_quotes(doc: dict) -> dict:
    """Join direct statements that are sentences of one quotation by one speaker."""
    out: list[dict] = []
    for s in doc["statements"]:
        prev = out[-1] if out else None
        if prev and prev["kind"] == s["kind"] == "direct" and prev["speaker_name"] == s["speaker_name"]:
            a = prev["content"] if isinstance(prev["content"], dict) else prev["content"][-1]
            b = s["content"] if isinstance(s["content"], dict) else s["content"][0]
            gap = doc["text"][a["end"] : b["start"]]
            if b["start"] >= a["end"] and not any(m in gap for m in QUOTE_MARKS) and len(gap) < 40:
                text = doc["text"][a["start"] : b["end"]]
                merged = {"start": a["start"], "end": b["end"], "text": text}
                prev["content"] = merged
                continue
        out.append(dict(s))
    return {**doc, "statements": out}


def as_prediction(doc: dict) -> dict:
    return {"article": {"id": doc["id"]}, "statements": doc["statements"]}


def report(title: str, gold: list[dict], other: list[dict]) -> None:
    res = score(gold, [as_prediction(d) for d in other])
    n_gold, n_pred = res["gold"], res["predicted"]
    print(f"{title}: gold {n_gold}, other {n_pred}")
    for key in ("content", "attribution"):
        m = res[key]
        print(f"  {key:12s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
    matched = f"speaker {res['speaker_acc']:.3f}  cue {res['cue_acc']:.3f}  kind {res['kind_acc']:.3f}"
    print(f"  on matched: {matched}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("first")
    ap.add_argument("second")
    args = ap.parse_args()
    first, second = load(args.first), load(args.second)
    report("as annotated", first, second)
    report("multi-sentence quotes merged", first, [merge_split_quotes(d) for d in second])
    return 0


if __name__ == "__main__":
    sys.exit(main())
