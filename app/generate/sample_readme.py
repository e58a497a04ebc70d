"""sample_logs/README.md, written from the same lists as the data, so the
description of each rule case cannot drift from the rows themselves."""

from __future__ import annotations

from app.generate import firm

INTRO = """\
# Sample logs: {firm}

Usage logs of a fictional firm over 90 days, {first} to {last} (the demo's
"now" is after it). Written by `python -m app.generate.samples` (seeded,
byte-for-byte reproducible; do not edit by hand: change
`app/generate/firm.py` or `app/generate/sample_cases.py` and rerun).
Import them with `flexdash import sample_logs/`, or run `flexdash demo`.

- Teams and offices: architecture (Paris, +02:00 then +01:00 from
  2026-10-25), civil (Boston, -04:00 then -05:00 from 2026-11-01),
  visualisation (London, +01:00 then Z from 2026-10-25). Fusion rows come
  stamped in UTC (`Z`): it is a cloud product.
- {n_users} users in the events ({n_staff} staff `first.last@{domain}`,
  plus a contractor and a guest who are not in the assignments).
- {n_products} product codes in the events: {products}. RVTFAB is a plug-in
  of RVT; VRED is deliberately missing from the rate table.
- {n_events} events in {n_sessions} sessions.

## Files

| file | kind | rows | notes |
| --- | --- | ---: | --- |
{files}

The November export overlaps the October one: the sessions that started on
2026-10-30 (UTC) are in both, written with local offsets in
`events_2026-10.jsonl` and in UTC (`Z`) at the top of
`events_2026-11.csv.gz`. Those {overlap} rows are the same events, most of
them written with another offset (London and Fusion rows were in UTC
already): importing the folder counts them as duplicates (exactly once). Every other row is valid: an import of the folder rejects nothing.
In the JSON lines file an event with no team has `"team": null`; in the CSV
files the field is empty.

## Rule cases placed by hand

Each case's user and product get no background usage around its dates (for
most, for the whole period), so the expected outcome below can be computed by
hand from the rows of the session ids listed. Instants ending in `Z` are UTC.
Expected tokens use the shipped rates (`data/rates.csv`).

{cases}

## Cases in the background usage and the packs

{team_cases}

## The vendor's usage export (R24)

`vendor_token_usage.csv` is what the vendor's account pages would export for
the period: tokens per team, user, product and day (`Day used`, UTC), in their
Title Case columns with a byte-order mark, every field quoted, products by
display name. It is written from the charges flexdash computes from the logs
above, with these differences planted (`flexdash report reconcile` lists
exactly them; the Reconcile pane shows them):

{planted}

Every planted row is on a team and day the logs cover, so no billed day
becomes a charge of its own (working from the export alone applies only to
days no log covers).
"""

TEAM_CASES = """\
- **R13 pack expiry, forfeited tokens**: civil's pack `HCE-2025-017` (500 tokens,
  bought 2025-09-01) expires at 2026-09-01T00:00:00Z, inside the period, with
  tokens left (about 200): forfeited.
- **R14 draw-down order**: architecture bought `HCE-2026-009` (1000) and
  `HCE-2026-010` (500) the same day, 2026-09-28: same expiry, so the 500 is drawn
  first. Architecture empties its older packs (`HCE-2025-021`, `HCE-2026-002`)
  in October and reaches this pair; its 5000 pack `HCE-2026-015` (2026-11-09)
  expires later and is drawn last.
- **R16 insufficient balance**: visualisation (1000 tokens from 2026-08-03,
  100 more on 2026-10-12) uses more than it bought. It runs dry on
  2026-11-05 (the first `insufficient_balance` denial: theo.garnier, MAYA,
  2026-11-05T08:05:14Z); architecture and civil never run dry.
- **R13, R21 tokens that will expire unused**: survey bought `HCE-2025-024`
  (300 tokens) on 2025-12-20 and has no user yet: as of the samples' end its
  300 tokens expire on 2026-12-20, 29 days later, all of them at risk.
- **R10 rate change**: `sample_logs/rates.csv` is the firm's own rate file: C3D
  costs 12 tokens until 2026-09-30 and 13 from 2026-10-01 (fictional). It names
  only C3D, so it replaces C3D's shipped history and no other product's.
- **R5 unterminated sessions** also occur in the background (about 3 % of
  sessions have no logout).
- **R6 idle gaps**: background sessions have activities a few minutes apart
  with now and then a gap over 15 minutes (meetings, lunch). FUSION
  (`idle_detection_since` empty) and RVTFAB never detect idleness; NAVMAN 2023
  (chloe.dubois) predates NAVMAN's idle detection (2024).
- **R8 grace**: about 5 % of background sessions are a quick look of 1-8 minutes.
- **R11 auto-start habit**: every background Revit session of jules.mercier
  opens RVTFAB 12-55 s later on the same device (no plug-in activity).
- **R12 team from the assignments**: ethan.murphy, kevin.patel and
  jessica.nguyen (civil) and amara.okafor never name a team in their rows.
  The three civil users are in one team, which assigns them all they use.
- **R17 `*` assignments**: camille.henry (architecture), sarah.johnson (civil)
  and oliver.hughes (visualisation) are assigned every product.
- **R1 travel**: olivia.laurent (Paris) works from Boston 2026-09-14..18 on her
  laptop: her rows carry -04:00 that week.
- **R20 heavy users**: louis.garcia (RVT), daniel.kim (C3D) and oliver.hughes
  (3DSMAX) use their product most working days: candidates for a named
  subscription.
- **R19 background devices**: staff use their workstation (HCE-WS-nnn) and
  sometimes their laptop (HCE-LT-nnn); never two at once except the R19 case.
"""

FILE_NOTES = {
    "events_2026-08-09.csv": ("events", "sessions that started in August and September"),
    "events_2026-10.jsonl": ("events", "October, JSON lines"),
    "events_2026-11.csv.gz": ("events", "November, gzipped; starts with the 2026-10-30 overlap in UTC"),
    "packs.csv": ("packs", "token packs of the three teams, and of survey"),
    "assignments.csv": ("assignments", "who may use what, per team"),
    "rates.csv": ("rates", "the firm's own C3D rate history (R10)"),
    "vendor_token_usage.csv": ("vendor_usage", "the vendor's usage export, with planted differences (R24)"),
}


def _case_text(case) -> str:
    ids = ", ".join(f"`{s}`" for s in case.session_ids)
    person = firm.BY_LOGIN.get(case.user)
    user = person.email if person else case.user
    return (
        f"### {case.rules}: {case.title}\n\n"
        f"- user: `{user}`; product: {case.product}\n"
        f"- when: {case.when}\n"
        f"- sessions: {ids}\n"
        f"- expected: {case.expected}\n"
    )


def _planted_text(planted) -> str:
    return "\n".join(f"- `{p.status}`: {p.user}, {p.product}, {p.day}: {p.what}" for p in planted)


def readme(events, counts: dict[str, int], cases, planted=()) -> str:
    users = sorted({e.user for e in events})
    products = sorted({e.product for e in events})
    files = "\n".join(f"| `{name}` | {kind} | {counts[name]} | {note} |" for name, (kind, note) in FILE_NOTES.items())
    return INTRO.format(
        firm=firm.FIRM,
        first=firm.FIRST_DAY,
        last=firm.LAST_DAY,
        domain=firm.DOMAIN,
        n_users=len(users),
        n_staff=len(firm.PEOPLE),
        n_products=len(products),
        products=", ".join(products),
        n_events=len(events),
        n_sessions=len({e.session_id for e in events}),
        files=files,
        overlap=counts["overlap (duplicates)"],
        cases="\n".join(_case_text(c) for c in cases),
        team_cases=TEAM_CASES,
        planted=_planted_text(planted),
    )
