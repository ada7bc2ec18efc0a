"""The JSON API under ``/api``: read the store, and add an article to it.

Reads (``GET``) list and show articles, statements, speakers, events and syndication
groups. Every listing is paginated by cursor: ``?limit=`` items per page (the server's
``page_size`` by default, at most its ``max_page_size``) and the ``next_cursor`` of the
previous page as ``?cursor=``; the answer is ``{"items": [...], "next_cursor": ...}``,
``next_cursor`` null on the last page. Pages are cut by key (the sort key of the last item
shown), except full-text searches (``q``), ordered by relevance, whose cursor is the
offset in the ranked list (see ``wirewatch.store.queries``).

``POST /api/articles`` runs the pipeline on one article and stores it as ``wirewatch
ingest`` does. It needs ``Authorization: Bearer <write token>``; when the server has a
read token, every read needs ``Authorization: Bearer`` with it (or the write token) too.

Every error answers ``{"detail": "<one line>"}``: 401 (token missing or wrong), 403
(writing disabled), 404 (no such id), 413 (body too big), 422 (a parameter, cursor or
body that cannot be used, named in the message).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError

from wirewatch.api import models
from wirewatch.api.deps import ServeSettings, get_settings, get_store
from wirewatch.errors import InputError, StoreError
from wirewatch.ingest.decoding import format_size
from wirewatch.store import Store
from wirewatch.store import queries as q
from wirewatch.store.store import Outcome


class _ApiRoute(APIRoute):
    """Answers the errors of every ``/api`` route as ``{"detail": "<one line>"}``."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            for name, value in request.query_params.multi_items():
                if "\x00" in value:
                    return _problem(422, f"{name}: contains a NUL character")
            try:
                return await handler(request)
            except q.NotFound as err:
                return _problem(404, str(err))
            except q.QueryError as err:
                # The store's messages name CLI options (--since); here they are parameters.
                return _problem(422, str(err).removeprefix("--"))
            except RequestValidationError as err:
                return _problem(422, _validation_message(err.errors()))

        return answer


def _problem(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _validation_message(errors: Any) -> str:
    """FastAPI's list of errors as one line: ``limit 'abc': Input should be a valid integer``."""
    parts = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
        name = ".".join(loc) or "body"
        message = str(error.get("msg", "not valid")).removeprefix("Value error, ")
        given = error.get("input")
        if isinstance(given, str | int) and not isinstance(given, bool) and loc:
            parts.append(f"{name} {str(given)[:60]!r}: {message}")
        else:
            parts.append(f"{name}: {message}")
    return "; ".join(parts) or "the request is not valid"


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": models.Problem, "description": "No token, or the wrong one (when reads need one)"},
    422: {"model": models.Problem, "description": "A parameter or cursor that cannot be used"},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Problem, "description": "No such id"}}

router = APIRouter(prefix="/api", route_class=_ApiRoute, responses=_ERRORS)

# -- authorisation ---------------------------------------------------------------------------

