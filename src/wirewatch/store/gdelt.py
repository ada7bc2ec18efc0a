"""``wirewatch export --format gdelt``: the events as a GDELT 2.0 style event table (TSV).

The first 61 columns are GDELT 2.0's event columns, in GDELT's order and formats, so that
tools written for GDELT read the file; what wirewatch does not know (geography, tone) is
left empty. Three columns follow that GDELT lacks: ``Modality`` (occurred, planned,
denied, hypothetical), ``ReportedBy`` (the speaker whose claim the event is) and
``PLOVER``. Dates are the event's own date when the text gives one, else the article's
publication date.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from wirewatch.errors import StoreError
from wirewatch.nlp.event_codes import packaged_table
from wirewatch.store import schema
from wirewatch.store.store import Store

_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    + ["NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL", "Modality", "ReportedBy", "PLOVER"]
)
# CAMEO's quad classes as GDELT numbers them.
_QUAD = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
# Blocks that are not countries: the first block of an international or transnational actor.
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "---"})
_PAGE = 1000


def export_gdelt(store: Store, path: Path, on_rows: Callable[[str, int], None] | None = None) -> Path:
    """Write every stored event to ``path`` (tab-separated, a header line); returns it.

    ``path`` is a folder (made if missing; the file is ``events.gdelt.tsv`` in it) unless it
    names a file with a suffix (``events.tsv``), as ``--output`` does for the other formats.
    """
    if path.is_dir() or not path.suffix:
        path = path / "events.gdelt.tsv"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f".{path.name}.part")
        with part.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(
                fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
            )
            writer.writerow(COLUMNS)
            for page in _pages(store):
                writer.writerows(page)
                if on_rows is not None:
                    on_rows("events", len(page))
        part.replace(path)
    except OSError as err:
        raise StoreError(str(path), f"cannot be written ({err.strerror or err})") from err
    return path


def _pages(store: Store) -> Iterator[list[list[Any]]]:
    reporter = aliased(schema.Statement)
    speaker = aliased(schema.Speaker)
    last = 0
    while True:
        stmt = (
            select(schema.Event, schema.Article, schema.SyndicationGroup.size, speaker.name)
            .join(schema.Article, schema.Article.id == schema.Event.article_id)
            .join(schema.SyndicationGroup, schema.SyndicationGroup.id == schema.Article.group_id)
            .outerjoin(
                reporter,
                (reporter.article_id == schema.Event.article_id)
                & (reporter.position == schema.Event.reported_by),
            )
            .outerjoin(speaker, speaker.id == reporter.speaker_id)
            .where(schema.Event.id > last)
            .order_by(schema.Event.id)
            .limit(_PAGE)
        )
        with store.session() as s:
            rows = s.execute(stmt).all()
        if not rows:
            return
        last = rows[-1][0].id
        yield [_row(event, article, size, reported_by) for event, article, size, reported_by in rows]


def _row(event: schema.Event, article: schema.Article, group_size: int, reported_by: str | None) -> list[Any]:
    day = _date(event.date) or _date(article.published)
    quad, goldstein = _scale(event.code)
    # GDELT's IsRootEvent: the event is in the article's lead (its first paragraph).
    first_break = article.text.find("\n\n", (article.headline_end or 0) + 2)
    is_root = int(first_break < 0 or event.trigger_start < first_break)
    row: list[Any] = [
        event.id,
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor(event.source_code, event.source_text),
        *_actor(event.target_code, event.target_text),
        is_root,
        event.code,
        event.code[:3],
        event.code[:2],
        quad,
        goldstein,
        1,  # mentions: this article's one sentence
        1,
        group_size,  # articles: every outlet that carried the story
        "",
        *[""] * (3 * len(_GEO)),
        article.ingested_at.strftime("%Y%m%d%H%M%S"),
        article.url or "",
        event.modality,
        reported_by or "",
        event.plover or "",
    ]
    return [_clean(v) for v in row]


def _actor(code: str | None, text: str | None) -> list[Any]:
    """Code, name, country, known group, ethnic, 2 religions, 3 types, from a CAMEO code."""
    if not code:
        return ["", (text or "").upper(), *[""] * 8]
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = blocks[0] if blocks[0] not in _NOT_COUNTRIES else ""
    group = blocks[1] if blocks[0] in ("IGO", "NGO", "IMG") and len(blocks) > 1 else ""
    types = [b for b in blocks[1:] if b != group][:3]
    return [code, (text or "").upper(), country, group, "", "", "", *[*types, "", "", ""][:3]]


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


@cache
def _scales() -> dict[str, tuple[int | str, str]]:
    table: dict[str, tuple[int | str, str]] = {}
    for row in packaged_table("cameo-codes.tsv"):
        table[row["code"]] = (_QUAD.get(row.get("quad_class", "").lower(), ""), row.get("goldstein", ""))
    return table


def _scale(code: str) -> tuple[int | str, str]:
    scales = _scales()
    for prefix in (code, code[:3], code[:2]):
        if prefix in scales:
            return scales[prefix]
    return "", ""


def _clean(value: Any) -> Any:
    """No tabs or line breaks inside a field: GDELT files have no quoting."""
    return " ".join(value.split()) if isinstance(value, str) else value
