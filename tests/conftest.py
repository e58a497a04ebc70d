"""Shared fixtures: a fresh store per test, the repository's folders."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's own store lives (not created yet)."""
    return tmp_path / "store.duckdb"


@pytest.fixture
def store(db_path: Path):
    """A fresh, migrated store opened for writing; closed after the test."""
    from app import store as store_mod

    con = store_mod.connect_write(db_path)
    yield con
    con.close()


@pytest.fixture
def sample_logs() -> Path:
    return ROOT / "sample_logs"
