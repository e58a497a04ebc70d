"""A small test-only store builder. Rows (events, packs, rates, assignments)
are collected, written as CSV files in the data contract's columns and
imported through the real importer (app.ingest.import_paths) as soon as the
connection is used (``b.con``) or the engine runs. ``via_importer=False``
inserts rows directly with bound parameters instead (kept for a team that
has no rows at all, which no input file can declare).

Instants are written as ISO-8601 strings with an offset, as given.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from app.engine import recompute
from tests.dictionary_ids import DictionaryIds
from tests.stores import import_into, write_csv

COLUMNS = {
    "rates": ("product", "name", "kind", "host", "tokens_per_day", "effective_from", "idle_detection_since", "linux"),
    "packs": ("pack_id", "team", "tokens", "purchased_on", "price"),
    "assignments": ("team", "user", "product", "assigned_on"),
    "events": ("ts", "event", "session_id", "user", "team", "product", "version", "device", "os"),
}

AS_OF = datetime(2027, 1, 1, tzinfo=UTC)


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Builder:
    def __init__(self, con, via_importer: bool = True):
        self._con = con
        self.via_importer = via_importer
        self.pending: dict[str, list[tuple]] = {kind: [] for kind in COLUMNS}
        self.import_id = 1
        self._dictionary = DictionaryIds(con)
        if not via_importer:
            con.execute("INSERT INTO imports VALUES (1, 'test', 'x', 'events', now(), 0, 0, 0, 0)")

    @property
    def con(self):
        self.flush()
        return self._con

    def flush(self) -> None:
        """Import the collected rows (one CSV per kind) in one call."""
        if not any(self.pending.values()):
            return
        with tempfile.TemporaryDirectory() as folder:
            paths = [
                write_csv(Path(folder) / f"{kind}.csv", COLUMNS[kind], rows)
                for kind, rows in self.pending.items()
                if rows
            ]
            import_into(self._con, paths, clean=True)
        self.pending = {kind: [] for kind in COLUMNS}

    def user(self, name):
        return self._dictionary.user(name)

    def product(self, code):
        return self._dictionary.product(code)

    def team(self, name):
        return self._dictionary.team(name)

    def event(self, ts, event, session, user, product, *, version="2025", device="pc1", os="windows", team="T1"):
        if self.via_importer:
            self.pending["events"].append((ts, event, session, user, team or "", product, version, device, os))
            return
        self._con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                self._dictionary.id("sessions", session),
                instant(ts),
                event,
                self.user(user),
                None if team is None else self.team(team),
                self.product(product),
                self._dictionary.version(version),
                self._dictionary.id("devices", device),
                os,
                self.import_id,
            ],
        )

    def session(self, session, user, product, events, **attrs):
        """events: [(ts, kind), ...]"""
        for ts, kind in events:
            self.event(ts, kind, session, user, product, **attrs)

    def pack(self, pack_id, team, tokens, purchased_on):
        if self.via_importer:
            self.pending["packs"].append((pack_id, team, tokens, purchased_on, ""))
            return
        self._con.execute(
            "INSERT INTO packs VALUES (?, ?, ?, ?, NULL, 'USD', ?)",
            [pack_id, self.team(team), tokens, date.fromisoformat(purchased_on), self.import_id],
        )

    def assign(self, team, user, product, assigned_on="2026-01-01"):
        if self.via_importer:
            self.pending["assignments"].append((team, user, product, assigned_on))
            return
        self.user(user)
        self._con.execute(
            "INSERT INTO assignments VALUES (?, ?, ?, ?, ?)",
            [self.team(team), self.user(user), product, date.fromisoformat(assigned_on), self.import_id],
        )

    def rate(
        self,
        product,
        tokens_per_day,
        effective_from="2021-09-07",
        *,
        idle_since=2023,
        linux=False,
        kind="product",
        host=None,
    ):
        if self.via_importer:
            self.pending["rates"].append(
                (
                    product,
                    product,
                    kind,
                    host or "",
                    tokens_per_day,
                    effective_from,
                    "" if idle_since is None else idle_since,
                    "true" if linux else "false",
                )
            )
            return
        self._con.execute(
            "INSERT INTO rates_imported VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)",
            [
                product,
                product,
                kind,
                host,
                tokens_per_day,
                date.fromisoformat(effective_from),
                idle_since,
                linux,
                self.import_id,
            ],
        )

    def recompute(self, as_of=AS_OF):
        return recompute(self.con, as_of)  # self.con imports the pending rows first

    def charges(self):
        """[(window_start, user, product, team, tokens)] in report order."""
        rows = self.con.execute(
            "SELECT c.window_start, u.user_name, p.product, t.team, c.tokens, c.window_end "
            "FROM main.charges c JOIN users u USING (user_id) JOIN products p USING (product_id) "
            "JOIN teams t USING (team_id) ORDER BY c.window_start, u.user_name, p.product"
        ).fetchall()
        for r in rows:
            assert (r[5] - r[0]).total_seconds() == 86400  # R1/R9: exactly 24 h
        return [(iso(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def denials(self):
        """[(ts, user, product, team or None, reason)] in report order."""
        rows = self.con.execute(
            "SELECT d.ts, u.user_name, p.product, t.team, d.reason "
            "FROM main.denials d JOIN users u USING (user_id) JOIN products p USING (product_id) "
            "LEFT JOIN teams t ON t.team_id = d.team_id ORDER BY d.ts, u.user_name, p.product"
        ).fetchall()
        return [(iso(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def allocations(self):
        """{window_start/user/product: [(pack_id, tokens)] in draw order}"""
        rows = self.con.execute(
            "SELECT c.window_start, u.user_name, p.product, a.pack_id, a.tokens "
            "FROM main.allocations a JOIN main.charges c USING (charge_id) "
            "JOIN users u USING (user_id) JOIN products p USING (product_id) "
            "JOIN v_packs k ON k.pack_id = a.pack_id "
            "ORDER BY c.window_start, u.user_name, p.product, k.draw_rank"
        ).fetchall()
        out: dict[tuple, list] = {}
        for ts, user, product, pack, tokens in rows:
            out.setdefault((iso(ts), user, product), []).append((pack, tokens))
        return out
