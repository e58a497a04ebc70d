"""Pilot tests: the dashboard driven by keys, as an admin uses it. Waits on
workers and bounded pilot.pause() loops, never on sleeps."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from textual.widgets import ContentSwitcher, Input, Select

from app.tui.screens.why import WhyScreen
from app.tui.widgets.frame_table import FrameTable
from tests.tui.helpers import ROOT, SIZE, make_test_app, settle


def current_pane(app) -> str:
    return app.query_one("#panes", ContentSwitcher).current


def frame_of(app, table_id: str):
    return app.query_one(f"#{table_id}", FrameTable).frame


async def test_switch_panes_by_number_and_letter(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current_pane(app) == "balances"
        for key, pane in [("2", "expirations"), ("4", "usage"), ("5", "alerts"), ("6", "imports"), ("1", "balances")]:
            await pilot.press(key)
            await settle(pilot)
            assert current_pane(app) == pane
        await pilot.press("u")
        await settle(pilot)
        assert current_pane(app) == "usage"
        assert frame_of(app, "usage-table") is not None


async def test_switch_pane_by_command_palette(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Show Alerts")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert current_pane(app) == "alerts"


async def test_filter_rates_as_you_type(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)  # the filter takes the keys
        await pilot.press(*"revit")
        await pilot.pause()
        shown = app.query_one("#rates-table", FrameTable).shown
        # data/rates.csv: Revit (RVT) and its plug-in "Fabrication for Revit"
        assert set(shown["product"]) == {"RVT", "RVTFAB"}
        await pilot.press("escape")
        await pilot.press("2")  # keys switch panes again once out of the filter
        await settle(pilot)
        assert current_pane(app) == "expirations"


async def test_team_and_period_apply_to_usage(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        all_teams = frame_of(app, "usage-table")
        assert all_teams["team"].n_unique() > 1
        app.query_one("#team", Select).value = "civil"
        await settle(pilot)
        civil = frame_of(app, "usage-table")
        assert civil.height > 0 and set(civil["team"]) == {"civil"}
        # the period: only 2026-11-02 .. 2026-11-06
        since = app.query_one("#since", Input)
        since.value = "2026-11-02"
        until = app.query_one("#until", Input)
        until.value = "2026-11-06"
        until.focus()
        await pilot.press("enter")
        await settle(pilot)
        week = frame_of(app, "usage-table")
        assert week.height > 0
        assert week["day"].min() >= date(2026, 11, 2) and week["day"].max() <= date(2026, 11, 6)
        # the team still applies to another pane
        await pilot.press("escape")
        app.set_focus(None)
        await pilot.press("5")
        await settle(pilot)
        alerts = frame_of(app, "alerts-table")
        assert alerts is None or set(alerts["team"].drop_nulls()) <= {"civil"}


async def test_a_long_usage_shows_its_first_rows_then_all(sample_store, monkeypatch):
    """A long period paints its first rows at once, then every row (Pane.fetch_head):
    the first show is the head of the full result, marked incomplete; then the
    full result replaces it, totals included."""
    from app.tui.widgets.panes import UsagePane

    monkeypatch.setattr(UsagePane, "FIRST_ROWS", 5)
    shown: list[tuple[int, bool, list]] = []
    original = UsagePane.show

    def recording(self, data, complete=True):
        shown.append((data.height, complete, data.head(5).rows()))
        original(self, data, complete)

    monkeypatch.setattr(UsagePane, "show", recording)
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        shown.clear()  # shown from the prefetch (a hidden pane is fetched whole)
        app.set_period_days(60)  # a load of the visible pane
        await settle(pilot)
        full = frame_of(app, "usage-table")
        assert full.height > 5 and len(shown) == 2
        first, last = shown[-2], shown[-1]
        assert first[:2] == (5, False) and last[:2] == (full.height, True)
        assert first[2] == last[2]  # the first rows are the head of the whole, in its order
        summary = str(app.query_one("#usage-summary").render())
        assert f"{full.height:,} rows" in summary and "reading the rest" not in summary


async def test_bad_date_is_a_warning_not_a_crash(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.filters
        since = app.query_one("#since", Input)
        since.value = "2026-13-45"
        since.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.filters == before
        assert since.has_class("-invalid")
        # leaving the box: the bar shows the period in force again, not the typo
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is not since
        assert since.value == before.since.isoformat() and not since.has_class("-invalid")
        assert app.filters == before


async def test_leaving_a_date_box_applies_a_date_typed_in_it(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.filters
        since = app.query_one("#since", Input)
        since.focus()
        since.value = "2026-11-02"
        await pilot.press("tab")  # no Enter: leaving the box is enough
        await settle(pilot)
        assert app.filters == before.with_(since=date(2026, 11, 2))
        # a period that ends before it starts is refused, and the box shows the period in force
        until = app.query_one("#until", Input)
        until.focus()
        until.value = "2026-11-01"
        app.set_focus(None)
        await settle(pilot)
        assert app.filters.until == before.until and until.value == before.until.isoformat()


async def test_why_from_usage(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        first = frame_of(app, "usage-table").row(0, named=True)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyScreen)
        assert (app.screen.user, app.screen.product) == (first["user"], first["product"])
        assert first["user"] in str(app.screen.query_one("#why-title").render())
        await pilot.press("escape")
        await settle(pilot)
        assert current_pane(app) == "usage" and not isinstance(app.screen, WhyScreen)


async def test_why_from_alerts(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        alerts = frame_of(app, "alerts-table")
        # the first alert that names a product (sorted as shown)
        index = next(i for i, p in enumerate(alerts["product"].to_list()) if p)
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WhyScreen)
        assert app.screen.product == alerts["product"][index]


def _import_in_other_process(db, *paths) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", "import", "--db", str(db), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_live_refresh_after_an_import_by_another_process(tmp_path):
    from app import store

    db = tmp_path / "live.duckdb"
    store.connect_write(db).close()
    app = make_test_app(db, refresh_seconds=0.3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.empty  # the empty store shows how to import, into this store
        guide = str(app.query_one("#empty-text").render())
        assert f"flexdash import --db {db} FILE_OR_FOLDER" in guide
        result = _import_in_other_process(db, ROOT / "sample_logs" / "packs.csv")
        assert result.returncode == 0, result.stderr
        for _ in range(200):  # bounded: the loop polls every 0.3 s
            await pilot.pause(0.05)
            if not app.empty and frame_of(app, "balances-table") is not None:
                break
        assert not app.empty
        teams = set(frame_of(app, "balances-table")["team"])
        assert teams == {"architecture", "civil", "survey", "visualisation"}


async def test_busy_store_keeps_last_data_and_shows_updating(sample_store, tmp_path):
    import shutil

    db = tmp_path / "busy.duckdb"
    shutil.copy(sample_store, db)
    app = make_test_app(db, refresh_seconds=0.3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = frame_of(app, "balances-table")
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); sys.stdin.read()",
                str(db),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout.readline().strip() == "locked"
            app.action_refresh()
            for _ in range(200):
                await pilot.pause(0.05)
                if app.busy:
                    break
            assert app.busy
            assert app.query_one("#filters").has_class("-busy")
            assert frame_of(app, "balances-table").equals(shown)  # the last data stays
        finally:
            holder.communicate("", timeout=30)
        for _ in range(200):
            await pilot.pause(0.05)
            if not app.busy:
                break
        assert not app.busy


async def test_a_file_that_is_not_a_store_is_a_notification_not_a_crash(tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a DuckDB store\n")
    app = make_test_app(bogus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("is not a flexdash store" in m for m in messages), messages
        assert app.is_running  # still up: the admin can quit normally
