"""The hand-placed rule cases of the sample logs (R5-R19), one per rule branch.

Each case is a few sessions written out by hand, with what the billing
rules must make of them (``expected``). The background usage never touches a
case's user and product around its dates (``BLOCKS``), so every expectation
here can be checked by hand from these lines alone. ``samples.py`` writes the
list into sample_logs/README.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.generate.firm import BY_LOGIN, CONTRACTOR, GUEST, TEAMS, device
from app.generate.sessions import Event, local_instant, session


@dataclass
class Case:
    rules: str
    title: str
    user: str
    product: str
    when: str  # local wall-clock times, with the zone's offset of the day
    expected: str
    session_ids: list[str] = field(default_factory=list)


def session_id(name: str) -> str:
    """A stable UUID-shaped session id derived from the case's name."""
    h = hashlib.sha256(f"hce-sample:{name}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def every(step: int, until: int, first: int | None = None) -> list[int]:
    return list(range(first or step, until + 1, step))


def span(start_local: str, later_local: str, zone_name: str) -> int:
    """Seconds between two local wall-clock times of one zone."""
    return int((local_instant(later_local, zone_name) - local_instant(start_local, zone_name)).total_seconds())


# (login, product) -> None (whole period) or (first day, last day): no
# background usage there, so the case stands alone.
BLOCKS: dict[tuple[str, str], tuple[date, date] | None] = {}


class _Builder:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.cases: list[Case] = []

    def add(
        self,
        case: Case,
        name: str,
        *,
        login: str,
        product: str,
        version: str,
        dev: str,
        start: str,
        activities: list[int],
        end: int | None,
        team: str | None = "",
        os: str | None = None,
        zone_name: str | None = None,
    ) -> str:
        person = BY_LOGIN.get(login)
        user = person.email if person else login
        if team == "":
            team = person.team if person else None
        zone_name = zone_name or (TEAMS[person.team] if person else "Europe/London")
        if os is None:
            os = {"LX": "linux", "MB": "macos"}.get(dev.split("-")[1] if dev.startswith("HCE-") else "", "windows")
        sid = session_id(name)
        self.events += session(
            session_id=sid,
            user=user,
            team=team,
            product=product,
            version=version,
            device=dev,
            os=os,
            zone_name=zone_name,
            start=local_instant(start, zone_name),
            activities=activities,
            end=end,
        )
        case.session_ids.append(sid)
        return sid

    def case(self, case: Case) -> Case:
        self.cases.append(case)
        return case


def _dev(login: str, kind: str = "WS") -> str:
    return device(BY_LOGIN[login], kind)


def build() -> tuple[list[Event], list[Case]]:
    b = _Builder()
    P = "Europe/Paris"

    c = b.case(
        Case(
            "R5",
            "unterminated session (no logout)",
            "lea.martin",
            "ACAD",
            "Wed 2026-09-09 09:20:00+02:00, last activity 11:02:00+02:00, no logout",
            "span ends at the last event (11:02:00+02:00), flagged unterminated; "
            "1 window at 2026-09-09T07:20:00Z, 7 tokens (architecture)",
        )
    )
    BLOCKS[("lea.martin", "ACAD")] = None
    b.add(
        c,
        "r5-unterminated",
        login="lea.martin",
        product="ACAD",
        version="2025",
        dev=_dev("lea.martin"),
        start="2026-09-09 09:20:00",
        activities=every(540, 5940) + [6120],
        end=None,
    )

    c = b.case(
        Case(
            "R6 R9 R22",
            "Revit left open over a weekend, WITH idle detection (2025 >= 2023)",
            "hugo.bernard",
            "RVT",
            "Fri 2026-10-16 15:30:00+02:00 to Mon 2026-10-19 08:45:00+02:00; activity Fri until "
            "17:10, then Mon 08:31-08:40",
            "idle-paused over the weekend: active Fri 13:30Z-15:25Z and Mon 06:31Z-06:45Z; "
            "2 windows (2026-10-16T13:30:00Z, 2026-10-19T06:31:00Z) = 20 tokens; without idle "
            "detection it would be 3 windows (Fri, Sat, Sun 13:30Z) = 30: R22 idle saving 1 window",
        )
    )
    BLOCKS[("hugo.bernard", "RVT")] = None
    start = "2026-10-16 15:30:00"
    monday = [span(start, f"2026-10-19 08:{m}:00", P) for m in ("31", "36", "40")]
    b.add(
        c,
        "r6-weekend-idle",
        login="hugo.bernard",
        product="RVT",
        version="2025",
        dev=_dev("hugo.bernard"),
        start=start,
        activities=every(480, 5760) + [6000] + monday,
        end=span(start, "2026-10-19 08:45:00", P),
    )

    c = b.case(
        Case(
            "R6 R9 R22",
            "Navisworks Manage 2023 left open over a weekend, WITHOUT idle detection "
            "(NAVMAN detects idleness since 2024)",
            "chloe.dubois",
            "NAVMAN",
            "Fri 2026-10-09 14:00:00+02:00 to Mon 2026-10-12 09:10:00+02:00; activity Fri 14:05-15:20 only",
            "active over the whole span (12:00Z Fri to 07:10Z Mon): 3 windows (Fri, Sat, Sun "
            "12:00Z) = 27 tokens; with idle detection it would be 1 window (9): R22 "
            "open-product waste 18 tokens",
        )
    )
    BLOCKS[("chloe.dubois", "NAVMAN")] = None
    start = "2026-10-09 14:00:00"
    b.add(
        c,
        "r6-weekend-no-idle",
        login="chloe.dubois",
        product="NAVMAN",
        version="2023",
        dev=_dev("chloe.dubois"),
        start=start,
        activities=every(300, 4800),
        end=span(start, "2026-10-12 09:10:00", P),
    )

    BLOCKS[("noah.petit", "ACAD")] = None
    c = b.case(
        Case(
            "R8",
            "session of exactly 4 minutes",
            "noah.petit",
            "ACAD",
            "Wed 2026-09-16 10:00:00+02:00 to 10:04:00+02:00",
            "run of 240 s <= 300 s: no window, 0 tokens",
        )
    )
    b.add(
        c,
        "r8-4min",
        login="noah.petit",
        product="ACAD",
        version="2025",
        dev=_dev("noah.petit"),
        start="2026-09-16 10:00:00",
        activities=[90, 180],
        end=240,
    )
    c = b.case(
        Case(
            "R8",
            "session of exactly 6 minutes",
            "noah.petit",
            "ACAD",
            "Wed 2026-09-23 14:00:00+02:00 to 14:06:00+02:00",
            "run of 360 s > 300 s: 1 window at 2026-09-23T12:00:00Z, 7 tokens",
        )
    )
    b.add(
        c,
        "r8-6min",
        login="noah.petit",
        product="ACAD",
        version="2025",
        dev=_dev("noah.petit"),
        start="2026-09-23 14:00:00",
        activities=[60, 180, 300],
        end=360,
    )
    c = b.case(
        Case(
            "R8",
            "session of exactly 5 minutes (the boundary)",
            "noah.petit",
            "ACAD",
            "Wed 2026-09-30 09:00:00+02:00 to 09:05:00+02:00",
            "run of exactly 300 s is not more than 5 minutes: no window, 0 tokens",
        )
    )
    b.add(
        c,
        "r8-5min",
        login="noah.petit",
        product="ACAD",
        version="2025",
        dev=_dev("noah.petit"),
        start="2026-09-30 09:00:00",
        activities=[120, 240],
        end=300,
    )

    c = b.case(
        Case(
            "R7 R19",
            "one user on two devices at once, two versions",
            "ines.moreau",
            "RVT",
            "Tue 2026-09-22: workstation (2026) 09:00:00-12:30:00+02:00, laptop (2025) 10:15:00-11:05:00+02:00",
            "concurrent use 08:15Z-09:05Z (R19); active time merged into one run (R7): "
            "1 window at 2026-09-22T07:00:00Z, 10 tokens",
        )
    )
    BLOCKS[("ines.moreau", "RVT")] = None
    b.add(
        c,
        "r19-concurrent-ws",
        login="ines.moreau",
        product="RVT",
        version="2026",
        dev=_dev("ines.moreau"),
        start="2026-09-22 09:00:00",
        activities=every(360, 12420),
        end=12600,
    )
    b.add(
        c,
        "r19-concurrent-lt",
        login="ines.moreau",
        product="RVT",
        version="2025",
        dev=_dev("ines.moreau", "LT"),
        start="2026-09-22 10:15:00",
        activities=every(300, 2700),
        end=3000,
    )

    c = b.case(
        Case(
            "R19",
            "one user and product on 4 devices within 30 days",
            "ryan.walsh",
            "ACAD",
            "2026-10-05, 10-07, 10-13, 10-20, each 10:00:00-11:10:00-04:00, on HCE-WS-018, "
            "HCE-LT-018, HCE-MR-001, HOME-RWALSH",
            "over the device limit (4 > 3 devices in 30 days); charging unchanged: 4 windows "
            "(14:00Z each day) = 28 tokens (civil)",
        )
    )
    BLOCKS[("ryan.walsh", "ACAD")] = None
    for day, dev in (
        ("05", _dev("ryan.walsh")),
        ("07", _dev("ryan.walsh", "LT")),
        ("13", "HCE-MR-001"),
        ("20", "HOME-RWALSH"),
    ):
        b.add(
            c,
            f"r19-devices-{day}",
            login="ryan.walsh",
            product="ACAD",
            version="2025",
            dev=dev,
            start=f"2026-10-{day} 10:00:00",
            activities=every(420, 3780),
            end=4200,
            os="windows",
        )

    c = b.case(
        Case(
            "R18",
            "Linux session of a 2019 version",
            "sofia.lambert",
            "MAYA",
            "Tue 2026-10-06 10:00:00-12:00:00+01:00 on HCE-LX-900 (linux), Maya 2019",
            "denied unsupported_platform at 2026-10-06T09:00:00Z (Linux needs 2020 or later); 0 tokens",
        )
    )
    b.add(
        c,
        "r18-linux-2019",
        login="sofia.lambert",
        product="MAYA",
        version="2019",
        dev="HCE-LX-900",
        start="2026-10-06 10:00:00",
        activities=every(600, 6600),
        end=7200,
        os="linux",
    )
    c = b.case(
        Case(
            "R18",
            "Linux session of a product that does not run on Linux",
            "theo.garnier",
            "3DSMAX",
            "Wed 2026-10-14 14:00:00-15:30:00+01:00 on HCE-LX-032 (linux), 3ds Max 2026",
            "denied unsupported_platform at 2026-10-14T13:00:00Z (3DSMAX linux=false); 0 tokens. "
            "His Maya 2025 sessions on the same Linux box are supported and charged",
        )
    )
    b.add(
        c,
        "r18-linux-3dsmax",
        login="theo.garnier",
        product="3DSMAX",
        version="2026",
        dev=_dev("theo.garnier", "LX"),
        start="2026-10-14 14:00:00",
        activities=every(600, 4800),
        end=5400,
        os="linux",
    )

    c = b.case(
        Case(
            "R12b",
            "product missing from the rate table (VRED)",
            "emma.fournier",
            "VRED",
            "Thu 2026-09-10 09:30:00-12:00:00+01:00 and Fri 2026-09-11 13:00:00-16:00:00+01:00",
            "2 denials unknown_product (2026-09-10T08:30:00Z, 2026-09-11T12:00:00Z), 0 tokens, "
            "until a VRED rate is imported",
        )
    )
    b.add(
        c,
        "r12b-vred-1",
        login="emma.fournier",
        product="VRED",
        version="2026",
        dev=_dev("emma.fournier"),
        start="2026-09-10 09:30:00",
        activities=every(500, 8500),
        end=9000,
    )
    b.add(
        c,
        "r12b-vred-2",
        login="emma.fournier",
        product="VRED",
        version="2026",
        dev=_dev("emma.fournier"),
        start="2026-09-11 13:00:00",
        activities=every(500, 10500),
        end=10800,
    )

    c = b.case(
        Case(
            "R17",
            "product not assigned to its user",
            "megan.obrien",
            "NAVMAN",
            "Wed 2026-10-21 13:00:00-15:00:00-04:00, team civil named",
            "denied not_assigned at 2026-10-21T17:00:00Z (civil assigns her only C3D and ACAD); 0 tokens",
        )
    )
    b.add(
        c,
        "r17-not-assigned",
        login="megan.obrien",
        product="NAVMAN",
        version="2025",
        dev=_dev("megan.obrien"),
        start="2026-10-21 13:00:00",
        activities=every(600, 6600),
        end=7200,
    )

    c = b.case(
        Case(
            "R12",
            "user in two teams; her rows name no team",
            "amara.okafor",
            "RVT, C3D",
            "all her sessions (background, team empty); plus Wed 2026-11-04 "
            "09:00:00-11:30:00+01:00 RVT naming team civil",
            "team-less RVT bills architecture (assigned RVT 2025-11-03, before civil 2026-02-16); "
            "team-less C3D bills civil (only civil assigns C3D); the 2026-11-04 RVT session bills "
            "civil (named): 1 window at 2026-11-04T08:00:00Z, 10 tokens; listed as a multi-team user",
        )
    )
    BLOCKS[("amara.okafor", "RVT")] = (date(2026, 11, 3), date(2026, 11, 5))
    b.add(
        c,
        "r12-named-civil",
        login="amara.okafor",
        product="RVT",
        version="2026",
        dev=_dev("amara.okafor"),
        start="2026-11-04 09:00:00",
        activities=every(420, 8820),
        end=9000,
        team="civil",
    )

    c = b.case(
        Case(
            "R12",
            "user in no assignment, no team named",
            GUEST,
            "MAYA",
            "Thu 2026-11-12 10:00:00-13:00:00Z on SN-WS-12",
            "excluded team_unresolved at 2026-11-12T10:00:00Z (three teams known); 0 tokens",
        )
    )
    b.add(
        c,
        "r12-unresolved",
        login=GUEST,
        product="MAYA",
        version="2025",
        dev="SN-WS-12",
        team=None,
        start="2026-11-12 10:00:00",
        activities=every(600, 10200),
        end=10800,
        zone_name="Europe/London",
    )

    c = b.case(
        Case(
            "R17 R9",
            "contractor absent from the assignment data, naming a team",
            CONTRACTOR,
            "RVT",
            "Mon-Fri 2026-09-14..18 on PARTNER-LT-4, logins 09:30, 09:10, 09:45, 09:05, 09:20 (+02:00), until 16:30",
            "unrestricted (not in the assignment data), billed to architecture: 5 windows "
            "opening 07:30Z Mon, 07:30Z Tue, 07:45Z Wed, 07:45Z Thu, 07:45Z Fri = 50 tokens",
        )
    )
    for day, login_at in (("14", "09:30"), ("15", "09:10"), ("16", "09:45"), ("17", "09:05"), ("18", "09:20")):
        start = f"2026-09-{day} {login_at}:00"
        lunch = span(start, f"2026-09-{day} 12:30:00", P)
        back = span(start, f"2026-09-{day} 13:30:00", P)
        close = span(start, f"2026-09-{day} 16:30:00", P)
        b.add(
            c,
            f"r17-contractor-{day}",
            login=CONTRACTOR,
            product="RVT",
            version="2026",
            dev="PARTNER-LT-4",
            team="architecture",
            start=start,
            activities=every(600, lunch) + every(600, close - 60, back),
            end=close,
            zone_name=P,
            os="windows",
        )

    c = b.case(
        Case(
            "R11",
            "plug-in auto-started with its host (same user, device, 38 s)",
            "jules.mercier",
            "RVT + RVTFAB",
            "Tue 2026-09-08: RVT 08:52:10-17:30:00+02:00, RVTFAB 08:52:48-17:29:30+02:00 on "
            "HCE-WS-006, the plug-in with no activity",
            "RVTFAB is an auto-start (avoidable spend); both charged: RVT 10 + RVTFAB 4 (no "
            "idle detection: active over its whole span). His other RVT days repeat the pattern",
        )
    )
    BLOCKS[("jules.mercier", "RVT")] = (date(2026, 9, 7), date(2026, 9, 9))
    start = "2026-09-08 08:52:10"
    close = span(start, "2026-09-08 17:30:00", P)
    b.add(
        c,
        "r11-host",
        login="jules.mercier",
        product="RVT",
        version="2025",
        dev=_dev("jules.mercier"),
        start=start,
        activities=every(420, 12600) + every(420, close - 300, 16200),
        end=close,
    )
    b.add(
        c,
        "r11-autostart",
        login="jules.mercier",
        product="RVTFAB",
        version="2025",
        dev=_dev("jules.mercier"),
        start="2026-09-08 08:52:48",
        activities=[],
        end=span("2026-09-08 08:52:48", "2026-09-08 17:29:30", P),
    )

    c = b.case(
        Case(
            "R11",
            "plug-in opened on purpose, long after its host",
            "adam.chevalier",
            "RVT + RVTFAB",
            "Thu 2026-10-01: RVT 09:00:00-17:00:00+02:00, RVTFAB 11:12:05-12:40:00+02:00",
            "not an auto-start (2 h 12 min after the host); RVTFAB charged 4 tokens at "
            "2026-10-01T09:12:05Z, RVT 10 at 07:00:00Z",
        )
    )
    BLOCKS[("adam.chevalier", "RVT")] = (date(2026, 9, 30), date(2026, 10, 2))
    b.add(
        c,
        "r11-host-deliberate",
        login="adam.chevalier",
        product="RVT",
        version="2026",
        dev=_dev("adam.chevalier"),
        start="2026-10-01 09:00:00",
        activities=every(480, 28320),
        end=28800,
    )
    b.add(
        c,
        "r11-deliberate",
        login="adam.chevalier",
        product="RVTFAB",
        version="2026",
        dev=_dev("adam.chevalier"),
        start="2026-10-01 11:12:05",
        activities=every(400, 5200),
        end=5275,
    )

    c = b.case(
        Case(
            "R9",
            "the vendor's own example: reopened before the 24 h window ends",
            "nathan.blanc",
            "ACAD",
            "Mon 2026-11-02 08:00:00-17:00:00+01:00, Tue 2026-11-03 07:00:00-12:00:00+01:00",
            "2 windows: 2026-11-02T07:00:00Z and 2026-11-03T07:00:00Z (08:00 local, when Monday's "
            "window runs out, not 07:00 when reopened) = 14 tokens",
        )
    )
    BLOCKS[("nathan.blanc", "ACAD")] = None
    b.add(
        c,
        "r9-monday",
        login="nathan.blanc",
        product="ACAD",
        version="2025",
        dev=_dev("nathan.blanc"),
        start="2026-11-02 08:00:00",
        activities=every(600, 31800),
        end=32400,
    )
    b.add(
        c,
        "r9-tuesday",
        login="nathan.blanc",
        product="ACAD",
        version="2025",
        dev=_dev("nathan.blanc"),
        start="2026-11-03 07:00:00",
        activities=every(600, 17400),
        end=18000,
    )
    return b.events, b.cases


def blocked(login: str, product: str, day: date) -> bool:
    """Is background usage of this user and product kept off this day?"""
    key = (login, product)
    if key not in BLOCKS:
        return False
    window = BLOCKS[key]
    return window is None or window[0] <= day <= window[1]


# Cases are built once at import so BLOCKS is filled before the background runs.
CASE_EVENTS, CASES = build()
ONE_DAY = timedelta(days=1)
