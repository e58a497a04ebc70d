"""textual-fastdatatable's DataTable with a cheap path for the usual cell.

The library renders every visible cell through Rich (a Padding around an
Align or a Text, inside a Styled, through ``console.render_lines``): about
0.5 ms a cell, so a new 160x48 screen of a pane took ~0.3 s of the 0.3 s an
admin may wait after changing the team or the period (issue 4). Nearly every
cell flexdash shows is one line of plain text, a number or a date: for those
the same segments are built directly (one padded string in the cell's
style); anything else (a null, a boolean, an instant, a multi-line value,
a header) goes through the library as before.
``tests/tui/test_fast_table.py`` checks that both give the same segments.

With ``render_markup`` (the library's default, which the Balances band's
colour uses), a string that could hold markup or an emoji code (a ``[``,
or two ``:``) is left to the library.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual_fastdatatable import ArrowBackend, DataTable
from textual_fastdatatable.column import CELL_X_PADDING, Column
from textual_fastdatatable.format import LINE_BREAK_PROG


def plain_cell(datum: object, column: Column, markup: bool) -> tuple[str, bool] | None:
    """(text, right-aligned) of a value the library would show as one line
    of unstyled text (format.cell_formatter / display_text), or None for any
    other value. ``markup``: the table's render_markup."""
    if isinstance(datum, str):
        if LINE_BREAK_PROG.search(datum) or (markup and ("[" in datum or datum.count(":") > 1)):
            return None
        return datum, False
    if isinstance(datum, bool):  # before int: a bool is an int
        return None
    if isinstance(datum, int):
        return (str(datum) if column.is_id else f"{datum:n}"), True
    if isinstance(datum, (float, Decimal)):
        return f"{datum:n}", True
    if isinstance(datum, date) and not isinstance(datum, datetime) and datum not in (date.min, date.max):
        return datum.isoformat(), True
    return None


def plain_line(text: str, right: bool, width: int) -> str | None:
    """The cell's line: ``text`` clipped with an ellipsis to the content
    width, aligned, with one blank either side (the library's padding);
    None when the cell is too narrow to bother."""
    inner = width - CELL_X_PADDING
    if inner < 1:
        return None
    used = cell_len(text)
    if used > inner:
        clipped = Text(text)
        clipped.truncate(inner, overflow="ellipsis")
        text = clipped.plain
        used = cell_len(text)
    fill = " " * (inner - used)
    return f" {fill}{text} " if right else f" {text}{fill} "


class FastTable(DataTable):
    """DataTable whose body cells of plain text skip Rich's renderables, and
    whose rows can be replaced in place (``replace_backend``)."""

    @property
    def labels(self) -> list:
        return list(self._column_labels or [])

    def replace_backend(self, backend: ArrowBackend, labels: list[str]) -> None:
        """Show ``backend``'s rows (same columns, other rows) in this table.
        The library's tables cannot change their data (``clear`` raises:
        "mount a new one"); this resets what it derives from the data: the
        columns and their widths, every render cache, the scrollable size."""
        backend.render_markup = self.render_markup
        self.backend = backend
        self._column_labels = list(labels)
        self._ordered_columns = None
        self._update_count += 1
        self._clear_caches()
        self._require_update_dimensions = False
        self._update_dimensions([])  # the virtual size, now rather than when idle
        self.refresh()

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
        in_range: bool = False,
    ):
        if row_index < 0 or column_index < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover, in_range)
        # the library's own cache and key (data_table.py, _render_cell)
        key = (
            row_index,
            column_index,
            base_style,
            cursor,
            hover,
            in_range,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        column = self.ordered_columns[column_index]
        datum = self.get_cell_at(Coordinate(row=row_index, column=column_index))
        shown = plain_cell(datum, column, self.render_markup)
        line = None if shown is None else plain_line(shown[0], shown[1], width)
        if line is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover, in_range)
        is_fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            is_fixed,
            hover,
            cursor,
            in_range,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_type == "range",
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        lines = [[Segment(line, style + component_style + post_style)]]
        self._cell_render_cache[key] = lines
        return lines
