"""The sample firm's usage export as the vendor's pages write it (R24): the
charges the engine computes from the sample logs, per day, user, product and
team, in the Title Case columns with a byte-order mark and every field quoted,
with four differences planted so that the Reconcile pane has work to show.
sample_logs/README.md lists them (written from the same list)."""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from app import sql, store
from app.engine import recompute
from app.generate import firm
from app.ingest import import_paths

VENDOR_FILE = "vendor_token_usage.csv"
COLUMNS = ("Team", "Email", "First name", "Last name", "Day used", "Product", "Feature", "Tokens used")
# The names the vendor's pages write (data/product_aliases.csv maps them back)
DISPLAY = {
    "ACAD": "AutoCAD",
    "RVT": "Revit",
    "NAVMAN": "Navisworks Manage",
    "NAVSIM": "Navisworks Simulate",
    "FUSION": "Fusion",
    "C3D": "Civil 3D",
    "ACADLT": "AutoCAD LT",
    "3DSMAX": "3ds Max",
    "MAYA": "Maya",
    "RVTFAB": "RVTFAB",
}
RATE = {"ACAD": 7, "RVT": 10}  # the shipped rates of the products a planted row adds


@dataclass(frozen=True)
class Planted:
    status: str  # what report reconcile says of it
    day: str
    user: str
    product: str
    what: str  # for people


def _charges(sample_dir: Path) -> tuple[list[tuple], set[tuple]]:
    """The engine's charges of the sample files (a throwaway store), and the
    (team, day) pairs their logs cover."""
    files = [p for p in sorted(sample_dir.iterdir()) if p.name not in (VENDOR_FILE, "README.md")]
    as_of = datetime.combine(firm.LAST_DAY + timedelta(days=1), time(), UTC)
    with tempfile.TemporaryDirectory(prefix="flexdash-sample-") as tmp:
        con = store.connect_write(Path(tmp) / "sample.duckdb")
        try:
            import_paths(con, files)
            recompute(con, as_of)
            rows = con.execute(sql.load("generate/vendor_charges")).fetchall()
            covered = set(con.execute(sql.load("generate/vendor_covered")).fetchall())
        finally:
            con.close()
    return rows, covered


def _plant(rows: list[list], covered: set[tuple]) -> tuple[list[list], list[Planted]]:
    """Four differences at fixed places of the sorted rows (day, user,
    product, team, tokens), each on a team-day the logs cover."""
    n = len(rows)
    planted: list[Planted] = []
    twice = rows[n // 5]
    twice[4] *= 2
    planted.append(
        Planted(
            "amount_differs", str(twice[0]), twice[1], twice[2], f"billed {twice[4]} tokens: the day's charge twice"
        )
    )
    dropped = rows.pop(2 * n // 5)
    planted.append(
        Planted(
            "computed_not_billed", str(dropped[0]), dropped[1], dropped[2], f"{dropped[4]} tokens left off the bill"
        )
    )
    for row in rows[3 * n // 5 :]:
        others = sorted(t for t, d in covered if d == row[0] and t != row[3])
        if others:
            planted.append(
                Planted("team_differs", str(row[0]), row[1], row[2], f"billed to {others[0]} instead of {row[3]}")
            )
            row[3] = others[0]
            break
    for row in rows[4 * n // 5 :]:
        day, user, _, team, _ = row
        used = {r[2] for r in rows if r[0] == day and r[1] == user}
        extra = next((p for p in ("ACAD", "RVT") if p not in used), None)
        if extra and (team, day) in covered:
            rows.append([day, user, extra, team, RATE[extra]])
            planted.append(
                Planted("billed_not_computed", str(day), user, extra, f"{RATE[extra]} tokens billed with no use logged")
            )
            break
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows, planted


def _names(email: str) -> tuple[str, str]:
    local = email.split("@")[0]
    first, _, last = local.partition(".")
    return first.replace("-", " ").title(), last.replace("-", " ").title()


def write(out: Path) -> tuple[int, list[Planted]]:
    """Write the export into ``out`` (the other sample files already there);
    returns its rows and the planted differences."""
    charges, covered = _charges(out)
    rows, planted = _plant([list(r) for r in charges], covered)
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day, user, product, team, tokens in rows:
        first, last = _names(user)
        writer.writerow([team, user, first, last, day.isoformat(), DISPLAY.get(product, product), "", tokens])
    (out / VENDOR_FILE).write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return len(rows), planted
