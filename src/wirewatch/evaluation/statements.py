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


def cue_right(gold: Record, pred: Record) -> bool:
    g, p = set(words(span_text(gold.get("cue")))), set(words(span_text(pred.get("cue"))))
    return (not g and not p) or bool(g & p)


def gold_statements(doc: Record) -> list[Record]:
    """A gold article's statements, also from the attribution-corpus format (source/cue/content)."""
    if doc.get("statements"):
        return list(doc["statements"])
    return [
        {
            "kind": a.get("kind"),
            "content": a.get("content"),
            "cue": a.get("cue"),
            "speaker": a.get("source"),
            "speaker_name": a.get("speaker_name"),
        }
        for a in doc.get("attributions", [])
    ]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _pair_documents(gold_docs: Sequence[Record], pred_docs: Sequence[Record]) -> list[Record | None]:
    """The prediction for each gold article: by id, or by order when predictions carry no ids."""
    by_id = {(d.get("article") or {}).get("id"): d for d in pred_docs}
    paired: list[Record | None] = []
    for k, gold in enumerate(gold_docs):
        pred = by_id.get(gold["id"])
        if pred is None and None in by_id and k < len(pred_docs):
            pred = pred_docs[k]
        paired.append(pred)
    return paired


def score(gold_docs: Sequence[Record], pred_docs: Sequence[Record], min_dice: float = 0.5) -> Record:
    """The figures of ``score_statements.py``, computed the same way."""
    n_gold = n_pred = tp_content = tp_attr = cue_ok = kind_ok = missing = 0
    kind_gold: Counter[Any] = Counter()
    kind_found: Counter[Any] = Counter()
    for gold, pred in zip(gold_docs, _pair_documents(gold_docs, pred_docs), strict=True):
        if pred is None:
            missing += 1
            pred = {"statements": []}
        golds, preds = gold_statements(gold), pred.get("statements", [])
        n_gold += len(golds)
        n_pred += len(preds)
        kind_gold.update(s.get("kind") for s in golds)
        for i, j in match(golds, preds, min_dice):
            tp_content += 1
            right = speaker_right(golds[i], preds[j])
            tp_attr += right
            if right:
                kind_found[golds[i].get("kind")] += 1
            cue_ok += cue_right(golds[i], preds[j])
            kind_ok += golds[i].get("kind") == preds[j].get("kind")
    return {
        "articles": len(gold_docs),
        "articles_missing": missing,
        "gold": n_gold,
        "predicted": n_pred,
        "content": prf(tp_content, n_pred, n_gold),
        "attribution": prf(tp_attr, n_pred, n_gold),
        "speaker_acc": round(tp_attr / tp_content, 4) if tp_content else 0.0,
        "cue_acc": round(cue_ok / tp_content, 4) if tp_content else 0.0,
        "kind_acc": round(kind_ok / tp_content, 4) if tp_content else 0.0,
        "recall_by_kind": {k: round(kind_found[k] / n, 4) for k, n in sorted(kind_gold.items(), key=str)},
    }


def errors(gold_docs: Sequence[Record], pred_docs: Sequence[Record], min_dice: float = 0.5) -> list[Record]:
    """What a developer needs to fix: missed, spurious and wrong-speaker statements, in context."""
    out: list[Record] = []
    for gold, pred in zip(gold_docs, _pair_documents(gold_docs, pred_docs), strict=True):
        golds = gold_statements(gold)
        preds = (pred or {}).get("statements", [])
        text = gold.get("text", "")
        pred_text = str(((pred or {}).get("article") or {}).get("text") or text)
        pairs = match(golds, preds, min_dice)
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(golds):
            if i not in matched_g:
                out.append(_error("missed", gold["id"], g, None, _sentence(text, g)))
        for j, p in enumerate(preds):
            if j not in matched_p:
                out.append(_error("spurious", gold["id"], None, p, _sentence(pred_text, p)))
        for i, j in pairs:
            if not speaker_right(golds[i], preds[j]):
                out.append(_error("speaker", gold["id"], golds[i], preds[j], _sentence(text, golds[i])))
    return out


def _error(kind: str, doc_id: str, gold: Record | None, pred: Record | None, sentence: str) -> Record:
    def brief(s: Record | None) -> Record | None:
        if s is None:
            return None
        return {
            "kind": s.get("kind"),
            "content": span_text(s.get("content")),
            "cue": span_text(s.get("cue")) or None,
            "speaker": span_text(s.get("speaker")) or None,
            "speaker_name": s.get("speaker_name"),
        }

    return {
        "error": kind,
        "article": doc_id,
        "sentence": sentence,
        "gold": brief(gold),
        "predicted": brief(pred),
    }


def _sentence(text: str, statement: Record) -> str:
    """The stretch of text around the statement's content: from the previous to the next full stop."""
    content = statement.get("content")
    first = content[0] if isinstance(content, list) else content
    start = first.get("start") if first else None
    if start is None or not text:
        return span_text(content)
    last = content[-1] if isinstance(content, list) else content
    end = (last or {}).get("end") or start
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return " ".join(text[left:right].split())
