"""`flexdash tui`: bad arguments from an admin get a message and exit 2,
never a traceback (and never open the dashboard)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.tui.helpers import ROOT


def flexdash(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--warn-below", "150"], "between 0 and 100"),
        (["--refresh", "soon"], "not a number of seconds"),
        (["--as-of", "yesterday-ish"], "not an instant"),
        (["--since", "2026-11-30", "--until", "2026-11-01"], "is after --until"),
        (["--since", "30/11/2026"], "not a date"),
        (["--theme", "nosuch"], "unknown theme"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(tmp_path, args, message):
    result = flexdash("tui", "--db", str(tmp_path / "s.duckdb"), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_theme_names_the_nearest_and_every_theme(tmp_path):
    result = flexdash("tui", "--db", str(tmp_path / "s.duckdb"), "--theme", "nord-dark")
    assert result.returncode == 2
    suggestion = result.stderr.split("did you mean ")[1].split("?")[0]
    assert "nord" in suggestion.split(" or ")
    # every theme the palette offers, among them the built-in ones
    for theme in ("textual-dark", "textual-light", "nord", "gruvbox", "dracula"):
        assert theme in result.stderr


def test_the_dashboard_refuses_to_draw_into_a_pipe(tmp_path):
    from app import store

    store.connect_write(tmp_path / "s.duckdb").close()  # a store that exists (else: no such store, exit 8)
    result = flexdash("tui", "--db", str(tmp_path / "s.duckdb"))  # stdin /dev/null, stdout a pipe
    assert result.returncode == 2
    assert "file or a pipe" in result.stderr and "flexdash report" in result.stderr
    assert "\x1b[" not in result.stdout  # nothing drawn


def test_a_global_db_before_the_command_is_the_commands_store(tmp_path):
    from app import store

    db = tmp_path / "s.duckdb"
    store.connect_write(db).close()
    result = flexdash("--db", str(db), "report", "rejects", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("file,")
    bare = flexdash("--db", str(db))  # no command: the dashboard, on that store
    assert "file or a pipe" in bare.stderr
