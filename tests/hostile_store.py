"""A store whose every name is hostile (tests/hostile.py), built through the
real importer: users, teams, products, devices, pack ids, rate names and
sources, a file name, a rejected line. The 100 KB name replaces one user and
one team afterwards (the importer stores a name as it reads it)."""

from __future__ import annotations

from pathlib import Path

from tests import hostile

SHORT = [v for k, v in hostile.NAMES.items() if k != "huge"]
RATES_HEADER = "product,name,kind,host,tokens_per_day,effective_from,idle_detection_since,linux,source\n"
EVENTS_HEADER = "ts,event,session_id,user,team,product,version,device,os\n"
PACKS_HEADER = "pack_id,team,tokens,purchased_on,price\n"


def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value


def write_hostile_inputs(folder: Path) -> list[Path]:
    """rates, packs and events files naming every short hostile name; the
    events file's own name is hostile and one of its lines is rejected."""
    folder.mkdir(parents=True, exist_ok=True)
    rates, events, packs = [], [], []
    for i, name in enumerate(SHORT, start=1):
        n = _csv(name)
        rates.append(f"{n},{n},product,,7,2021-01-01,,true,{n}")
        packs.append(f"{n},{n},1000,2026-01-10,")
        day = f"2026-11-{10 + i:02d}"
        for ts, event in (("08:00", "login"), ("09:00", "activity"), ("10:00", "logout")):
            events.append(f"{day}T{ts}:00Z,{event},s-{i},{n},{n},{n},2024,{n},windows")
    # the first user also works on a second device at the same time: a concurrent-use alert (R19)
    first = _csv(SHORT[0])
    for ts, event in (("08:30", "login"), ("09:30", "logout")):
        events.append(f"2026-11-11T{ts}:00Z,{event},s-other,{first},{first},{first},2024,WS-2,windows")
    events.append(f"2026-11-12T0\x1b[2J\u202e,login,s-bad,{first},{first},{first},2024,WS-1,windows")  # rejected
    files = [folder / "rates.csv", folder / "packs.csv", folder / "ev\x1b[2J[bold red]\u202e\u200b.csv"]
    for path, header, rows in zip(files, (RATES_HEADER, PACKS_HEADER, EVENTS_HEADER), (rates, packs, events)):
        path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return files


def build_hostile_store(db: Path, folder: Path) -> Path:
    from app import store
    from app.engine import recompute
    from app.ingest import import_paths

    files = write_hostile_inputs(folder)
    con = store.connect_write(db)
    try:
        import_paths(con, [str(f) for f in files])
        # the ledger records the wall clock: pinned before the tests' as-of (R4)
        con.execute("UPDATE imports SET imported_at = TIMESTAMPTZ '2026-11-20 18:00:00+00'")
        con.execute("UPDATE users SET user_name = ? WHERE user_name = ?", [hostile.HUGE, hostile.ZERO_WIDTH])
        con.execute("UPDATE teams SET team = ? WHERE team = ?", [hostile.HUGE, hostile.ZERO_WIDTH])
        recompute(con)
    finally:
        con.close()
    return db
