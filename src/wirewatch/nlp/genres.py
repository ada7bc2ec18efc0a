"""What kind of report an article is, where that changes what its words mean.

A sports report's "the Netherlands beat Cameroon", "Chile pressed the Spanish players" and
"Spain used the second half to threaten the German goal" read like acts of states, and
event coders that ignore the genre (GDELT) code them as assaults and threats. An article
is a sports report when sports words (``lexicons/sports_words.txt``) are both varied and
dense in it: one "game" or "World Cup" in a political story does not make it one.
"""

from __future__ import annotations

import re
from functools import cache

from wirewatch.nlp.lexicons import lexicon

# A sports report names at least this many different sports words ...
_MIN_DISTINCT = 5
# ... and they make up at least this share of its words (of the first _WINDOW words).
_MIN_SHARE = 0.01
_WINDOW = 1400


def sports_report(text: str) -> bool:
    """Whether ``text`` reads as a sports report (see the module's docstring)."""
    words = text.split()[:_WINDOW]
    if not words:
        return False
    found = [re.sub(r"\s+", " ", m.group(1).lower()) for m in _sports_words().finditer(" ".join(words))]
    return len(set(found)) >= _MIN_DISTINCT and len(found) / len(words) >= _MIN_SHARE


@cache
def _sports_words() -> re.Pattern[str]:
    terms = sorted(lexicon("sports_words"), key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    # the term, then an optional plural ending: "games", "matches"
    return re.compile(rf"\b({alternatives})(?:e?s)?\b", re.IGNORECASE)
