"""Scoring coded political events (who did what to whom) against hand-coded sentences.

Two gold formats are read, recognised record by record (``shared/data/events/README.md``):

* the PLOVER gold standard records of the CAMEO manual's examples (records with ``plover``
  or events with ``code_plover_2021``): types are scored under the current PLOVER manual
  (``code_plover_2021``), because that is what the extractor outputs;
* the PETRARCH unit tests (records with ``expect``): types are CAMEO roots, the first two
  characters of the code (``"064"`` -> ``"06"``, ``"174K"`` -> ``"17"``). Test-only codes
  (``901``, ``345``, ...) are kept; they simply never match.

The metric
----------
Each sentence is one article. Its events are compared as **sets of triples**
``(source country, target country, type)``:

* a country is the first three letters of an actor code (``HUNGOV`` -> ``HUN``,
  ``IGOUNO`` -> ``IGO``, ``---GOV`` -> ``---``); no target is ``""``. The PLOVER records
  use a few non-ISO codes, mapped by :data:`GSR_COUNTRY_FIXES`. A PETRARCH actor the coder
  could not resolve (``source_unresolved``) is kept as its quoted noun phrase
  (``'"INJURY TOLL"'``), which no predicted code matches.
* a predicted event gives ``(source.code[:3], target.code[:3] or "", type)``, its type being
  the ``plover`` field for PLOVER records and the CAMEO root for PETRARCH ones. Predicted
  events whose source has no code are not scored, nor, for PLOVER records, those with no
  PLOVER type (CAMEO 01/02, which PLOVER drops); likewise the one gold event without a
  source. Their numbers are reported.
* a repeated triple counts once (the PLOVER records list a compound actor once per actor
  code, so ``NGO``/``NGOJUD``-style duplicates collapse).

Figures, micro-averaged over all scored sentences:

* **triples** precision, recall and F1: a predicted triple is right when the same triple is
  in the sentence's gold set;
* **principal events only**: the same, from each sentence's main events alone (those marked
  ``principal``; see ``nlp/events.py``). The gold records code one main event per sentence
  and leave out the acts its clauses add (a purpose, a condition, background), which the
  extractor reports too; this row scores like with like. The triples row stays the
  headline figure;
* **by label**: the same per type (PLOVER type or CAMEO root), with the gold support;
* **type accuracy where actors match**: over the gold triples for which some predicted
  triple of the same sentence has the same (source, target), the share that was predicted
  with the right type too;
* **dyads** precision, recall and F1 over (source, target) pairs, to tell actor errors
  from type errors;
* **expectations held** (PETRARCH only): an ``events`` record holds when every expected
  triple is predicted (extra ones allowed), a ``noevents`` record when the extractor
  returns no event at all. ``error`` and ``unspecified`` records (a dateline, a broken
  parse, a discarded story, coding commented out) are not scored in any figure and are
  listed as skipped;
* **modality accuracy** where the gold labels it: a gold event item may carry ``modality``
  (``occurred``, ``planned``, ``denied``, ``hypothetical``); over the labelled gold triples
  that were predicted, the share with a predicted event of that triple and that modality.
  Neither shared set labels it (PLOVER's ``mode`` is a type-specific mode such as
  ``heavy-weapons``, not whether the event happened), so it is reported as not labelled.

Errors, each with the sentence id and text: a gold triple **missed** (no predicted event
with its dyad), a **type** error (a predicted event with its dyad but another type, not
itself in the gold), a **spurious** prediction (a triple not in the gold whose dyad is not
that of a type error).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from wirewatch.errors import InputError
from wirewatch.evaluation.runner import json_lines
from wirewatch.evaluation.statements import prf
from wirewatch.extract import Extractor
from wirewatch.model import Article

Record = dict[str, Any]
Scheme = Literal["plover", "cameo"]
# (source country, target country or "", type)
Triple = tuple[str, str, str]

# Country codes of the PLOVER gold records that are not ISO 3166 alpha-3, and what they mean.
# Every other code there is ISO alpha-3 or transnational (IGO, NGO, IMG; and ISM, the
# "Muslim hackers" of PLOVER-GSR01-COERCE-0015, which names no country and is kept).
GSR_COUNTRY_FIXES: dict[str, str] = {
    "JAP": "JPN",  # Japan (AGREE-0002, CONSULT-0005, SANCTION-0006)
    "ITL": "ITA",  # Italy (INVESTIGATE-0006, SANCTION-0001)
    "VTN": "VNM",  # Vietnam (FIGHT-0002)
}

# PETRARCH records that are not scored (see the module docstring).
SKIPPED_EXPECTATIONS = ("error", "unspecified")
MODALITIES = ("occurred", "planned", "denied", "hypothetical")


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One coded sentence: its distinct gold triples in file order."""

    id: str
    text: str
    scheme: Scheme
    triples: tuple[Triple, ...]
    # PETRARCH: events, noevents, error or unspecified; None for PLOVER records.
    expect: str | None = None
    # (triple, modality) for gold events that say whether they happened.
    modalities: tuple[tuple[Triple, str], ...] = ()
    # Gold event items that could not be scored (no source actor).
    unscored: int = 0

    @property
    def scored(self) -> bool:
        return self.expect not in SKIPPED_EXPECTATIONS


