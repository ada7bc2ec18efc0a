"""Ingest throughput and memory: ``wirewatch ingest`` with 1 and 2 workers into SQLite.

    python bench/ingest_throughput.py [--articles 10000] [--jsonl FILE] [--workers 1 2]

Reads the first N records of a JSONL corpus (Reuters-21578 by default: 19,043 distinct
wire stories; when N is larger the corpus is repeated, each copy with a line of its own
so it is not an exact duplicate), ingests them into a new SQLite database per run, and
prints articles/s and the resident memory of the whole run (this process plus its
workers) at checkpoints, so a reader can see whether memory stays flat as the corpus
grows. Before that, plain spaCy ``nlp.pipe`` on the first texts gives the rate of the
parser alone, for a ratio. Each measurement runs in a fresh process of its own, one after
the other, so none carries another's memory. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from wirewatch.batch import IngestSummary, ingest
from wirewatch.errors import InputError
from wirewatch.ingest import RawDocument
from wirewatch.nlp.pipeline import resolve_model_name
from wirewatch.settings import Settings
from wirewatch.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "reuters-21578.jsonl"


def records(path: Path, n: int) -> Iterator[dict[str, str]]:
    """The first n records with text; the corpus again (each copy marked) when it is shorter."""
    copy = 0
    while True:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if not record.get("text"):
                    continue
                if copy:
                    record["id"] = f"{record['id']}-copy{copy}"
                    record["text"] = f"{record['text']}\n\n(Republished copy {copy}.)"
                yield record
                n -= 1
                if n == 0:
                    return
        copy += 1


def reader(path: Path, n: int):  # type: ignore[no-untyped-def]
    def read(_source: str) -> Iterator[RawDocument | InputError]:
        for i, r in enumerate(records(path, n), start=1):
            yield RawDocument(
                id=str(r["id"]),
                source=f"{path.name}:{i}",
                text=r["text"],
                html=None,
                title=r.get("title"),
                published=r.get("published"),
                url=f"https://bench.example/{r['id']}",
            )

    return read


def rss_mib(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(path: Path, n: int, workers: int, model: str, every: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        peak = {"main": 0.0, "all": 0.0}
        marks: list[tuple[int, float, float, float]] = []
        start = time.perf_counter()

        def checkpoint(summary: IngestSummary) -> None:
            done = summary.stored + summary.duplicates + summary.already + summary.failed
            if done % 50:
                return  # /proc is read every 50 articles, not after each one
            main = rss_mib()
            total = main + sum(rss_mib(p.pid) for p in multiprocessing.active_children() if p.pid)
            peak["main"], peak["all"] = max(peak["main"], main), max(peak["all"], total)
            if done % every == 0 and (not marks or marks[-1][0] != done):
                marks.append((done, time.perf_counter() - start, main, total))

        with Store(url) as store:
            summary = ingest(["bench"], store, Settings(model=model), workers, checkpoint, reader(path, n))
            counts = store.counts()
        elapsed = time.perf_counter() - start
        db_mib = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    print(f"\n## {workers} worker(s): {n} articles")
    print(
        f"{summary.stored} stored, {summary.duplicates} duplicates, {summary.failed} failed; "
        f"{counts['statements']} statements, {counts['groups']} stories; database {db_mib:.0f} MiB"
    )
    print(f"{elapsed:.1f} s, {summary.read / elapsed:.1f} articles/s (model loading included)")
    print(
        f"peak resident memory: {peak['main']:.0f} MiB this process, {peak['all']:.0f} MiB with its workers"
    )
    print("| articles | seconds | articles/s since start | RSS this process (MiB) | RSS with workers (MiB) |")
    print("|---:|---:|---:|---:|---:|")
    for read, seconds, main, total in marks:
        print(f"| {read} | {seconds:.0f} | {read / seconds:.1f} | {main:.0f} | {total:.0f} |")


def baseline(path: Path, n: int, model: str) -> None:
    texts = [r["text"] for r in records(path, n)]
    nlp = spacy.load(resolve_model_name(model))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    elapsed = time.perf_counter() - start
    print(f"plain spaCy nlp.pipe ({model}), 1 process, {n} texts: {n / elapsed:.1f} texts/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--jsonl", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--baseline", type=int, default=1000, help="texts for the plain spaCy rate (0: skip)")
    ap.add_argument("--model", default=Settings.from_env().model)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-baseline", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    every = max(1, args.articles // 10)
    if args.child:
        run(args.jsonl, args.articles, args.workers[0], args.model, every)
        return
    if args.child_baseline:
        baseline(args.jsonl, args.baseline, args.model)
        return
    print(f"# ingest throughput: {args.jsonl.name}, {args.articles} articles, SQLite, model {args.model}")
    # Each measurement in a process of its own, so that none inherits another's memory.
    common = ["--articles", str(args.articles), "--jsonl", str(args.jsonl), "--model", args.model]
    if args.baseline:
        limit = str(min(args.baseline, args.articles))
        subprocess.run(
            [sys.executable, __file__, *common, "--baseline", limit, "--child-baseline"], check=True
        )
    for workers in args.workers:
        subprocess.run([sys.executable, __file__, *common, "--workers", str(workers), "--child"], check=True)


if __name__ == "__main__":
    main()
