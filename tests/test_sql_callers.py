"""Every SQL file of queries/ has a caller that grep finds (its name spelled
out in app/), and no file name is built at run time (style: "SQL lives in
queries/ ... a SQL file's callers can be found with grep")."""

from __future__ import annotations

import re
from pathlib import Path

from app.reports import runner
from app.reports.spec import REPORTS
from app.resources import queries_dir

ROOT = Path(__file__).resolve().parents[1]
# views and migrations are run in their numbered order by app.store, not by name
NUMBERED = {"views", "migrations"}


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py"))


def test_every_sql_file_is_named_by_a_caller():
    source = _source()
    orphans = [
        f"{folder.name}/{f.stem}"
        for folder in sorted(queries_dir().iterdir())
        if folder.is_dir() and folder.name not in NUMBERED
        for f in sorted(folder.glob("*.sql"))
        if f'"{folder.name}/{f.stem}"' not in source
    ]
    assert orphans == []


def test_no_sql_name_is_formatted():
    built = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "app").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        # sql.load(f"...") anywhere, or a queries/ folder name followed by a formatted part
        if re.search(r"load\(\s*f[\"']|f[\"'](ingest|reports|dashboard|engine|budgets|demo|generate|store)/\{", line)
    ]
    assert built == []


def test_every_report_has_its_sql_or_its_model():
    for name in REPORTS:
        assert (name in runner.SQL) != (name in runner.COMPUTED), name
        if name in runner.SQL:
            assert runner.SQL[name] == f"reports/{name}"
            assert (queries_dir() / f"{runner.SQL[name]}.sql").exists()