def country(code: str | None, scheme: Scheme = "cameo") -> str:
    """The country block of an actor code: its first three letters, fixed for the PLOVER set."""
    block = (code or "")[:3]
    return GSR_COUNTRY_FIXES.get(block, block) if scheme == "plover" else block


def cameo_root(code: str) -> str:
    return code[:2]


# Loading ---------------------------------------------------------------------------------


def load_event_gold(path: str) -> list[GoldSentence]:
    """The coded sentences of a JSONL file in either format (detected record by record)."""
    sentences = [gold_sentence(record, where) for where, record in json_lines(path)]
    if not sentences:
        raise InputError(path, "no coded sentences")
    return sentences


def gold_sentence(record: Any, where: str = "record") -> GoldSentence:
    """One record as a :class:`GoldSentence`; ``where`` names it in errors."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError(where, "an event record needs a text")
    events = record.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise InputError(where, "an event record needs a list of events")
    scheme = _scheme(record, events)
    if scheme is None:
        raise InputError(
            where, "neither a PLOVER record (plover, code_plover_2021) nor a PETRARCH one (expect)"
        )
    triples: list[Triple] = []
    modalities: list[tuple[Triple, str]] = []
    unscored = 0
    for k, event in enumerate(events):
        code = event.get("code_plover_2021") if scheme == "plover" else event.get("code")
        if not isinstance(code, str) or not code:
            field = "code_plover_2021" if scheme == "plover" else "code"
            raise InputError(where, f"event {k} has no {field}")
        if not event.get("source"):
            unscored += 1
            continue
        triple = (
            _gold_actor(event, "source", scheme),
            _gold_actor(event, "target", scheme),
            code if scheme == "plover" else cameo_root(code),
        )
        if triple not in triples:
            triples.append(triple)
        if event.get("modality") in MODALITIES and (triple, event["modality"]) not in modalities:
            modalities.append((triple, event["modality"]))
    expect = record.get("expect") if scheme == "cameo" else None
    return GoldSentence(
        id=str(record.get("id") or where),
        text=record["text"],
        scheme=scheme,
        triples=tuple(triples),
        expect=str(expect) if expect is not None else None,
        modalities=tuple(modalities),
        unscored=unscored,
    )


def _scheme(record: Record, events: list[Record]) -> Scheme | None:
    if "plover" in record or any("code_plover_2021" in e for e in events):
        return "plover"
    if "expect" in record:
        return "cameo"
    return None


def _gold_actor(event: Record, role: str, scheme: Scheme) -> str:
    code = str(event.get(role) or "")
    if event.get(f"{role}_unresolved"):
        return f'"{code}"'
    return country(code, scheme)


# Predicting ------------------------------------------------------------------------------


def predict_events(
    gold: Sequence[GoldSentence], extractor: Extractor, on_sentence: Callable[[], None] | None = None
) -> list[list[Record]]:
    """The extractor's events (``Event.to_dict()``) for each gold sentence, read as one article."""

    def articles() -> Iterator[Article]:
        for sentence in gold:
            yield Article(id=sentence.id, text=sentence.text)

    predictions = []
    for extraction in extractor.extract_many(articles()):
        predictions.append([event.to_dict() for event in extraction.events])
        if on_sentence:
            on_sentence()
    return predictions


