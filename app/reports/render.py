"""Rendering a report frame: ``csv`` and ``json`` for scripts (the data
contract: exact columns, instants ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, dates
``YYYY-MM-DD``), ``table`` for people (may change)."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date, datetime
from decimal import Decimal

import polars as pl
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from app import textsafe
from app.errors import UsageError
from app.reports.params import ReportParams, spec_for
from app.reports.spec import DURATIONS, HEADINGS
from app.timeutil import format_instant

FORMATS = ("table", "csv", "json")

# A cell a spreadsheet would read as a formula (measured.md, Security).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(value):
    """A cell as scripts see it: instants and dates as contract strings."""
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def guard_cell(value):
    """CSV-injection guard: a text cell that a spreadsheet would run as a
    formula gets a leading ``'``. Numbers are never text here, so a
    negative number stays a number."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv_field(value) -> str:
    """RFC 4180 quoting: a field with a comma, a quote, CR or LF is quoted
    (the csv module would leave a bare CR unquoted with LF line ends)."""
    text = "" if value is None else str(guard_cell(plain(value)))
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv(df: pl.DataFrame) -> str:
    """One header line, then one line per row, LF line ends."""
    lines = [",".join(_csv_field(c) for c in df.columns)]
    lines += [",".join(_csv_field(v) for v in row) for row in df.iter_rows()]
    return "\n".join(lines) + "\n"


def _json_value(value):
    """Money (two-place decimals) as a JSON number, the rest as :func:`plain`."""
    return float(value) if isinstance(value, Decimal) else plain(value)


def to_json(df: pl.DataFrame) -> str:
    rows = [{k: _json_value(v) for k, v in row.items()} for row in df.iter_rows(named=True)]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _duration(seconds) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:,}:{m:02d}:{s:02d}"


def _human(column: str, value) -> str:
    if value is None:
        return "—"
    if column in DURATIONS:
        return _duration(value)
    if isinstance(value, datetime):
        return format_instant(value).replace("T", " ").removesuffix("Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    # text from input (names, a reject's raw line): escapes shown, long text cut
    return textsafe.show(value, _CELL_MAX_LEN.get(column, textsafe.MAX_LEN))


# a rejected line is read to find what is wrong with it: more of it than of a name
_CELL_MAX_LEN = {"raw": 240, "reason": 240, "file": 160}

TABLE_MAX_ROWS = 1000  # a terminal table beyond this helps nobody; csv/json give all

# Names a person reads whole: never broken across lines (a column of them is
# as wide as its longest, up to NAME_MAX_WIDTH; the table hides others first).
NAME_COLUMNS = frozenset({"user", "team", "team_billed", "team_computed", "group", "pack_id", "product", "file"})
NAME_MAX_WIDTH = 64
# The columns a table for people leaves out first when it is wider than the
# terminal (csv and json always hold every column), least useful first.
HIDE_FIRST = (
    "raw",
    "window_end",
    "backtest_error",
    "coverage_days",
    "currency",
    "flex_cost",
    "annual_cost",
    "subscription_price",
    "break_even_days",
    "forecast_30d",
    "highest_rate",
    "span_seconds",
    "idle_seconds",
    "purchased_on",
    "draw_rank",
    "consumed",
    "forfeited",
    "users",
    "windows",
    "idle_savings_tokens",
    "sessions",
    "expiring_90d",
    "next_expiry",
    "team_computed",
    "tokens_computed",
    "status",
    "reason",
    "team",
)
# The date the newest rows are read by, when rows are cut
NEWEST_BY = ("window_start", "ts", "day", "month", "purchased_on")


def _fit(df: pl.DataFrame, width: int) -> tuple[pl.DataFrame, list[str]]:
    """The columns that fit ``width`` (names whole), hiding HIDE_FIRST's in
    order; returns the frame and the names of the hidden columns."""

    def needed(column: str) -> int:
        cells = [_human(column, v) for v in df.get_column(column).to_list()]
        widest = max((len(c) for c in cells), default=0)
        return max(len(HEADINGS.get(column, column)), min(widest, NAME_MAX_WIDTH)) + 2  # SIMPLE_HEAD's padding

    widths = {c: needed(c) for c in df.columns}
    total = sum(widths.values()) + len(widths) + 2  # and a blank per column, Rich's edges
    hidden = []
    for column in HIDE_FIRST:
        if total <= width:
            break
        if column in widths and len(widths) - len(hidden) > 2:
            total -= widths[column] + 1
            hidden.append(column)
    return df.drop(hidden), hidden


def to_table(
    df: pl.DataFrame,
    name: str,
    params: ReportParams | None = None,
    width: int | None = None,
    max_rows: int = TABLE_MAX_ROWS,
) -> str:
    spec = spec_for(name)
    caption = params.describe() if params else None
    width = width or shutil.get_terminal_size((120, 24)).columns
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False)
    if df.is_empty():
        where = f" ({caption})" if caption else ""
        console.print(Text(f"{spec.title}: nothing to show{where}."))
        return console.file.getvalue()
    rows = df
    newest = next((c for c in NEWEST_BY if c in df.columns), None)
    if df.height > max_rows:  # the newest rows, where rows are cut
        rows = df.sort(newest, descending=True, nulls_last=True) if newest else df
        rows = rows.head(max_rows)
    rows, hidden = _fit(rows, width)
    # the caption names the team asked for: a Text, never parsed as markup
    table = Table(
        title=spec.title, caption=Text(caption) if caption else None, box=box.SIMPLE_HEAD, title_justify="left"
    )
    for column, dtype in rows.schema.items():
        numeric = dtype.is_numeric() or column in DURATIONS
        heading = HEADINGS.get(column, column)
        if column in NAME_COLUMNS:
            longest = max((len(_human(column, v)) for v in rows.get_column(column).to_list()), default=0)
            table.add_column(heading, no_wrap=True, min_width=min(longest, NAME_MAX_WIDTH), overflow="ellipsis")
        else:
            table.add_column(
                heading, justify="right" if numeric else "left", overflow="fold", min_width=min(len(heading), 12)
            )
    for row in rows.iter_rows():
        # Text cells: Rich never parses a name as markup ("[/bold]x" would raise)
        table.add_row(*(Text(_human(c, v)) for c, v in zip(rows.columns, row)))
    console.print(table)
    if hidden:
        shown = ", ".join(HEADINGS.get(c, c) for c in hidden)
        console.print(Text(f"Left out to fit the terminal: {shown} (--format csv or json has every column)."))
    if df.height > max_rows:
        which = f"the newest {max_rows:,}" if newest else f"the first {max_rows:,}"
        console.print(
            f"Showing {which} of {df.height:,} rows: narrow with "
            "--team/--since/--until, or use --format csv or json for every row."
        )
    return console.file.getvalue()


def render(
    df: pl.DataFrame, name: str, fmt: str, params: ReportParams | None = None, *, width: int | None = None
) -> str:
    """``df`` (from :func:`app.reports.build`) as text in ``fmt``:
    ``csv`` | ``json`` | ``table``. ``params`` only adds a caption to
    ``table``."""
    if fmt == "csv":
        return to_csv(df)
    if fmt == "json":
        return to_json(df)
    if fmt == "table":
        return to_table(df, name, params, width)
    raise UsageError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
