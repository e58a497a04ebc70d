"""Benchmark of ``flexdash import`` (issue 2), run by hand:

    .venv/bin/python tests/benchmarks/bench_import.py [--events N] [--keep DIR] [--rounds N]

On N generated events (10 million by default): S = the raw CSV scan
(tests/benchmarks/floor.py); then ``flexdash import`` of the CSV into a fresh
store, again of the same file (recognised by its content hash), of a
Parquet copy into another fresh store, and of the same events with every
field quoted and gzipped (issue 13: most exporters quote every field, logs
are kept gzipped). Each import runs in a child process so that its peak
memory is its own (rusage of the child). Targets: CSV <= 8 S, Parquet <= 4 S,
re-import <= 2 S, quoted and gzipped <= 8 S, peak memory <= 2 GB, store <= 20 %
of the CSV.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.floor import Report, measure_floor  # noqa: E402

PRODUCTS = ["ACD", "RVT", "INVPROSA", "3DSMAX", "MAYA", "CIV3D", "FUSION", "NAVMAN", "VRED", "ACDIST"]
OFFSETS = ["Z", "+01:00", "+02:00", "-05:00", "+05:30"]


def write_events_csv(path: Path, n_events: int, seed: int = 7) -> None:
    """A quick synthetic event log (used when `flexdash generate` is absent):
    sessions of 10 events (login, 8 activities, logout), 2 000 users."""
    rng = np.random.default_rng(seed)
    per = 10
    n_sessions = max(1, n_events // per)
    n = n_sessions * per
    users = rng.integers(0, 2000, n_sessions)
    start = 1_767_225_600 + rng.integers(0, 365 * 86400, n_sessions)  # 2026
    gaps = rng.integers(30, 1800, (n_sessions, per))
    gaps[:, 0] = 0
    ts = (start[:, None] + np.cumsum(gaps, axis=1)).ravel()
    kinds = np.array(["login"] + ["activity"] * (per - 2) + ["logout"])
    off_idx = rng.integers(0, len(OFFSETS), n_sessions)
    off_minutes = np.array([0, 60, 120, -300, 330])[off_idx]
    session_hex = rng.integers(0, 2**62, (n_sessions, 2))
    frame = pl.DataFrame(
        {
            "t": ts + np.repeat(off_minutes * 60, per),
            "off": np.repeat(np.array(OFFSETS)[off_idx], per),
            "event": np.tile(kinds, n_sessions),
            "h1": np.repeat(session_hex[:, 0], per),
            "h2": np.repeat(session_hex[:, 1], per),
            "u": np.repeat(users, per),
            "team": np.repeat(np.array(["Design", "Build", "Ops", "R&D"])[users % 4], per),
            "product": np.repeat(np.array(PRODUCTS)[rng.integers(0, len(PRODUCTS), n_sessions)], per),
            "version": np.repeat(np.array(["2023", "2024.1", "2025", "2026.2"])[rng.integers(0, 4, n_sessions)], per),
            "dev": np.repeat(users * 2 + rng.integers(0, 2, n_sessions), per),
            "os": np.repeat(np.array(["windows", "windows", "macos", "linux"])[rng.integers(0, 4, n_sessions)], per),
        }
    )
    out = frame.select(
        (pl.from_epoch("t", time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%S") + pl.col("off")).alias("ts"),
        "event",
        (pl.col("h1").cast(pl.String) + "-" + pl.col("h2").cast(pl.String)).alias("session_id"),
        ("user" + pl.col("u").cast(pl.String) + "@example.com").alias("user"),
        "team",
        "product",
        "version",
        ("WS-" + pl.col("dev").cast(pl.String)).alias("device"),
        "os",
    )
    assert out.height == n
    out.write_csv(path)


def make_data(folder: Path, n_events: int) -> tuple[Path, Path]:
    """events.csv and events.parquet (reused when already in ``folder``):
    from `flexdash generate` when it is there, else from the quick writer."""
    csv_path, parquet_path = folder / "events.csv", folder / "events.parquet"
    if not csv_path.exists():
        gen = subprocess.run(
            [sys.executable, "-m", "app", "generate", "--events", str(n_events), "--format", "both", str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if gen.returncode != 0 or not csv_path.exists():
            print(f"(flexdash generate unavailable: {gen.stderr.strip()[:200]}; using the quick writer)")
            folder.mkdir(parents=True, exist_ok=True)
            write_events_csv(csv_path, n_events)
    if not parquet_path.exists():
        pl.read_csv(csv_path, infer_schema=False).write_parquet(parquet_path)
    return csv_path, parquet_path


def make_variants(csv_path: Path) -> tuple[Path, Path]:
    """The same events with every field quoted, and gzipped (default level
    6, as gzip writes logs); reused when already there. Each in a folder of
    its own beside the packs and assignments (the full command takes them)."""
    quoted, gzipped = csv_path.parent / "quoted" / "events.csv", csv_path.parent / "gzipped" / "events.csv.gz"
    for path in (quoted, gzipped):
        path.parent.mkdir(exist_ok=True)
        for extra in ("packs.csv", "assignments.csv"):
            if (csv_path.parent / extra).exists() and not (path.parent / extra).exists():
                shutil.copyfile(csv_path.parent / extra, path.parent / extra)
    if not quoted.exists():
        pl.read_csv(csv_path, infer_schema=False).write_csv(quoted, quote_style="always")
    if not gzipped.exists():
        with open(csv_path, "rb") as src, gzip.open(gzipped, "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst, 4 << 20)
    return quoted, gzipped


# The importer alone (no engine recompute), in a child process that reports
# its own peak memory: its RSS plus the largest decompressed copy it held in
# memory (a memfd is not in the RSS, but it is memory all the same).
IMPORT_ONLY = """
import json, resource, sys
from app import store
from app.ingest import import_paths, reader
from tests.benchmarks.floor import peak_rss_mb
copies = [0]
real_gunzip = reader.gunzip
def gunzip(path, dest, digest, max_line_bytes, cap=None):
    got = real_gunzip(path, dest, digest, max_line_bytes, cap=cap)
    if cap is not None:
        copies.append(dest.stat().st_size)
    return got
