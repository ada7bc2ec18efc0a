"""Fingerprints: what counts as the same body, and that signatures are stable and storable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

from tests.conftest import DATA, ROOT
from wirewatch.ingest import RawDocument, load_article
from wirewatch.model import Article, Span
from wirewatch.syndication import Fingerprint, fingerprint, normalise

SAMPLE = DATA / "syndication" / "syndication-sample.jsonl"


def article(body: str, headline: str | None = None, id: str = "a") -> Article:
    """An article as ``build_article`` makes it: the headline opens the text."""
    if headline is None:
        return Article(id=id, text=body)
    text = f"{headline}\n\n{body}"
    return Article(id=id, text=text, title=headline, headline=Span.of(text, 0, len(headline)))


def sample_original(group: str = "wikinews-wikinews-cdbench-0405") -> dict:
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["group"] == group and record["kind"] == "original":
            return record
    raise LookupError(group)


def loaded(record: dict) -> Article:
    doc = RawDocument(
        id=record["id"], source=record["id"], text=record["text"], html=None, title=record["title"]
    )
    return load_article(doc)


def test_normalise_folds_case_width_quotes_and_spacing():
    assert normalise("  “Hello,”  said\tKarzai’s\n\naide — ＦＩＮＥ. ") == "hello said karzais aide fine"
    assert normalise("Karzai's") == normalise("Karzais")  # an ASCII-stripped copy (Wikinews part D)


def test_normalise_keeps_number_separators():
    assert normalise("Shr 1.20 vs 1,234,567 on 9/11") == "shr 1.20 vs 1,234,567 on 9/11"
    assert normalise("Shr 1.20") != normalise("Shr 12.0")
    assert normalise("end. Next") == "end next"


def test_identical_texts_same_fingerprint_whatever_the_metadata():
    record = sample_original()
    first = fingerprint(loaded(record))
    second = fingerprint(replace(loaded(record), id="other", url="https://x.example/1", site_name="X"))
    assert first.content_hash == second.content_hash
    assert first.to_bytes() == second.to_bytes()
    assert len(first.content_hash) == 64 and int(first.content_hash, 16) >= 0


def test_headline_is_left_out():
    body = "The council voted on Tuesday to close the old bridge.\n\nRepairs will take two years."
    one = fingerprint(article(body, "Council closes bridge"))
    other = fingerprint(article(body, "UPDATE 2-Old bridge to shut for two years, council says"))
    assert one.content_hash == other.content_hash
    assert one.to_bytes() == other.to_bytes()
    assert one.content_hash != fingerprint(article(body + " More.", "Council closes bridge")).content_hash


def test_reordered_paragraphs_keep_the_shingle_set():
    paragraphs = loaded(sample_original()).text.split("\n\n")[1:]
    assert len(paragraphs) >= 4
    moved = [paragraphs[0], paragraphs[-1], *paragraphs[1:-1]]
    one, other = fingerprint(article("\n\n".join(paragraphs))), fingerprint(article("\n\n".join(moved)))
    # Shingles never cross a paragraph break, so only the exact-duplicate hash tells them apart.
    assert one.minhash.jaccard(other.minhash) == 1.0
    assert one.content_hash != other.content_hash


def test_bytes_round_trip_exactly():
    fp = fingerprint(loaded(sample_original()))
    data = fp.to_bytes()
    back = Fingerprint.from_bytes(fp.content_hash, data)
    assert back.content_hash == fp.content_hash
    assert back.shingles == fp.shingles
    assert list(back.minhash.hashvalues) == list(fp.minhash.hashvalues)
    assert back.minhash.seed == fp.minhash.seed
    assert back.minhash.jaccard(fp.minhash) == 1.0
    assert back.to_bytes() == data


def test_num_perm_sets_the_signature_length():
    fp = fingerprint(article("one two three four five six seven eight"), num_perm=64)
    assert len(fp.minhash) == 64
    assert len(Fingerprint.from_bytes(fp.content_hash, fp.to_bytes()).minhash) == 64


def test_same_signature_in_fresh_processes():
    """No salted ``hash()``, no unseeded randomness: two new interpreters agree with this one."""
    record = sample_original()
    script = (
        "import json, sys\n"
        "from tests.syndication.test_fingerprint import loaded\n"
        "from wirewatch.syndication import fingerprint\n"
        "fp = fingerprint(loaded(json.loads(sys.stdin.read())))\n"
        "print(fp.content_hash, fp.to_bytes().hex())\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(record),
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            check=True,
        )
        outputs.append(result.stdout.strip())
    fp = fingerprint(loaded(record))
    assert outputs[0] == outputs[1] == f"{fp.content_hash} {fp.to_bytes().hex()}"


def test_short_and_empty_bodies():
    short = fingerprint(article("Police closed the road.", "Road closed"))
    assert short.shingles == 1  # a paragraph shorter than a shingle is one shingle
    empty = fingerprint(article("", "Only a headline"))
    assert empty.shingles == 0
