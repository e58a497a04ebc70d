"""Dense dictionary ids for test rows inserted straight into a store.

The engine tests (tests/engine/builder.py, direct mode) and the report tests
(tests/reports/handmade.py) both put names into the dictionaries by hand;
this is the one get-or-insert they share. A name already in the store (the
importer may have put it there) keeps its id; a new one gets max + 1.
"""

from __future__ import annotations

# table -> (id column, name column); identifiers are these constants only.
DICTIONARIES = {
    "users": ("user_id", "user_name"),
    "products": ("product_id", "product"),
    "teams": ("team_id", "team"),
    "devices": ("device_id", "device"),
    "sessions": ("session_key", "session_id"),
}


class DictionaryIds:
    def __init__(self, con):
        self._con = con
        self._ids: dict[tuple[str, str], int] = {}

    def id(self, table: str, name: str) -> int:
        key = (table, name)
        if key not in self._ids:
            id_col, name_col = DICTIONARIES[table]
            row = self._con.execute(
                f"SELECT {id_col} FROM {table} WHERE {name_col} = ?", [name]
            ).fetchall()
            if row:
                self._ids[key] = row[0][0]
            else:
                new = self._con.execute(
                    f"SELECT coalesce(max({id_col}), 0) + 1 FROM {table}"
                ).fetchall()[0][0]
                self._con.execute(
                    f"INSERT INTO {table} ({id_col}, {name_col}) VALUES (?, ?)", [new, name]
                )
                self._ids[key] = new
        return self._ids[key]

    def user(self, name: str) -> int:
        return self.id("users", name)

    def product(self, code: str) -> int:
        return self.id("products", code)

    def team(self, name: str) -> int:
        return self.id("teams", name)

    def version(self, name: str) -> int:
        """A product version's id (migration 0002), its year from its
        first four characters as the importer takes it."""
        key = ("versions", name)
        if key not in self._ids:
            row = self._con.execute("SELECT version_id FROM versions WHERE version = ?", [name]).fetchall()
            if row:
                self._ids[key] = row[0][0]
            else:
                new = self._con.execute("SELECT coalesce(max(version_id), 0) + 1 FROM versions").fetchall()[0][0]
                self._con.execute("INSERT INTO versions VALUES (?, ?, ?)", [new, name, int(name[:4])])
                self._ids[key] = new
        return self._ids[key]
