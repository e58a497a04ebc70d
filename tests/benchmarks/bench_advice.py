"""Benchmark of the advice reports (issue 11), run by hand:

    .venv/bin/python tests/benchmarks/bench_advice.py [--dir /tmp/flexdash-bench] [--events N]

Reuses the store the dashboard benchmark builds (tests/benchmarks/bench_tui.py:
N generated events imported with `flexdash import`, which recomputes). Each
figure = `app.reports.build` (or the plan / budget evaluation) on an open
read-only connection as of the stored run's instant, median of 3 after one
warm-up. Targets (issue 11): reports that read stored results (subscriptions,
chargeback) within 1 S; replays (waste, forecast, plan, check) within 5 S.
Printed as ratios to S (tests/benchmarks/floor.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_tui import ensure_store  # noqa: E402
from tests.benchmarks.floor import Report, measure_floor  # noqa: E402


def median_time(fn, repeats: int = 3) -> tuple[float, object]:
    result = fn()
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
    args = parser.parse_args()
    csv, db = ensure_store(args.dir, args.events)
    s = measure_floor(csv)

    from app import reports, store
    from app.budgets.config import Budgets
    from app.budgets.evaluate import evaluate
    from app.engine import stored_as_of
    from app.reports.plan import plans

    report = Report(f"advice reports on {db} ({args.events:,} events)", s)
    con = store.connect_read(db)
    try:
        as_of = stored_as_of(con)
        params = reports.ReportParams(as_of=as_of)
        for name, target in (("subscriptions", 1), ("chargeback", 1), ("waste", 5), ("forecast", 5)):
            seconds, frame = median_time(lambda name=name: reports.build(con, name, params))
            report.time(f"report {name} ({frame.height:,} rows)", seconds, target)
        seconds, result = median_time(lambda: plans(con, params, 90))
        report.time(f"plan --horizon 90 ({len(result)} teams)", seconds, 5)
        budgets = Budgets(
            team_balance=[{"below_share": 0.2, "below_runway_days": 30}],
            tokens_at_risk=[{"above": 100}],
            monthly_spend=[{"budget": 1000}],
            user_monthly_tokens=[{"above": 200}],
        )
        seconds, result = median_time(lambda: evaluate(con, budgets, params))
        report.time(f"check, every kind of budget ({len(result)} breached)", seconds, 5)
    finally:
        con.close()
    report.print()


if __name__ == "__main__":
    main()
