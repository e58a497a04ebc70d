"""The import's steps (app/ingest/steps.py) are consistent with the SQL they
name: each read is written by an earlier step, is where the walk starts, or
is a stored table or view; each file creates or fills what its step says it
writes and nothing else. That every file has a caller grep finds is
tests/test_sql_callers.py's check, for every folder of queries/."""

from __future__ import annotations

import re

import pytest

from app import store
from app.ingest import steps
from app.resources import queries_dir

_WRITE = re.compile(
    r"(?:CREATE\s+OR\s+REPLACE\s+TEMP\s+(?:TABLE|VIEW|MACRO)|INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_0-9]+)", re.I
)
_DROP = re.compile(r"DROP\s+(?:TABLE|VIEW)\s+IF\s+EXISTS\s+([a-z_0-9]+)", re.I)


def _code(name: str) -> str:
    """A step's SQL without its comments."""
    text = (queries_dir() / f"{name}.sql").read_text(encoding="utf-8")
    return "\n".join(line.split("--", 1)[0] for line in text.splitlines())


def _sequences():
    yield "stage events, fast", steps.FAST_STARTS_FROM, steps.STAGE_EVENTS_FAST
    yield "stage events, exact", steps.EXACT_STARTS_FROM, steps.STAGE_EVENTS_EXACT
    for kind, seq in steps.STAGE.items():
        yield f"stage {kind}", steps.EXACT_STARTS_FROM, seq
    for kind in ("events", *steps.STAGE):
        seq = (
            *steps.BEFORE_COUNT.get(kind, ()),
            *steps.DICTIONARIES,
            *steps.REPLACE.get(kind, ()),
            *(steps.EVENT_IDS if kind == "events" else ()),
        )
        yield f"store {kind}", steps.STORE_STARTS_FROM, seq


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> set[str]:
    """The tables and views of a fresh store."""
    con = store.connect_write(tmp_path_factory.mktemp("steps") / "s.duckdb")
    try:
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()
        views = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary").fetchall()
        return {n for (n,) in tables + views}
    finally:
        con.close()


@pytest.mark.parametrize("name,starts,seq", list(_sequences()), ids=lambda x: x if isinstance(x, str) else "")
def test_each_read_is_written_before_or_stored(stored, name, starts, seq):
    available = set(starts) | stored
    for step in seq:
        missing = [r for r in step.reads if r not in available]
        assert not missing, f"{name}: {step.sql} reads {missing}, which no earlier step writes"
        available |= set(step.writes)
        available -= set(step.drops)


def _all_steps():
    seen = {}
    for _, _, seq in _sequences():
        for step in seq:
            seen[step.sql] = step
    return list(seen.values())


@pytest.mark.parametrize("step", _all_steps(), ids=lambda s: s.sql)
def test_a_step_declares_what_its_file_does(step):
    code = _code(step.sql)
    written = {m.lower() for m in _WRITE.findall(code)}
    assert written == set(step.writes), f"{step.sql} writes {sorted(written)}"
    assert {m.lower() for m in _DROP.findall(code)} == set(step.drops)
    words = set(re.findall(r"[a-z_0-9]+", code.lower()))
    assert not [r for r in step.reads if r not in words], f"{step.sql} does not read all it declares"
    for extra in (step.before, step.after):
        assert extra is None or (queries_dir() / f"{extra}.sql").exists()
