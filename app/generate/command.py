"""`flexdash generate`: a deterministic synthetic data set for benchmarks.

Writes events.csv (and/or events.parquet), packs.csv and assignments.csv in
the data contract's columns into a folder; ``flexdash import OUT`` takes
them as they are. The same arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.errors import UsageError
from app.generate.synthetic import Plan, generate, users_for_events
from app.timeutil import parse_day


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


USES_DB = False  # writes files only: no --db in its help


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write a deterministic synthetic data set (events, packs, assignments) in the "
        "data contract's format into the folder OUT, for benchmarks. The same "
        "arguments give the same bytes."
    )
    parser.add_argument("out", metavar="OUT", help="folder to write into (created if missing; files are replaced)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--users",
        type=_positive,
        default=100,
        metavar="N",
        help="number of users (default 100; about 29 events per user and day)",
    )
    size.add_argument(
        "--events",
        type=_positive,
        metavar="N",
        help="aim for about N events instead of giving --users (e.g. --events 10_000_000)",
    )
    parser.add_argument(
        "--days", type=_positive, default=90, metavar="D", help="length of the period in days (default 90)"
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument(
        "--end", default="2026-11-20", metavar="DAY", help="last day of the period, YYYY-MM-DD (default 2026-11-20)"
    )
    parser.add_argument(
        "--format",
        choices=("csv", "parquet", "both"),
        default="csv",
        help="events as events.csv, events.parquet, or both (default csv)",
    )


def run(args: argparse.Namespace) -> int:
    end = parse_day(args.end)
    users = users_for_events(args.events, args.days) if args.events else args.users
    plan = Plan(users=users, days=args.days, seed=args.seed, end=end)
    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder")
    started = time.perf_counter()
    summary = generate(
        plan, out, csv_out=args.format in ("csv", "both"), parquet_out=args.format in ("parquet", "both")
    )
    seconds = time.perf_counter() - started
    files = [
        n
        for n, wanted in (("events.csv", args.format != "parquet"), ("events.parquet", args.format != "csv"))
        if wanted
    ]
    print(
        f"wrote {summary['events']:,} events in {summary['sessions']:,} sessions of "
        f"{summary['users']:,} users in {summary['teams']} teams, {plan.start} to {plan.end}, "
        f"plus {summary['packs']} packs and {summary['assignments']} assignments, "
        f"in {seconds:.1f} s: {', '.join(str(out / n) for n in files + ['packs.csv', 'assignments.csv'])}",
        file=sys.stdout,
    )
    for stale in {"events.csv", "events.parquet"} - set(files):
        if (out / stale).exists():
            print(
                f"note: {out / stale} is from an earlier run; `flexdash import {out}` would import it too",
                file=sys.stderr,
            )
    return 0
