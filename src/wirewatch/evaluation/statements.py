"""The statement metrics, with the definitions of ``shared/tools/score_statements.py``.

A predicted statement matches a gold one when the word overlap (Dice) of their contents
is at least ``min_dice``; pairs are matched one-to-one, best overlap first. The speaker is
right when the canonical names agree (case, a leading "the" and punctuation ignored, or a
gold alias); when the gold has no name, when the prediction has none either (or only
repeats its mention) and the mentions share a word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)

Record = dict[str, Any]


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def span_text(span: Record | list[Record] | None) -> str:
    if span is None:
        return ""
    if isinstance(span, list):
        return " ".join(s.get("text", "") for s in span)
    return str(span.get("text", ""))


def dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def canon(name: str | None) -> str:
    name = re.sub(r"^the\s+", "", (name or "").lower().strip())
    return " ".join(words(name))


def speaker_right(gold: Record, pred: Record) -> bool:
    gname, pname = canon(gold.get("speaker_name")), canon(pred.get("speaker_name"))
    if gname:
        return pname in {gname} | {canon(a) for a in gold.get("speaker_aliases", [])}
    gold_mention = set(words(span_text(gold.get("speaker"))))
    pred_mention = words(span_text(pred.get("speaker")))
    unnamed = not pname or pname == " ".join(pred_mention)
    return unnamed and bool(gold_mention & set(pred_mention))


def match(golds: Sequence[Record], preds: Sequence[Record], min_dice: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best content overlap first."""
    gw = [words(span_text(g.get("content"))) for g in golds]
    pw = [words(span_text(p.get("content"))) for p in preds]
    pairs = sorted(((dice(a, b), i, j) for i, a in enumerate(gw) for j, b in enumerate(pw)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, i, j in pairs:
        if score < min_dice:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out
