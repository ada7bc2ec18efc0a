"""The syndication index kept in the database, so that a writer's memory does not grow.

:class:`wirewatch.syndication.SyndicationIndex` keeps every signature in memory, a few
kilobytes per article. The writer of a corpus of millions cannot, so it uses this one:
the same LSH banding (the bands datasketch chooses for the same threshold), each band of
each stored article a row of ``lsh_bands`` (band and bucket hashed into one indexed
integer), the candidates' signatures read back from ``articles.signature`` and checked
with the same threshold, short-body rule and tie-break (the earliest article wins). The
two give the same groups; a test checks it on the syndication sample.
"""

from __future__ import annotations

import hashlib
from functools import cache

from datasketch import MinHashLSH
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from wirewatch.store import schema
from wirewatch.syndication import Fingerprint
from wirewatch.syndication.index import DEFAULT_THRESHOLD, LSH_SLACK, MIN_SHINGLES

# Candidates are looked up this many buckets at a time (SQL parameter limits).
_CHUNK = 500


@cache
def banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band), as datasketch's MinHashLSH picks them for the index."""
    lsh = MinHashLSH(threshold=max(threshold - LSH_SLACK, 0.05), num_perm=num_perm)
    return lsh.b, lsh.r


def buckets(fp: Fingerprint, threshold: float = DEFAULT_THRESHOLD) -> list[int]:
    """One signed 64-bit bucket per band: the band's number and its rows of the signature."""
    values = fp.minhash.hashvalues
    bands, rows = banding(threshold, len(values))
    found = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk, digest_size=8).digest()
        found.append(int.from_bytes(digest, "big", signed=True))
    return found


class StoredSyndicationIndex:
    """``find`` and ``add`` over the database, in the session of the writer using it."""

    def __init__(self, session: Session, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.session = session
        self.threshold = threshold

    def find(self, fp: Fingerprint) -> int | None:
        """The id of the stored article most like ``fp`` (at or above the threshold)."""
        if fp.shingles < MIN_SHINGLES:
            return None  # exact copies are found by content hash before this is asked
        candidates: set[int] = set()
        keys = buckets(fp, self.threshold)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            rows = self.session.scalars(
                select(schema.LshBand.article_id).where(schema.LshBand.bucket.in_(chunk)).distinct()
            )
            candidates.update(rows)
        best: tuple[float, int] | None = None
        for article_id, content_hash, signature in self._signatures(sorted(candidates)):
            other = Fingerprint.from_bytes(content_hash, signature)
            similarity = float(fp.minhash.jaccard(other.minhash))
            if similarity >= self.threshold and (
                best is None or (similarity, -article_id) > (best[0], -best[1])
            ):
                best = (similarity, article_id)
        return best[1] if best else None

    def add(self, article_id: int, fp: Fingerprint) -> None:
        if fp.shingles < MIN_SHINGLES:
            return
        rows = [{"bucket": b, "article_id": article_id} for b in buckets(fp, self.threshold)]
        self.session.execute(insert(schema.LshBand), rows)

    def _signatures(self, ids: list[int]) -> list[tuple[int, str, bytes]]:
        found: list[tuple[int, str, bytes]] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            stmt = select(schema.Article.id, schema.Article.content_hash, schema.Article.signature).where(
                schema.Article.id.in_(chunk)
            )
            found.extend((int(i), str(h), bytes(s)) for i, h, s in self.session.execute(stmt))
        return found
