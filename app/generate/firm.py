"""The fictional firm of the bundled sample logs: Halvorsen & Crane Engineering.

Three teams in three offices (so the logs carry several UTC offsets, R1):
architecture in Paris, civil in Boston, visualisation in London. Who uses
what, how often and on which device is written down here; the background
usage (``samples.py``) and the hand-placed rule cases (``sample_cases.py``)
both read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DOMAIN = "halvorsen-crane.example"
FIRM = "Halvorsen & Crane Engineering"

# The 90 days of the sample logs: 2026-08-23 .. 2026-11-20 (the demo's
# "now" is after it).
FIRST_DAY = date(2026, 8, 23)
LAST_DAY = date(2026, 11, 20)

TEAMS = {
    "architecture": "Europe/Paris",
    "civil": "America/New_York",
    "visualisation": "Europe/London",
}


@dataclass(frozen=True)
class Use:
    """One product in a user's habits: daily probability, version, OS."""

    product: str
    p_day: float
    version: str
    os: str = "windows"
    device: str = "WS"  # WS workstation, LT laptop, LX linux box, MB macbook


@dataclass
class Person:
    login: str  # first.last
    team: str
    uses: list[Use]
    assigned: list[str]  # product codes or "*"
    assigned_on: str
    names_team: bool = True  # False: this user's log rows leave `team` empty
    number: int = 0  # device numbering
    extra: dict = field(default_factory=dict)

    @property
    def email(self) -> str:
        return f"{self.login}@{DOMAIN}"


def _arch(login, uses, assigned=None, on="2026-01-12", **kw) -> Person:
    assigned = assigned if assigned is not None else sorted({u.product for u in uses})
    return Person(login, "architecture", uses, assigned, on, **kw)


def _civil(login, uses, assigned=None, on="2026-02-02", **kw) -> Person:
    assigned = assigned if assigned is not None else sorted({u.product for u in uses})
    return Person(login, "civil", uses, assigned, on, **kw)


def _viz(login, uses, assigned=None, on="2026-03-09", **kw) -> Person:
    assigned = assigned if assigned is not None else sorted({u.product for u in uses})
    return Person(login, "visualisation", uses, assigned, on, **kw)


RVT = lambda p, v="2026": Use("RVT", p, v)  # noqa: E731
ACAD = lambda p, v="2025": Use("ACAD", p, v)  # noqa: E731
NAVMAN = lambda p, v="2025": Use("NAVMAN", p, v)  # noqa: E731
NAVSIM = lambda p, v="2025": Use("NAVSIM", p, v)  # noqa: E731
C3D = lambda p, v="2026": Use("C3D", p, v)  # noqa: E731
ACADLT = lambda p, v="2025": Use("ACADLT", p, v)  # noqa: E731
MAX = lambda p, v="2026": Use("3DSMAX", p, v)  # noqa: E731
MAYA = lambda p, v="2025", os="windows", dev="WS": Use("MAYA", p, v, os, dev)  # noqa: E731
FUSION = lambda p, v="2026.1", os="windows", dev="WS": Use("FUSION", p, v, os, dev)  # noqa: E731


