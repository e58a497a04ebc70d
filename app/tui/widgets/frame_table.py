"""A table over a polars frame, backed by Arrow (textual-fastdatatable).

The built-in DataTable needs ~39 s for 100,000 rows (style.md); an Arrow
backend renders only the rows on screen, and FastTable (fast_table.py) its
plain cells without Rich. New rows with the same columns replace the
table's data in place (FastTable.replace_backend); other columns mount a
new table. Either way the cursor row stays where it was.
"""

from __future__ import annotations

import threading
import weakref

import polars as pl
from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.widgets import Static
from textual_fastdatatable import ArrowBackend, DataTable

from app import textsafe
from app.tui.widgets.fast_table import FastTable


def literal(df: pl.DataFrame, name: str) -> pl.Expr:
    """A text column as Rich shows it literally: the table renders strings as
    markup (the Balances band is coloured that way), so a name holding
    ``[bold]`` would change its own look; and names are data (issue 13):
    escapes shown, long ones cut (textsafe.show). Only the few values that
    need it are mapped (Python per distinct value)."""
    col = pl.col(name)
    values = df.get_column(name)
    needs = values.str.contains("[", literal=True).fill_null(False) | textsafe.needs_show(values)
    if not needs.any():
        return col
    changed = values.filter(needs).unique().to_list()
    return col.replace({v: _escaped(textsafe.show(v)) for v in changed})


def _escaped(value: str) -> str:
    """rich.markup.escape, less the backslash it adds after a trailing one
    (for markup that goes on: a cell ends there, and showed it doubled)."""
    out = escape(value)
    return out[:-1] if value.endswith("\\") and not value.endswith("\\\\") and out.endswith("\\\\") else out


