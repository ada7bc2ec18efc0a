"""Ingest a corpus: read -> clean -> extract -> store, in input order, resumable.

The work is split so that the expensive part runs in parallel and the database has one
writer:

- this process reads the sources, skips inputs a previous run already stored (by source
  key: canonical URL, else path), and hands batches of raw documents to the workers;
- each worker (``workers`` processes, the spaCy model loaded once per process) cleans,
  fingerprints and extracts; an article whose content was stored before the run began
  is fingerprinted only;
- this process writes the results back in input order, one transaction per article.

Input order is kept whatever the number of workers, so the syndication groups, ids and
counts of a run do not depend on it. Because every article is committed whole, a run
killed at any point (even by SIGKILL) and started again ends with the same database as a
run that was never interrupted.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from wirewatch.errors import InputError, StoreError
from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article, read_source
from wirewatch.model import Article, Extraction
from wirewatch.settings import Settings
from wirewatch.store import Store, source_key
from wirewatch.syndication import Fingerprint, fingerprint

BATCH_SIZE = 16


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0  # copies of an article stored in this run or before
    already: int = 0  # inputs an earlier run stored, skipped unread
    statements: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass(frozen=True, slots=True)
class _Done:
    raw: RawDocument
    extraction: Extraction | None
    fingerprint: Fingerprint


# One per worker process: the pipeline, and a reading connection to the store.
_worker_extractor: Extractor | None = None
_worker_store: Store | None = None


def _init_worker(settings: Settings, database: str) -> None:
    global _worker_extractor, _worker_store
    _worker_extractor = Extractor(settings)
    _worker_store = Store(database, migrate=False)


def _process_batch(batch: list[RawDocument]) -> list[_Done | InputError]:
    assert _worker_extractor is not None and _worker_store is not None
    return process(batch, _worker_extractor, _worker_store.has_content)


def process(
    batch: list[RawDocument], extractor: Extractor, known: Callable[[str], bool]
) -> list[_Done | InputError]:
    """Clean, fingerprint and extract a batch; the results in the batch's order.

    ``known(content_hash)`` says whether the body is stored already: such an article is a
    copy, and is only fingerprinted. It asks the database, not a set in memory, so that
    memory stays flat however big the store grows.
    """
    cleaned: list[tuple[RawDocument, Article, Fingerprint] | InputError] = []
    for raw in batch:
        try:
            article = load_article(raw)
            cleaned.append((raw, article, fingerprint(article)))
        except InputError as err:
            cleaned.append(err)
    stored = {
        c[2].content_hash for c in cleaned if not isinstance(c, InputError) and known(c[2].content_hash)
    }
    todo = [c[1] for c in cleaned if not isinstance(c, InputError) and c[2].content_hash not in stored]
    extractions = iter(extractor.extract_many(todo))
    results: list[_Done | InputError] = []
    for item in cleaned:
        if isinstance(item, InputError):
            results.append(item)
            continue
        raw, _article, fp = item
        extraction = None if fp.content_hash in stored else next(extractions)
        results.append(_Done(raw, extraction, fp))
    return results


def ingest(
    sources: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    workers: int = 1,
    on_article: Callable[[IngestSummary], None] | None = None,
    reader: Callable[[str], Iterator[RawDocument | InputError]] = read_source,
) -> IngestSummary:
    """Read every source into ``store``; ``on_article`` is called after each input."""
    settings = settings or Settings.from_env()
    summary = IngestSummary()
    with store.writer() as writer:

        def fail(err: InputError) -> None:
            summary.failures.append(err)
            writer.fail(err.source, err.reason)

        def inputs() -> Iterator[RawDocument]:
            for path in sources:
                for item in reader(path):
                    summary.read += 1
                    if isinstance(item, InputError):
                        fail(item)
                        _notify(on_article, summary)
                    elif store.has_source(source_key(item)):
                        summary.already += 1
                        _notify(on_article, summary)
                    else:
                        yield item

        for result in _results(_batches(inputs()), settings, workers, store):
            if isinstance(result, InputError):
                fail(result)
            else:
                try:
                    outcome = writer.add(result.raw, result.extraction, result.fingerprint)
                except StoreError as err:
                    fail(InputError(err.where, err.reason))
                else:
                    if outcome.status == "stored":
                        summary.stored += 1
                        summary.statements += outcome.statements
                    else:
                        summary.duplicates += 1
            _notify(on_article, summary)
    return summary


def _notify(callback: Callable[[IngestSummary], None] | None, summary: IngestSummary) -> None:
    if callback is not None:
        callback(summary)


def _batches(items: Iterator[RawDocument]) -> Iterator[list[RawDocument]]:
    while batch := list(islice(items, BATCH_SIZE)):
        yield batch


def _results(
    batches: Iterator[list[RawDocument]], settings: Settings, workers: int, store: Store
) -> Iterator[_Done | InputError]:
    """Every input's result, in input order, from this process or from ``workers`` processes."""
    if workers <= 1:
        extractor = Extractor(settings)
        for batch in batches:
            yield from process(batch, extractor, store.has_content)
        return
    # spawn, not fork: the parent may hold threads (the progress bar) and open connections.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(settings, store.url)
    ) as pool:
        # A bounded window of batches in flight keeps memory flat however long the corpus.
        pending: deque[Future[list[Any]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_process_batch, batch))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
