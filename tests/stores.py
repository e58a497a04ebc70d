"""The one way the tests build a store from input: files written in the data
contract's columns, imported by the real importer (app.ingest.import_paths),
then charged by the real engine (app.engine.recompute). Builder
(tests/engine/builder.py) collects rows and writes them here; e2e
(tests/reports/e2e.py) writes raw lines; the dashboard and consistency tests
import whole folders. Templates built once per session (tests/conftest.py:
a new store, the sample firm) are copied per test or module with
copied_store. HandStore (tests/reports/handmade.py) is the other
kind on purpose: it writes the engine's result tables by hand, to test the
report SQL without the engine."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence]) -> Path:
    """``rows`` under a header of ``columns``, quoted as csv does."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def write_lines(path: Path, header: str, lines: Iterable[str]) -> Path:
    """Raw lines (the test controls every byte) under ``header``."""
    path.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Files, and the files of folders (their README aside), in name order."""
    files: list[Path] = []
    for p in inputs:
        files += sorted(f for f in p.iterdir() if f.suffix != ".md") if p.is_dir() else [p]
    return files


def import_into(con, files: Sequence[Path], *, clean: bool = False) -> list:
    """Import ``files`` in one call; ``clean``: fail on any rejected row."""
    from app.ingest import import_paths

    results = import_paths(con, [str(f) for f in files])
    rejected = [(r.file, r.rejected) for r in results if r.rejected]
    assert not (clean and rejected), f"the importer rejected test rows: {rejected}"
    return results


def imported_store(
    db: Path, inputs: Iterable[Path], *, as_of: datetime | None = None, one_import_per_file: bool = False
) -> Path:
    """A store at ``db`` holding ``inputs``, charged as of ``as_of`` (None:
    now, R4). ``one_import_per_file``: one `flexdash import` per file, as an
    admin might run them (the Imports pane lists each)."""
    from app import store
    from app.engine import recompute

    files = input_files(inputs)
    batches = [[f] for f in files] if one_import_per_file else [files]
    for batch in batches:
        con = store.connect_write(db)
        try:
            import_into(con, batch)
        finally:
            con.close()
    con = store.connect_write(db)
    try:
        recompute(con, as_of)
    finally:
        con.close()
    return db


def copied_store(template: Path, db: Path) -> Path:
    """A copy of a closed template store at ``db`` (tests/conftest.py makes
    the templates once per session: building a store is most of a test's time)."""
    shutil.copyfile(template, db)
    db.chmod(0o600)
    return db
