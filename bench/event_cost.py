"""The added cost of event coding: the wirewatch pipeline with and without wirewatch_events.

    python bench/event_cost.py [--articles 500] [--jsonl FILE] [--model NAME]

Both runs use the same loaded pipeline on the same cleaned articles in this process (the
events component is switched off with ``select_pipes`` for the first), one after the
other, twice each in alternation so that a noisy machine hits both alike; then the
component alone is timed on the parsed docs, which is the figure to trust when the
difference of the whole runs is lost in the machine's noise. Prints the rates, the added
milliseconds per article and the events found. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import cycle, islice
from pathlib import Path

from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article
from wirewatch.model import Article
from wirewatch.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "wikinews-en.jsonl"


def articles(path: Path, n: int) -> list[Article]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    texts = [
        (str(r.get("id", i)), r["text"], r.get("published")) for i, r in enumerate(records) if r.get("text")
    ]
    return [
        load_article(
            RawDocument(id=f"{doc_id}-{i}", source=doc_id, text=text, html=None, published=published)
        )
        for i, (doc_id, text, published) in enumerate(islice(cycle(texts), n))
    ]


def timed(extractor: Extractor, docs: list[Article], events: bool) -> tuple[float, int]:
    disabled = [] if events else ["wirewatch_events"]
    start = time.perf_counter()
    with extractor.nlp.select_pipes(disable=disabled):
        found = sum(len(x.events) for x in extractor.extract_many(docs))
    return time.perf_counter() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", default=Settings.from_env().model)
    args = ap.parse_args()
    docs = articles(args.jsonl, args.articles)
    extractor = Extractor(Settings(model=args.model))
    extractor.extract(docs[0])  # load lexicons and warm up before timing
    without = with_events = 0.0
    found = 0
    for _ in range(2):
        seconds, _n = timed(extractor, docs, events=False)
        without += seconds
        seconds, found = timed(extractor, docs, events=True)
        with_events += seconds
    component = extractor.nlp.get_pipe("wirewatch_events")
    with extractor.nlp.select_pipes(disable=["wirewatch_events"]):
        parsed = list(extractor.nlp.pipe(extractor._doc(a) for a in docs))
    start = time.perf_counter()
    for doc in parsed:
        component(doc)
    alone = time.perf_counter() - start
    n = 2 * len(docs)
    print(f"# event coding cost: {len(docs)} articles of {args.jsonl.name}, model {args.model}, 2 rounds")
    print(f"statements only:      {n / without:.1f} articles/s ({1000 * without / n:.1f} ms/article)")
    print(f"statements + events:  {n / with_events:.1f} articles/s ({1000 * with_events / n:.1f} ms/article)")
    print(
        f"the events component alone, on parsed docs: {1000 * alone / len(docs):.2f} ms/article "
        f"({100 * alone / (without / 2):.1f}% of the statements-only run)"
    )
    print(
        f"added by events, whole runs compared: {1000 * (with_events - without) / n:.2f} ms/article "
        f"({100 * (with_events / without - 1):.1f}%); {found} events, {found / len(docs):.2f} per article"
    )


if __name__ == "__main__":
    main()
