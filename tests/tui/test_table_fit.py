"""FrameTable on a narrow screen (issue 14, small terminals): long text
columns are cut with an ellipsis down to their narrowest width first, then
the least useful columns leave, and a chosen row still carries every value
whole."""

from __future__ import annotations

import polars as pl
import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual_fastdatatable import DataTable

from app.tui.widgets.frame_table import FrameTable

ROWS = pl.DataFrame(
    {
        "day": ["2026-09-09", "2026-10-13"],
        "user": ["camille.henry@halvorsen-crane.example", "emma.fournier@halvorsen-crane.example"],
        "team": ["architecture", "visualisation"],
        "status": ["amount_differs", "team_differs"],
    }
)


class OneTable(App):
    def __init__(self, **fit) -> None:
        super().__init__()
        self.fit = fit

    def compose(self) -> ComposeResult:
        yield FrameTable(id="t", **self.fit)

    def on_mount(self) -> None:
        self.query_one(FrameTable).show(ROWS)


def _columns(table: FrameTable) -> list[str]:
    return [str(c.label) for c in table.table.ordered_columns]


FIT = {"may_shorten": {"user": 16}, "may_hide": ("team",)}


@pytest.mark.parametrize(
    ("width", "columns", "cell", "text"),
    [
        # wide: everything whole
        (120, ["day", "user", "team", "status"], (0, 1), "camille.henry@halvorsen-crane.example"),
        # day 10+2, user 37+2, team 13+2, status 14+2 = 82 wide; room 62: the
        # user column gives 20 of the 21 it may (down to 16), 17 wide (16 and the
        # ellipsis), so the team column can stay: 82 - 20 = 62
        (62, ["day", "user", "team", "status"], (0, 1), "camille.henry@ha…"),
        # room 60: the user column at its narrowest (16 + 2) leaves 82 - 21 = 61, so the team goes
        (60, ["day", "user", "status"], (1, 1), "emma.fournier@h…"),
    ],
    ids=["wide", "address-cut", "column-hidden"],
)
async def test_addresses_are_cut_before_the_least_useful_column_leaves(width, columns, cell, text):
    app = OneTable(**FIT)
    async with app.run_test(size=(width, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(FrameTable)
        assert _columns(table) == columns
        assert table.table.get_cell_at(Coordinate(*cell)) == text
        assert table.shown.row(0, named=True)["user"] == "camille.henry@halvorsen-crane.example"


async def test_a_header_click_sorts_the_column_under_it_when_one_is_hidden():
    app = OneTable(**FIT)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(FrameTable)
        assert _columns(table) == ["day", "user", "status"]
        # what a click on the third header on screen posts (status: team, the frame's third, is hidden)
        table.table.post_message(DataTable.HeaderSelected(table.table, 2, Text("status")))
        await pilot.pause()
        assert table.sort == ("status", False)
        assert table.shown["status"].to_list() == ["amount_differs", "team_differs"]
