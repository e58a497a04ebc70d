"""`flexdash recompute [--as-of]` (R4): through the CLI entry point."""

from __future__ import annotations

from app import store as store_mod
from app.cli import main
from tests.engine.builder import Builder
from tests.engine.conftest import work


def test_recompute_command_as_of_and_bad_instant(db_path, capsys):
    con = store_mod.connect_write(db_path)
    b = Builder(con)
    b.pack("P", "T1", 100, "2026-01-01")
    work(b, "mon", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(b, "tue", "ann", "ACAD", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
    b.flush()  # the builder imports its rows through the importer
    con.close()

    assert main(["recompute", "--db", str(db_path), "--as-of", "2026-03-02T12:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "as of 2026-03-02T12:00:00Z" in out and "1 charges" in out
    assert main(["recompute", "--db", str(db_path), "--as-of", "2026-03-04"]) == 0
    assert "2 charges" in capsys.readouterr().out

    con = store_mod.connect_read(db_path)
    try:
        runs = con.execute("SELECT charges FROM engine_runs ORDER BY run_id").fetchall()
    finally:
        con.close()
    assert runs == [(1,), (2,)]

    assert main(["recompute", "--db", str(db_path), "--as-of", "last tuesday"]) == 2
    err = capsys.readouterr().err
    assert "not an instant" in err and "Traceback" not in err
