"""Keys never end up typed into a field the admin did not choose: a reload,
a palette change or an import seen by the refresh loop leaves the focus
where it was (issue 14), Esc leaves a filter field, `t` opens the team list."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

from textual.widgets import ContentSwitcher, Input, Select

from app.tui.widgets.fast_table import FastTable
from tests.tui.helpers import ROOT, SIZE, make_test_app, settle

# Three weeks after the samples end (2026-11-20): the default period still
# holds charges, its last 7 days (Usage's first rows) none.
LATE = datetime(2026, 12, 10, tzinfo=UTC)


def current_pane(app) -> str:
    return app.query_one("#panes", ContentSwitcher).current


def period(app) -> tuple[str, str]:
    return app.query_one("#since", Input).value, app.query_one("#until", Input).value


async def _palette(pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def test_an_import_seen_by_the_refresh_loop_keeps_the_focus(sample_store, tmp_path):
    db = tmp_path / "store.duckdb"
    shutil.copy(sample_store, db)
    app = make_test_app(db, as_of=LATE, team="civil")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert isinstance(app.focused, FastTable)
        before = period(app)
        from app import store
        from app.ingest import import_paths

        con = store.connect_write(db)  # another terminal's import (the app holds no connection)
        try:
            import_paths(con, [str(ROOT / "sample_logs" / "rates.csv"), str(ROOT / "data" / "prices.csv")])
        finally:
            con.close()
        app._poll()  # what the refresh timer runs: the store changed, the pane reloads
        await settle(pilot)
        assert not isinstance(app.focused, Input | Select)
        await pilot.press("5")  # a pane key switches panes, it is not typed into a date
        await settle(pilot)
        assert current_pane(app) == "alerts" and period(app) == before


async def test_a_reload_keeps_the_focus_on_the_table(sample_store):
    app = make_test_app(sample_store, as_of=LATE, team="civil")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.focused, FastTable)
        await pilot.press("1")
        await settle(pilot)
        assert current_pane(app) == "balances"


async def test_a_palette_period_without_rows_then_with_rows_keeps_keys_for_panes(sample_store):
    app = make_test_app(sample_store, as_of=LATE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert isinstance(app.focused, FastTable)
        await _palette(pilot, "Period: last 7 days")  # 2026-12-04..10: no charge, the table goes
        assert not isinstance(app.focused, Input | Select)
        await _palette(pilot, "Period: last 30 days")  # rows again
        assert isinstance(app.focused, FastTable)
        await _palette(pilot, "Team: civil")
        assert isinstance(app.focused, FastTable)
        await pilot.press("2")
        await settle(pilot)
        assert current_pane(app) == "expirations"
        assert period(app) == ("2026-11-11", "2026-12-10")  # 30 days up to as-of, untouched by the keys


async def test_escape_leaves_a_date_field(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert app.focused is app.query_one("#since", Input)
        await pilot.press("escape")
        assert isinstance(app.focused, FastTable)
        await pilot.press("2")
        await settle(pilot)
        assert current_pane(app) == "expirations"
        assert period(app) == ("2026-10-23", "2026-11-21")


async def test_t_opens_the_team_list_and_a_choice_returns_to_the_table(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        select = app.query_one("#team", Select)
        assert select.expanded
        # the list: All teams, architecture, civil, visualisation
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.filters.team == "architecture"
        assert isinstance(app.focused, FastTable)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")  # closes the list
        await pilot.press("escape")  # leaves the selector
        assert isinstance(app.focused, FastTable)
