"""Near-duplicate ("syndication") detection: one wire story republished by many outlets.

``fingerprint(article)`` -> :class:`Fingerprint` (an exact-duplicate hash and a MinHash of the
body's word shingles); :class:`SyndicationIndex` finds, for each new article, the earlier
article of the same story, if any. See ``eval/syndication`` for how well it does.
"""

from wirewatch.syndication.fingerprint import Fingerprint, fingerprint, normalise
from wirewatch.syndication.index import SyndicationIndex

__all__ = ["Fingerprint", "SyndicationIndex", "fingerprint", "normalise"]
