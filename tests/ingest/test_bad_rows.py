"""Bad input, row by row (data contract "Bad input"; R1, R2): each refused row
is recorded with its line, reason and raw text, and nothing else is lost."""

from __future__ import annotations

from app.ingest import import_paths

from .helpers import HEADER, adds_up, event_count, events_csv, rejects, row, stored_events, write


def one(store, path, **kw):
    (result,) = import_paths(store, [path], **kw)
    assert adds_up(result)
    return result


def test_malformed_timestamp_rejected_others_kept(store, tmp_path):
    path = events_csv(
        tmp_path / "e.csv",
        row(),
        row(ts="2026-03-02 nine o'clock", event="activity"),
        row(ts="2026-03-02T10:00:00+01:00", event="logout"),
    )
    r = one(store, path)
    assert (r.rows, r.accepted, r.rejected) == (3, 2, 1)
    ((line, reason, raw),) = rejects(store)
    assert line == 3 and reason.startswith("malformed timestamp 2026-03-02 nine o'clock")
    assert raw == row(ts="2026-03-02 nine o'clock", event="activity")
    assert stored_events(store) == [("s1", "login", "2026-03-02T08:14:05Z"), ("s1", "logout", "2026-03-02T09:00:00Z")]


def test_impossible_date_is_malformed(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(ts="2026-02-30T09:00:00Z"), row(event="logout"))
    r = one(store, path)
    assert (r.accepted, r.rejected) == (1, 1)
    assert "malformed timestamp 2026-02-30T09:00:00Z" in rejects(store)[0][1]


def test_offsets_honoured_stored_in_utc_R1(store, tmp_path):
    path = events_csv(
        tmp_path / "e.csv",
        row(ts="2026-03-02T09:14:05+01:00"),
        row(ts="2026-03-02T03:44:05-05:30", event="activity"),
        row(ts="2026-03-02T08:30:00Z", event="logout"),
    )
    one(store, path)
    # sorted by instant: 08:14:05Z, 08:30:00Z, 09:14:05Z
    assert stored_events(store) == [
        ("s1", "login", "2026-03-02T08:14:05Z"),
        ("s1", "logout", "2026-03-02T08:30:00Z"),
        ("s1", "activity", "2026-03-02T09:14:05Z"),
    ]


def test_no_offset_rejected_R2(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(ts="2026-03-02T09:14:05"), row(event="logout"))
    r = one(store, path)
    assert (r.accepted, r.rejected) == (1, 1)
    ((line, reason, _),) = rejects(store)
    assert line == 2 and "without UTC offset" in reason and "--assume-tz" in reason


def test_no_offset_accepted_with_assume_tz_R2(store, tmp_path):
    # Paris is UTC+1 in March: 09:14:05 local is 08:14:05Z.
    path = events_csv(tmp_path / "e.csv", row(ts="2026-03-02T09:14:05"), row(ts="2026-03-02T10:00:00Z", event="logout"))
    r = one(store, path, assume_tz="Europe/Paris")
    assert (r.accepted, r.rejected) == (2, 0)
    assert stored_events(store) == [("s1", "login", "2026-03-02T08:14:05Z"), ("s1", "logout", "2026-03-02T10:00:00Z")]


def test_unknown_event_kind(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(), row(event="suspend"), row(event="logout"))
    r = one(store, path)
    assert (r.accepted, r.rejected) == (2, 1)
    assert rejects(store)[0][:2] == (3, "unknown event kind suspend (expected login, activity or logout)")


def test_unknown_os_and_bad_version(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(os="solaris"), row(version="v25", event="activity"), row(event="logout"))
    r = one(store, path)
    assert (r.accepted, r.rejected) == (1, 2)
    reasons = [x[1] for x in rejects(store)]
    assert (
        reasons[0].startswith("unknown os solaris") and reasons[1] == "version v25 does not start with a 4-digit year"
    )


def test_version_year_kept(store, tmp_path):
    # the year idle detection (R6) and Linux support (R18) go by
    one(store, events_csv(tmp_path / "e.csv", row(version="2019.2")))
    assert store.execute(
        "SELECT v.version, v.version_year FROM events e JOIN versions v USING (version_id)"
    ).fetchall() == [("2019.2", 2019)]


def test_empty_required_field(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(user=""), row(event="logout"))
    r = one(store, path)
    assert (r.accepted, r.rejected) == (1, 1)
    assert rejects(store)[0][1] == "empty required field(s): user"


def test_empty_team_is_allowed_R12(store, tmp_path):
    r = one(store, events_csv(tmp_path / "e.csv", row(team="")))
    assert r.accepted == 1
    assert store.execute("SELECT team_id FROM events").fetchall() == [(None,)]


