"""`/` filters the table of every pane, `s` and header clicks sort with the
column and direction shown in the header (issue 14)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from app.tui.widgets.frame_table import FrameTable
from tests.tui.helpers import SIZE, make_test_app, settle

OLIVER = "oliver.hughes@halvorsen-crane.example"


def table(app, table_id: str) -> FrameTable:
    return app.query_one(f"#{table_id}", FrameTable)


def header(app, table_id: str) -> list[str]:
    return [str(c.label) for c in table(app, table_id).table.ordered_columns]


@pytest.mark.parametrize(
    "key, table_id, text, column",
    [
        ("2", "packs-table", "survey", "team"),
        ("4", "usage-table", "OLIVER.HUGHES", "user"),
        ("5", "alerts-table", "oliver.hughes", "user"),
        ("6", "imports-table", "packs", "file"),
    ],
)
async def test_slash_filters_the_table_of_every_pane(sample_store, key, table_id, text, column):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        every = table(app, table_id).frame
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*text)
        await pilot.pause()
        shown = table(app, table_id).shown
        wanted = every.filter(every[column].str.to_lowercase().str.contains(text.lower(), literal=True))
        assert 0 < shown.height == wanted.height < every.height
        await pilot.press("enter")  # back to the table, the filter kept
        assert not isinstance(app.focused, Input)
        assert table(app, table_id).shown.height == wanted.height
        await pilot.press("escape")  # on the table: clears the filter
        await pilot.pause()
        assert table(app, table_id).shown.height == every.height


async def test_sort_shows_its_column_and_direction(sample_store):
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert header(app, "usage-table")[0] == "day (UTC) ▼"  # as usage.sql sorts: latest first
        await pilot.press("s")
        await settle(pilot)
        labels = header(app, "usage-table")
        assert "tokens ▼" in labels and "day (UTC)" in labels
        tokens = table(app, "usage-table").shown["tokens"].to_list()
        assert tokens == sorted(tokens, reverse=True)
        await pilot.press("s")  # windows, then user: names from A
        await pilot.press("s")
        await settle(pilot)
        assert "user ▲" in header(app, "usage-table")
        users = table(app, "usage-table").shown["user"].to_list()
        assert users == sorted(users)
        table(app, "usage-table").sort_by("user")  # a header click on the same column flips it
        await settle(pilot)
        assert "user ▼" in header(app, "usage-table")


async def test_alerts_count_denials_as_balances_does(sample_store):
    """Balances' denials of the period and the Alerts summary's denials are
    the same number: Alerts groups them per user, product and day."""
    app = make_test_app(sample_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        balances = table(app, "balances-table").frame
        in_balances = int(balances["denials"].sum())
        await pilot.press("5")
        await settle(pilot)
        summary = str(app.query_one("#alerts-summary").render())
        assert f"denied: balance {in_balances:,} denials" in summary
