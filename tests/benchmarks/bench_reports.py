"""Benchmark of `flexdash report balances` and `report daily` (issue 3),
run by hand:

    .venv/bin/python tests/benchmarks/bench_reports.py [--dir /tmp/flexdash-bench] [--events N] [--team Design]

Reuses the store the dashboard benchmark builds (tests/benchmarks/bench_tui.py:
N generated events imported with `flexdash import`, which recomputes). Query
time = `app.reports.build` on an open read-only connection, as of the
stored run's instant (so the engine only checks the run is valid), median of 5 after one
warm-up; opening the connection is timed apart. Target (issue 3): each
under 0.1 S for one team. Printed as ratios to S (tests/benchmarks/floor.py).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_tui import ensure_store  # noqa: E402
from tests.benchmarks.floor import Report, measure_floor  # noqa: E402


def median_time(fn, repeats: int = 5) -> tuple[float, object]:
    result = fn()  # warm-up: caches, first plan
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("/tmp/flexdash-bench"))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--team", default="Design")
    args = parser.parse_args()
    csv, db = ensure_store(args.dir, args.events)
    s = measure_floor(csv)

    from app import reports, store
    from app.engine import stored_as_of

    report = Report(f"reports on {db} ({args.events:,} events), team {args.team}", s)
    t = time.perf_counter()
    con = store.connect_read(db)
    report.time("open the store read-only", time.perf_counter() - t)
    try:
        # The generated events run into the future of the wall clock, so "now"
        # would not match the stored run and every report would recompute in
        # memory (R4): ask as of the stored run's instant, as an admin whose
        # logs are up to date does with the default "now".
        as_of = stored_as_of(con)
        params = reports.ReportParams(as_of=as_of, team=args.team)
        for name in ("balances", "daily"):
            seconds, frame = median_time(lambda name=name: reports.build(con, name, params))
            report.time(f"report {name} --team {args.team} (query, {frame.height:,} rows)", seconds, 0.1)
        everyone = reports.ReportParams(as_of=as_of)
        seconds, frame = median_time(lambda: reports.build(con, "balances", everyone))
        report.time(f"report balances, all teams (query, {frame.height:,} rows)", seconds)
        seconds, frame = median_time(lambda: reports.query(con, "daily", params))
        report.time("report daily --team, SQL only (no engine as-of check)", seconds)
    finally:
        con.close()
    for name in ("balances", "daily"):
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "report",
                name,
                "--db",
                str(db),
                "--team",
                args.team,
                "--as-of",
                as_of.isoformat(),
                "--format",
                "csv",
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        report.time(f"`flexdash report {name} --team` whole process", time.perf_counter() - t)
    report.print()
    print("target (issue 3): report balances and report daily for one team < 0.1 S of query time")


if __name__ == "__main__":
    main()
