"""Fixtures for the engine tests: a fresh store and the test builder."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.engine.builder import Builder, instant, iso


@pytest.fixture
def b(store):
    return Builder(store)


def work(
    b: Builder, session: str, user: str, product: str, start: str, end: str, every_minutes: int = 10, **attrs
) -> None:
    """A session: login at start, an activity every ``every_minutes`` after
    it while before end, logout at end."""
    t, stop = instant(start), instant(end)
    events = [(iso(t), "login")]
    t += timedelta(minutes=every_minutes)
    while t < stop:
        events.append((iso(t), "activity"))
        t += timedelta(minutes=every_minutes)
    events.append((iso(stop), "logout"))
    b.session(session, user, product, events, **attrs)
