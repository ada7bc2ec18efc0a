"""The ``wirewatch`` command: parse arguments, call the library, render with Rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, NoReturn

import typer
from rich.console import Console

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
