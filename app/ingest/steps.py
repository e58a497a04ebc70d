"""The import's steps, in order: each names its SQL file (queries/ingest/),
what it reads and what it writes, so that the order lives in one place and
``grep`` finds every caller of every file (tests/ingest/test_steps.py checks
that each read is written by an earlier step, is where the walk starts, or
is a stored table, and that each file creates what its step says).

A walk (:func:`run`) executes the steps in order. A ``gate`` is a one-value
query: false stops the walk (a fast path stands down for the exact reader).
``only`` runs a step when the caller names that flag; ``before``/``after``
set and undo a connection setting around a step (``after`` runs whatever
happens). Reads and writes name TEMP tables, views and macros of the
staging connection, or stored tables.

Staging (app/ingest/staging.py) starts from ``src_native`` (a fast path's
relation) or ``src_fields`` (the exact readers: src_csv, src_jsonl,
src_parquet) and ``ingest_cfg``; storing (app/ingest/importer.py) starts
from a staged file's ``checked`` and ``file_names``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app import sql, store


@dataclass(frozen=True)
class Step:
    sql: str  # as app.sql.load names it
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    gate: bool = False
    only: str | None = None
    params: tuple[tuple[str, object], ...] = ()
    before: str | None = None
    after: str | None = None


def run(con, steps: Iterable[Step], flags: Iterable[str] = ()) -> bool:
    """Execute ``steps`` in order; False as soon as a gate answers false."""
    flags = set(flags)
    for step in steps:
        if step.only is not None and step.only not in flags:
            continue
        if step.before:
            con.execute(sql.load(step.before))
        try:
            if step.gate:
                if not store.scalar(con, sql.load(step.sql)):
                    return False
            else:
                con.execute(sql.load(step.sql), dict(step.params) if step.params else None)
        finally:
            if step.after:
                con.execute(sql.load(step.after))
    return True


# event_checks.sql: the checks of one event value, as macros (written once,
# used row by row and once per distinct value)
_TS = ("ts_with_offset", "ts_naive")
_VALUES = ("known_event", "known_os", "version_has_year", "product_code")
_QUOTES = ("quoted_ok", "unquote", "unquote_instant")  # a CSV read with its quotes as plain characters
_READ = ("event_read", "os_read", "team_read")  # how a value reads (row by row, or once per spelling)
_EVENT_CHECKS = Step("ingest/event_checks", writes=_TS + _VALUES + _QUOTES + _READ)
_CHECK_EVENTS = Step(
    "ingest/check_events", reads=("src_fields", "ingest_cfg", *_TS, *_VALUES, *_READ), writes=("events_judged",)
)

# Both events paths end here: local dictionaries, then the staged rows with
# local ids (app/ingest/staging.py docstring).
_STAGE_EVENT_ROWS = (
    Step("ingest/names_events", reads=("file_spellings",), writes=("file_names",)),
    Step("ingest/spelling_ids", reads=("file_spellings", "file_names"), writes=("file_spelling_ids",)),
    Step(
        "ingest/stage_events",
        reads=("event_rows", "file_spelling_ids"),
        writes=("checked",),
        before="ingest/join_order_fixed",
        after="ingest/join_order_reset",
    ),
    Step("ingest/accepted_events", reads=("checked",), writes=("accepted_events",)),
    Step("ingest/drop_judged", drops=("event_rows", "events_judged", "events_judged_rows", "file_groups")),
)
# each distinct value as spelled, and what it reads as (the fast path's
# values are read here, once each; the exact path's were read row by row)
_SPELLINGS = Step(
    "ingest/spellings", reads=("file_distinct", "ingest_cfg", "unquote", *_READ), writes=("file_spellings",)
)

# A fast path (an events CSV or Parquet file through DuckDB's readers): rows
# grouped by all but their instant, values checked once per distinct value.
# Flag "quoted": a CSV read with its quotes as plain characters.
STAGE_EVENTS_FAST = (
    _EVENT_CHECKS,
    Step("ingest/src_native", reads=("src_native", "ingest_cfg", "unquote_instant"), writes=("src_fields",)),
    _CHECK_EVENTS,
    Step("ingest/values_checked", reads=("ingest_cfg",), writes=("ingest_cfg",), params=(("checked", True),)),
    Step("ingest/group_events", reads=("events_judged",), writes=("file_groups",)),
    Step("ingest/fast_path_clean", reads=("file_groups",), gate=True),
    Step("ingest/names_from_groups", reads=("file_groups",), writes=("event_name_fields",)),
    Step("ingest/distinct_events", reads=("event_name_fields",), writes=("file_distinct",)),
    Step("ingest/quoted_values_ok", reads=("file_distinct", "quoted_ok"), gate=True, only="quoted"),
    _SPELLINGS,
    Step("ingest/values_clean", reads=("file_spellings", *_VALUES), gate=True),
    Step("ingest/event_rows_grouped", reads=("file_groups",), writes=("event_rows",)),
    *_STAGE_EVENT_ROWS,
)
FAST_STARTS_FROM = ("src_native", "ingest_cfg")

# The exact path: every row judged, each a group of one in the file's order.
STAGE_EVENTS_EXACT = (
    _EVENT_CHECKS,
    _CHECK_EVENTS,
    Step("ingest/materialise_judged", reads=("events_judged",), writes=("events_judged_rows", "events_judged")),
    Step("ingest/names_from_judged", reads=("events_judged",), writes=("event_name_fields",)),
    Step("ingest/distinct_events", reads=("event_name_fields",), writes=("file_distinct",)),
    _SPELLINGS,
    Step("ingest/event_rows_judged", reads=("events_judged",), writes=("event_rows",)),
    *_STAGE_EVENT_ROWS,
)
EXACT_STARTS_FROM = ("src_fields", "ingest_cfg")

# The other kinds: checked rows (the shared checks are value_checks.sql's
# macros), then the names they bring.
_VALUE_CHECKS = Step(
    "ingest/value_checks", writes=("empty_fields", "is_day", "is_positive_int", "is_amount", "is_currency")
)
_SRC = ("src_fields", "ingest_cfg")
_NAMES_PRODUCTS = Step("ingest/names_products", reads=("checked",), writes=("file_names",))
STAGE = {
    "packs": (
        _VALUE_CHECKS,
        Step(
            "ingest/check_packs",
            reads=(*_SRC, "empty_fields", "is_positive_int", "is_day", "is_amount", "is_currency"),
            writes=("checked",),
        ),
        Step("ingest/names_packs", reads=("checked",), writes=("file_names",)),
    ),
    "rates": (
        _VALUE_CHECKS,
        Step("ingest/check_rates", reads=(*_SRC, "empty_fields", "is_positive_int", "is_day"), writes=("checked",)),
        _NAMES_PRODUCTS,
    ),
    "prices": (
        _VALUE_CHECKS,
        Step("ingest/check_prices", reads=(*_SRC, "empty_fields", "is_amount", "is_currency"), writes=("checked",)),
        _NAMES_PRODUCTS,
    ),
    "assignments": (
        _VALUE_CHECKS,
        Step("ingest/check_assignments", reads=(*_SRC, "empty_fields", "is_day"), writes=("checked",)),
        Step("ingest/names_assignments", reads=("checked",), writes=("file_names",)),
    ),
    "groups": (
        _VALUE_CHECKS,
        Step("ingest/check_groups", reads=(*_SRC, "empty_fields"), writes=("checked",)),
        Step("ingest/names_groups", reads=("checked",), writes=("file_names",)),
    ),
    "aliases": (
        _VALUE_CHECKS,
        Step("ingest/check_aliases", reads=(*_SRC, "empty_fields"), writes=("checked",)),
        Step("ingest/names_aliases", writes=("file_names",)),
    ),
    "vendor_usage": (
        _VALUE_CHECKS,
        Step("ingest/check_vendor_usage", reads=(*_SRC, "empty_fields"), writes=("checked",)),
        Step("ingest/names_vendor_usage", reads=("checked",), writes=("file_names",)),
    ),
}

# Storing, in the final transaction: per kind, what runs before the rows
# are counted (a file's conflicting repeats refused), then the
# dictionaries, then what replaces stored rows, then the kind's store query
# (app/ingest/importer.py chooses the events one).
_CONFLICTS = Step("ingest/apply_conflicts", reads=("checked", "conflicts"), writes=("checked",))
BEFORE_COUNT = {
    "events": (Step("ingest/accepted_events", reads=("checked",), writes=("accepted_events",)),),
    "packs": (Step("ingest/conflicts_packs", reads=("checked",), writes=("conflicts",)), _CONFLICTS),
    "rates": (Step("ingest/conflicts_rates", reads=("checked",), writes=("conflicts",)), _CONFLICTS),
    "prices": (Step("ingest/conflicts_prices", reads=("checked",), writes=("conflicts",)), _CONFLICTS),
    "groups": (Step("ingest/conflicts_groups", reads=("checked",), writes=("conflicts",)), _CONFLICTS),
    "vendor_usage": (
        Step(
            "ingest/vendor_products",
            reads=("checked", "stg_rates", "product_aliases_shipped", "product_aliases_imported"),
            writes=("checked",),
        ),
        Step("ingest/conflicts_vendor_usage", reads=("checked",), writes=("conflicts",)),
        _CONFLICTS,
        Step("ingest/names_vendor_usage", reads=("checked",), writes=("file_names",)),
    ),
}
COUNT = {"events": "ingest/count_events"}  # rows and refused rows; the others: ingest/count_checked
DICTIONARIES = (
    Step(
        "ingest/dict_names",
        reads=("file_names", "users", "teams", "products", "devices", "sessions", "versions"),
        writes=("users", "teams", "products", "devices", "sessions", "versions"),
    ),
)
REPLACE = {
    "rates": (Step("ingest/replace_rates", reads=("checked", "rates_imported"), writes=("rates_imported",)),),
    "prices": (Step("ingest/replace_prices", reads=("checked", "prices_imported"), writes=("prices_imported",)),),
    "groups": (Step("ingest/replace_groups", reads=("checked", "users", "user_groups"), writes=("user_groups",)),),
    "aliases": (
        Step(
            "ingest/replace_aliases",
            reads=("checked", "product_aliases_imported"),
            writes=("product_aliases_imported",),
        ),
    ),
}
# events: the store's ids for the file's local ones, and the stored values of event and os
EVENT_IDS = (
    Step(
        "ingest/file_ids",
        reads=("file_names", "users", "teams", "products", "devices", "sessions", "versions"),
        writes=("file_ids",),
    ),
    Step("ingest/file_values", reads=("file_names",), writes=("file_events", "file_os")),
)
STORE = {
    "packs": "ingest/store_packs",
    "rates": "ingest/store_rates",
    "prices": "ingest/store_prices",
    "assignments": "ingest/store_assignments",
    "groups": "ingest/store_groups",
    "aliases": "ingest/store_aliases",
    "vendor_usage": "ingest/store_vendor_usage",
}
STORE_STARTS_FROM = ("checked", "file_names")
