"""Running the extractor over gold articles, as ``wirewatch extract`` would over a JSONL dump."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.extract import Extractor
from wirewatch.ingest import RawDocument, load_article

Record = dict[str, Any]


def json_lines(path: str) -> Iterator[tuple[str, Any]]:
    """``(path:line, value)`` for each non-blank line of a JSONL gold file; InputError else."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise InputError(path, "no such file") from err
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(path, f"cannot read ({err})") from err
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield f"{path}:{n}", json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{n}", f"not JSON ({err.msg})") from err


def load_gold(path: str) -> list[Record]:
    """Gold articles, one JSON object per line, each with an ``id`` and a ``text``."""
    docs = []
    for where, doc in json_lines(path):
        if not isinstance(doc, dict) or "id" not in doc or not (doc.get("text") or doc.get("html")):
            raise InputError(where, "a gold article needs an id and a text")
        docs.append(doc)
    if not docs:
        raise InputError(path, "no gold articles")
    return docs


def load_gold_files(paths: Sequence[str]) -> list[Record]:
    """The gold articles of several files, scored as one set; an id may appear only once."""
    docs: list[Record] = []
    seen: dict[str, str] = {}
    for path in paths:
        for doc in load_gold(path):
            if doc["id"] in seen:
                raise InputError(path, f"article {doc['id']!r} is already in {seen[doc['id']]}")
            seen[doc["id"]] = path
            docs.append(doc)
    return docs


def predict(
    gold_docs: Sequence[Record], extractor: Extractor, on_article: Callable[[], None] | None = None
) -> list[Record]:
    """``wirewatch extract --json`` output for each gold article, in order."""

    def articles() -> Iterator[Any]:
        for doc in gold_docs:
            raw = RawDocument(
                id=str(doc["id"]),
                source=str(doc["id"]),
                text=doc.get("text") if not doc.get("html") else None,
                html=doc.get("html"),
                title=doc.get("title"),
                url=doc.get("url"),
                published=doc.get("published"),
            )
            yield load_article(raw)

    predictions = []
    for extraction in extractor.extract_many(articles()):
        predictions.append(extraction.to_dict())
        if on_article:
            on_article()
    return predictions
