"""Every pane showing charges says which source it shows (R24): computed
from logs, billed by the vendor (export only), or, for a team whose charges
in the period mix the two, that they are mixed for that team. Hand-built
stores: logs only, export only, and mixed (Design: a logged day and a billed
day; Civil: logs only)."""

from __future__ import annotations

from datetime import date

import pytest

from app.tui.widgets.panes import PANES
from tests.tui.helpers import SIZE, build_store, make_test_app, settle
from tests.vendor.helpers import TITLE, quoted, title_row, write_bytes
from tests.vendor.test_export_only import _logs, _session

PERIOD = {"since": date(2026, 11, 1), "until": date(2026, 11, 20)}
PACKS = "pack_id,team,tokens,purchased_on\nP1,Design,1000,2026-01-01\nC1,Civil,1000,2026-01-01\n"
CHARGE_PANES = ["balances", "expirations", "rates", "usage", "alerts", "charts", "forecast", "savings", "vendor"]
LOGS = "charges: computed from logs"
BILLED = "charges: billed by the vendor (export only)"
MIXED = "charges: computed from logs; logs and the vendor's bill mixed for Design (billed on days no log covers)"


def _store(tmp_path, *, sessions, billed):
    files = [write_bytes(tmp_path / "in" / "packs.csv", PACKS)]
    if sessions:
        files.append(_logs(tmp_path / "in", sessions))
    if billed:
        files.append(write_bytes(tmp_path / "in" / "export.csv", quoted([TITLE, *billed])))
    return build_store(tmp_path / "s.duckdb", files)


def _logs_only(tmp_path):
    return _store(tmp_path, sessions=[_session("s1", "ann@x.com", "RVT", "2026-11-02")], billed=[])


def _export_only(tmp_path):
    return _store(tmp_path, sessions=[], billed=[title_row("Design", "ann@x.com", "2026-11-02", "Revit", "10")])


def _mixed(tmp_path):
    # Design: ann's logged day (2 Nov) and bob's billed day (4 Nov, no log of
    # Design that day); Civil: cid's logged day only
    return _store(
        tmp_path,
        sessions=[
            _session("s1", "ann@x.com", "RVT", "2026-11-02"),
            _session("c1", "cid@x.com", "ACAD", "2026-11-03", team="Civil"),
        ],
        billed=[title_row("Design", "bob@x.com", "2026-11-04", "AutoCAD", "7")],
    )


async def _lines(db, **filters) -> dict[str, str]:
    """The source line of each pane, as the admin sees it."""
    app = make_test_app(db, **{**PERIOD, **filters})
    out = {}
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for pane_id in [p.pane_id for p in PANES]:
            app.action_show(pane_id)
            await settle(pilot)
            found = app.query(f"#{pane_id}-source")
            out[pane_id] = " ".join(str(found.first().render()).split()) if found else None
    return out


def test_every_pane_with_charges_has_a_source_line():
    # the panes made of charges say their source; Imports lists files
    assert sorted(p.pane_id for p in PANES if p.charges_source) == sorted(CHARGE_PANES)


@pytest.mark.parametrize(
    ("build", "filters", "expected"),
    [
        (_logs_only, {}, LOGS),
        (_export_only, {}, BILLED),
        (_mixed, {}, MIXED),
        # one team: Design mixes the two in the period, Civil does not
        (
            _mixed,
            {"team": "Design"},
            "charges: logs and the vendor's bill mixed for Design (billed on days no log covers)",
        ),
        (_mixed, {"team": "Civil"}, LOGS),
        # a period holding only Design's billed day
        (_mixed, {"team": "Design", "since": date(2026, 11, 4)}, BILLED),
    ],
    ids=["logs", "export", "mixed", "mixed-design", "mixed-civil", "mixed-billed-days"],
)
async def test_r24_each_pane_says_its_source(tmp_path, build, filters, expected):
    lines = await _lines(build(tmp_path), **filters)
    assert {p: lines[p] for p in CHARGE_PANES} == dict.fromkeys(CHARGE_PANES, expected)
    assert lines["imports"] is None  # no charges there: no source line
