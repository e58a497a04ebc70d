"""Quoted and gzipped event logs take the fast CSV path (app/ingest/staging.py
_csv_mode: quotes read as plain characters, each distinct spelling checked and
unquoted once, quoted_values_ok.sql, spellings.sql) and store exactly what the exact line reader stores: the
same events, counts, rejects and exit code. What the fast reading would bend
(a quote inside a value, a quoted field spanning lines, spaces around quotes,
an escaped quote, a quoted separator) sends the file to the exact reader
(data contract "Bad input": one input line is one row; R1)."""

from __future__ import annotations

import gzip
import json

import pytest

from app.cli import main
from app.ingest import staging

from .helpers import HEADER, changed, exact_reads, row, snapshot, write

# what differs between two stores that stored the same rows: when, and how long
_WHEN = {"imports", "engine_runs", "store_meta", "schema_version"}


def _quote_all(line: str) -> str:
    return ",".join(f'"{v}"' for v in line.split(","))


def _import(tmp_path, capsys, name: str, path) -> tuple[int, list, dict]:
    db = tmp_path / f"{name}.duckdb"
    code = main(["import", "--db", str(db), "--quiet", "--format", "json", str(path)])
    return code, json.loads(capsys.readouterr().out), snapshot(db)


def both_ways(tmp_path, capsys, monkeypatch, path) -> tuple[bool, int, list, dict]:
    """Import ``path`` as the importer chooses, then with the fast CSV path
    switched off (the exact reader), each into a fresh store: whether the
    first took the exact reader, and its exit code, summary and store, once
    checked equal to the exact reader's."""
    reads = exact_reads(monkeypatch)
    code, summary, stored = _import(tmp_path, capsys, "chosen", path)
    took_exact = bool(reads)
    with monkeypatch.context() as m:
        m.setattr(staging, "_csv_mode", lambda *a, **k: None)
        exact_code, exact_summary, exact_stored = _import(tmp_path, capsys, "exact", path)
    assert (code, summary) == (exact_code, exact_summary)
    assert changed(exact_stored, stored) <= _WHEN
    return took_exact, code, summary, stored


ROWS = [
    row(),
    row(event="activity", ts="2026-03-02T09:20:00+01:00"),
    row(event="logout", ts="2026-03-02T09:40:00+01:00", team=""),  # no team (R12)
    row(session="s2", user="bob@firm.example", product="RVT", ts="2026-03-02T10:00:00Z"),
    row(),  # the first again: a duplicate
]


def test_every_field_quoted_takes_the_fast_path(tmp_path, capsys, monkeypatch):
    path = write(tmp_path / "q.csv", "\n".join([_quote_all(HEADER), *map(_quote_all, ROWS)]) + "\n")
    took_exact, code, summary, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert summary == [{"file": str(path), "kind": "events", "rows": 5, "accepted": 4, "duplicates": 1, "rejected": 0}]
    # events (session_key, ts, event, user_id, team_id, ...): the logout's quoted empty team is none (R12)
    assert sorted(r[4] is None for r in stored["events"]) == [False, False, False, True]
    assert stored["teams"] == [(1, "Design")] and stored["rejects"] == []


@pytest.mark.parametrize("quoted", [False, True])
def test_gzipped_takes_the_fast_path(tmp_path, capsys, monkeypatch, quoted):
    lines = [HEADER, *ROWS] if not quoted else [_quote_all(HEADER), *map(_quote_all, ROWS)]
    path = tmp_path / "e.csv.gz"
    path.write_bytes(gzip.compress(("\r\n".join(lines) + "\r\n").encode()))
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["accepted"], summary[0]["duplicates"]) == (4, 1)


def test_quoted_and_unquoted_spellings_of_one_value_are_one_value(tmp_path, capsys, monkeypatch):
    # the same event written "s1" then s1: one identity, stored once (a duplicate)
    path = write(tmp_path / "q.csv", "\n".join([HEADER, _quote_all(ROWS[0]), ROWS[0], ROWS[3]]) + "\n")
    took_exact, code, summary, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["accepted"], summary[0]["duplicates"]) == (2, 1)
    assert len(stored["sessions"]) == 2


def test_spellings_of_one_event_and_os_are_one_value(tmp_path, capsys, monkeypatch):
    """A fast path groups rows by their values as read (group_events.sql) and
    reads each spelling once (spellings.sql): Login, "login" and login are
    one event kind, WINDOWS and windows one os (taken case-insensitively),
    as the exact reader reads them row by row. Rows 1 and 2 are one
    identity (s1, login, 09:14:05+01:00): the second is a duplicate."""
    rows = [
        row(event="Login", os="Windows"),
        _quote_all(row(event="login", os="windows")),
        row(event="ACTIVITY", ts="2026-03-02T09:20:00+01:00", os="WINDOWS"),
        row(event="logout", ts="2026-03-02T09:40:00+01:00", team='""'),  # a quoted empty team: none (R12)
    ]
    path = write(tmp_path / "q.csv", "\n".join([HEADER, *rows]) + "\n")
    took_exact, code, summary, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["accepted"], summary[0]["duplicates"], summary[0]["rejected"]) == (3, 1, 0)
    # events (session_key, ts, event, user_id, team_id, product_id, version_id, device_id, os)
    assert sorted((r[2], r[4] is None, r[8]) for r in stored["events"]) == [
        ("activity", False, "windows"),
        ("login", False, "windows"),
        ("logout", True, "windows"),
    ]