# Scoring ---------------------------------------------------------------------------------


def predicted_triple(event: Record, scheme: Scheme) -> Triple | None:
    """The triple a predicted event (``Event.to_dict()``) is scored as; None when not scored."""
    source = (event.get("source") or {}).get("code")
    if not source:
        return None
    target = (event.get("target") or {}).get("code") or ""
    label = event.get("plover") if scheme == "plover" else cameo_root(str(event.get("code") or ""))
    if not label:
        return None
    return (source[:3], target[:3], str(label))


def predicted_triples(events: Sequence[Record], scheme: Scheme) -> dict[Triple, list[Record]]:
    """The distinct scored triples of a sentence's predicted events, each with its events."""
    found: dict[Triple, list[Record]] = {}
    for event in events:
        triple = predicted_triple(event, scheme)
        if triple is not None:
            found.setdefault(triple, []).append(event)
    return found


def _pairs(gold: Sequence[GoldSentence], predictions: Sequence[Sequence[Record]]) -> Iterator[Any]:
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold sentences but {len(predictions)} predictions")
    return zip(gold, predictions, strict=True)


def score_events(gold: Sequence[GoldSentence], predictions: Sequence[Sequence[Record]]) -> Record:
    """The figures defined in the module docstring; ``predictions[k]`` are the events of ``gold[k]``."""
    tp = n_gold = n_pred = 0
    principal_tp = principal_pred = 0
    dyad_tp = dyad_gold = dyad_pred = 0
    type_right = type_total = 0
    modality_right = modality_total = modality_labelled = 0
    label_gold: Counter[str] = Counter()
    label_pred: Counter[str] = Counter()
    label_tp: Counter[str] = Counter()
    unscored_no_source = unscored_no_type = gold_unscored = 0
    schemes: Counter[str] = Counter()
    skipped: list[Record] = []
    expectations: dict[str, Record] = {}
    for sentence, events in _pairs(gold, predictions):
        if not sentence.scored:
            skipped.append({"id": sentence.id, "expect": sentence.expect})
            continue
        schemes[sentence.scheme] += 1
        gold_set = set(sentence.triples)
        found = predicted_triples(events, sentence.scheme)
        pred_set = set(found)
        for event in events:
            if not (event.get("source") or {}).get("code"):
                unscored_no_source += 1
            elif predicted_triple(event, sentence.scheme) is None:
                unscored_no_type += 1
        gold_unscored += sentence.unscored

        n_gold += len(gold_set)
        n_pred += len(pred_set)
        tp += len(gold_set & pred_set)
        principal_set = set(predicted_triples([e for e in events if e.get("principal")], sentence.scheme))
        principal_pred += len(principal_set)
        principal_tp += len(gold_set & principal_set)
        label_gold.update(t[2] for t in gold_set)
        label_pred.update(t[2] for t in pred_set)
        label_tp.update(t[2] for t in gold_set & pred_set)

        gold_dyads = {t[:2] for t in gold_set}
        pred_dyads = {t[:2] for t in pred_set}
        dyad_gold += len(gold_dyads)
        dyad_pred += len(pred_dyads)
        dyad_tp += len(gold_dyads & pred_dyads)
        for triple in gold_set:
            if triple[:2] in pred_dyads:
                type_total += 1
                type_right += triple in pred_set

        modality_labelled += len(sentence.modalities)
        for triple, modality in sentence.modalities:
            if triple in found:
                modality_total += 1
                modality_right += any(e.get("modality") == modality for e in found[triple])

        if sentence.expect in ("events", "noevents"):
            tally = expectations.setdefault(sentence.expect, {"held": 0, "total": 0, "failed": []})
            held = gold_set <= pred_set if sentence.expect == "events" else not events
            tally["total"] += 1
            tally["held"] += held
            if not held:
                tally["failed"].append(sentence.id)

    labels = sorted(label_gold.keys() | label_pred.keys(), key=lambda k: (-label_gold[k], -label_pred[k], k))
    return {
        "sentences": sum(schemes.values()),
        "schemes": dict(sorted(schemes.items())),
        "skipped": skipped,
        "gold": n_gold,
        "predicted": n_pred,
        "unscored": {
            "gold_without_source": gold_unscored,
            "predicted_without_source": unscored_no_source,
            "predicted_without_type": unscored_no_type,
        },
        "triples": {**prf(tp, n_pred, n_gold), "tp": tp},
        "principal_triples": {
            **prf(principal_tp, principal_pred, n_gold),
            "tp": principal_tp,
            "predicted": principal_pred,
        },
        "by_label": {
            k: {
                "support": label_gold[k],
                "predicted": label_pred[k],
                "tp": label_tp[k],
                **prf(label_tp[k], label_pred[k], label_gold[k]),
            }
            for k in labels
        },
        "type_accuracy": {
            "accuracy": round(type_right / type_total, 4) if type_total else None,
            "right": type_right,
            "actors_match": type_total,
        },
        "dyads": {
            **prf(dyad_tp, dyad_pred, dyad_gold),
            "tp": dyad_tp,
            "gold": dyad_gold,
            "predicted": dyad_pred,
        },
        "expectations": {k: expectations[k] for k in ("events", "noevents") if k in expectations},
        "modality": {
            "labelled": modality_labelled,
            "accuracy": round(modality_right / modality_total, 4) if modality_total else None,
            "right": modality_right,
            "matched": modality_total,
            "note": None if modality_labelled else "not labelled in this set",
        },
    }


