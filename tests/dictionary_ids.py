"""Dense dictionary ids for test rows inserted straight into a store.

The engine tests (tests/engine/builder.py, direct mode) and the report tests
(tests/reports/handmade.py) both put names into the dictionaries by hand;
this is the one get-or-insert they share. A name already in the store (the
importer may have put it there) keeps its id; a new one gets max + 1.
"""

from __future__ import annotations

# table -> (id column, name column, other columns a new row is given);
# identifiers are these constants only.
DICTIONARIES = {
    "users": ("user_id", "user_name", ()),
    "products": ("product_id", "product", ()),
    "teams": ("team_id", "team", ()),
    "devices": ("device_id", "device", ()),
    "sessions": ("session_key", "session_id", ()),
    "versions": ("version_id", "version", ("version_year",)),  # migration 0002
}


class DictionaryIds:
    def __init__(self, con):
        self._con = con
        self._ids: dict[tuple[str, str], int] = {}

    def id(self, table: str, name: str, *others) -> int:
        """``others``: the values of the table's other columns, for a new row."""
        key = (table, name)
        if key not in self._ids:
            id_col, name_col, other_cols = DICTIONARIES[table]
            row = self._con.execute(f"SELECT {id_col} FROM {table} WHERE {name_col} = ?", [name]).fetchall()
            if row:
                self._ids[key] = row[0][0]
            else:
                new = self._con.execute(f"SELECT coalesce(max({id_col}), 0) + 1 FROM {table}").fetchall()[0][0]
                columns = ", ".join((id_col, name_col, *other_cols))
                marks = ", ".join("?" * (2 + len(other_cols)))
                self._con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [new, name, *others])
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
        return self.id("versions", name, int(name[:4]))
