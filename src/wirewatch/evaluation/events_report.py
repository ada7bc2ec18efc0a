"""Printing the event figures and errors of ``wirewatch eval events``."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirewatch.evaluation.report import error_sections

_TITLES = {"missed": "missed", "type": "wrong type", "spurious": "spurious"}


def render_event_figures(console: Console, res: dict[str, Any]) -> None:
    schemes = ", ".join(f"{k} {n}" for k, n in res["schemes"].items()) or "none"
    skipped = f", skipped {len(res['skipped'])}" if res["skipped"] else ""
    console.print(
        f"sentences {res['sentences']} ({schemes}{skipped}), "
        f"gold triples {res['gold']}, predicted {res['predicted']}"
    )
    unscored = res["unscored"]
    if any(unscored.values()):
        console.print(
            f"[dim]not scored: gold events without a source {unscored['gold_without_source']}, "
            f"predicted without a source code {unscored['predicted_without_source']}, "
            f"without a type {unscored['predicted_without_type']}[/dim]"
        )

    table = Table(title="Events", title_justify="left")
    for name in ("", "P", "R", "F1", "right", "gold", "predicted"):
        table.add_column(name, justify="left" if not name else "right")
    t, d = res["triples"], res["dyads"]
    table.add_row("triples", *_prf(t), str(t["tp"]), str(res["gold"]), str(res["predicted"]))
    pt = res["principal_triples"]
    table.add_row("  principal events only", *_prf(pt), str(pt["tp"]), str(res["gold"]), str(pt["predicted"]))
    table.add_row("dyads (source, target)", *_prf(d), str(d["tp"]), str(d["gold"]), str(d["predicted"]))
    console.print(table)
    ta = res["type_accuracy"]
    console.print(
        f"type accuracy where actors match {_num(ta['accuracy'])} ({ta['right']} of {ta['actors_match']})"
    )
    mod = res["modality"]
    if mod["note"]:
        console.print(f"modality accuracy: {mod['note']}")
    else:
        console.print(
            f"modality accuracy {_num(mod['accuracy'])} ({mod['right']} of {mod['matched']} labelled and "
            f"predicted; {mod['labelled']} labelled)"
        )

    if res["by_label"]:
        labels = Table(title="By type (sorted by gold support)", title_justify="left")
        for name in ("type", "P", "R", "F1", "right", "support", "predicted"):
            labels.add_column(name, justify="left" if name == "type" else "right")
        for label, m in res["by_label"].items():
            labels.add_row(escape(label), *_prf(m), str(m["tp"]), str(m["support"]), str(m["predicted"]))
        console.print(labels)

    if res["expectations"] or res["skipped"]:
        held = Table(title="PETRARCH expectations held", title_justify="left")
        for name in ("expect", "held", "total", "share"):
            held.add_column(name, justify="left" if name == "expect" else "right")
        for kind, tally in res["expectations"].items():
            share = _num(tally["held"] / tally["total"]) if tally["total"] else "—"
            held.add_row(kind, str(tally["held"]), str(tally["total"]), share)
        console.print(held)
        if res["skipped"]:
            ids = ", ".join(f"{s['id']} ({s['expect']})" for s in res["skipped"])
            console.print(f"[dim]skipped (error/unspecified): {escape(ids)}[/dim]", soft_wrap=True)


def render_event_errors(console: Console, found: list[dict[str, Any]], limit: int | None) -> None:
    for e in error_sections(console, found, _TITLES, limit):
        console.print(f"  [dim]{escape(e['sentence'])}[/dim]")
        console.print(f"    {escape(e['text'])}")
        if e["gold"]:
            console.print(f"    [dim]gold:[/dim] {escape(_triple(e['gold']))}")
        if e["predicted"]:
            p = e["predicted"]
            words = " · ".join(
                escape(str(p[k])) for k in ("source_text", "trigger", "target_text") if p.get(k)
            )
            console.print(
                f"    [dim]predicted:[/dim] {escape(_triple(p))} "
                f"[dim]({escape(str(p.get('code') or '?'))}{': ' + words if words else ''})[/dim]"
            )


def _triple(t: dict[str, Any]) -> str:
    return f"{t['source'] or '?'} → {t['target'] or '—'} {t['type']}"


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _prf(m: dict[str, Any]) -> list[str]:
    return [_num(m["p"]), _num(m["r"]), _num(m["f1"])]
