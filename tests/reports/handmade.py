"""Hand-made stores for the report tests.

Rows go straight into the dictionaries and the engine's result tables
(packs, charges, allocations, denials) with bound parameters, so the report
SQL is tested independently of the engine; every expectation in the tests
is computed by hand from these rows and the rules.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app import reports
from tests.dictionary_ids import DictionaryIds


def utc(text: str) -> datetime:
    """'2026-02-02 08:00' -> aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class HandStore(DictionaryIds):
    """Inserts named rows, giving dictionary ids in first-seen order."""

    def __init__(self, con):
        super().__init__(con)
        self.con = con
        self._charge_id = 0

    def device(self, name):
        return self.id("devices", name)

    def session(self, name):
        return self.id("sessions", name)

    def pack(self, pack_id, team, tokens, purchased_on, price=None, currency="USD"):
        self.con.execute(
            "INSERT INTO packs (pack_id, team_id, tokens, purchased_on, price, currency, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 0)",
            [pack_id, self.team(team), tokens, date.fromisoformat(purchased_on), price, currency],
        )

    def group(self, user, group, import_id=0):
        """R25: ``user`` is in ``group`` (as a `groups` import would set it)."""
        self.con.execute("INSERT INTO user_groups VALUES (?, ?, ?)", [self.user(user), group, import_id])

    def token_prices(self, *rows):
        """Replace the shipped token price table: (pack_size, unit_price, currency)."""
        self.con.execute("DELETE FROM token_prices_shipped")
        for size, unit, currency in rows:
            self.con.execute("INSERT INTO token_prices_shipped VALUES (?, ?, ?, 'test')", [size, unit, currency])

    def charge(self, start, user, product, team, tokens, draws=()):
        """A 24 h window opened at ``start`` (R9) and its allocations (pack, tokens)."""
        self._charge_id += 1
        opened = utc(start)
        self.con.execute(
            "INSERT INTO charges VALUES (?, ?, ? + INTERVAL 24 HOUR, ?, ?, ?, ?, 0)",
            [self._charge_id, opened, opened, self.user(user), self.product(product), self.team(team), tokens],
        )
        for pack_id, drawn in draws:
            self.con.execute("INSERT INTO allocations VALUES (?, ?, ?)", [self._charge_id, pack_id, drawn])
        return self._charge_id

    def denial(self, ts, user, product, team, reason):
        self.con.execute(
            "INSERT INTO denials VALUES (?, ?, ?, ?, ?, NULL)",
            [utc(ts), self.user(user), self.product(product), None if team is None else self.team(team), reason],
        )

    def event(self, session, ts, event, user, product, version, *, team=None, device="WS-1", os="windows"):
        self.con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [
                self.session(session),
                utc(ts),
                event,
                self.user(user),
                None if team is None else self.team(team),
                self.product(product),
                self.version(version),
                self.device(device),
                os,
            ],
        )

    def reject(self, import_id, file, line, reason, raw, imported_at="2026-02-01 10:00"):
        exists = self.con.execute("SELECT count(*) FROM imports WHERE import_id = ?", [import_id]).fetchall()[0][0]
        if not exists:
            self.con.execute(
                "INSERT INTO imports VALUES (?, ?, ?, 'events', ?, 0, 0, 0, 0)",
                [import_id, file, f"hash-{import_id}", utc(imported_at)],
            )
        self.con.execute("INSERT INTO rejects VALUES (?, ?, ?, ?, ?)", [import_id, file, line, reason, raw])


def run_query(con, name, as_of, **kw):
    """The report SQL on the rows as they stand (no engine call)."""
    return reports.query(con, name, reports.ReportParams(as_of=utc(as_of), **kw))
