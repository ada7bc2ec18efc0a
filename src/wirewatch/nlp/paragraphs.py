"""``wirewatch_paragraphs``: no sentence runs across a paragraph break.

Runs before the parser, which keeps sentence starts that are already set. Without it a
headline or a subhead with no final full stop would be glued to the next paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("wirewatch_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc
