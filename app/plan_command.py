"""``flexdash plan [--team T] [--horizon DAYS] [--as-of INSTANT]
[--format table|csv|json]``: the cheapest purchases that keep each team's
projection above its highest daily rate (R21; logic in app/reports/plan.py)."""

from __future__ import annotations

import argparse
import sys

from app import store, textsafe
from app.engine import use_results_as_of
from app.errors import UsageError
from app.reports import ReportParams, sources
from app.reports.params import check, spec_for
from app.reports.plan import frame, plans
from app.reports.render import to_csv, to_json
from app.timeutil import parse_instant

DEFAULT_HORIZON = 90


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", metavar="TEAM", help="only this team")
    parser.add_argument(
        "--horizon", metavar="DAYS", type=int, default=DEFAULT_HORIZON, help=f"days ahead (default {DEFAULT_HORIZON})"
    )
    parser.add_argument(
        "--as-of", metavar="INSTANT", help="plan as of this instant (R4): 'now' (default), a date or an instant"
    )
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.horizon <= 730:
        raise UsageError(f"--horizon {args.horizon}: expected a number of days from 1 to 730")
    params = ReportParams(as_of=parse_instant(args.as_of), team=args.team)
    con = store.connect_read(args.db)
    try:
        check(con, spec_for("forecast"), params)  # the same team check as the forecast
        use_results_as_of(con, params.as_of)
        team_plans = plans(con, params, args.horizon)
        source = sources.label(con, params.as_of, params.team) if args.format == "table" else None
    finally:
        con.close()
    df = frame(team_plans)
    if args.format == "csv":
        sys.stdout.write(to_csv(df))
    elif args.format == "json":
        sys.stdout.write(to_json(df))
    else:
        # R24: the projection is made of the charges; people are told their source
        sys.stdout.write(_text(team_plans, args.horizon) + f"charges {textsafe.show(source, max_len=None)}\n")
    return 0


def _text(team_plans, horizon: int) -> str:
    lines = []
    for p in team_plans:
        team = textsafe.show(p.team)
        if not p.purchases:
            lines.append(f"{team}: nothing to buy; the projection holds for {horizon} days")
        else:
            lines.append(f"{team}: {len(p.purchases)} purchase(s), {p.cost:,.2f} {p.purchases[0].currency}")
            for b in p.purchases:
                lines.append(f"  buy {b.pack_size:,} tokens on {b.day.isoformat()} for {b.price:,.2f} {b.currency}")
        if p.runs_out_on is not None:
            lines.append(f"  still runs out on {p.runs_out_on.isoformat()} (more than {len(p.purchases)} purchases)")
        lines.append(f"  tokens projected to expire unused with this plan: {p.tokens_forfeited:,}")
    return "\n".join(lines) + "\n"
