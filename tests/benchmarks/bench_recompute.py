"""Benchmark of the billing engine's full recompute (issue 3), run by hand:

    .venv/bin/python tests/benchmarks/bench_recompute.py [--dir /tmp/flexdash-bench-engine] [--events N]

Builds once, and reuses, a store of N generated events in a folder outside
the repository: `flexdash generate --events N` (events, packs, assignments)
then `flexdash import` (which recomputes once). Then, in the same run:

* S, the floor (tests/benchmarks/floor.py) on that events.csv;
* the full recompute (`app.engine.recompute`, as of now) in a fresh child
  process, median of 3, and the child's peak memory;
* the engine's computation alone and a historical as-of on a read-only
  connection (`use_results_as_of`, TEMP shadows).

Targets (issue 3): full recompute <= 3 S, peak memory <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.floor import Report, measure_floor  # noqa: E402

FLEXDASH = [sys.executable, "-m", "app"]

CHILD = r"""
import json, sys, time
from datetime import UTC, datetime
from app import store
from app.engine import recompute, use_results_as_of
from app.engine.billing import compute
from tests.benchmarks.floor import peak_rss_mb
db, what = sys.argv[1], sys.argv[2]
out = {}
if what == "recompute":
    con = store.connect_write(db)
    t = time.perf_counter(); s = recompute(con); out["seconds"] = time.perf_counter() - t
    out.update(events=s.events, charges=s.charges, denials=s.denials)
    t = time.perf_counter(); compute(con, s.as_of)
    out["compute_only"] = time.perf_counter() - t
    con.close()
else:
    con = store.connect_read(db)
    as_of = datetime.fromisoformat(what)
    t = time.perf_counter(); s = use_results_as_of(con, as_of); out["seconds"] = time.perf_counter() - t
    out["charges"] = None if s is None else s.charges
    con.close()
out["peak_mb"] = peak_rss_mb()
print(json.dumps(out))
"""


def run_child(db: Path, what: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), what], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ensure_store(folder: Path, n_events: int) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    csv, db = folder / "events.csv", folder / "engine.duckdb"
    if not csv.exists():
        print(f"generating {n_events:,} events into {folder} ...", flush=True)
        subprocess.run([*FLEXDASH, "generate", str(folder), "--events", str(n_events)], cwd=ROOT, check=True)
    if not db.exists():
        print(f"importing into {db} (with recompute) ...", flush=True)
        t = time.perf_counter()
        files = [folder / "packs.csv", folder / "assignments.csv", csv]
        subprocess.run([*FLEXDASH, "import", "--db", str(db), *map(str, files)], cwd=ROOT, check=True)
        print(f"import + recompute: {time.perf_counter() - t:.1f} s", flush=True)
    return csv, db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("/tmp/flexdash-bench-engine"))
    parser.add_argument("--events", type=int, default=10_000_000)
    args = parser.parse_args()
    csv, db = ensure_store(args.dir, args.events)
    s = measure_floor(csv)
    report = Report(f"recompute on {db}", s)
    runs = [run_child(db, "recompute") for _ in range(3)]
    first = runs[0]
    report.value("events / charges / denials", f"{first['events']:,} / {first['charges']:,} / {first['denials']:,}")
    report.time("full recompute (median of 3)", statistics.median(r["seconds"] for r in runs), 3)
    report.time("  of which the computation (no writes)", statistics.median(r["compute_only"] for r in runs))
    peak = max(r["peak_mb"] for r in runs)
    report.value(
        "peak memory of the recompute process", f"{peak:,.0f} MB", "<= 2048 MB " + ("ok" if peak <= 2048 else "OVER")
    )
    past = run_child(db, "2026-10-01T00:00:00+00:00")
    report.time(f"use_results_as_of 2026-10-01, read-only ({past['charges']} charges)", past["seconds"])
    report.value("peak memory, historical as-of", f"{past['peak_mb']:,.0f} MB")
    report.print()
    print("targets (issue 3): full recompute <= 3 S, peak memory <= 2 GB")


if __name__ == "__main__":
    main()
