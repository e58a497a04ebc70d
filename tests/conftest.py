"""Shared fixtures: a fresh store per test, the repository's folders."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's own store lives (not created yet)."""
    return tmp_path / "store.duckdb"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    """A new store as `flexdash import` creates it (migrated, shipped
    reference data, views), made once per session and never written to."""
    from app import store as store_mod

    path = tmp_path_factory.mktemp("template") / "store.duckdb"
    store_mod.connect_write(path).close()
    return path


@pytest.fixture
def store(db_path: Path, template_store: Path):
    """A fresh, migrated store opened for writing; closed after the test.
    A copy of the template: preparing a new store each time (migrations,
    reference data, views) is most of a small test's time."""
    import duckdb

    from app import store as store_mod

    shutil.copyfile(template_store, db_path)
    db_path.chmod(0o600)
    con = duckdb.connect(str(db_path))
    store_mod.configure(con)
    yield con
    con.close()


@pytest.fixture
def sample_logs() -> Path:
    return ROOT / "sample_logs"


SAMPLE_FIRM_AS_OF = datetime(2026, 11, 21, tzinfo=UTC)  # the day after the sample logs end


@pytest.fixture(scope="session")
def sample_firm_template(tmp_path_factory) -> tuple[Path, list]:
    """sample_logs/ imported in one call, as `flexdash demo` does, and
    charged as of SAMPLE_FIRM_AS_OF; with the import's results. Made once per
    session and never written to: tests use copies (tests/stores.py)."""
    from app import store as store_mod
    from app.engine import recompute
    from tests.stores import import_into

    path = tmp_path_factory.mktemp("sample_firm") / "store.duckdb"
    con = store_mod.connect_write(path)
    try:
        results = import_into(con, [ROOT / "sample_logs"])
        recompute(con, SAMPLE_FIRM_AS_OF)
    finally:
        con.close()
    return path, results
