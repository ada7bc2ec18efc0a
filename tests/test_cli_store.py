"""The store commands as a user runs them: ingest, search, speakers, quotes, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import EXAMPLE
from wirewatch.cli import app


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli-store")
    url = f"sqlite:///{folder / 'wirewatch.db'}"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLE), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_ingest_prints_a_summary_and_a_second_run_adds_nothing(database: str) -> None:
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLE), "--db", database])
    assert result.exit_code == 0, result.output
    assert "1 read · 0 stored (0 statements) · 0 duplicates · 1 already stored · 0 failed" in result.stdout
    assert "1 article in 1 story, 24 statements" in result.stdout


def test_ingest_reports_each_failure_with_its_reason_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    url = f"sqlite:///{tmp_path / 'w.db'}"
    result = CliRunner().invoke(
        app, ["ingest", str(empty), str(tmp_path / "missing.html"), str(EXAMPLE), "--db", url]
    )
    assert result.exit_code == 0, result.output
    assert "3 read · 1 stored" in result.stdout and "2 failed" in result.stdout
    assert f"failed {tmp_path / 'missing.html'}: no such file" in result.stdout.replace("\n", "")
    assert "Traceback" not in result.output


def test_ingest_with_nothing_readable_fails(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "nope.txt"), "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    )
    assert result.exit_code == 1


def test_search_prints_quote_cards_with_a_link_to_the_words(database: str) -> None:
    result = CliRunner().invoke(app, ["search", "training", "--db", database])
    assert result.exit_code == 0, result.output
    assert "Jake Sullivan" in result.stdout and "chars " in result.stdout


def test_search_json(database: str) -> None:
    result = CliRunner().invoke(app, ["search", "drones", "--db", database, "--json", "--kind", "indirect"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["type"] == "statement" and r["kind"] == "indirect" for r in rows)


def test_speakers_and_quotes(database: str) -> None:
    speakers = CliRunner().invoke(app, ["speakers", "--db", database, "--json"])
    names = [json.loads(line)["name"] for line in speakers.stdout.splitlines()]
    assert "John Kirby" in names and "Jake Sullivan" in names
    said = CliRunner().invoke(app, ["quotes", "--speaker", "John Kirby", "--db", database, "--json"])
    assert {json.loads(line)["speaker"] for line in said.stdout.splitlines()} == {"John Kirby"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "?!"], "nothing to search for"),
        (["search", "x", "--kind", "rumour"], "--kind rumour: not a statement kind"),
        (["speakers", "--since", "yesterday"], "--since yesterday: not a date"),
        (["export", "--format", "xml"], "--format xml: not a format"),
    ],
)
def test_bad_query_input_is_one_line(database: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*args, "--db", database])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_a_missing_database_is_not_created_by_a_query(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.db'}"
    result = CliRunner().invoke(app, ["search", "drones", "--db", url])
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_ingest_a_feed_url_and_its_pages_from_a_local_server(tmp_path: Path, httpserver) -> None:
    from tests.ingest.conftest import benchmark_pages

    pages = benchmark_pages()[:2]
    items = "".join(
        f"<item><title>Story {i}</title><link>{httpserver.url_for(f'/story/{i}')}</link></item>"
        for i in range(len(pages))
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
    httpserver.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    for i, (_url, html) in enumerate(pages):
        httpserver.expect_request(f"/story/{i}").respond_with_data(html, content_type="text/html")
    httpserver.expect_request("/broken").respond_with_data("down", status=500)
    url = f"sqlite:///{tmp_path / 'w.db'}"
    args = ["ingest", httpserver.url_for("/feed.xml"), httpserver.url_for("/broken"), "--db", url]
    result = CliRunner().invoke(app, [*args, "--interval", "0", "--tries", "2"])
    assert result.exit_code == 0, result.output
    assert "3 read · 2 stored" in result.stdout
    assert "HTTP 500 after 2 tries" in result.stdout
    again = CliRunner().invoke(app, [*args, "--interval", "0", "--tries", "2"])
    assert "0 stored" in again.stdout and "2 already stored" in again.stdout


def test_events_command(database: str) -> None:
    result = CliRunner().invoke(app, ["events", "--actor", "IRN", "--code", "07", "--db", database, "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["code"].startswith("07") for r in rows)
    bad = CliRunner().invoke(app, ["events", "--code", "x", "--db", database])
    assert bad.exit_code == 2 and "--code x: not a CAMEO code" in bad.output
    every = CliRunner().invoke(app, ["events", "--db", database, "--json", "--limit", "500"])
    main = CliRunner().invoke(app, ["events", "--principal", "--db", database, "--json", "--limit", "500"])
    assert main.exit_code == 0, main.output
    assert 0 < len(main.stdout.splitlines()) < len(every.stdout.splitlines())


def test_export_gdelt(database: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "gdelt", "-o", str(tmp_path), "--db", database])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "events.gdelt.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("GLOBALEVENTID\tSQLDATE") and len(lines) > 5
