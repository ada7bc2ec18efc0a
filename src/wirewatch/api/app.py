"""``create_app``: the FastAPI application behind ``wirewatch serve``.

The app holds one :class:`Store` (``app.state.store``) and its :class:`ServeSettings`
(``app.state.serve_settings``). JSON routes live under ``/api`` (``wirewatch.api.routes``),
HTML pages at the root (``wirewatch.web.pages``); every asset, Swagger UI's included, is
served by the app itself.
"""

from __future__ import annotations

from fastapi import FastAPI

from wirewatch import __version__
from wirewatch.api.deps import ServeSettings
from wirewatch.store import Store


def create_app(store: Store, settings: ServeSettings | None = None) -> FastAPI:
    app = FastAPI(
        title="wirewatch",
        version=__version__,
        description="Who said what, and who did what to whom, in the news: statements and events with "
        "offsets into the stored article text.",
        docs_url=None,  # served below with local assets, not a CDN
        redoc_url=None,
    )
    app.state.store = store
    app.state.serve_settings = settings or ServeSettings()
    _mount_routes(app)
    return app


def _mount_routes(app: FastAPI) -> None:
    # Imported here so that a part still being built does not stop the rest from serving.
    from wirewatch.api import docs, routes

    app.include_router(routes.router)
    docs.mount(app)
    try:
        from wirewatch.web import pages
    except ImportError:  # pragma: no cover - the pages are optional while being built
        return
    pages.mount(app)
