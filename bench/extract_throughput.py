"""Throughput of ``wirewatch extract`` against plain spaCy ``nlp.pipe`` on the same texts.

    python bench/extract_throughput.py [--articles 200] [--jsonl FILE] [--model NAME]

Both runs happen in this process, one after the other, on the same texts and the same
spaCy model, so the ratio is meaningful even on a noisy machine. wirewatch's run includes
everything ``extract`` does per article: decoding, cleaning, the pipeline with the
wirewatch components, building the statements. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
from itertools import cycle, islice
from pathlib import Path

import spacy

from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article
from wirewatch.nlp.pipeline import resolve_model_name
from wirewatch.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "iran-drones-wire-story.txt"
WORD = re.compile(r"\w+")


def corpus(n: int, jsonl: str | None) -> list[RawDocument]:
    if jsonl:
        with open(jsonl, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        texts = [(r.get("id", str(i)), r["text"]) for i, r in enumerate(records) if r.get("text")]
    else:
        texts = [("example", EXAMPLE.read_text(encoding="utf-8"))]
    return [
        RawDocument(id=f"{doc_id}-{i}", source=doc_id, text=text, html=None)
        for i, (doc_id, text) in enumerate(islice(cycle(texts), n))
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--jsonl", help="JSONL with a 'text' field (e.g. ../shared/data/news/wikinews-en.jsonl)")
    ap.add_argument("--model", default=Settings.from_env().model)
    args = ap.parse_args()

    docs = corpus(args.articles, args.jsonl)
    settings = Settings(model=args.model)
    extractor = Extractor(settings)
    articles = [load_article(d) for d in docs]
    texts = [a.text for a in articles]
    words = sum(len(WORD.findall(t)) for t in texts)
    plain = spacy.load(resolve_model_name(args.model))

    # Warm both pipelines so that neither pays first-call costs in the timed part.
    list(plain.pipe(texts[:5]))
    list(extractor.extract_many(articles[:5]))

    start = time.perf_counter()
    for _ in plain.pipe(texts, batch_size=settings.batch_size):
        pass
    spacy_s = time.perf_counter() - start

    start = time.perf_counter()
    statements = sum(len(x.statements) for x in extractor.extract_many(load_article(d) for d in docs))
    ours_s = time.perf_counter() - start

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(docs)
    model = f"{plain.meta['lang']}_{plain.meta['name']} {plain.meta['version']}"
    print(f"corpus: {n} articles, {words:,} words ({args.jsonl or EXAMPLE.name}), model {model}")
    print(f"plain spaCy nlp.pipe : {n / spacy_s:8.1f} articles/s {words / spacy_s:10,.0f} words/s")
    print(f"wirewatch extract    : {n / ours_s:8.1f} articles/s {words / ours_s:10,.0f} words/s")
    print(f"ratio wirewatch/spaCy: {spacy_s / ours_s:8.2f} (throughput; 1.0 = no overhead)")
    print(f"statements extracted : {statements:,} ({statements / n:.1f} per article)")
    print(f"peak memory (RSS)    : {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
