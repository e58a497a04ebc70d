"""Helpers for the dashboard tests: the app as a user runs it, with a
fixed as-of, a pinned theme and terminal size, cursor blink off."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AS_OF = datetime(2026, 11, 21, tzinfo=UTC)  # the day after the sample logs end
SIZE = (160, 48)


def build_store(path: Path, inputs: list[Path]) -> Path:
    """Import ``inputs`` (files, or folders of files) the way an admin runs
    ``flexdash import`` once per file, then recompute (R4: as of now)."""
    from tests.stores import imported_store

    return imported_store(path, inputs, one_import_per_file=True)


def make_test_app(path: Path, **kw):
    from app.tui.app import make_app

    kw.setdefault("as_of", AS_OF)
    kw.setdefault("theme", "textual-dark")
    kw.setdefault("cursor_blink", False)
    kw.setdefault("refresh_seconds", 60.0)  # tests that want the loop set it
    return make_app(path, **kw)


def _tables_painted(app) -> bool:
    """Every visible table with rows has been measured (fastdatatable sizes
    itself on the next idle after it is mounted)."""
    from app.tui.widgets.frame_table import FrameTable

    for ft in app.screen.query(FrameTable):
        if not ft.display or ft.frame is None or ft.frame.height == 0 or not ft.is_on_screen:
            continue
        table = ft.table
        if (
            table is None
            or table._require_update_dimensions
            or table.virtual_size.height == 0
            or table.region.height == 0
        ):
            return False
    return True


async def settle(pilot) -> None:
    """Wait for every worker, then (bounded) for the screen to catch up."""
    from textual.worker import WorkerCancelled, WorkerFailed

    app = pilot.app
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # a load superseded by a newer one
            continue
        except WorkerFailed:  # the app turned it into a notification
            pass
        await pilot.pause()
        if not any(w.is_running for w in app.workers) and _tables_painted(app):
            break
    await pilot.pause()
