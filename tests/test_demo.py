"""`flexdash demo`: a fresh demo store from a sample folder, the balances
when there is no terminal, and never a store that is not a demo's."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import demo, store
from app.cli import main
from app.errors import UnreadableInput
from app.generate.synthetic import Plan, generate


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    generate(Plan(users=8, days=7, seed=5), out)
    return out


def test_demo_imports_and_prints_balances_without_a_terminal(tiny, tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db), "--samples", str(tiny), "--as-of", "2026-11-21T00:00:00Z"]) == 0
    out = capsys.readouterr().out
    assert "0 rejected" in out and f"demo store: {db}" in out
    assert "architecture" in out  # the balances table lists the generated teams
    assert db.exists()


def test_demo_rebuilds_its_store_fresh_each_time(tiny, tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    for _ in range(2):
        assert main(["demo", "--no-tui", "--db", str(db), "--samples", str(tiny)]) == 0
        out = capsys.readouterr().out
        # a fresh store: the files are imported again, not skipped as known
        assert "already imported" not in out and " 0 duplicates" in out


def test_demo_never_deletes_a_store_it_did_not_make(tiny, tmp_path, capsys):
    db = tmp_path / "real.duckdb"
    store.connect_write(db).close()
    before = db.read_bytes()
    assert main(["demo", "--no-tui", "--db", str(db), "--samples", str(tiny)]) == 2
    assert "not a demo store" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_default_store_is_under_the_data_dir_not_flexdash_db(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("FLEXDASH_DB", str(tmp_path / "real.duckdb"))
    assert demo.demo_db_path() == tmp_path / "flexdash" / "demo.duckdb"


def test_missing_sample_folder_is_said_clearly(monkeypatch):
    def absent(name):
        raise FileNotFoundError(name)

    monkeypatch.setattr(demo, "resource_dir", absent)
    with pytest.raises(UnreadableInput, match="not installed"):
        demo.samples_dir(None)
    with pytest.raises(UnreadableInput, match="no such folder"):
        demo.samples_dir("/nonexistent/folder")


def test_bundled_sample_logs_are_found_in_a_checkout():
    assert (demo.samples_dir(None) / "README.md").is_file()


def test_demo_opens_as_of_the_end_of_its_samples_whatever_the_clock(tmp_path, capsys, monkeypatch):
    """Run half a year after the samples end (2026-11-20), the demo is still
    as of 2026-11-21T00:00:00Z (R4): its burn is not 0 and its packs are
    the samples' own. survey's pack (300 tokens, bought 2025-12-20, no user)
    expires 2026-12-20, within 90 days: 300 tokens expiring, runway empty."""
    from datetime import UTC, datetime

    monkeypatch.setattr(demo, "now_utc", lambda: datetime(2027, 6, 1, tzinfo=UTC))
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--no-tui", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "as of the end of the sample data, 2026-11-21T00:00:00Z" in out
    assert f"FLEXDASH_DB={db} flexdash report balances --as-of 2026-11-21T00:00:00Z" in out
    survey = next(line for line in out.splitlines() if "survey" in line).split()
    # team, balance, burn 30 d, runway (none without burn), next expiry, expiring <= 90 d
    assert survey == ["survey", "300", "0", "—", "2026-12-20", "300"]
    architecture = next(line for line in out.splitlines() if line.strip().startswith("architecture")).split()
    assert architecture[2] != "0"  # burn in the 30 days up to the samples' end


def test_demo_help_names_the_demo_store():
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "app", "demo", "--help"], cwd=root, capture_output=True, text=True, timeout=60
    )
    text = " ".join(result.stdout.split())
    assert "demo.duckdb" in text and "$FLEXDASH_DB is never used" in text
