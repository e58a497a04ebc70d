"""End-to-end helpers: small CSV files in tmp_path, imported by the real
importer, charged by the real engine, then reported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.stores import import_into, write_lines

EVENTS_HEADER = "ts,event,session_id,user,team,product,version,device,os\n"
PACKS_HEADER = "pack_id,team,tokens,purchased_on,price\n"


def load(con, tmp_path: Path, events: list[str], packs: list[str], recompute_at: datetime) -> None:
    from app.engine import recompute

    files = [
        write_lines(tmp_path / "events.csv", EVENTS_HEADER, events),
        write_lines(tmp_path / "packs.csv", PACKS_HEADER, packs),
    ]
    import_into(con, files)
    recompute(con, recompute_at)


# The vendor's example (domain-facts.md): AutoCAD used Monday 08:00-17:00,
# reopened Tuesday 07:00; the second window opens Tuesday 08:00 (R9).
# Version 2022 predates ACAD's idle detection (2023 in data/rates.csv), so
# each session is active over its whole span (R6).
VENDOR_EVENTS = [
    "2026-03-02T08:00:00Z,login,s-mon,alice@firm.test,Design,ACAD,2022,WS-1,windows",
    "2026-03-02T17:00:00Z,logout,s-mon,alice@firm.test,Design,ACAD,2022,WS-1,windows",
    "2026-03-03T07:00:00Z,login,s-tue,alice@firm.test,Design,ACAD,2022,WS-2,windows",
    "2026-03-03T12:00:00Z,logout,s-tue,alice@firm.test,Design,ACAD,2022,WS-2,windows",
]
# R14: the 10-token pack (same expiry, smaller) is drawn first; the second
# 7-token charge takes its last 3 and 4 from the 5,000-token pack.
VENDOR_PACKS = ["P-5000,Design,5000,2026-01-10,", "P-10,Design,10,2026-01-10,"]
