"""Compressed bombs (data contract "Bad input"): a file that expands to one
enormous line is refused as soon as the line passes the limit, and memory
stays bounded whatever the input (app/ingest/reader.py LineBatches)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zlib

import duckdb

from app.cli import main
from app.ingest.staging import MAX_LINE_BYTES

from .helpers import HEADER, LEDGER, changed, row, snapshot

MB = 1 << 20

# Runs one import in a process of its own and reports its exit code and peak memory.
_RUN = """
import json, resource, sys
from app.cli import main
code = main(["import", "--db", sys.argv[1], "--quiet", sys.argv[2]])
print(json.dumps({"code": code, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _gzip(path, head: bytes, n_mb: int, tail: bytes = b""):
    """A gzip of ``head``, then n_mb MB of "a" with no newline, then ``tail``
    (written a block at a time: a few hundred KB on disk)."""
    co = zlib.compressobj(1, zlib.DEFLATED, 31)
    block = b"a" * MB
    with open(path, "wb") as f:
        f.write(co.compress(head))
        for _ in range(n_mb):
            f.write(co.compress(block))
        f.write(co.compress(tail))
        f.write(co.flush())
    return path


def _run(db, path) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN, str(db), str(path)], capture_output=True, text=True, check=True)
    return {**json.loads(done.stdout.splitlines()[-1]), "err": done.stderr}


def test_one_enormous_line_keeps_memory_bounded(tmp_path):
    expanded_mb = 384
    bomb = _gzip(tmp_path / "bomb.csv.gz", (HEADER + "\n").encode(), expanded_mb)
    small = tmp_path / "small.csv.gz"
    small.write_bytes(gzip.compress((HEADER + "\n" + row() + "\n").encode()))
    baseline = _run(tmp_path / "base.duckdb", small)
    assert baseline["code"] == 0

    db = tmp_path / "s.duckdb"
    got = _run(db, bomb)
    assert got["code"] == 3  # its one row refused
    # what reading the line costs beyond a one-row import: bounded by the
    # reader's blocks, far below the 384 MB the line expands to
    grown_mb = (got["peak_kb"] - baseline["peak_kb"]) / 1024
    assert grown_mb < expanded_mb / 2, grown_mb
    con = duckdb.connect(str(db), read_only=True)
    ((line, reason, raw),) = con.execute("SELECT line, reason, raw FROM rejects").fetchall()
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(0,)]
    con.close()
    assert line == 2
    assert reason == f"line too long ({expanded_mb * MB} bytes; the limit is {MAX_LINE_BYTES})"
    assert raw == "a" * 1000 + " ... (truncated)"


def test_a_bomb_with_no_header_is_refused_at_once(tmp_path):
    db = tmp_path / "s.duckdb"
    bomb = _gzip(tmp_path / "bomb.csv.gz", b"", 64)
    got = _run(db, bomb)
    assert got["code"] == 4
    assert f"{bomb}: the first line is longer than {MB} bytes: no header line" in got["err"]
    assert not db.exists()


def test_a_long_line_among_good_ones(tmp_path, capsys):
    """Lines around an over-long one keep their numbers and land (CRLF ends too)."""
    db = tmp_path / "s.duckdb"
    assert main(["import", "--db", str(db), "--quiet", str(_one_good(tmp_path))]) == 0
    before = snapshot(db)
    # line 2 good, line 3 is 3 MB of "é" (2 bytes each) ending in CRLF, line 4 good
    long = "é" * (3 * MB // 2)
    path = tmp_path / "mixed.csv.gz"
    text = HEADER + "\r\n" + row(session="s2") + "\r\n" + long + "\r\n" + row(session="s3") + "\r\n"
    path.write_bytes(gzip.compress(text.encode()))
    assert main(["import", "--db", str(db), "--quiet", str(path)]) == 3
    assert f"{path}: events, 3 rows: 2 accepted, 0 duplicates, 1 rejected" in capsys.readouterr().out
    after = snapshot(db)
    assert changed(before, after) - LEDGER == {"events", "rejects", "sessions"}
    ((_, _, line, reason, raw),) = after["rejects"]
    assert (line, reason) == (3, f"line too long ({3 * MB} bytes; the limit is {MAX_LINE_BYTES})")
    assert raw == "é" * 1000 + " ... (truncated)"


def test_jsonl_bomb_line_refused(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    good = json.dumps(dict(zip(HEADER.split(","), row().split(",")))).encode() + b"\n"
    bomb = _gzip(tmp_path / "bomb.jsonl.gz", good, 40, tail=b"\n" + good.replace(b"s1", b"s2"))
    assert main(["import", "--db", str(db), "--quiet", str(bomb)]) == 3
    assert f"{bomb}: events, 3 rows: 2 accepted, 0 duplicates, 1 rejected" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT line, reason FROM rejects").fetchall() == [
        (2, f"line too long ({40 * MB} bytes; the limit is {MAX_LINE_BYTES})")
    ]
    con.close()


def _one_good(tmp_path):
    path = tmp_path / "first.csv"
    path.write_text(HEADER + "\n" + row() + "\n")
    return path
