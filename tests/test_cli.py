"""The ``wirewatch`` command as a user runs it: output formats, stdin, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLE
from wirewatch.cli import app

STORY = '"The port will reopen on Monday," harbour master Ines Duarte said.\n'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_json_lines_one_object_per_article_with_exact_spans(runner):
    result = runner.invoke(app, ["extract", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    text = record["article"]["text"]
    assert record["article"]["id"] == "iran-drones-wire-story"
    assert len(record["statements"]) >= 22
    for statement in record["statements"]:
        assert set(statement) >= {"kind", "content", "cue", "speaker", "speaker_name", "speaker_role"}
        parts = statement["content"] if isinstance(statement["content"], list) else [statement["content"]]
        for span in [*parts, statement["cue"], statement["speaker"]]:
            if span:
                assert text[span["start"] : span["end"]] == span["text"]


def test_readable_view_shows_speaker_role_and_words(runner):
    result = runner.invoke(app, ["extract", str(EXAMPLE)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Jake Sullivan" in result.stdout
    assert "spokesman for the national security council" in result.stdout
    assert "We continue to want to see a nuclear deal" in result.stdout


def test_stdin(runner):
    result = runner.invoke(app, ["extract", "-", "--json"], input=STORY)
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert record["statements"][0]["speaker_name"] == "Ines Duarte"


def test_jsonl_input_keeps_ids(runner, tmp_path: Path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "port-1", "text": STORY, "title": "Port to reopen"}) + "\n")
    result = runner.invoke(app, ["extract", str(dump), "--json"])
    assert [r["article"]["id"] for r in records(result.stdout)] == ["port-1"]


def test_bad_inputs_get_one_line_each_and_the_rest_is_processed(runner, tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "legacy.txt").write_bytes(STORY.replace('"', "\u201c", 1).encode("cp1252"))
    (tmp_path / "calm.txt").write_text("The weather was mild on Sunday.\n")
    paths = [str(tmp_path / n) for n in ("missing.txt", "empty.txt", "blob.bin", "legacy.txt", "calm.txt")]
    result = runner.invoke(app, ["extract", *paths, "--json"])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"error: {paths[0]}: no such file",
        f"error: {paths[1]}: empty file",
        f"error: {paths[2]}: binary data, not text",
    ]
    legacy, calm = records(result.stdout)
    assert legacy["statements"][0]["speaker_name"] == "Ines Duarte"
    assert calm["statements"] == []
    assert "Traceback" not in result.output


def test_unknown_model_is_a_one_line_error(runner):
    result = runner.invoke(app, ["extract", str(EXAMPLE), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error: spaCy model 'xx_no_such_model': not installed")


def test_a_user_verb_lexicon_from_the_environment(runner, tmp_path: Path):
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("shun\t161\tdobj\t-\t\n")
    story = tmp_path / "story.txt"
    story.write_text("Iran shunned Israel.\n")
    result = runner.invoke(
        app, ["extract", str(story), "--json"], env={"WIREWATCH_VERB_LEXICONS": str(verbs)}
    )
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert [(e["source"]["code"], e["target"]["code"], e["code"]) for e in record["events"]] == [
        ("IRN", "ISR", "161")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such verb lexicon file"),
        ("shun\t999\tdobj\t-\t\n", "not in the CAMEO code list: shun (999)"),
    ],
)
def test_a_bad_verb_lexicon_is_one_line(runner, tmp_path: Path, content, message):
    verbs = tmp_path / "verbs.tsv"
    if content is not None:
        verbs.write_text(content)
    result = runner.invoke(
        app, ["extract", "-", "--json"], input=STORY, env={"WIREWATCH_VERB_LEXICONS": str(verbs)}
    )
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
