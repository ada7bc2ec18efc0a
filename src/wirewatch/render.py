"""Readable terminal views of extractions (Rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wirewatch.model import Event, Extraction, Statement

if TYPE_CHECKING:
    from wirewatch.batch.ingest import IngestSummary

_KIND_STYLE = {"direct": "green", "indirect": "cyan", "mixed": "yellow", "headline": "magenta"}


def render_extraction(console: Console, extraction: Extraction) -> None:
    article = extraction.article
    about = [
        f"[bold]{_escape(article.title or article.id)}[/bold]",
        " · ".join(
            _escape(part)
            for part in (article.site_name, article.dateline, article.published, article.url)
            if part
        ),
        f"{len(extraction.statements)} statements · {len(extraction.events)} events"
        f" · id {_escape(article.id)}",
    ]
    console.print(Panel("\n".join(line for line in about if line), box=box.ROUNDED, expand=True))
    if not extraction.statements:
        console.print("  (no attributed statements)\n")
    for number, statement in enumerate(extraction.statements, 1):
        console.print(_statement_block(number, statement))
    if extraction.events:
        console.print("[bold]Events[/bold]")
        for event in extraction.events:
            console.print(_event_line(event, extraction.statements))
    console.print()


_MODALITY_STYLE = {"occurred": "green", "planned": "yellow", "denied": "red", "hypothetical": "magenta"}


def _event_line(event: Event, statements: tuple[Statement, ...]) -> Text:
    """``IRNGOV -> RUS  072 Provide military aid (AID)  planned  reported by Jake Sullivan``."""
    line = Text("  ")
    line.append(f"{event.source.code}", style="bold")
    line.append(f" ({event.source.text})", style="dim")
    if event.target is not None:
        line.append(f" → {event.target.code}", style="bold")
        line.append(f" ({event.target.text or 'implied'})", style="dim")
    line.append(f"  {event.code} {event.name}")
    if event.plover:
        line.append(f" ({event.plover})", style="dim")
    line.append(f"  {event.modality}", style=_MODALITY_STYLE.get(event.modality, ""))
    if event.reported_by is not None and event.reported_by < len(statements):
        reporter = statements[event.reported_by]
        who = reporter.speaker_name or (reporter.speaker.text if reporter.speaker else "an unnamed source")
        line.append(f"  claimed by {who} (statement {event.reported_by + 1})", style="italic")
    if event.date is not None:
        line.append(f"  {event.date.value} ({event.date.span.text})", style="dim")
    line.append(f"  · chars {event.trigger.start}-{event.trigger.end}", style="dim")
    return line


def _statement_block(number: int, statement: Statement) -> Table:
    """Who (name, mention, role, type), how (cue, kind, addressee), then the words."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(justify="right", style="dim", width=4, no_wrap=True)
    grid.add_column(ratio=1)
    who = Text()
    mention = statement.speaker.text if statement.speaker else None
    who.append(statement.speaker_name or mention or "(unknown speaker)", style="bold")
    if mention and statement.speaker_name and mention != statement.speaker_name:
        who.append(f" ({mention})", style="dim")
    if statement.speaker_role and statement.speaker_role not in (mention or ""):
        who.append(f" — {statement.speaker_role}", style="italic")
    who.append(f"  {statement.speaker_type}", style="dim")
    how = Text()
    how.append(statement.kind, style=_KIND_STYLE.get(statement.kind, ""))
    if statement.cue:
        how.append(f" · {statement.cue.text}")
    if statement.addressee:
        how.append(f" · to {statement.addressee}")
    span = statement.content[0]
    how.append(f" · chars {span.start}-{statement.content[-1].end}", style="dim")
    grid.add_row(str(number), who)
    grid.add_row("", how)
    grid.add_row("", Text(f"“{statement.content_text}”"))
    grid.add_row("", "")
    return grid


def _escape(text: str) -> str:
    return text.replace("[", r"\[")


def render_ingest_summary(
    console: Console, summary: IngestSummary, totals: dict[str, int], database: str
) -> None:
    """What a run did, then what the database holds; each failure with its reason."""
    console.print(
        f"[bold]{summary.read}[/bold] read · [green]{summary.stored} stored[/green] "
        f"({_n(summary.statements, 'statement')}) · {_n(summary.duplicates, 'duplicate')} · "
        f"{summary.already} already stored · [red]{summary.failed} failed[/red]",
        soft_wrap=True,
    )
    shown = summary.failures[:20]
    for err in shown:
        console.print(f"  [red]failed[/red] {_escape(err.source)}: {_escape(err.reason)}", soft_wrap=True)
    if len(summary.failures) > len(shown):
        console.print(f"  ... and {len(summary.failures) - len(shown)} more (all are in the failures table)")
    from sqlalchemy.engine import make_url

    where = make_url(database).render_as_string(hide_password=True)
    console.print(
        f"{_escape(where)}: {_n(totals['articles'], 'article')} "
        f"in {_n(totals['groups'], 'story', 'stories')}, "
        f"{_n(totals['statements'], 'statement')}, {_n(totals['speakers'], 'speaker')}, "
        f"{_n(totals['outlets'], 'outlet')}",
        soft_wrap=True,
    )


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"
