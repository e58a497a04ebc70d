"""Hand-made vendor usage exports (R24) and what the store made of them."""

from __future__ import annotations

from pathlib import Path

TITLE = ["Team", "Email", "First name", "Last name", "Day used", "Product", "Feature", "Tokens used"]


def write_bytes(path: Path, text: str, *, bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    return path


def quoted(rows: list[list[str]], sep: str = ",") -> str:
    """Every field quoted, as the vendor's pages write them."""
    return "".join(sep.join('"' + c.replace('"', '""') + '"' for c in r) + "\r\n" for r in rows)


def title_row(team: str, email: str, day: str, product: str, tokens: str) -> list[str]:
    first = email.split("@")[0].title()
    return [team, email, first, "X", day, product, "", tokens]


def write_xlsx(path: Path, rows: list[list]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def stored(con) -> list[tuple]:
    """(team, user, product, day as text, tokens) of every stored vendor row, sorted."""
    return con.execute(
        """
        SELECT t.team, u.user_name, p.product, strftime(v.day, '%Y-%m-%d'), v.tokens
        FROM vendor_usage v
        LEFT JOIN teams t USING (team_id) LEFT JOIN users u USING (user_id) JOIN products p USING (product_id)
        ORDER BY 4, 2 NULLS FIRST, 3
        """
    ).fetchall()


def reasons(con) -> dict[int, str]:
    return dict(con.execute("SELECT line, reason FROM rejects ORDER BY line").fetchall())
