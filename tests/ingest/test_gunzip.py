"""A gzipped events CSV is decompressed into a private temporary folder and
read from the plain copy by DuckDB's parallel reader (app/ingest/reader.py
gunzip, staging.py _plain_copy), storing what the exact reader stores; a
line past the limit stops the decompression at once (issue 13: bombs), and
too little temporary space is said and read compressed."""

from __future__ import annotations

import gzip
import zlib

from isal import igzip

from app.ingest import reader, staging

from .helpers import HEADER, row
from .test_quoted_fast_path import ROWS, _quote_all, both_ways


def _gz(path, data: bytes):
    path.write_bytes(gzip.compress(data))
    return path


def test_the_copy_holds_the_bytes_and_tells_quotes_and_nul(tmp_path):
    data = b'ab,"c"\n\0x\nlast'
    dest = tmp_path / "out.csv"
    got = reader.gunzip(_gz(tmp_path / "a.csv.gz", data), dest, "xxh3-128:given", 1 << 20)
    assert got == reader.Fingerprint("xxh3-128:given", True, True)
    assert dest.read_bytes() == data
    got = reader.gunzip(_gz(tmp_path / "b.csv.gz", b"plain,line\n"), dest, "d", 1 << 20)
    assert got == reader.Fingerprint("d", False, False)


def test_lines_of_the_limit_pass_and_one_byte_more_does_not(tmp_path):
    dest = tmp_path / "out.csv"
    # limit 8 bytes, so blocks of 8: lines of 8 bytes end inside the next block
    ok = b"aaaaaaaa\nbbbbbbbb\ncc\n12345678"
    assert isinstance(reader.gunzip(_gz(tmp_path / "ok.gz", ok), dest, "d", 8), reader.Fingerprint)
    assert dest.read_bytes() == ok
    for name, data in [
        ("second line 9 bytes", b"aaaaaaaa\nbbbbbbbbb\ncc\n"),
        ("last line 9 bytes, no end", b"aaaaaaaa\n123456789"),
        ("first line 20 bytes", b"a" * 20 + b"\n"),
    ]:
        assert reader.gunzip(_gz(tmp_path / "bad.gz", data), dest, "d", 8) is None, name
        assert not dest.exists(), name


def test_a_bomb_stops_the_decompression_one_block_past_the_limit(tmp_path, monkeypatch):
    """64 MB of one line: refused after reading the limit and one block, not the 64 MB."""
    co = zlib.compressobj(1, zlib.DEFLATED, 31)
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(
        co.compress(b"ts,event\n") + b"".join(co.compress(b"a" * (1 << 20)) for _ in range(64)) + co.flush()
    )
    read: list[int] = []
    real_open = igzip.open

    class Counting:
        def __init__(self, *a, **k):
            self.f = real_open(*a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def read(self, n):
            block = self.f.read(n)
            read.append(len(block))
            return block

    monkeypatch.setattr(igzip, "open", Counting)
    dest = tmp_path / "out.csv"
    assert reader.gunzip(bomb, dest, "d", 1 << 20) is None
    assert not dest.exists()
    # the header and 1 MB of the line in the first block, the line passes the limit in the second
    assert sum(read) == 2 << 20


def test_a_broken_gzip_is_left_to_the_exact_reader(tmp_path):
    blob = gzip.compress(("\n".join([HEADER, row()]) + "\n").encode())
    dest = tmp_path / "out.csv"
    assert reader.gunzip(tmp_path.joinpath("t.csv.gz"), dest, "d", 1 << 20) is None  # no such file
    (tmp_path / "t.csv.gz").write_bytes(blob[: len(blob) // 2])
    assert reader.gunzip(tmp_path / "t.csv.gz", dest, "d", 1 << 20) is None
    (tmp_path / "n.csv.gz").write_bytes(b"not a gzip at all")
    assert reader.gunzip(tmp_path / "n.csv.gz", dest, "d", 1 << 20) is None
    assert not dest.exists()


def _read_by_fast_csv(monkeypatch) -> list:
    """The files the fast CSV path reads from now on, each with whether it
    still exists once the import is done (checked by the caller)."""
    seen: list = []
    real = staging._fast_csv
    monkeypatch.setattr(staging, "_fast_csv", lambda con, path, *a, **k: seen.append(path) or real(con, path, *a, **k))
    return seen


def test_a_gzip_is_read_from_its_plain_copy_which_then_goes(tmp_path, capsys, monkeypatch):
    for quoted in (False, True):
        lines = [HEADER, *ROWS] if not quoted else [_quote_all(HEADER), *map(_quote_all, ROWS)]
        path = _gz(tmp_path / f"e{quoted}.csv.gz", ("\n".join(lines) + "\n").encode())
        seen = _read_by_fast_csv(monkeypatch)
        (tmp_path / f"{quoted}").mkdir()
        took_exact, code, summary, _ = both_ways(tmp_path / f"{quoted}", capsys, monkeypatch, path)
        assert not took_exact and code == 0
        assert (summary[0]["rows"], summary[0]["accepted"], summary[0]["duplicates"]) == (5, 4, 1)
        assert len(seen) == 1 and seen[0].name == "events.csv" and seen[0].parent.name.startswith("flexdash-gunzip-")
        assert not seen[0].parent.exists()


def test_too_little_temporary_space_is_said_and_read_compressed(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(reader, "KEEP_FREE", 1 << 50)  # 2**30 MB
    path = _gz(tmp_path / "e.csv.gz", ("\n".join([HEADER, *ROWS]) + "\n").encode())
    seen = _read_by_fast_csv(monkeypatch)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0 and summary[0]["accepted"] == 4
    assert seen == [path]  # DuckDB read the gzip itself
    result = staging_warnings(tmp_path, path)
    assert len(result) == 1 and result[0].startswith("decompressed, it would leave less than 1073741824 MB free")
    assert result[0].endswith("read compressed, on one thread (slower)")


def staging_warnings(tmp_path, path) -> list[str]:
    from app import store
    from app.ingest import import_paths

    con = store.connect_write(tmp_path / "w.duckdb")
    try:
        return import_paths(con, [path])[0].warnings
    finally:
        con.close()
