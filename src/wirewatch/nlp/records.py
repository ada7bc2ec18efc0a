"""What the extractor components leave on a Doc: plain records with character offsets.

The components fill these in turn (``wirewatch_attribution`` finds the statement,
``wirewatch_speakers`` resolves who the speaker is); :mod:`wirewatch.extract` turns them
into the public :class:`wirewatch.model.Statement`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

CharRange = tuple[int, int]


@dataclass(slots=True)
class Attribution:
    kind: str
    content: list[CharRange]
    cue: CharRange | None
    speaker: CharRange | None
    # Token index of the head of the speaker mention, for the resolver.
    speaker_head: int | None = None
    addressee: str | None = None
    # The statement whose speaker a follow-on quote inherits.
    follows: Attribution | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    speaker_type: str = "unknown"

    @property
    def start(self) -> int:
        return self.content[0][0]


if not Doc.has_extension("wirewatch_statements"):
    Doc.set_extension("wirewatch_statements", default=None)
if not Doc.has_extension("wirewatch_headline"):
    # Character range of the article's headline, when the caller knows it.
    Doc.set_extension("wirewatch_headline", default=None)
