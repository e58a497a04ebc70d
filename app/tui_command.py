"""`flexdash tui` (and bare `flexdash`): open the dashboard.

Textual is imported only inside :func:`run`, so building the CLI parser and
every other command stay free of it (the core never imports textual).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys

from app import store
from app.dashboard.filters import WARN_BELOW_PERCENT
from app.errors import StoreBusy, UsageError
from app.timeutil import parse_day, parse_instant


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"a percentage is between 0 and 100, not {text}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0.2:
        raise argparse.ArgumentTypeError("refresh at most every 0.2 s")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", metavar="INSTANT", help="fix 'now' for the whole dashboard (R4); default: the clock")
    parser.add_argument("--team", help="open on one team")
    parser.add_argument("--since", metavar="DAY", help="first day of the period (default: 30 days before as-of)")
    parser.add_argument("--until", metavar="DAY", help="last day of the period (default: the as-of day)")
    parser.add_argument(
        "--warn-below",
        metavar="PERCENT",
        type=_percent,
        default=WARN_BELOW_PERCENT,
        help="mark teams whose share of purchased tokens left is below PERCENT (default %(default)g; the vendor's band is 20)",
    )
    parser.add_argument(
        "--refresh", metavar="SECONDS", type=_seconds, default=2.0, help="how often to look for new data (default 2)"
    )
    parser.add_argument("--theme", default="textual-dark", help="a Textual theme name (default textual-dark)")


def _on_a_terminal() -> bool:
    """The dashboard draws on a terminal, or in a browser (`flexdash serve`
    runs it with Textual's web driver, through pipes)."""
    return (sys.stdin.isatty() and sys.stdout.isatty()) or bool(os.environ.get("TEXTUAL_DRIVER"))


def theme_error(name: str, themes: list[str]) -> UsageError:
    """An unknown theme: the nearest names first, then every theme."""
    near = difflib.get_close_matches(name, themes, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    return UsageError(f"unknown theme {name!r}; {hint}the themes are: {', '.join(sorted(themes))}")


def run(args: argparse.Namespace) -> int:
    as_of = parse_instant(args.as_of, default_now=False) if getattr(args, "as_of", None) else None
    since = parse_day(getattr(args, "since", None))
    until = parse_day(getattr(args, "until", None))
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    db = store.resolve_db_path(getattr(args, "db", None))

    from app.tui.app import make_app  # Textual loads only here

    app = make_app(
        db,
        as_of=as_of,
        team=getattr(args, "team", None),
        since=since,
        until=until,
        warn_below=getattr(args, "warn_below", WARN_BELOW_PERCENT),
        theme=getattr(args, "theme", "textual-dark"),
        refresh_seconds=getattr(args, "refresh", 2.0),
        as_of_note=getattr(args, "as_of_note", None),
    )
    if app.initial_theme not in app.available_themes:
        raise theme_error(app.initial_theme, list(app.available_themes))
    try:
        # no such store (8), not a store (6), a newer flexdash's (7): said before the screen opens
        store.connect_read(db).close()
    except StoreBusy:
        pass  # an import holds it: the dashboard shows "updating" and tries again
    if not _on_a_terminal():
        raise UsageError(
            "the dashboard draws on a terminal, and this output is a file or a pipe; "
            "for text use `flexdash report NAME` (e.g. `flexdash report balances --format csv`)"
        )
    app.run()
    return 0
