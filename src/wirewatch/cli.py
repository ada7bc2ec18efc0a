"""The ``wirewatch`` command: parse arguments, call the library, render with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from wirewatch.errors import InputError, WirewatchError
from wirewatch.extract import Extractor
from wirewatch.ingest import load_article, read_source
from wirewatch.model import Article
from wirewatch.render import render_extraction
from wirewatch.settings import Settings

if TYPE_CHECKING:
    from wirewatch.batch.ingest import IngestSummary
    from wirewatch.store import Store

app = typer.Typer(
    help="wirewatch: who said what in the news, with every fact tied to the words.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)


eval_app = typer.Typer(help="Measure extraction against human-annotated gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.callback()
def main() -> None:
    """Read news articles and extract their attributed statements."""


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files (.txt, .html, .jsonl, also .gz), folders, or - for stdin."),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON Lines, one object per article.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name or path (default: $WIREWATCH_MODEL or en_core_web_sm)."),
    ] = None,
) -> None:
    """Extract the attributed statements of each article: who said what, with offsets."""
    settings = Settings.from_env()
    if model:
        settings = replace(settings, model=model)
    failures: list[InputError] = []
    try:
        extractor = Extractor(settings)
    except WirewatchError as err:
        _fail(str(err))
    out = Console(highlight=False, soft_wrap=False)
    for extraction in extractor.extract_many(_articles(paths, failures)):
        if as_json:
            sys.stdout.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            render_extraction(out, extraction)
    if failures:
        raise typer.Exit(code=1)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $WIREWATCH_DB or sqlite:///wirewatch.db)."),
]


@app.command()
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .html, .jsonl, .warc, feeds; also .gz), feed or page URLs, or -."
        ),
    ],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes (one spaCy model each).")] = 1,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for a web server's answer.")
    ] = 30.0,
    tries: Annotated[int, typer.Option(min=1, help="Tries per URL (timeouts, 429 and 5xx are retried).")] = 3,
    interval: Annotated[
        float, typer.Option(min=0.0, help="Least seconds between two requests to the same host.")
    ] = 1.0,
) -> None:
    """Store every article of SOURCES once, with its statements; a second run adds nothing."""
    from functools import partial

    from wirewatch.batch import ingest as run_ingest
    from wirewatch.ingest.fetch import Fetcher, FetchSettings
    from wirewatch.render import render_ingest_summary
    from wirewatch.store import Store

    settings = Settings.from_env()
    if model:
        settings = replace(settings, model=model)
    try:
        fetch = FetchSettings(read_timeout=timeout, tries=tries, min_interval=interval)
        store = Store(db)
    except WirewatchError as err:
        _fail(str(err))
    with store, Fetcher(fetch) as fetcher, Progress(
        SpinnerColumn(), TextColumn("ingesting"), TextColumn("{task.completed} read"),
        TextColumn("[green]{task.fields[stored]} stored"), TextColumn("{task.fields[dups]} duplicates"),
        TextColumn("[red]{task.fields[failed]} failed"), RateColumn(), TimeElapsedColumn(),
        console=stderr, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingest", total=None, stored=0, dups=0, failed=0)

        def advance(summary: IngestSummary) -> None:
            progress.update(
                task,
                completed=summary.read,
                stored=summary.stored,
                dups=summary.duplicates + summary.already,
                failed=summary.failed,
            )

        try:
            reader = partial(read_source, fetcher=fetcher)
            summary = run_ingest(sources, store, settings, workers, on_article=advance, reader=reader)
        except WirewatchError as err:
            _fail(str(err))
        totals = store.counts()
    render_ingest_summary(Console(highlight=False), summary, totals, store.url)
    if summary.failures and not (summary.stored or summary.duplicates or summary.already):
        raise typer.Exit(code=1)


SinceOption = Annotated[str | None, typer.Option(help="Articles published on or after (YYYY[-MM[-DD]]).")]
UntilOption = Annotated[str | None, typer.Option(help="Articles published on or before (YYYY[-MM[-DD]]).")]
OutletOption = Annotated[str | None, typer.Option(help="Only this outlet (name or host).")]
KindOption = Annotated[str | None, typer.Option(help="Only this kind: direct, indirect, mixed, headline.")]


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find (all of them) in statements and articles.")],
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only statements by this speaker (canonical name).")
    ] = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Statements to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """Full-text search over statements and articles, best matches first."""
    from wirewatch.listings import render_article_hits, render_statement_hits
    from wirewatch.store.queries import Filters, search_articles, search_statements

    with _open_store(db) as store:
        try:
            filters = Filters(speaker, outlet, since, until, kind)
            hits = search_statements(store, query, filters, limit)
            articles = [] if speaker or kind else search_articles(store, query, filters, max(5, limit // 2))
        except WirewatchError as err:
            _fail(str(err))
    if as_json:
        _json_lines(
            [{"type": "statement", **asdict(h)} for h in hits]
            + [{"type": "article", **asdict(a)} for a in articles]
        )
        return
    out = Console(highlight=False)
    render_statement_hits(out, hits, f"Statements matching {query!r}")
    render_article_hits(out, articles)


@app.command()
def speakers(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Speakers to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """The most quoted speakers: statements, articles, roles seen and the outlets quoting them."""
    from wirewatch.listings import render_speakers
    from wirewatch.store.queries import Filters
    from wirewatch.store.queries import speakers as most_quoted

    with _open_store(db) as store:
        try:
            rows = most_quoted(store, Filters(None, outlet, since, until, kind), limit)
        except WirewatchError as err:
            _fail(str(err))
    if as_json:
        _json_lines([asdict(r) for r in rows])
        return
    render_speakers(Console(highlight=False), rows)


@app.command()
def quotes(
    speaker: Annotated[str, typer.Option("--speaker", help="The speaker's canonical name (see `speakers`).")],
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """Everything one speaker said, over time, with outlet, date and a link to the words."""
    from wirewatch.listings import render_statement_hits
    from wirewatch.store.queries import Filters
    from wirewatch.store.queries import quotes as said_by

    with _open_store(db) as store:
        try:
            hits = said_by(store, speaker, Filters(None, outlet, since, until, kind), limit)
        except WirewatchError as err:
            _fail(str(err))
    if as_json:
        _json_lines([asdict(h) for h in hits])
        return
    render_statement_hits(Console(highlight=False), hits, f"{speaker}")


@app.command()
def stories(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_outlets: Annotated[int, typer.Option(min=1, help="Only stories carried by this many outlets.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="Stories to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """The most widely carried stories: each syndication group with the outlets that ran it."""
    from wirewatch.listings import render_stories
    from wirewatch.store.queries import Filters
    from wirewatch.store.queries import stories as carried

    with _open_store(db) as store:
        try:
            rows = carried(store, Filters(None, outlet, since, until), limit, min_outlets)
        except WirewatchError as err:
            _fail(str(err))
    if as_json:
        _json_lines([asdict(r) for r in rows])
        return
    render_stories(Console(highlight=False), rows)


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Source or target actor code, by prefix (IRN, RUSMIL, IGO).")
    ] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO event code, by prefix (07, 072, 19).")] = None,
    modality: Annotated[
        str | None, typer.Option(help="Only occurred, planned, denied or hypothetical events.")
    ] = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    principal: Annotated[
        bool, typer.Option("--principal", help="Only each sentence's main events (not its clauses').")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="Events to show.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """Who did what to whom: coded events, newest first, with who reported each claim."""
    from wirewatch.listings import render_events
    from wirewatch.store.queries import Filters
    from wirewatch.store.queries import events as coded

    with _open_store(db) as store:
        try:
            rows = coded(store, actor, code, Filters(None, outlet, since, until), modality, limit, principal)
        except WirewatchError as err:
            _fail(str(err))
    if as_json:
        _json_lines([asdict(r) for r in rows])
        return
    render_events(Console(highlight=False), rows)


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl, csv, parquet, or gdelt (events as a GDELT 2.0 style TSV).")
    ] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="Folder to write the files into.")] = "export",
    tables: Annotated[
        list[str] | None, typer.Option("--table", help="articles, statements, speakers (default: all).")
    ] = None,
) -> None:
    """Write articles, statements and speakers to files (one per table)."""
    from wirewatch.store.export import export as write_tables
    from wirewatch.store.gdelt import export_gdelt

    if fmt not in ("jsonl", "csv", "parquet", "gdelt"):
        _fail(f"--format {fmt}: not a format wirewatch exports (jsonl, csv, parquet or gdelt)")
    chosen = tables or ["articles", "statements", "speakers"]
    unknown = [t for t in chosen if t not in ("articles", "statements", "speakers")]
    if unknown:
        _fail(f"--table {unknown[0]}: not a table (articles, statements or speakers)")
    with _open_store(db) as store, Progress(
        SpinnerColumn(), TextColumn("exporting {task.description}"), TextColumn("{task.completed} rows"),
        RateColumn(), console=stderr, transient=True,
    ) as progress:  # fmt: skip
        tasks: dict[str, Any] = {}

        def advance(table: str, n: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(table, total=None)
            progress.update(tasks[table], advance=n)

        try:
            if fmt == "gdelt":  # events only, in GDELT's own layout
                paths = {"events": export_gdelt(store, Path(output), on_rows=advance)}
            else:
                paths = write_tables(store, Path(output), fmt, chosen, on_rows=advance)  # type: ignore[arg-type]
        except WirewatchError as err:
            _fail(str(err))
    for table, path in paths.items():
        Console(highlight=False).print(f"{table}: {path}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="File holding the write token (default: $WIREWATCH_API_TOKEN)."),
    ] = None,
) -> None:
    """Serve the JSON API (/api, documented at /docs) and the web pages over HTTP.

    POST /api/articles needs the write token (none: writing is refused); with
    $WIREWATCH_READ_TOKEN set, every read needs a token too.
    """
    import os
    import socket

    from sqlalchemy.engine import make_url

    from wirewatch.api import create_app
    from wirewatch.api.deps import ServeSettings

    if not 1 <= port <= 65535:
        _fail(f"--port {port}: not a port (1 to 65535)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as err:
        _fail(f"--host {host}: not an address to listen on ({getattr(err, 'strerror', None) or err})")
    with socket.socket(family, kind, proto) as probe:  # a port in use or refused: say so now
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            _fail(f"--host {host} --port {port}: cannot listen there ({err.strerror or err})")
    write_token = os.environ.get("WIREWATCH_API_TOKEN") or None
    if token_file is not None:
        try:
            write_token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as err:
            _fail(f"--token-file {token_file}: cannot read ({getattr(err, 'strerror', None) or err})")
        if not write_token:
            _fail(f"--token-file {token_file}: the file is empty")
    settings = ServeSettings(
        write_token=write_token, read_token=os.environ.get("WIREWATCH_READ_TOKEN") or None
    )
    store = _open_store(db)
    shown = f"[{host}]" if ":" in host else host
    out = Console(highlight=False)
    database = make_url(store.url).render_as_string(hide_password=True)
    out.print(f"wirewatch: serving {database} at http://{shown}:{port}/ (API docs: /docs)", soft_wrap=True)
    out.print(
        "writing: "
        + (
            "enabled (POST /api/articles with the bearer token)"
            if write_token
            else "disabled (set WIREWATCH_API_TOKEN)"
        )
        + ("; reading needs a token" if settings.read_token else ""),
        soft_wrap=True,
    )
    import uvicorn

    with store:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="info")


@eval_app.command("statements")
def eval_statements(
    gold: Annotated[
        list[str],
        typer.Argument(help="Gold JSONL files, scored as one set: {id, text, title?, statements} per line."),
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print figures and errors as one JSON object.")
    ] = False,
    min_dice: Annotated[float, typer.Option(help="Word overlap for a predicted statement to match.")] = 0.5,
    show: Annotated[int, typer.Option("--errors", help="Errors to list per type (-1: all, 0: none).")] = 20,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
    save: Annotated[str | None, typer.Option(help="Also write the predictions (JSONL) here.")] = None,
) -> None:
    """Run the extractor over gold articles and print the scorer's figures and the errors."""
    from wirewatch.evaluation.report import render_errors, render_figures
    from wirewatch.evaluation.runner import load_gold_files, predict
    from wirewatch.evaluation.statements import errors, score

    settings = Settings.from_env()
    if model:
        settings = replace(settings, model=model)
    try:
        gold_docs = load_gold_files(gold)
        extractor = Extractor(settings)
    except WirewatchError as err:
        _fail(str(err))
    with Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=stderr, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("extract", total=len(gold_docs))
        try:
            predictions = predict(gold_docs, extractor, lambda: progress.advance(task))
        except WirewatchError as err:
            _fail(str(err))
    if save:
        with open(save, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
    figures = score(gold_docs, predictions, min_dice)
    found = errors(gold_docs, predictions, min_dice)
    if as_json:
        sys.stdout.write(json.dumps({"figures": figures, "errors": found}, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False)
    render_figures(out, figures)
    if show:
        render_errors(out, found, None if show < 0 else show)


@eval_app.command("syndication")
def eval_syndication(
    gold: Annotated[
        str, typer.Argument(help="JSONL of {id, text|html, title?, url?, site_name?, group} records.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Group the records as the store does and score the grouping (pairwise P/R/F1)."""
    from wirewatch.evaluation.syndication import pairwise_scores, predict_groups

    records = []
    try:
        with open(gold, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict) or "group" not in record or "id" not in record:
                        _fail(f"{gold}:{number}: a record needs an id and a group")
                    records.append(record)
        rows = predict_groups(records)
    except OSError as err:
        _fail(f"{gold}: cannot read ({err.strerror or err})")
    except json.JSONDecodeError as err:
        _fail(f"{gold}: not valid JSON ({err.msg}, line {err.lineno})")
    except WirewatchError as err:
        _fail(str(err))
    figures = pairwise_scores(rows)
    if as_json:
        sys.stdout.write(json.dumps(figures) + "\n")
        return
    Console(highlight=False).print(
        f"precision {figures['precision']:.4f} · recall {figures['recall']:.4f} · F1 {figures['f1']:.4f}\n"
        f"{figures['articles']} articles, {figures['true_groups']} true stories, "
        f"{figures['predicted_groups']} predicted; pairs: {figures['correct_pairs']} correct of "
        f"{figures['predicted_pairs']} predicted and {figures['true_pairs']} true",
        soft_wrap=True,
    )


@eval_app.command("events")
def eval_events(
    gold: Annotated[
        str, typer.Argument(help="JSONL of coded sentences: PLOVER gold records or PETRARCH unit tests.")
    ],
    lexicons: Annotated[
        list[str] | None,
        typer.Option("--lexicon", help="An extra actor lexicon for the extractor (repeatable)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print figures and errors as one JSON object.")
    ] = False,
    show: Annotated[int, typer.Option("--errors", help="Errors to list per type (-1: all, 0: none).")] = 20,
    model: Annotated[str | None, typer.Option(help="spaCy model name or path.")] = None,
) -> None:
    """Code the gold sentences' events and score them: triples, types, dyads, expectations."""
    from wirewatch.evaluation.events import event_errors, load_event_gold, predict_events, score_events
    from wirewatch.evaluation.events_report import render_event_errors, render_event_figures

    settings = Settings.from_env()
    if model:
        settings = replace(settings, model=model)
    if lexicons:
        for path in lexicons:
            if not Path(path).is_file():
                _fail(f"--lexicon {path}: no such file")
        settings = replace(settings, actor_lexicons=tuple(lexicons))
    try:
        sentences = load_event_gold(gold)
        extractor = Extractor(settings)
    except WirewatchError as err:
        _fail(str(err))
    with Progress(
        TextColumn("coding events"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=stderr, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("events", total=len(sentences))
        try:
            predictions = predict_events(sentences, extractor, lambda: progress.advance(task))
        except WirewatchError as err:
            _fail(str(err))
    figures = score_events(sentences, predictions)
    found = event_errors(sentences, predictions)
    if as_json:
        sys.stdout.write(json.dumps({"figures": figures, "errors": found}, ensure_ascii=False) + "\n")
        return
    out = Console(highlight=False)
    render_event_figures(out, figures)
    if show:
        render_event_errors(out, found, None if show < 0 else show)


def _articles(paths: list[str], failures: list[InputError]) -> Iterator[Article]:
    """Every readable article of ``paths``; each one that is not gets a one-line error."""
    for path in paths:
        for item in read_source(path):
            if isinstance(item, InputError):
                _report(item, failures)
                continue
            try:
                yield load_article(item)
            except InputError as err:
                _report(err, failures)


def _report(err: InputError, failures: list[InputError]) -> None:
    failures.append(err)
    stderr.print(f"[red]error[/red]: {err}", markup=True, soft_wrap=True)


class RateColumn(ProgressColumn):
    """Articles per second, over the last seconds of the run."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="cyan")


def _open_store(url: str | None) -> Store:
    """An existing store to read: a missing SQLite file is an error, not a new empty database."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from wirewatch.store import Store, database_url

    url = database_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if (
        parsed is not None
        and parsed.get_backend_name() == "sqlite"
        and parsed.database not in (None, "", ":memory:")
    ) and not Path(parsed.database).exists():
        _fail(f"{url}: no such database (run `wirewatch ingest` first)")
    try:
        return Store(url)
    except WirewatchError as err:
        _fail(str(err))


def _json_lines(rows: list[dict[str, Any]]) -> None:
    sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _fail(message: str) -> NoReturn:
    stderr.print(f"[red]error[/red]: {message}", soft_wrap=True)
    raise typer.Exit(code=2)


if __name__ == "__main__":
    app()