def event_errors(gold: Sequence[GoldSentence], predictions: Sequence[Sequence[Record]]) -> list[Record]:
    """Missed gold triples, wrong types and spurious predictions, each with its sentence."""
    out: list[Record] = []
    for sentence, events in _pairs(gold, predictions):
        if not sentence.scored:
            continue
        found = predicted_triples(events, sentence.scheme)
        gold_set = set(sentence.triples)
        extra = [t for t in found if t not in gold_set]
        typed_dyads: set[tuple[str, str]] = set()
        for triple in sentence.triples:
            if triple in found:
                continue
            other = next((t for t in extra if t[:2] == triple[:2]), None)
            if other is None:
                out.append(_error("missed", sentence, triple, None, None))
            else:
                typed_dyads.add(triple[:2])
                out.append(_error("type", sentence, triple, other, found[other][0]))
        for triple in extra:
            if triple[:2] not in typed_dyads:
                out.append(_error("spurious", sentence, None, triple, found[triple][0]))
    return out


def _error(
    kind: str, sentence: GoldSentence, gold: Triple | None, pred: Triple | None, event: Record | None
) -> Record:
    def brief(triple: Triple | None) -> Record | None:
        if triple is None:
            return None
        return {"source": triple[0], "target": triple[1], "type": triple[2]}

    predicted = brief(pred)
    if predicted is not None and event is not None:
        predicted |= {
            "code": event.get("code"),
            "trigger": (event.get("trigger") or {}).get("text"),
            "source_text": (event.get("source") or {}).get("text"),
            "target_text": (event.get("target") or {}).get("text"),
        }
    return {
        "error": kind,
        "sentence": sentence.id,
        "text": sentence.text,
        "gold": brief(gold),
        "predicted": predicted,
    }
