"""R1, R5-R10: windows, hand-computed from the rules.

Shipped rates used: ACAD 7 tokens/day, idle detection since 2023; FUSION 3,
never detects idleness. Every team has a large pack so nothing is denied.
"""

from __future__ import annotations

import pytest

from tests.engine.conftest import work


@pytest.fixture
def rich(b):
    b.pack("BIG", "T1", 100_000, "2026-01-01")
    return b


def test_r9_vendor_example_second_charge_when_first_window_ends(rich):
    # Monday 08:00-17:00, reopened Tuesday 07:00: the 2nd charge opens Tuesday 08:00.
    work(rich, "mon", "ann", "ACAD", "2026-03-02T08:00:00Z", "2026-03-02T17:00:00Z")
    work(rich, "tue", "ann", "ACAD", "2026-03-03T07:00:00Z", "2026-03-03T12:00:00Z")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T08:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T08:00:00Z", "ann", "ACAD", "T1", 7),
    ]


def test_r6_r9_weekend_left_open_with_idle_detection_charged_when_work_resumes(rich):
    # Friday 09:00-17:00 worked, left open, work resumes Monday 09:00-12:00.
    events = [("2026-03-06T09:00:00Z", "login")]
    events += [(f"2026-03-06T{h:02d}:{m:02d}:00Z", "activity") for h in range(9, 17) for m in (0, 30)]
    events += [
        ("2026-03-09T09:00:00Z", "activity"),
        ("2026-03-09T09:10:00Z", "activity"),
        ("2026-03-09T12:00:00Z", "logout"),
    ]
    rich.session("s", "ann", "ACAD", events, version="2025")
    rich.recompute()
    # Active Fri 09:00-16:45 and Mon 09:00-09:25: one window each, none over the weekend.
    assert rich.charges() == [
        ("2026-03-06T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-09T09:00:00Z", "ann", "ACAD", "T1", 7),
    ]


