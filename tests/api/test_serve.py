"""``wirewatch serve``: the settings it starts the app with, and one-line errors."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from wirewatch.api.deps import ServeSettings
from wirewatch.cli import app
from wirewatch.store import Store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def database(api_store: Store) -> str:
    return api_store.url


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What uvicorn would have been asked to run (it is not started)."""
    seen: dict[str, Any] = {}

    def run(application: Any, **options: Any) -> None:
        seen["app"], seen["options"] = application, options

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv("WIREWATCH_API_TOKEN", raising=False)
    monkeypatch.delenv("WIREWATCH_READ_TOKEN", raising=False)
    return seen


def test_serve_prints_the_url_and_runs_the_app(database: str, started: dict[str, Any]) -> None:
    port = free_port()
    result = CliRunner().invoke(
        app,
        ["serve", "--db", database, "--port", str(port), "--host", "127.0.0.1"],
        env={"WIREWATCH_API_TOKEN": "w", "WIREWATCH_READ_TOKEN": "r"},
    )
    assert result.exit_code == 0, result.output
    assert f"at http://127.0.0.1:{port}/" in result.stdout and "writing: enabled" in result.stdout
    assert started["options"] == {"host": "127.0.0.1", "port": port, "log_level": "info"}
    settings: ServeSettings = started["app"].state.serve_settings
    assert (settings.write_token, settings.read_token) == ("w", "r")


def test_serve_reads_the_write_token_from_a_file(
    database: str, started: dict[str, Any], tmp_path: Path
) -> None:
    token = tmp_path / "token"
    token.write_text("from-file\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["serve", "--db", database, "--port", str(free_port()), "--token-file", str(token)]
    )
    assert result.exit_code == 0, result.output
    assert started["app"].state.serve_settings.write_token == "from-file"
    assert started["app"].state.serve_settings.read_token is None


def test_serve_without_a_token_says_writing_is_disabled(database: str, started: dict[str, Any]) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", database, "--port", str(free_port())])
    assert result.exit_code == 0, result.output
    assert "writing: disabled (set WIREWATCH_API_TOKEN)" in result.stdout
    assert started["app"].state.serve_settings.write_token is None


def test_serve_errors_are_one_line(database: str, started: dict[str, Any], tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        cases = [
            (["--port", "70000"], "--port 70000: not a port (1 to 65535)"),
            (["--host", "no-such-host.invalid"], "--host no-such-host.invalid: not an address to listen on"),
            (["--port", str(port)], f"--host 127.0.0.1 --port {port}: cannot listen there"),
            (
                ["--port", str(free_port()), "--token-file", str(tmp_path / "none")],
                f"--token-file {tmp_path / 'none'}: cannot read",
            ),
        ]
        empty = tmp_path / "empty"
        empty.write_text("\n", encoding="utf-8")
        cases.append(
            (
                ["--port", str(free_port()), "--token-file", str(empty)],
                f"--token-file {empty}: the file is empty",
            )
        )
        for args, message in cases:
            result = CliRunner().invoke(app, ["serve", "--db", database, *args])
            assert result.exit_code == 2, (args, result.output)
            assert result.output.replace("\n", "").startswith(f"error: {message}"), result.output
            assert "Traceback" not in result.output
    missing = f"sqlite:///{tmp_path / 'missing.db'}"
    result = CliRunner().invoke(app, ["serve", "--db", missing, "--port", str(free_port())])
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "missing.db").exists()
    assert "app" not in started