_bearer = HTTPBearer(
    auto_error=False,
    description="The write token (WIREWATCH_API_TOKEN) for POST /api/articles; for reads, the "
    "read token (WIREWATCH_READ_TOKEN) when the server has one.",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
Settings = Annotated[ServeSettings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]


def _matches(credentials: HTTPAuthorizationCredentials | None, token: str | None) -> bool:
    if credentials is None or not token:
        return False
    return secrets.compare_digest(credentials.credentials.encode(), token.encode())


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def require_read(settings: Settings, credentials: Credentials) -> None:
    """Reads are open unless the server has a read token; then it (or the write token) is needed."""
    if not settings.read_token:
        return
    if _matches(credentials, settings.read_token) or _matches(credentials, settings.write_token):
        return
    if credentials is None:
        raise _unauthorized("reading needs a token: send Authorization: Bearer <token>")
    raise _unauthorized("the bearer token is not valid for reading")


def require_write(settings: Settings, credentials: Credentials) -> None:
    if not settings.write_token:
        raise HTTPException(403, "writing is disabled: set WIREWATCH_API_TOKEN")
    if credentials is None:
        raise _unauthorized("writing needs a token: send Authorization: Bearer <token>")
    if not _matches(credentials, settings.write_token):
        raise _unauthorized("the bearer token is not valid for writing")


Readable = [Depends(require_read)]

# -- parameters shared by the listings ------------------------------------------------------

# Ids fit a 64-bit integer column; a larger number is an error, not a server failure.
MAX_ID = 2**63 - 1
_DATE = "YYYY, YYYY-MM or YYYY-MM-DD"


def paging(
    settings: Settings,
    limit: Annotated[
        int | None,
        Query(ge=1, description="Items per page (default: the server's page size, 50; at most 200)"),
    ] = None,
    cursor: Annotated[
        str | None, Query(description="The next_cursor of the previous page (opaque)", max_length=2000)
    ] = None,
) -> tuple[int, str | None]:
    if limit is None:
        return settings.page_size, cursor
    if limit > settings.max_page_size:
        raise HTTPException(422, f"limit {limit}: at most {settings.max_page_size} items per page")
    return limit, cursor


Paging = Annotated[tuple[int, str | None], Depends(paging)]
Outlet = Annotated[str | None, Query(description="Outlet name or host (any case)", max_length=300)]
Since = Annotated[str | None, Query(description=f"Published on or after ({_DATE})")]
Until = Annotated[str | None, Query(description=f"Published on or before ({_DATE})")]
Search = Annotated[
    str | None,
    Query(
        description="Full-text search: every word must match; results best first (cursor: offset)",
        max_length=500,
    ),
]


def _page(model: type[Any], page: q.Page[Any]) -> dict[str, Any]:
    return {"items": [model.model_validate(item) for item in page.items], "next_cursor": page.next_cursor}


# -- articles -----------------------------------------------------------------------------------


@router.get("/articles", response_model=models.Page[models.ArticleSummary], dependencies=Readable)
def list_articles(
    store: StoreDep,
    paging: Paging,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    q_: Annotated[
        str | None,
        Query(
            alias="q",
            description="Full-text search over title and text: every word must match; best first "
            "(the cursor is then the offset in the ranked list)",
            max_length=500,
        ),
    ] = None,
    group: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this syndication group")] = None,
) -> dict[str, Any]:
    """Articles, newest first (undated last); with ``q``, the best matches first."""
    limit, cursor = paging
    filters = q.Filters(None, outlet, since, until)
    return _page(models.ArticleSummary, q.list_articles(store, filters, q_, group, limit, cursor))


@router.get(
    "/articles/{article_id}",
    response_model=models.ArticleDetail,
    dependencies=Readable,
    responses=_NOT_FOUND,
)
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One article: its text, statements and events (spans into the text), its syndication group."""
    return models.ArticleDetail.model_validate(q.get_article(store, article_id))


# -- statements ---------------------------------------------------------------------------------


@router.get("/statements", response_model=models.Page[models.Statement], dependencies=Readable)
def list_statements(
    store: StoreDep,
    paging: Paging,
    speaker: Annotated[str | None, Query(description="Speaker's canonical name (any case)")] = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Speaker's id")] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    q_: Annotated[
        str | None,
        Query(
            alias="q",
            description="Full-text search over the words said and the speaker's mention; best first "
            "(the cursor is then the offset in the ranked list)",
            max_length=500,
        ),
    ] = None,
    kind: Annotated[
        str | None, Query(description="direct, indirect, mixed or headline", max_length=20)
    ] = None,
) -> dict[str, Any]:
    """Statements, newest article first and in text order within an article; with ``q``, best first."""
    limit, cursor = paging
    filters = q.Filters(speaker, outlet, since, until, kind)
    page = q.list_statements(store, filters, q_, speaker_id, limit, cursor)
    return _page(models.Statement, page)


@router.get(
    "/statements/{statement_id}",
    response_model=models.Statement,
    dependencies=Readable,
    responses=_NOT_FOUND,
)
def get_statement(store: StoreDep, statement_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One statement, with its spans into its article's text."""
    return models.Statement.model_validate(q.get_statement(store, statement_id))


# -- speakers -------------------------------------------------------------------------------


@router.get("/speakers", response_model=models.Page[models.SpeakerSummary], dependencies=Readable)
def list_speakers(
    store: StoreDep,
    paging: Paging,
    q_: Annotated[
        str | None, Query(alias="q", description="Part of the name (any case)", max_length=500)
    ] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        str | None, Query(description="Count only statements of this kind", max_length=20)
    ] = None,
) -> dict[str, Any]:
    """Speakers, most quoted first: statements, articles, roles seen and outlets quoting them."""
    limit, cursor = paging
    filters = q.Filters(None, outlet, since, until, kind)
    return _page(models.SpeakerSummary, q.list_speakers(store, filters, q_, limit, cursor))


