"""Fixtures for the report tests: hand-made stores (see handmade.py)."""

from __future__ import annotations

import pytest

from tests.reports.handmade import HandStore


@pytest.fixture
def hand(store) -> HandStore:
    return HandStore(store)


@pytest.fixture
def two_teams(hand) -> HandStore:
    """Design and Build; the packs and charges the golden tests reason about.

    Design: P-500 (500, bought 2025-03-01, expires 2026-03-01), P-5000 (5000,
    same day), P-NEW (100, bought 2026-02-20). Build: B-1 (100, 2025-06-01).
    Empty: a team with nothing. R14: P-500 is drawn before P-5000 (same
    expiry, smaller first).
    """
    h = hand
    h.team("Design"), h.team("Build"), h.team("Empty")
    h.pack("P-5000", "Design", 5000, "2025-03-01")
    h.pack("P-500", "Design", 500, "2025-03-01")
    h.pack("P-NEW", "Design", 100, "2026-02-20")
    h.pack("B-1", "Build", 100, "2025-06-01")
    h.charge("2026-02-02 08:00", "alice@firm.test", "ACAD", "Design", 7, [("P-500", 7)])
    h.charge("2026-02-10 23:30", "bob@firm.test", "RVT", "Design", 10, [("P-500", 10)])
    h.charge("2026-02-25 09:00", "alice@firm.test", "RVT", "Design", 10, [("P-500", 10)])
    h.charge("2026-02-28 10:00", "bob@firm.test", "ACAD", "Build", 7, [("B-1", 7)])
    h.charge("2026-03-02 08:00", "alice@firm.test", "ACAD", "Design", 7, [("P-NEW", 7)])
    h.denial("2026-02-26 07:00", "bob@firm.test", "RVT", "Build", "insufficient_balance")
    h.denial("2026-02-27 12:00", "carol@firm.test", "ACAD", None, "team_unresolved")
    return h