reader.gunzip = gunzip
con = store.connect_write(sys.argv[1])
results = import_paths(con, [sys.argv[2]])
con.close()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"results": [r.as_json() for r in results], "peak_mb": peak_rss_mb() + max(copies) / 2**20,
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


def warm(*paths: Path) -> None:
    """Read the files once before an import is timed: S is a scan of a file
    in the page cache, and on this machine the cache (~4 GB) does not hold
    every copy of a 10 M-event data set, so the first import of a cold copy
    timed the disk (the quoted CSV: 13.9 s cold, 7.0 s warm)."""
    for path in paths:
        if path.exists():
            with open(path, "rb") as f:
                while f.read(16 << 20):
                    pass


def import_only(db: Path, path: Path) -> tuple[float, float, list, float]:
    warm(path)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT_ONLY, str(db), str(path)], cwd=ROOT, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return seconds, out["peak_mb"], out["results"], out["cpu"]


def full_command(db: Path, path: Path) -> tuple[float, int, str]:
    """`flexdash import` as an admin runs it (with the engine's recompute):
    the events CSV with the packs and assignments generated beside it (with
    no pack at all every window is denied, and the engine's scalar walk of
    ~500 000 denials is not what an admin's store looks like)."""
    extra = [str(p) for p in (path.with_name("packs.csv"), path.with_name("assignments.csv")) if p.exists()]
    warm(path, *map(Path, extra))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "app", "import", "--db", str(db), "--quiet", str(path), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, proc.returncode, (proc.stdout + proc.stderr).strip()[-300:]


def _fresh(db: Path) -> None:
    for f in (db, Path(str(db) + ".wal")):
        f.unlink(missing_ok=True)


