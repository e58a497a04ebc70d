"""FastTable (app/tui/widgets/fast_table.py) builds the usual cells' segments
itself instead of through Rich: they must be the very segments
textual-fastdatatable gives, for every kind of value, width, and cursor
state, or the dashboard would look different from its snapshots."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pyarrow as pa
import pytest
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual_fastdatatable import ArrowBackend, DataTable

from app.tui.widgets.fast_table import FastTable, plain_cell

VALUES = {
    "text": ["Design", "a name far too long for its narrow column", "[bold]markup or not[/]", "", "naïve 東京", None],
    "colons": ["10:00", "a :smile: b", "back\\slash", "x:y:z", "[green]● ok[/]", "2026-03-02 09:14"],
    "count": [0, 1234567, -42, 7, None, 3],
    "tokens": [0.0, 1234.5, -0.25, 1e9, 12.0, None],
    "day": [date(2026, 3, 2), date(2026, 11, 27), None, date(2025, 1, 1), date(2026, 1, 1), date(2026, 6, 30)],
    "flag": [True, False, None, True, False, True],
    "at": [datetime(2026, 3, 2, 9, 14, tzinfo=UTC), None, None, None, None, None],
    "lines": ["one\ntwo", "single", None, "a\r\nb", "x", "y"],
}


def _table(cls, name: str, markup: bool):
    arrays = {k: pa.array(v) for k, v in VALUES.items()}
    arrays["exact"] = pa.array([Decimal("12.50"), None, Decimal("-1.00"), Decimal("0"), None, Decimal("3.14")])
    return cls(
        backend=ArrowBackend(pa.table(arrays)),
        cursor_type="row",
        show_row_labels=False,
        max_column_content_width=12,
        zebra_stripes=True,
        render_markup=markup,
        id=name,
    )


class TwoTables(App):
    def __init__(self, markup: bool = True) -> None:
        super().__init__()
        self.markup = markup

    def compose(self) -> ComposeResult:
        yield _table(FastTable, "fast", self.markup)
        yield _table(DataTable, "lib", self.markup)


def _simple(lines) -> list[list[Segment]]:
    return [list(Segment.simplify(line)) for line in lines]


@pytest.mark.parametrize("markup", [True, False], ids=["markup", "literal"])
async def test_fast_cells_render_like_the_library(markup: bool) -> None:
    app = TwoTables(markup)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        fast, lib = app.query_one("#fast", FastTable), app.query_one("#lib", DataTable)
        assert type(lib) is DataTable
        base = app.screen.rich_style
        compared = 0
        for row in range(len(VALUES["text"])):
            for column in range(len(fast.ordered_columns)):
                for width in (1, 2, 3, 6, 14, 30):
                    for cursor, hover in ((False, False), (True, False), (False, True)):
                        got = fast._render_cell(row, column, base, width, cursor, hover)
                        want = DataTable._render_cell(lib, row, column, base, width, cursor, hover)
                        assert _simple(got) == _simple(want), (row, column, width, cursor, hover)
                        compared += 1
        assert compared == 6 * 9 * 6 * 3
        # and the plain cells did take the fast path: one segment, where Rich gives several
        assert len(fast._render_cell(0, 0, base, 14, True, True)[0]) == 1
        assert len(DataTable._render_cell(lib, 0, 0, base, 14, True, True)[0]) > 1


async def test_fast_path_taken_for_plain_values_only() -> None:
    app = TwoTables()
    async with app.run_test(size=(120, 30)):
        column = app.query_one(FastTable).ordered_columns[0]
        assert plain_cell("Design", column, True) == ("Design", False)
        assert plain_cell("10:00", column, True) == ("10:00", False)
        assert plain_cell(1234, column, True) == (format(1234, "n"), True)  # the locale's grouping, as the library
        assert plain_cell(date(2026, 3, 2), column, True) == ("2026-03-02", True)
        # left to the library: nulls, booleans, instants, several lines, extreme dates
        for value in (None, True, datetime(2026, 3, 2, tzinfo=UTC), "a\nb", date.max):
            assert plain_cell(value, column, True) is None
        # and, as markup, what could be markup or an emoji code; shown as written otherwise
        assert plain_cell("[b]x[/]", column, True) is None and plain_cell("a :smile: b", column, True) is None
        assert plain_cell("[b]x[/]", column, False) == ("[b]x[/]", False)


class TwoFrames(App):
    def compose(self) -> ComposeResult:
        from app.tui.widgets.frame_table import FrameTable

        yield FrameTable(id="swapped")
        yield FrameTable(id="fresh")


def _lines(table) -> list[str]:
    return [strip.text for strip in table.render_lines(table.region.reset_offset)]


async def test_new_rows_in_place_look_like_a_new_table() -> None:
    """FrameTable.show with the same columns swaps the backend of the table
    on screen (FastTable.replace_backend): what it then shows must be what a
    table mounted with those rows shows: rows, column widths, cursor."""
    import polars as pl

    from app.tui.widgets.frame_table import FrameTable

    first = pl.DataFrame({"team": ["Ops", "Design", "Build"] * 20, "tokens": list(range(60))})
    second = pl.DataFrame({"team": ["a much longer team name", "R&D"], "tokens": [1234567, -5]})
    app = TwoFrames()
    async with app.run_test(size=(80, 30)) as pilot:
        swapped, fresh = app.query_one("#swapped", FrameTable), app.query_one("#fresh", FrameTable)
        swapped.show(first)
        await pilot.pause()
        table = swapped.table
        table.move_cursor(row=40, animate=False)
        await pilot.pause()
        swapped.show(second)
        fresh.show(second)
        await pilot.pause()
        assert swapped.table is table  # swapped in place, not mounted anew
        assert table.row_count == 2 and table.cursor_row == 1  # clamped to the last row
        fresh.table.move_cursor(row=1, animate=False)
        await pilot.pause()
        assert [c.render_width for c in table.ordered_columns] == [c.render_width for c in fresh.table.ordered_columns]
        assert _lines(table) == _lines(fresh.table)
        assert "a much longer team name" in "\n".join(_lines(table))
        # other columns: a new table
        swapped.show(pl.DataFrame({"product": ["ACD"]}))
        await pilot.pause()
        assert swapped.table is not table and swapped.table.row_count == 1


async def test_names_are_shown_as_written_and_markup_columns_as_markup() -> None:
    """The table renders text as Rich markup (the Balances band is coloured
    that way): any other text must show as written, brackets and all."""
    import polars as pl
    from rich.text import Text

    from app.tui.widgets.frame_table import FrameTable, _escaped

    names = ["[bold]Ops", "Design [Paris]", "a\\", "[b]x\\", "\\[b]", "plain"]
    for name in names:
        assert Text.from_markup(_escaped(name)).plain == name
    app = TwoFrames()
    async with app.run_test(size=(80, 30)) as pilot:
        table = app.query_one("#swapped", FrameTable)
        table.markup = frozenset({"band"})
        table.show(pl.DataFrame({"team": names, "band": ["[green]● ok[/]"] * len(names)}))
        await pilot.pause()
        shown = "\n".join(_lines(table.table))
        for name in names:
            assert name in shown
        assert "● ok" in shown and "[green]" not in shown