PEOPLE: list[Person] = [
    # architecture (Paris): Revit first, AutoCAD, Navisworks for coordinators.
    _arch("lea.martin", [RVT(0.35), ACAD(0.25)]),
    _arch("hugo.bernard", [RVT(0.45, "2025"), ACAD(0.15)]),
    _arch("chloe.dubois", [RVT(0.30), NAVMAN(0.15, "2023"), NAVSIM(0.1)]),
    _arch("noah.petit", [RVT(0.35), ACAD(0.2)]),
    _arch("ines.moreau", [RVT(0.4), ACAD(0.1)]),
    _arch("jules.mercier", [RVT(0.45, "2025"), Use("RVTFAB", 0.0, "2025")]),
    _arch("adam.chevalier", [RVT(0.3), Use("RVTFAB", 0.0, "2026")]),
    _arch("nathan.blanc", [RVT(0.3), ACAD(0.2)]),
    _arch("olivia.laurent", [RVT(0.35), NAVMAN(0.12)]),
    _arch("camille.henry", [RVT(0.2), NAVMAN(0.2), NAVSIM(0.15), FUSION(0.05)], assigned=["*"], on="2025-11-03"),
    _arch("louis.garcia", [RVT(0.95)]),  # a daily Revit user: R20 says subscribe
    _arch("manon.faure", [RVT(0.35, "2024"), ACAD(0.15, "2024")]),
    _arch("arthur.rousseau", [ACAD(0.3), FUSION(0.1, os="macos", dev="MB")]),
    _arch("zoe.lefevre", [RVT(0.3), NAVSIM(0.1)]),
    _arch("gabriel.morel", [RVT(0.25), ACAD(0.2)]),
    _arch("alice.fontaine", [RVT(0.3), FUSION(0.08)]),
    # amara.okafor: in architecture and civil, her log rows name no team (R12).
    _arch("amara.okafor", [RVT(0.3), C3D(0.2)], assigned=["RVT"], on="2025-11-03", names_team=False),
    # civil (Boston): Civil 3D, AutoCAD / AutoCAD LT, Navisworks Simulate.
    _civil("ryan.walsh", [C3D(0.3), ACAD(0.2)]),
    _civil("megan.obrien", [C3D(0.35), ACAD(0.15)]),
    _civil("ethan.murphy", [C3D(0.3), ACADLT(0.2)], names_team=False),
    _civil("grace.chen", [C3D(0.3), NAVSIM(0.12)]),
    _civil("daniel.kim", [C3D(0.9)]),  # a daily Civil 3D user (R20)
    _civil("sarah.johnson", [C3D(0.2), ACAD(0.15), NAVSIM(0.1)], assigned=["*"], on="2025-10-20"),
    _civil("kevin.patel", [ACADLT(0.35), ACAD(0.1)], names_team=False),
    _civil("laura.schmidt", [C3D(0.3), ACAD(0.15, "2024")]),
    _civil("brian.oconnor", [C3D(0.25), ACADLT(0.2)]),
    _civil("jessica.nguyen", [C3D(0.3)], names_team=False),
    _civil("tyler.brooks", [ACAD(0.3), ACADLT(0.1)]),
    _civil("hannah.miller", [C3D(0.25), NAVSIM(0.1)]),
    # visualisation (London): 3ds Max, Maya (one Linux box), Fusion. Its packs
    # are too small: this team runs dry (R16).
    _viz("oliver.hughes", [MAX(0.85), MAYA(0.1)], assigned=["*"], on="2025-12-01"),
    _viz("sofia.lambert", [MAX(0.3), FUSION(0.1, os="macos", dev="MB")], assigned=["3DSMAX", "FUSION", "MAYA"]),
    _viz("theo.garnier", [MAYA(0.35, "2025", "linux", "LX"), FUSION(0.1)], assigned=["3DSMAX", "FUSION", "MAYA"]),
    _viz("emma.fournier", [MAX(0.35), MAYA(0.1)]),
    _viz("isla.patel", [MAYA(0.3, "2026", "macos", "MB"), FUSION(0.15, os="macos", dev="MB")]),
    _viz("jack.wilson", [MAX(0.35, "2025")]),
    _viz("freya.evans", [MAX(0.25), MAYA(0.2)]),
]

for _n, _p in enumerate(PEOPLE, start=1):
    _p.number = _n

BY_LOGIN = {p.login: p for p in PEOPLE}

# amara.okafor's second team (R12): civil assigned her Revit and Civil 3D
# after architecture had assigned her Revit.
EXTRA_ASSIGNMENTS = [
    ("civil", "amara.okafor", "RVT", "2026-02-16"),
    ("civil", "amara.okafor", "C3D", "2026-02-16"),
]

# Outsiders: absent from the assignment data.
CONTRACTOR = "r.kowalski@partner.example"  # names a team: unrestricted (R17)
GUEST = "guest.render@studio-north.example"  # names no team: team_unresolved (R12)


def device(person: Person, kind: str) -> str:
    """Device ids as an asset register would name them: HCE-WS-007."""
    return f"HCE-{kind}-{person.number:03d}"


def os_for(kind: str) -> str:
    return {"WS": "windows", "LT": "windows", "LX": "linux", "MB": "macos"}[kind]


# Token packs (R13-R15): sizes 100, 500, 1000, 5000. Architecture bought two
# on 2026-09-28 and reaches them in October (R14: same expiry, the smaller is
# drawn first); civil's 2025 pack expires on 2026-09-01, inside the period,
# with tokens left (R13: forfeited); visualisation's packs are too small for
# its use, so its balance runs dry in November (R16); survey bought a pack
# in December 2025 and has not started yet: it expires unused (R13, R21).
PACKS = [
    # pack_id, team, tokens, purchased_on, price, currency
    ("HCE-2025-017", "civil", 500, "2025-09-01", "1500.00", "USD"),
    ("HCE-2025-021", "architecture", 1000, "2025-12-15", "3000.00", "USD"),
    ("HCE-2026-002", "architecture", 1000, "2026-02-10", "3000.00", "USD"),
    ("HCE-2026-005", "civil", 5000, "2026-07-01", "14250.00", "USD"),
    ("HCE-2026-007", "visualisation", 1000, "2026-08-03", "3000.00", "USD"),
    ("HCE-2026-009", "architecture", 1000, "2026-09-28", "3000.00", "USD"),
    ("HCE-2026-010", "architecture", 500, "2026-09-28", "1500.00", "USD"),
    ("HCE-2026-012", "visualisation", 100, "2026-10-12", "300.00", "USD"),
    ("HCE-2026-015", "architecture", 5000, "2026-11-09", "14250.00", "USD"),
    ("HCE-2025-024", "survey", 300, "2025-12-20", "900.00", "USD"),
]

# The firm's own rate file (R10): a fictional Civil 3D increase on
# 2026-10-01. It names C3D, so it replaces C3D's shipped history whole.
RATES = [
    ("C3D", "Civil 3D", "product", "", 12, "2021-09-07", 2024, "false"),
    ("C3D", "Civil 3D", "product", "", 13, "2026-10-01", 2024, "false"),
]
