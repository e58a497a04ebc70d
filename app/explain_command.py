"""``flexdash explain USER PRODUCT [--day DAY] [--as-of INSTANT]
[--format text|json]``: why each window of one user on one product was
charged or denied (logic in :mod:`app.explain`)."""

from __future__ import annotations

import argparse
import json
import sys

from app import store
from app.explain import explain, render_text, to_json_obj
from app.timeutil import parse_day, parse_instant


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("user", metavar="USER", help="the named user (e-mail), as in the logs")
    parser.add_argument("product", metavar="PRODUCT", help="the product code, e.g. ACAD")
    parser.add_argument("--day", metavar="DAY", help="only what overlaps this UTC day (YYYY-MM-DD)")
    parser.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="explain as of this instant (R4): 'now' (default), a date or an ISO-8601 instant",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text for people (default), json for scripts"
    )
    parser.add_argument("--no-timeline", action="store_true", help="leave out the per-day timelines")


def run(args: argparse.Namespace) -> int:
    as_of = parse_instant(args.as_of)
    day = parse_day(args.day)
    con = store.connect_read(args.db)
    try:
        expl = explain(con, args.user, args.product, as_of=as_of, day=day)
    finally:
        con.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json_obj(expl), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(expl, timeline=not args.no_timeline))
    return 0