def test_quoted_names_beyond_ascii_are_unquoted_whole(tmp_path, capsys, monkeypatch):
    """unquote (event_checks.sql) takes off the two quotes by bytes: a name
    of several-byte characters keeps every one of them."""
    rows = [row(user="zoë@firm.example", team="Équipe ☃", device="WS-é"), row(session="s2", team="")]
    path = write(tmp_path / "q.csv", "\n".join([_quote_all(HEADER), *map(_quote_all, rows)]) + "\n")
    took_exact, code, _, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert [t for (_, t) in stored["teams"]] == ["Équipe ☃"]  # the second row's "": no team (R12)
    assert "zoë@firm.example" in [u for (_, u) in stored["users"]]
    assert "WS-é" in [d for (_, d) in stored["devices"]]


def _one_bent(line: str) -> str:
    return "\n".join([_quote_all(HEADER), _quote_all(ROWS[3]), line, _quote_all(ROWS[0])]) + "\n"


QUOTED_FIRST = _quote_all(ROWS[1])
BENT = {
    # what the exact reader refuses (line 3)
    "quote inside a value": ROWS[1].replace("ann@", 'an"n@'),
    "space before an opening quote": QUOTED_FIRST.replace(',"Design"', ', "Design"'),
    "space after a closing quote": QUOTED_FIRST.replace('"Design",', '"Design" ,'),
    "tab before an opening quote": QUOTED_FIRST.replace(',"Design"', ',\t"Design"'),
    "unterminated quote": QUOTED_FIRST.replace('"Design"', '"Design'),
    "quoted field spanning lines": QUOTED_FIRST.replace('"Design"', '"Des\nign"'),
    "text after a closing quote": QUOTED_FIRST.replace('"Design"', '"Design"x'),
    # the instant, unquoted row by row (unquote_instant, event_checks.sql)
    "instant quoted at its start only": QUOTED_FIRST.replace('+01:00"', "+01:00", 1),
    "instant quoted at its end only": QUOTED_FIRST.replace('"2026', "2026", 1),
    "quote inside the instant": QUOTED_FIRST.replace("T09:", 'T"09:', 1),
    "instant with a space inside its quotes": QUOTED_FIRST.replace('"2026', '" 2026', 1),
    # what it reads, another way than the plain reading would
    "escaped quote": QUOTED_FIRST.replace('"Design"', '"De""sign"'),
    "quoted separator": QUOTED_FIRST.replace('"Design"', '"Design, UK"'),
}
REFUSED = {
    "quote inside a value": [3],
    "space before an opening quote": [3],
    "space after a closing quote": [3],
    "tab before an opening quote": [3],
    "unterminated quote": [3],
    "quoted field spanning lines": [3, 4],  # each half refused on its own line
    "text after a closing quote": [3],
    "instant quoted at its start only": [3],
    "instant quoted at its end only": [3],
    "quote inside the instant": [3],
    "instant with a space inside its quotes": [3],
    "escaped quote": [],
    "quoted separator": [],
}


@pytest.mark.parametrize("case", list(BENT))
def test_what_the_fast_reading_would_bend_goes_to_the_exact_reader(tmp_path, capsys, monkeypatch, case):
    path = write(tmp_path / "bent.csv", _one_bent(BENT[case]))
    took_exact, code, summary, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert took_exact
    lines = [r[2] for r in stored["rejects"]]
    assert sorted(lines) == REFUSED[case]
    assert code == (3 if REFUSED[case] else 0)
    assert summary[0]["rejected"] == len(REFUSED[case])
    if case == "escaped quote":
        assert ('De"sign',) in [(t,) for (_, t) in stored["teams"]]
    if case == "quoted separator":
        assert ("Design, UK",) in [(t,) for (_, t) in stored["teams"]]


def test_bent_in_a_gzip_too(tmp_path, capsys, monkeypatch):
    path = tmp_path / "bent.csv.gz"
    path.write_bytes(gzip.compress(_one_bent(BENT["space before an opening quote"]).encode()))
    took_exact, code, _, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert took_exact and code == 3 and [r[2] for r in stored["rejects"]] == [3]


def test_nul_byte_in_a_gzip(tmp_path, capsys, monkeypatch):
    path = tmp_path / "nul.csv.gz"
    path.write_bytes(gzip.compress(_one_bent(QUOTED_FIRST.replace("WS-1", "WS\0-1")).encode()))
    took_exact, code, _, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert took_exact and code == 3
    assert [(r[2], r[3]) for r in stored["rejects"]] == [(3, "NUL byte in the line")]


def test_extra_columns_keep_a_quoted_file_exact(tmp_path, capsys, monkeypatch):
    """An extra column is not read by the fast path, so a bad quote in it could not be seen."""
    lines = [HEADER + ",note", ROWS[0] + ',"ok"', ROWS[3] + ',x "bad"']
    path = write(tmp_path / "extra.csv", "\n".join(lines) + "\n")
    took_exact, code, _, stored = both_ways(tmp_path, capsys, monkeypatch, path)
    assert took_exact and code == 3 and [r[2] for r in stored["rejects"]] == [3]
