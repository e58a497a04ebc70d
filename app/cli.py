"""The ``flexdash`` command.

Each subcommand lives in its own core module exposing ``add_arguments(parser)``
and ``run(args) -> int``; this file only wires them. Bare ``flexdash`` opens
the dashboard. Nothing here imports Textual: the TUI is imported only when
the dashboard is asked for.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__, textsafe
from app.errors import EXIT_INTERNAL, FlexdashError

# subcommand -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("app.ingest.command", "import usage logs, packs, rates, assignments, prices or groups"),
    "recompute": ("app.engine.command", "recompute charges, draw-down and denials"),
    # the names are listed once, by `flexdash report --help` (app.reports.command.NAMES)
    "report": (
        "app.reports.command",
        "print a report: balances, charges, reconcile, forecast, ... (see report --help)",
    ),
    "plan": ("app.plan_command", "the token packs to buy, and when, so no team runs out (R21)"),
    "check": ("app.budgets.command", "check the budgets of the config file (exit 0 OK, 1 warning, 2 critical)"),
    "explain": ("app.explain_command", "explain the charges of one user and product"),
    "generate": ("app.generate.command", "write a deterministic synthetic data set"),
    "demo": ("app.demo", "import the bundled sample logs into a demo store and open the dashboard"),
    "tui": ("app.tui_command", "open the dashboard (the default)"),
    "serve": ("app.serve_command", "serve the dashboard to a browser (textual-serve; 127.0.0.1:8000 by default)"),
}


DB_HELP = "the store (default: $FLEXDASH_DB, else ~/.local/share/flexdash/flexdash.duckdb)"


def add_common(parser: argparse.ArgumentParser, db_help: str = DB_HELP) -> None:
    """``--db``; a command whose store is another (demo) says so in ``db_help``."""
    parser.add_argument("--db", metavar="PATH", help=db_help)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, just that subcommand's module is imported
    (start-up stays quick, and one command's imports cannot break another)."""
    parser = argparse.ArgumentParser(
        prog="flexdash",
        description="Autodesk Flex token analytics: where tokens went, what expires, when they run out.",
    )
    parser.add_argument("--version", action="version", version=f"flexdash {__version__}")
    # shown in the help only: main() hands a leading --db to the subcommand
    parser.add_argument("--db", metavar="PATH", dest="_global_db", help=DB_HELP + "; before or after COMMAND")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module_name)
        if only is not None and name != only:
            continue
        module = importlib.import_module(module_name)
        if getattr(module, "USES_DB", True):  # a command with no store lists no --db
            add_common(p, getattr(module, "DB_HELP", DB_HELP))
        module.add_arguments(p)
    return parser


MESSAGE_MAX_LEN = 2000  # a message quoting input can never flood the terminal


def _message(exc: BaseException) -> str:
    """The error's text as the terminal may show it: messages quote names
    and lines from input (each shown where it is quoted; this is the net)."""
    return textsafe.show(str(exc), MESSAGE_MAX_LEN, newlines=True)


def _global_options_after_command(argv: list[str]) -> list[str]:
    """``flexdash --db S report balances``: the leading ``--db`` moves after
    the subcommand (``tui`` when none is named), where it is parsed."""
    moved: list[str] = []
    rest = list(argv)
    while rest:
        if rest[0] == "--db" and len(rest) > 1:
            moved += rest[:2]
            rest = rest[2:]
        elif rest[0].startswith("--db="):
            moved.append(rest.pop(0))
        else:
            break
    if not moved:
        return argv
    if rest and rest[0] in COMMANDS:
        return [rest[0], *moved, *rest[1:]]
    if rest and rest[0] in ("-h", "--help", "--version"):
        return rest
    return ["tui", *moved, *rest]


def main(argv: list[str] | None = None) -> int:
    argv = _global_options_after_command(list(sys.argv[1:] if argv is None else argv))
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["tui", *argv]
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    module = importlib.import_module(args._module)
    try:
        return int(module.run(args) or 0)
    except FlexdashError as exc:
        print(f"flexdash: {_message(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP during an import (app.tempdirs.Terminated)
        print("flexdash: interrupted; nothing from this command was committed", file=sys.stderr)
        return 128 + getattr(exc, "signum", 2)
    except Exception as exc:  # a bug: say so plainly, with the way to report it
        from app import store, store_guard

        damaged = store_guard.damaged(exc, store.resolve_db_path(getattr(args, "db", None)))
        if damaged is not None:  # not a bug: the store's file was damaged (exit 6)
            print(f"flexdash: {_message(damaged)}", file=sys.stderr)
            return damaged.exit_code
        print(f"flexdash: internal error: {type(exc).__name__}: {_message(exc)}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
