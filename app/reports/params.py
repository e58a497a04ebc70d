"""The parameters every report takes, and checking them against the store."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

import duckdb

from app import sql, textsafe
from app.errors import UsageError
from app.reports.spec import REPORTS, ReportSpec
from app.timeutil import format_instant, parse_zone


@dataclass(frozen=True)
class ReportParams:
    """``as_of``: the instant everything is computed at (R4), aware datetime.
    ``team``: a team name or None for all. ``since``/``until``: inclusive
    dates on the report's natural date (see ``ReportSpec.period_on``).
    ``tz``: the reporting zone of ``daily`` (R3)."""

    as_of: datetime
    team: str | None = None
    since: date | None = None
    until: date | None = None
    tz: str = "UTC"
    all: bool = False  # reconcile: list the matches too (--all)
    source: str | None = None  # where the charges come from (app.reports.sources), for the caption

    def describe(self) -> str:
        """One line for people: what this selection is."""
        parts = [f"as of {format_instant(self.as_of)}"]
        parts.append(f"team {textsafe.show(self.team)}" if self.team else "all teams")
        if self.since or self.until:
            since = self.since.isoformat() if self.since else "…"
            until = self.until.isoformat() if self.until else "…"
            parts.append(f"{since} → {until}")
        if self.tz and self.tz != "UTC":
            parts.append(f"days in {textsafe.show(self.tz)}")
        if self.source:
            parts.append(f"charges {textsafe.show(self.source, max_len=None)}")
        return " · ".join(parts)


def spec_for(name: str) -> ReportSpec:
    try:
        return REPORTS[name]
    except KeyError:
        raise UsageError(f"unknown report {name!r}; the reports are: {', '.join(REPORTS)}") from None


def known_teams(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute(sql.load("reports/teams")).fetchall()]


def check(con: duckdb.DuckDBPyConnection, spec: ReportSpec, params: ReportParams) -> ReportParams:
    """Refuse what the admin asked for that the report cannot honour, with
    a message that says what would work (never a silent ignore). Returns the
    parameters to run with: a team named in another case as the store has it."""
    if params.as_of is None or params.as_of.tzinfo is None:
        raise UsageError("as_of must be an aware instant (R4)")
    if params.since and params.until and params.since > params.until:
        raise UsageError(f"--since {params.since.isoformat()} is after --until {params.until.isoformat()}")
    if (params.since or params.until) and spec.period_on is None:
        raise UsageError(f"report {spec.name} is a point in time: use --as-of instead of --since/--until")
    if params.tz and params.tz != "UTC":
        if not spec.takes_tz:
            takers = ", ".join(s.name for s in REPORTS.values() if s.takes_tz)
            raise UsageError(f"--tz applies to {takers} only (R3), not to {spec.name}")
        parse_zone(params.tz)
    if params.all and spec.name != "reconcile":
        raise UsageError(f"--all applies to reconcile only, not to {spec.name}")
    if params.team is not None:
        if not spec.takes_team:
            raise UsageError(f"report {spec.name} has no team: drop --team")
        teams = known_teams(con)
        if params.team not in teams:
            same = [t for t in teams if t.lower() == params.team.lower()]
            if same:  # a team named in another case: the store's spelling
                return replace(params, team=same[0])
            listed = textsafe.listing(teams) if teams else "none yet (import packs or logs first)"
            raise UsageError(f"unknown team '{textsafe.show(params.team)}'; the known teams are: {listed}")
    return params
