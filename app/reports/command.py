"""``flexdash report NAME [--format csv|json|table] [--as-of] [--team]
[--since] [--until] [--tz]`` (data contract, "Reports")."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from app import store
from app.errors import EXIT_DIFFERENCES
from app.reports import sources
from app.reports.params import ReportParams
from app.reports.render import FORMATS, render
from app.reports.runner import build
from app.reports.spec import NAMES, REPORTS
from app.timeutil import parse_day, parse_instant, parse_zone

EPILOG = "periods (--since/--until, inclusive days):\n" + "\n".join(
    f"  {s.name:<9} {s.period_on or 'none: a point in time (use --as-of)'}" for s in REPORTS.values()
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("name", metavar="NAME", choices=NAMES, help=f"one of: {', '.join(NAMES)}")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="csv and json for scripts (the data contract), table for people (default)",
    )
    parser.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="compute as of this instant (R4): 'now' (default), a date (00:00 UTC) or an ISO-8601 instant",
    )
    parser.add_argument("--team", metavar="TEAM", help="only this team")
    parser.add_argument("--since", metavar="DAY", help="first day included (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DAY", help="last day included (YYYY-MM-DD)")
    parser.add_argument(
        "--all",
        action="store_true",
        help="reconcile: list the matching rows too (status match)",
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        default=None,
        help="daily, chargeback, reconcile, gaps: the zone whose calendar days group the windows (R3; default UTC)",
    )


def params_from_args(args: argparse.Namespace) -> ReportParams:
    tz = args.tz or "UTC"
    parse_zone(tz)  # a clear message for a misspelt zone
    return ReportParams(
        as_of=parse_instant(args.as_of),
        team=args.team,
        since=parse_day(args.since),
        until=parse_day(args.until),
        tz=tz,
        all=bool(getattr(args, "all", False)),
    )


def run(args: argparse.Namespace) -> int:
    params = params_from_args(args)
    con = store.connect_read(args.db)
    try:
        frame = build(con, args.name, params)
        if args.format == "table":  # R24: people are told where the charges come from
            source = sources.label(con, params.as_of, params.team, params.since, params.until)
            params = dataclasses.replace(params, source=source)
    finally:
        con.close()
    sys.stdout.write(render(frame, args.name, args.format, params))
    if args.name == "reconcile" and frame.filter(frame["status"] != "match").height:
        return EXIT_DIFFERENCES  # R24: scripts run it after every export import
    return 0
