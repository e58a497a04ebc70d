"""Kinds recognised from their columns, --kind, folders; packs, rates,
assignments and prices stored by their own identity rules."""

from __future__ import annotations

from app.ingest import import_paths

from .helpers import adds_up, events_csv, rejects, row, write

RATES_HEADER = "product,name,kind,host,tokens_per_day,effective_from,idle_detection_since,linux"


def kinds_of(results):
    return [(r.file.rsplit("/", 1)[-1], r.kind) for r in results]


def test_kinds_recognised_in_a_folder_recursively(store, tmp_path):
    events_csv(tmp_path / "logs" / "jan" / "events.csv", row())
    write(tmp_path / "logs" / "packs.csv", "pack_id,team,tokens,purchased_on\nP1,Design,1000,2026-01-05\n")
    write(tmp_path / "logs" / "assign.csv", "team,user,product,assigned_on\nDesign,ann@x,*,2026-01-01\n")
    write(tmp_path / "logs" / "rates.csv", RATES_HEADER + "\nZZZ,Zed,product,,7,2020-01-01,,false\n")
    write(tmp_path / "logs" / "prices.csv", "product,annual_subscription_price,currency\nZZZ,1200.00,EUR\n")
    write(tmp_path / "logs" / "README.md", "not an input")
    results = import_paths(store, [tmp_path / "logs"])
    assert sorted(kinds_of(results)) == sorted(
        [
            ("events.csv", "events"),
            ("packs.csv", "packs"),
            ("assign.csv", "assignments"),
            ("rates.csv", "rates"),
            ("prices.csv", "prices"),
        ]
    )
    assert all(r.accepted == 1 and adds_up(r) for r in results)


def test_forced_kind(store, tmp_path):
    # no marker column (session_id is named "sid"): only --kind reads it, and then the column is missing
    path = write(tmp_path / "e.csv", "ts,event,sid\n2026-03-02T09:00:00Z,login,s1\n")
    (r,) = import_paths(store, [path], kind="events")
    assert (r.kind, r.rejected) == ("events", 1)
    assert rejects(store)[0][1].startswith("missing required column(s): session_id")


def test_header_names_match_case_insensitively(store, tmp_path):
    path = write(tmp_path / "p.csv", "\ufeffPack_ID, Team ,TOKENS,purchased_on\nP1,Design,1000,2026-01-05\n")
    (r,) = import_paths(store, [path])
    assert (r.kind, r.accepted) == ("packs", 1)


def test_packs_same_id_same_content_is_duplicate_other_content_rejected(store, tmp_path):
    a = write(tmp_path / "a.csv", "pack_id,team,tokens,purchased_on,price\nP1,Design,1000,2026-01-05,1500.00\n")
    b = write(
        tmp_path / "b.csv",
        "pack_id,team,tokens,purchased_on,price\n"
        "P1,Design,1000,2026-01-05,1500.00\nP1,Design,500,2026-01-05,1500.00\n"
        "P2,Build,200,2026-02-01,\nP2,Build,300,2026-02-01,\n",
    )
    import_paths(store, [a])
    (r,) = import_paths(store, [b])
    assert (r.rows, r.accepted, r.duplicates, r.rejected) == (4, 1, 1, 2)
    got = rejects(store)
    assert got[0][0] == 3 and got[0][1].startswith(
        "pack_id P1 is already stored with different content (team Design, tokens 1000"
    )
    assert got[1][:2] == (5, "pack_id P2 appears again with different content (first on line 4)")
    assert store.execute("SELECT pack_id, tokens, price, currency FROM packs ORDER BY 1").fetchall() == [
        ("P1", 1000, 1500, "USD"),
        ("P2", 200, None, "USD"),
    ]


def test_pack_checks(store, tmp_path):
    path = write(
        tmp_path / "p.csv",
        "pack_id,team,tokens,purchased_on\n"
        "P1,Design,0,2026-01-05\nP2,Design,100,05/01/2026\nP3,Design,100,2026-01-05\n",
    )
    (r,) = import_paths(store, [path])
    assert (r.accepted, r.rejected) == (1, 2)
    assert [x[1] for x in rejects(store)] == [
        "tokens 0 is not a positive integer",
        "purchased_on 05/01/2026 is not a date (YYYY-MM-DD)",
    ]


def stg_rates(store, product):
    return store.execute(
        "SELECT tokens_per_day, CAST(effective_from AS VARCHAR), origin FROM stg_rates WHERE product = ? ORDER BY 2",
        [product],
    ).fetchall()


def test_imported_rates_replace_a_products_whole_history(store, tmp_path):
    shipped = store.execute("SELECT product FROM rates_shipped ORDER BY product LIMIT 2").fetchall()
    assert len(shipped) == 2, "the shipped rate table has products"
    named, other = shipped[0][0], shipped[1][0]
    before_other = stg_rates(store, other)
    a = write(
        tmp_path / "a.csv",
        RATES_HEADER + f"\n{named},N,product,,5,2020-01-01,2024,true\n{named},N,product,,6,2026-01-01,2024,true\n",
    )
    import_paths(store, [a])
    assert stg_rates(store, named) == [(5, "2020-01-01", "imported"), (6, "2026-01-01", "imported")]
    assert stg_rates(store, other) == before_other
    b = write(tmp_path / "b.csv", RATES_HEADER + f"\n{named},N,product,,9,2025-06-01,,false\n")
    import_paths(store, [b])
    assert stg_rates(store, named) == [(9, "2025-06-01", "imported")]


def test_rate_checks_and_conflict(store, tmp_path):
    path = write(
        tmp_path / "r.csv",
        RATES_HEADER + "\n"
        "PLG,Plug,plugin,,1,2020-01-01,,false\n"
        "QQQ,Q,product,,2,2020-01-01,,maybe\n"
        "QQQ,Q,product,,3,2020-01-01,,true\n"
        "QQQ,Q,product,,4,2020-01-01,,true\n",
    )
    (r,) = import_paths(store, [path])
    assert (r.rows, r.accepted, r.rejected) == (4, 1, 3)
    assert [x[1] for x in rejects(store)] == [
        "a plugin needs its host product in host",
        "linux maybe is not true or false",
        "rate of QQQ from 2020-01-01 appears again with different content (first on line 4)",
    ]


def test_assignments_identity_team_user_product(store, tmp_path):
    a = write(
        tmp_path / "a.csv",
        "team,user,product,assigned_on\nDesign,ann@x,ACD,2026-01-01\n"
        "Design,ann@x,*,2026-01-01\nDesign,ann@x,ACD,2026-02-01\n",
    )
    (r,) = import_paths(store, [a])
    assert (r.accepted, r.duplicates) == (2, 1)
    assert store.execute("SELECT product, CAST(assigned_on AS VARCHAR) FROM assignments ORDER BY 1").fetchall() == [
        ("*", "2026-01-01"),
        ("ACD", "2026-01-01"),
    ]


def test_prices_replace_per_product(store, tmp_path):
    a = write(tmp_path / "a.csv", "product,annual_subscription_price,currency\nACD,2000,usd\nRVT,3000.50,EUR\n")
    b = write(tmp_path / "b.csv", "product,annual_subscription_price\nACD,2100\n")
    import_paths(store, [a])
    import_paths(store, [b])
    assert store.execute(
        "SELECT product, annual_subscription_price, currency FROM prices_imported ORDER BY 1"
    ).fetchall() == [("ACD", 2100, "USD"), ("RVT", 3000.5, "EUR")]
