"""What a route needs from the app: the store, and the settings it was started with."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from wirewatch.store import Store


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How ``wirewatch serve`` was started.

    ``write_token``: bearer token that ``POST /articles`` requires (None: writing is
    refused). ``read_token``: when set, every read needs it too.
    """

    write_token: str | None = None
    read_token: str | None = None
    max_body_bytes: int = 5 * 2**20
    page_size: int = 50
    max_page_size: int = 200


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def get_settings(request: Request) -> ServeSettings:
    return request.app.state.serve_settings  # type: ignore[no-any-return]
