"""``flexdash import PATH...``: the command around app.ingest.import_into.

Exit codes (app/errors.py, README): 0 every row landed (or was a
duplicate); 3 some rows were rejected (everything else landed); 4 a file
could not be read (nothing landed); 5 the store stayed busy.
"""

from __future__ import annotations

import sys
import time

from app import textsafe
from app.engine import recompute
from app.errors import EXIT_OK, EXIT_REJECTED
from app.ingest.importer import FileResult, import_into
from app.ingest.kinds import KINDS
from app.ingest.options import ENCODING_HELP


def add_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument(
        "--kind", choices=list(KINDS), help="force the input kind (default: recognised from the columns)"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="summary format (default text)")
    parser.add_argument(
        "--assume-tz", metavar="ZONE", help="zone of timestamps written without a UTC offset (R2; default: reject them)"
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help=f"text encoding of CSV and JSON lines files: {ENCODING_HELP}",
    )
    parser.add_argument(
        "--retry-rejected",
        action="store_true",
        help=(
            "read again a file imported before whose rows were refused (its refused rows are judged again, "
            "with the --assume-tz and --encoding that last read it unless given)"
        ),
    )
    parser.add_argument(
        "--lock-timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how long to wait for a busy store (default 30)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no warnings")


def _say(message: str) -> None:
    print(f"flexdash: {message}", file=sys.stderr)


class _ProgressBar:
    """A rich progress bar on stderr, shown only on a terminal and only once
    an import has taken more than a moment."""

    DELAY = 0.5

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.bar = None
        self.tasks: dict[str, int] = {}

    def __call__(self, file: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.start < self.DELAY:
                return
            from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                transient=True,
                console=_stderr_console(),
            )
            self.bar.start()
        if file not in self.tasks:
            # the description is Rich markup: a file name is escaped, never parsed
            self.tasks[file] = self.bar.add_task(textsafe.markup(_short(file), None), total=total or 1)
        self.bar.update(self.tasks[file], completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _short(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "..." + path[-(width - 3) :]


FILE_MAX_LEN = 240  # a path is longer than a name, still never printed whole when huge


# R24: a vendor export carries no export date of its own, so "later" is import order
REVISION_RULE = (
    "revised: the latest import replaces the tokens of a team, user, product and day"
    " (an export carries no date; files of one import in the order given, a folder's by name)"
)


def render_text(results: list[FileResult]) -> str:
    lines = []
    for r in results:
        note = " (already imported: skipped)" if r.skipped else ""
        revised = f" ({r.revised} revised an earlier import)" if r.revised else ""
        lines.append(
            f"{textsafe.show(r.file, FILE_MAX_LEN)}: {r.kind}, {r.rows} rows: {r.accepted} accepted{revised}, "
            f"{r.duplicates} duplicates, {r.rejected} rejected{note}"
        )
    if len(results) > 1:
        total = {k: sum(getattr(r, k) for r in results) for k in ("rows", "accepted", "duplicates", "rejected")}
        lines.append(
            f"total: {len(results)} files, {total['rows']} rows: {total['accepted']} accepted, "
            f"{total['duplicates']} duplicates, {total['rejected']} rejected"
        )
    if any(r.revised for r in results):
        lines.append(REVISION_RULE)
    if any(r.rejected for r in results):
        lines.append("see the refused rows with: flexdash report rejects")
    return "\n".join(lines)


def _recompute_if_changed(con, results: list[FileResult]) -> None:
    # Issue 3: charges, draws and denials follow every import that changed
    # the store, under the same lock as the import's transaction.
    if any(r.accepted for r in results):
        recompute(con)


def run(args) -> int:
    progress = _ProgressBar(enabled=not args.quiet)
    stored: list[list[FileResult]] = []

    def then(con, results: list[FileResult]) -> None:
        stored.append(results)  # committed: an interruption from here on loses only the recompute
        _recompute_if_changed(con, results)

    try:
        # the store's lock is taken only once every file is read and checked
        results = import_into(
            args.db,
            args.paths,
            kind=args.kind,
            assume_tz=args.assume_tz,
            encoding=args.encoding,
            retry_rejected=args.retry_rejected,
            progress=progress,
            lock_timeout=args.lock_timeout,
            on_wait=_say,
            then=then,
        )
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM, SIGHUP (app.tempdirs.Terminated)
        if not stored:
            raise  # rolled back: nothing from this command was committed
        _say(
            "interrupted after the import was stored (every file landed); charges were not recomputed "
            "(reports recompute them as they read): run `flexdash recompute`"
        )
        return 128 + getattr(exc, "signum", 2)
    finally:
        progress.close()
    if not args.quiet:
        for r in results:
            for warning in r.warnings:
                # warnings quote input (extra column names): shown, cut
                _say(f"{textsafe.show(r.file, FILE_MAX_LEN)}: {textsafe.show(warning, 400)}")
    if args.format == "json":
        from app.ingest.summary import summaries_json  # pydantic: ~0.06 s to import, for JSON only

        print(summaries_json(results))
    else:
        print(render_text(results))
    return EXIT_REJECTED if any(r.rejected for r in results) else EXIT_OK
