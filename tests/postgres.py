"""A real PostgreSQL server for the tests, started from Debian's binaries in a temp folder.

``postgres_server`` starts one server per test session (initdb + pg_ctl on a free port,
trust auth on 127.0.0.1, data in a temp folder) and stops it at the end; each test that
asks for ``postgres_url`` gets a new empty database on it. When no server binary is on the
machine the tests that need one are skipped, saying so (``.ci/run`` installs it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL (no database) of a running server: ``postgresql+psycopg://...:port``."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server binary (initdb, pg_ctl): apt-get install postgresql")
    # The server refuses to run as root; run it as the postgres user Debian's package makes.
    user = "postgres" if os.geteuid() == 0 else None
    home = Path(tempfile.mkdtemp(prefix="wirewatch-pg-"))
    data, log = home / "data", home / "server.log"
    if user:
        shutil.chown(home, user)
    port = _free_port()
    subprocess.run(
        [initdb, "-D", str(data), "-U", "wirewatch", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
        check=True, capture_output=True, user=user,
    )  # fmt: skip
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
        check=True, capture_output=True, user=user,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://wirewatch@127.0.0.1:{port}"
    finally:
        subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True, user=user)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new empty database on the test server."""
    import psycopg

    name = f"test_{uuid.uuid4().hex[:12]}"
    plain = postgres_server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{plain}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{postgres_server}/{name}"
