"""The ``wirewatch`` command: parse arguments, call the library, render with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from wirewatch.errors import InputError, WirewatchError
from wirewatch.extract import Extractor
from wirewatch.ingest import load_article, read_source
from wirewatch.model import Article
from wirewatch.render import render_extraction
from wirewatch.settings import Settings

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


def _fail(message: str) -> NoReturn:
    stderr.print(f"[red]error[/red]: {message}", soft_wrap=True)
    raise typer.Exit(code=2)


if __name__ == "__main__":
    app()
