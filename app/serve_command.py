"""`flexdash serve`: the dashboard in a browser, through textual-serve.

Each browser tab runs its own `flexdash tui` process with Textual's web
driver, on the same store and options; like the terminal dashboard it only
ever opens the store read-only. Bound to 127.0.0.1 unless --host says
otherwise (0.0.0.0 shares it on the local network: no login, anyone who can
reach the port sees the numbers). textual-serve is imported only here.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from app import store
from app.errors import StoreBusy, UsageError
from app.tui_command import add_arguments as add_dashboard_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    add_dashboard_arguments(parser)


def dashboard_command(args: argparse.Namespace) -> str:
    """The `flexdash tui` command line each browser tab runs."""
    parts = [sys.executable, "-m", "app", "tui", "--db", str(store.resolve_db_path(getattr(args, "db", None)))]
    for option in ("as_of", "team", "since", "until", "theme"):
        value = getattr(args, option, None)
        if value is not None:
            parts += [f"--{option.replace('_', '-')}", str(value)]
    parts += ["--warn-below", str(args.warn_below), "--refresh", str(args.refresh)]
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: a port is between 1 and 65535")
    try:
        # no such store (8), not a store (6), a newer flexdash's (7): said before serving
        store.connect_read(store.resolve_db_path(getattr(args, "db", None))).close()
    except StoreBusy:
        pass  # an import holds it: the dashboard shows "updating" and tries again
    from textual_serve.server import Server

    url = f"http://{args.host}:{args.port}"
    print(f"flexdash dashboard on {url} (read-only on the store; ctrl+c stops)", flush=True)
    Server(dashboard_command(args), host=args.host, port=args.port, title="flexdash", public_url=url).serve()
    return 0
