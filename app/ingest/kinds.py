"""The input kinds of the data contract and how a file's columns name one.

Each kind lists its columns in the contract's order; the parsing SQL
(queries/ingest/src_*.sql) hands them to the checking SQL as ``c1..c9`` in
that order, so a checking query never depends on the file's own column order.

Header names are matched after trimming blanks and a byte-order mark, and
case-insensitively (``TS`` is ``ts``): the contract fixes the names, not how a
spreadsheet capitalised them. The vendor's usage export (R24) is written by
the vendor in several spellings (``Day used``, ``day_used``, ``usageDate``):
its names are matched without regard to case, spaces or underscores, through
the aliases the contract lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_COLUMNS = 9  # c1..c9 in the staging views


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[str, ...]  # contract order
    required: frozenset[str]  # a missing one rejects every row
    marker: str  # the column that names this kind when present
    # loose kinds (the vendor's export): loose name -> contract column, and
    # loose names kept nowhere without a warning
    aliases: dict[str, str] = field(default_factory=dict)
    ignored: frozenset[str] = frozenset()
    by_marker: bool = True  # False: recognised by its columns (the vendor's usage export)

    def column_of(self, raw: str) -> str | None:
        """The contract column a header name stands for, or None."""
        if self.aliases:
            return self.aliases.get(loose_header(raw))
        name = normalise_header(raw)
        return name if name in self.columns else None


def normalise_header(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


def loose_header(name: str) -> str:
    """``Day used``, ``day_used`` and ``dayUsed`` all read ``dayused``."""
    return re.sub(r"[\s_]+", "", normalise_header(name))


def _aliases(spellings: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {loose_header(name): column for column, names in spellings.items() for name in names}


# The vendor's usage export (data contract ``vendor_usage``, R24). product_code
# is the older enterprise format's productLineCode: a file with it holds
# aggregate usage per product and day, without team or user.
VENDOR_USAGE = "vendor_usage"
_VENDOR_SPELLINGS = {
    "team": ("Team", "team", "teamName"),
    "user": ("Email", "email", "emailAddress", "user_email"),
    "day": ("Day used", "day_used", "usageDate", "Usage date"),
    "product": ("Product", "product_name", "productName"),
    "tokens": ("Tokens used", "tokens_used", "tokens", "tokensConsumed"),
    "product_code": ("productLineCode",),
}
_VENDOR_IGNORED = frozenset(
    loose_header(n)
    for n in (
        "First name",
        "Last name",
        "Feature",
        "hashed_autodesk_id",
        "hashedUserId",
        "childProductName",
        "version",
        # the older enterprise format's own columns
        "contractYear",
        "tokenPool",
        "usageCategory",
        "",  # its lines end with a comma: an empty last column
    )
)
AGGREGATE_OPTIONAL = frozenset({"team", "user"})  # not required when product_code is present

# The vendor's user export feeds groups (R25): its e-mail is the user.
_USER_EXPORT_SPELLINGS = {
    "user": ("user", "Email", "emailAddress", "user_email"),
    "group": ("group", "Group", "groupName"),
}
_USER_EXPORT_IGNORED = frozenset(
    loose_header(n)
    for n in ("First name", "Last name", "Team", "teamName", "Status", "Role", "hashed_autodesk_id", "hashedUserId")
)


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
        # also the vendor's user export (R25): Email, First name, ..., Group
        Kind(
            "groups",
            ("user", "group"),
            frozenset({"user", "group"}),
            "group",
            aliases=_aliases(_USER_EXPORT_SPELLINGS),
            ignored=_USER_EXPORT_IGNORED,
        ),
        Kind(
            "aliases",
            ("alias", "product", "source"),
            frozenset({"alias", "product"}),
            "alias",
        ),
        Kind(
            VENDOR_USAGE,
            ("team", "user", "day", "product", "tokens", "product_code"),
            frozenset({"team", "user", "day", "product", "tokens"}),
            "day",
            aliases=_aliases(_VENDOR_SPELLINGS),
            ignored=_VENDOR_IGNORED,
            by_marker=False,
        ),
    )
}

# Every contract column of every strict kind, in a fixed order: JSON lines are
# read into this list (DuckDB wants constant JSON paths), then picked by position.
ALL_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(c for k in KINDS.values() if k.by_marker for c in k.columns))


@dataclass(frozen=True)
class ColumnMap:
    kind: Kind
    positions: list[int | None]  # 1-based position in the file of each contract column, or None
    missing: list[str]  # required columns the file lacks
    extras: list[str]  # file columns the contract does not know (kept nowhere, warned about)


def recognise(header: list[str]) -> Kind | None:
    """The kind whose marker column the header has; None when none or several do
    (then the kind with most matching columns among them, if unique). A header
    naming no strict kind's marker is the vendor's usage export when three of
    its five columns are there in any spelling (a file missing one is still
    recognised, and its rows rejected for the missing column)."""
    names = {normalise_header(h) for h in header}
    candidates = [k for k in KINDS.values() if k.by_marker and k.marker in {k.column_of(h) for h in header}]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        scored = sorted(((len(names & set(k.columns)), k.name) for k in candidates), reverse=True)
        if scored[0][0] > scored[1][0]:
            return KINDS[scored[0][1]]
        return None
    vendor = KINDS[VENDOR_USAGE]
    found = {vendor.column_of(h) for h in header} & (set(vendor.columns) - {"product_code"})
    return vendor if len(found) >= 3 else None


def map_columns(kind: Kind, header: list[str]) -> ColumnMap:
    """Where each contract column sits in ``header`` (first occurrence wins;
    a repeated name counts as an extra column)."""
    first: dict[str, int] = {}
    extras: list[str] = []
    for i, raw in enumerate(header, start=1):
        name = kind.column_of(raw)
        if name is not None and name not in first:
            first[name] = i
        elif not (kind.ignored and loose_header(raw) in kind.ignored):
            extras.append(raw.strip() or f"(unnamed column {i})")
    positions = [first.get(c) for c in kind.columns]
    required = kind.required
    if kind.name == VENDOR_USAGE and "product_code" in first:
        required = required - AGGREGATE_OPTIONAL
    missing = [c for c in kind.columns if c in required and c not in first]
    return ColumnMap(kind, positions, missing, extras)
