"""Readable terminal views of what the store holds: search hits, speakers, one speaker's quotes."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from wirewatch.store.queries import ArticleHit, EventRow, SpeakerRow, StatementHit, StoryRow


def render_statement_hits(console: Console, hits: list[StatementHit], heading: str) -> None:
    if not hits:
        console.print(f"{heading}: none")
        return
    console.print(f"[bold]{heading}[/bold] ({len(hits)})")
    for hit in hits:
        _quote_card(console, hit)


def render_article_hits(console: Console, hits: list[ArticleHit]) -> None:
    if not hits:
        return
    table = Table(box=box.SIMPLE_HEAD, title="Articles", title_justify="left", expand=True)
    for name in ("id", "published", "outlet", "title", "story"):
        table.add_column(name, overflow="fold")
    for hit in hits:
        story = f"#{hit.group_id}" + (f" ({hit.group_size} outlets)" if hit.group_size > 1 else "")
        table.add_row(str(hit.id), hit.published or "-", hit.outlet or "-", Text(hit.title or "-"), story)
    console.print(table)


def render_speakers(console: Console, rows: list[SpeakerRow]) -> None:
    if not rows:
        console.print("no speakers")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("speaker", overflow="fold", min_width=16)
    table.add_column("statements", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("roles", overflow="fold", min_width=16, max_width=36)
    table.add_column("outlets", overflow="fold", min_width=10, max_width=24)
    table.add_column("published", overflow="fold", min_width=10)
    for row in rows:
        table.add_row(
            Text(f"{row.name}\n{row.type}"),
            str(row.statements),
            str(row.articles),
            Text("; ".join(row.roles[:2]) + (f" (+{len(row.roles) - 2})" if len(row.roles) > 2 else "")),
            Text(", ".join(row.outlets[:4]) + (" …" if len(row.outlets) > 4 else "")),
            _dates(row.first, row.last),
        )
    console.print(table)


def render_stories(console: Console, rows: list[StoryRow]) -> None:
    if not rows:
        console.print("no stories")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("story", justify="right")
    table.add_column("title", overflow="fold", min_width=20)
    table.add_column("articles", justify="right")
    table.add_column("outlets", overflow="fold", min_width=16)
    table.add_column("published", overflow="fold", min_width=10)
    for row in rows:
        outlets = ", ".join(row.outlets[:6]) + (f" (+{len(row.outlets) - 6})" if len(row.outlets) > 6 else "")
        table.add_row(
            f"#{row.id}",
            Text(row.title or "-"),
            str(row.articles),
            Text(outlets),
            _dates(row.first, row.last),
        )
    console.print(table)


_MODALITY_STYLE = {"occurred": "green", "planned": "yellow", "denied": "red", "hypothetical": "magenta"}


def render_events(console: Console, rows: list[EventRow]) -> None:
    if not rows:
        console.print("no events")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("date", min_width=10)
    table.add_column("source", overflow="fold", min_width=12)
    table.add_column("event", overflow="fold", min_width=16)
    table.add_column("target", overflow="fold", min_width=12)
    table.add_column("modality")
    table.add_column("reported by", overflow="fold")
    for row in rows:
        event = Text(f"{row.code} {row.name}")
        if row.plover:
            event.append(f"\n{row.plover}", style="dim")
        if row.object:
            event.append(f"\n{row.object}", style="italic")
        table.add_row(
            row.date or "-",
            Text(f"{row.source}\n{row.source_code or '?'}"),
            event,
            Text(f"{row.target}\n{row.target_code or '?'}") if row.target else Text("-"),
            Text(row.modality, style=_MODALITY_STYLE.get(row.modality, "")),
            Text(row.reported_by or "-"),
        )
    console.print(table)


def _dates(first: str | None, last: str | None) -> str:
    """``2019-11-18``, or ``2019-11-18 – 2020-01-02`` for a span; ``-`` when undated."""
    if not first:
        return "-"
    return first if first == last else f"{first} – {last}"


def _quote_card(console: Console, hit: StatementHit) -> None:
    who = Text(hit.speaker or "(speaker unknown)", style="bold")
    if hit.role:
        who.append(f" — {hit.role}", style="dim")
    where = " · ".join(part for part in (hit.published, hit.outlet, hit.kind, hit.cue) if part)
    start, end = hit.spans[0][0], hit.spans[-1][1]
    link = f"{hit.url}  " if hit.url else ""
    console.print(Padding(who, (0, 0, 0, 2), expand=False))
    # Indented as a block, so that a long quote wraps under itself.
    for line, style in (
        (where, "dim"),
        (f"“{hit.content}”", ""),
        (f"{link}article {hit.article_id}, chars {start}-{end}", "dim"),
    ):
        console.print(Padding(Text(line, style=style), (0, 0, 0, 4), expand=False))
    console.print()
