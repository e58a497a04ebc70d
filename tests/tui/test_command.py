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
