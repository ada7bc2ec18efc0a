"""``wirewatch eval events``: reading both gold formats, the metric on hand-made predictions, the command."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pycountry
import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from wirewatch import cli
from wirewatch.cli import app
from wirewatch.evaluation.events import (
    GSR_COUNTRY_FIXES,
    GoldSentence,
    country,
    event_errors,
    gold_sentence,
    load_event_gold,
    predict_events,
    score_events,
)
from wirewatch.model import Actor, Event, Extraction, Span

EVENTS = ROOT.parent / "shared" / "data" / "events"
GSR = EVENTS / "plover-gsr-cameo-manual.jsonl"
PETRARCH = EVENTS / "petrarch-unittest.jsonl"
needs_data = pytest.mark.skipif(not GSR.exists() or not PETRARCH.exists(), reason=f"no {EVENTS}")


def event(
    source: str | None,
    target: str | None,
    code: str,
    plover: str | None = None,
    modality: str = "occurred",
    text: str = "Arnor met Gondor.",
    principal: bool | None = None,
) -> dict:
    """A predicted event in the prediction format (``Event.to_dict()``)."""
    sentence = Span.of(text, 0, len(text))
    return Event(
        source=Actor("Arnor", source),
        target=Actor("Gondor", target) if target is not None else None,
        code=code,
        name="",
        plover=plover,
        modality=modality,  # type: ignore[arg-type]
        sentence=sentence,
        trigger=Span.of(text, 6, 9),
        principal=principal,
    ).to_dict()


def plover(id: str, *triples: tuple[str, str, str], **fields) -> GoldSentence:
    events = [{"source": s, "target": t, "code": c, "code_plover_2021": c, **fields} for s, t, c in triples]
    return gold_sentence({"id": id, "text": f"Sentence {id}.", "events": events, "plover": {}})


def petrarch(id: str, expect: str, *triples: tuple[str, str, str]) -> GoldSentence:
    events = [{"source": s, "target": t, "code": c} for s, t, c in triples]
    return gold_sentence({"id": id, "text": f"Sentence {id}.", "events": events, "expect": expect})


# Loading ----------------------------------------------------------------------------------


@needs_data
def test_loads_the_plover_gold_records():
    gold = load_event_gold(str(GSR))
    assert len(gold) == 322
    assert {s.scheme for s in gold} == {"plover"}
    # 363 event items: one has no source, and 7 repeat a triple of their record.
    assert sum(len(s.triples) for s in gold) == 355
    assert sum(s.unscored for s in gold) == 1
    by_id = {s.id: s for s in gold}
    assert by_id["PLOVER-GSR01-AGREE-0001"].triples == (("HUN", "", "AGREE"), ("ROU", "", "AGREE"))
    assert by_id["PLOVER-GSR01-AGREE-0002"].triples == (("IGO", "JPN", "AGREE"),)  # JAP in the file
    # Types are the current manual's: DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, DEMAND -> REQUEST.
    assert by_id["PLOVER-GSR01-DISAPPROVE-0016"].triples == (("NGO", "HRV", "ACCUSE"),)
    types = Counter(t[2] for s in gold for t in s.triples)
    assert not types.keys() & {"DISAPPROVE", "FIGHT", "DEMAND", "INVESTIGATE"}
    assert types["ASSAULT"] > 0 and types["REQUEST"] > 0
    assert not any(s.modalities for s in gold)  # `mode` is PLOVER's type-specific mode


@needs_data
def test_loads_the_petrarch_unit_tests():
    gold = load_event_gold(str(PETRARCH))
    assert len(gold) == 284
    assert {s.scheme for s in gold} == {"cameo"}
    assert Counter(s.expect for s in gold) == {"events": 257, "noevents": 19, "error": 7, "unspecified": 1}
    # 359 triples in the file; compound actors of one country (FORLEG, FORGOV) collapse to 353.
    assert sum(len(s.triples) for s in gold) == 353
    by_id = {s.id: s for s in gold}
    assert by_id["DEMO-00"].triples == (("ARN", "GON", "06"),)
    roots = {t[2] for s in gold for t in s.triples}
    assert {"10", "17", "90", "34"} <= roots  # 1010, 174K, 901, 345: first two characters
    assert ('"INJURY TOLL"', "OSG", "22") in by_id["DEMO-22"].triples  # unresolved: never matches
    assert all(not s.triples for s in gold if s.expect != "events")


def test_country_normalisation():
    assert GSR_COUNTRY_FIXES == {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
    assert country("JAPGOV", "plover") == "JPN"
    assert country("ITL", "plover") == "ITA"
    assert country("VTNMIL", "plover") == "VNM"
    assert country("HUNGOV", "plover") == "HUN"
    assert country("IGOUNO", "plover") == "IGO"
    assert country("", "plover") == ""
    assert country("JAP", "cameo") == "JAP"  # PETRARCH codes are the dictionaries' own


@needs_data
def test_every_plover_country_is_iso_or_transnational():
    iso = {c.alpha_3 for c in pycountry.countries}
    rows = (EVENTS / "cameo-actor-countries.tsv").read_text(encoding="utf-8").splitlines()[1:]
    cameo = {row.split("\t")[0] for row in rows}
    transnational = {"IGO", "NGO", "IMG", "ISM"}
    countries = {c for s in load_event_gold(str(GSR)) for t in s.triples for c in t[:2] if c}
    assert countries - iso - cameo == transnational
    assert not countries & GSR_COUNTRY_FIXES.keys()


def test_a_record_in_neither_format_is_an_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "A.", "events": []}) + "\n")
    with pytest.raises(Exception, match=r"gold.jsonl:1: neither a PLOVER record"):
        load_event_gold(str(path))


# Scoring ----------------------------------------------------------------------------------


def test_perfect_predictions():
    gold = [plover("a", ("USAGOV", "RUS", "SANCTION")), plover("b", ("HUN", "", "AGREE"))]
    preds = [[event("USAGOV", "RUSMIL", "163", "SANCTION")], [event("HUNGOV", None, "057", "AGREE")]]
    res = score_events(gold, preds)
    assert res["triples"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2}
    assert res["dyads"]["f1"] == 1.0
    assert res["type_accuracy"] == {"accuracy": 1.0, "right": 2, "actors_match": 2}
    assert list(res["by_label"]) == ["AGREE", "SANCTION"]
    assert res["by_label"]["SANCTION"] == {
        "support": 1,
        "predicted": 1,
        "tp": 1,
        "p": 1.0,
        "r": 1.0,
        "f1": 1.0,
    }
    assert event_errors(gold, preds) == []


def test_one_wrong_type():
    gold = [plover("a", ("USA", "RUS", "SANCTION")), plover("b", ("HUN", "ROU", "AGREE"))]
    preds = [[event("USA", "RUS", "130", "THREATEN")], [event("HUN", "ROU", "057", "AGREE")]]
    res = score_events(gold, preds)
    assert res["triples"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1}
    assert res["dyads"]["f1"] == 1.0  # the actors were right
    assert res["type_accuracy"] == {"accuracy": 0.5, "right": 1, "actors_match": 2}
    assert res["by_label"]["SANCTION"]["r"] == 0.0 and res["by_label"]["THREATEN"]["support"] == 0
    [error] = event_errors(gold, preds)
    assert error["error"] == "type"
    assert error["sentence"] == "a" and error["text"] == "Sentence a."
    assert error["gold"] == {"source": "USA", "target": "RUS", "type": "SANCTION"}
    assert error["predicted"]["type"] == "THREATEN" and error["predicted"]["trigger"] == "met"


def test_a_missing_target_is_a_miss_and_a_spurious_event():
    gold = [plover("a", ("USA", "RUS", "SANCTION"))]
    preds = [[event("USA", None, "163", "SANCTION")]]
    res = score_events(gold, preds)
    assert res["triples"]["tp"] == 0 and res["dyads"]["tp"] == 0
    assert res["type_accuracy"] == {"accuracy": None, "right": 0, "actors_match": 0}
    assert [e["error"] for e in event_errors(gold, preds)] == ["missed", "spurious"]
    assert event_errors(gold, preds)[1]["predicted"]["target"] == ""


def test_a_spurious_event():
    gold = [plover("a", ("USA", "RUS", "SANCTION"))]
    preds = [[event("USA", "RUS", "163", "SANCTION"), event("CHN", "RUS", "036", "CONSULT")]]
    res = score_events(gold, preds)
    assert res["triples"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1}
    assert res["predicted"] == 2
    [error] = event_errors(gold, preds)
    assert error["error"] == "spurious" and error["gold"] is None
    assert error["predicted"]["source"] == "CHN" and error["predicted"]["code"] == "036"


def test_principal_events_are_also_scored_alone():
    gold = [plover("a", ("USA", "RUS", "SANCTION")), plover("b", ("HUN", "", "AGREE"))]
    preds = [
        [event("USA", "RUS", "163", "SANCTION", principal=True), event("RUS", None, "030", "AGREE")],
        [event("HUN", None, "057", "AGREE", principal=False)],  # right, but not the main event
    ]
    res = score_events(gold, preds)
    assert res["triples"] == {"p": 0.6667, "r": 1.0, "f1": 0.8, "tp": 2}
    assert res["principal_triples"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "predicted": 1}


def test_a_second_type_for_a_right_dyad_is_spurious_not_a_type_error():
    gold = [plover("a", ("USA", "RUS", "SANCTION"))]
    preds = [[event("USA", "RUS", "163", "SANCTION"), event("USA", "RUS", "130", "THREATEN")]]
    assert [e["error"] for e in event_errors(gold, preds)] == ["spurious"]
    assert score_events(gold, preds)["type_accuracy"]["accuracy"] == 1.0


def test_events_that_cannot_be_scored_are_counted_apart():
    gold = [plover("a", ("USA", "RUS", "SANCTION")), plover("b", ("", "IRQCVL", "ASSAULT"))]
    preds = [[event(None, "RUS", "163", "SANCTION"), event("USA", "RUS", "020", None)], []]
    res = score_events(gold, preds)
    assert res["gold"] == 1 and res["predicted"] == 0
    assert res["unscored"] == {
        "gold_without_source": 1,
        "predicted_without_source": 1,
        "predicted_without_type": 1,
    }


def test_petrarch_scores_cameo_roots_and_the_expectations():
    gold = [
        petrarch("held", "events", ("ARN", "GON", "064"), ("GONGOV", "ARN", "174K")),
        petrarch("failed", "events", ("ARN", "GON", "064"), ("GON", "ARN", "1010")),
        petrarch("quiet", "noevents"),
        petrarch("noisy", "noevents"),
        petrarch("discard", "error"),
        petrarch("commented", "unspecified"),
    ]
    preds = [
        [event("ARNGOV", "GON", "061"), event("GON", "ARN", "173"), event("MOR", "GON", "190")],
        [event("ARN", "GON", "064")],
        [],
        [event(None, "GON", "064")],  # any event breaks a noevents record, even one not scored
        [event("ARN", "GON", "064")],  # skipped records are not scored at all
        [event("ARN", "GON", "064")],
    ]
    res = score_events(gold, preds)
    assert res["sentences"] == 4 and res["schemes"] == {"cameo": 4}
    assert res["skipped"] == [
        {"id": "discard", "expect": "error"},
        {"id": "commented", "expect": "unspecified"},
    ]
    assert res["gold"] == 4 and res["predicted"] == 4
    assert res["triples"]["tp"] == 3  # 06 and 17 in "held" (extra 19 allowed), 06 in "failed"
    assert res["expectations"] == {
        "events": {"held": 1, "total": 2, "failed": ["failed"]},
        "noevents": {"held": 1, "total": 2, "failed": ["noisy"]},
    }
    assert list(res["by_label"])[:1] == ["06"] and res["by_label"]["06"]["support"] == 2
    assert [(e["sentence"], e["error"]) for e in event_errors(gold, preds)] == [
        ("held", "spurious"),
        ("failed", "missed"),
    ]


def test_plover_sets_have_no_expectations():
    res = score_events([plover("a", ("USA", "RUS", "SANCTION"))], [[]])
    assert res["expectations"] == {} and res["skipped"] == []


def test_modality_is_reported_only_where_labelled():
    unlabelled = score_events([plover("a", ("USA", "RUS", "SANCTION"))], [[]])["modality"]
    assert unlabelled["accuracy"] is None and unlabelled["note"] == "not labelled in this set"
    gold = [
        plover("a", ("USA", "RUS", "SANCTION"), modality="planned"),
        plover("b", ("HUN", "", "AGREE"), modality="denied"),
        plover("c", ("IRN", "", "THREATEN"), modality="occurred"),
    ]
    preds = [
        [event("USA", "RUS", "163", "SANCTION", modality="planned")],
        [event("HUN", None, "057", "AGREE", modality="occurred")],
        [],
    ]
    labelled = score_events(gold, preds)["modality"]
    assert labelled == {"labelled": 3, "accuracy": 0.5, "right": 1, "matched": 2, "note": None}


def test_predictions_must_line_up_with_the_gold():
    with pytest.raises(ValueError, match="2 gold sentences but 1 predictions"):
        score_events([plover("a"), plover("b")], [[]])


class FakeExtractor:
    """Stands in for the pipeline: codes "Arnor met Gondor" in every sentence."""

    settings = None

    def __init__(self, settings=None):
        FakeExtractor.settings = settings

    def extract_many(self, articles):
        for article in articles:
            text = article.text
            found = Event(
                source=Actor("Arnor", "ARNGOV"),
                target=Actor("Gondor", "GON"),
                code="064",
                name="Share intelligence or information",
                plover="COOPERATE",
                modality="occurred",
                sentence=Span.of(text, 0, len(text)),
                trigger=Span.of(text, 0, 1),
            )
            yield Extraction(article=article, events=(found,) if "Arnor" in text else ())


def test_predict_events_reads_each_sentence_as_an_article():
    gold = [GoldSentence("a", "Arnor meets Gondor.", "cameo", (("ARN", "GON", "06"),), "events"), plover("b")]
    ticks = []
    preds = predict_events(gold, FakeExtractor(), lambda: ticks.append(1))  # type: ignore[arg-type]
    assert len(ticks) == 2
    assert preds[1] == []
    assert preds[0][0]["source"]["code"] == "ARNGOV" and preds[0][0]["code"] == "064"
    assert score_events(gold, preds)["expectations"]["events"]["held"] == 1


# The command ------------------------------------------------------------------------------


def write_petrarch(tmp_path: Path) -> Path:
    records = [
        {"id": "A-1", "text": "Arnor met Gondor.", "expect": "events",
         "events": [{"source": "ARN", "target": "GON", "code": "064"}]},
        {"id": "A-2", "text": "Nothing happened.", "events": [], "expect": "noevents"},
    ]  # fmt: skip
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_command_json_shape(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)
    lexicon = tmp_path / "actors.txt"
    lexicon.write_text("ARNOR [ARN]\n")
    args = ["eval", "events", str(write_petrarch(tmp_path)), "--json", "--lexicon", str(lexicon)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"figures", "errors"}
    figures = report["figures"]
    assert {"triples", "by_label", "type_accuracy", "dyads", "expectations", "modality"} <= figures.keys()
    assert figures["triples"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1}
    assert figures["expectations"]["noevents"] == {"held": 1, "total": 1, "failed": []}
    assert report["errors"] == []
    assert FakeExtractor.settings.actor_lexicons == (str(lexicon),)


def test_command_prints_the_tables_and_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)
    path = tmp_path / "gold.jsonl"
    item = {"source": "ARNGOV", "target": "GON", "code": "AGREE", "code_plover_2021": "AGREE"}
    path.write_text(
        json.dumps({"id": "P-1", "text": "Arnor met Gondor.", "plover": {}, "events": [item]}) + "\n"
    )
    result = CliRunner().invoke(app, ["eval", "events", str(path)], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("sentences 1 (plover 1), gold triples 1, predicted 1")
    assert "type accuracy where actors match 0.000 (0 of 1)" in out
    assert "modality accuracy: not labelled in this set" in out
    assert "wrong type (1)" in out and "gold: ARN → GON AGREE" in out
    assert "predicted: ARN → GON COOPERATE (064: Arnor · A · Gondor)" in out
    assert "expectations" not in out


@needs_data
def test_command_runs_the_real_extractor_on_the_gold():
    """End to end with the real pipeline (its figures are not asserted: they are the extractor's)."""
    result = CliRunner().invoke(app, ["eval", "events", str(GSR), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert figures["sentences"] == 322 and figures["gold"] == 355
    assert figures["modality"]["note"] == "not labelled in this set"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "{path}: no such file"),
        ('{"id": "x", "text": "A.", "events": [], "expect": "noevents"}\nnot json\n',
         "{path}:2: not JSON (Expecting value)"),
        ('{"id": "x", "text": "A.", "events": []}\n',
         "{path}:1: neither a PLOVER record (plover, code_plover_2021) nor a PETRARCH one (expect)"),
        ('{"id": "x", "events": [], "expect": "noevents"}\n', "{path}:1: an event record needs a text"),
        ("\n", "{path}: no coded sentences"),
    ],
)  # fmt: skip
def test_command_bad_gold_file(tmp_path, monkeypatch, content, message):
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.strip() == "error: " + message.format(path=path)


def test_command_missing_lexicon(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(
        app, ["eval", "events", str(write_petrarch(tmp_path)), "--lexicon", str(missing)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --lexicon {missing}: no such file"
