"""The HTML pages, and ``/network.json`` behind the network page.

Every parameter is read as text and checked here, so that a malformed one gets a page
saying what is wrong (422) rather than a JSON error; an unknown id gets a 404 page. The
error handler is for :class:`PageError` only: the JSON API under ``/api`` keeps its own.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from wirewatch.api.deps import get_store
from wirewatch.store import Store
from wirewatch.store.queries import KINDS, Filters, QueryError, speakers, stories
from wirewatch.web import data

_HERE = resources.files("wirewatch.web")
templates = Jinja2Templates(directory=str(_HERE / "templates"))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

StoreDep = Annotated[Store, Depends(get_store)]


class PageError(Exception):
    """A page cannot be shown: ``status`` 404 (no such thing) or 422 (a malformed parameter)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")
    app.include_router(router)
    app.add_exception_handler(PageError, _page_error)  # type: ignore[arg-type]


async def _page_error(request: Request, err: PageError) -> Response:
    if request.url.path.endswith(".json"):
        return JSONResponse({"detail": err.message}, status_code=err.status)
    title = "Not found" if err.status == 404 else "Bad request"
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "message": err.message, "status": err.status}, err.status
    )


def _id(value: str, what: str) -> int:
    if not re.fullmatch(r"[0-9]{1,18}", value):
        raise PageError(422, f"{what} id {value!r}: not a number")
    return int(value)


def _filters(**values: str | None) -> Filters:
    cleaned = {k: (v.strip() or None) if v is not None else None for k, v in values.items()}
    try:
        return Filters(**cleaned)
    except QueryError as err:
        raise PageError(422, str(err).lstrip("-")) from err


def _link(path: str, params: dict[str, str | None]) -> str:
    kept = {k: v for k, v in params.items() if v}
    return f"{path}?{urlencode(kept)}" if kept else path


@router.get("/favicon.ico", response_class=Response)
def favicon() -> Response:
    """Browsers ask for it whatever the page says: the same small SVG as the pages link."""
    icon = (_HERE / "static" / "favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@router.get("/")
@router.get("/search")
def search_page(
    request: Request,
    store: StoreDep,
    q: str = "",
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
) -> Response:
    filters = _filters(speaker=speaker, outlet=outlet, since=since, until=until, kind=kind)
    current = {"q": q.strip(), "speaker": filters.speaker, "outlet": filters.outlet}
    current |= {"since": filters.since, "until": filters.until, "kind": filters.kind}
    context: dict[str, Any] = {"current": current, "kinds": KINDS}
    if not any(current.values()):
        context |= {
            "title": "Search",
            "counts": store.counts(),
            "top_speakers": speakers(store, limit=15),
            "top_stories": data.with_first_articles(store, stories(store, limit=8, min_outlets=2)),
        }
        return templates.TemplateResponse(request, "home.html", context)
    try:
        result = data.search(store, q, filters)
    except QueryError as err:
        raise PageError(422, str(err)) from err
    facet_links: dict[str, list[tuple[str, int, str, bool]]] = {}
    for name, counts in result.facets.items():
        links = []
        for value, count in counts:
            if name == "month":
                change = {"since": value, "until": value} if value != data.UNDATED else None
                active = filters.since == value and filters.until == value
            else:
                change = {name: value}
                active = current.get(name) == value
            href = _link("/search", current | change) if change else ""
            links.append((value, count, href, active))
        facet_links[name] = links
    chips = [
        (name, value, _link("/search", current | ({name: None}))) for name, value in current.items() if value
    ]
    if filters.since and filters.since == filters.until:
        chips = [c for c in chips if c[0] not in ("since", "until")]
        drop = _link("/search", current | {"since": None, "until": None})
        chips.append(("month", filters.since, drop))
    context |= {
        "title": f"Search: {q.strip()}" if q.strip() else "Statements",
        "result": result,
        "facets": facet_links,
        "chips": [c for c in chips if c[0] != "q"],
    }
    return templates.TemplateResponse(request, "search.html", context)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    view = data.article(store, _id(article_id, "article"))
    if view is None:
        raise PageError(404, f"article {article_id}: no such article in this store")
    title = view.title or f"Article {view.id}"
    return templates.TemplateResponse(request, "article.html", {"title": title, "a": view})


@router.get("/speakers/{speaker_id}")
def speaker_page(request: Request, store: StoreDep, speaker_id: str) -> Response:
    view = data.speaker(store, _id(speaker_id, "speaker"))
    if view is None:
        raise PageError(404, f"speaker {speaker_id}: no such speaker in this store")
    return templates.TemplateResponse(
        request,
        "speaker.html",
        {"title": view.name, "sp": view, "chart": (data.CHART_WIDTH, data.CHART_HEIGHT)},
    )


@router.get("/actors/{code}")
def actor_page(request: Request, store: StoreDep, code: str) -> Response:
    if not re.fullmatch(r"[A-Za-z]{3,40}", code):
        raise PageError(422, f"actor {code!r}: not a CAMEO actor code (letters, e.g. IRN or RUSMIL)")
    view = data.actor(store, code.upper())
    if view is None:
        raise PageError(404, f"actor {code}: no event in this store has it as source or target")
    return templates.TemplateResponse(request, "actor.html", {"title": view.label, "ac": view})


@router.get("/network")
def network_page(
    request: Request,
    store: StoreDep,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    filters = _filters(since=since, until=until)
    graph = data.network(store, filters)
    params = {"since": filters.since, "until": filters.until}
    context = {
        "title": "Network",
        "graph": graph,
        "sample": f"{data.NETWORK_SAMPLE:,}",
        "labels": {node.key: node.label for node, _ in graph.nodes},
        "urls": {node.key: node.url for node, _ in graph.nodes},
        "json_url": _link("/network.json", params),
        "current": params,
    }
    return templates.TemplateResponse(request, "network.html", context)


@router.get("/network.json", response_class=JSONResponse)
def network_json(store: StoreDep, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    graph = data.network(store, _filters(since=since, until=until))
    return {
        "nodes": [
            {"id": n.key, "label": n.label, "type": n.type, "url": n.url, "weight": degree}
            for n, degree in graph.nodes
        ],
        "edges": [
            {"id": f"{e.kind}:{e.source}->{e.target}", "source": e.source, "target": e.target}
            | {"kind": e.kind, "weight": e.weight}
            for e in graph.edges
        ],
    }
