"""What every pane is filtered by: the instant (R4), the team, the period."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app.timeutil import day_end_exclusive, day_start

DEFAULT_PERIOD_DAYS = 30
WARN_BELOW_PERCENT = 10.0  # the admin's critical share of purchased tokens left, unless --warn-below


@dataclass(frozen=True)
class Filters:
    """``as_of`` is "now" for the whole app (R4): nothing reads the wall clock
    below it. ``since``/``until`` are inclusive days (UTC, R3); None is open."""

    as_of: datetime
    team: str | None = None
    since: date | None = None
    until: date | None = None
    warn_below: float = WARN_BELOW_PERCENT

    @classmethod
    def default(cls, as_of: datetime, **kw) -> Filters:
        """The last 30 days up to ``as_of``."""
        last = as_of.date()
        return cls(as_of=as_of, since=last - timedelta(days=DEFAULT_PERIOD_DAYS - 1), until=last, **kw)

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)

    @property
    def since_instant(self) -> datetime | None:
        return day_start(self.since) if self.since else None

    @property
    def until_instant(self) -> datetime | None:
        """Exclusive end: the day after ``until`` at 00:00 UTC."""
        return day_end_exclusive(self.until) if self.until else None

    def sql_params(self) -> dict:
        """The named parameters the dashboard queries share."""
        return {
            "as_of": self.as_of,
            "team": self.team,
            "since": self.since_instant,
            "until": self.until_instant,
        }
