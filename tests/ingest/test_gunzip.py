"""A gzipped events CSV is decompressed into memory (or, when the machine
has too little to spare, a private temporary folder) and read from the plain copy by DuckDB's parallel reader (app/ingest/reader.py
gunzip, staging.py _plain_copy), storing what the exact reader stores; a
line past the limit stops the decompression at once (issue 13: bombs), and
too little temporary space is said and read compressed."""

from __future__ import annotations

import gzip
import os
import zlib

import pytest
from isal import igzip

from app import tempdirs
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


def _memfd_name(path) -> str:
    """What /proc says the open file behind ``path`` (/proc/self/fd/N) is, or ''."""
    try:
        return os.readlink(path)
    except OSError:
        return ""


@pytest.fixture
def no_memory_copy(monkeypatch):
    """As on a machine with no memory to spare: the copy goes to disk."""
    monkeypatch.setattr(tempdirs, "memory_to_spare", lambda: 0)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_gzip_is_read_from_its_copy_in_memory_which_then_goes(tmp_path, tmpdir_, capsys, monkeypatch, quoted):
    lines = [HEADER, *ROWS] if not quoted else [_quote_all(HEADER), *map(_quote_all, ROWS)]
    path = _gz(tmp_path / "e.csv.gz", ("\n".join(lines) + "\n").encode())
    seen = _read_by_fast_csv(monkeypatch)
    during: list[str] = []
    real_checks = staging._fast_checks

    def checks(*a, **k):
        during.append(_memfd_name(seen[-1]))
        return real_checks(*a, **k)

    monkeypatch.setattr(staging, "_fast_checks", checks)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["rows"], summary[0]["accepted"], summary[0]["duplicates"]) == (5, 4, 1)
    assert len(seen) == 1 and str(seen[0]).startswith("/proc/self/fd/")
    assert during == ["/memfd:flexdash-gunzip (deleted)"]
    assert _memfd_name(seen[0]) != during[0]  # closed once the file was staged
    assert list(tmpdir_.glob("flexdash-gunzip-*")) == []  # no copy on disk


def test_a_gzip_is_read_from_its_copy_on_disk_when_memory_is_short(
    tmp_path, tmpdir_, capsys, monkeypatch, no_memory_copy
):
    path = _gz(tmp_path / "e.csv.gz", ("\n".join([HEADER, *ROWS]) + "\n").encode())
    seen = _read_by_fast_csv(monkeypatch)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["rows"], summary[0]["accepted"], summary[0]["duplicates"]) == (5, 4, 1)
    assert len(seen) == 1 and seen[0].name == "events.csv" and seen[0].parent.name.startswith("flexdash-gunzip-")
    assert seen[0].parent.parent == tmpdir_ and not seen[0].parent.exists()


def test_the_trailer_states_the_size_of_one_member_and_less_for_several(tmp_path):
    one = tmp_path / "one.gz"
    one.write_bytes(gzip.compress(b"x" * 5000))
    assert reader.gzip_size(one) == 5000
    two = tmp_path / "two.gz"
    two.write_bytes(gzip.compress(b"x" * 5000) + gzip.compress(b"y" * 7))
    assert reader.gzip_size(two) == 7  # the last member's: a reader must cap the copy itself
    (tmp_path / "short.gz").write_bytes(b"\x1f\x8b")
    assert reader.gzip_size(tmp_path / "short.gz") == 0


def test_the_cap_stops_a_copy_in_memory_as_soon_as_it_would_pass(tmp_path):
    data = b"a" * 99 + b"\n"  # 100 bytes, read in blocks of 8 (the line limit)
    path = _gz(tmp_path / "a.gz", data)
    with tempdirs.memory_file("gunzip") as dest:
        assert reader.gunzip(path, dest, "d", 100, cap=100) == reader.Fingerprint("d", False, False)
        assert dest.read_bytes() == data
        assert reader.gunzip(path, dest, "d", 100, cap=99) is reader.OVER_CAP


def test_a_gzip_whose_trailer_understates_goes_to_disk_with_the_same_rows(tmp_path, tmpdir_, capsys, monkeypatch):
    """Two members, the last one line: the trailer says a few bytes, the
    copy in memory passes its cap, and the file is decompressed again on disk."""
    body = ("\n".join([HEADER, *ROWS[:-1]]) + "\n").encode()
    path = tmp_path / "e.csv.gz"
    path.write_bytes(gzip.compress(body) + gzip.compress((ROWS[-1] + "\n").encode()))
    assert reader.gzip_size(path) < len(body)
    monkeypatch.setattr(reader, "MEMORY_COPY_MAX", len(body))  # the whole file is one row more
    seen = _read_by_fast_csv(monkeypatch)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0
    assert (summary[0]["rows"], summary[0]["accepted"], summary[0]["duplicates"]) == (5, 4, 1)
    assert len(seen) == 1 and seen[0].parent.name.startswith("flexdash-gunzip-")


def test_a_bomb_in_memory_stops_at_the_line_limit_too(tmp_path):
    co = zlib.compressobj(1, zlib.DEFLATED, 31)
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(
        co.compress(b"ts,event\n") + b"".join(co.compress(b"a" * (1 << 20)) for _ in range(8)) + co.flush()
    )
    with tempdirs.memory_file("gunzip") as dest:
        assert reader.gunzip(bomb, dest, "d", 1 << 20, cap=1 << 30) is None
        assert dest.stat().st_size <= 1 << 20  # the header and at most one block of the line


def test_too_little_temporary_space_is_said_and_read_compressed(tmp_path, capsys, monkeypatch, no_memory_copy):
    monkeypatch.setattr(reader, "KEEP_FREE", 1 << 50)  # 2**30 MB
    path = _gz(tmp_path / "e.csv.gz", ("\n".join([HEADER, *ROWS]) + "\n").encode())
    seen = _read_by_fast_csv(monkeypatch)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0 and summary[0]["accepted"] == 4
    assert seen == [path]  # DuckDB read the gzip itself
    result = staging_warnings(tmp_path, path)
    assert len(result) == 1 and result[0].startswith("decompressed, it would leave less than 1073741824 MB free")
    assert result[0].endswith("read compressed, on one thread (slower)")


def test_free_disk_space_does_not_matter_to_a_copy_in_memory(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(reader, "KEEP_FREE", 1 << 50)
    path = _gz(tmp_path / "e.csv.gz", ("\n".join([HEADER, *ROWS]) + "\n").encode())
    seen = _read_by_fast_csv(monkeypatch)
    took_exact, code, summary, _ = both_ways(tmp_path, capsys, monkeypatch, path)
    assert not took_exact and code == 0 and summary[0]["accepted"] == 4
    assert len(seen) == 1 and str(seen[0]).startswith("/proc/self/fd/")
    assert staging_warnings(tmp_path, path) == []


def staging_warnings(tmp_path, path) -> list[str]:
    from app import store
    from app.ingest import import_paths

    con = store.connect_write(tmp_path / "w.duckdb")
    try:
        return import_paths(con, [path])[0].warnings
    finally:
        con.close()
