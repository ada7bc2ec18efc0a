"""The HTTP layer: one FastAPI app serving the JSON API (``/api/...``) and the web pages."""

from wirewatch.api.app import create_app

__all__ = ["create_app"]
