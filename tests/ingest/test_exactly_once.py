"""Exactly once (data contract: an event's identity is (session_id, event, ts)):
duplicates in a file, the same file twice, overlapping files, other offsets."""

from __future__ import annotations

import shutil

from app.ingest import import_paths

from .helpers import adds_up, event_count, events_csv, exact_reads, rejects, row, stored_events


def test_duplicate_rows_inside_a_file(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(), row(), row(event="logout"), row())
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (4, 2, 2, 0)
    assert event_count(store) == 2


def test_same_file_twice_is_skipped(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(), row(event="bogus"), row(event="logout"))
    (first,) = import_paths(store, [path])
    assert (first.accepted, first.rejected) == (2, 1)
    (again,) = import_paths(store, [path])
    assert again.skipped and (again.rows, again.accepted, again.duplicates, again.rejected) == (3, 0, 3, 0)
    assert event_count(store) == 2 and len(rejects(store)) == 1
    # a copy under another name has the same content: skipped too
    copy = shutil.copy(path, tmp_path / "copy.csv")
    (third,) = import_paths(store, [copy])
    assert third.skipped and event_count(store) == 2


def test_overlapping_files_store_nothing_twice(store, tmp_path):
    a = events_csv(tmp_path / "a.csv", row(), row(event="activity", ts="2026-03-02T09:20:00+01:00"))
    b = events_csv(
        tmp_path / "b.csv",
        row(event="activity", ts="2026-03-02T09:20:00+01:00"),
        row(event="logout", ts="2026-03-02T09:30:00+01:00"),
    )
    ra, rb = import_paths(store, [a, b])
    assert (ra.accepted, rb.accepted, rb.duplicates) == (2, 1, 1)
    assert event_count(store) == 3 and adds_up(rb)


def test_same_event_with_another_offset_is_a_duplicate_R1(store, tmp_path):
    a = events_csv(tmp_path / "a.csv", row(ts="2026-03-02T09:14:05+01:00"))
    b = events_csv(tmp_path / "b.csv", row(ts="2026-03-02T08:14:05Z"), row(ts="2026-03-02T03:14:05-05:00"))
    import_paths(store, [a])
    (r,) = import_paths(store, [b])
    assert (r.accepted, r.duplicates) == (0, 2)
    assert stored_events(store) == [("s1", "login", "2026-03-02T08:14:05Z")]


def test_dictionary_ids_dense_and_stable(store, tmp_path):
    a = events_csv(tmp_path / "a.csv", row(user="bob@x"), row(user="amy@x", session="s2"))
    b = events_csv(tmp_path / "b.csv", row(user="cid@x", session="s3"), row(user="amy@x", session="s4"))
    import_paths(store, [a])
    import_paths(store, [b])
    assert store.execute("SELECT user_id, user_name FROM users ORDER BY 1").fetchall() == [
        (1, "amy@x"),
        (2, "bob@x"),
        (3, "cid@x"),
    ]
    assert store.execute("SELECT max(session_key), count(*) FROM sessions").fetchall() == [(4, 4)]


