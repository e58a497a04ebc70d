"""Fixtures for the advice reports: hand-made stores (tests/reports/handmade.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.reports.handmade import HandStore


@pytest.fixture
def hand(store) -> HandStore:
    return HandStore(store)


@pytest.fixture
def repeating(hand):
    """Team Design, as of Monday 2026-03-02 00:00 UTC. History: 8 weeks from
    Monday 2026-01-05 to Sunday 2026-03-01, one 10-token window every weekday
    at 09:00 (alice, RVT): 40 windows, 400 tokens, all drawn from pack A
    (R14: A expires first). Packs: A = 560 tokens bought 2025-03-20 (expires
    2026-03-20 00:00; 160 left), B = 300 tokens bought 2025-06-01 (expires
    2026-06-01; untouched)."""
    hand.pack("A", "Design", 560, "2025-03-20")
    hand.pack("B", "Design", 300, "2025-06-01")
    day = date(2026, 1, 5)
    while day < date(2026, 3, 2):
        if day.weekday() < 5:
            hand.charge(f"{day.isoformat()} 09:00", "alice@firm.test", "RVT", "Design", 10, [("A", 10)])
        day += timedelta(days=1)
    return hand
