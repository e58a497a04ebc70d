"""Names are data on the command line (issue 13): the import summary and its
warnings, `report rejects`, `explain` and its unknown-name message show
hostile names (tests/hostile.py) as plain characters."""

from __future__ import annotations

import pytest

from app.cli import main
from tests import hostile
from tests.hostile_store import SHORT, build_hostile_store, write_hostile_inputs

AS_OF = "2026-11-21T00:00:00Z"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return build_hostile_store(folder / "store.duckdb", folder / "in")


def test_import_summary_and_warnings_show_the_file_name_as_text(tmp_path, capsys):
    folder = tmp_path / "in"
    files = write_hostile_inputs(folder)
    # an extra column whose name is hostile: named in a warning
    events = files[2]
    lines = events.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",x\x1b]0;t\x07" + "y" * 100_000] + [line + ",1" for line in lines[1:]]
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "s.duckdb"), str(folder)]) == 3  # one line rejected
    out, err = capsys.readouterr()
    hostile.assert_safe(out)
    hostile.assert_safe(err, max_chars=2_000)
    assert "ev\\x1b[2J[bold red]\\u202e\\u200b.csv: events, 21 rows: 20 accepted, 0 duplicates, 1 rejected" in out
    assert "x\\x1b]0;t\\x07yyy" in err and "…" in err


def test_report_rejects_shows_file_reason_and_raw_as_text(hostile_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["report", "rejects", "--db", str(hostile_db), "--as-of", AS_OF]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    hostile.assert_safe(out)
    assert "ev\\x1b[2J[bold red]\\u202e\\u200b.csv" in out
    assert "malformed timestamp 2026-11-12T0\\x1b[2J\\u202e" in out
    assert "2026-11-12T0\\x1b[2J\\u202e,login,s-bad,a\\x1b[2Jb" in out


@pytest.mark.parametrize("name", [n for n in SHORT if n != hostile.ZERO_WIDTH])
def test_explain_shows_names_as_text(hostile_db, name, capsys):
    # each hostile name is a user, team, product and device of its own sessions
    assert main(["explain", name, name, "--db", str(hostile_db), "--as-of", AS_OF]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    hostile.assert_safe(out)
    shown = hostile.shown_as(name)
    assert out.startswith(f"Why {shown} was charged for {shown}")
    assert f"to {shown} (rate 7" in out  # the team charged
    assert f"on {shown}, version 2024" in out  # the device


def test_explain_huge_user_is_cut(hostile_db, capsys):
    product = hostile.ZERO_WIDTH  # the 100 KB user's product kept its own name
    assert main(["explain", hostile.HUGE, product, "--db", str(hostile_db), "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    hostile.assert_safe(out)
    assert out.startswith("Why " + "t" * 79 + "… was charged for ad\\u200bmin")


def test_unknown_user_message_shows_names_as_text(hostile_db, capsys):
    assert main(["explain", "a\x1b[2Jc", "x", "--db", str(hostile_db), "--as-of", AS_OF]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("flexdash: unknown user 'a\\x1b[2Jc': this store has never seen it; did you mean a\\x1b[2Jb?\n")