def test_r6_r8_weekend_resumed_for_five_minutes_only_is_not_charged(rich):
    events = [
        ("2026-03-06T09:00:00Z", "login"),
        ("2026-03-06T09:30:00Z", "activity"),
        ("2026-03-09T09:00:00Z", "activity"),
        ("2026-03-09T09:05:00Z", "logout"),
    ]
    rich.session("s", "ann", "ACAD", events, version="2025")
    rich.recompute()
    # Active [Fri 09:00, 09:45] and [Mon 09:00, 09:05] (session end): 300 s is free.
    assert rich.charges() == [("2026-03-06T09:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r6_r9_weekend_left_open_without_idle_detection_charged_every_24h(rich):
    # Version 2022 < idle_detection_since 2023: the whole span Fri 09:00 -> Mon 12:00 is active.
    events = [
        ("2026-03-06T09:00:00Z", "login"),
        ("2026-03-06T10:00:00Z", "activity"),
        ("2026-03-09T12:00:00Z", "logout"),
    ]
    rich.session("s", "ann", "ACAD", events, version="2022")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-06T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-07T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-08T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-09T09:00:00Z", "ann", "ACAD", "T1", 7),
    ]


def test_r6_product_that_never_detects_idleness_is_charged_every_24h(rich):
    rich.session(
        "s", "ann", "FUSION", [("2026-03-06T09:00:00Z", "login"), ("2026-03-08T09:00:01Z", "logout")], version="2026"
    )
    rich.recompute()
    # Span 48 h + 1 s: windows at 09:00 Fri and Sat; Sun 09:00 has 1 s left (free).
    assert rich.charges() == [
        ("2026-03-06T09:00:00Z", "ann", "FUSION", "T1", 3),
        ("2026-03-07T09:00:00Z", "ann", "FUSION", "T1", 3),
    ]


@pytest.mark.parametrize("version", ["2022", "2025"])
def test_r8_run_of_exactly_five_minutes_is_free(rich, version):
    rich.session(
        "s", "ann", "ACAD", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T10:05:00Z", "logout")], version=version
    )
    rich.recompute()
    assert rich.charges() == []


@pytest.mark.parametrize("version", ["2022", "2025"])
def test_r8_run_of_five_minutes_one_second_is_charged(rich, version):
    rich.session(
        "s", "ann", "ACAD", [("2026-03-02T10:00:00Z", "login"), ("2026-03-02T10:05:01Z", "logout")], version=version
    )
    rich.recompute()
    assert rich.charges() == [("2026-03-02T10:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r9_window_ends_while_user_is_working(rich):
    # Continuous work Mon 08:00 -> Tue 10:00: the 2nd window opens at Tue 08:00, mid-run.
    work(rich, "s", "ann", "ACAD", "2026-03-02T08:00:00Z", "2026-03-03T10:00:00Z")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T08:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T08:00:00Z", "ann", "ACAD", "T1", 7),
    ]


@pytest.mark.parametrize("end, charged", [("2026-03-03T08:05:00Z", 1), ("2026-03-03T08:05:01Z", 2)])
def test_r8_r9_uncovered_rest_of_a_run_gets_the_grace_too(rich, end, charged):
    # Activities every 10 min up to Tue 08:00, logout at `end`: the rest after
    # Tue 08:00 is 5:00 (free) or 5:01 (charged).
    work(rich, "s", "ann", "ACAD", "2026-03-02T08:00:00Z", end)
    rich.recompute()
    assert len(rich.charges()) == charged


def test_r7_two_devices_the_same_day_charged_once(rich):
    work(rich, "a", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", device="pc1")
    work(rich, "b", "ann", "ACAD", "2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z", device="laptop")
    rich.recompute()
    assert rich.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r7_two_versions_the_same_day_charged_once(rich):
    work(rich, "a", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", version="2024")
    work(rich, "b", "ann", "ACAD", "2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z", version="2025.1")
    rich.recompute()
    assert rich.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r7_two_products_the_same_day_are_charged_separately(rich):
    work(rich, "a", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(rich, "b", "ann", "RVT", "2026-03-02T09:30:00Z", "2026-03-02T10:00:00Z")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-02T09:30:00Z", "ann", "RVT", "T1", 10),
    ]


def test_r7_sessions_on_two_devices_merge_into_one_run(rich):
    # pc1 idle-detecting 09:00-09:04 (login only -> active 09:00-09:04),
    # laptop 09:04-09:08: each run alone is free, together 8 min are charged.
    rich.session(
        "a", "ann", "ACAD", [("2026-03-02T09:00:00Z", "login"), ("2026-03-02T09:04:00Z", "logout")], device="pc1"
    )
    rich.session(
        "b", "ann", "ACAD", [("2026-03-02T09:04:00Z", "login"), ("2026-03-02T09:08:00Z", "logout")], device="laptop"
    )
    rich.recompute()
    assert rich.charges() == [("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7)]


def test_r10_rate_change_between_two_windows(rich):
    # Imported ACAD rates replace the shipped history (data contract).
    rich.rate("ACAD", 7, "2021-09-07", idle_since=2023)
    rich.rate("ACAD", 8, "2026-03-03", idle_since=2023)
    work(rich, "mon", "ann", "ACAD", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")
    work(rich, "tue", "ann", "ACAD", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T09:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T09:00:00Z", "ann", "ACAD", "T1", 8),
    ]


def test_r10_rate_is_taken_at_the_opening_instant_not_the_session_start(rich):
    # One continuous session across the change at 2026-03-03 00:00 UTC.
    rich.rate("ACAD", 7, "2021-09-07", idle_since=2023)
    rich.rate("ACAD", 9, "2026-03-03", idle_since=2023)
    work(rich, "s", "ann", "ACAD", "2026-03-02T12:00:00Z", "2026-03-03T13:00:00Z")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T12:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T12:00:00Z", "ann", "ACAD", "T1", 9),
    ]


@pytest.mark.parametrize("zone", ["+00:00", "+09:00", "-05:00"])
def test_r1_same_instants_in_three_time_zones_give_the_same_charges(rich, zone):
    from datetime import datetime, timedelta, timezone

    sign = 1 if zone[0] == "+" else -1
    tz = timezone(sign * timedelta(hours=int(zone[1:3])))

    def local(utc_text):
        return datetime.fromisoformat(utc_text).astimezone(tz).isoformat()

    rich.session(
        "s",
        "ann",
        "ACAD",
        [
            (local("2026-03-02T08:00:00+00:00"), "login"),
            (local("2026-03-02T08:10:00+00:00"), "activity"),
            (local("2026-03-02T08:20:00+00:00"), "logout"),
        ],
    )
    rich.session(
        "t",
        "ann",
        "ACAD",
        [
            (local("2026-03-03T07:00:00+00:00"), "login"),
            (local("2026-03-03T07:50:00+00:00"), "activity"),
            (local("2026-03-03T08:00:00+00:00"), "activity"),
            (local("2026-03-03T08:20:00+00:00"), "logout"),
        ],
    )
    # Tuesday: active [07:00, 07:15] and [07:50, 08:15]; the 2nd window opens
    # at 08:00 (Monday's ends), with 15 min of that run left.
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-02T08:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-03T08:00:00Z", "ann", "ACAD", "T1", 7),
    ]


def test_r1_window_is_24_hours_across_a_daylight_saving_change(rich):
    # Paris switches to summer time on 2026-03-29: Sat 09:00+01:00 = 08:00Z,
    # the window covers until Sun 08:00Z = 10:00+02:00, not 09:00 local.
    rich.session(
        "sat",
        "ann",
        "ACAD",
        [
            ("2026-03-28T09:00:00+01:00", "login"),
            ("2026-03-28T09:30:00+01:00", "activity"),
            ("2026-03-28T10:00:00+01:00", "logout"),
        ],
    )
    work(rich, "sun", "ann", "ACAD", "2026-03-29T08:30:00+02:00", "2026-03-29T10:30:00+02:00")
    rich.recompute()
    assert rich.charges() == [
        ("2026-03-28T08:00:00Z", "ann", "ACAD", "T1", 7),
        ("2026-03-29T08:00:00Z", "ann", "ACAD", "T1", 7),
    ]