def test_missing_required_column_rejects_every_row(store, tmp_path):
    header = "ts,event,session_id,user,team,product,version,device"
    lines = [",".join(row().split(",")[:8]), ",".join(row(event="logout").split(",")[:8])]
    r = one(store, events_csv(tmp_path / "e.csv", *lines, header=header))
    assert (r.rows, r.accepted, r.rejected) == (2, 0, 2)
    assert {x[1] for x in rejects(store)} == {"missing required column(s): os"}
    assert any("os" in w for w in r.warnings)


def test_extra_column_warned_rows_accepted(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row() + ",blue", row(event="logout") + ",green", header=HEADER + ",colour")
    r = one(store, path)
    assert (r.accepted, r.rejected) == (2, 0)
    assert r.warnings == ["extra column(s) kept nowhere: colour"]


def test_row_with_wrong_field_count(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(), row(event="logout") + ",surplus")
    r = one(store, path)
    assert (r.accepted, r.rejected) == (1, 1)
    assert rejects(store)[0][:2] == (3, "expected 9 fields, found 10")


def test_invalid_utf8(store, tmp_path):
    data = (
        (HEADER + "\n" + row() + "\n").encode()
        + row(user="b\xe9a").encode("latin-1")
        + b"\n"
        + (row(event="logout") + "\n").encode()
    )
    r = one(store, write(tmp_path / "e.csv", data))
    assert (r.accepted, r.rejected) == (2, 1)
    ((line, reason, raw),) = rejects(store)
    assert (line, reason) == (3, "invalid UTF-8") and "\\xE9" in raw


def test_nul_byte(store, tmp_path):
    data = (
        HEADER + "\n" + row() + "\n" + row(device="WS\x001", event="activity") + "\n" + row(event="logout") + "\n"
    ).encode()
    r = one(store, write(tmp_path / "e.csv", data))
    assert (r.accepted, r.rejected) == (2, 1)
    assert rejects(store)[0][:2] == (3, "NUL byte in the line")


def test_ten_megabyte_line(store, tmp_path):
    huge = row(user="x" * (10 * 1024 * 1024))
    r = one(store, events_csv(tmp_path / "e.csv", row(), huge, row(event="logout")))
    assert (r.rows, r.accepted, r.rejected) == (3, 2, 1)
    ((line, reason, raw),) = rejects(store)
    assert line == 3 and reason.startswith("line too long (10485") and len(raw) < 2000
    assert event_count(store) == 2


def test_unterminated_quote_rejects_its_own_line_only(store, tmp_path):
    bad = row(team='"Design')
    r = one(store, events_csv(tmp_path / "e.csv", row(), bad, row(event="logout")))
    assert (r.rows, r.accepted, r.rejected) == (3, 2, 1)
    assert rejects(store) == [(3, "unterminated or misplaced quote", bad)]
    assert [e[1] for e in stored_events(store)] == ["login", "logout"]


def test_quoted_fields_are_read(store, tmp_path):
    path = events_csv(tmp_path / "e.csv", row(team='"Design, Paris"'), row(team='"The ""A"" team"', event="logout"))
    r = one(store, path)
    assert r.accepted == 2
    assert sorted(store.execute("SELECT team FROM teams").fetchall()) == [("Design, Paris",), ('The "A" team',)]


def test_header_only_file(store, tmp_path):
    r = one(store, events_csv(tmp_path / "e.csv"))
    assert (r.kind, r.rows, r.accepted, r.rejected) == ("events", 0, 0, 0)


def test_empty_file(store, tmp_path):
    r = one(store, write(tmp_path / "e.csv", b""))
    assert (r.rows, r.accepted, r.rejected) == (0, 0, 0)
    assert r.warnings == ["empty file"]


def test_blank_lines_are_not_rows_and_lines_stay_true(store, tmp_path):
    path = write(tmp_path / "e.csv", "\n".join([HEADER, row(), "", row(event="bogus"), ""]) + "\r\n")
    r = one(store, path)
    assert (r.rows, r.accepted, r.rejected) == (2, 1, 1)
    assert rejects(store)[0][0] == 4


def test_product_star_is_no_product_code(store, tmp_path):
    # '*' means every product in an assignment; an event naming it is refused
    # with its reason (it was once dropped unseen when stored)
    path = events_csv(tmp_path / "e.csv", row(), row(product="*", event="activity"), row(event="logout"))
    r = one(store, path)
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (3, 2, 0, 1)
    ((line, reason, _),) = rejects(store)
    assert line == 3 and reason.startswith("product * is no product code")
