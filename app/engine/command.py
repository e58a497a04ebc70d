"""``flexdash recompute [--as-of INSTANT]``: recompute charges, draw-down and
denials from everything in the store, as of an instant (R4, default now)."""

from __future__ import annotations

from app import store
from app.engine.recompute import recompute
from app.timeutil import format_instant, parse_instant


def add_arguments(parser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="INSTANT",
        help="compute as of this instant (UTC unless an offset is given; default: now); "
        "events after it are ignored (R4)",
    )


def run(args) -> int:
    as_of = parse_instant(args.as_of)
    con = store.connect_write(args.db, create=False)  # only import and demo create a store
    try:
        summary = recompute(con, as_of)
    finally:
        con.close()
    print(
        f"recomputed as of {format_instant(summary.as_of)}: {summary.events} events, "
        f"{summary.charges} charges, {summary.denials} denials ({summary.seconds:.2f} s)"
    )
    return 0