def _time_rounds(report: Report, label: str, runs: list[tuple[float, float]], target: float) -> None:
    """One round: its time against its own S. Several: the median ratio
    (the median time shown), and the range of the rounds' ratios."""
    if len(runs) == 1:
        report.time(label, runs[0][0], target, floor=runs[0][1])
        return
    ratios = sorted(t / s for t, s in runs)
    median = statistics.median(ratios)
    seconds = statistics.median(t for t, _ in runs)
    report.time(f"{label} [median of {len(runs)} rounds]", seconds, target, floor=seconds / median)
    report.value(
        "  rounds: seconds / S", ", ".join(f"{t:.2f}/{s:.2f}" for t, s in runs), f"{ratios[0]:.2f}-{ratios[-1]:.2f} S"
    )


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="folder for the data and stores, reused (default: a temp folder)")
    parser.add_argument("--no-command", action="store_true", help="skip the full command (import + engine)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="rounds of the quoted, gzipped and full-command steps, alternated, each round against an S "
        "measured just before it; the median ratio and the range are shown",
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        csv_path, parquet_path = make_data(folder / "data", args.events)
        quoted_path, gzipped_path = make_variants(csv_path)
        cpu0 = _cpu_self()
        s = measure_floor(csv_path)
        s_cpu = (_cpu_self() - cpu0) / 3  # measure_floor times 3 scans
        report = Report(f"flexdash import, {csv_path.stat().st_size / 1e6:.0f} MB CSV", s)
        names = ("csv", "parquet", "quoted", "gzipped", "command", "command_quoted", "command_gzipped")
        stores = {name: folder / f"{name}.duckdb" for name in names}
        for db in stores.values():
            _fresh(db)
        # the CSV import follows S at once; the Parquet one gets its own S
        # just before it (the machine's speed drifts within a run)
        t, peak1, res, cpu1 = import_only(stores["csv"], csv_path)
        report.time("import CSV into a fresh store (importer only)", t, 8)
        report.value(
            "  rows / accepted / duplicates / rejected",
            "/".join(str(res[0][k]) for k in ("rows", "accepted", "duplicates", "rejected")),
        )
        t, peak2, _, cpu2 = import_only(stores["csv"], csv_path)
        report.time("re-import of the same file", t, 2)
        s_parquet = measure_floor(csv_path)
        t, peak3, _, cpu3 = import_only(stores["parquet"], parquet_path)
        report.time("import Parquet into a fresh store", t, 4)
        report.time("  the same, against the S measured just before it", t, 4, floor=s_parquet)
        # On a shared machine wall time swings with the neighbours' load;
        # CPU seconds (all threads) against the floor's CPU seconds do not.
        report.value(
            "CPU time ratios to the floor's CPU time",
            f"CSV {cpu1 / s_cpu:.1f}, re-import {cpu2 / s_cpu:.1f}, Parquet {cpu3 / s_cpu:.1f}",
            f"floor {s_cpu:.2f} CPU s",
        )
        rounds: dict[str, list[tuple[float, float]]] = {"quoted": [], "gzipped": []}
        for _ in range(max(args.rounds, 1)):
            s_round = measure_floor(csv_path)
            for name in rounds:
                _fresh(stores[name])
            t, peak4, res, cpu4 = import_only(stores["quoted"], quoted_path)
            rounds["quoted"].append((t, s_round))
            t, peak5, res5, cpu5 = import_only(stores["gzipped"], gzipped_path)
            rounds["gzipped"].append((t, s_round))
        _time_rounds(report, "import the CSV with every field quoted", rounds["quoted"], 8)
        _time_rounds(report, "import the CSV gzipped", rounds["gzipped"], 8)
        report.value(
            "  CPU time ratios to the floor's CPU time",
            f"quoted {cpu4 / s_cpu:.1f}, gzipped {cpu5 / s_cpu:.1f} (CSV {cpu1 / s_cpu:.1f})",
        )
        report.value(
            "  rows / accepted (quoted, gzipped)",
            ", ".join(f"{r[0]['rows']}/{r[0]['accepted']}" for r in (res, res5)),
        )
        peak = max(peak1, peak2, peak3, peak4, peak5)
        report.value("peak memory of one import (RSS + copy in memory)", f"{peak:.0f} MB", "<= 2048 MB")
        report.value(
            "  CSV / re-import / Parquet / quoted / gzipped",
            " / ".join(f"{p:.0f}" for p in (peak1, peak2, peak3, peak4, peak5)) + " MB",
        )
        ratio = os.path.getsize(stores["csv"]) / os.path.getsize(csv_path)
        report.value("store size / CSV size", f"{ratio:.1%}", "<= 20 %")
        if not args.no_command:
            commands = {
                "CSV": ("command", csv_path),
                "quoted CSV": ("command_quoted", quoted_path),
                "gzipped CSV": ("command_gzipped", gzipped_path),
            }
            timed: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
            failed: dict[str, str] = {}
            for _ in range(max(args.rounds, 1)):
                s_round = measure_floor(csv_path)
                for label, (store_name, path) in commands.items():
                    _fresh(stores[store_name])
                    t, code, tail = full_command(stores[store_name], path)
                    if code in (0, 3):
                        timed[label].append((t, s_round))
                    else:
                        failed[label] = f"failed ({code}): {tail[-80:]}"
            for label in commands:
                if label in failed:
                    report.value(f"flexdash import {label} with engine", failed[label])
                else:
                    _time_rounds(
                        report, f"flexdash import {label} (+ packs, assignments) with engine", timed[label], 11
                    )
        report.print()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