def test_first_line_of_an_identity_wins_on_a_clean_file(store, tmp_path, monkeypatch):
    # a clean file (no quote, nothing refused) is read by DuckDB's CSV reader
    # into groups of rows alike but for the instant, which loses the file's
    # order: one identity in rows that differ (here the device) sends it to
    # the exact reader, which keeps the order
    reads = exact_reads(monkeypatch)
    path = events_csv(
        tmp_path / "e.csv", row(device="WS-first"), row(event="logout"), row(device="WS-second"), row(session="#s2")
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (4, 3, 1, 0)
    assert reads == [path]
    assert store.execute(
        "SELECT d.device FROM events e JOIN devices d USING (device_id) WHERE e.event = 'login' "
        "AND e.session_key = (SELECT session_key FROM sessions WHERE session_id = 's1')"
    ).fetchall() == [("WS-first",)]
    assert ("#s2", "login", "2026-03-02T08:14:05Z") in stored_events(store)


def test_rows_equal_but_for_the_offset_stay_on_the_fast_path_R1(store, tmp_path, monkeypatch):
    # duplicates that would be stored alike (the same instant written with
    # another offset, the event in capitals, in any order) need no order:
    # the clean file stays on DuckDB's reader; 6 rows, 3 identities
    reads = exact_reads(monkeypatch)
    path = events_csv(
        tmp_path / "e.csv",
        row(),  # s1 login 08:14:05Z
        row(event="logout", ts="2026-03-02T10:00:00Z"),
        row(ts="2026-03-02T08:14:05Z"),  # = the first
        row(session="s2", event="LOGIN", ts="2026-03-02T03:14:05-05:00"),
        row(event="logout", ts="2026-03-02T11:00:00+01:00"),  # = the second
        row(session="s2", ts="2026-03-02T08:14:05Z"),  # = the fourth
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected, reads) == (6, 3, 3, 0, [])
    assert stored_events(store) == [
        ("s1", "login", "2026-03-02T08:14:05Z"),
        ("s1", "logout", "2026-03-02T10:00:00Z"),
        ("s2", "login", "2026-03-02T08:14:05Z"),
    ]


def test_files_of_new_and_stored_periods_keep_every_new_event(store, tmp_path):
    # a: March; b: April (no stored event in its period, nothing twice in it:
    # the insert without exactly-once work); c: inside March, one stored
    # event and one new one (the anti-join path). Names keep their ids.
    a = events_csv(tmp_path / "a.csv", row(), row(event="logout", ts="2026-03-02T10:00:00+01:00"))
    b = events_csv(
        tmp_path / "b.csv",
        row(ts="2026-04-01T09:00:00Z", session="s2", user="bob@firm.example"),
        row(ts="2026-04-01T09:05:00Z", event="activity", session="s2", user="bob@firm.example", team=""),
    )
    c = events_csv(
        tmp_path / "c.csv",
        row(event="logout", ts="2026-03-02T09:00:00Z"),
        row(event="activity", ts="2026-03-02T09:30:00+01:00"),
    )
    import_paths(store, [a])
    (rb,) = import_paths(store, [b])
    (rc,) = import_paths(store, [c])
    assert (rb.accepted, rb.duplicates) == (2, 0)
    assert (rc.accepted, rc.duplicates) == (1, 1)
    assert stored_events(store) == [
        ("s1", "login", "2026-03-02T08:14:05Z"),
        ("s1", "activity", "2026-03-02T08:30:00Z"),
        ("s1", "logout", "2026-03-02T09:00:00Z"),
        ("s2", "login", "2026-04-01T09:00:00Z"),
        ("s2", "activity", "2026-04-01T09:05:00Z"),
    ]
    names = store.execute(
        "SELECT s.session_id, u.user_name, t.team, v.version_year FROM events e "
        "JOIN sessions s USING (session_key) JOIN users u USING (user_id) LEFT JOIN teams t USING (team_id) "
        "JOIN versions v USING (version_id) "
        "ORDER BY e.ts"
    ).fetchall()
    assert names == [
        ("s1", "ann@firm.example", "Design", 2025),
        ("s1", "ann@firm.example", "Design", 2025),
        ("s1", "ann@firm.example", "Design", 2025),
        ("s2", "bob@firm.example", "Design", 2025),
        ("s2", "bob@firm.example", None, 2025),
    ]


def _hash_sorts(monkeypatch) -> list[int]:
    """How many hash arrays the identity test sorted (staging._no_repeats)."""
    from app.ingest import staging

    calls: list[int] = []
    real = staging._no_repeats

    def counted(hashes):
        calls.append(len(hashes))
        return real(hashes)

    monkeypatch.setattr(staging, "_no_repeats", counted)
    return calls


def test_a_repeat_out_of_time_order_in_one_group_is_found(store, tmp_path, monkeypatch):
    # one group (s1, activity, all else alike): 09:20, 09:10, 09:20 -- not
    # increasing, so its distinct instants are counted (2 of 3), and the
    # second 09:20 is a duplicate; no hash is sorted
    sorts = _hash_sorts(monkeypatch)
    reads = exact_reads(monkeypatch)
    at = ("2026-03-02T09:20:00Z", "2026-03-02T09:10:00Z", "2026-03-02T09:20:00Z")
    path = events_csv(tmp_path / "e.csv", *(row(event="activity", ts=ts) for ts in at), row(event="logout"))
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (4, 3, 1, 0)
    assert reads == [] and sorts == []  # the fast path stood
    assert event_count(store) == 3


def test_groups_out_of_time_order_without_a_repeat_are_all_new(store, tmp_path, monkeypatch):
    # s1's activity rows out of order (09:30, 09:10, 09:20), s2's in order:
    # no instant twice in a group, so every row is new and none is sorted
    sorts = _hash_sorts(monkeypatch)
    reads = exact_reads(monkeypatch)
    at = ("2026-03-02T09:30:00Z", "2026-03-02T09:10:00Z", "2026-03-02T09:20:00Z")
    path = events_csv(
        tmp_path / "e.csv",
        *(row(event="activity", ts=ts) for ts in at),
        *(row(event="activity", ts=ts, session="s2") for ts in sorted(at)),
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (6, 6, 0, 0)
    assert reads == [] and sorts == []
    assert event_count(store) == 6


def test_increasing_groups_need_no_hash_sort(store, tmp_path, monkeypatch):
    sorts = _hash_sorts(monkeypatch)
    reads = exact_reads(monkeypatch)
    at = ("2026-03-02T09:10:00Z", "2026-03-02T09:20:00Z", "2026-03-02T09:30:00Z")
    path = events_csv(
        tmp_path / "e.csv",
        *(row(event="activity", ts=ts) for ts in at),
        *(row(event="activity", ts=ts, session="s2") for ts in at),
        row(event="logout"),
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (7, 7, 0, 0)
    assert reads == [] and sorts == []
    assert event_count(store) == 7


def test_a_session_event_in_two_groups_is_checked_by_hash(store, tmp_path, monkeypatch):
    # s1's activity on WS-1 at 09:10 and on WS-2 at 09:20: one (session,
    # event) in two groups, so the hashes of the 2 accepted events are
    # sorted; no identity repeats, both are new
    sorts = _hash_sorts(monkeypatch)
    reads = exact_reads(monkeypatch)
    path = events_csv(
        tmp_path / "e.csv",
        row(event="activity", ts="2026-03-02T09:10:00Z", device="WS-1"),
        row(event="activity", ts="2026-03-02T09:20:00Z", device="WS-2"),
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (2, 2, 0, 0)
    assert reads == [] and sorts == [2]
    assert event_count(store) == 2
