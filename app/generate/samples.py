"""Write the bundled sample logs (sample_logs/) of the fictional firm.

    python -m app.generate.samples [OUT]      (default: sample_logs/ of the checkout)

Two layers: background usage drawn with a seeded RNG from the habits in
``firm.py`` (who uses what, how often), plus the hand-placed rule cases of
``sample_cases.py``. The output is byte-for-byte deterministic: run it again
and git sees no change. The README it writes says where each case is.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from app.generate import firm, vendor_export
from app.generate.formats import (
    ASSIGNMENT_COLUMNS,
    EVENT_COLUMNS,
    PACK_COLUMNS,
    RATE_COLUMNS,
    write_csv,
    write_jsonl,
)
from app.generate.sample_cases import CASE_EVENTS, CASES, blocked
from app.generate.sample_readme import readme
from app.generate.sessions import Event, local_instant, session

SEED = 20261120
_ORDER = {"login": 0, "activity": 1, "logout": 2}

# Files, by the UTC day of a session's login (a session stays in one file).
EVENT_FILES = [
    ("events_2026-08-09.csv", date(2026, 8, 1), date(2026, 9, 30)),
    ("events_2026-10.jsonl", date(2026, 10, 1), date(2026, 10, 31)),
    ("events_2026-11.csv.gz", date(2026, 11, 1), date(2026, 11, 30)),
]
# The November export overlaps the October one by a day, written in UTC:
# the same events with another offset, which the import counts as duplicates.
OVERLAP_DAY = date(2026, 10, 30)

# olivia.laurent works from the Boston office one week (R1: her rows carry
# -04:00 that week, and her 24-hour windows do not care).
TRAVEL = ("olivia.laurent", date(2026, 9, 14), date(2026, 9, 18), "America/New_York")


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def _activities(rng: random.Random, duration: int) -> list[int]:
    """Seconds after login of each activity: a few minutes apart, now and
    then a gap over 15 minutes (a meeting, lunch: idle time under R6)."""
    out, t = [], 0
    while True:
        gap = rng.expovariate(1 / 420)
        if rng.random() < 0.05:
            gap += rng.uniform(16 * 60, 70 * 60)
        t += max(15, int(gap))
        if t >= duration - 10:
            return out
        out.append(t)


def _days() -> list[date]:
    n = (firm.LAST_DAY - firm.FIRST_DAY).days + 1
    return [firm.FIRST_DAY + timedelta(days=i) for i in range(n)]


def _absences(rng: random.Random, person: firm.Person, days: list[date]) -> set[date]:
    """A week of holiday for about half the staff, plus scattered days off."""
    off = {d for d in days if rng.random() < 0.07}
    if rng.random() < 0.5:
        monday = days[0] + timedelta(days=(7 - days[0].weekday()) % 7 + 7 * rng.randrange(11))
        off |= {monday + timedelta(days=i) for i in range(5)}
    return off


def _background_person(rng: random.Random, person: firm.Person, days: list[date]) -> list[Event]:
    events: list[Event] = []
    off = _absences(rng, person, days)
    for day in days:
        weekend = day.weekday() >= 5
        if day in off or (weekend and rng.random() > 0.03):
            continue
        zone_name = firm.TEAMS[person.team]
        travelling = person.login == TRAVEL[0] and TRAVEL[1] <= day <= TRAVEL[2]
        if travelling:
            zone_name = TRAVEL[3]
        first_start = 8 * 3600 + rng.randrange(0, 7200)
        for slot, use in enumerate(person.uses):
            if use.p_day <= 0 or blocked(person.login, use.product, day) or rng.random() >= use.p_day:
                continue
            kind = "LT" if travelling or (use.device == "WS" and rng.random() < 0.08) else use.device
            dev = firm.device(person, kind)
            start = first_start if slot == 0 else 9 * 3600 + rng.randrange(0, 7 * 3600)
            if rng.random() < 0.05:  # a quick look: often inside the 5-minute grace (R8)
                spans = [(start, rng.randrange(60, 480))]
            else:
                length = int(rng.triangular(1800, 9 * 3600, 3 * 3600))
                length = min(length, 19 * 3600 - start)
                if length > 4 * 3600 and rng.random() < 0.4:  # out for lunch: two sessions
                    lunch = 12 * 3600 + rng.randrange(0, 3600)
                    spans = [(start, max(600, lunch - start)), (lunch + 3600, max(600, start + length - lunch - 3600))]
                else:
                    spans = [(start, length)]
            for s_start, s_len in spans:
                events += _one_session(
                    rng, person, use, day, zone_name, dev, os=firm.os_for(kind), start=s_start, length=s_len
                )
    return events


def _one_session(rng, person, use, day, zone_name, dev, *, os, start, length) -> list[Event]:
    at = local_instant(f"{day.isoformat()} 00:00:00", zone_name) + timedelta(seconds=start)
    unterminated = rng.random() < 0.03  # R5: the logout never came
    team = person.team if person.names_team else None
    # Fusion is a cloud product: its rows come stamped in UTC.
    write_zone = "UTC" if use.product == "FUSION" else None
    rows = session(
        session_id=_uuid(rng),
        user=person.email,
        team=team,
        product=use.product,
        version=use.version,
        device=dev,
        os=os,
        zone_name=zone_name,
        start=at,
        activities=_activities(rng, length),
        end=None if unterminated else length,
        write_zone=write_zone,
    )
    if person.login == "jules.mercier" and use.product == "RVT":
        # R11: his Fabrication plug-in opens with Revit, a few seconds later.
        delay = rng.randrange(12, 55)
        rows += session(
            session_id=_uuid(rng),
            user=person.email,
            team=team,
            product="RVTFAB",
            version=use.version,
            device=dev,
            os=os,
            zone_name=zone_name,
            start=at + timedelta(seconds=delay),
            activities=[],
            end=max(60, length - delay - rng.randrange(5, 60)),
        )
    return rows


def background(seed: int = SEED) -> list[Event]:
    days = _days()
    events: list[Event] = []
    for person in firm.PEOPLE:
        # One RNG per person: changing one person's habits leaves the others' rows alone.
        events += _background_person(random.Random(f"{seed}:{person.login}"), person, days)
    return events


def _sort_key(e: Event):
    return (e.instant, e.session_id, _ORDER[e.event])


def all_events(seed: int = SEED) -> list[Event]:
    return sorted(background(seed) + CASE_EVENTS, key=_sort_key)


def assignments() -> list[tuple]:
    rows = []
    for p in firm.PEOPLE:
        rows += [(p.team, p.email, product, p.assigned_on) for product in p.assigned]
    rows += [(team, f"{login}@{firm.DOMAIN}", product, on) for team, login, product, on in firm.EXTRA_ASSIGNMENTS]
    return sorted(rows)


def write(out: Path, seed: int = SEED) -> dict[str, int]:
    """Write every sample file into ``out``; returns rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    events = all_events(seed)
    starts: dict[str, datetime] = {}
    for e in events:
        starts.setdefault(e.session_id, e.instant)
    counts: dict[str, int] = {}
    for name, first, last in EVENT_FILES:
        rows = [e.row() for e in events if first <= starts[e.session_id].date() <= last]
        if name.endswith(".csv.gz"):
            overlap = [e.row("UTC") for e in events if starts[e.session_id].date() == OVERLAP_DAY]
            rows = overlap + rows
        writer = write_jsonl if name.endswith(".jsonl") else write_csv
        writer(out / name, EVENT_COLUMNS, rows)
        counts[name] = len(rows)
    counts["overlap (duplicates)"] = sum(1 for e in events if starts[e.session_id].date() == OVERLAP_DAY)
    write_csv(out / "packs.csv", PACK_COLUMNS, firm.PACKS)
    counts["packs.csv"] = len(firm.PACKS)
    rows = assignments()
    write_csv(out / "assignments.csv", ASSIGNMENT_COLUMNS, rows)
    counts["assignments.csv"] = len(rows)
    write_csv(out / "rates.csv", RATE_COLUMNS, firm.RATES)
    counts["rates.csv"] = len(firm.RATES)
    # R24: the vendor's bill of the charges the engine computes from the files above
    counts[vendor_export.VENDOR_FILE], planted = vendor_export.write(out)
    (out / "README.md").write_text(readme(events, counts, CASES, planted), encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "sample_logs"
    for name, n in write(out).items():
        print(f"{n:>8}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
