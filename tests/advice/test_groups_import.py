"""The `groups` input (data contract "Groups", R25): one group per user, a
later import replaces a user's group, bad rows rejected with a reason."""

from __future__ import annotations

from app.ingest import import_paths
from tests.ingest.helpers import adds_up, write


def groups_of(con):
    return con.execute("SELECT user_name, group_name FROM v_user_groups ORDER BY user_name").fetchall()


def test_groups_recognised_stored_and_replaced_r25(store, tmp_path):
    first = write(tmp_path / "g1.csv", "user,group\nann@x,Arch\nbob@x,Eng\nann@x,Arch\n")
    (r,) = import_paths(store, [first])
    # 3 rows: ann and bob stored, ann's second line the same group: a duplicate
    assert (r.kind, r.rows, r.accepted, r.duplicates, r.rejected) == ("groups", 3, 2, 1, 0)
    assert groups_of(store) == [("ann@x", "Arch"), ("bob@x", "Eng")]

    later = write(tmp_path / "g2.csv", "user,group\nann@x,Finance\ncarol@x,Eng\n")
    (r,) = import_paths(store, [later])
    assert adds_up(r) and r.accepted == 2
    # ann moves to Finance (the later import wins); bob keeps Eng
    assert groups_of(store) == [("ann@x", "Finance"), ("bob@x", "Eng"), ("carol@x", "Eng")]


def test_groups_bad_rows_rejected_with_a_reason(store, tmp_path):
    path = write(tmp_path / "g.csv", "user,group\nann@x,Arch\n,Eng\ndan@x,\nann@x,Eng\n")
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (4, 1, 0, 3)
    reasons = [x[0] for x in store.execute("SELECT reason FROM rejects ORDER BY line").fetchall()]
    assert reasons[0] == "empty required field(s): user"
    assert reasons[1] == "empty required field(s): group"
    assert reasons[2].startswith("group of ann@x appears again with another group (first on line")
    assert groups_of(store) == [("ann@x", "Arch")]


def test_user_without_group_is_none_r25(store, tmp_path):
    import_paths(store, [write(tmp_path / "a.csv", "team,user,product,assigned_on\nD,eve@x,*,2026-01-01\n")])
    assert groups_of(store) == [("eve@x", "(none)")]
