"""Fixtures for the dashboard tests: the bundled sample logs imported once
per session into a store (posting / harlequin style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import ROOT, build_store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """sample_logs/ imported and recomputed, once per session (read only)."""
    path = tmp_path_factory.mktemp("tui") / "sample.duckdb"
    build_store(path, [ROOT / "sample_logs"])
    # The import ledger records the wall clock and absolute paths: pin them
    # so that the Imports snapshot is the same on every run and machine.
    import duckdb

    con = duckdb.connect(str(path))
    try:
        con.execute(
            "UPDATE imports SET imported_at = TIMESTAMPTZ '2026-11-20 18:00:00+00' + import_id * INTERVAL 1 MINUTE, "
            "file = replace(file, ?, '')",
            [str(ROOT) + "/"],
        )
        con.execute("UPDATE rejects SET file = replace(file, ?, '')", [str(ROOT) + "/"])
    finally:
        con.close()
    return path


@pytest.fixture
def empty_store(tmp_path, monkeypatch) -> Path:
    """A new, empty store named by $FLEXDASH_DB: the empty-store guide then
    shows the import command without a path, the same on every machine."""
    from app import store

    path = tmp_path / "empty.duckdb"
    store.connect_write(path).close()
    monkeypatch.setenv("FLEXDASH_DB", str(path))
    return path


@pytest.fixture(autouse=True)
def no_budgets(tmp_path, monkeypatch):
    """The Alerts pane reads the admin's budgets file: an empty one here,
    so no machine's own file changes a snapshot."""
    path = tmp_path / "budgets.toml"
    path.write_text("")
    monkeypatch.setenv("FLEXDASH_CONFIG", str(path))
