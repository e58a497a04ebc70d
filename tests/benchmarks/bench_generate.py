"""Benchmark of ``flexdash generate`` (issue 2), run by hand:

    .venv/bin/python tests/benchmarks/bench_generate.py [--events N] [--keep DIR]

Generates about N events (10 million by default) as CSV in a child process
(its own peak memory), then measures the floor S on the file it wrote, and
prints the generation time as a ratio to S. Then the same as Parquet.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.floor import measure_floor  # noqa: E402


def _run(out: Path, events: int, fmt: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `flexdash generate` child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "generate",
            "--events",
            str(events),
            "--seed",
            "1",
            "--format",
            fmt,
            str(out),
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--keep", metavar="DIR", help="write here and keep the files")
    args = parser.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="flexdash-bench-gen-"))
    try:
        csv_dir, pq_dir = base / "csv", base / "parquet"
        csv_s, csv_mb = _run(csv_dir, args.events, "csv")
        csv_file = csv_dir / "events.csv"
        floor = measure_floor(csv_file)
        pq_s, pq_mb = _run(pq_dir, args.events, "parquet")
        size_csv = csv_file.stat().st_size / 1e9
        size_pq = (pq_dir / "events.parquet").stat().st_size / 1e9
        print(f"S (count(*) of read_csv on the generated file): {floor:.2f} s")
        print(f"generate CSV:     {csv_s:6.1f} s = {csv_s / floor:4.1f} S, peak {csv_mb:,.0f} MB, {size_csv:.2f} GB")
        print(f"generate Parquet: {pq_s:6.1f} s = {pq_s / floor:4.1f} S, peak {pq_mb:,.0f} MB, {size_pq:.2f} GB")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