def displayable(df: pl.DataFrame, markup: frozenset[str] = frozenset()) -> pl.DataFrame:
    """Instants as ``YYYY-MM-DD HH:MM`` (UTC), floats to one decimal: what an
    admin reads, and still sorting in the right order; text shown as written
    (``literal``) but in the ``markup`` columns."""
    out = []
    for name, dtype in df.schema.items():
        col = pl.col(name)
        if dtype == pl.String and name not in markup:
            out.append(literal(df, name).alias(name))
        elif isinstance(dtype, pl.Datetime):
            out.append(col.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%d %H:%M").alias(name))
        elif dtype == pl.Boolean:
            out.append(pl.when(col).then(pl.lit("yes")).when(~col).then(pl.lit("no")).alias(name))
        elif dtype in (pl.Float32, pl.Float64):
            out.append(col.round(1).alias(name))
        else:
            out.append(col)
    return df.select(out)


_PREPARED: dict[int, tuple[weakref.ref, ArrowBackend]] = {}
_PREPARED_LOCK = threading.Lock()


def _backend(df: pl.DataFrame, markup: frozenset[str] = frozenset()) -> ArrowBackend:
    """The table's Arrow backend, its column widths measured (a 280,000-row
    frame: 0.1 s of Python per value that would otherwise run on the UI
    thread when the table is first drawn)."""
    backend = ArrowBackend(displayable(df, markup).to_arrow())
    backend.render_markup = True  # as FastTable's (the library's default): measured the same way
    backend.column_content_widths  # noqa: B018 (computed and kept by the backend)
    return backend


def warm_up() -> None:
    """Pay the first table's one-time costs (pyarrow.compute imported, the
    width-measuring functions registered: 0.15 s) in a worker thread while
    the first query runs, not on the UI thread as the first screen paints."""
    _backend(pl.DataFrame({"text": ["a"], "number": [1]}))


def prepare(df: pl.DataFrame) -> None:
    """Build the backend a frame will be shown with, ahead of time: call it
    from the worker thread so that a 100,000-row frame arriving does not
    stall the UI thread. (For a table with no markup column: the big ones.)"""
    backend = _backend(df)
    with _PREPARED_LOCK:
        for key in [k for k, (ref, _) in _PREPARED.items() if ref() is None]:
            del _PREPARED[key]
        _PREPARED[id(df)] = (weakref.ref(df), backend)


def _backend_for(df: pl.DataFrame, markup: frozenset[str]) -> ArrowBackend:
    with _PREPARED_LOCK:
        hit = _PREPARED.pop(id(df), None)
    if hit is not None and hit[0]() is df and not markup:
        return hit[1]
    return _backend(df, markup)


class FrameTable(Container):
    """Shows a frame; posts :class:`FrameTable.RowChosen` on Enter/click."""

    class RowChosen(Message):
        def __init__(self, table: FrameTable, row: dict) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> FrameTable:
            return self.table

    def __init__(
        self,
        *,
        labels: dict[str, str] | None = None,
        empty_text: str = "Nothing here.",
        markup: frozenset[str] = frozenset(),
        **kw,
    ):
        """``markup``: the columns whose text is Rich markup; every other
        text is shown as written."""
        super().__init__(**kw)
        self.labels = labels or {}
        self.markup = frozenset(markup)
        self.empty_text = empty_text
        self.frame: pl.DataFrame | None = None
        self._sort: tuple[str, bool] | None = None  # (column, descending)
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(self.empty_text, classes="empty-note")

    @property
    def table(self) -> DataTable | None:
        found = self.query(DataTable)
        return found.first() if found else None

    def show(self, df: pl.DataFrame) -> None:
        """Replace the rows, keeping the cursor row and the sort."""
        old = self.table
        cursor = old.cursor_row if old is not None else 0
        had_focus = old is not None and old.has_focus
        self.frame = df
        if self._sort is not None and self._sort[0] in df.columns:
            df = df.sort(self._sort[0], descending=self._sort[1], nulls_last=True)
        labels = [self.labels.get(c, c) for c in df.columns]
        if isinstance(old, FastTable) and df.height and old.labels == labels:
            # the same columns (a new team or period): new rows in the same
            # table, painted once, where a new table was laid out, measured,
            # focused and painted four or five times (~0.1 s)
            old.replace_backend(_backend_for(df, self.markup), labels)
            old.move_cursor(row=min(cursor, df.height - 1), animate=False)
            return
        if had_focus:
            # let go of the focus first: removing the focused table would hand
            # it to the widget before it in the chain, the period's "to" box,
            # and the next key would be typed there (the app refocuses a table)
            self.screen.set_focus(None)
        self.remove_children()
        if df.height == 0:
            self.mount(Static(self.empty_text, classes="empty-note"))
            return
        self._generation += 1
        table = FastTable(
            backend=_backend_for(df, self.markup),
            column_labels=labels,
            cursor_type="row",
            show_row_labels=False,
            max_column_content_width=48,
            zebra_stripes=True,
            id=f"t{self._generation}",
        )
        self.mount(table)
        if cursor:
            table.move_cursor(row=min(cursor, df.height - 1), animate=False)
        if had_focus:
            table.focus()

    def sorted_frame(self) -> pl.DataFrame | None:
        if self.frame is None or self._sort is None:
            return self.frame
        return self.frame.sort(self._sort[0], descending=self._sort[1], nulls_last=True)

    def sort_by(self, column: str) -> None:
        """Sort by ``column``; again on the same column flips the order."""
        if self._sort and self._sort[0] == column:
            self._sort = (column, not self._sort[1])
        else:
            self._sort = (column, False)
        if self.frame is not None:
            self.show(self.frame)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if self.frame is not None:
            self.sort_by(self.frame.columns[event.column_index])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        df = self.sorted_frame()
        if df is not None and 0 <= event.cursor_row < df.height:
            self.post_message(self.RowChosen(self, df.row(event.cursor_row, named=True)))

    def focus_table(self) -> bool:
        """Focus the table if it has rows; False when there is none yet."""
        if self.table is not None:
            self.table.focus()
            return True
        return False
