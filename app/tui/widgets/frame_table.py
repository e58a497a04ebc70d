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
from app.dashboard.panes import filter_rows
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


def _cut(col: pl.Expr, width: int) -> pl.Expr:
    """A text at most ``width`` characters wide, its end shown as an ellipsis."""
    return pl.when(col.str.len_chars() > width).then(col.str.slice(0, width - 1) + "…").otherwise(col)


def _low_groups(whole: pl.Expr, groups: int) -> pl.Expr:
    """The ``groups`` lowest groups of three digits, zero-filled, comma-joined."""
    parts = [((whole // 1000**i) % 1000).cast(pl.String).str.zfill(3) for i in reversed(range(groups))]
    return pl.concat_str(parts, separator=",")


def number_text(col: pl.Expr, decimals: int, largest: float = 10**15) -> pl.Expr:
    """A number as people read it, right-aligned by the caller: thousands
    separators, ``decimals`` digits after the point (shares: always one).
    ``largest``: the largest absolute value (fewer groups to build)."""
    scaled = (col.abs() * 10**decimals + 0.5).floor().cast(pl.Int64)  # half away from zero
    whole = scaled // 10**decimals
    text = whole.cast(pl.String)
    for groups in (1, 2, 3, 4):  # up to 10^15
        if largest < 1000**groups:
            break
        head = (whole // 1000**groups).cast(pl.String)
        text = pl.when(whole >= 1000**groups).then(head + "," + _low_groups(whole, groups)).otherwise(text)
    if decimals:
        text = text + "." + (scaled % 10**decimals).cast(pl.String).str.zfill(decimals)
    return pl.when(col < 0).then("-" + text).otherwise(text)


def displayable(
    df: pl.DataFrame,
    markup: frozenset[str] = frozenset(),
    ungrouped: frozenset[str] = frozenset(),
    decimals: dict[str, int] | None = None,
) -> pl.DataFrame:
    """What an admin reads: instants as ``YYYY-MM-DD HH:MM`` (UTC, said in
    the header), numbers with thousands separators and floats (shares) to
    one decimal, right-aligned (padded: the table aligns text left), but in
    the ``ungrouped`` columns (line numbers, years); text shown as written
    (``literal``) but in the ``markup`` columns. Sorting reads the frame
    before this."""
    out = []
    for name, dtype in df.schema.items():
        col = pl.col(name)
        if dtype == pl.String and name not in markup:
            out.append(literal(df, name).alias(name))
        elif isinstance(dtype, pl.Datetime):
            out.append(col.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%d %H:%M").alias(name))
        elif dtype == pl.Boolean:
            out.append(pl.when(col).then(pl.lit("yes")).when(~col).then(pl.lit("no")).alias(name))
        elif (dtype.is_integer() or dtype.is_float()) and name not in ungrouped:
            largest = df.select(col.abs().max()).item() or 0
            places = (decimals or {}).get(name, 1 if dtype.is_float() else 0)
            text = number_text(col, places, largest)
            width = df.select(text.str.len_chars().max()).item() or 0
            out.append(text.str.pad_start(width).alias(name))
        else:
            out.append(col)
    return df.select(out)


_PREPARED: dict[int, tuple[weakref.ref, ArrowBackend]] = {}
_PREPARED_LOCK = threading.Lock()


def _backend(
    df: pl.DataFrame,
    markup: frozenset[str] = frozenset(),
    ungrouped: frozenset[str] = frozenset(),
    decimals: dict[str, int] | None = None,
) -> ArrowBackend:
    """The table's Arrow backend, its column widths measured (a 280,000-row
    frame: 0.1 s of Python per value that would otherwise run on the UI
    thread when the table is first drawn)."""
    backend = ArrowBackend(displayable(df, markup, ungrouped, decimals).to_arrow())
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


def _backend_for(df: pl.DataFrame, table: FrameTable) -> ArrowBackend:
    with _PREPARED_LOCK:
        hit = _PREPARED.pop(id(df), None)
    if hit is not None and hit[0]() is df and not (table.markup or table.ungrouped or table.decimals):
        return hit[1]
    return _backend(df, table.markup, table.ungrouped, table.decimals)


SORT_MARKS = {False: " ▲", True: " ▼"}  # ascending, descending


class FrameTable(Container):
    """Shows a frame; posts :class:`FrameTable.RowChosen` on Enter/click.
    The rows can be filtered (``set_filter``, the `/` key of every pane) and
    sorted (``sort_by``: a header click or `s`); the sorted column's header
    shows the direction."""

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
        filter_on: tuple[str, ...] | None = None,
        sorted_as: tuple[str, bool] | None = None,
        ungrouped: frozenset[str] = frozenset(),
        may_hide: tuple[str, ...] = (),
        may_shorten: dict[str, int] | None = None,
        decimals: dict[str, int] | None = None,
        **kw,
    ):
        """``markup``: the columns whose text is Rich markup; every other
        text is shown as written. ``filter_on``: the columns the `/` filter
        reads (default every text column). ``sorted_as``: (column,
        descending) the rows arrive sorted by, shown in the header.
        ``ungrouped``: integer columns shown without thousands separators.
        ``may_hide``: the columns that may be left out when the table is
        wider than its place, least useful first (small terminals).
        ``may_shorten``: text columns (e-mail addresses) cut with an ellipsis,
        down to the given width, before any column is left out."""
        super().__init__(**kw)
        self.decimals = decimals or {}  # digits after the point per column (default: floats 1, money 2)
        self.may_hide = may_hide
        self.may_shorten = may_shorten or {}
        self.hidden: tuple[str, ...] = ()
        self.shortened: dict[str, int] = {}
        self.labels = labels or {}
        self.markup = frozenset(markup)
        self.ungrouped = frozenset(ungrouped)
        self.empty_text = empty_text
        self.filter_on = filter_on
        self.filter_text = ""
        self.frame: pl.DataFrame | None = None  # as given: every row, unsorted
        self.shown: pl.DataFrame | None = None  # filtered and sorted, as on screen
        self._sort: tuple[str, bool] | None = sorted_as  # (column, descending)
        self._arrived_sorted = sorted_as is not None  # the frame's own order: no sort needed
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(self.empty_text, classes="empty-note")

    @property
    def table(self) -> DataTable | None:
        found = self.query(DataTable)
        return found.first() if found else None

    @property
    def sort(self) -> tuple[str, bool] | None:
        """(column, descending) of the order shown, or None."""
        return self._sort

    def _label(self, column: str, dtype: pl.DataType) -> str:
        label = self.labels.get(column, column.replace("_", " "))
        if isinstance(dtype, pl.Datetime) and "UTC" not in label:
            label += " (UTC)"
        if self._sort and self._sort[0] == column:
            label += SORT_MARKS[self._sort[1]]
        return label

    def show(self, df: pl.DataFrame) -> None:
        """Replace the rows, keeping the cursor row, the filter and the sort."""
        old = self.table
        cursor = old.cursor_row if old is not None else 0
        had_focus = old is not None and old.has_focus
        self.frame = df
        if self.filter_text:
            df = filter_rows(df, self.filter_text, self.filter_on)
        if self._sort is not None and self._sort[0] in df.columns and not self._arrived_sorted:
            df = df.sort(self._sort[0], descending=self._sort[1], nulls_last=True)
        self.shown = df  # every column: a chosen row carries them all
        self.hidden, self.shortened = self._fit(df)
        if self.hidden:
            df = df.drop(self.hidden)
        if self.shortened:  # the chosen row still carries the whole value (self.shown)
            df = df.with_columns(_cut(pl.col(name), width).alias(name) for name, width in self.shortened.items())
        labels = [self._label(c, t) for c, t in df.schema.items()]
        if isinstance(old, FastTable) and df.height and old.labels == labels:
            # the same columns (a new team or period): new rows in the same
            # table, painted once, where a new table was laid out, measured,
            # focused and painted four or five times (~0.1 s)
            old.replace_backend(_backend_for(df, self), labels)
            old.move_cursor(row=min(cursor, df.height - 1), animate=False)
            return
        if had_focus:
            # let go of the focus first: removing the focused table would hand
            # it to the widget before it in the chain, the period's "to" box,
            # and the next key would be typed there (the app refocuses a table)
            self.screen.set_focus(None)
        self.remove_children()
        if df.height == 0:
            text = f"No row holds {self.filter_text!r}." if self.filter_text and self.frame.height else self.empty_text
            self.mount(Static(text, classes="empty-note"))
            return
        self._generation += 1
        table = FastTable(
            backend=_backend_for(df, self),
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

    def _fit(self, df: pl.DataFrame) -> tuple[tuple[str, ...], dict[str, int]]:
        """The ``may_shorten`` columns' widths, then the ``may_hide`` columns
        to leave out, in their order, until the rest fits the width (measured
        on the first rows: the widest name seldom hides further down, and a
        column is at most 48 wide)."""
        if not (self.may_hide or self.may_shorten) or not df.height:
            return (), {}
        room = self.size.width or self.app.size.width - 2
        sample = displayable(df.head(500), self.markup, self.ungrouped, self.decimals)
        widths = {}
        for name, dtype in df.schema.items():
            if dtype.is_nested():  # a list or struct: shown by the library, about this wide
                content = 24
            else:
                content = sample.select(pl.col(name).cast(pl.String).str.len_chars().max()).item() or 0
            widths[name] = min(48, max(len(self._label(name, dtype)), content)) + 2  # a blank either side
        total = sum(widths.values())
        shortened = {}
        for name, narrowest in self.may_shorten.items():
            cut = min(total - room, widths.get(name, 0) - 2 - narrowest)
            if cut > 0 and df.schema[name] == pl.String:
                shortened[name] = widths[name] - 2 - cut
                total -= cut
        hidden = []
        for name in self.may_hide:
            if total <= room:
                break
            if name in widths:
                total -= widths[name]
                hidden.append(name)
        return tuple(hidden), shortened

    def on_resize(self) -> None:
        if self.frame is not None and self.shown is not None and self._fit(self.shown) != (self.hidden, self.shortened):
            self.show(self.frame)

    def set_filter(self, text: str) -> None:
        """Show only the rows holding ``text`` (any case); "" shows all."""
        if text == self.filter_text:
            return
        self.filter_text = text
        if self.frame is not None:
            self.show(self.frame)

    def sorted_frame(self) -> pl.DataFrame | None:
        """The rows as shown (filtered, sorted)."""
        return self.shown

    def sort_by(self, column: str, descending: bool | None = None) -> None:
        """Sort by ``column``; again on the same column flips the order."""
        if descending is None:
            descending = not self._sort[1] if self._sort and self._sort[0] == column else False
        self._sort = (column, descending)
        self._arrived_sorted = False
        if self.frame is not None:
            self.show(self.frame)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if self.shown is not None:
            on_screen = [c for c in self.shown.columns if c not in self.hidden]  # the index counts shown columns
            self.sort_by(on_screen[event.column_index])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        df = self.shown
        if df is not None and 0 <= event.cursor_row < df.height:
            self.post_message(self.RowChosen(self, df.row(event.cursor_row, named=True)))

    def focus_table(self) -> bool:
        """Focus the table if it has rows; False when there is none yet."""
        if self.table is not None:
            self.table.focus()
            return True
        return False
