"""One product session as log rows: login, activities, logout (R5, R6).

Times are given in the user's local wall-clock time and turned into
instants with the zone's real offset of that day (Paris, Boston and London
all change offset inside the sample period, R1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from app.generate.formats import UTC, format_local


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass(frozen=True)
class Event:
    instant: datetime  # aware, UTC
    event: str
    session_id: str
    user: str
    team: str | None
    product: str
    version: str
    device: str
    os: str
    zone: str  # the zone the exporter wrote this row's ts in

    def row(self, zone_override: str | None = None) -> tuple:
        z = zone(zone_override or self.zone)
        return (
            format_local(self.instant, z),
            self.event,
            self.session_id,
            self.user,
            self.team or "",
            self.product,
            self.version,
            self.device,
            self.os,
        )


def local_instant(day_time: str, zone_name: str) -> datetime:
    """``'2026-10-16 15:30:00'`` in ``zone_name`` -> aware UTC instant."""
    naive = datetime.fromisoformat(day_time)
    return naive.replace(tzinfo=zone(zone_name)).astimezone(UTC)


def session(
    *,
    session_id: str,
    user: str,
    team: str | None,
    product: str,
    version: str,
    device: str,
    os: str,
    zone_name: str,
    start: datetime,
    activities: list[int],
    end: int | None,
    write_zone: str | None = None,
) -> list[Event]:
    """Rows of one session starting at the instant ``start``.

    ``activities``: seconds after login of each ``activity`` row; ``end``:
    seconds after login of the ``logout`` row, or None for a session whose
    logout never came (R5: unterminated).
    """
    common = dict(
        session_id=session_id,
        user=user,
        team=team,
        product=product,
        version=version,
        device=device,
        os=os,
        zone=write_zone or zone_name,
    )
    rows = [Event(start, "login", **common)]
    rows += [Event(start + timedelta(seconds=s), "activity", **common) for s in activities]
    if end is not None:
        rows.append(Event(start + timedelta(seconds=end), "logout", **common))
    return rows
