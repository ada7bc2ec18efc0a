"""Alembic environment: migrations run on the connection the Store hands over.

The Store calls ``alembic.command.upgrade`` with ``config.attributes["connection"]`` set,
so a migration always runs inside the Store's own engine (SQLite or PostgreSQL). Run from
the command line, ``alembic -x url=sqlite:///wirewatch.db upgrade head`` works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from wirewatch.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as connection:
        _run(connection)


def _ours(name: str | None, type_: str, _parent: object) -> bool:
    """What autogenerate compares: not the full-text tables the migrations make by hand."""
    return not (type_ == "table" and name is not None and "_fts" in name)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=_ours,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
