"""``wirewatch_paragraphs``: sentence starts the parser would miss.

Runs before the parser, which keeps sentence starts that are already set. No sentence runs
across a paragraph break: without that, a headline or a subhead with no final full stop
would be glued to the next paragraph. And a quotation that ends with a full stop ends its
sentence ('... the victims[.]" She went on'): the small model often runs on through it,
making the next sentence part of the quote's clause.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

_CLOSING_MARKS = {'"', "”", "''"}


@Language.component("wirewatch_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[1:]:
        if _after_paragraph_break(tok) or _after_quoted_sentence(tok):
            tok.is_sent_start = True
    return doc


def _after_paragraph_break(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1]
    return "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)


def _after_quoted_sentence(tok: Token) -> bool:
    """``... the victims[.]" She``: a capitalised word after a quote closed by a full stop."""
    doc, i = tok.doc, tok.i
    if i < 3 or not tok.is_title or doc[i - 1].text not in _CLOSING_MARKS or not doc[i - 1].whitespace_:
        return False
    if doc[i - 2].text == ".":
        return True
    return doc[i - 2].text == "]" and doc[i - 3].text == "." and doc[i - 4].text == "[" if i >= 4 else False
