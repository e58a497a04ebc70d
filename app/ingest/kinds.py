"""The input kinds of the data contract and how a file's columns name one.

Each kind lists its columns in the contract's order; the parsing SQL
(queries/ingest/src_*.sql) hands them to the checking SQL as ``c1..c9`` in
that order, so a checking query never depends on the file's own column order.

Header names are matched after trimming blanks and a byte-order mark, and
case-insensitively (``TS`` is ``ts``): the contract fixes the names, not how a
spreadsheet capitalised them.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_COLUMNS = 9  # c1..c9 in the staging views


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[str, ...]  # contract order
    required: frozenset[str]  # a missing one rejects every row
    marker: str  # the column that names this kind when present


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "events",
            ("ts", "event", "session_id", "user", "team", "product", "version", "device", "os"),
            frozenset({"ts", "event", "session_id", "user", "product", "version", "device", "os"}),
            "session_id",
        ),
        Kind(
            "packs",
            ("pack_id", "team", "tokens", "purchased_on", "price", "currency"),
            frozenset({"pack_id", "team", "tokens", "purchased_on"}),
            "pack_id",
        ),
        Kind(
            "rates",
            (
                "product",
                "name",
                "kind",
                "host",
                "tokens_per_day",
                "effective_from",
                "idle_detection_since",
                "linux",
                "source",
            ),
            frozenset({"product", "name", "kind", "tokens_per_day", "effective_from", "linux"}),
            "tokens_per_day",
        ),
        Kind(
            "assignments",
            ("team", "user", "product", "assigned_on"),
            frozenset({"team", "user", "product", "assigned_on"}),
            "assigned_on",
        ),
        Kind(
            "prices",
            ("product", "annual_subscription_price", "currency"),
            frozenset({"product", "annual_subscription_price"}),
            "annual_subscription_price",
        ),
        Kind("groups", ("user", "group"), frozenset({"user", "group"}), "group"),
    )
}

# Every contract column of every kind, in a fixed order: JSON lines are read
# into this list (DuckDB wants constant JSON paths), then picked by position.
ALL_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(c for k in KINDS.values() for c in k.columns))


def normalise_header(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


@dataclass(frozen=True)
class ColumnMap:
    kind: Kind
    positions: list[int | None]  # 1-based position in the file of each contract column, or None
    missing: list[str]  # required columns the file lacks
    extras: list[str]  # file columns the contract does not know (kept nowhere, warned about)


def recognise(header: list[str]) -> Kind | None:
    """The kind whose marker column the header has; None when none or several do
    (then the kind with most matching columns among them, if unique)."""
    names = {normalise_header(h) for h in header}
    candidates = [k for k in KINDS.values() if k.marker in names]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        scored = sorted(((len(names & set(k.columns)), k.name) for k in candidates), reverse=True)
        if scored[0][0] > scored[1][0]:
            return KINDS[scored[0][1]]
    return None


def map_columns(kind: Kind, header: list[str]) -> ColumnMap:
    """Where each contract column sits in ``header`` (first occurrence wins;
    a repeated name counts as an extra column)."""
    first: dict[str, int] = {}
    extras: list[str] = []
    for i, raw in enumerate(header, start=1):
        name = normalise_header(raw)
        if name in kind.columns and name not in first:
            first[name] = i
        else:
            extras.append(raw.strip() or f"(unnamed column {i})")
    positions = [first.get(c) for c in kind.columns]
    missing = [c for c in kind.columns if c in kind.required and c not in first]
    return ColumnMap(kind, positions, missing, extras)
