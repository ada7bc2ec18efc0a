"""Printing evaluation figures and errors (the same lines as ``score_statements.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import Console
from rich.markup import escape

_TITLES = {"missed": "missed", "spurious": "spurious", "speaker": "wrong speaker"}


def render_figures(console: Console, res: dict[str, Any]) -> None:
    console.print(
        f"articles {res['articles']} (missing from predictions: {res['articles_missing']}), "
        f"gold statements {res['gold']}, predicted {res['predicted']}"
    )
    for key in ("content", "attribution"):
        m = res[key]
        console.print(f"{key:12s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
    console.print(
        f"on matched: speaker {res['speaker_acc']:.3f}  cue {res['cue_acc']:.3f}  kind {res['kind_acc']:.3f}"
    )
    by_kind = ", ".join(f"{k} {v:.3f}" for k, v in res["recall_by_kind"].items())
    console.print(f"attribution recall by kind: {by_kind}")


def error_sections(
    console: Console, found: list[dict[str, Any]], titles: dict[str, str], limit: int | None
) -> Iterator[dict[str, Any]]:
    """Errors by kind, each kind under a heading with its count; at most ``limit`` per kind."""
    for kind, title in titles.items():
        these = [e for e in found if e["error"] == kind]
        if not these:
            continue
        shown = these if limit is None else these[:limit]
        more = "" if len(shown) == len(these) else f", first {len(shown)}"
        console.print(f"\n[bold]{title}[/bold] ({len(these)}{more})")
        yield from shown


def render_errors(console: Console, found: list[dict[str, Any]], limit: int | None) -> None:
    for e in error_sections(console, found, _TITLES, limit):
        console.print(f"  [dim]{escape(e['article'])}[/dim]")
        console.print(f"    {escape(e['sentence'])}")
        for side in ("gold", "predicted"):
            s = e[side]
            if s:
                who = s["speaker_name"] or s["speaker"] or "?"
                console.print(
                    f"    [dim]{side}:[/dim] {escape(str(who))} · {s['cue'] or '—'} · {s['kind']}: "
                    f"“{escape(s['content'][:160])}”"
                )
