"""Turn hand annotations into the gold JSON Lines the scorer reads.

    python eval/build_gold.py --check eval/annotations/batch-1.json   # validate one batch
    python eval/build_gold.py eval/annotations/*.json > eval/wikinews-en-dev.jsonl

Annotators write each statement with the words as they appear, not offsets:
``sentence`` is a snippet that occurs once in the article and holds the statement's content
and cue; ``content`` (a string, or a list of strings for a quote split by its cue), ``cue``
and ``speaker`` are looked up inside that snippet (the speaker, when not there, at its last
occurrence before it). The article text is the title, a blank line, then the body, as
``wirewatch extract`` builds it from a record with a title.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "wikinews-en.jsonl"
KINDS = {"direct", "indirect", "mixed", "headline"}
TYPES = {"person", "organization", "country", "unknown"}


def article_texts(source: Path = SOURCE) -> dict[str, dict]:
    records = {}
    with open(source, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("title") and record.get("url"):
                record["full_text"] = f"{record['title']}\n\n{record['text']}"
                records[record["id"]] = record
    return records


def span(text: str, needle: str, lo: int, hi: int, where: str, avoid: list[dict] = ()) -> dict:
    """The first occurrence of ``needle`` in ``text[lo:hi]`` outside the ``avoid`` spans."""
    at = text.find(needle, lo, hi)
    while at >= 0 and any(a["start"] <= at < a["end"] for a in avoid):
        at = text.find(needle, at + 1, hi)
    if at < 0:
        raise ValueError(f"{where}: {needle!r} not found in its sentence")
    return {"text": needle, "start": at, "end": at + len(needle)}


def convert(article: dict, statements: list[dict]) -> dict:
    text = article["full_text"]
    out = []
    for n, s in enumerate(statements):
        where = f"{article['id']} statement {n}"
        if s["kind"] not in KINDS or s.get("speaker_type", "unknown") not in TYPES:
            raise ValueError(f"{where}: bad kind or speaker_type")
        sentence = s["sentence"]
        lo = text.find(sentence)
        if lo < 0 or text.find(sentence, lo + 1) >= 0:
            raise ValueError(f"{where}: sentence snippet {'not found' if lo < 0 else 'not unique'}")
        hi = lo + len(sentence)
        parts = s["content"] if isinstance(s["content"], list) else [s["content"]]
        content, cursor = [], lo
        for part in parts:
            found = span(text, part, cursor, hi, where)
            content.append(found)
            cursor = found["end"]
        # Cue and speaker are outside the content ("Ford is cooperating," Ford told ...).
        cue = span(text, s["cue"], lo, hi, where, content) if s.get("cue") else None
        speaker = None
        if s.get("speaker"):
            try:
                speaker = span(text, s["speaker"], lo, hi, where, content)
            except ValueError:
                at = text.rfind(s["speaker"], 0, lo)
                if at < 0:
                    raise ValueError(f"{where}: speaker {s['speaker']!r} not found") from None
                speaker = {"text": s["speaker"], "start": at, "end": at + len(s["speaker"])}
        record = {
            "kind": s["kind"],
            "content": content[0] if len(content) == 1 else content,
            "cue": cue,
            "speaker": speaker,
            "speaker_name": s.get("speaker_name"),
            "speaker_type": s.get("speaker_type", "unknown"),
            "speaker_role": s.get("speaker_role"),
        }
        if s.get("speaker_aliases"):
            record["speaker_aliases"] = s["speaker_aliases"]
        out.append(record)
    out.sort(key=lambda r: (r["content"] if isinstance(r["content"], dict) else r["content"][0])["start"])
    return {
        "id": article["id"],
        "title": article["title"],
        "url": article["url"],
        "published": article.get("published"),
        "license": article.get("license"),
        "text": text,
        "statements": out,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("batches", nargs="+")
    ap.add_argument("--check", action="store_true", help="validate only; print a summary")
    args = ap.parse_args()
    articles = article_texts()
    errors, docs = [], []
    for batch in args.batches:
        for entry in json.loads(Path(batch).read_text(encoding="utf-8")):
            try:
                docs.append(convert(articles[entry["id"]], entry["statements"]))
            except (KeyError, ValueError) as err:
                errors.append(f"{batch}: {err}")
    for err in errors:
        print(err, file=sys.stderr)
    if args.check:
        n = sum(len(d["statements"]) for d in docs)
        print(f"{len(docs)} articles, {n} statements, {len(errors)} errors", file=sys.stderr)
    else:
        for doc in docs:
            print(json.dumps(doc, ensure_ascii=False))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
