"""Instants on the command line and in reports (R1, R4).

Inside the store every instant is UTC. Reports print instants as
``YYYY-MM-DDTHH:MM:SSZ`` (data contract).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import UsageError


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def parse_instant(text: str | None, *, default_now: bool = True) -> datetime | None:
    """An instant from the command line: ``now``, a date (its 00:00 UTC), or
    ISO-8601 with or without an offset (without one, UTC: the admin's
    command-line instants are documented as UTC)."""
    if text is None or text == "":
        return now_utc() if default_now else None
    if text.lower() == "now":
        return now_utc()
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(
            f"not an instant: {text!r} (expected e.g. 2026-03-02, 2026-03-02T09:00:00Z or 'now')"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def day_end_exclusive(day: date) -> datetime:
    return day_start(day) + timedelta(days=1)


def parse_zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"unknown time zone: {name!r} (expected e.g. UTC, Europe/Paris)") from None


def format_instant(value: datetime | None) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` in UTC, or empty for None."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
