"""Fixtures for the advice reports: hand-made stores (tests/reports/handmade.py)."""

from __future__ import annotations

import pytest

from tests.reports.handmade import HandStore


@pytest.fixture
def hand(store) -> HandStore:
    return HandStore(store)
