"""``flexdash check [--config PATH] [--as-of INSTANT] [--format text|json]``:
the breached budgets. Exit codes follow monitoring tools (cron, Nagios):
0 OK, 1 a warning breached, 2 a critical one breached (and 2 for a bad
config file or option, with nothing changed)."""

from __future__ import annotations

import argparse
import json
import sys

from app import store, textsafe
from app.budgets import config
from app.budgets.evaluate import evaluate, exit_code
from app.engine import use_results_as_of
from app.reports import ReportParams, sources
from app.timeutil import format_instant, parse_instant


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help=f"the budgets file (default: ${config.ENV}, else {config.DEFAULT})",
    )
    parser.add_argument("--as-of", metavar="INSTANT", help="check as of this instant (R4): 'now' (default)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    budgets, path = config.load(args.config)  # a bad file: UsageError, exit 2, before the store is opened
    params = ReportParams(as_of=parse_instant(args.as_of))
    con = store.connect_read(args.db)
    try:
        use_results_as_of(con, params.as_of)
        breaches = evaluate(con, budgets, params)
        source = None if args.format == "json" or budgets.empty else sources.label(con, params.as_of)
    finally:
        con.close()
    code = exit_code(breaches)
    if args.format == "json":
        sys.stdout.write(json.dumps([b.as_json() for b in breaches], ensure_ascii=False, indent=2) + "\n")
    elif budgets.empty:
        sys.stdout.write(f"OK: no budgets set ({path})\n")
    elif not breaches:
        sys.stdout.write(f"OK: no budget breached as of {format_instant(params.as_of)}\n")
    else:
        for b in breaches:
            sys.stdout.write(f"{b.severity.upper()} {textsafe.show(b.subject)}: {textsafe.show(b.message, 200)}\n")
    if source:  # R24: after the status lines (a monitor reads the first one)
        sys.stdout.write(f"charges {textsafe.show(source, max_len=None)}\n")
    return code