@router.get(
    "/speakers/{speaker_id}",
    response_model=models.SpeakerDetail,
    dependencies=Readable,
    responses=_NOT_FOUND,
)
def get_speaker(store: StoreDep, speaker_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One speaker, with statements per month (their statements: /api/statements?speaker_id=)."""
    return models.SpeakerDetail.model_validate(q.get_speaker(store, speaker_id))


# -- events ---------------------------------------------------------------------------------


@router.get("/events", response_model=models.Page[models.Event], dependencies=Readable)
def list_events(
    store: StoreDep,
    paging: Paging,
    actor: Annotated[
        str | None,
        Query(description="Source or target actor code, by prefix (IRN finds IRNGOV)", max_length=40),
    ] = None,
    code: Annotated[
        str | None, Query(description="CAMEO event code, by prefix (07, 072)", max_length=8)
    ] = None,
    modality: Annotated[
        str | None, Query(description="occurred, planned, denied or hypothetical", max_length=20)
    ] = None,
    outlet: Outlet = None,
    since: Annotated[
        str | None, Query(description=f"Event (else article) date on or after ({_DATE})")
    ] = None,
    until: Annotated[
        str | None, Query(description=f"Event (else article) date on or before ({_DATE})")
    ] = None,
    principal: Annotated[bool, Query(description="Only each sentence's main events")] = False,
) -> dict[str, Any]:
    """Coded events, newest first (by the event's date, else the article's)."""
    limit, cursor = paging
    filters = q.Filters(None, outlet, since, until)
    page = q.list_events(store, actor, code, filters, modality, limit, cursor, principal)
    return _page(models.Event, page)


@router.get("/events/{event_id}", response_model=models.Event, dependencies=Readable, responses=_NOT_FOUND)
def get_event(store: StoreDep, event_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One event, with its spans into its article's text."""
    return models.Event.model_validate(q.get_event(store, event_id))


# -- syndication groups ---------------------------------------------------------------------


@router.get("/groups", response_model=models.Page[models.GroupSummary], dependencies=Readable)
def list_groups(
    store: StoreDep,
    paging: Paging,
    min_size: Annotated[int, Query(ge=1, le=MAX_ID, description="Only groups of this many articles")] = 1,
) -> dict[str, Any]:
    """Syndication groups (one story, every copy of it), largest first, with their outlets."""
    limit, cursor = paging
    return _page(models.GroupSummary, q.list_groups(store, min_size, limit, cursor))


@router.get(
    "/groups/{group_id}", response_model=models.GroupDetail, dependencies=Readable, responses=_NOT_FOUND
)
def get_group(store: StoreDep, group_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One syndication group with every article in it, oldest first."""
    return models.GroupDetail.model_validate(q.get_group(store, group_id))


# -- writing --------------------------------------------------------------------------------


@router.post(
    "/articles",
    status_code=201,
    response_model=models.ArticleCreated,
    dependencies=[Depends(require_write)],
    responses={
        200: {"model": models.ArticleCreated, "description": "Already stored: the earlier article's id"},
        403: {"model": models.Problem, "description": "Writing is disabled (no write token set)"},
        409: {"model": models.Problem, "description": "Could not be stored (try again)"},
        413: {"model": models.Problem, "description": "The body is over the server's limit"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": models.ArticleIn.model_json_schema()}},
        }
    },
)
async def post_article(request: Request, response: Response, settings: Settings, store: StoreDep) -> Any:
    """Extract and store one article, as ``wirewatch ingest`` does: 201 when new, 200 when the
    same text (or URL) is already stored. Give ``text`` or ``html``, or only a ``url`` to fetch."""
    body = await _read_body(request, settings.max_body_bytes)
    try:
        given = models.ArticleIn.model_validate_json(body)
    except ValidationError as err:
        raise RequestValidationError(err.errors(include_url=False)) from None
    outcome = await run_in_threadpool(_store_article, request.app, store, given)
    location = f"/api/articles/{outcome.article_id}"
    if outcome.status == "duplicate":
        response.status_code = 200
    else:
        response.headers["Location"] = location
    return models.ArticleCreated(
        status=outcome.status,
        id=outcome.article_id,
        group_id=outcome.group_id,
        statements=outcome.statements,
        url=location,
    )


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to be over ``limit`` bytes."""
    too_big = HTTPException(413, f"request body is over the {format_size(limit)} limit")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(400, f"Content-Length {declared[:40]!r}: not a number")
        if int(declared) > limit:
            raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


# One article through the pipeline at a time: spaCy is not thread-safe, and the store has
# one writer. The extractor is made on first use (loading spaCy takes seconds) and kept.
_pipeline_lock = threading.Lock()


def _extractor(app: FastAPI) -> Any:
    from wirewatch.extract import Extractor
    from wirewatch.settings import Settings as PipelineSettings

    extractor = getattr(app.state, "extractor", None)
    if extractor is None:
        extractor = app.state.extractor = Extractor(PipelineSettings.from_env())
    return extractor


def _store_article(app: FastAPI, store: Store, given: models.ArticleIn) -> Outcome:
    """Blocking: fetch (for a bare URL), clean, extract, store; HTTPException for bad input."""
    from wirewatch.batch.ingest import process

    raw = _raw_document(given)
    with _pipeline_lock:
        # As ingest does: a body stored already is fingerprinted only, not extracted again.
        [result] = process([raw], _extractor(app), store.has_content)
        if isinstance(result, InputError):
            raise HTTPException(422, _input_problem(given, result))
        try:
            with store.writer() as writer:
                return writer.add(result.raw, result.extraction, result.fingerprint)
        except StoreError as err:
            raise HTTPException(409, f"the article could not be stored ({err.reason})") from None


def _raw_document(given: models.ArticleIn) -> Any:
    from wirewatch.ingest import RawDocument

    url = given.url.strip() if given.url and given.url.strip() else None
    if given.text or given.html:
        content = given.text or given.html or ""
        digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        text = given.text.replace("\r\n", "\n").replace("\r", "\n") if given.text else None
        return RawDocument(
            id=url or f"api:{digest}",
            source=url or f"api:{digest}",
            text=text,
            html=given.html,
            title=given.title,
            url=url,
            published=given.published,
            site_name=given.site_name,
        )
    assert url is not None  # ArticleIn requires text, html or url
    raw = _fetch(url)
    return replace(
        raw,
        title=given.title or raw.title,
        published=given.published or raw.published,
        site_name=given.site_name or raw.site_name,
    )


def _fetch(url: str) -> Any:
    from wirewatch.ingest.feeds import fetch_page, looks_like_feed
    from wirewatch.ingest.fetch import Fetcher, FetchSettings

    with Fetcher(FetchSettings(read_timeout=20, total_timeout=60, tries=2, min_interval=0)) as fetcher:
        raw = fetch_page(url, fetcher)
    if isinstance(raw, InputError):
        raise HTTPException(422, f"url {raw}")
    if looks_like_feed(raw.text or raw.html or ""):
        raise HTTPException(422, f"url {url}: a feed, not an article (post its entries one by one)")
    return raw


def _input_problem(given: models.ArticleIn, err: InputError) -> str:
    """``text: no article text left ...``: the field the article came from, and why not."""
    field = "text" if given.text else "html" if given.html else f"url {given.url}"
    return f"{field}: {err.reason}"
